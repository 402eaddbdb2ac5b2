import { useEffect, useRef, useState } from 'react';
import { crmApi } from '../../api/crm';
import type { Contact, ContactMerge } from '../../api/types';
import { useDebounced } from '../../useDebounced';
import { ConfirmDialog } from '../ConfirmDialog';
import { buttonClass, cardClass, errorTextClass, message, smallInputClass } from '../ui';
import { displayName } from './contactFormat';

export interface MergeDuplicateProps {
  locationId: string;
  /** The contact that stays. */
  contact: Contact;
  onMerged: (merge: ContactMerge, duplicate: Contact) => void;
  onClose: () => void;
}

/** Finds the duplicate by search, asks, merges it into the contact. */
export function MergeDuplicate({ locationId, contact, onMerged, onClose }: MergeDuplicateProps) {
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Contact[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Contact | null>(null);
  const query = useDebounced(search.trim());
  const latest = useRef(0);

  useEffect(() => {
    if (!query) {
      setResults(null);
      return;
    }
    const request = ++latest.current;
    crmApi
      .listContacts(locationId, { query, limit: '10', sort: 'name', order: 'asc' })
      .then((page) => request === latest.current && setResults(page.items.filter((c) => c.id !== contact.id)))
      .catch((e: unknown) => request === latest.current && setError(`Could not search: ${message(e)}`));
  }, [locationId, query, contact.id]);

  const primary = displayName(contact);
  return (
    <section aria-labelledby="merge-title" className={`${cardClass} space-y-3 p-4`}>
      <div className="flex items-center gap-3">
        <h3 id="merge-title" className="mr-auto font-semibold">
          Merge a duplicate into {primary}
        </h3>
        <button type="button" className={buttonClass} onClick={onClose}>
          Close
        </button>
      </div>
      <p className="text-sm text-muted">
        {primary} keeps its values and gains the duplicate’s where it has none, with its tags, custom values, notes,
        tasks, opportunities, workflow runs and history. The duplicate is deleted.
      </p>
      <input
        type="search"
        aria-label="Find the duplicate"
        placeholder="Name, email or phone of the duplicate"
        value={search}
        autoFocus
        onChange={(e) => setSearch(e.target.value)}
        className={`${smallInputClass} w-full`}
      />
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {results?.length === 0 && <p className="text-sm text-muted">No other contact matches.</p>}
      {results && results.length > 0 && (
        <ul aria-label="Possible duplicates" className="divide-y divide-border">
          {results.map((c) => (
            <li key={c.id} data-contact-id={c.id} className="flex items-center gap-3 py-2 text-sm">
              <span className="min-w-0 flex-1 truncate">
                <span className="font-medium">{displayName(c)}</span>
                <span className="text-muted"> {[c.email, c.phone].filter(Boolean).join(' · ')}</span>
              </span>
              <button type="button" className={buttonClass} onClick={() => setChosen(c)} aria-label={`Merge ${displayName(c)}`}>
                Merge…
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <ConfirmDialog
          title={`Merge ${displayName(chosen)} into ${primary}?`}
          confirmLabel="Merge"
          onCancel={() => setChosen(null)}
          onConfirm={async () => {
            const merge = await crmApi.mergeContact(locationId, contact.id, chosen.id);
            setChosen(null);
            onMerged(merge, chosen);
          }}
        >
          <p>
            {displayName(chosen)}
            {chosen.email ? ` (${chosen.email})` : ''} is deleted for good; what it has moves to {primary}. This cannot
            be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
