/**
 * The imports' calls: the importers of the plugins a location uses (`GET …/importers`), starting an
 * import (`POST …/imports`, answered with its background job), following and cancelling jobs
 * (`…/jobs`), and the rows an import could not use (`GET …/imports/{jobId}/errors`, CSV). Every error
 * is an `ApiError` with the server's problem.
 */
import { request } from './client';
import type { DuplicateChoice, Importer, Job, JobPage, PluginSettingsValues } from './types';

const enc = encodeURIComponent;
const location = (locationId: string) => `/api/v1/locations/${enc(locationId)}`;

export const importsApi = {
  listImporters(locationId: string): Promise<Importer[]> {
    return request<Importer[]>(`${location(locationId)}/importers`);
  },

  /** Queues an import; 400 names what does not fit (`/source/since`, `/importer`). */
  startImport(locationId: string, importer: string, source: PluginSettingsValues, duplicates: DuplicateChoice): Promise<Job> {
    return request<Job>(`${location(locationId)}/imports`, { method: 'POST', json: { importer, source, duplicates } });
  },

  /** The location's imports, newest first. */
  listImports(locationId: string, limit = 20): Promise<JobPage> {
    return request<JobPage>(`${location(locationId)}/jobs?kind=import&limit=${limit}`);
  },

  getJob(locationId: string, jobId: string): Promise<Job> {
    return request<Job>(`${location(locationId)}/jobs/${enc(jobId)}`);
  },

  /** A queued job is cancelled at once, a running one after its current page. */
  cancelJob(locationId: string, jobId: string): Promise<Job> {
    return request<Job>(`${location(locationId)}/jobs/${enc(jobId)}/cancel`, { method: 'POST' });
  },

  /** The rejected rows as CSV text: `reference,reason`. */
  importErrors(locationId: string, jobId: string): Promise<string> {
    return request<string>(`${location(locationId)}/imports/${enc(jobId)}/errors`, { accept: 'csv' });
  },
};
