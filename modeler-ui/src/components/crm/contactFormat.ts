/**
 * How the CRM views write contacts and values: a contact's display name, field labels, values of any
 * JSON type, times.
 */
import type { Contact, CustomField, FieldType } from '../../api/types';

/** A contact's name, else its email or phone. */
export function displayName(contact: Pick<Contact, 'name' | 'firstName' | 'lastName' | 'email' | 'phone'>): string {
  const name = contact.name ?? [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return name || contact.email || contact.phone || '(no name)';
}

/** Labels of a contact's standard members, as the contact page and the timeline name them. */
export const CONTACT_FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  name: 'Name',
  email: 'Email',
  additionalEmails: 'Other emails',
  phone: 'Phone',
  additionalPhones: 'Other phones',
  companyName: 'Company',
  companyId: 'Company record',
  address1: 'Street address',
  city: 'City',
  state: 'State',
  postalCode: 'Postal code',
  country: 'Country',
  timezone: 'Time zone',
  website: 'Website',
  dateOfBirth: 'Date of birth',
  source: 'Source',
  assignedTo: 'Assigned to',
  tags: 'Tags',
  dnd: 'Do not disturb',
  dndSettings: 'Do not disturb per channel',
  followers: 'Followers',
  createdAt: 'Created',
  updatedAt: 'Updated',
};

/** The label of a timeline's field: a standard member, `customFields.<key>` (the field's name) or a member path. */
export function fieldLabel(field: string, customFields: readonly CustomField[]): string {
  if (field.startsWith('customFields.')) {
    const key = field.slice('customFields.'.length);
    return customFields.find((f) => f.key === key)?.name ?? key;
  }
  if (field.startsWith('dndSettings.')) return `Do not disturb (${field.slice('dndSettings.'.length)})`;
  return CONTACT_FIELD_LABELS[field] ?? field;
}

/** A value of any JSON type as short text; nothing is an em dash. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join(', ');
  }
  return String(value);
}

/** A custom value as its field's type reads best (money with two decimals, dates as written). */
export function formatCustomValue(type: FieldType, value: unknown): string {
  if ((type === 'money' || type === 'number') && typeof value === 'number') {
    return type === 'money'
      ? value.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : value.toLocaleString();
  }
  return formatValue(value);
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString();
}

/** The IANA time zones the browser knows (for time zone selects), with UTC. */
export function timeZones(current?: string | null): string[] {
  const zones = new Set<string>(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  if (current) zones.add(current);
  return [...zones].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

const MOVED_LABELS: readonly [string, string, string][] = [
  ['customValues', 'custom value', 'custom values'],
  ['notes', 'note', 'notes'],
  ['tasks', 'task', 'tasks'],
  ['opportunities', 'opportunity', 'opportunities'],
  ['workflowRuns', 'workflow run', 'workflow runs'],
  ['history', 'history entry', 'history entries'],
];

/** What a merge moved (`{"tags": [...], "notes": 2, …}`) as a sentence part: "tags vip, webinar; 2 notes". */
export function describeMoved(moved: Record<string, unknown>): string {
  const parts: string[] = [];
  const tags = Array.isArray(moved.tags) ? moved.tags.map(String) : [];
  if (tags.length) parts.push(`tag${tags.length === 1 ? '' : 's'} ${tags.join(', ')}`);
  for (const [key, one, many] of MOVED_LABELS) {
    const n = typeof moved[key] === 'number' ? (moved[key] as number) : 0;
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  return parts.length ? parts.join('; ') : 'nothing but the contact itself';
}
