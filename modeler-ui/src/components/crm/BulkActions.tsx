import { useState } from 'react';
import { crmApi } from '../../api/crm';
import { bulkApi } from '../../api/segments';
import type { BulkActionRequest, Job } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { buttonClass, errorTextClass, message, smallInputClass } from '../ui';
import { BulkJobProgress } from './BulkJobProgress';

export interface BulkActionsProps {
  locationId: string;
  /** The selected contacts' ids. */
  selected: readonly string[];
  /** The list shows the trash: restore instead of tag and delete. */
  trash: boolean;
  /** While a job runs (the toolbar must stay, whatever the selection becomes). */
  onBusy: (busy: boolean) => void;
  /** After an action: what happened (shown by the list), the job that did it, and the list reloads. */
  onDone: (outcome: string, job?: Job) => void;
}

const count = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;

/** A bulk action being done: its job, its title, and the verb of its outcome (`Tagged “vip”:`). */
interface Running {
  job: Job;
  label: string;
  verb: string;
}

/** What a finished job did, as the list says it. */
function outcomeOf(verb: string, job: Job): string {
  const { done, failed } = job.progress;
  const notChanged = failed > 0 ? ` ${count(failed)} could not be changed.` : '';
  switch (job.status) {
    case 'SUCCEEDED':
      return `${verb} ${count(done)}.${notChanged}`;
    case 'CANCELLED':
      return `Cancelled. ${verb} ${count(done)} before it stopped.${notChanged}`;
    default:
      return `${verb} ${count(done)}, then it failed: ${job.error ?? 'no reason given'}.${notChanged}`;
  }
}

/**
 * What can be done to the selected contacts: add or remove a tag, delete (after confirming), each as
 * one bulk action (`POST …/bulk-actions` with the contacts' ids) followed to its end; restore, one
 * contact after the other.
 */
export function BulkActions({ locationId, selected, trash, onBusy, onDone }: BulkActionsProps) {
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Starts a bulk action for the selected contacts; a refusal rejects (the dialog shows it) or shows here. */
  async function start(request: Omit<BulkActionRequest, 'contacts'>, label: string, verb: string) {
    setError(null);
    const job = await bulkApi.start(locationId, { ...request, contacts: [...selected] });
    onBusy(true);
    setRunning({ job, label, verb });
  }

  function startHere(request: Omit<BulkActionRequest, 'contacts'>, label: string, verb: string) {
    setBusy(true);
    start(request, label, verb)
      .catch((e: unknown) => setError(message(e)))
      .finally(() => setBusy(false));
  }

  /** Restores each contact, one after the other (the trash has no bulk action). */
  async function restore() {
    setBusy(true);
    let done = 0;
    let failure: string | undefined;
    for (const id of selected) {
      try {
        await crmApi.restoreContact(locationId, id);
        done++;
      } catch (e) {
        failure ??= message(e);
      }
    }
    setBusy(false);
    const text = `Restored ${count(done)}`;
    onDone(failure ? `${text}; ${selected.length - done} failed: ${failure}` : `${text}.`);
  }

  const tagText = tag.trim();
  const idle = !busy && running === null;
  return (
    <div
      role="toolbar"
      aria-label="Selected contacts"
      className="space-y-2 rounded-theme border border-primary bg-surface px-3 py-2 text-sm"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium" data-selected-count={selected.length}>
          {count(selected.length)} selected
        </span>
        {trash ? (
          <button type="button" className={buttonClass} disabled={!idle} onClick={() => void restore()}>
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
              disabled={!idle || !tagText}
              onClick={() =>
                startHere(
                  { action: 'addTags', options: { tags: [tagText] } },
                  `Add “${tagText}” to ${count(selected.length)}`,
                  `Tagged “${tagText}”:`,
                )
              }
            >
              Add tag
            </button>
            <button
              type="button"
              className={buttonClass}
              disabled={!idle || !tagText}
              onClick={() =>
                startHere(
                  { action: 'removeTags', options: { tags: [tagText] } },
                  `Remove “${tagText}” from ${count(selected.length)}`,
                  `Removed “${tagText}” from`,
                )
              }
            >
              Remove tag
            </button>
            <button type="button" className={buttonClass} disabled={!idle} onClick={() => setConfirming(true)}>
              Delete…
            </button>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {running && (
        <BulkJobProgress
          locationId={locationId}
          job={running.job}
          label={running.label}
          canCancel
          onFinished={(job) => {
            setRunning(null);
            onBusy(false);
            onDone(outcomeOf(running.verb, job), job);
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete ${count(selected.length)}?`}
          confirmLabel={`Delete ${count(selected.length)}`}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            await start({ action: 'delete' }, `Delete ${count(selected.length)}`, 'Deleted');
            setConfirming(false);
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
