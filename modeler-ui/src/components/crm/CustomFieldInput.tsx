import type { CustomField, CustomValue } from '../../api/types';
import { smallInputClass } from '../ui';
import type { EditorProps } from './InlineField';

/** What an editor holds while the user types: text (also numbers, as typed), a checkbox's state, options. */
export type CustomDraft = string | boolean | string[];

/** The draft for a field's current value. */
export function initialDraft(field: CustomField, value: CustomValue | undefined): CustomDraft {
  switch (field.type) {
    case 'checkbox':
      return value === true;
    case 'multipleOptions':
      return Array.isArray(value) ? value : [];
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

/**
 * The value to send: null clears it (nothing typed, no option chosen). A number that does not parse
 * is sent as typed, and the server says what is wrong with it next to the field.
 */
export function draftToValue(field: CustomField, draft: CustomDraft): CustomValue | null {
  if (typeof draft === 'boolean') return draft;
  if (Array.isArray(draft)) return draft.length ? draft : null;
  const text = draft.trim();
  if (!text) return null;
  if (field.type === 'number' || field.type === 'money') {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  return field.type === 'largeText' ? draft : text;
}

const INPUT_TYPES: Partial<Record<CustomField['type'], string>> = {
  text: 'text',
  phone: 'tel',
  email: 'email',
  url: 'url',
  date: 'date',
  number: 'number',
  money: 'number',
};

/** An input suited to the field's type: a select, checkboxes, a checkbox, a date, a number, text. */
export function CustomFieldInput({ field, draft, setDraft, inputProps }: EditorProps<CustomDraft> & { field: CustomField }) {
  switch (field.type) {
    case 'checkbox':
      return (
        <input
          type="checkbox"
          {...inputProps}
          checked={draft === true}
          onChange={(e) => setDraft(e.target.checked)}
          className="mt-2"
        />
      );
    case 'singleOption':
      return (
        <select {...inputProps} value={String(draft)} onChange={(e) => setDraft(e.target.value)} className={smallInputClass}>
          <option value="">—</option>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
          {typeof draft === 'string' && draft && !field.options.includes(draft) && <option value={draft}>{draft}</option>}
        </select>
      );
    case 'multipleOptions': {
      const chosen = Array.isArray(draft) ? draft : [];
      const { id, autoFocus: _autoFocus, ...rest } = inputProps;
      return (
        <fieldset id={id} {...rest} className="flex flex-wrap gap-3 pt-1 text-sm">
          {field.options.map((option, i) => (
            <label key={option} className="flex items-center gap-1">
              <input
                type="checkbox"
                autoFocus={i === 0}
                checked={chosen.includes(option)}
                onChange={(e) =>
                  setDraft(e.target.checked ? [...chosen, option] : chosen.filter((o) => o !== option))
                }
              />
              {option}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'largeText':
      return (
        <textarea
          {...inputProps}
          rows={4}
          placeholder={field.placeholder}
          value={String(draft)}
          onChange={(e) => setDraft(e.target.value)}
          className={`${smallInputClass} w-full`}
        />
      );
    default:
      return (
        <input
          type={INPUT_TYPES[field.type] ?? 'text'}
          step={field.type === 'money' ? '0.01' : field.type === 'number' ? 'any' : undefined}
          {...inputProps}
          placeholder={field.placeholder}
          value={String(draft)}
          onChange={(e) => setDraft(e.target.value)}
          className={`${smallInputClass} min-w-64`}
        />
      );
  }
}
