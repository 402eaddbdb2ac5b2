import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { ApiError } from '../../api/client';
import { crmApi, type CreatedContact } from '../../api/crm';
import type { Contact, ContactSort, CustomField, Job } from '../../api/types';
import { useDebounced } from '../../useDebounced';
import { buttonClass, cardClass, errorTextClass, message, primaryClass, smallInputClass, textButtonClass } from '../ui';
import { BulkActions } from './BulkActions';
import { BulkJobProgress } from './BulkJobProgress';
import { availableColumns, loadColumnChoice, saveColumnChoice, type ContactColumn } from './contactColumns';
import { displayName, formatDateTime } from './contactFormat';
import { NewContactForm } from './NewContactForm';

export interface ContactsViewProps {
  locationId: string;
  /** `location.contacts`: create, tag, delete and restore. */
  canEdit: boolean;
  onOpen: (contactId: string) => void;
  /** The console's address of a contact's page (for links that open in a new tab). */
  contactHref: (contactId: string) => string;
}

const PAGE_SIZE = 25;

interface Listing {
  items: Contact[];
  nextCursor?: string;
}

/** The location's contacts: search, tag filter, columns, sort, paging, selection and bulk actions, trash. */
export function ContactsView({ locationId, canEdit, onOpen, contactHref }: ContactsViewProps) {
  const [search, setSearch] = useState('');
  const [tagFilter, setTagFilter] = useState('');
  const [sort, setSort] = useState<ContactSort>('createdAt');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [trash, setTrash] = useState(false);
  const [columnIds, setColumnIds] = useState<string[]>(loadColumnChoice);
  const [customFields, setCustomFields] = useState<CustomField[]>([]);
  const [listing, setListing] = useState<Listing | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; contactId?: string } | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  /** A bulk action's job runs: its toolbar stays whatever the selection. */
  const [bulkBusy, setBulkBusy] = useState(false);
  /** The last bulk action's job, while it has contacts it could not change (their CSV). */
  const [failedJob, setFailedJob] = useState<Job | null>(null);
  const [showNew, setShowNew] = useState(false);
  const [reloads, setReloads] = useState(0);
  /** Answers of an older query are dropped: only the latest request fills the list. */
  const latest = useRef(0);

  const query = useDebounced(search.trim());
  const tags = useDebounced(tagFilter);
  const tagList = useMemo(
    () =>
      tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    [tags],
  );

  useEffect(() => {
    let cancelled = false;
    crmApi
      .listCustomFields(locationId, 'contact')
      .then((fields) => cancelled || setCustomFields(fields))
      .catch(() => cancelled || setCustomFields([])); // the list works without custom columns
    return () => {
      cancelled = true;
    };
  }, [locationId]);

  const listQuery = useMemo(
    () => ({
      query: query || undefined,
      tag: tagList.length ? tagList : undefined,
      sort,
      order,
      deleted: trash ? 'true' : undefined,
      limit: String(PAGE_SIZE),
    }),
    [query, tagList, sort, order, trash],
  );

  useEffect(() => {
    const request = ++latest.current;
    setError(null);
    crmApi
      .listContacts(locationId, listQuery)
      .then((page) => {
        if (request !== latest.current) return;
        setListing(page);
        setSelected((ids) => ids.filter((id) => page.items.some((c) => c.id === id)));
      })
      .catch((e: unknown) => {
        if (request !== latest.current || (e instanceof ApiError && e.status === 401)) return;
        setListing({ items: [] });
        setError(`Could not load contacts: ${message(e)}`);
      });
  }, [locationId, listQuery, reloads]);

  const loadMore = useCallback(async () => {
    if (!listing?.nextCursor) return;
    const request = latest.current;
    setLoadingMore(true);
    try {
      const page = await crmApi.listContacts(locationId, { ...listQuery, cursor: listing.nextCursor });
      if (request !== latest.current) return;
      setListing((current) => ({
        items: [...(current?.items ?? []), ...page.items.filter((c) => !current?.items.some((o) => o.id === c.id))],
        nextCursor: page.nextCursor,
      }));
    } catch (e) {
      setError(`Could not load more contacts: ${message(e)}`);
    } finally {
      setLoadingMore(false);
    }
  }, [listing, locationId, listQuery]);

  const columns = useMemo(() => {
    const available = availableColumns(customFields);
    return columnIds.map((id) => available.find((c) => c.id === id)).filter((c): c is ContactColumn => c !== undefined);
  }, [customFields, columnIds]);

  function toggleColumn(id: string, shown: boolean) {
    const order = availableColumns(customFields).map((c) => c.id);
    const next = shown ? [...columnIds.filter((c) => c !== id), id] : columnIds.filter((c) => c !== id);
    next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    setColumnIds(next);
    saveColumnChoice(next);
  }

  function sortBy(column: ContactSort) {
    if (column === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setOrder(column === 'name' || column === 'email' ? 'asc' : 'desc');
    }
  }

  function created({ contact, created: isNew }: CreatedContact) {
    setNotice({
      text: isNew
        ? `Created ${displayName(contact)}.`
        : `${displayName(contact)} already existed with this email or phone: it was updated instead.`,
      contactId: contact.id,
    });
    setReloads((n) => n + 1);
  }

  const items = listing?.items ?? [];
  const allSelected = items.length > 0 && items.every((c) => selected.includes(c.id));
  const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(id);
  };

  return (
    <div className="space-y-4 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="mr-auto text-lg font-semibold">{trash ? 'Deleted contacts' : 'Contacts'}</h2>
        {canEdit && !trash && !showNew && (
          <button type="button" className={primaryClass} onClick={() => setShowNew(true)}>
            New contact
          </button>
        )}
      </div>

      {showNew && canEdit && (
        <NewContactForm locationId={locationId} onCreated={created} onClose={() => setShowNew(false)} />
      )}

      <div role="search" aria-label="Find contacts" className="flex flex-wrap items-center gap-3 text-sm">
        <input
          type="search"
          aria-label="Search contacts"
          placeholder="Search names, emails, phones, companies"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className={`${smallInputClass} w-80`}
        />
        <input
          aria-label="Filter by tag"
          placeholder="Tags (comma separated)"
          value={tagFilter}
          onChange={(e) => setTagFilter(e.target.value)}
          className={`${smallInputClass} w-56`}
        />
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={trash}
            onChange={(e) => {
              setTrash(e.target.checked);
              setSelected([]);
              setNotice(null);
            }}
          />
          Deleted
        </label>
        <details className="relative">
          <summary className={`${buttonClass} cursor-pointer list-none`}>Columns</summary>
          <fieldset
            aria-label="Columns"
            className="absolute z-10 mt-1 w-64 space-y-1 rounded-theme border border-border bg-surface p-3"
          >
            <label className="flex items-center gap-2 text-muted">
              <input type="checkbox" checked disabled /> Name
            </label>
            {availableColumns(customFields).map((column) => (
              <label key={column.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name={`column-${column.id}`}
                  checked={columnIds.includes(column.id)}
                  onChange={(e) => toggleColumn(column.id, e.target.checked)}
                />
                {column.label}
              </label>
            ))}
          </fieldset>
        </details>
      </div>

      {notice && (
        <p role="status" className="text-sm">
          {notice.text}{' '}
          {notice.contactId && (
            <a href={contactHref(notice.contactId)} onClick={(e) => open(e, notice.contactId!)} className="underline">
              Open
            </a>
          )}
        </p>
      )}
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {canEdit && failedJob && (
        <BulkJobProgress locationId={locationId} job={failedJob} label="Contacts the last bulk action could not change" canCancel={false} />
      )}
      {canEdit && (selected.length > 0 || bulkBusy) && (
        <BulkActions
          locationId={locationId}
          selected={selected}
          trash={trash}
          onBusy={setBulkBusy}
          onDone={(text, job) => {
            setNotice({ text });
            setFailedJob(job && job.progress.failed > 0 ? job : null);
            setSelected([]);
            setReloads((n) => n + 1);
          }}
        />
      )}

      <div className={`${cardClass} overflow-x-auto`}>
        <table aria-label={trash ? 'Deleted contacts' : 'Contacts'} aria-busy={listing === null} className="w-full text-sm">
          <thead className="border-b border-border text-left text-muted">
            <tr>
              {canEdit && (
                <th className="w-8 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select all contacts shown"
                    checked={allSelected}
                    onChange={(e) => setSelected(e.target.checked ? items.map((c) => c.id) : [])}
                  />
                </th>
              )}
              <SortableHeader label="Name" column="name" sort={sort} order={order} onSort={sortBy} />
              {columns.map((column) =>
                column.sort ? (
                  <SortableHeader
                    key={column.id}
                    label={column.label}
                    column={column.sort}
                    sort={sort}
                    order={order}
                    onSort={sortBy}
                  />
                ) : (
                  <th key={column.id} className="px-3 py-2 font-medium">
                    {column.label}
                  </th>
                ),
              )}
              {trash && <th className="px-3 py-2 font-medium">Deleted</th>}
              {trash && canEdit && <th className="px-3 py-2" />}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {items.map((contact) => {
              const name = displayName(contact);
              return (
                <tr key={contact.id} data-contact-id={contact.id}>
                  {canEdit && (
                    <td className="px-3 py-2">
                      <input
                        type="checkbox"
                        aria-label={`Select ${name}`}
                        checked={selected.includes(contact.id)}
                        onChange={(e) =>
                          setSelected((ids) =>
                            e.target.checked ? [...ids, contact.id] : ids.filter((id) => id !== contact.id),
                          )
                        }
                      />
                    </td>
                  )}
                  <td className="px-3 py-2">
                    <a
                      href={contactHref(contact.id)}
                      onClick={(e) => open(e, contact.id)}
                      data-column="name"
                      className={`${textButtonClass} font-medium`}
                    >
                      {name}
                    </a>
                  </td>
                  {columns.map((column) => (
                    <td key={column.id} className="px-3 py-2" data-column={column.id}>
                      {column.id === 'tags' ? <TagChips tags={contact.tags} /> : column.text(contact)}
                    </td>
                  ))}
                  {trash && <td className="px-3 py-2">{formatDateTime(contact.deletedAt)}</td>}
                  {trash && canEdit && (
                    <td className="px-3 py-2 text-right">
                      <RestoreButton
                        locationId={locationId}
                        contact={contact}
                        onDone={(text) => {
                          setNotice({ text, contactId: contact.id });
                          setReloads((n) => n + 1);
                        }}
                        onError={setError}
                      />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        {listing === null && <p className="p-4 text-sm text-muted">Loading…</p>}
        {listing !== null && items.length === 0 && (
          <p className="p-4 text-sm text-muted">
            {trash ? 'The trash is empty.' : query || tagList.length ? 'No contacts match.' : 'No contacts yet.'}
          </p>
        )}
      </div>
      {listing?.nextCursor && (
        <button type="button" className={buttonClass} disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}

export interface SortableHeaderProps {
  label: string;
  column: ContactSort;
  sort: ContactSort;
  order: 'asc' | 'desc';
  onSort: (column: ContactSort) => void;
}

export function SortableHeader({ label, column, sort, order, onSort }: SortableHeaderProps) {
  const active = column === sort;
  return (
    <th
      className="px-3 py-2 font-medium"
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" onClick={() => onSort(column)} className="hover:underline" aria-label={`Sort by ${label}`}>
        {label}
        {active && <span aria-hidden="true">{order === 'asc' ? ' ▲' : ' ▼'}</span>}
      </button>
    </th>
  );
}

export function TagChips({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return <span className="text-muted">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <span key={tag} data-tag={tag} className="rounded-theme border border-border bg-background px-2 text-xs">
          {tag}
        </span>
      ))}
    </span>
  );
}

interface RestoreButtonProps {
  locationId: string;
  contact: Contact;
  onDone: (text: string) => void;
  onError: (text: string) => void;
}

function RestoreButton({ locationId, contact, onDone, onError }: RestoreButtonProps) {
  const [busy, setBusy] = useState(false);
  const name = displayName(contact);
  return (
    <button
      type="button"
      className={buttonClass}
      disabled={busy}
      aria-label={`Restore ${name}`}
      onClick={() => {
        setBusy(true);
        crmApi
          .restoreContact(locationId, contact.id)
          .then(() => onDone(`Restored ${name}.`))
          .catch((e: unknown) => onError(`Could not restore ${name}: ${message(e)}`))
          .finally(() => setBusy(false));
      }}
    >
      Restore
    </button>
  );
}
