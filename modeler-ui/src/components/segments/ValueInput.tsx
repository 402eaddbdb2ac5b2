import type { LocationUser } from '../crm/locationUsers';
import { smallInputClass } from '../ui';
import { ChipsInput } from './ChipsInput';
import { SPAN_UNITS, type InputKind, type ValueShape } from './filterModel';

export interface ValueInputProps {
  shape: ValueShape;
  kind: InputKind;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The accessible name of the input(s): "Value", "Opportunity value". */
  label: string;
  /** The options of an option field. */
  options?: readonly string[];
  /** The users an assignee can be. */
  users?: readonly LocationUser[];
  invalid?: boolean;
  describedBy?: string;
}

const asText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map((v) => String(v)) : []);

/** A number input's value as the language takes it: a number, or the text as typed (the server says why it is none). */
function numberOf(text: string): number | string {
  if (text.trim() === '') return '';
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

interface SingleProps {
  kind: InputKind;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  options?: readonly string[];
  users?: readonly LocationUser[];
  invalid?: boolean;
  describedBy?: string;
}

/** One value: a text, a number, a date, yes or no, an option, a user. */
function SingleValue({ kind, value, onChange, label, options, users, invalid, describedBy }: SingleProps) {
  const common = {
    'aria-label': label,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    className: smallInputClass,
  } as const;
  switch (kind) {
    case 'boolean':
      return (
        <select
          {...common}
          value={value === false ? 'false' : 'true'}
          onChange={(e) => onChange(e.target.value === 'true')}
        >
          <option value="true">checked</option>
          <option value="false">not checked</option>
        </select>
      );
    case 'option':
      return (
        <select {...common} value={asText(value)} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose…</option>
          {(options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'user':
      return users && users.length > 0 ? (
        <select {...common} value={asText(value)} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose…</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.email}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} placeholder="User id" value={asText(value)} onChange={(e) => onChange(e.target.value)} />
      );
    case 'number':
      return (
        <input
          {...common}
          type="number"
          step="any"
          value={asText(value)}
          onChange={(e) => onChange(numberOf(e.target.value))}
        />
      );
    case 'date':
      return <input {...common} type="date" value={asText(value)} onChange={(e) => onChange(e.target.value)} />;
    default:
      return <input {...common} value={asText(value)} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** The value of a comparison as its operator takes it: none, one, a list, a pair or a span. */
export function ValueInput(props: ValueInputProps) {
  const { shape, kind, value, onChange, label, options, users, invalid, describedBy } = props;
  switch (shape) {
    case 'none':
      return null;
    case 'list': {
      const values = asList(value);
      if (kind === 'option' || (kind === 'user' && users && users.length > 0)) {
        const choices =
          kind === 'option'
            ? (options ?? []).map((o) => ({ value: o, label: o }))
            : users!.map((u) => ({ value: u.id, label: u.email }));
        return (
          <fieldset
            aria-label={label}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            className="inline-flex flex-wrap gap-2"
          >
            {choices.map((c) => (
              <label key={c.value} className="inline-flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={values.includes(c.value)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...values, c.value] : values.filter((v) => v !== c.value))
                  }
                />
                {c.label}
              </label>
            ))}
          </fieldset>
        );
      }
      return (
        <ChipsInput values={values} onChange={onChange} label={label} invalid={invalid} describedBy={describedBy} />
      );
    }
    case 'pair': {
      const pair = Array.isArray(value) ? value : [null, null];
      const set = (i: number, v: unknown) => onChange(i === 0 ? [v, pair[1] ?? null] : [pair[0] ?? null, v]);
      const inner = kind === 'date' ? 'date' : 'number';
      return (
        <span className="inline-flex items-center gap-1">
          <SingleValue
            kind={inner}
            value={pair[0]}
            onChange={(v) => set(0, v === '' ? null : v)}
            label={`${label} from`}
            invalid={invalid}
            describedBy={describedBy}
          />
          <span className="text-sm text-muted">and</span>
          <SingleValue
            kind={inner}
            value={pair[1]}
            onChange={(v) => set(1, v === '' ? null : v)}
            label={`${label} to`}
            invalid={invalid}
            describedBy={describedBy}
          />
        </span>
      );
    }
    case 'span': {
      const span =
        value && typeof value === 'object' && !Array.isArray(value)
          ? (value as { amount?: unknown; unit?: unknown })
          : {};
      return (
        <span className="inline-flex items-center gap-1">
          <input
            type="number"
            min={0}
            step={1}
            aria-label={`${label} amount`}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            value={asText(span.amount)}
            onChange={(e) => onChange({ ...span, amount: numberOf(e.target.value) })}
            className={`${smallInputClass} w-20`}
          />
          <select
            aria-label={`${label} unit`}
            value={typeof span.unit === 'string' ? span.unit : 'days'}
            onChange={(e) => onChange({ ...span, unit: e.target.value })}
            className={smallInputClass}
          >
            {SPAN_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </span>
      );
    }
    default:
      return (
        <SingleValue
          kind={kind}
          value={value}
          onChange={onChange}
          label={label}
          options={options}
          users={users}
          invalid={invalid}
          describedBy={describedBy}
        />
      );
  }
}
