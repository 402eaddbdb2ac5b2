/**
 * What a plugin contributes, as the plugins page lists it: its workflow actions by name, whether it
 * has settings, and every other contribution by extension point and key. Generic over the points:
 * a point the console does not know is listed by its name.
 */
import type { Plugin, PluginExtension } from '../../api/types';

export interface Contribution {
  /** The extension point (`WorkflowAction`, `SettingsType`, …). */
  point: string;
  key: string;
  /** What a person reads: an action's name, the settings' name, else the key. */
  label: string;
}

export interface Contributions {
  actions: Contribution[];
  settings: Contribution | null;
  others: Contribution[];
}

function member(extension: PluginExtension, name: string): string | null {
  const value = extension.descriptor[name];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function contribution(extension: PluginExtension): Contribution {
  return { point: extension.point, key: extension.key, label: member(extension, 'name') ?? extension.key };
}

export function contributions(plugin: Plugin): Contributions {
  const of = (point: string) => plugin.extensions.filter((x) => x.point === point).map(contribution);
  return {
    actions: of('WorkflowAction'),
    settings: of('SettingsType')[0] ?? null,
    others: plugin.extensions.filter((x) => x.point !== 'WorkflowAction' && x.point !== 'SettingsType').map(contribution),
  };
}

/** Whether a plugin has a settings form (only those have settings per location). */
export function hasSettings(plugin: Plugin): boolean {
  return plugin.extensions.some((x) => x.point === 'SettingsType');
}
