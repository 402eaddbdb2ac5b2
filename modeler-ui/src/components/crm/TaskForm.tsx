import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { NewTask, Task, TaskPatch } from '../../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, inputClass, smallPrimaryClass } from '../ui';
import type { LocationUsers } from './locationUsers';
import { localInputToTimestamp, timestampToLocalInput } from './valueFormat';

export interface TaskFormProps {
  /** The task to change; absent: a new one. */
  task?: Task;
  users: LocationUsers;
  /** A new task goes to the caller unless they choose otherwise. */
  selfId: string;
  onCreate?: (body: NewTask) => Promise<void>;
  onUpdate?: (patch: TaskPatch) => Promise<void>;
  onCancel?: () => void;
}

const POINTERS = ['/title', '/body', '/dueDate', '/assignedTo'];

/** A task's title, details, due date and assignee; what the server refuses shows under its field. */
export function TaskForm({ task, users, selfId, onCreate, onUpdate, onCancel }: TaskFormProps) {
  const id = useId();
  const [title, setTitle] = useState(task?.title ?? '');
  const [body, setBody] = useState(task?.body ?? '');
  const [due, setDue] = useState(timestampToLocalInput(task?.dueDate));
  const [assignedTo, setAssignedTo] = useState(task ? (task.assignedTo ?? '') : selfId);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    const dueDate = localInputToTimestamp(due);
    try {
      if (task) {
        await onUpdate?.({ title, body: body.trim() ? body : null, dueDate: dueDate || null, assignedTo: assignedTo || null });
      } else {
        await onCreate?.({
          title,
          ...(body.trim() ? { body } : {}),
          ...(dueDate ? { dueDate } : {}),
          ...(assignedTo ? { assignedTo } : {}),
        });
        setTitle('');
        setBody('');
        setDue('');
        setAssignedTo(selfId);
      }
    } catch (e) {
      setErrors(formErrors(e, POINTERS));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, label: string, input: (props: ReturnType<typeof fieldProps>) => ReactNode) => {
    const errorId = `${id}-${name}-error`;
    return (
      <div className="space-y-1">
        <label className="block space-y-1">
          <span className="text-sm font-medium">{label}</span>
          {input(fieldProps(errors, `/${name}`, errorId))}
        </label>
        <FieldMessages errors={errors} pointer={`/${name}`} id={errorId} />
      </div>
    );
  };

  const assignees = users.list.some((u) => u.id === assignedTo) || !assignedTo
    ? users.list
    : [...users.list, { id: assignedTo, email: users.label(assignedTo) }];
  return (
    <form
      onSubmit={submit}
      aria-label={task ? `Edit task ${task.title}` : 'New task'}
      data-form={task ? 'edit-task' : 'new-task'}
      className="space-y-2"
      noValidate
    >
      <FormAlert errors={errors} />
      {field('title', 'Title', (props) => (
        <input name="title" value={title} autoComplete="off" onChange={(e) => setTitle(e.target.value)} {...props} className={inputClass} />
      ))}
      {field('body', 'Details', (props) => (
        <textarea name="body" rows={2} value={body} onChange={(e) => setBody(e.target.value)} {...props} className={inputClass} />
      ))}
      <div className="grid gap-2 sm:grid-cols-2">
        {field('dueDate', 'Due', (props) => (
          <input
            name="dueDate"
            type="datetime-local"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            {...props}
            className={inputClass}
          />
        ))}
        {field('assignedTo', 'Assigned to', (props) => (
          <select name="assignedTo" value={assignedTo} onChange={(e) => setAssignedTo(e.target.value)} {...props} className={inputClass}>
            <option value="">Nobody</option>
            {assignees.map((u) => (
              <option key={u.id} value={u.id}>
                {u.id === selfId ? `Me (${u.email})` : u.email}
              </option>
            ))}
          </select>
        ))}
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={smallPrimaryClass}>
          {task ? 'Save task' : 'Add task'}
        </button>
        {onCancel && (
          <button type="button" disabled={busy} onClick={onCancel} className={buttonClass}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
