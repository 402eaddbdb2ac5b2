import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { importsApi } from '../../api/imports';
import type { DuplicateChoice, Importer, Job } from '../../api/types';
import { FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { SettingInput } from '../plugins/SettingInput';
import { initialDraft, settingsBody, settingsFields, type SettingsDraft } from '../plugins/settingsForm';
import { cardClass, errorTextClass, inputClass, message, primaryClass } from '../ui';
import { FileImportWizard } from './FileImportWizard';
import { ImportProgress } from './ImportProgress';

export interface ImportsViewProps {
  locationId: string;
  locationName: string;
  /** `location.contacts`: start and cancel imports (the others follow them). */
  canImport: boolean;
}

const DUPLICATE_CHOICES: { value: DuplicateChoice; label: string }[] = [
  { value: 'update', label: 'Update the contact' },
  { value: 'skip', label: 'Skip the row' },
  { value: 'create', label: 'Create another contact' },
];
const POLL_MILLIS = 1000;

const unfinished = (job: Job) => job.status === 'QUEUED' || job.status === 'RUNNING';

/**
 * Imports into one location: a file's (upload, mapping, preview, start), the importers of the plugins it
 * uses with a form for an import's choices generated from the importer's schema, and the recent imports
 * of both with their progress, cancel and errors.
 */
export function ImportsView({ locationId, locationName, canImport }: ImportsViewProps) {
  const [importers, setImporters] = useState<Importer[] | null>(null);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const refreshJobs = useCallback(
    () =>
      importsApi
        .listImports(locationId)
        .then((page) => setJobs(page.items))
        .catch((e: unknown) => {
          if (!(e instanceof ApiError && e.status === 401)) setLoadError(`Could not load the imports: ${message(e)}`);
        }),
    [locationId],
  );

  useEffect(() => {
    let cancelled = false;
    setImporters(null);
    setLoadError(null);
    importsApi
      .listImporters(locationId)
      .then((list) => {
        if (cancelled) return;
        setImporters(list);
        setSelected(list[0]?.id ?? null);
      })
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof ApiError && e.status === 401)) setLoadError(`Could not load the importers: ${message(e)}`);
      });
    void refreshJobs();
    return () => {
      cancelled = true;
    };
  }, [locationId, refreshJobs]);

  const anyRunning = jobs.some(unfinished);
  useEffect(() => {
    if (!anyRunning) return;
    const timer = window.setInterval(() => void refreshJobs(), POLL_MILLIS);
    return () => window.clearInterval(timer);
  }, [anyRunning, refreshJobs]);

  const importer = importers?.find((i) => i.id === selected) ?? null;

  return (
    <div className="mx-auto max-w-3xl space-y-4 p-6">
      <h2 className="text-lg font-semibold">Imports · {locationName}</h2>
      {loadError && (
        <p role="alert" className={errorTextClass}>
          {loadError}
        </p>
      )}
      {!canImport && (
        <p className="text-sm text-muted">Your role in this location may follow imports but not start or cancel them.</p>
      )}
      {canImport && (
        <FileImportWizard
          locationId={locationId}
          onStarted={(job) => setJobs((list) => [job, ...list.filter((j) => j.id !== job.id)])}
        />
      )}
      {importers !== null && importers.length === 0 && canImport && (
        <p className="text-sm text-muted">No plugin this location uses offers an importer from another system.</p>
      )}
      {importers !== null && importers.length > 0 && canImport && (
        <section className={`${cardClass} space-y-3 p-4`} aria-label="New import">
          <label className="block space-y-1">
            <span className="text-sm font-medium">Import from</span>
            <select
              name="importer"
              value={selected ?? ''}
              onChange={(e) => setSelected(e.target.value)}
              className={inputClass}
            >
              {importers.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          {importer && (
            <ImportForm
              key={importer.id}
              locationId={locationId}
              importer={importer}
              onStarted={(job) => setJobs((list) => [job, ...list.filter((j) => j.id !== job.id)])}
            />
          )}
        </section>
      )}
      <section aria-label="Recent imports" className="space-y-2">
        <h3 className="font-medium">Recent imports</h3>
        {jobs.length === 0 && <p className="text-sm text-muted">None yet.</p>}
        {jobs.map((job) => (
          <ImportProgress
            key={job.id}
            locationId={locationId}
            job={job}
            importerName={
              job.kind === 'file-import'
                ? `File ${String(job.parameters.fileName)}`
                : (importers?.find((i) => i.id === job.parameters.importer)?.name ?? String(job.parameters.importer))
            }
            canCancel={canImport}
            onChanged={(changed) => setJobs((list) => list.map((j) => (j.id === changed.id ? changed : j)))}
          />
        ))}
      </section>
    </div>
  );
}

interface ImportFormProps {
  locationId: string;
  importer: Importer;
  onStarted: (job: Job) => void;
}

/** The choices of one import, as the importer's source schema describes them, and what to do with duplicates. */
function ImportForm({ locationId, importer, onStarted }: ImportFormProps) {
  const idPrefix = useId();
  // the server points at a choice as /source/<name>
  const fields = useMemo(
    () => settingsFields(importer.source).map((field) => ({ ...field, pointer: `/source${field.pointer}` })),
    [importer],
  );
  const [draft, setDraft] = useState<SettingsDraft>(() =>
    initialDraft(fields, { pluginId: importer.pluginId, values: {}, secretsSet: [] }),
  );
  const [duplicates, setDuplicates] = useState<DuplicateChoice>('update');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    importsApi
      .startImport(locationId, importer.id, settingsBody(fields, draft, new Set()), duplicates)
      .then(onStarted)
      .catch((error: unknown) => setErrors(formErrors(error, [...fields.map((f) => f.pointer), '/duplicates'])))
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={`Import with ${importer.name}`} noValidate>
      {importer.description && <p className="text-sm text-muted">{importer.description}</p>}
      <FormAlert errors={errors} />
      {fields.map((field) => (
        <SettingInput
          key={field.name}
          field={field}
          value={draft[field.name]}
          onChange={(value) => setDraft((d) => ({ ...d, [field.name]: value }))}
          errors={errors}
          idPrefix={idPrefix}
        />
      ))}
      <label className="block space-y-1">
        <span className="text-sm font-medium">A row matching a contact (by the location&apos;s duplicate policy)</span>
        <select
          name="duplicates"
          value={duplicates}
          onChange={(e) => setDuplicates(e.target.value as DuplicateChoice)}
          className={inputClass}
        >
          {DUPLICATE_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy} className={primaryClass}>
        {busy ? 'Starting…' : 'Start import'}
      </button>
    </form>
  );
}
