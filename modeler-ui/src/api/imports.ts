/**
 * The imports' calls: the importers of the plugins a location uses (`GET …/importers`), starting an
 * import (`POST …/imports`, answered with its background job), following and cancelling jobs
 * (`…/jobs`), and the rows an import could not use (`GET …/imports/{jobId}/errors`, CSV); files uploaded to
 * import from (`…/import-files`) and their imports (`POST …/imports {"file": …}`). Every error is an
 * `ApiError` with the server's problem.
 */
import { ApiError, getToken, parseProblem, request } from './client';
import type { DuplicateChoice, FileImportRequest, ImportFile, Importer, Job, JobPage, PluginSettingsValues } from './types';

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

  /** The location's imports, from plugins and from files, newest first. */
  listImports(locationId: string, limit = 20): Promise<JobPage> {
    return request<JobPage>(`${location(locationId)}/jobs?kind=import&kind=file-import&limit=${limit}`);
  },

  /**
   * Uploads a CSV or JSON lines file, reporting the bytes sent as they go (fetch cannot tell an upload's
   * progress, so this one call is an XMLHttpRequest on the same token). 400 and 413 name the row and column.
   */
  uploadFile(locationId: string, file: File, onProgress: (sent: number, total: number) => void): Promise<ImportFile> {
    const type = /\.(jsonl|ndjson)$/i.test(file.name) ? 'application/x-ndjson' : 'text/csv';
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${location(locationId)}/import-files?name=${enc(file.name)}`);
      xhr.setRequestHeader('Content-Type', type);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      const token = getToken();
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
      xhr.onload = () => {
        if (xhr.status === 201) {
          resolve(JSON.parse(xhr.responseText) as ImportFile);
        } else {
          const problem = parseProblem(xhr.status, xhr.responseText, xhr.getResponseHeader('Content-Type') ?? '',
            `Uploading ${file.name} failed (HTTP ${xhr.status})`);
          reject(new ApiError(xhr.status, problem));
        }
      };
      xhr.onerror = () =>
        reject(new ApiError(0, { type: 'about:blank', title: `Network error while uploading ${file.name}`, status: 0, errors: [] }));
      xhr.send(file);
    });
  },

  deleteFile(locationId: string, fileId: string): Promise<void> {
    return request<void>(`${location(locationId)}/import-files/${enc(fileId)}`, { method: 'DELETE' });
  },

  /** Queues the import of an uploaded file; 400 names what does not fit (`/mapping/<column>`, `/tags/0`). */
  startFileImport(locationId: string, body: FileImportRequest): Promise<Job> {
    return request<Job>(`${location(locationId)}/imports`, { method: 'POST', json: body });
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
