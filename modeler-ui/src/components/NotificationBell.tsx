import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { notificationsApi } from '../api/notifications';
import type { Notification } from '../api/types';

/** How often the bell asks for new notifications while the console is open. */
const POLL_MS = 30_000;

export interface NotificationBellProps {
  locationId: string;
  onOpenContact: (contactId: string) => void;
  onOpenRun: (runId: string) => void;
}

/**
 * The header's bell: the caller's unread notifications in the location (what workflows' "internal
 * notification" steps told them) as a count, and on a click the newest ones. Opening one marks it read
 * and goes to its contact (or else to the run that sent it).
 */
export function NotificationBell({ locationId, onOpenContact, onOpenRun }: NotificationBellProps) {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);

  const refresh = useCallback(async () => {
    try {
      const list = await notificationsApi.list(locationId);
      setItems(list.items);
      setUnread(list.unread);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [locationId]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (panel.current && !panel.current.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  const openOne = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) {
      try {
        await notificationsApi.read(locationId, n.id);
      } catch {
        // going there matters more than the mark; the next refresh shows it unread still
      }
      void refresh();
    }
    if (n.contactId) onOpenContact(n.contactId);
    else if (n.runId) onOpenRun(n.runId);
  };

  const readAll = async () => {
    try {
      await notificationsApi.readAll(locationId);
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <div className="relative" ref={panel}>
      <button
        type="button"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          if (!open) void refresh();
        }}
        className="relative rounded-theme border border-border px-2 py-1 text-sm hover:border-primary"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="inline-block h-4 w-4 align-[-2px]" fill="none"
          stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && (
          <span
            data-testid="unread-count"
            className="ml-1 rounded-theme bg-primary px-1 text-xs font-semibold text-background"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          role="dialog"
          aria-label="Notifications"
          className="absolute right-0 z-20 mt-2 w-80 max-w-[90vw] rounded-theme border border-border bg-surface shadow-lg"
        >
          <div className="flex items-center justify-between border-b border-border px-3 py-2">
            <p className="font-semibold">Notifications</p>
            <button
              type="button"
              disabled={unread === 0}
              onClick={() => void readAll()}
              className="text-sm text-primary disabled:text-muted"
            >
              Mark all read
            </button>
          </div>
          {error && (
            <p role="alert" className="px-3 py-2 text-sm">
              {error}
            </p>
          )}
          {items.length === 0 && !error ? (
            <p className="px-3 py-4 text-sm text-muted">Nothing yet. Workflows notify you here.</p>
          ) : (
            <ul className="max-h-96 overflow-y-auto">
              {items.map((n) => (
                <li key={n.id} className="border-b border-border last:border-b-0">
                  <button
                    type="button"
                    data-unread={n.readAt ? undefined : 'true'}
                    onClick={() => void openOne(n)}
                    className="block w-full px-3 py-2 text-left hover:bg-background"
                  >
                    <span className={`block text-sm ${n.readAt ? '' : 'font-semibold'}`}>{n.title}</span>
                    {n.body && <span className="block whitespace-pre-line text-sm text-muted">{n.body}</span>}
                    <time dateTime={n.createdAt} className="block text-xs text-muted">
                      {new Date(n.createdAt).toLocaleString()}
                    </time>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
