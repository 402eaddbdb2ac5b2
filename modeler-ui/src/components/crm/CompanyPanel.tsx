import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { Company, CompanyPatch, Contact, CustomField } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { buttonClass, cardClass, errorTextClass, message, smallInputClass, smallPrimaryClass } from '../ui';
import { ContactPicker } from './ContactPicker';
import { displayName, formatDateTime, formatValue } from './contactFormat';
import { CustomFieldGroups } from './CustomFieldGroups';
import { InlineField } from './InlineField';

export interface CompanyPanelProps {
  locationId: string;
  companyId: string;
  /** `location.contacts`: edit the company, link contacts, delete it. */
  canEdit: boolean;
  /** The company changed (its name, its contacts): the list reads it again. */
  onChanged: (company: Company) => void;
  onDeleted: (company: Company) => void;
  contactHref: (contactId: string) => string;
  onOpenContact: (contactId: string) => void;
}

type Member = 'name' | 'domain' | 'phone' | 'email' | 'website' | 'address1' | 'city' | 'state' | 'postalCode' | 'country';

const FIELDS: readonly { member: Member; label: string; type: string }[] = [
  { member: 'name', label: 'Name', type: 'text' },
  { member: 'domain', label: 'Domain', type: 'text' },
  { member: 'phone', label: 'Phone', type: 'tel' },
  { member: 'email', label: 'Email', type: 'email' },
  { member: 'website', label: 'Website', type: 'url' },
  { member: 'address1', label: 'Street address', type: 'text' },
  { member: 'city', label: 'City', type: 'text' },
  { member: 'state', label: 'State', type: 'text' },
  { member: 'postalCode', label: 'Postal code', type: 'text' },
  { member: 'country', label: 'Country', type: 'text' },
];

/** One company: its fields and custom fields edited in place, its contacts (link more), delete. */
export function CompanyPanel(props: CompanyPanelProps) {
  const { locationId, companyId, canEdit, onChanged, onDeleted } = props;
  const [company, setCompany] = useState<Company | null>(null);
  const [fields, setFields] = useState<CustomField[]>([]);
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [contactsCursor, setContactsCursor] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [linking, setLinking] = useState<Contact | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const loadContacts = useCallback(async () => {
    const page = await crmApi.listCompanyContacts(locationId, companyId);
    setContacts(page.items);
    setContactsCursor(page.nextCursor);
  }, [locationId, companyId]);

  useEffect(() => {
    let cancelled = false;
    setCompany(null);
    setContacts(null);
    setError(null);
    crmApi
      .getCompany(locationId, companyId)
      .then((c) => cancelled || setCompany(c))
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof ApiError && e.status === 401)) {
          setError(e instanceof ApiError && e.status === 404 ? 'There is no such company in this location.' : message(e));
        }
      });
    crmApi
      .listCustomFields(locationId, 'company')
      .then((list) => cancelled || setFields(list))
      .catch(() => cancelled || setFields([]));
    loadContacts().catch((e: unknown) => cancelled || setError(`Could not load its contacts: ${message(e)}`));
    return () => {
      cancelled = true;
    };
  }, [locationId, companyId, loadContacts]);

  const patch = async (change: CompanyPatch) => {
    const saved = await crmApi.updateCompany(locationId, companyId, change);
    setCompany(saved);
    onChanged(saved);
  };

  async function link() {
    if (!linking || !company) return;
    setLinkError(null);
    try {
      await crmApi.updateContact(locationId, linking.id, { companyId });
      setLinking(null);
      setLinkOpen(false);
      await loadContacts();
      const fresh = await crmApi.getCompany(locationId, companyId);
      setCompany(fresh);
      onChanged(fresh);
    } catch (e) {
      setLinkError(`Could not link ${displayName(linking)}: ${message(e)}`);
    }
  }

  async function moreContacts() {
    if (!contactsCursor) return;
    try {
      const page = await crmApi.listCompanyContacts(locationId, companyId, contactsCursor);
      setContacts((list) => [...(list ?? []), ...page.items]);
      setContactsCursor(page.nextCursor);
    } catch (e) {
      setError(`Could not load more contacts: ${message(e)}`);
    }
  }

  const openContact = (event: MouseEvent<HTMLAnchorElement>, contactId: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    props.onOpenContact(contactId);
  };

  if (error && !company) {
    return (
      <p role="alert" className={errorTextClass}>
        {error}
      </p>
    );
  }
  if (!company) return <p className="text-sm text-muted">Loading…</p>;

  return (
    <article aria-labelledby="company-name" data-company-id={company.id} className="space-y-4">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h2 id="company-name" className="truncate text-2xl font-semibold" data-company-name="">
            {company.name}
          </h2>
          <p className="text-sm text-muted">
            {company.contactCount} {company.contactCount === 1 ? 'contact' : 'contacts'} · created {formatDateTime(company.createdAt)}
          </p>
        </div>
        {canEdit && (
          <button type="button" className={buttonClass} onClick={() => setConfirmDelete(true)}>
            Delete company
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      <section aria-label="Company info" className={`${cardClass} space-y-2 p-4`}>
        <h3 className="font-semibold">Company info</h3>
        <dl>
          {FIELDS.map((field) => {
            const value = company[field.member] ?? '';
            return (
              <InlineField<string>
                key={field.member}
                name={field.member}
                label={field.label}
                pointer={`/${field.member}`}
                display={formatValue(value)}
                editable={canEdit}
                initial={() => value}
                editor={({ draft, setDraft, inputProps }) => (
                  <input
                    type={field.type}
                    {...inputProps}
                    value={draft}
                    onChange={(e) => setDraft(e.target.value)}
                    className={`${smallInputClass} min-w-64`}
                  />
                )}
                save={(draft) => patch({ [field.member]: field.member === 'name' ? draft : draft.trim() || null })}
              />
            );
          })}
        </dl>
      </section>
      <CustomFieldGroups values={company.customFields} fields={fields} canEdit={canEdit} onPatch={patch} />
      <section aria-labelledby="company-contacts-title" className={`${cardClass} space-y-2 p-4`}>
        <div className="flex items-center gap-2">
          <h3 id="company-contacts-title" className="mr-auto font-semibold">
            Contacts
          </h3>
          {canEdit && !linkOpen && (
            <button type="button" className={buttonClass} onClick={() => setLinkOpen(true)}>
              Link a contact
            </button>
          )}
        </div>
        {canEdit && linkOpen && (
          <div className="space-y-2">
            <ContactPicker locationId={locationId} value={linking} onChange={setLinking} label="Find a contact to link" />
            <div className="flex gap-2">
              <button type="button" className={smallPrimaryClass} disabled={!linking} onClick={() => void link()}>
                Link to {company.name}
              </button>
              <button
                type="button"
                className={buttonClass}
                onClick={() => {
                  setLinkOpen(false);
                  setLinking(null);
                  setLinkError(null);
                }}
              >
                Cancel
              </button>
            </div>
            {linkError && (
              <p role="alert" className={errorTextClass}>
                {linkError}
              </p>
            )}
          </div>
        )}
        {contacts === null && <p className="text-sm text-muted">Loading…</p>}
        {contacts?.length === 0 && <p className="text-sm text-muted">No contact is linked to {company.name}.</p>}
        <ul aria-label={`Contacts of ${company.name}`} className="divide-y divide-border">
          {contacts?.map((c) => (
            <li key={c.id} data-contact-id={c.id} className="flex gap-3 py-1 text-sm">
              <a href={props.contactHref(c.id)} onClick={(e) => openContact(e, c.id)} className="font-medium hover:underline">
                {displayName(c)}
              </a>
              <span className="truncate text-muted">{[c.email, c.phone].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
        {contactsCursor && (
          <button type="button" className={buttonClass} onClick={() => void moreContacts()}>
            More contacts
          </button>
        )}
      </section>
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete ${company.name}?`}
          confirmLabel="Delete company"
          onCancel={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await crmApi.deleteCompany(locationId, company.id);
            setConfirmDelete(false);
            onDeleted(company);
          }}
        >
          <p>
            Its {company.contactCount} {company.contactCount === 1 ? 'contact keeps' : 'contacts keep'} the company’s name but
            lose the link. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}
