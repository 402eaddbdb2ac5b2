import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { crmApi } from '../../api/crm';
import type { CustomField, CustomFieldPatch, FieldModel, FieldType, NewCustomField } from '../../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, inputClass, primaryClass, smallInputClass } from '../ui';

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text',
  largeText: 'Large text',
  number: 'Number',
  money: 'Money',
  date: 'Date',
  checkbox: 'Checkbox',
  singleOption: 'Single option (select)',
  multipleOptions: 'Multiple options',
  phone: 'Phone',
  email: 'Email',
  url: 'URL',
};

const FIELD_TYPES = Object.keys(FIELD_TYPE_LABELS) as FieldType[];

export const hasOptions = (type: FieldType) => type === 'singleOption' || type === 'multipleOptions';

/** A key suggested from the name: `Annual budget` → `annual_budget` (the server has the last word). */
export function suggestKey(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (/^[a-z]/.test(key) ? key : key ? `f_${key}` : '').slice(0, 63);
}

export interface CustomFieldFormProps {
  locationId: string;
  model: FieldModel;
  /** The field to change; absent: a new one. */
  field?: CustomField;
  /** Where a new field goes (after the last). */
  nextPosition: number;
  onSaved: (field: CustomField) => void;
  onCancel?: () => void;
}

/** Creates a field, or renames and changes one (key, options, group, placeholder, required; not its type). */
export function CustomFieldForm({ locationId, model, field, nextPosition, onSaved, onCancel }: CustomFieldFormProps) {
  const id = useId();
  const [name, setName] = useState(field?.name ?? '');
  const [key, setKey] = useState(field?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(field !== undefined);
  const [type, setType] = useState<FieldType>(field?.type ?? 'text');
  const [options, setOptions] = useState<string[]>(field?.options.length ? field.options : ['']);
  const [group, setGroup] = useState(field?.group ?? '');
  const [placeholder, setPlaceholder] = useState(field?.placeholder ?? '');
  const [required, setRequired] = useState(field?.required ?? false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const withOptions = hasOptions(type);
  // as typed (blank ones too), so that the server's /options/<i> names the input the user sees
  const optionList = () => options.map((o) => o.trim());
  const pointers = ['/name', '/key', '/type', '/options', ...options.map((_, i) => `/options/${i}`), '/group', '/placeholder', '/required'];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      let saved: CustomField;
      if (field) {
        const patch: CustomFieldPatch = {
          name,
          key,
          required,
          group: group.trim() || null,
          placeholder: placeholder.trim() || null,
          ...(withOptions ? { options: optionList() } : {}),
        };
        saved = await crmApi.updateCustomField(locationId, field.id, patch);
      } else {
        const body: NewCustomField = {
          model,
          name,
          key,
          type,
          required,
          position: nextPosition,
          ...(group.trim() ? { group: group.trim() } : {}),
          ...(placeholder.trim() ? { placeholder: placeholder.trim() } : {}),
          ...(withOptions ? { options: optionList() } : {}),
        };
        saved = await crmApi.createCustomField(locationId, body);
        setName('');
        setKey('');
        setKeyTouched(false);
        setOptions(['']);
        setGroup('');
        setPlaceholder('');
        setRequired(false);
      }
      onSaved(saved);
    } catch (e) {
      setErrors(formErrors(e, pointers));
    } finally {
      setBusy(false);
    }
  }

  const text = (label: string, fieldName: string, value: string, onChange: (v: string) => void, extra?: ReactNode) => {
    const pointer = `/${fieldName}`;
    const errorId = `${id}-${fieldName}-error`;
    return (
      <div className="space-y-1">
        <label className="block space-y-1">
          <span className="text-sm font-medium">{label}</span>
          <input
            name={fieldName}
            value={value}
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
            {...fieldProps(errors, pointer, errorId)}
            className={inputClass}
          />
        </label>
        {extra}
        <FieldMessages errors={errors} pointer={pointer} id={errorId} />
      </div>
    );
  };

  const title = field ? `Edit ${field.name}` : `New ${model} field`;
  const titleId = `${id}-title`;
  return (
    <form
      onSubmit={submit}
      aria-labelledby={titleId}
      data-form={field ? 'edit-field' : 'new-field'}
      className="space-y-3 rounded-theme border border-border bg-surface p-4"
      noValidate
    >
      <h3 id={titleId} className="font-semibold">
        {title}
      </h3>
      <FormAlert errors={errors} />
      <div className="grid gap-3 sm:grid-cols-2">
        {text('Name', 'name', name, (v) => {
          setName(v);
          if (!keyTouched) setKey(suggestKey(v));
        })}
        {text(
          'Key',
          'key',
          key,
          (v) => {
            setKey(v);
            setKeyTouched(true);
          },
          <span className="block text-xs text-muted">
            Values are written under it: customFields.{key || 'key'} and merge fields.
          </span>,
        )}
        <div className="space-y-1">
          <label className="block space-y-1">
            <span className="text-sm font-medium">Type</span>
            <select
              name="type"
              value={type}
              disabled={field !== undefined}
              onChange={(e) => setType(e.target.value as FieldType)}
              {...fieldProps(errors, '/type', `${id}-type-error`)}
              className={inputClass}
            >
              {FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {FIELD_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <FieldMessages errors={errors} pointer="/type" id={`${id}-type-error`} />
        </div>
        {text('Group', 'group', group, setGroup)}
        {text('Placeholder', 'placeholder', placeholder, setPlaceholder)}
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="required" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          Required
        </label>
      </div>
      {withOptions && <OptionsEditor idPrefix={id} options={options} onChange={setOptions} errors={errors} />}
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={primaryClass}>
          {field ? 'Save field' : 'Create field'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className={buttonClass}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

interface OptionsEditorProps {
  idPrefix: string;
  options: string[];
  onChange: (options: string[]) => void;
  errors: FormErrors;
}

/** The choices of an option field: one input each, add, remove, move. */
function OptionsEditor({ idPrefix, options, onChange, errors }: OptionsEditorProps) {
  const set = (i: number, value: string) => onChange(options.map((o, j) => (j === i ? value : o)));
  const move = (i: number, delta: number) => {
    const next = [...options];
    [next[i], next[i + delta]] = [next[i + delta], next[i]];
    onChange(next);
  };
  return (
    <fieldset aria-label="Options" className="space-y-2">
      <legend className="text-sm font-medium">Options</legend>
      <FieldMessages errors={errors} pointer="/options" id={`${idPrefix}-options-error`} />
      <ol className="space-y-2">
        {options.map((option, i) => {
          const pointer = `/options/${i}`;
          const errorId = `${idPrefix}-option-${i}-error`;
          return (
            <li key={i} className="space-y-1">
              <div className="flex items-center gap-2">
                <input
                  aria-label={`Option ${i + 1}`}
                  name={`option-${i}`}
                  value={option}
                  onChange={(e) => set(i, e.target.value)}
                  {...fieldProps(errors, pointer, errorId)}
                  className={`${smallInputClass} w-64`}
                />
                <button type="button" className={buttonClass} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move option ${i + 1} up`}>
                  ↑
                </button>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={i === options.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move option ${i + 1} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={buttonClass}
                  onClick={() => onChange(options.length > 1 ? options.filter((_, j) => j !== i) : [''])}
                  aria-label={`Remove option ${i + 1}`}
                >
                  Remove
                </button>
              </div>
              <FieldMessages errors={errors} pointer={pointer} id={errorId} />
            </li>
          );
        })}
      </ol>
      <button type="button" className={buttonClass} onClick={() => onChange([...options, ''])}>
        Add option
      </button>
    </fieldset>
  );
}
