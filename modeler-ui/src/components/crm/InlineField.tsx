import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { formErrors } from '../FormErrors';
import { buttonClass, errorTextClass, smallPrimaryClass, textButtonClass } from '../ui';

/** What an editor gets: the draft, and the attributes that tie its input to the label and the error. */
export interface EditorProps<D> {
  draft: D;
  setDraft: (draft: D) => void;
  inputProps: {
    id: string;
    'aria-invalid'?: true;
    'aria-describedby'?: string;
    autoFocus: true;
  };
}

export interface InlineFieldProps<D> {
  /** `data-field` of the row: the member (`source`) or `customFields.<key>`. */
  name: string;
  label: string;
  /** The JSON Pointer the server names in its errors for this field (`/source`, `/customFields/plan`). */
  pointer: string;
  /** The value as shown. */
  display: ReactNode;
  editable: boolean;
  /** The draft when editing starts. */
  initial: () => D;
  editor: (props: EditorProps<D>) => ReactNode;
  /** Saves the draft (a merge patch of this one member); a rejection with a problem is shown next to the field. */
  save: (draft: D) => Promise<void>;
}

/**
 * One field shown as its value; where the user may edit, a click turns it into an input with Save and
 * Cancel (Enter saves, Escape cancels), and what the server refuses shows right under the input.
 * Rows go in a `<dl>`.
 */
export function InlineField<D>({ name, label, pointer, display, editable, initial, editor, save }: InlineFieldProps<D>) {
  const [draft, setDraft] = useState<D | null>(null);
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  const id = useId();
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;
  const editing = draft !== null;

  function start() {
    setMessages([]);
    setDraft(initial());
  }

  function cancel() {
    setDraft(null);
    setMessages([]);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft === null) return;
    setBusy(true);
    setMessages([]);
    try {
      await save(draft);
      setDraft(null);
    } catch (e) {
      const errors = formErrors(e, [pointer], true);
      const own = errors.byField[pointer] ?? [];
      setMessages(own.length ? own : [errors.general, ...errors.other].filter((m): m is string => !!m));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  }

  const invalid = messages.length > 0;
  return (
    <div data-field={name} className="grid grid-cols-[10rem_minmax(0,1fr)] items-start gap-3 py-1">
      <dt className="pt-1 text-sm text-muted">{editing ? <label htmlFor={inputId}>{label}</label> : label}</dt>
      <dd className="min-w-0">
        {editing ? (
          <form onSubmit={submit} onKeyDown={onKeyDown} noValidate className="space-y-1" aria-label={`Edit ${label}`}>
            <div className="flex flex-wrap items-start gap-2">
              {editor({
                draft,
                setDraft: (d) => setDraft(() => d),
                inputProps: {
                  id: inputId,
                  'aria-invalid': invalid || undefined,
                  'aria-describedby': invalid ? errorId : undefined,
                  autoFocus: true,
                },
              })}
              <button type="submit" disabled={busy} className={smallPrimaryClass}>
                Save
              </button>
              <button type="button" onClick={cancel} disabled={busy} className={buttonClass}>
                Cancel
              </button>
            </div>
            {invalid && (
              <p id={errorId} data-pointer={pointer} className={errorTextClass}>
                {messages.join(' ')}
              </p>
            )}
          </form>
        ) : editable ? (
          <button type="button" onClick={start} aria-label={`Edit ${label}`} title={`Edit ${label}`} className={textButtonClass}>
            <span data-value="">{display}</span>
          </button>
        ) : (
          <span data-value="" className="px-1">
            {display}
          </span>
        )}
      </dd>
    </div>
  );
}
