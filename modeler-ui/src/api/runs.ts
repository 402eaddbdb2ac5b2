/**
 * The workflow runs' calls (`/api/v1/locations/{locationId}/workflow-runs`, docs/bpmn-support.md): runs
 * listed by workflow, contact or state, one run with its step log, and what a user does about an
 * incident (retry, skip the failed step, cancel). Every error is an `ApiError` with the server's problem.
 */
import { request } from './client';
import type { RunState, WorkflowRun } from './types';

const enc = encodeURIComponent;
const runs = (locationId: string) => `/api/v1/locations/${enc(locationId)}/workflow-runs`;

export interface RunQuery {
  workflow?: string;
  contactId?: string;
  state?: RunState;
  limit?: number;
}

export const runsApi = {
  /** Newest first, without their steps. */
  list(locationId: string, query: RunQuery = {}): Promise<WorkflowRun[]> {
    const params = new URLSearchParams();
    if (query.workflow) params.set('workflow', query.workflow);
    if (query.contactId) params.set('contactId', query.contactId);
    if (query.state) params.set('state', query.state);
    if (query.limit) params.set('limit', String(query.limit));
    const search = params.toString();
    return request<WorkflowRun[]>(`${runs(locationId)}${search ? `?${search}` : ''}`);
  },

  /** The run with every step and, when it failed, its incident. */
  get(locationId: string, runId: string): Promise<WorkflowRun> {
    return request<WorkflowRun>(`${runs(locationId)}/${enc(runId)}`);
  },

  /** 409 when the run is not failed or has nothing left to retry. */
  retry(locationId: string, runId: string): Promise<WorkflowRun> {
    return request<WorkflowRun>(`${runs(locationId)}/${enc(runId)}/retry`, { method: 'POST' });
  },

  /** 409 unless the run failed in an action step. */
  skip(locationId: string, runId: string): Promise<WorkflowRun> {
    return request<WorkflowRun>(`${runs(locationId)}/${enc(runId)}/skip`, { method: 'POST' });
  },

  /** 409 when the run has ended. */
  cancel(locationId: string, runId: string): Promise<WorkflowRun> {
    return request<WorkflowRun>(`${runs(locationId)}/${enc(runId)}/cancel`, { method: 'POST' });
  },
};
