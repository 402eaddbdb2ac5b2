import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import { segmentsApi } from '../../api/segments';
import type { Contact, ContactSort, CustomField, Segment } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { availableColumns, loadColumnChoice, type ContactColumn } from '../crm/contactColumns';
import { displayName, formatDateTime } from '../crm/contactFormat';
import { SortableHeader, TagChips } from '../crm/ContactsView';
import { buttonClass, cardClass, errorTextClass, message, textButtonClass } from '../ui';
import { SegmentBulkActions } from './SegmentBulkActions';
import { contactCount } from './SegmentsView';

export interface SegmentViewProps {
  locationId: string;
  segmentId: string;
  /** `location.contacts`: Edit, Delete and the bulk actions. */
  canEdit: boolean;
  contactHref: (contactId: string) => string;
  onOpenContact: (contactId: string) => void;
  /** Opens the builder: to change the filter, or (read-only) to see it with its live count. */
  onEdit: () => void;
  backHref: string;
  onBack: () => void;
  onDeleted: (name: string) => void;
}

const PAGE_SIZE = 25;

/** The file name the server gives the export (letters and digits of the name, dashes between). */
function exportName(name: string): string {
  const safe = name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/(^-+|-+$)/g, '');
  return `${safe ? safe.slice(0, 80) : 'segment'}.csv`;
}

/** Offers text as a file download. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

interface Listing {
  items: Contact[];
  nextCursor?: string;
}

/**
 * One segment: its count (counted again on demand), its contacts page by page in the contact list's
 * columns and sort, Export CSV, and, for those who may change contacts, the bulk actions, Edit and Delete.
 */
export function SegmentView(props: SegmentViewProps) {
  const { locationId, segmentId, canEdit, contactHref, onOpenContact, onEdit, backHref, onBack, onDeleted } = props;
  const [segment, setSegment] = useState<Segment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [customFields, setCustomFields] = useState<CustomField[]>([]);
  const [listing, setListing] = useState<Listing | null>(null);
  const [sort, setSort] = useState<ContactSort>('createdAt');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [loadingMore, setLoadingMore] = useState(false);
  const [counting, setCounting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    let cancelled = false;
    segmentsApi
      .get(locationId, segmentId)
      .then((s) => cancelled || setSegment(s))
      .catch(
        (e: unknown) =>
          cancelled ||
          (e instanceof ApiError && e.status === 401) ||
          setError(`Could not load the segment: ${message(e)}`),
      );
    crmApi
      .listCustomFields(locationId, 'contact')
      .then((fields) => cancelled || setCustomFields(fields))
      .catch(() => undefined); // the list works without custom columns
    return () => {
      cancelled = true;
    };
  }, [locationId, segmentId]);

  useEffect(() => {
    const request = ++latest.current;
    segmentsApi
      .contacts(locationId, segmentId, { sort, order, limit: PAGE_SIZE })
      .then((page) => request === latest.current && setListing(page))
      .catch((e: unknown) => {
        if (request !== latest.current || (e instanceof ApiError && e.status === 401)) return;
        setListing({ items: [] });
        setError(`Could not load the contacts: ${message(e)}`);
      });
  }, [locationId, segmentId, sort, order, reloads]);

  const loadMore = useCallback(async () => {
    if (!listing?.nextCursor) return;
    const request = latest.current;
    setLoadingMore(true);
    try {
      const page = await segmentsApi.contacts(locationId, segmentId, {
        sort,
        order,
        limit: PAGE_SIZE,
        cursor: listing.nextCursor,
      });
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
  }, [listing, locationId, segmentId, sort, order]);

  const countNow = useCallback(() => {
    setCounting(true);
    segmentsApi
      .count(locationId, segmentId)
      .then(({ count, countedAt }) => setSegment((s) => s && { ...s, lastCount: count, countedAt }))
      .catch((e: unknown) => setError(`Could not count: ${message(e)}`))
      .finally(() => setCounting(false));
  }, [locationId, segmentId]);

  // A segment never counted (new, or its filter changed) is counted once it opens.
  const uncounted = segment !== null && segment.lastCount === undefined;
  useEffect(() => {
    if (uncounted) countNow();
  }, [uncounted, countNow]);

  function exportCsv() {
    if (!segment) return;
    setError(null);
    setExporting(true);
    segmentsApi
      .exportCsv(locationId, segmentId)
      .then((csv) => download(exportName(segment.name), csv))
      .catch((e: unknown) => setError(`Could not export: ${message(e)}`))
      .finally(() => setExporting(false));
  }

  const columns = useMemo(() => {
    const available = availableColumns(customFields);
    return loadColumnChoice()
      .map((id) => available.find((c) => c.id === id))
      .filter((c): c is ContactColumn => c !== undefined);
  }, [customFields]);

  function sortBy(column: ContactSort) {
    if (column === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setOrder(column === 'name' || column === 'email' ? 'asc' : 'desc');
    }
  }

  const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpenContact(id);
  };
  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onBack();
  };

  if (!segment) {
    return (
      <div className="space-y-3 p-6">
        <a href={backHref} onClick={back} className={textButtonClass}>
          ← Segments
        </a>
        {error ? (
          <p role="alert" className={errorTextClass}>
            {error}
          </p>
        ) : (
          <p className="text-muted">Loading…</p>
        )}
      </div>
    );
  }

  const items = listing?.items ?? [];
  return (
    <div className="space-y-4 p-6">
      <a href={backHref} onClick={back} className={`${textButtonClass} text-sm`}>
        ← Segments
      </a>
      <div className="flex flex-wrap items-start gap-3">
        <div className="mr-auto space-y-1">
          <h2 className="text-lg font-semibold" data-segment-name>
            {segment.name}
          </h2>
          {segment.description && <p className="text-sm text-muted">{segment.description}</p>}
          <p className="text-sm" data-role="count" data-count={segment.lastCount ?? ''}>
            {segment.lastCount === undefined ? 'Not counted yet' : contactCount(segment.lastCount)}
            {segment.countedAt && <span className="text-muted"> · counted {formatDateTime(segment.countedAt)}</span>}
          </p>
        </div>
        <button type="button" className={buttonClass} disabled={counting} onClick={countNow}>
          {counting ? 'Counting…' : 'Count now'}
        </button>
        <button type="button" className={buttonClass} disabled={exporting} onClick={exportCsv}>
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
        <button type="button" className={buttonClass} onClick={onEdit}>
          {canEdit ? 'Edit' : 'Filter'}
        </button>
        {canEdit && (
          <button type="button" className={buttonClass} onClick={() => setDeleting(true)}>
            Delete…
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {canEdit && (
        <SegmentBulkActions
          locationId={locationId}
          segment={segment}
          onFinished={() => {
            setReloads((n) => n + 1);
            countNow();
          }}
        />
      )}
      <div className={`${cardClass} overflow-x-auto`}>
        <table aria-label="Segment contacts" aria-busy={listing === null} className="w-full text-sm">
          <thead className="border-b border-border text-left text-muted">
            <tr>
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
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {items.map((contact) => (
              <tr key={contact.id} data-contact-id={contact.id}>
                <td className="px-3 py-2">
                  <a
                    href={contactHref(contact.id)}
                    onClick={(e) => open(e, contact.id)}
                    data-column="name"
                    className={`${textButtonClass} font-medium`}
                  >
                    {displayName(contact)}
                  </a>
                </td>
                {columns.map((column) => (
                  <td key={column.id} className="px-3 py-2" data-column={column.id}>
                    {column.id === 'tags' ? <TagChips tags={contact.tags} /> : column.text(contact)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {listing === null && <p className="p-4 text-sm text-muted">Loading…</p>}
        {listing !== null && items.length === 0 && <p className="p-4 text-sm text-muted">No contact matches now.</p>}
      </div>
      {listing?.nextCursor && (
        <button type="button" className={buttonClass} disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete the segment ${segment.name}?`}
          confirmLabel="Delete segment"
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            await segmentsApi.remove(locationId, segment.id);
            setDeleting(false);
            onDeleted(segment.name);
          }}
        >
          <p>Only the saved filter goes: its contacts stay as they are.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
