import { useEffect, useRef, useState } from 'react';
import { crmApi } from '../../api/crm';
import type { Contact } from '../../api/types';
import { useDebounced } from '../../useDebounced';
import { buttonClass, errorTextClass, message, smallInputClass } from '../ui';
import { displayName } from './contactFormat';

export interface ContactPickerProps {
  locationId: string;
  /** The chosen contact; null: none yet. */
  value: Contact | null;
  onChange: (contact: Contact | null) => void;
  /** Ties the search input to its label and error (`id`, `aria-invalid`, `aria-describedby`). */
  inputProps?: { id?: string; 'aria-invalid'?: true; 'aria-describedby'?: string };
  label?: string;
}

/** Finds a contact by name, email or phone and chooses it; Change starts over. */
export function ContactPicker({ locationId, value, onChange, inputProps, label = 'Find a contact' }: ContactPickerProps) {
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Contact[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = useDebounced(search.trim());
  const latest = useRef(0);

  useEffect(() => {
    if (!query || value) {
      setResults(null);
      return;
    }
    const request = ++latest.current;
    crmApi
      .listContacts(locationId, { query, limit: '8', sort: 'name', order: 'asc' })
      .then((page) => request === latest.current && setResults(page.items))
      .catch((e: unknown) => request === latest.current && setError(`Could not search: ${message(e)}`));
  }, [locationId, query, value]);

  if (value) {
    return (
      <div className="flex items-center gap-2 text-sm" data-chosen-contact={value.id}>
        <span className="font-medium">{displayName(value)}</span>
        {value.email && <span className="text-muted">{value.email}</span>}
        <button
          type="button"
          className={buttonClass}
          onClick={() => {
            onChange(null);
            setSearch('');
          }}
        >
          Change
        </button>
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <input
        type="search"
        aria-label={label}
        placeholder="Name, email or phone"
        value={search}
        autoComplete="off"
        onChange={(e) => setSearch(e.target.value)}
        {...inputProps}
        className={`${smallInputClass} w-full`}
      />
      {error && <p className={errorTextClass}>{error}</p>}
      {results?.length === 0 && <p className="text-sm text-muted">No contact matches.</p>}
      {results && results.length > 0 && (
        <ul aria-label="Matching contacts" className="divide-y divide-border rounded-theme border border-border">
          {results.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="block w-full px-2 py-1 text-left text-sm hover:bg-background"
                onClick={() => onChange(c)}
                aria-label={`Choose ${displayName(c)}`}
              >
                <span className="font-medium">{displayName(c)}</span>
                <span className="text-muted"> {[c.email, c.phone].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
