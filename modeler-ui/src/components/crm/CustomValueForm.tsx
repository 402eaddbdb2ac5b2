import { useId, useState, type FormEvent } from 'react';
import { crmApi } from '../../api/crm';
import type { LocationValue, NewLocationValue } from '../../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, inputClass, primaryClass } from '../ui';
import { suggestKey } from './CustomFieldForm';

export interface CustomValueFormProps {
  locationId: string;
  /** The value to change; absent: a new one. */
  value?: LocationValue;
  onSaved: (value: LocationValue) => void;
  onCancel?: () => void;
}

const POINTERS = ['/name', '/key', '/value'];

/** Creates a custom value (its key following its name until edited), or changes one. */
export function CustomValueForm({ locationId, value, onSaved, onCancel }: CustomValueFormProps) {
  const id = useId();
  const [name, setName] = useState(value?.name ?? '');
  const [key, setKey] = useState(value?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(value !== undefined);
  const [text, setText] = useState(value?.value ?? '');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    const body: NewLocationValue = { name, key, value: text };
    try {
      const saved = value
        ? await crmApi.updateCustomValue(locationId, value.id, body)
        : await crmApi.createCustomValue(locationId, body);
      if (!value) {
        setName('');
        setKey('');
        setKeyTouched(false);
        setText('');
      }
      onSaved(saved);
    } catch (e) {
      setErrors(formErrors(e, POINTERS));
    } finally {
      setBusy(false);
    }
  }

  const errorId = (member: string) => `${id}-${member}-error`;
  const titleId = `${id}-title`;
  return (
    <form
      onSubmit={submit}
      aria-labelledby={titleId}
      data-form={value ? 'edit-value' : 'new-value'}
      className="space-y-3 rounded-theme border border-border bg-surface p-4"
      noValidate
    >
      <h3 id={titleId} className="font-semibold">
        {value ? `Edit ${value.name}` : 'New custom value'}
      </h3>
      <FormAlert errors={errors} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label className="block space-y-1">
            <span className="text-sm font-medium">Name</span>
            <input
              name="name"
              value={name}
              autoComplete="off"
              onChange={(e) => {
                setName(e.target.value);
                if (!keyTouched) setKey(suggestKey(e.target.value));
              }}
              {...fieldProps(errors, '/name', errorId('name'))}
              className={inputClass}
            />
          </label>
          <FieldMessages errors={errors} pointer="/name" id={errorId('name')} />
        </div>
        <div className="space-y-1">
          <label className="block space-y-1">
            <span className="text-sm font-medium">Key</span>
            <input
              name="key"
              value={key}
              autoComplete="off"
              onChange={(e) => {
                setKey(e.target.value);
                setKeyTouched(true);
              }}
              {...fieldProps(errors, '/key', errorId('key'))}
              className={inputClass}
            />
          </label>
          <FieldMessages errors={errors} pointer="/key" id={errorId('key')} />
          <span className="block text-xs text-muted">
            Workflows write it as <code>{`{{custom_values.${key || 'key'}}}`}</code>
            {value && key !== value.key && '; the ones using the old key must change too'}.
          </span>
        </div>
      </div>
      <div className="space-y-1">
        <label className="block space-y-1">
          <span className="text-sm font-medium">Value</span>
          <textarea
            name="value"
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            {...fieldProps(errors, '/value', errorId('value'))}
            className={inputClass}
          />
        </label>
        <FieldMessages errors={errors} pointer="/value" id={errorId('value')} />
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={primaryClass}>
          {value ? 'Save value' : 'Create value'}
        </button>
        {onCancel && (
          <button type="button" disabled={busy} onClick={onCancel} className={buttonClass}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
