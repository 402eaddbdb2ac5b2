import { useEffect, useState, type MouseEvent } from 'react';
import { ApiError } from '../../api/client';
import { pluginsApi } from '../../api/plugins';
import type { Plugin } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { buttonClass, cardClass, errorTextClass, message, textButtonClass } from '../ui';
import { contributions, hasSettings } from './pluginContributions';
import { PluginUpload } from './PluginUpload';

export interface PluginsViewProps {
  /** `platform.plugins`: upload, roll back and uninstall (the operator's). */
  canManage: boolean;
  /** The location whose settings the Settings links open; null: the user may not read its settings. */
  settingsLocationName: string | null;
  settingsHref: (pluginId: string) => string;
  onOpenSettings: (pluginId: string) => void;
}

type Pending = { action: 'rollback' | 'uninstall'; plugin: Plugin };

const PACKAGINGS: Record<string, string> = { OSGI: 'OSGi bundle', PF4J: 'PF4J plugin' };

/** The platform's plugins: what each is and contributes; the operator installs, upgrades, rolls back and removes them. */
export function PluginsView({ canManage, settingsLocationName, settingsHref, onOpenSettings }: PluginsViewProps) {
  const [plugins, setPlugins] = useState<Plugin[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    pluginsApi
      .listPlugins()
      .then((list) => {
        if (!cancelled) setPlugins(list);
      })
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof ApiError && e.status === 401)) setError(`Could not load the plugins: ${message(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [reloads]);

  function done(text: string) {
    setNotice(text);
    setError(null);
    setPending(null);
    setReloads((n) => n + 1);
  }

  async function confirm({ action, plugin }: Pending) {
    if (action === 'rollback') {
      const now = await pluginsApi.rollbackPlugin(plugin.id);
      done(`Rolled ${now.name} back to ${now.version}.`);
    } else {
      await pluginsApi.removePlugin(plugin.id);
      done(`Uninstalled ${plugin.name}.`);
    }
  }

  const openSettings = (e: MouseEvent<HTMLAnchorElement>, pluginId: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onOpenSettings(pluginId);
  };

  return (
    <div className="mx-auto max-w-6xl space-y-4 p-6">
      <h2 className="text-lg font-semibold">Plugins</h2>
      <p className="text-sm text-muted">
        Plugins add workflow actions and other capabilities to every agency of the platform.
        {settingsLocationName && ` Their settings are per location: Settings opens them for ${settingsLocationName}.`}
      </p>
      {/* a fresh form after each change: no refusal of an earlier upload stays on screen */}
      {canManage && <PluginUpload key={reloads} plugins={plugins ?? []} onInstalled={done} />}
      {notice && (
        <p role="status" className="text-sm">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      <div className={`${cardClass} overflow-x-auto`}>
        <table aria-label="Plugins" aria-busy={plugins === null} className="w-full text-sm">
          <thead className="border-b border-border text-left text-muted">
            <tr>
              <th className="px-3 py-2 font-medium">Plugin</th>
              <th className="px-3 py-2 font-medium">Version</th>
              <th className="px-3 py-2 font-medium">Packaging</th>
              <th className="px-3 py-2 font-medium">State</th>
              <th className="px-3 py-2 font-medium">Contributes</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {plugins?.map((plugin) => {
              const { actions, settings, others } = contributions(plugin);
              return (
                <tr key={plugin.id} data-plugin-id={plugin.id} className="align-top">
                  <td className="px-3 py-2">
                    <p className="font-medium" data-column="name">
                      {plugin.name}
                    </p>
                    <p className="text-xs text-muted">{plugin.id}</p>
                  </td>
                  <td className="px-3 py-2">
                    <p data-column="version">{plugin.version}</p>
                    {plugin.previousVersion && (
                      <p className="text-xs text-muted" data-column="previous-version">
                        before: {plugin.previousVersion}
                      </p>
                    )}
                  </td>
                  <td className="px-3 py-2" data-packaging={plugin.packaging}>
                    {PACKAGINGS[plugin.packaging] ?? plugin.packaging}
                  </td>
                  <td className="px-3 py-2" data-state={plugin.state}>
                    <p className={plugin.state === 'ACTIVE' ? '' : 'font-medium text-primary'}>
                      {plugin.state === 'ACTIVE' ? 'Active' : plugin.state === 'FAILED' ? 'Failed' : plugin.state}
                    </p>
                    {plugin.error && (
                      <p className="max-w-xs text-xs break-words" data-column="error">
                        {plugin.error}
                      </p>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <ul className="space-y-1" aria-label={`What ${plugin.name} contributes`}>
                      {actions.map((a) => (
                        <li key={a.key} data-action={a.key}>
                          Action <span className="font-medium">{a.label}</span>{' '}
                          <span className="text-xs text-muted">{a.key}</span>
                        </li>
                      ))}
                      {settings && (
                        <li data-settings="">
                          Settings <span className="font-medium">{settings.label}</span>
                        </li>
                      )}
                      {others.map((o) => (
                        <li key={`${o.point}:${o.key}`} data-point={o.point}>
                          {o.point} <span className="text-xs text-muted break-all">{o.label}</span>
                        </li>
                      ))}
                      {plugin.extensions.length === 0 && <li className="text-muted">—</li>}
                    </ul>
                  </td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap justify-end gap-2">
                      {settingsLocationName && hasSettings(plugin) && (
                        <a
                          href={settingsHref(plugin.id)}
                          onClick={(e) => openSettings(e, plugin.id)}
                          aria-label={`Settings of ${plugin.name} for ${settingsLocationName}`}
                          className={`${textButtonClass} whitespace-nowrap text-sm underline`}
                        >
                          Settings
                        </a>
                      )}
                      {canManage && plugin.previousVersion && (
                        <button
                          type="button"
                          className={`${buttonClass} whitespace-nowrap`}
                          onClick={() => setPending({ action: 'rollback', plugin })}
                        >
                          Roll back to {plugin.previousVersion}
                        </button>
                      )}
                      {canManage && (
                        <button
                          type="button"
                          className={buttonClass}
                          aria-label={`Uninstall ${plugin.name}`}
                          onClick={() => setPending({ action: 'uninstall', plugin })}
                        >
                          Uninstall
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {plugins === null && !error && <p className="p-4 text-sm text-muted">Loading…</p>}
        {plugins?.length === 0 && <p className="p-4 text-sm text-muted">No plugins are installed.</p>}
      </div>
      {pending?.action === 'rollback' && (
        <ConfirmDialog
          title={`Roll ${pending.plugin.name} back to ${pending.plugin.previousVersion}?`}
          confirmLabel={`Roll back to ${pending.plugin.previousVersion}`}
          onConfirm={() => confirm(pending)}
          onCancel={() => setPending(null)}
        >
          <p>
            New calls go to version {pending.plugin.previousVersion} at once; calls in flight finish on{' '}
            {pending.plugin.version}. Settings stay as they are.
          </p>
        </ConfirmDialog>
      )}
      {pending?.action === 'uninstall' && (
        <ConfirmDialog
          title={`Uninstall ${pending.plugin.name}?`}
          confirmLabel="Uninstall"
          onConfirm={() => confirm(pending)}
          onCancel={() => setPending(null)}
        >
          <p>
            Its contributions leave every agency of the platform: workflows can no longer call its actions. Calls in
            flight finish first. Its settings stay in each location, for a reinstall.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
