import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { MAX_PEM_CHARS, trustApi } from '../../api/trust';
import type { SigningKey } from '../../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { inputClass, smallPrimaryClass } from '../ui';

export interface SigningKeyFormProps {
  onAdded: (key: SigningKey) => void;
}

/** The form's fields, as the errors are sorted to them: `name` is the query parameter the server names. */
const NAME = 'name';
const CERTIFICATE = 'certificate';

/**
 * The server names a bad `name` as a query parameter, and says in the detail when the body is not a
 * certificate (400) or too large (413): each goes next to its field.
 */
function keyErrors(error: unknown): FormErrors {
  const errors = formErrors(error, []);
  if (!(error instanceof ApiError)) return errors;
  const byField: FormErrors['byField'] = {};
  const named = error.errors.filter((e) => e.parameter === NAME).map((e) => e.detail);
  if (named.length > 0) byField[NAME] = named;
  const other = error.errors.filter((e) => e.parameter !== NAME).map((e) => e.detail);
  if ((error.status === 400 && named.length === 0) || error.status === 413) {
    byField[CERTIFICATE] = [error.message];
    return { general: null, byField, other };
  }
  return { general: errors.general, byField, other };
}

/** Trusts a certificate to sign plugins: its PEM text pasted or read from a file, and optionally what to call it. */
export function SigningKeyForm({ onAdded }: SigningKeyFormProps) {
  const ids = { pem: useId(), file: useId(), name: useId(), pemError: useId(), nameError: useId() };
  const [pem, setPem] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setErrors(NO_ERRORS);
    if (file.size > MAX_PEM_CHARS) {
      setErrors({ general: null, byField: { [CERTIFICATE]: [`${file.name} is larger than 64 KB: not one certificate.`] }, other: [] });
      return;
    }
    setPem(await file.text());
    event.target.value = '';
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const key = await trustApi.addSigningKey(pem, name);
      setPem('');
      setName('');
      onAdded(key);
    } catch (e) {
      setErrors(keyErrors(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Add a signing key" className="space-y-3" noValidate>
      <h4 className="font-medium">Trust a signing key</h4>
      <FormAlert errors={errors} />
      <div className="space-y-1" data-field={CERTIFICATE}>
        <label htmlFor={ids.pem} className="text-sm font-medium">
          Certificate (PEM)
        </label>
        <textarea
          id={ids.pem}
          name={CERTIFICATE}
          value={pem}
          onChange={(e) => setPem(e.target.value)}
          rows={6}
          placeholder="-----BEGIN CERTIFICATE-----"
          className={`${inputClass} font-mono text-xs`}
          {...fieldProps(errors, CERTIFICATE, ids.pemError)}
        />
        <FieldMessages errors={errors} pointer={CERTIFICATE} id={ids.pemError} />
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor={ids.file} className="text-muted">
            or read it from a file
          </label>
          <input id={ids.file} type="file" accept=".pem,.crt,.cer,application/x-pem-file" onChange={(e) => void readFile(e)} />
        </div>
      </div>
      <div className="space-y-1" data-field={NAME}>
        <label htmlFor={ids.name} className="text-sm font-medium">
          Name <span className="font-normal text-muted">(optional: the certificate&apos;s common name otherwise)</span>
        </label>
        <input
          id={ids.name}
          name={NAME}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={inputClass}
          {...fieldProps(errors, NAME, ids.nameError)}
        />
        <FieldMessages errors={errors} pointer={NAME} id={ids.nameError} />
      </div>
      <button type="submit" disabled={busy || pem.trim() === ''} className={smallPrimaryClass}>
        {busy ? 'Adding…' : 'Add signing key'}
      </button>
    </form>
  );
}
