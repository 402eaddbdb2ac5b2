import { useState, type FormEvent } from 'react';
import { crmApi, type CreatedContact } from '../../api/crm';
import type { NewContact } from '../../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, inputClass, primaryClass } from '../ui';

export interface NewContactFormProps {
  locationId: string;
  onCreated: (result: CreatedContact) => void;
  onClose: () => void;
}

interface Field {
  name: keyof typeof EMPTY;
  label: string;
  type: string;
  autoComplete?: string;
}

const EMPTY = { firstName: '', lastName: '', email: '', phone: '', companyName: '', source: '', tags: '' };

const FIELDS: readonly Field[] = [
  { name: 'firstName', label: 'First name', type: 'text', autoComplete: 'off' },
  { name: 'lastName', label: 'Last name', type: 'text', autoComplete: 'off' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'off' },
  { name: 'phone', label: 'Phone', type: 'tel', autoComplete: 'off' },
  { name: 'companyName', label: 'Company', type: 'text', autoComplete: 'off' },
  { name: 'source', label: 'Source', type: 'text', autoComplete: 'off' },
  { name: 'tags', label: 'Tags (comma separated)', type: 'text', autoComplete: 'off' },
];

const POINTERS = FIELDS.map((f) => `/${f.name}`);

/** The request: empty fields left out, tags split at commas. */
function body(values: typeof EMPTY): NewContact {
  const contact: NewContact = {};
  for (const { name } of FIELDS) {
    const value = values[name].trim();
    if (!value) continue;
    if (name === 'tags') contact.tags = value.split(',').map((t) => t.trim()).filter(Boolean);
    else contact[name] = value;
  }
  return contact;
}

/** Adds a contact; the server's errors show next to their fields (no client-side rules). */
export function NewContactForm({ locationId, onCreated, onClose }: NewContactFormProps) {
  const [values, setValues] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const result = await crmApi.createContact(locationId, body(values));
      setValues(EMPTY);
      onCreated(result);
    } catch (e) {
      setErrors(formErrors(e, POINTERS, true));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      aria-labelledby="new-contact-title"
      className="space-y-3 rounded-theme border border-border bg-surface p-4"
      noValidate
    >
      <h2 id="new-contact-title" className="text-lg font-semibold">
        New contact
      </h2>
      <FormAlert errors={errors} />
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((field) => {
          const pointer = `/${field.name}`;
          const errorId = `new-contact-${field.name}-error`;
          return (
            <div key={field.name} className="space-y-1">
              <label className="block space-y-1">
                <span className="text-sm font-medium">{field.label}</span>
                <input
                  name={field.name}
                  type={field.type}
                  autoComplete={field.autoComplete}
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
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={primaryClass}>
          Create contact
        </button>
        <button type="button" onClick={onClose} className={buttonClass}>
          Close
        </button>
      </div>
    </form>
  );
}
