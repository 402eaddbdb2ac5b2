import { useEffect, useState, type MouseEvent } from 'react';
import { ApiError } from '../../api/client';
import { segmentsApi } from '../../api/segments';
import type { Segment } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatDateTime } from '../crm/contactFormat';
import { buttonClass, cardClass, errorTextClass, message, primaryClass, textButtonClass } from '../ui';

export interface SegmentsViewProps {
  locationId: string;
  /** `location.contacts`: New segment, Edit, Delete. */
  canEdit: boolean;
  segmentHref: (segmentId: string) => string;
  onOpen: (segmentId: string) => void;
  onEdit: (segmentId: string) => void;
  onNew: () => void;
}

/** How many a count says, with its unit. */
export const contactCount = (n: number) => `${n.toLocaleString()} contact${n === 1 ? '' : 's'}`;

/** The location's segments: each with its last count and when it was made; count now, open, edit, delete. */
export function SegmentsView({ locationId, canEdit, segmentHref, onOpen, onEdit, onNew }: SegmentsViewProps) {
  const [segments, setSegments] = useState<Segment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [counting, setCounting] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    segmentsApi
      .list(locationId)
      .then((list) => cancelled || setSegments(list))
      .catch((e: unknown) => {
        if (cancelled || (e instanceof ApiError && e.status === 401)) return;
        setSegments([]);
        setError(`Could not load segments: ${message(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [locationId]);

  function countNow(segment: Segment) {
    setError(null);
    setCounting((ids) => [...ids, segment.id]);
    segmentsApi
      .count(locationId, segment.id)
      .then(({ count, countedAt }) =>
        setSegments(
          (list) => list?.map((s) => (s.id === segment.id ? { ...s, lastCount: count, countedAt } : s)) ?? null,
        ),
      )
      .catch((e: unknown) => setError(`Could not count ${segment.name}: ${message(e)}`))
      .finally(() => setCounting((ids) => ids.filter((id) => id !== segment.id)));
  }

  const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(id);
  };

  return (
    <div className="space-y-4 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="mr-auto text-lg font-semibold">Segments</h2>
        {canEdit && (
          <button type="button" className={primaryClass} onClick={onNew}>
            New segment
          </button>
        )}
      </div>
      <p className="text-sm text-muted">
        A segment is a saved filter of contacts: it counts, lists and exports the contacts that match it now.
      </p>
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
      <div className={`${cardClass} overflow-x-auto`}>
        <table aria-label="Segments" aria-busy={segments === null} className="w-full text-sm">
          <thead className="border-b border-border text-left text-muted">
            <tr>
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Description</th>
              <th className="px-3 py-2 font-medium">Contacts</th>
              <th className="px-3 py-2 font-medium">Counted</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {(segments ?? []).map((segment) => (
              <tr key={segment.id} data-segment-id={segment.id}>
                <td className="px-3 py-2">
                  <a
                    href={segmentHref(segment.id)}
                    onClick={(e) => open(e, segment.id)}
                    data-column="name"
                    className={`${textButtonClass} font-medium`}
                  >
                    {segment.name}
                  </a>
                </td>
                <td className="px-3 py-2 text-muted">{segment.description || '—'}</td>
                <td className="px-3 py-2" data-role="count" data-count={segment.lastCount ?? ''}>
                  {segment.lastCount === undefined ? (
                    <span className="text-muted">not counted yet</span>
                  ) : (
                    contactCount(segment.lastCount)
                  )}
                </td>
                <td className="px-3 py-2 text-muted">{formatDateTime(segment.countedAt)}</td>
                <td className="px-3 py-2">
                  <span className="flex justify-end gap-2">
                    <button
                      type="button"
                      className={buttonClass}
                      disabled={counting.includes(segment.id)}
                      aria-label={`Count ${segment.name} now`}
                      onClick={() => countNow(segment)}
                    >
                      {counting.includes(segment.id) ? 'Counting…' : 'Count now'}
                    </button>
                    {canEdit && (
                      <>
                        <button
                          type="button"
                          className={buttonClass}
                          aria-label={`Edit ${segment.name}`}
                          onClick={() => onEdit(segment.id)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className={buttonClass}
                          aria-label={`Delete ${segment.name}`}
                          onClick={() => setDeleting(segment)}
                        >
                          Delete…
                        </button>
                      </>
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {segments === null && <p className="p-4 text-sm text-muted">Loading…</p>}
        {segments !== null && segments.length === 0 && (
          <p className="p-4 text-sm text-muted">
            {canEdit ? 'No segments yet: New segment saves a filter of contacts.' : 'No segments yet.'}
          </p>
        )}
      </div>
      {deleting && (
        <ConfirmDialog
          title={`Delete the segment ${deleting.name}?`}
          confirmLabel="Delete segment"
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await segmentsApi.remove(locationId, deleting.id);
            setSegments((list) => list?.filter((s) => s.id !== deleting.id) ?? null);
            setNotice(`Deleted the segment ${deleting.name}; its contacts stay.`);
            setDeleting(null);
          }}
        >
          <p>Only the saved filter goes: its contacts stay as they are.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
