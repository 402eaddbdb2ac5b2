/**
 * A plugin's settings form, derived from the JSON Schema of its settings record: which input each
 * setting gets, what the form starts with, and what a submit sends. No plugin is known here by name.
 */
import type { PluginSettings, PluginSettingsValues, SettingsProperty, SettingsSchema } from '../../api/types';

/** The input a setting gets. */
export type FieldKind = 'text' | 'email' | 'url' | 'textarea' | 'number' | 'checkbox' | 'select' | 'list' | 'secret';

export interface SettingsField {
  name: string;
  /** Where the server's errors for it point (`/port`). */
  pointer: string;
  label: string;
  description: string | null;
  required: boolean;
  kind: FieldKind;
  property: SettingsProperty;
  /** A hint in the empty input: an example, else the value used when none is saved. */
  placeholder: string | undefined;
}

/** What the inputs hold: text for every input but a checkbox. */
export type SettingsDraft = Record<string, string | boolean>;

function kindOf(property: SettingsProperty): FieldKind {
  if (property.writeOnly) return 'secret';
  if (property.enum) return 'select';
  switch (property.type) {
    case 'boolean':
      return 'checkbox';
    case 'integer':
    case 'number':
      return 'number';
    case 'array':
      return 'list';
    default:
      if (property['x-multiline']) return 'textarea';
      if (property.format === 'email') return 'email';
      if (property.format === 'uri' || property.format === 'url') return 'url';
      return 'text';
  }
}

function text(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** The form's fields in the schema's order (the record's). */
export function settingsFields(schema: SettingsSchema): SettingsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const example = text(property.examples?.[0]);
    return {
      name,
      pointer: `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      label: property.title || name,
      description: property.description || null,
      required: required.has(name),
      kind: kindOf(property),
      property,
      placeholder: example !== undefined ? `e.g. ${example}` : text(property.default),
    };
  });
}

/** A saved list (a JSON array of texts, or texts separated by commas) one item per line. */
function listLines(saved: string): string {
  if (saved.trim().startsWith('[')) {
    try {
      const items: unknown = JSON.parse(saved);
      if (Array.isArray(items)) return items.map(String).join('\n');
    } catch {
      // not JSON after all: read it as the server would, separated by commas
    }
  }
  return saved
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .join('\n');
}

/** The inputs' first values: what is saved, a checkbox's default; secrets always start empty. */
export function initialDraft(fields: readonly SettingsField[], settings: PluginSettings): SettingsDraft {
  const draft: SettingsDraft = {};
  for (const field of fields) {
    const saved = settings.values[field.name];
    switch (field.kind) {
      case 'secret':
        draft[field.name] = '';
        break;
      case 'checkbox':
        draft[field.name] = (saved ?? text(field.property.default) ?? 'false').toLowerCase() === 'true';
        break;
      case 'list':
        draft[field.name] = saved === undefined ? '' : listLines(saved);
        break;
      default:
        draft[field.name] = saved ?? '';
    }
  }
  return draft;
}

/**
 * The body of a save: every filled-in setting as typed (numbers too: the server reads them from text,
 * exactly, and says what is not one), every checkbox, a list as a JSON array of its lines. A secret
 * goes only when typed, or as `""` when it is to be cleared; left out, the server keeps the stored one.
 */
export function settingsBody(
  fields: readonly SettingsField[],
  draft: SettingsDraft,
  clearedSecrets: ReadonlySet<string>,
): PluginSettingsValues {
  const body: PluginSettingsValues = {};
  for (const field of fields) {
    const value = draft[field.name];
    if (typeof value === 'boolean') {
      body[field.name] = value;
      continue;
    }
    if (field.kind === 'secret') {
      if (value !== '') body[field.name] = value;
      else if (clearedSecrets.has(field.name)) body[field.name] = '';
      continue;
    }
    const trimmed = value.trim();
    if (trimmed === '') continue;
    if (field.kind === 'list') {
      body[field.name] = JSON.stringify(
        trimmed
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      );
    } else {
      body[field.name] = value;
    }
  }
  return body;
}

/** A saved value as the read-only view shows it. */
export function savedText(field: SettingsField, settings: PluginSettings): string {
  if (field.kind === 'secret') return settings.secretsSet.includes(field.name) ? 'set' : 'not set';
  const saved = settings.values[field.name];
  if (saved === undefined || saved === '') {
    const fallback = text(field.property.default);
    return fallback === undefined ? '—' : `${fallback} (default)`;
  }
  if (field.kind === 'list') return listLines(saved).split('\n').join(', ');
  if (field.kind === 'checkbox') return saved.toLowerCase() === 'true' ? 'Yes' : 'No';
  return saved;
}
