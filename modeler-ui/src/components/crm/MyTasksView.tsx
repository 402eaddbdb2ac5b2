import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { Task } from '../../api/types';
import { buttonClass, cardClass, errorTextClass, message } from '../ui';
import { formatDateTime } from './contactFormat';
import { isOverdue } from './valueFormat';

export interface MyTasksViewProps {
  locationId: string;
  locationName: string;
  /** `location.contacts`: complete and reopen tasks. */
  canEdit: boolean;
  contactHref: (contactId: string) => string;
  onOpenContact: (contactId: string) => void;
}

/** The caller's tasks across the location's contacts, soonest due first (open ones, or the completed). */
export function MyTasksView({ locationId, locationName, canEdit, contactHref, onOpenContact }: MyTasksViewProps) {
  const [completed, setCompleted] = useState(false);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const latest = useRef(0);

  const load = useCallback(
    async (cursor?: string) => {
      const request = cursor ? latest.current : ++latest.current;
      try {
        const page = await crmApi.listAssignedTasks(locationId, { completed, cursor });
        if (request !== latest.current) return;
        setTasks((current) => (cursor ? [...(current ?? []), ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (e) {
        if (request === latest.current && !(e instanceof ApiError && e.status === 401)) {
          setError(`Could not load your tasks: ${message(e)}`);
        }
      }
    },
    [locationId, completed],
  );

  useEffect(() => {
    setTasks(null);
    setError(null);
    void load();
  }, [load]);

  /** Completes (or reopens) a task: it leaves this list, which says so. */
  async function toggle(task: Task, done: boolean) {
    setBusy(task.id);
    setError(null);
    try {
      await crmApi.updateTask(locationId, task.contactId, task.id, { completed: done });
      setTasks((list) => list?.filter((t) => t.id !== task.id) ?? null);
      setNotice(`${done ? 'Completed' : 'Reopened'} ${task.title}.`);
    } catch (e) {
      setError(`Could not ${done ? 'complete' : 'reopen'} ${task.title}: ${message(e)}`);
    } finally {
      setBusy(null);
    }
  }

  const open = (event: MouseEvent<HTMLAnchorElement>, contactId: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpenContact(contactId);
  };

  return (
    <div className="max-w-3xl space-y-4 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="mr-auto text-lg font-semibold">
          My tasks <span className="text-sm font-normal text-muted">· {locationName}</span>
        </h2>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={completed}
            onChange={(e) => {
              setCompleted(e.target.checked);
              setNotice(null);
            }}
          />
          Completed
        </label>
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="text-sm">
          {notice}
        </p>
      )}
      {tasks === null && !error && <p className="text-sm text-muted">Loading…</p>}
      {tasks?.length === 0 && (
        <p className="text-sm text-muted">{completed ? 'You have completed no task here yet.' : 'Nothing to do: no open task is yours.'}</p>
      )}
      {tasks && tasks.length > 0 && (
        <ul aria-label={completed ? 'My completed tasks' : 'My open tasks'} className={`${cardClass} divide-y divide-border`}>
          {tasks.map((task) => {
            const overdue = !task.completed && isOverdue(task.dueDate);
            return (
              <li key={task.id} data-task-id={task.id} className="flex items-start gap-3 px-4 py-2 text-sm">
                {canEdit && (
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={task.completed}
                    disabled={busy === task.id}
                    aria-label={`${task.completed ? 'Reopen' : 'Complete'} ${task.title}`}
                    onChange={(e) => void toggle(task, e.target.checked)}
                  />
                )}
                <div className="min-w-0 flex-1">
                  <p className="break-words font-medium" data-task-title="">
                    {task.title}
                  </p>
                  {task.body && <p className="whitespace-pre-wrap break-words text-muted">{task.body}</p>}
                  <p className="text-xs text-muted">
                    <span data-overdue={overdue ? '' : undefined}>
                      {task.dueDate ? `Due ${formatDateTime(task.dueDate)}${overdue ? ' (overdue)' : ''}` : 'No due date'}
                    </span>
                    {task.completedAt && ` · done ${formatDateTime(task.completedAt)}`}
                  </p>
                </div>
                <a href={contactHref(task.contactId)} onClick={(e) => open(e, task.contactId)} className="text-sm underline">
                  Open contact
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {nextCursor && (
        <button type="button" className={buttonClass} onClick={() => void load(nextCursor)}>
          More tasks
        </button>
      )}
    </div>
  );
}
