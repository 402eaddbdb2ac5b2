/**
 * The segments' and bulk actions' calls (`/api/v1/locations/{locationId}/…`, docs/segments.md): saved
 * filters with their counts, contacts and CSV export, a filter's preview, what a filter can say; one
 * action for many contacts as a background job, followed, cancelled and its errors read as CSV. Every
 * error is an `ApiError` with the server's problem.
 */
import { request } from './client';
import type {
  BulkActionInfo,
  BulkActionRequest,
  ContactPage,
  ContactSort,
  Job,
  Segment,
  SegmentConditions,
  SegmentCount,
  SegmentFilter,
  SegmentPreview,
  SegmentRequest,
} from './types';

const MERGE_PATCH = 'application/merge-patch+json';
const enc = encodeURIComponent;
const location = (locationId: string) => `/api/v1/locations/${enc(locationId)}`;
const segment = (locationId: string, segmentId: string) => `${location(locationId)}/segments/${enc(segmentId)}`;
const job = (locationId: string, jobId: string) => `${location(locationId)}/jobs/${enc(jobId)}`;

export interface SegmentContactsQuery {
  sort?: ContactSort;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

export const segmentsApi = {
  /** The location's segments by name, each with its last count. */
  list(locationId: string): Promise<Segment[]> {
    return request<Segment[]>(`${location(locationId)}/segments`);
  },

  get(locationId: string, segmentId: string): Promise<Segment> {
    return request<Segment>(segment(locationId, segmentId));
  },

  /** 400 names `/name`, `/description` or each bad part of the filter (`/filter/all/1/value`). */
  create(locationId: string, body: SegmentRequest): Promise<Segment> {
    return request<Segment>(`${location(locationId)}/segments`, { method: 'POST', json: body });
  },

  /** A merge patch: the members given change (a changed filter forgets the last count). */
  update(locationId: string, segmentId: string, patch: Partial<SegmentRequest>): Promise<Segment> {
    return request<Segment>(segment(locationId, segmentId), { method: 'PATCH', json: patch, jsonType: MERGE_PATCH });
  },

  /** Deletes the segment; its contacts stay. */
  remove(locationId: string, segmentId: string): Promise<void> {
    return request<void>(segment(locationId, segmentId), { method: 'DELETE' });
  },

  /** Counts now; the server keeps it as the segment's last count. */
  count(locationId: string, segmentId: string): Promise<SegmentCount> {
    return request<SegmentCount>(`${segment(locationId, segmentId)}/count`);
  },

  /** A page of the segment's contacts, sorted as the contact list sorts. */
  contacts(locationId: string, segmentId: string, query: SegmentContactsQuery = {}): Promise<ContactPage> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(name, String(value));
    }
    const text = params.toString();
    return request<ContactPage>(`${segment(locationId, segmentId)}/contacts${text ? `?${text}` : ''}`);
  },

  /** The segment's contacts as CSV text (the server streams it; the browser holds it once for the download). */
  exportCsv(locationId: string, segmentId: string): Promise<string> {
    return request<string>(`${segment(locationId, segmentId)}/export`, { accept: 'csv' });
  },

  /** A filter's count and first 10 contacts, nothing saved; 400 points into `/filter`. */
  preview(locationId: string, filter: SegmentFilter): Promise<SegmentPreview> {
    return request<SegmentPreview>(`${location(locationId)}/segments/preview`, { method: 'POST', json: { filter } });
  },

  /** The condition types, the standard and custom fields with their operators, and the language's schema. */
  conditions(locationId: string): Promise<SegmentConditions> {
    return request<SegmentConditions>(`${location(locationId)}/segments/conditions`);
  },
};

export const bulkApi = {
  /** The bulk actions deployed, with the JSON Schema of their options. */
  actions(locationId: string): Promise<BulkActionInfo[]> {
    return request<BulkActionInfo[]>(`${location(locationId)}/bulk-actions`);
  },

  /** Queues the action (202 with its job); 400 names `/options/tags`, `/options/workflow`, `/contacts`, … */
  start(locationId: string, body: BulkActionRequest): Promise<Job> {
    return request<Job>(`${location(locationId)}/bulk-actions`, { method: 'POST', json: body });
  },

  getJob(locationId: string, jobId: string): Promise<Job> {
    return request<Job>(job(locationId, jobId));
  },

  /** A queued job is cancelled at once, a running one after its current round. */
  cancelJob(locationId: string, jobId: string): Promise<Job> {
    return request<Job>(`${job(locationId, jobId)}/cancel`, { method: 'POST' });
  },

  /** What the job could not do, as CSV text: `reference,reason` (a contact's id and why). */
  jobErrors(locationId: string, jobId: string): Promise<string> {
    return request<string>(`${job(locationId, jobId)}/errors`, { accept: 'csv' });
  },
};
