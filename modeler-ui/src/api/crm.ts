/**
 * The CRM's calls (`/api/v1/locations/{locationId}/…`): contacts, their tags, merges and timeline,
 * notes and tasks, companies, custom fields, custom values, the CRM settings, pipelines, their boards
 * and opportunities. Every error is an `ApiError` with the server's problem.
 */
import { request, send } from './client';
import type {
  Company,
  CompanyPage,
  CompanyPatch,
  Contact,
  ContactListQuery,
  ContactMerge,
  ContactPage,
  ContactPatch,
  CrmSettings,
  CustomField,
  CustomFieldPatch,
  FieldModel,
  LocationValue,
  MergeRequest,
  NewCompany,
  NewContact,
  NewCustomField,
  NewLocationValue,
  NewOpportunity,
  NewPipeline,
  NewStage,
  NewTask,
  Note,
  NotePage,
  Opportunity,
  OpportunityListQuery,
  OpportunityPage,
  OpportunityPatch,
  Pipeline,
  PipelineBoard,
  StageHistoryPage,
  TagRequest,
  Task,
  TaskPage,
  TaskPatch,
  TimelinePage,
} from './types';

const MERGE_PATCH = 'application/merge-patch+json';
const enc = encodeURIComponent;

const location = (locationId: string) => `/api/v1/locations/${enc(locationId)}`;
const contact = (locationId: string, contactId: string) => `${location(locationId)}/contacts/${enc(contactId)}`;
const field = (locationId: string, fieldId: string) => `${location(locationId)}/custom-fields/${enc(fieldId)}`;
const note = (locationId: string, contactId: string, noteId: string) => `${contact(locationId, contactId)}/notes/${enc(noteId)}`;
const task = (locationId: string, contactId: string, taskId: string) => `${contact(locationId, contactId)}/tasks/${enc(taskId)}`;
const company = (locationId: string, companyId: string) => `${location(locationId)}/companies/${enc(companyId)}`;
const value = (locationId: string, valueId: string) => `${location(locationId)}/custom-values/${enc(valueId)}`;
const pipeline = (locationId: string, pipelineId: string) => `${location(locationId)}/pipelines/${enc(pipelineId)}`;
const stage = (locationId: string, pipelineId: string, stageId: string) =>
  `${pipeline(locationId, pipelineId)}/stages/${enc(stageId)}`;
const opportunity = (locationId: string, opportunityId: string) =>
  `${location(locationId)}/opportunities/${enc(opportunityId)}`;

/** `?a=1&tag=x&tag=y`; undefined, null and empty values are left out. */
function queryString(params: Record<string, string | readonly string[] | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v: string) => query.append(name, v));
    else query.append(name, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** A contact after `createContact`, and whether it is new (false: the duplicate policy found it and updated it). */
export interface CreatedContact {
  contact: Contact;
  created: boolean;
}

export const crmApi = {
  /** Search, filter by tags (every one given), sort, page (`cursor`: the previous page's `nextCursor`). */
  listContacts(locationId: string, query: ContactListQuery): Promise<ContactPage> {
    return request<ContactPage>(`${location(locationId)}/contacts${queryString({ ...query })}`);
  },

  /** A contact, also a deleted one (with `deletedAt`). */
  getContact(locationId: string, contactId: string): Promise<Contact> {
    return request<Contact>(contact(locationId, contactId));
  },

  /** 201: a new contact; 200: the location's duplicate policy matched an existing contact, which was updated. */
  async createContact(locationId: string, body: NewContact): Promise<CreatedContact> {
    const { status, body: created } = await send<Contact>(`${location(locationId)}/contacts`, { method: 'POST', json: body });
    return { contact: created, created: status === 201 };
  },

  /** Changes the members given (JSON merge patch: null clears; customFields merges by key). */
  updateContact(locationId: string, contactId: string, patch: ContactPatch): Promise<Contact> {
    return request<Contact>(contact(locationId, contactId), { method: 'PATCH', json: patch, jsonType: MERGE_PATCH });
  },

  /** Moves a contact to the trash (restorable for 30 days). */
  deleteContact(locationId: string, contactId: string): Promise<void> {
    return request<void>(contact(locationId, contactId), { method: 'DELETE' });
  },

  restoreContact(locationId: string, contactId: string): Promise<Contact> {
    return request<Contact>(`${contact(locationId, contactId)}/restore`, { method: 'POST' });
  },

  addTag(locationId: string, contactId: string, tag: string): Promise<Contact> {
    const body: TagRequest = { tag };
    return request<Contact>(`${contact(locationId, contactId)}/tags`, { method: 'POST', json: body });
  },

  removeTag(locationId: string, contactId: string, tag: string): Promise<Contact> {
    return request<Contact>(`${contact(locationId, contactId)}/tags/${enc(tag)}`, { method: 'DELETE' });
  },

  /** Merges `duplicateId` into the contact, which keeps its own values; the duplicate is deleted. */
  mergeContact(locationId: string, contactId: string, duplicateId: string): Promise<ContactMerge> {
    const body: MergeRequest = { duplicateId };
    return request<ContactMerge>(`${contact(locationId, contactId)}/merge`, { method: 'POST', json: body });
  },

  /** The duplicates merged into a contact, newest first. */
  listMerges(locationId: string, contactId: string): Promise<ContactMerge[]> {
    return request<ContactMerge[]>(`${contact(locationId, contactId)}/merges`);
  },

  /** A page of a contact's timeline, newest first (`cursor`: the previous page's `nextCursor`). */
  timeline(locationId: string, contactId: string, cursor?: string): Promise<TimelinePage> {
    return request<TimelinePage>(`${contact(locationId, contactId)}/timeline${queryString({ cursor })}`);
  },

  /** The fields of a model, in position order. */
  listCustomFields(locationId: string, model: FieldModel): Promise<CustomField[]> {
    return request<CustomField[]>(`${location(locationId)}/custom-fields${queryString({ model })}`);
  },

  createCustomField(locationId: string, body: NewCustomField): Promise<CustomField> {
    return request<CustomField>(`${location(locationId)}/custom-fields`, { method: 'POST', json: body });
  },

  /** Renames, re-keys, reorders or changes the options of a field (its values are kept). */
  updateCustomField(locationId: string, fieldId: string, patch: CustomFieldPatch): Promise<CustomField> {
    return request<CustomField>(field(locationId, fieldId), { method: 'PATCH', json: patch, jsonType: MERGE_PATCH });
  },

  /** 409 when records have a value for the field, unless `confirm`, which deletes those values too. */
  deleteCustomField(locationId: string, fieldId: string, confirm = false): Promise<void> {
    return request<void>(`${field(locationId, fieldId)}${queryString({ confirm: confirm ? 'true' : undefined })}`, {
      method: 'DELETE',
    });
  },

  getCrmSettings(locationId: string): Promise<CrmSettings> {
    return request<CrmSettings>(`${location(locationId)}/crm-settings`);
  },

  /** Changes the members given. */
  updateCrmSettings(locationId: string, change: Partial<CrmSettings>): Promise<CrmSettings> {
    return request<CrmSettings>(`${location(locationId)}/crm-settings`, { method: 'PATCH', json: change, jsonType: MERGE_PATCH });
  },

  // --- notes

  /** A contact's notes, newest first. */
  listNotes(locationId: string, contactId: string, cursor?: string): Promise<NotePage> {
    return request<NotePage>(`${contact(locationId, contactId)}/notes${queryString({ cursor })}`);
  },

  /** Writes a note as the caller (emits `note.created`). */
  createNote(locationId: string, contactId: string, body: string): Promise<Note> {
    return request<Note>(`${contact(locationId, contactId)}/notes`, { method: 'POST', json: { body } });
  },

  updateNote(locationId: string, contactId: string, noteId: string, body: string): Promise<Note> {
    return request<Note>(note(locationId, contactId, noteId), { method: 'PATCH', json: { body }, jsonType: MERGE_PATCH });
  },

  deleteNote(locationId: string, contactId: string, noteId: string): Promise<void> {
    return request<void>(note(locationId, contactId, noteId), { method: 'DELETE' });
  },

  // --- tasks

  /** A contact's tasks, newest first. */
  listContactTasks(locationId: string, contactId: string, cursor?: string): Promise<TaskPage> {
    return request<TaskPage>(`${contact(locationId, contactId)}/tasks${queryString({ cursor })}`);
  },

  /** A user's tasks across the location's contacts by due date (default: the caller's open ones). */
  listAssignedTasks(
    locationId: string,
    query: { assignedTo?: string; completed?: boolean; cursor?: string; limit?: number } = {},
  ): Promise<TaskPage> {
    const { completed, ...rest } = query;
    return request<TaskPage>(
      `${location(locationId)}/tasks${queryString({ ...rest, completed: completed === undefined ? undefined : String(completed) })}`,
    );
  },

  /** Emits `task.created` (and `task.completed` when created completed). */
  createTask(locationId: string, contactId: string, body: NewTask): Promise<Task> {
    return request<Task>(`${contact(locationId, contactId)}/tasks`, { method: 'POST', json: body });
  },

  /** `{completed: true}` completes it (emits `task.completed`), `false` reopens it. */
  updateTask(locationId: string, contactId: string, taskId: string, patch: TaskPatch): Promise<Task> {
    return request<Task>(task(locationId, contactId, taskId), { method: 'PATCH', json: patch, jsonType: MERGE_PATCH });
  },

  deleteTask(locationId: string, contactId: string, taskId: string): Promise<void> {
    return request<void>(task(locationId, contactId, taskId), { method: 'DELETE' });
  },

  // --- companies

  /** By name; `query` finds the names starting with it. */
  listCompanies(locationId: string, query: { query?: string; cursor?: string; limit?: number } = {}): Promise<CompanyPage> {
    return request<CompanyPage>(`${location(locationId)}/companies${queryString(query)}`);
  },

  getCompany(locationId: string, companyId: string): Promise<Company> {
    return request<Company>(company(locationId, companyId));
  },

  createCompany(locationId: string, body: NewCompany): Promise<Company> {
    return request<Company>(`${location(locationId)}/companies`, { method: 'POST', json: body });
  },

  updateCompany(locationId: string, companyId: string, patch: CompanyPatch): Promise<Company> {
    return request<Company>(company(locationId, companyId), { method: 'PATCH', json: patch, jsonType: MERGE_PATCH });
  },

  /** Its contacts lose the link and keep the company's name. */
  deleteCompany(locationId: string, companyId: string): Promise<void> {
    return request<void>(company(locationId, companyId), { method: 'DELETE' });
  },

  /** The contacts linked to a company, by name. */
  listCompanyContacts(locationId: string, companyId: string, cursor?: string): Promise<ContactPage> {
    return request<ContactPage>(`${company(locationId, companyId)}/contacts${queryString({ cursor })}`);
  },

  // --- custom values

  /** The location's custom values, by key. */
  listCustomValues(locationId: string): Promise<LocationValue[]> {
    return request<LocationValue[]>(`${location(locationId)}/custom-values`);
  },

  createCustomValue(locationId: string, body: NewLocationValue): Promise<LocationValue> {
    return request<LocationValue>(`${location(locationId)}/custom-values`, { method: 'POST', json: body });
  },

  updateCustomValue(locationId: string, valueId: string, patch: Partial<NewLocationValue>): Promise<LocationValue> {
    return request<LocationValue>(value(locationId, valueId), { method: 'PATCH', json: patch, jsonType: MERGE_PATCH });
  },

  deleteCustomValue(locationId: string, valueId: string): Promise<void> {
    return request<void>(value(locationId, valueId), { method: 'DELETE' });
  },

  // --- pipelines

  /** Every pipeline, oldest first, with its stages in board order. */
  listPipelines(locationId: string): Promise<Pipeline[]> {
    return request<Pipeline[]>(`${location(locationId)}/pipelines`);
  },

  getPipeline(locationId: string, pipelineId: string): Promise<Pipeline> {
    return request<Pipeline>(pipeline(locationId, pipelineId));
  },

  createPipeline(locationId: string, body: NewPipeline): Promise<Pipeline> {
    return request<Pipeline>(`${location(locationId)}/pipelines`, { method: 'POST', json: body });
  },

  renamePipeline(locationId: string, pipelineId: string, name: string): Promise<Pipeline> {
    return request<Pipeline>(pipeline(locationId, pipelineId), { method: 'PATCH', json: { name }, jsonType: MERGE_PATCH });
  },

  /** 409 (naming how many) while the pipeline holds opportunities. */
  deletePipeline(locationId: string, pipelineId: string): Promise<void> {
    return request<void>(pipeline(locationId, pipelineId), { method: 'DELETE' });
  },

  /** Answers the pipeline with its new stage. */
  addStage(locationId: string, pipelineId: string, body: NewStage): Promise<Pipeline> {
    return request<Pipeline>(`${pipeline(locationId, pipelineId)}/stages`, { method: 'POST', json: body });
  },

  renameStage(locationId: string, pipelineId: string, stageId: string, name: string): Promise<Pipeline> {
    return request<Pipeline>(stage(locationId, pipelineId, stageId), {
      method: 'PATCH',
      json: { name },
      jsonType: MERGE_PATCH,
    });
  },

  /** Every stage of the pipeline, each once, in the new board order. */
  reorderStages(locationId: string, pipelineId: string, stageIds: string[]): Promise<Pipeline> {
    return request<Pipeline>(`${pipeline(locationId, pipelineId)}/stage-order`, { method: 'PUT', json: { stageIds } });
  },

  /** A stage holding opportunities needs `moveTo` (400 naming it otherwise); the last stage cannot go (409). */
  deleteStage(locationId: string, pipelineId: string, stageId: string, moveTo?: string): Promise<void> {
    return request<void>(`${stage(locationId, pipelineId, stageId)}${queryString({ moveTo })}`, { method: 'DELETE' });
  },

  /** Per stage: count, sums per currency, the first `limit` cards and the cursor of the rest. */
  board(locationId: string, pipelineId: string, limit?: number): Promise<PipelineBoard> {
    return request<PipelineBoard>(`${pipeline(locationId, pipelineId)}/board${queryString({ limit })}`);
  },

  // --- opportunities

  listOpportunities(locationId: string, query: OpportunityListQuery): Promise<OpportunityPage> {
    return request<OpportunityPage>(`${location(locationId)}/opportunities${queryString({ ...query })}`);
  },

  createOpportunity(locationId: string, body: NewOpportunity): Promise<Opportunity> {
    return request<Opportunity>(`${location(locationId)}/opportunities`, { method: 'POST', json: body });
  },

  /** Moves it (`pipelineStageId`), changes its status or value…: a JSON merge patch. */
  updateOpportunity(locationId: string, opportunityId: string, patch: OpportunityPatch): Promise<Opportunity> {
    return request<Opportunity>(opportunity(locationId, opportunityId), {
      method: 'PATCH',
      json: patch,
      jsonType: MERGE_PATCH,
    });
  },

  deleteOpportunity(locationId: string, opportunityId: string): Promise<void> {
    return request<void>(opportunity(locationId, opportunityId), { method: 'DELETE' });
  },

  /** The stages it entered, oldest first. */
  stageHistory(locationId: string, opportunityId: string, cursor?: string): Promise<StageHistoryPage> {
    return request<StageHistoryPage>(`${opportunity(locationId, opportunityId)}/stage-history${queryString({ cursor })}`);
  },
};

export type CrmApi = typeof crmApi;
