import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { Task } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { buttonClass, cardClass, errorTextClass, message } from '../ui';
import { formatDateTime } from './contactFormat';
import type { LocationUsers } from './locationUsers';
import { TaskForm } from './TaskForm';
import { isOverdue } from './valueFormat';

export interface TasksPanelProps {
  locationId: string;
  contactId: string;
  /** `location.contacts` (and the contact not deleted): add, complete, edit and delete tasks. */
  canEdit: boolean;
  selfId: string;
  users: LocationUsers;
  /** A task was added, changed or deleted (the timeline reads its newest page again). */
  onChanged: () => void;
}

/** The contact's tasks, newest first: complete or reopen with the checkbox, add, edit, delete. */
export function TasksPanel({ locationId, contactId, canEdit, selfId, users, onChanged }: TasksPanelProps) {
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Task | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const page = await crmApi.listContactTasks(locationId, contactId);
      if (request !== latest.current) return;
      setTasks(page.items);
      setNextCursor(page.nextCursor);
    } catch (e) {
      if (request === latest.current && !(e instanceof ApiError && e.status === 401)) {
        setError(`Could not load the tasks: ${message(e)}`);
      }
    }
  }, [locationId, contactId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const changed = () => {
    onChanged();
    void reload();
  };

  async function more() {
    if (!nextCursor) return;
    try {
      const page = await crmApi.listContactTasks(locationId, contactId, nextCursor);
      setTasks((current) => [...(current ?? []), ...page.items.filter((t) => !current?.some((c) => c.id === t.id))]);
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(`Could not load more tasks: ${message(e)}`);
    }
  }

  async function toggle(task: Task, completed: boolean) {
    setBusy(task.id);
    setError(null);
    try {
      const saved = await crmApi.updateTask(locationId, contactId, task.id, { completed });
      setTasks((list) => list?.map((t) => (t.id === saved.id ? saved : t)) ?? null);
      onChanged();
    } catch (e) {
      setError(`Could not ${completed ? 'complete' : 'reopen'} ${task.title}: ${message(e)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="tasks-title" className={`${cardClass} space-y-3 p-4`}>
      <div className="flex items-center gap-2">
        <h3 id="tasks-title" className="mr-auto font-semibold">
          Tasks
        </h3>
        {canEdit && !adding && (
          <button type="button" className={buttonClass} onClick={() => setAdding(true)}>
            New task
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {canEdit && adding && (
        <TaskForm
          users={users}
          selfId={selfId}
          onCancel={() => setAdding(false)}
          onCreate={async (body) => {
            await crmApi.createTask(locationId, contactId, body);
            setAdding(false);
            changed();
          }}
        />
      )}
      {tasks === null && !error && <p className="text-sm text-muted">Loading…</p>}
      {tasks?.length === 0 && <p className="text-sm text-muted">No tasks yet.</p>}
      <ul aria-label="Tasks" className="space-y-2">
        {tasks?.map((task) =>
          editing === task.id ? (
            <li key={task.id} data-task-id={task.id} className="border-l-2 border-primary pl-3">
              <TaskForm
                task={task}
                users={users}
                selfId={selfId}
                onCancel={() => setEditing(null)}
                onUpdate={async (patch) => {
                  await crmApi.updateTask(locationId, contactId, task.id, patch);
                  setEditing(null);
                  changed();
                }}
              />
            </li>
          ) : (
            <li
              key={task.id}
              data-task-id={task.id}
              data-completed={task.completed}
              className="flex items-start gap-2 border-l-2 border-border pl-3 text-sm"
            >
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
              <div className="min-w-0 flex-1 space-y-0.5">
                <p className="break-words">
                  <span className={`font-medium ${task.completed ? 'text-muted line-through' : ''}`} data-task-title="">
                    {task.title}
                  </span>
                  {!canEdit && task.completed && <span className="ml-2 text-xs text-muted">Done</span>}
                </p>
                {task.body && <p className="whitespace-pre-wrap break-words text-muted">{task.body}</p>}
                <p className="text-xs text-muted">
                  {task.dueDate ? (
                    <span data-overdue={!task.completed && isOverdue(task.dueDate) ? '' : undefined}>
                      Due {formatDateTime(task.dueDate)}
                      {!task.completed && isOverdue(task.dueDate) && ' (overdue)'}
                    </span>
                  ) : (
                    'No due date'
                  )}
                  {' · '}for {users.label(task.assignedTo)}
                  {task.completedAt && ` · done ${formatDateTime(task.completedAt)}`}
                </p>
              </div>
              {canEdit && (
                <div className="flex gap-2 text-xs text-muted">
                  <button type="button" className="underline" onClick={() => setEditing(task.id)} aria-label={`Edit task ${task.title}`}>
                    Edit
                  </button>
                  <button type="button" className="underline" onClick={() => setDeleting(task)} aria-label={`Delete task ${task.title}`}>
                    Delete
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {nextCursor && (
        <button type="button" className={buttonClass} onClick={() => void more()}>
          More tasks
        </button>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete the task ${deleting.title}?`}
          confirmLabel="Delete task"
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await crmApi.deleteTask(locationId, contactId, deleting.id);
            setDeleting(null);
            changed();
          }}
        >
          <p>A deleted task cannot be restored.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
