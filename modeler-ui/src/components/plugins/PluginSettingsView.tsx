import { useEffect, useId, useMemo, useState, type FormEvent, type MouseEvent } from 'react';
import { ApiError } from '../../api/client';
import { pluginsApi } from '../../api/plugins';
import type { Plugin, PluginSettings, SettingsSchema } from '../../api/types';
import { FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { cardClass, errorTextClass, message, primaryClass, textButtonClass } from '../ui';
import { SettingInput } from './SettingInput';
import { initialDraft, savedText, settingsBody, settingsFields, type SettingsDraft } from './settingsForm';

export interface PluginSettingsViewProps {
  locationId: string;
  locationName: string;
  pluginId: string;
  /** `location.settings`: change them (the others read them). */
  canEdit: boolean;
  backHref: string;
  onBack: () => void;
}

interface Loaded {
  plugin: Plugin;
  schema: SettingsSchema;
  settings: PluginSettings;
}

/** A plugin's settings in one location: a form generated from the plugin's settings schema. */
export function PluginSettingsView({ locationId, locationName, pluginId, canEdit, backHref, onBack }: PluginSettingsViewProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setLoaded(null);
    setLoadError(null);
    Promise.all([
      pluginsApi.getPlugin(pluginId),
      pluginsApi.getSettingsSchema(locationId, pluginId),
      pluginsApi.getSettings(locationId, pluginId),
    ])
      .then(([plugin, schema, settings]) => {
        if (!cancelled) setLoaded({ plugin, schema, settings });
      })
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof ApiError && e.status === 401)) setLoadError(`Could not load the settings: ${message(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [locationId, pluginId]);

  const back = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onBack();
  };
  const described = loaded?.plugin.extensions.find((x) => x.point === 'SettingsType')?.descriptor;
  const description = typeof described?.description === 'string' ? described.description : null;

  return (
    <div className="mx-auto max-w-2xl space-y-4 p-6">
      <a href={backHref} onClick={back} className={`${textButtonClass} text-sm text-muted`}>
        ← Plugins
      </a>
      <h2 className="text-lg font-semibold" data-plugin-settings={pluginId}>
        {loaded ? loaded.plugin.name : pluginId} settings{' '}
        <span className="text-sm font-normal text-muted">· {locationName}</span>
      </h2>
      {loaded && (
        <p className="text-sm text-muted">
          {loaded.plugin.id} {loaded.plugin.version}
          {description && ` · ${description}`}
        </p>
      )}
      {loadError && (
        <p role="alert" className={errorTextClass}>
          {loadError}
        </p>
      )}
      {!loaded && !loadError && <p className="text-sm text-muted">Loading…</p>}
      {loaded && !canEdit && (
        <>
          <p className="text-sm text-muted" data-read-only="">
            Your role in {locationName} lets you read these settings, not change them.
          </p>
          <ReadOnlySettings schema={loaded.schema} settings={loaded.settings} />
        </>
      )}
      {loaded && canEdit && (
        <SettingsForm
          key={`${locationId}:${pluginId}`}
          locationId={locationId}
          plugin={loaded.plugin}
          schema={loaded.schema}
          settings={loaded.settings}
        />
      )}
    </div>
  );
}

function ReadOnlySettings({ schema, settings }: { schema: SettingsSchema; settings: PluginSettings }) {
  const fields = settingsFields(schema);
  return (
    <dl aria-label="Plugin settings" className={`${cardClass} space-y-2 p-4 text-sm`}>
      {fields.map((field) => (
        <div key={field.name} className="flex gap-3">
          <dt className="w-48 shrink-0 text-muted">{field.label}</dt>
          <dd data-setting={field.name} className="min-w-0 break-words">
            {savedText(field, settings)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface SettingsFormProps {
  locationId: string;
  plugin: Plugin;
  schema: SettingsSchema;
  settings: PluginSettings;
}

function SettingsForm({ locationId, plugin, schema, settings: loadedSettings }: SettingsFormProps) {
  const idPrefix = useId();
  const fields = useMemo(() => settingsFields(schema), [schema]);
  const [settings, setSettings] = useState(loadedSettings);
  const [draft, setDraft] = useState<SettingsDraft>(() => initialDraft(fields, loadedSettings));
  const [clearing, setClearing] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    setStatus(null);
    try {
      const saved = await pluginsApi.saveSettings(locationId, plugin.id, settingsBody(fields, draft, clearing));
      setSettings(saved);
      setDraft(initialDraft(fields, saved)); // typed secrets are not kept in the page
      setClearing(new Set());
      setStatus('Saved.');
    } catch (e) {
      setErrors(formErrors(e, fields.map((f) => f.pointer)));
    } finally {
      setBusy(false);
    }
  }

  if (fields.length === 0) return <p className="text-sm text-muted">This plugin has nothing to set.</p>;

  return (
    <form onSubmit={submit} aria-label={`${plugin.name} settings`} data-form="plugin-settings" className="space-y-4" noValidate>
      <FormAlert errors={errors} />
      {fields.map((field) => (
        <SettingInput
          key={field.name}
          field={field}
          value={draft[field.name]}
          onChange={(value) => setDraft((d) => ({ ...d, [field.name]: value }))}
          errors={errors}
          idPrefix={idPrefix}
          secret={
            field.kind === 'secret'
              ? {
                  set: settings.secretsSet.includes(field.name),
                  clearing: clearing.has(field.name),
                  onClearingChange: (on) =>
                    setClearing((names) => {
                      const next = new Set(names);
                      if (on) next.add(field.name);
                      else next.delete(field.name);
                      return next;
                    }),
                }
              : undefined
          }
        />
      ))}
      {fields.some((f) => f.required) && (
        <p className="text-xs text-muted">
          <span aria-hidden="true" className="text-primary">
            *
          </span>{' '}
          required
        </p>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className={primaryClass}>
          Save settings
        </button>
        <p role="status" className="text-sm text-muted">
          {status}
        </p>
      </div>
    </form>
  );
}
