import { useState, type FormEvent } from 'react';
import { crmApi } from '../../api/crm';
import type { Company, NewCompany } from '../../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, inputClass, primaryClass } from '../ui';

export interface NewCompanyFormProps {
  locationId: string;
  onCreated: (company: Company) => void;
  onClose: () => void;
}

const EMPTY = { name: '', domain: '', email: '', phone: '', website: '' };

const FIELDS: readonly { name: keyof typeof EMPTY; label: string; type: string }[] = [
  { name: 'name', label: 'Name', type: 'text' },
  { name: 'domain', label: 'Domain', type: 'text' },
  { name: 'email', label: 'Email', type: 'email' },
  { name: 'phone', label: 'Phone', type: 'tel' },
  { name: 'website', label: 'Website', type: 'url' },
];

const POINTERS = FIELDS.map((f) => `/${f.name}`);

/** Adds a company; empty fields are left out and the server's errors show next to their fields. */
export function NewCompanyForm({ locationId, onCreated, onClose }: NewCompanyFormProps) {
  const [values, setValues] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    const body: NewCompany = { name: values.name };
    for (const { name } of FIELDS) {
      const value = values[name].trim();
      if (value && name !== 'name') body[name] = value;
    }
    try {
      const company = await crmApi.createCompany(locationId, body);
      setValues(EMPTY);
      onCreated(company);
    } catch (e) {
      setErrors(formErrors(e, POINTERS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      aria-labelledby="new-company-title"
      className="space-y-3 rounded-theme border border-border bg-surface p-4"
      noValidate
    >
      <h3 id="new-company-title" className="font-semibold">
        New company
      </h3>
      <FormAlert errors={errors} />
      {FIELDS.map((field) => {
        const pointer = `/${field.name}`;
        const errorId = `new-company-${field.name}-error`;
        return (
          <div key={field.name} className="space-y-1">
            <label className="block space-y-1">
              <span className="text-sm font-medium">{field.label}</span>
              <input
                name={field.name}
                type={field.type}
                autoComplete="off"
                value={values[field.name]}
                onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
                {...fieldProps(errors, pointer, errorId)}
                className={inputClass}
              />
            </label>
            <FieldMessages errors={errors} pointer={pointer} id={errorId} />
          </div>
        );
      })}
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={primaryClass}>
          Create company
        </button>
        <button type="button" onClick={onClose} className={buttonClass}>
          Close
        </button>
      </div>
    </form>
  );
}
