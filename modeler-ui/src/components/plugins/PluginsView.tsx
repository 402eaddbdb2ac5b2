import { useEffect, useState, type MouseEvent } from 'react';
import { ApiError } from '../../api/client';
import { pluginsApi } from '../../api/plugins';
import type { Location, LocationPlugin, Plugin } from '../../api/types';
import { buttonClass, cardClass, errorTextClass, message, textButtonClass } from '../ui';
import { LocationSwitch } from './LocationSwitch';
import { PluginChangeDialog, type PendingChange } from './PluginChangeDialog';
import { FindingsDialog } from './FindingsDialog';
import { contributions, hasSettings } from './pluginContributions';
import { PluginUpload } from './PluginUpload';
import { TrustVerdictCell } from './TrustVerdictCell';

export interface PluginsViewProps {
  /** `platform.plugins`: upload, roll back and uninstall (the operator's). */
  canManage: boolean;
  /**
   * The location chosen in the switcher: whether each plugin serves it, and whose settings the
   * Settings links open; null: the user may not read it.
   */
  location: Pick<Location, 'id' | 'name'> | null;
  /** `location.settings` in that location: turn plugins on and off there. */
  canChangeLocation: boolean;
  settingsHref: (pluginId: string) => string;
  onOpenSettings: (pluginId: string) => void;
}

/** Which plugins serve one location (by plugin id). */
interface LocationUse {
  locationId: string;
  enabled: Record<string, boolean>;
}

const PACKAGINGS: Record<string, string> = { OSGI: 'OSGi bundle', PF4J: 'PF4J plugin' };

/**
 * The platform's plugins: what each is and contributes, and whether it serves the chosen location;
 * the operator installs, upgrades, rolls back and removes them, a location's admin turns them off
 * and on there.
 */
export function PluginsView({ canManage, location, canChangeLocation, settingsHref, onOpenSettings }: PluginsViewProps) {
  const [plugins, setPlugins] = useState<Plugin[] | null>(null);
  const [use, setUse] = useState<LocationUse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingChange | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  /** The plugin whose forbidden calls are listed in a dialog. */
  const [findingsOf, setFindingsOf] = useState<Plugin | null>(null);
  const [reloads, setReloads] = useState(0);
  const locationId = location?.id ?? null;

  useEffect(() => {
    let cancelled = false;
    Promise.all([pluginsApi.listPlugins(), locationId ? pluginsApi.listLocationPlugins(locationId) : null])
      .then(([list, here]) => {
        if (cancelled) return;
        setPlugins(list);
        setUse(here && locationId ? { locationId, enabled: Object.fromEntries(here.map((p) => [p.id, p.enabled])) } : null);
      })
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof ApiError && e.status === 401)) setError(`Could not load the plugins: ${message(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [reloads, locationId]);

  /** Whether the plugin serves the chosen location; undefined until that location's answer is in. */
  const enabledHere = (pluginId: string): boolean | undefined =>
    use && use.locationId === locationId ? use.enabled[pluginId] : undefined;

  /** Shows the server's answer to a switch at once (the reload that follows confirms it). */
  function switched({ id, enabled }: LocationPlugin, locationId: string) {
    setUse((now) => (now && now.locationId === locationId ? { locationId, enabled: { ...now.enabled, [id]: enabled } } : now));
  }

  function done(text: string) {
    setNotice(text);
    setError(null);
    setPending(null);
    setReloads((n) => n + 1);
  }

  async function confirm(change: PendingChange) {
    const { plugin } = change;
    switch (change.action) {
      case 'rollback': {
        const now = await pluginsApi.rollbackPlugin(plugin.id);
        done(`Rolled ${now.name} back to ${now.version}.`);
        return;
      }
      case 'uninstall':
        try {
          await pluginsApi.removePlugin(plugin.id);
        } catch (e) {
          // workflows use it: say which, and ask again before removing it anyway
          if (!(e instanceof ApiError && e.status === 409)) throw e;
          setPending({ action: 'force-uninstall', plugin, refusal: e.message });
          return;
        }
        done(`Uninstalled ${plugin.name}.`);
        return;
      case 'force-uninstall':
        await pluginsApi.removePlugin(plugin.id, true);
        done(`Uninstalled ${plugin.name}; the workflows that used it fail at its steps.`);
        return;
      case 'disable':
        if (!location) return;
        switched(await pluginsApi.disableLocationPlugin(location.id, plugin.id), location.id);
        done(`Turned ${plugin.name} off in ${location.name}.`);
    }
  }

  /** Turning off asks first (and may be refused); turning on asks nothing: it gives the location back what the plugin offers. */
  function toggle(plugin: Plugin) {
    if (!location) return;
    if (enabledHere(plugin.id)) setPending({ action: 'disable', plugin, locationName: location.name });
    else void turnOn(plugin);
  }

  async function turnOn(plugin: Plugin) {
    if (!location) return;
    setSwitching(plugin.id);
    try {
      switched(await pluginsApi.enableLocationPlugin(location.id, plugin.id), location.id);
      done(`Turned ${plugin.name} on in ${location.name}.`);
    } catch (e) {
      setNotice(null);
      setError(`Could not turn ${plugin.name} on in ${location.name}: ${message(e)}`);
    } finally {
      setSwitching(null);
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
        Plugins add workflow actions and other capabilities to every agency of the platform. The Trust column says who
        signed each one and which calls the platform forbids its code was found to make.
        {location &&
          ` Each serves every location until it is turned off there: the column “In ${location.name}” says whether it` +
            ` serves this one. Their settings are per location too: Settings opens them for ${location.name}.`}
      </p>
      {/* a fresh form after each change: no refusal of an earlier upload stays on screen */}
      {canManage && <PluginUpload key={reloads} plugins={plugins ?? []} onInstalled={done} canTrustCode={canManage} />}
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
              <th className="px-3 py-2 font-medium">Trust</th>
              {location && (
                <th className="px-3 py-2 font-medium" data-column="location">
                  In {location.name}
                </th>
              )}
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
                  <td className="px-3 py-2" data-column="trust">
                    <TrustVerdictCell
                      pluginName={plugin.name}
                      trust={plugin.trust}
                      onShowFindings={() => setFindingsOf(plugin)}
                    />
                  </td>
                  {location && (
                    <td className="px-3 py-2" data-enabled={String(enabledHere(plugin.id) ?? '')}>
                      {enabledHere(plugin.id) !== undefined && (
                        <LocationSwitch
                          pluginName={plugin.name}
                          locationName={location.name}
                          enabled={enabledHere(plugin.id) === true}
                          canChange={canChangeLocation}
                          busy={switching === plugin.id}
                          onToggle={() => toggle(plugin)}
                        />
                      )}
                    </td>
                  )}
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
                      {location && hasSettings(plugin) && (
                        <a
                          href={settingsHref(plugin.id)}
                          onClick={(e) => openSettings(e, plugin.id)}
                          aria-label={`Settings of ${plugin.name} for ${location.name}`}
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
      {findingsOf?.trust && (
        <FindingsDialog plugin={findingsOf} trust={findingsOf.trust} onClose={() => setFindingsOf(null)} />
      )}
      {pending && (
        // keyed by the step: the second question after a refused uninstall is a dialog of its own
        <PluginChangeDialog
          key={`${pending.action}:${pending.plugin.id}`}
          pending={pending}
          onConfirm={() => confirm(pending)}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  );
}
