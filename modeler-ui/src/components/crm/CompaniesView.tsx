import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { Company } from '../../api/types';
import { useDebounced } from '../../useDebounced';
import { buttonClass, cardClass, errorTextClass, message, primaryClass, smallInputClass } from '../ui';
import { CompanyPanel } from './CompanyPanel';
import { NewCompanyForm } from './NewCompanyForm';

export interface CompaniesViewProps {
  locationId: string;
  /** The company open beside the list (from the address); null: none. */
  companyId: string | null;
  onOpen: (companyId: string | null) => void;
  companyHref: (companyId: string) => string;
  /** `location.contacts`: create, edit and delete companies. */
  canEdit: boolean;
  contactHref: (contactId: string) => string;
  onOpenContact: (contactId: string) => void;
}

/** The location's companies by name (search by the start of the name), New company, and the open company beside. */
export function CompaniesView(props: CompaniesViewProps) {
  const { locationId, companyId, onOpen, companyHref, canEdit } = props;
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim());
  const [items, setItems] = useState<Company[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setError(null);
    crmApi
      .listCompanies(locationId, { query: query || undefined })
      .then((page) => {
        if (request !== latest.current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (request === latest.current && !(e instanceof ApiError && e.status === 401)) {
          setError(`Could not load the companies: ${message(e)}`);
        }
      });
  }, [locationId, query, reloads]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    const request = latest.current;
    try {
      const page = await crmApi.listCompanies(locationId, { query: query || undefined, cursor: nextCursor });
      if (request !== latest.current) return;
      setItems((list) => [...(list ?? []), ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(`Could not load more companies: ${message(e)}`);
    }
  }, [locationId, query, nextCursor]);

  const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(id);
  };

  return (
    <div className="grid items-start gap-6 p-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="mr-auto text-lg font-semibold">Companies</h2>
          {canEdit && !creating && (
            <button type="button" className={primaryClass} onClick={() => setCreating(true)}>
              New company
            </button>
          )}
        </div>
        {creating && (
          <NewCompanyForm
            locationId={locationId}
            onClose={() => setCreating(false)}
            onCreated={(company) => {
              setCreating(false);
              setNotice(`Created ${company.name}.`);
              setReloads((n) => n + 1);
              onOpen(company.id);
            }}
          />
        )}
        <input
          type="search"
          aria-label="Search companies"
          placeholder="The start of a name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className={`${smallInputClass} w-full`}
        />
        {notice && (
          <p role="status" className="text-sm">
            {notice}
          </p>
        )}
        {error && (
          <p role="alert" className={errorTextClass}>
            {error}
          </p>
        )}
        {items === null && !error && <p className="text-sm text-muted">Loading…</p>}
        {items?.length === 0 && <p className="text-sm text-muted">{query ? 'No company name starts so.' : 'No companies yet.'}</p>}
        {items && items.length > 0 && (
          <ul aria-label="Companies" className={`${cardClass} divide-y divide-border`}>
            {items.map((company) => (
              <li
                key={company.id}
                data-company-id={company.id}
                aria-current={company.id === companyId ? 'true' : undefined}
                className={`flex items-baseline gap-3 px-4 py-2 text-sm ${company.id === companyId ? 'bg-background' : ''}`}
              >
                <a href={companyHref(company.id)} onClick={(e) => open(e, company.id)} className="font-medium hover:underline">
                  {company.name}
                </a>
                <span className="truncate text-muted">{company.domain}</span>
                <span className="ml-auto text-xs text-muted" data-contact-count={company.contactCount}>
                  {company.contactCount} {company.contactCount === 1 ? 'contact' : 'contacts'}
                </span>
              </li>
            ))}
          </ul>
        )}
        {nextCursor && (
          <button type="button" className={buttonClass} onClick={() => void loadMore()}>
            Load more
          </button>
        )}
      </div>
      <div>
        {companyId ? (
          <CompanyPanel
            key={companyId}
            locationId={locationId}
            companyId={companyId}
            canEdit={canEdit}
            onChanged={(company) => setItems((list) => list?.map((c) => (c.id === company.id ? company : c)) ?? null)}
            onDeleted={(company) => {
              setNotice(`Deleted ${company.name}.`);
              setReloads((n) => n + 1);
              onOpen(null);
            }}
            contactHref={props.contactHref}
            onOpenContact={props.onOpenContact}
          />
        ) : (
          <p className="text-sm text-muted">Choose a company to see its fields and contacts.</p>
        )}
      </div>
    </div>
  );
}
