import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { bulkApi } from '../../api/segments';
import type { Job } from '../../api/types';
import { buttonClass, cardClass, errorTextClass, message } from '../ui';

export interface BulkJobProgressProps {
  locationId: string;
  /** The job as the server answered its start (or its last state). */
  job: Job;
  /** What it does, as a title: `Add tags “vip” to 2 contacts`. */
  label: string;
  /** `location.contacts`: the Cancel button. */
  canCancel: boolean;
  /** Once, when the job has ended (succeeded, failed or cancelled). */
  onFinished?: (job: Job) => void;
}

/** How often a running job is asked for. */
const POLL_MS = 1000;

const STATUS_LABELS: Record<Job['status'], string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Done',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

export const isRunning = (job: Job) => job.status === 'QUEUED' || job.status === 'RUNNING';

/** `95` → `1 min 35 s`. */
function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const contacts = (n: number) => `${n.toLocaleString()} contact${n === 1 ? '' : 's'}`;

/** Offers text as a file download. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The job as it is now: asked for every second while it runs. */
function useFollowedJob(locationId: string, started: Job): { job: Job; error: string | null } {
  const [job, setJob] = useState(started);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setJob(started), [started]);
  const running = isRunning(job);
  useEffect(() => {
    if (!running) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      bulkApi
        .getJob(locationId, job.id)
        .then((next) => {
          if (cancelled) return;
          setError(null);
          setJob(next);
        })
        .catch((e: unknown) => {
          if (cancelled || (e instanceof ApiError && e.status === 401)) return;
          setError(`Could not follow the job: ${message(e)}`);
          setJob((j) => ({ ...j })); // ask again
        });
    }, POLL_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [locationId, job, running]);
  return { job, error };
}

/**
 * A bulk action's job: its status, a progress bar of the contacts handled with the rate and the time
 * left, Cancel while it runs, what it changed when done, and the contacts it could not change as CSV.
 */
export function BulkJobProgress({ locationId, job: started, label, canCancel, onFinished }: BulkJobProgressProps) {
  const { job, error: followError } = useFollowedJob(locationId, started);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const finished = useRef(false);
  const { done, failed, total, ratePerSecond, secondsLeft } = job.progress;
  const handled = done + failed;
  const running = isRunning(job);
  const percent =
    total !== undefined && total > 0 ? Math.min(100, Math.round((handled / total) * 100)) : running ? 0 : 100;

  useEffect(() => {
    if (!running && !finished.current) {
      finished.current = true;
      onFinished?.(job);
    }
  }, [running, job, onFinished]);

  const cancel = () => {
    setError(null);
    setCancelling(true);
    bulkApi
      .cancelJob(locationId, job.id)
      .then(
        () => undefined,
        (e: unknown) => setError(message(e)),
      )
      .finally(() => setCancelling(false));
  };
  const errors = () => {
    setError(null);
    bulkApi.jobErrors(locationId, job.id).then(
      (csv) => download(`${job.kind}-${job.id}-errors.csv`, csv),
      (e: unknown) => setError(message(e)),
    );
  };
  const changed = typeof job.result?.changed === 'number' ? job.result.changed : undefined;

  return (
    <article className={`${cardClass} space-y-2 p-3`} data-job={job.id} data-status={job.status} aria-label={label}>
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium">{label}</span>
        <span className="text-sm" data-role="status">
          {STATUS_LABELS[job.status]}
          {job.cancelRequested && running ? ' (cancelling)' : ''}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Contacts handled"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={total !== undefined ? Math.min(handled, total) : undefined}
        aria-valuetext={total !== undefined ? `${handled} of ${total}` : `${handled}, total not known yet`}
        className="h-2 w-full overflow-hidden rounded-theme bg-border"
      >
        <div className="h-full bg-primary transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-muted" data-role="counts">
        {done.toLocaleString()}
        {total !== undefined ? ` of ${total.toLocaleString()}` : ''} done
        {failed > 0 ? `, ${failed.toLocaleString()} could not be changed` : ''}
        {ratePerSecond !== undefined
          ? ` · ${ratePerSecond.toLocaleString(undefined, { maximumFractionDigits: 1 })} contacts/s`
          : ''}
        {running && secondsLeft !== undefined ? ` · about ${duration(secondsLeft)} left` : ''}
      </p>
      {!running && job.status !== 'FAILED' && (
        <p className="text-sm" data-role="result">
          {job.status === 'CANCELLED' ? 'Cancelled after ' : ''}
          {changed !== undefined ? `${contacts(changed)} changed` : `${contacts(done)} done`}
          {changed !== undefined && done > changed
            ? `, ${(done - changed).toLocaleString()} had nothing to change`
            : ''}
          .
        </p>
      )}
      {job.status === 'FAILED' && job.error && <p className={errorTextClass}>{job.error}</p>}
      <div className="flex gap-2">
        {canCancel && running && !job.cancelRequested && (
          <button type="button" className={buttonClass} disabled={cancelling} onClick={cancel}>
            Cancel
          </button>
        )}
        {failed > 0 && (
          <button type="button" className={buttonClass} onClick={errors}>
            Download errors (CSV)
          </button>
        )}
      </div>
      {(error ?? followError) && (
        <p role="alert" className={errorTextClass}>
          {error ?? followError}
        </p>
      )}
    </article>
  );
}
