import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { Note } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, cardClass, errorTextClass, inputClass, message, smallPrimaryClass } from '../ui';
import { formatDateTime } from './contactFormat';
import type { LocationUsers } from './locationUsers';

export interface NotesPanelProps {
  locationId: string;
  contactId: string;
  /** `location.contacts` (and the contact not deleted): write, edit and delete notes. */
  canEdit: boolean;
  users: LocationUsers;
  /** A note was added, changed or deleted (the timeline reads its newest page again). */
  onChanged: () => void;
}

/** The contact's notes, newest first, with who wrote them and when; add, edit, delete. */
export function NotesPanel({ locationId, contactId, canEdit, users, onChanged }: NotesPanelProps) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Note | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const page = await crmApi.listNotes(locationId, contactId);
      if (request !== latest.current) return;
      setNotes(page.items);
      setNextCursor(page.nextCursor);
    } catch (e) {
      if (request === latest.current && !(e instanceof ApiError && e.status === 401)) {
        setError(`Could not load the notes: ${message(e)}`);
      }
    }
  }, [locationId, contactId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function older() {
    if (!nextCursor) return;
    try {
      const page = await crmApi.listNotes(locationId, contactId, nextCursor);
      setNotes((current) => [...(current ?? []), ...page.items.filter((n) => !current?.some((c) => c.id === n.id))]);
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(`Could not load older notes: ${message(e)}`);
    }
  }

  const changed = () => {
    onChanged();
    void reload();
  };

  return (
    <section aria-labelledby="notes-title" className={`${cardClass} space-y-3 p-4`}>
      <h3 id="notes-title" className="font-semibold">
        Notes
      </h3>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {canEdit && (
        <NoteForm
          label="New note"
          submitLabel="Add note"
          initial=""
          onSubmit={async (body) => {
            await crmApi.createNote(locationId, contactId, body);
            changed();
          }}
        />
      )}
      {notes === null && !error && <p className="text-sm text-muted">Loading…</p>}
      {notes?.length === 0 && <p className="text-sm text-muted">No notes yet.</p>}
      <ol aria-label="Notes" className="space-y-3">
        {notes?.map((note) => (
          <li key={note.id} data-note-id={note.id} className="space-y-1 border-l-2 border-border pl-3 text-sm">
            {editing === note.id ? (
              <NoteForm
                label="Note"
                submitLabel="Save note"
                initial={note.body}
                onCancel={() => setEditing(null)}
                onSubmit={async (body) => {
                  await crmApi.updateNote(locationId, contactId, note.id, body);
                  setEditing(null);
                  changed();
                }}
              />
            ) : (
              <p className="whitespace-pre-wrap break-words" data-note-body="">
                {note.body}
              </p>
            )}
            <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
              <span data-note-meta="">
                {formatDateTime(note.createdAt)} · by {users.label(note.userId)}
                {note.updatedAt !== note.createdAt && ` · edited ${formatDateTime(note.updatedAt)}`}
              </span>
              {canEdit && editing !== note.id && (
                <>
                  <button type="button" className="underline" onClick={() => setEditing(note.id)} aria-label="Edit note">
                    Edit
                  </button>
                  <button type="button" className="underline" onClick={() => setDeleting(note)} aria-label="Delete note">
                    Delete
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
      {nextCursor && (
        <button type="button" className={buttonClass} onClick={() => void older()}>
          Older notes
        </button>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this note?"
          confirmLabel="Delete note"
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await crmApi.deleteNote(locationId, contactId, deleting.id);
            setDeleting(null);
            changed();
          }}
        >
          <p className="whitespace-pre-wrap break-words">{deleting.body}</p>
          <p>A deleted note cannot be restored.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

interface NoteFormProps {
  label: string;
  submitLabel: string;
  initial: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
}

/** A note's text; what the server refuses shows under it. */
function NoteForm({ label, submitLabel, initial, onSubmit, onCancel }: NoteFormProps) {
  const id = useId();
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const errorId = `${id}-body-error`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await onSubmit(body);
      setBody(initial);
    } catch (e) {
      setErrors(formErrors(e, ['/body']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={label} className="space-y-2" noValidate>
      <FormAlert errors={errors} />
      <textarea
        name="body"
        aria-label={label}
        rows={3}
        value={body}
        placeholder={initial ? undefined : 'Write a note'}
        onChange={(e) => setBody(e.target.value)}
        {...fieldProps(errors, '/body', errorId)}
        className={inputClass}
      />
      <FieldMessages errors={errors} pointer="/body" id={errorId} />
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={smallPrimaryClass}>
          {submitLabel}
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
