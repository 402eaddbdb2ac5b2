import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { runsApi } from '../../api/runs';
import type { RunState, Workflow, WorkflowRun } from '../../api/types';
import { formatDateTime } from '../crm/contactFormat';
import { buttonClass, cardClass, errorTextClass, message, smallInputClass } from '../ui';
import { RunDetail } from './RunDetail';
import { StateBadge } from './StateBadge';

export interface RunsViewProps {
  locationId: string;
  locationName: string;
  /** `location.workflows`: retry, skip and cancel. */
  canAct: boolean;
  /** The run open on the right; null: none. */
  runId: string | null;
  /** Only this contact's runs; null: everyone's. */
  contactId: string | null;
  onOpenRun: (runId: string | null) => void;
  onClearContact: () => void;
  contactHref: (contactId: string) => string;
  onOpenContact: (contactId: string) => void;
}

const PAGE = 100;
/** How often the open list reads the runs again. */
const REFRESH_MILLIS = 5000;
const STATES: { value: RunState | ''; label: string }[] = [
  { value: '', label: 'Any state' },
  { value: 'FAILED', label: 'Failed (incidents)' },
  { value: 'RUNNING', label: 'Running' },
  { value: 'COMPLETED', label: 'Completed' },
  { value: 'CANCELLED', label: 'Cancelled' },
];

/**
 * The location's workflow runs, newest first, filtered by workflow and state (and contact, when opened
 * from one), with the chosen run's step log and incident beside the list.
 */
export function RunsView(props: RunsViewProps) {
  const { locationId, locationName, canAct, runId, contactId } = props;
  const [workflows, setWorkflows] = useState<Workflow[] | null>(null);
  const [workflow, setWorkflow] = useState('');
  const [state, setState] = useState<RunState | ''>('');
  const [runs, setRuns] = useState<WorkflowRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latest.current;
    try {
      // the workflows too: one may have been deployed since the list was opened
      api.listWorkflows(locationId).then(setWorkflows, () => undefined);
      const list = await runsApi.list(locationId, {
        workflow: workflow || undefined,
        state: state || undefined,
        contactId: contactId ?? undefined,
        limit: PAGE,
      });
      if (request !== latest.current) return;
      setRuns(list);
      setError(null);
    } catch (e) {
      if (request === latest.current && !(e instanceof ApiError && e.status === 401)) {
        setError(`Could not load the runs: ${message(e)}`);
      }
    }
  }, [locationId, workflow, state, contactId]);

  useEffect(() => {
    setRuns(null);
    void load();
    // runs move on by themselves: the list follows them while it is open
    const timer = window.setInterval(() => void load(), REFRESH_MILLIS);
    return () => window.clearInterval(timer);
  }, [load]);

  const workflowName = (key: string) => workflows?.find((w) => w.key === key)?.name || key;
  const openContact = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    props.onOpenContact(id);
  };

  return (
    <div className="flex min-h-0 flex-1">
      <section aria-label="Runs" className="min-w-0 flex-1 space-y-4 overflow-y-auto p-6">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="mr-auto text-lg font-semibold">
            Workflow runs <span className="text-sm font-normal text-muted">· {locationName}</span>
          </h2>
          <label className="flex items-center gap-2 text-sm">
            Workflow
            <select aria-label="Workflow" className={smallInputClass} value={workflow} onChange={(e) => setWorkflow(e.target.value)}>
              <option value="">Every workflow</option>
              {workflows?.map((w) => (
                <option key={w.key} value={w.key}>
                  {w.name || w.key}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            State
            <select aria-label="State" className={smallInputClass} value={state} onChange={(e) => setState(e.target.value as RunState | '')}>
              {STATES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className={buttonClass} onClick={() => void load()}>
            Refresh
          </button>
        </div>
        {contactId && (
          <p className="text-sm">
            Only the runs of <a href={props.contactHref(contactId)} onClick={(e) => openContact(e, contactId)} className="underline">this contact</a>.{' '}
            <button type="button" className="underline" onClick={props.onClearContact}>
              Show everyone’s
            </button>
          </p>
        )}
        {error && (
          <p role="alert" className={errorTextClass}>
            {error}
          </p>
        )}
        {runs === null && !error && <p className="text-sm text-muted">Loading…</p>}
        {runs?.length === 0 && <p className="text-sm text-muted">No run matches.</p>}
        {runs && runs.length > 0 && (
          <table className={`${cardClass} w-full text-left text-sm`}>
            <thead className="text-xs uppercase text-muted">
              <tr>
                <th className="px-3 py-2 font-medium">Started</th>
                <th className="px-3 py-2 font-medium">Workflow</th>
                <th className="px-3 py-2 font-medium">State</th>
                <th className="px-3 py-2 font-medium">Contact</th>
                <th className="px-3 py-2 font-medium">Error</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {runs.map((run) => (
                <tr
                  key={run.id}
                  data-run-id={run.id}
                  aria-selected={run.id === runId}
                  className={`cursor-pointer ${run.id === runId ? 'bg-background' : 'hover:bg-background'}`}
                  onClick={() => props.onOpenRun(run.id)}
                >
                  <td className="whitespace-nowrap px-3 py-2">
                    <button type="button" className="underline" aria-label={`Open run ${run.id}`}>
                      {formatDateTime(run.startedAt)}
                    </button>
                  </td>
                  <td className="px-3 py-2">
                    {workflowName(run.workflowKey)} <span className="text-xs text-muted">v{run.workflowVersion}</span>
                  </td>
                  <td className="px-3 py-2">
                    <StateBadge state={run.state} />
                  </td>
                  <td className="px-3 py-2">
                    {run.contactId && (
                      <a href={props.contactHref(run.contactId)} onClick={(e) => { e.stopPropagation(); openContact(e, run.contactId!); }} className="underline">
                        Contact
                      </a>
                    )}
                  </td>
                  <td className="max-w-xs truncate px-3 py-2 text-muted" title={run.error}>
                    {run.error}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {runId && (
        <aside aria-label="Run" className="w-[32rem] shrink-0 overflow-y-auto border-l border-border bg-surface">
          <RunDetail
            key={runId}
            locationId={locationId}
            runId={runId}
            canAct={canAct}
            workflowName={workflowName}
            onClose={() => props.onOpenRun(null)}
            onChanged={() => void load()}
          />
        </aside>
      )}
    </div>
  );
}
