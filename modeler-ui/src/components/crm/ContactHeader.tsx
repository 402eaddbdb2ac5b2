import { useState, type FormEvent } from 'react';
import type { Contact } from '../../api/types';
import { formErrors } from '../FormErrors';
import { buttonClass, errorTextClass, smallInputClass, smallPrimaryClass } from '../ui';
import { displayName, formatDateTime } from './contactFormat';

export interface ContactHeaderProps {
  contact: Contact;
  canEdit: boolean;
  onAddTag: (tag: string) => Promise<void>;
  onRemoveTag: (tag: string) => Promise<void>;
  onMerge: () => void;
  onDelete: () => void;
  onRestore: () => Promise<void>;
}

/** Name, email, phone and tags (added and removed in place); merge and delete. */
export function ContactHeader({ contact, canEdit, onAddTag, onRemoveTag, onMerge, onDelete, onRestore }: ContactHeaderProps) {
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [tagError, setTagError] = useState<string | null>(null);
  const deleted = contact.deletedAt !== undefined;
  const editable = canEdit && !deleted;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setTagError(null);
    try {
      await action();
      return true;
    } catch (e) {
      const errors = formErrors(e, ['/tag']);
      setTagError((errors.byField['/tag'] ?? [errors.general, ...errors.other]).filter(Boolean).join(' '));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function addTag(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = tag.trim();
    if (!text) return;
    if (await run(() => onAddTag(text))) setTag('');
  }

  return (
    <header className="space-y-3">
      {deleted && (
        <div role="status" className="flex items-center gap-3 rounded-theme border border-primary bg-surface px-3 py-2 text-sm">
          <span>Deleted {formatDateTime(contact.deletedAt)}: restorable for 30 days after that.</span>
          {canEdit && (
            <button type="button" className={buttonClass} onClick={() => void run(onRestore)} disabled={busy}>
              Restore
            </button>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-start gap-4">
        <div className="min-w-0 flex-1 space-y-1">
          <h2 className="truncate text-2xl font-semibold" data-contact-name="">
            {displayName(contact)}
          </h2>
          <p className="flex flex-wrap gap-x-4 text-sm text-muted">
            {contact.email && <span data-contact-email="">{contact.email}</span>}
            {contact.phone && <span data-contact-phone="">{contact.phone}</span>}
            <span>Created {formatDateTime(contact.createdAt)}</span>
          </p>
        </div>
        {editable && (
          <div className="flex gap-2">
            <button type="button" className={buttonClass} onClick={onMerge}>
              Merge a duplicate
            </button>
            <button type="button" className={buttonClass} onClick={onDelete}>
              Delete contact
            </button>
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2" aria-label="Tags" role="group">
        {contact.tags.map((t) => (
          <span
            key={t}
            data-tag={t}
            className="flex items-center gap-1 rounded-theme border border-border bg-surface px-2 py-0.5 text-sm"
          >
            {t}
            {editable && (
              <button
                type="button"
                aria-label={`Remove tag ${t}`}
                disabled={busy}
                onClick={() => void run(() => onRemoveTag(t))}
                className="px-1 text-muted hover:text-text"
              >
                ×
              </button>
            )}
          </span>
        ))}
        {!contact.tags.length && <span className="text-sm text-muted">No tags</span>}
        {editable && (
          <form onSubmit={addTag} className="flex items-center gap-1" aria-label="Add a tag" noValidate>
            <input
              aria-label="New tag"
              placeholder="Add a tag"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              aria-invalid={tagError ? true : undefined}
              aria-describedby={tagError ? 'contact-tag-error' : undefined}
              className={`${smallInputClass} w-36`}
            />
            <button type="submit" className={smallPrimaryClass} disabled={busy || !tag.trim()}>
              Add
            </button>
          </form>
        )}
      </div>
      {tagError && (
        <p id="contact-tag-error" data-pointer="/tag" className={errorTextClass}>
          {tagError}
        </p>
      )}
    </header>
  );
}
