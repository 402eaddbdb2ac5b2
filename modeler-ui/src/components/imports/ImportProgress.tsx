import { useState } from 'react';
import { importsApi } from '../../api/imports';
import type { Job } from '../../api/types';
import { buttonClass, cardClass, errorTextClass, message } from '../ui';

export interface ImportProgressProps {
  locationId: string;
  job: Job;
  importerName: string;
  canCancel: boolean;
  onChanged: (job: Job) => void;
}

const STATUS_LABELS: Record<Job['status'], string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Done',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

/** `95` → `1 min 35 s`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

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

/**
 * The share of rows handled, in the theme's colours (a native progress element paints its own); without
 * a total, an empty bar that says it does not know.
 */
function ProgressBar({ handled, total }: { handled: number; total: number | undefined }) {
  const percent = total !== undefined && total > 0 ? Math.min(100, Math.round((handled / total) * 100)) : null;
  return (
    <div
      role="progressbar"
      aria-label="Rows handled"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={total !== undefined ? Math.min(handled, total) : undefined}
      aria-valuetext={percent !== null ? `${percent} %` : `${handled} rows, total not known yet`}
      className="h-2 w-full overflow-hidden rounded-theme bg-border"
    >
      <div className="h-full bg-primary transition-all" style={{ width: `${percent ?? 0}%` }} />
    </div>
  );
}

/** One import: its status, a progress bar with rows done, rate and time left, cancel, and its errors as CSV. */
export function ImportProgress({ locationId, job, importerName, canCancel, onChanged }: ImportProgressProps) {
  const [error, setError] = useState<string | null>(null);
  const { done, failed, total, ratePerSecond, secondsLeft } = job.progress;
  const handled = done + failed;
  const running = job.status === 'QUEUED' || job.status === 'RUNNING';

  const cancel = () => {
    setError(null);
    importsApi.cancelJob(locationId, job.id).then(onChanged, (e: unknown) => setError(message(e)));
  };
  const errors = () => {
    setError(null);
    importsApi.importErrors(locationId, job.id).then(
      (csv) => download(`import-${job.id}-errors.csv`, csv),
      (e: unknown) => setError(message(e)),
    );
  };

  return (
    <article className={`${cardClass} space-y-2 p-3`} data-job={job.id} data-status={job.status} aria-label={`Import ${job.id}`}>
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium">{importerName}</span>
        <span className="text-sm" data-role="status">
          {STATUS_LABELS[job.status]}
          {job.cancelRequested && job.status === 'RUNNING' ? ' (cancelling)' : ''}
        </span>
      </div>
      {(running || total !== undefined) && <ProgressBar handled={handled} total={total} />}
      <p className="text-sm text-muted" data-role="counts">
        {done} done{failed > 0 ? `, ${failed} not imported` : ''}
        {total !== undefined ? ` of ${total}` : ''}
        {ratePerSecond !== undefined ? ` · ${ratePerSecond} rows/s` : ''}
        {running && secondsLeft !== undefined ? ` · about ${duration(secondsLeft)} left` : ''}
      </p>
      {job.result && (
        <p className="text-sm" data-role="result">
          {String(job.result.created ?? 0)} created, {String(job.result.updated ?? 0)} updated, {String(job.result.skipped ?? 0)} skipped
          {Number(job.result.blank ?? 0) > 0 ? `, ${String(job.result.blank)} empty rows passed over` : ''}
        </p>
      )}
      {job.status === 'FAILED' && job.error && <p className={errorTextClass}>{job.error}</p>}
      <div className="flex gap-2">
        {canCancel && running && !job.cancelRequested && (
          <button type="button" className={buttonClass} onClick={cancel}>
            Cancel
          </button>
        )}
        {failed > 0 && (
          <button type="button" className={buttonClass} onClick={errors}>
            Download errors
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
    </article>
  );
}
