/**
 * The columns the contacts list can show, and which ones the user chose (kept in localStorage, so
 * the choice survives reloads and applies to every location).
 */
import type { Contact, ContactSort, CustomField } from '../../api/types';
import { formatCustomValue, formatDateTime, formatValue } from './contactFormat';

export interface ContactColumn {
  /** A contact member (`email`) or `custom:<key>` for a custom field. */
  id: string;
  label: string;
  /** The list's sort this column's header applies. */
  sort?: ContactSort;
  text: (contact: Contact) => string;
}

const STORAGE_KEY = 'switchboard.contacts.columns';

/** What the list shows until the user chooses (the name always shows: it opens the contact). */
export const DEFAULT_COLUMNS: readonly string[] = ['email', 'phone', 'tags', 'createdAt'];

const STANDARD: readonly ContactColumn[] = [
  { id: 'email', label: 'Email', sort: 'email', text: (c) => formatValue(c.email) },
  { id: 'phone', label: 'Phone', text: (c) => formatValue(c.phone) },
  { id: 'tags', label: 'Tags', text: (c) => formatValue(c.tags) },
  { id: 'companyName', label: 'Company', text: (c) => formatValue(c.companyName) },
  { id: 'source', label: 'Source', text: (c) => formatValue(c.source) },
  { id: 'city', label: 'City', text: (c) => formatValue(c.city) },
  { id: 'country', label: 'Country', text: (c) => formatValue(c.country) },
  { id: 'assignedTo', label: 'Assigned user id', text: (c) => formatValue(c.assignedTo) },
  { id: 'createdAt', label: 'Created', sort: 'createdAt', text: (c) => formatDateTime(c.createdAt) },
  { id: 'updatedAt', label: 'Updated', sort: 'updatedAt', text: (c) => formatDateTime(c.updatedAt) },
];

/** The standard columns, then one per custom field of contacts. */
export function availableColumns(customFields: readonly CustomField[]): ContactColumn[] {
  return [
    ...STANDARD,
    ...customFields.map(
      (field): ContactColumn => ({
        id: `custom:${field.key}`,
        label: field.name,
        text: (c) => formatCustomValue(field.type, c.customFields[field.key]),
      }),
    ),
  ];
}

export function loadColumnChoice(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(stored) && stored.every((id) => typeof id === 'string')) return stored;
  } catch {
    // a broken value: the default
  }
  return [...DEFAULT_COLUMNS];
}

export function saveColumnChoice(ids: readonly string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  } catch {
    // storage full or disabled: the choice lasts this page
  }
}
