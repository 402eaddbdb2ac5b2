import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { CrmSettings, DuplicatePolicy } from '../../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { cardClass, errorTextClass, inputClass, message, primaryClass } from '../ui';
import { timeZones } from './contactFormat';

export interface CrmSettingsViewProps {
  locationId: string;
  /** `location.settings`: change them. */
  canEdit: boolean;
}

const POLICIES: Record<DuplicatePolicy, string> = {
  none: 'None: every new contact is added',
  email: 'Same email: update the contact that has it',
  phone: 'Same phone: update the contact that has it',
  emailOrPhone: 'Same email or phone: update the contact that has either',
};

/** The country's name in the browser's language (`DE` → Germany), if it knows the code. */
function countryName(code: string): string | null {
  if (!/^[A-Za-z]{2}$/.test(code.trim())) return null;
  const upper = code.trim().toUpperCase();
  try {
    const name = new Intl.DisplayNames(undefined, { type: 'region' }).of(upper);
    return name && name !== upper ? name : null;
  } catch {
    return null;
  }
}

/** The location's phone country, time zone and duplicate policy. */
export function CrmSettingsView({ locationId, canEdit }: CrmSettingsViewProps) {
  const [saved, setSaved] = useState<CrmSettings | null>(null);
  const [draft, setDraft] = useState<CrmSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setSaved(null);
    setDraft(null);
    crmApi
      .getCrmSettings(locationId)
      .then((s) => {
        if (cancelled) return;
        setSaved(s);
        setDraft(s);
      })
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof ApiError && e.status === 401)) setLoadError(`Could not load the settings: ${message(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [locationId]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft || !saved) return;
    const change: Partial<CrmSettings> = {};
    if (draft.country !== saved.country) change.country = draft.country;
    if (draft.timezone !== saved.timezone) change.timezone = draft.timezone;
    if (draft.duplicatePolicy !== saved.duplicatePolicy) change.duplicatePolicy = draft.duplicatePolicy;
    setBusy(true);
    setErrors(NO_ERRORS);
    setStatus(null);
    try {
      const next = await crmApi.updateCrmSettings(locationId, change);
      setSaved(next);
      setDraft(next);
      setStatus('Saved.');
    } catch (e) {
      setErrors(formErrors(e, ['/country', '/timezone', '/duplicatePolicy']));
    } finally {
      setBusy(false);
    }
  }

  if (loadError) {
    return (
      <p role="alert" className={errorTextClass}>
        {loadError}
      </p>
    );
  }
  if (!draft || !saved) return <p className="text-sm text-muted">Loading…</p>;

  if (!canEdit) {
    return (
      <dl aria-label="CRM settings" className={`${cardClass} max-w-xl space-y-2 p-4 text-sm`}>
        <div className="flex gap-3">
          <dt className="w-40 text-muted">Phone country</dt>
          <dd data-setting="country">
            {saved.country} {countryName(saved.country) && `(${countryName(saved.country)})`}
          </dd>
        </div>
        <div className="flex gap-3">
          <dt className="w-40 text-muted">Time zone</dt>
          <dd data-setting="timezone">{saved.timezone}</dd>
        </div>
        <div className="flex gap-3">
          <dt className="w-40 text-muted">Duplicate contacts</dt>
          <dd data-setting="duplicatePolicy">{POLICIES[saved.duplicatePolicy]}</dd>
        </div>
      </dl>
    );
  }

  const country = countryName(draft.country);
  return (
    <form onSubmit={submit} aria-label="CRM settings" className="max-w-xl space-y-4" noValidate>
      <FormAlert errors={errors} />
      <div className="space-y-1">
        <label className="block space-y-1">
          <span className="text-sm font-medium">Phone country</span>
          <input
            name="country"
            value={draft.country}
            autoComplete="off"
            onChange={(e) => setDraft({ ...draft, country: e.target.value })}
            {...fieldProps(errors, '/country', 'crm-country-error')}
            className={inputClass}
          />
        </label>
        <FieldMessages errors={errors} pointer="/country" id="crm-country-error" />
        <p className="text-xs text-muted">
          {country ? `${country}: ` : ''}numbers written without a country code belong to it (ISO 3166 code, such as US or DE).
        </p>
      </div>
      <div className="space-y-1">
        <label className="block space-y-1">
          <span className="text-sm font-medium">Time zone</span>
          <select
            name="timezone"
            value={draft.timezone}
            onChange={(e) => setDraft({ ...draft, timezone: e.target.value })}
            {...fieldProps(errors, '/timezone', 'crm-timezone-error')}
            className={inputClass}
          >
            {timeZones(draft.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
        <FieldMessages errors={errors} pointer="/timezone" id="crm-timezone-error" />
      </div>
      <div className="space-y-1">
        <label className="block space-y-1">
          <span className="text-sm font-medium">Duplicate contacts</span>
          <select
            name="duplicatePolicy"
            value={draft.duplicatePolicy}
            onChange={(e) => setDraft({ ...draft, duplicatePolicy: e.target.value as DuplicatePolicy })}
            {...fieldProps(errors, '/duplicatePolicy', 'crm-policy-error')}
            className={inputClass}
          >
            {(Object.keys(POLICIES) as DuplicatePolicy[]).map((policy) => (
              <option key={policy} value={policy}>
                {POLICIES[policy]}
              </option>
            ))}
          </select>
        </label>
        <FieldMessages errors={errors} pointer="/duplicatePolicy" id="crm-policy-error" />
        <p className="text-xs text-muted">What creating a contact does when one with the same email or phone exists.</p>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className={primaryClass}>
          Save settings
        </button>
        <p role="status" className="text-sm text-muted">
          {status}
        </p>
      </div>
    </form>
  );
}
