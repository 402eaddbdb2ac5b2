/**
 * The CRM's calls (`/api/v1/locations/{locationId}/…`): contacts, their tags, merges and timeline,
 * custom fields and the CRM settings. Every error is an `ApiError` with the server's problem.
 */
import { request, send } from './client';
import type {
  Contact,
  ContactListQuery,
  ContactMerge,
  ContactPage,
  ContactPatch,
  CrmSettings,
  CustomField,
  CustomFieldPatch,
  FieldModel,
  MergeRequest,
  NewContact,
  NewCustomField,
  TagRequest,
  TimelinePage,
} from './types';

const MERGE_PATCH = 'application/merge-patch+json';
const enc = encodeURIComponent;

const location = (locationId: string) => `/api/v1/locations/${enc(locationId)}`;
const contact = (locationId: string, contactId: string) => `${location(locationId)}/contacts/${enc(contactId)}`;
const field = (locationId: string, fieldId: string) => `${location(locationId)}/custom-fields/${enc(fieldId)}`;

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
};

export type CrmApi = typeof crmApi;
