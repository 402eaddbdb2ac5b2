import { useState } from 'react';
import type { Contact, ContactPatch, DndSettings } from '../../api/types';
import { formErrors } from '../FormErrors';
import { cardClass, errorTextClass, smallInputClass } from '../ui';
import { CONTACT_FIELD_LABELS, formatDate, formatValue, timeZones } from './contactFormat';
import { InlineField } from './InlineField';

export interface ContactFieldsProps {
  contact: Contact;
  canEdit: boolean;
  onPatch: (patch: ContactPatch) => Promise<void>;
}

type Kind = 'text' | 'email' | 'tel' | 'url' | 'date' | 'list' | 'timezone';

/** The contact members shown as text-like fields. */
type TextMember =
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'additionalEmails'
  | 'additionalPhones'
  | 'companyName'
  | 'assignedTo'
  | 'address1'
  | 'city'
  | 'state'
  | 'postalCode'
  | 'country'
  | 'source'
  | 'timezone'
  | 'website'
  | 'dateOfBirth';

interface StandardField {
  member: TextMember;
  kind: Kind;
}

const GROUPS: readonly { title: string; fields: readonly StandardField[] }[] = [
  {
    title: 'Contact info',
    fields: [
      { member: 'firstName', kind: 'text' },
      { member: 'lastName', kind: 'text' },
      { member: 'email', kind: 'email' },
      { member: 'phone', kind: 'tel' },
      { member: 'additionalEmails', kind: 'list' },
      { member: 'additionalPhones', kind: 'list' },
      { member: 'companyName', kind: 'text' },
      { member: 'assignedTo', kind: 'text' },
    ],
  },
  {
    title: 'Address',
    fields: [
      { member: 'address1', kind: 'text' },
      { member: 'city', kind: 'text' },
      { member: 'state', kind: 'text' },
      { member: 'postalCode', kind: 'text' },
      { member: 'country', kind: 'text' },
    ],
  },
  {
    title: 'Other',
    fields: [
      { member: 'source', kind: 'text' },
      { member: 'timezone', kind: 'timezone' },
      { member: 'website', kind: 'url' },
      { member: 'dateOfBirth', kind: 'date' },
    ],
  },
];

function textOf(contact: Contact, { member, kind }: StandardField): string {
  const value = contact[member];
  if (Array.isArray(value)) return value.join(', ');
  if (kind === 'list') return '';
  return value ?? '';
}

/** The patch of one member: nothing typed clears it; a list is split at commas. */
function patchOf({ member, kind }: StandardField, draft: string): ContactPatch {
  if (kind === 'list') {
    return { [member]: draft.split(',').map((v) => v.trim()).filter(Boolean) };
  }
  const value = kind === 'text' || kind === 'email' || kind === 'tel' || kind === 'url' ? draft.trim() : draft;
  return { [member]: value === '' ? null : value };
}

const INPUT_TYPE: Record<Kind, string> = {
  text: 'text',
  email: 'email',
  tel: 'tel',
  url: 'url',
  date: 'date',
  list: 'text',
  timezone: 'text',
};

/** The contact's standard fields in groups (Contact info, Address, Other with do-not-disturb), each editable in place. */
export function ContactFields({ contact, canEdit, onPatch }: ContactFieldsProps) {
  return (
    <>
      {GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title} className={`${cardClass} space-y-2 p-4`}>
          <h3 className="font-semibold">{group.title}</h3>
          <dl>
            {group.fields.map((field) => {
              const label = CONTACT_FIELD_LABELS[field.member] ?? field.member;
              const text = textOf(contact, field);
              return (
                <InlineField<string>
                  key={field.member}
                  name={field.member}
                  label={label}
                  pointer={`/${field.member}`}
                  display={field.kind === 'date' ? formatDate(text || undefined) : formatValue(text)}
                  editable={canEdit}
                  initial={() => text}
                  editor={({ draft, setDraft, inputProps }) =>
                    field.kind === 'timezone' ? (
                      <select {...inputProps} value={draft} onChange={(e) => setDraft(e.target.value)} className={smallInputClass}>
                        <option value="">—</option>
                        {timeZones(text).map((zone) => (
                          <option key={zone} value={zone}>
                            {zone}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        type={INPUT_TYPE[field.kind]}
                        {...inputProps}
                        value={draft}
                        placeholder={field.kind === 'list' ? 'Comma separated' : undefined}
                        onChange={(e) => setDraft(e.target.value)}
                        className={`${smallInputClass} min-w-64`}
                      />
                    )
                  }
                  save={(draft) => onPatch(patchOf(field, draft))}
                />
              );
            })}
          </dl>
          {group.title === 'Other' && <DndFields contact={contact} canEdit={canEdit} onPatch={onPatch} />}
        </section>
      ))}
    </>
  );
}

const CHANNELS: readonly { key: keyof DndSettings; label: string }[] = [
  { key: 'sms', label: 'SMS' },
  { key: 'email', label: 'Email' },
  { key: 'call', label: 'Calls' },
  { key: 'whatsapp', label: 'WhatsApp' },
];

/** Do not disturb: every channel, or per channel; a toggle saves at once. */
function DndFields({ contact, canEdit, onPatch }: ContactFieldsProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ pointer: string; text: string } | null>(null);

  async function change(patch: ContactPatch, pointer: string) {
    setBusy(true);
    setError(null);
    try {
      await onPatch(patch);
    } catch (e) {
      const errors = formErrors(e, [pointer], true);
      setError({ pointer, text: (errors.byField[pointer] ?? [errors.general, ...errors.other]).filter(Boolean).join(' ') });
    } finally {
      setBusy(false);
    }
  }

  const toggles = [
    { name: 'dnd', label: 'All channels', on: contact.dnd, patch: (on: boolean): ContactPatch => ({ dnd: on }), pointer: '/dnd' },
    ...CHANNELS.map((c) => ({
      name: `dndSettings.${c.key}`,
      label: c.label,
      on: contact.dndSettings[c.key],
      patch: (on: boolean): ContactPatch => ({ dndSettings: { [c.key]: on } }),
      pointer: `/dndSettings/${c.key}`,
    })),
  ];
  return (
    <div data-field="dnd" className="grid grid-cols-[10rem_minmax(0,1fr)] items-start gap-3 py-1">
      <span className="text-sm text-muted">Do not disturb</span>
      <div className="space-y-1">
        {canEdit ? (
          <fieldset aria-label="Do not disturb" className="flex flex-wrap gap-4 text-sm">
            {toggles.map((t) => (
              <label key={t.name} className="flex items-center gap-1" data-field={t.name}>
                <input
                  type="checkbox"
                  checked={t.on}
                  disabled={busy}
                  onChange={(e) => void change(t.patch(e.target.checked), t.pointer)}
                />
                {t.label}
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="text-sm" data-value="">
            {contact.dnd
              ? 'All channels'
              : CHANNELS.filter((c) => contact.dndSettings[c.key])
                  .map((c) => c.label)
                  .join(', ') || 'Off'}
          </p>
        )}
        {error && (
          <p data-pointer={error.pointer} className={errorTextClass}>
            {error.text}
          </p>
        )}
      </div>
    </div>
  );
}
