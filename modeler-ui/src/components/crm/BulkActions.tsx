import { useState } from 'react';
import { crmApi } from '../../api/crm';
import { ConfirmDialog } from '../ConfirmDialog';
import { buttonClass, message, smallInputClass } from '../ui';

export interface BulkActionsProps {
  locationId: string;
  /** The selected contacts' ids. */
  selected: readonly string[];
  /** The list shows the trash: restore instead of tag and delete. */
  trash: boolean;
  /** After an action: what happened (shown by the list), and the list reloads. */
  onDone: (outcome: string) => void;
}

const count = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;

/**
 * Runs `action` on each selected contact, one after the other (the API has no bulk calls); says how
 * many succeeded and why the first failure failed.
 */
async function forEach(ids: readonly string[], action: (id: string) => Promise<unknown>): Promise<{ done: number; failure?: string }> {
  let done = 0;
  let failure: string | undefined;
  for (const id of ids) {
    try {
      await action(id);
      done++;
    } catch (e) {
      failure ??= message(e);
    }
  }
  return { done, failure };
}

function outcome(verb: string, total: number, result: { done: number; failure?: string }): string {
  const text = `${verb} ${count(result.done)}`;
  return result.failure ? `${text}; ${total - result.done} failed: ${result.failure}` : `${text}.`;
}

/** What can be done to the selected contacts: add or remove a tag, delete (after confirming), restore. */
export function BulkActions({ locationId, selected, trash, onDone }: BulkActionsProps) {
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function run(verb: string, action: (id: string) => Promise<unknown>) {
    setBusy(true);
    try {
      onDone(outcome(verb, selected.length, await forEach(selected, action)));
    } finally {
      setBusy(false);
    }
  }

  const tagText = tag.trim();
  return (
    <div
      role="toolbar"
      aria-label="Selected contacts"
      className="flex flex-wrap items-center gap-2 rounded-theme border border-primary bg-surface px-3 py-2 text-sm"
    >
      <span className="font-medium" data-selected-count={selected.length}>
        {count(selected.length)} selected
      </span>
      {trash ? (
        <button
          type="button"
          className={buttonClass}
          disabled={busy}
          onClick={() => void run('Restored', (id) => crmApi.restoreContact(locationId, id))}
        >
          Restore selected
        </button>
      ) : (
        <>
          <input
            aria-label="Tag for the selected contacts"
            placeholder="Tag"
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            className={smallInputClass}
          />
          <button
            type="button"
            className={buttonClass}
            disabled={busy || !tagText}
            onClick={() => void run(`Tagged “${tagText}”:`, (id) => crmApi.addTag(locationId, id, tagText))}
          >
            Add tag
          </button>
          <button
            type="button"
            className={buttonClass}
            disabled={busy || !tagText}
            onClick={() => void run(`Removed “${tagText}” from`, (id) => crmApi.removeTag(locationId, id, tagText))}
          >
            Remove tag
          </button>
          <button type="button" className={buttonClass} disabled={busy} onClick={() => setConfirming(true)}>
            Delete…
          </button>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete ${count(selected.length)}?`}
          confirmLabel={`Delete ${count(selected.length)}`}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            const result = await forEach(selected, (id) => crmApi.deleteContact(locationId, id));
            setConfirming(false);
            onDone(outcome('Deleted', selected.length, result));
          }}
        >
          <p>
            {selected.length === 1
              ? 'The contact moves to the trash, where it can be restored for 30 days.'
              : `The ${selected.length} contacts move to the trash, where they can be restored for 30 days.`}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
