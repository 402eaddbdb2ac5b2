/**
 * The plugins' calls: the platform's installed plugins (`/api/v1/plugins`: list, install or upgrade
 * by uploading the jar, roll back, remove; changes need `platform.plugins`), whether each serves a
 * location (`/api/v1/locations/{locationId}/plugins`: turning one on or off needs `location.settings`
 * there) and a plugin's settings in a location (`…/plugins/{pluginId}/settings`). Every error is an
 * `ApiError` with the server's problem.
 */
import { request } from './client';
import type { LocationPlugin, Plugin, PluginSettings, PluginSettingsValues, SettingsSchema } from './types';

const enc = encodeURIComponent;

const plugin = (pluginId: string) => `/api/v1/plugins/${enc(pluginId)}`;
const inLocation = (locationId: string, pluginId: string) =>
  `/api/v1/locations/${enc(locationId)}/plugins/${enc(pluginId)}`;
const settings = (locationId: string, pluginId: string) => `${inLocation(locationId, pluginId)}/settings`;

export const pluginsApi = {
  /** The installed plugins by id, the ones that failed to start included (with the reason). */
  listPlugins(): Promise<Plugin[]> {
    return request<Plugin[]>('/api/v1/plugins');
  },

  getPlugin(pluginId: string): Promise<Plugin> {
    return request<Plugin>(plugin(pluginId));
  },

  /**
   * Uploads a plugin jar (OSGi bundle or PF4J plugin; the jar says which plugin it is): installs it,
   * or swaps the running version for this one. 409 when it is older than the running version; 400
   * when it is not a plugin or does not start.
   */
  installPlugin(jar: Blob): Promise<Plugin> {
    return request<Plugin>('/api/v1/plugins', { method: 'POST', file: { body: jar, type: 'application/java-archive' } });
  },

  /** Returns to `previousVersion`; 409 when there is none. */
  rollbackPlugin(pluginId: string): Promise<Plugin> {
    return request<Plugin>(`${plugin(pluginId)}/rollback`, { method: 'POST' });
  },

  /**
   * Takes the plugin out of the platform (calls in flight finish); its settings stay for a reinstall.
   * 409 naming the workflows that use its actions, unless `force`: then their steps fail.
   */
  removePlugin(pluginId: string, force = false): Promise<void> {
    return request<void>(force ? `${plugin(pluginId)}?force=true` : plugin(pluginId), { method: 'DELETE' });
  },

  /** The installed plugins as the location sees them: each serves every location until turned off there. */
  listLocationPlugins(locationId: string): Promise<LocationPlugin[]> {
    return request<LocationPlugin[]>(`/api/v1/locations/${enc(locationId)}/plugins`);
  },

  /** Turns the plugin on for the location. */
  enableLocationPlugin(locationId: string, pluginId: string): Promise<LocationPlugin> {
    return request<LocationPlugin>(inLocation(locationId, pluginId), { method: 'PUT' });
  },

  /**
   * Turns the plugin off for the location: its actions, triggers and webhooks stop serving it; its
   * settings stay. 409 naming the location's workflows that use its actions.
   */
  disableLocationPlugin(locationId: string, pluginId: string): Promise<LocationPlugin> {
    return request<LocationPlugin>(inLocation(locationId, pluginId), { method: 'DELETE' });
  },

  /** The plugin's settings in the location: plain values, and which secrets are set. */
  getSettings(locationId: string, pluginId: string): Promise<PluginSettings> {
    return request<PluginSettings>(settings(locationId, pluginId));
  },

  /** The JSON Schema of the plugin's settings (400 when it declares none). */
  getSettingsSchema(locationId: string, pluginId: string): Promise<SettingsSchema> {
    return request<SettingsSchema>(`${settings(locationId, pluginId)}/schema`);
  },

  /** Replaces the settings; 400 names each refused field by its JSON Pointer (`/port`). */
  saveSettings(locationId: string, pluginId: string, values: PluginSettingsValues): Promise<PluginSettings> {
    return request<PluginSettings>(settings(locationId, pluginId), { method: 'PUT', json: values });
  },
};
