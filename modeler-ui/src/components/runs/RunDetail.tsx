import { Fragment, useCallback, useEffect, useState } from 'react';
import { runsApi } from '../../api/runs';
import type { WorkflowRun } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatDateTime } from '../crm/contactFormat';
import { buttonClass, errorTextClass, message, smallPrimaryClass } from '../ui';
import { StateBadge } from './StateBadge';

export interface RunDetailProps {
  locationId: string;
  runId: string;
  canAct: boolean;
  workflowName: (key: string) => string;
  onClose: () => void;
  /** The run changed state through this panel: the list reloads. */
  onChanged: () => void;
}

/** While a run is running, how often its panel looks again. */
const POLL_MILLIS = 2000;

/**
 * One run: where it stands, its incident with what can be done about it, and its step log (every
 * element it passed; for actions their plugin, attempts, summary, error and log lines).
 */
export function RunDetail({ locationId, runId, canAct, workflowName, onClose, onChanged }: RunDetailProps) {
  const [run, setRun] = useState<WorkflowRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);

  const load = useCallback(async () => {
    try {
      setRun(await runsApi.get(locationId, runId));
      setError(null);
    } catch (e) {
      setError(`Could not load the run: ${message(e)}`);
    }
  }, [locationId, runId]);

  useEffect(() => {
    void load();
  }, [load]);

  const running = run?.state === 'RUNNING';
  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(() => void load(), POLL_MILLIS);
    return () => window.clearInterval(timer);
  }, [running, load]);

  async function act(what: 'retry' | 'skip' | 'cancel') {
    setBusy(true);
    setError(null);
    try {
      setRun(await runsApi[what](locationId, runId));
      onChanged();
    } catch (e) {
      setError(message(e));
      void load();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4 p-4">
      <div className="flex items-start gap-2">
        <h3 className="mr-auto text-base font-semibold">{run ? workflowName(run.workflowKey) : 'Run'}</h3>
        <button type="button" className={buttonClass} onClick={onClose}>
          Close
        </button>
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {!run && !error && <p className="text-sm text-muted">Loading…</p>}
      {run && (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted">State</dt>
            <dd data-run-state={run.state}>
              <StateBadge state={run.state} />
            </dd>
            <dt className="text-muted">Version</dt>
            <dd>v{run.workflowVersion}</dd>
            <dt className="text-muted">Started</dt>
            <dd>{formatDateTime(run.startedAt)}</dd>
            {run.endedAt && (
              <>
                <dt className="text-muted">Ended</dt>
                <dd>{formatDateTime(run.endedAt)}</dd>
              </>
            )}
            <dt className="text-muted">Run id</dt>
            <dd className="break-all font-mono text-xs">{run.id}</dd>
          </dl>
          {run.incident && (
            <section aria-label="Incident" className="space-y-2 rounded-theme border border-primary p-3 text-sm">
              <p className="font-medium">
                Stopped at <span className="font-mono">{run.incident.activityId}</span>
                {run.incident.actionId && <> ({run.incident.actionId})</>}
              </p>
              {run.incident.error && <p className="whitespace-pre-wrap break-words">{run.incident.error}</p>}
              {canAct ? (
                <div className="flex flex-wrap gap-2">
                  {run.incident.canRetry && (
                    <button type="button" className={smallPrimaryClass} disabled={busy} onClick={() => void act('retry')}>
                      Retry
                    </button>
                  )}
                  {run.incident.canSkip && (
                    <button type="button" className={buttonClass} disabled={busy} onClick={() => void act('skip')}>
                      Skip this step
                    </button>
                  )}
                </div>
              ) : (
                <p className="text-muted">A location admin can retry, skip or cancel it.</p>
              )}
            </section>
          )}
          {canAct && (run.state === 'RUNNING' || run.state === 'FAILED') && (
            <button type="button" className={buttonClass} disabled={busy} onClick={() => setConfirmCancel(true)}>
              Cancel run
            </button>
          )}
          {!run.incident && run.error && <p className="whitespace-pre-wrap break-words text-sm">{run.error}</p>}
          <ol aria-label="Steps" className="space-y-2">
            {run.steps.map((step, index) => (
              <li key={`${step.activityId}-${index}`} data-step={step.activityId} className="rounded-theme border border-border p-2 text-sm">
                <div className="flex flex-wrap items-baseline gap-2">
                  <span className="font-medium">{step.name || step.activityId}</span>
                  <span className="text-xs text-muted">{step.actionId ?? step.type}</span>
                  <span className="ml-auto">
                    <StateBadge state={step.status ?? "RUNNING"} />
                  </span>
                </div>
                {step.summary && <p>{step.summary}</p>}
                {step.error && <p className="whitespace-pre-wrap break-words text-primary">{step.error}</p>}
                <p className="text-xs text-muted">
                  {formatDateTime(step.startedAt)}
                  {step.actionId && (
                    <>
                      {' · '}
                      {step.attempts} attempt{step.attempts === 1 ? '' : 's'}
                      {step.pluginId && ` · ${step.pluginId} ${step.pluginVersion ?? ''}`}
                    </>
                  )}
                </p>
                {step.type.endsWith('Gateway') && step.next.length > 0 && (
                  <p data-took="" className="text-xs">
                    Took{' '}
                    {step.next
                      .map((flow) => {
                        const target = run.steps.find((other) => other.activityId === flow.targetId);
                        const label = `${flow.name || flow.id} → ${target?.name || flow.targetId}`;
                        return flow.condition ? `${label} (${flow.condition})` : label;
                      })
                      .join('; ')}
                  </p>
                )}
                {Object.keys(step.inputs ?? {}).length + Object.keys(step.outputs ?? {}).length > 0 && (
                  <details data-values="">
                    <summary className="cursor-pointer text-xs">Inputs and outputs</summary>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
                      {Object.entries(step.inputs ?? {}).map(([name, value]) => (
                        <Fragment key={`in-${name}`}>
                          <dt className="text-muted">in · {name}</dt>
                          <dd className="whitespace-pre-wrap break-words">{value}</dd>
                        </Fragment>
                      ))}
                      {Object.entries(step.outputs ?? {}).map(([name, value]) => (
                        <Fragment key={`out-${name}`}>
                          <dt className="text-muted">out · {name}</dt>
                          <dd className="whitespace-pre-wrap break-words">{value}</dd>
                        </Fragment>
                      ))}
                    </dl>
                  </details>
                )}
                {step.log.length > 0 && (
                  <details>
                    <summary className="cursor-pointer text-xs">Log ({step.log.length})</summary>
                    <pre className="whitespace-pre-wrap break-words text-xs">{step.log.join('\n')}</pre>
                  </details>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {confirmCancel && (
        <ConfirmDialog
          title="Cancel this run?"
          confirmLabel="Cancel run"
          onConfirm={async () => {
            setConfirmCancel(false);
            await act('cancel');
          }}
          onCancel={() => setConfirmCancel(false)}
        >
          The run stops where it is. Its steps not yet made are never made.
        </ConfirmDialog>
      )}
    </div>
  );
}
