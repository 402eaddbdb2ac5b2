import { FieldMessages, fieldProps, type FormErrors } from '../FormErrors';
import { buttonClass, inputClass } from '../ui';
import type { SettingsField } from './settingsForm';

export interface SettingInputProps {
  field: SettingsField;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  errors: FormErrors;
  /** Unique per form: the ids of the input and of its error message start with it. */
  idPrefix: string;
  /** A secret: whether one is stored, and whether the user asked to clear it on save. */
  secret?: { set: boolean; clearing: boolean; onClearingChange: (clearing: boolean) => void };
}

/** The required mark after a label (the input says it with aria-required). */
function RequiredMark() {
  return (
    <span aria-hidden="true" title="required" className="text-primary">
      {' '}
      *
    </span>
  );
}

/** One setting of a plugin's settings form: the input its schema asks for, its server error under it. */
export function SettingInput({ field, value, onChange, errors, idPrefix, secret }: SettingInputProps) {
  const errorId = `${idPrefix}-${field.name}-error`;
  const common = {
    id: `${idPrefix}-${field.name}`,
    name: field.name,
    'aria-required': field.required || undefined,
    ...fieldProps(errors, field.pointer, errorId),
  };
  const text = typeof value === 'string' ? value : '';
  const { property } = field;

  if (field.kind === 'checkbox') {
    return (
      <div className="space-y-1" data-field={field.name}>
        <label className="flex items-center gap-2">
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <span className="text-sm font-medium">
            {field.label}
            {field.required && <RequiredMark />}
          </span>
        </label>
        <FieldMessages errors={errors} pointer={field.pointer} id={errorId} />
        {field.description && <p className="text-xs text-muted">{field.description}</p>}
      </div>
    );
  }

  let input;
  switch (field.kind) {
    case 'textarea':
    case 'list':
      input = (
        <textarea
          {...common}
          rows={4}
          value={text}
          maxLength={field.kind === 'textarea' ? property.maxLength : undefined}
          placeholder={field.kind === 'list' ? 'One per line' : field.placeholder}
          onChange={(e) => onChange(e.target.value)}
          className={inputClass}
        />
      );
      break;
    case 'select':
      input = (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)} className={inputClass}>
          <option value="">{field.placeholder ? `— (${field.placeholder})` : '—'}</option>
          {property.enum?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'number':
      input = (
        <input
          {...common}
          type="number"
          inputMode={property.type === 'integer' ? 'numeric' : 'decimal'}
          step={property.type === 'integer' ? 1 : 'any'}
          min={property.minimum}
          max={property.maximum}
          value={text}
          placeholder={field.placeholder}
          onChange={(e) => onChange(e.target.value)}
          className={inputClass}
        />
      );
      break;
    case 'secret':
      input = (
        <input
          {...common}
          type="password"
          autoComplete="new-password"
          value={text}
          disabled={secret?.clearing}
          maxLength={property.maxLength}
          placeholder={secret?.set && !secret.clearing ? 'Leave empty to keep it' : undefined}
          onChange={(e) => onChange(e.target.value)}
          className={inputClass}
        />
      );
      break;
    default:
      input = (
        <input
          {...common}
          type={field.kind}
          autoComplete="off"
          value={text}
          maxLength={property.maxLength}
          placeholder={field.placeholder}
          onChange={(e) => onChange(e.target.value)}
          className={inputClass}
        />
      );
  }

  return (
    <div className="space-y-1" data-field={field.name}>
      <label htmlFor={common.id} className="flex items-center gap-2 text-sm font-medium">
        <span>
          {field.label}
          {field.required && <RequiredMark />}
        </span>
        {secret && (
          <span data-secret-state={secret.clearing ? 'clearing' : secret.set ? 'set' : 'not-set'} className="text-xs font-normal text-muted">
            {secret.clearing ? 'cleared when you save' : secret.set ? 'set' : 'not set'}
          </span>
        )}
      </label>
      {input}
      <FieldMessages errors={errors} pointer={field.pointer} id={errorId} />
      {field.description && <p className="text-xs text-muted">{field.description}</p>}
      {secret?.set && (
        <button
          type="button"
          className={buttonClass}
          onClick={() => {
            if (!secret.clearing) onChange('');
            secret.onClearingChange(!secret.clearing);
          }}
        >
          {secret.clearing ? `Keep the stored ${field.label.toLowerCase()}` : `Clear the stored ${field.label.toLowerCase()}`}
        </button>
      )}
    </div>
  );
}
