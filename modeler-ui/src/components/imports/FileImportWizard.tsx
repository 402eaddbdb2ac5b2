import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import { importsApi } from '../../api/imports';
import type { CustomField, DuplicateChoice, ImportFile, Job } from '../../api/types';
import { FieldMessages, FormAlert, fieldProps, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, cardClass, inputClass, primaryClass, smallInputClass } from '../ui';

export interface FileImportWizardProps {
  locationId: string;
  /** The import was queued: the page lists it with the others and follows it. */
  onStarted: (job: Job) => void;
}

/** The standard contact fields a column can go to, by their API name, as the mapping's select shows them. */
export const STANDARD_FIELDS: { value: string; label: string }[] = [
  { value: 'firstName', label: 'First name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'name', label: 'Full name' },
  { value: 'email', label: 'Email' },
  { value: 'additionalEmails', label: 'Additional emails' },
  { value: 'phone', label: 'Phone' },
  { value: 'additionalPhones', label: 'Additional phones' },
  { value: 'companyName', label: 'Company name' },
  { value: 'address1', label: 'Address' },
  { value: 'city', label: 'City' },
  { value: 'state', label: 'State' },
  { value: 'postalCode', label: 'Postal code' },
  { value: 'country', label: 'Country' },
  { value: 'timezone', label: 'Time zone' },
  { value: 'website', label: 'Website' },
  { value: 'dateOfBirth', label: 'Date of birth' },
  { value: 'source', label: 'Source' },
  { value: 'tags', label: 'Tags' },
  { value: 'dnd', label: 'Do not disturb' },
  { value: 'createdAt', label: 'Created (in the other system)' },
];

const DUPLICATE_CHOICES: { value: DuplicateChoice; label: string }[] = [
  { value: 'update', label: 'Update the contact' },
  { value: 'skip', label: 'Skip the row' },
  { value: 'create', label: 'Create another contact' },
];
const PREVIEW_ROWS = 5;

/** `1536000` → `1.5 MB`. */
export function bytes(count: number): string {
  if (count < 1024) return `${count} B`;
  if (count < 1024 * 1024) return `${(count / 1024).toFixed(1)} KB`;
  if (count < 1024 * 1024 * 1024) return `${(count / 1024 / 1024).toFixed(1)} MB`;
  return `${(count / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** A column's mapping pointer, as the server names it: `/mapping/<column>` (JSON Pointer escaped). */
const pointerOf = (column: string) => `/mapping/${column.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * Importing a CSV or JSON lines file, in steps: upload it (with the bytes sent so far), map each column
 * to a contact field (pre-filled with the server's suggestions), see the first rows as they would be
 * imported, choose what a duplicate does and tags for every contact, and start.
 */
export function FileImportWizard({ locationId, onStarted }: FileImportWizardProps) {
  const idPrefix = useId();
  const [file, setFile] = useState<ImportFile | null>(null);
  const [sent, setSent] = useState<{ loaded: number; total: number; name: string } | null>(null);
  const [fields, setFields] = useState<CustomField[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [duplicates, setDuplicates] = useState<DuplicateChoice>('update');
  const [tags, setTags] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    crmApi.listCustomFields(locationId, 'contact').then(setFields, () => setFields([]));
  }, [locationId]);

  const labels = useMemo(() => {
    const byValue: Record<string, string> = {};
    STANDARD_FIELDS.forEach((f) => (byValue[f.value] = f.label));
    fields.forEach((f) => (byValue[`customFields.${f.key}`] = f.name));
    return byValue;
  }, [fields]);

  const upload = (chosen: File) => {
    setErrors(NO_ERRORS);
    setFile(null);
    setSent({ loaded: 0, total: chosen.size, name: chosen.name });
    importsApi
      .uploadFile(locationId, chosen, (loaded, total) => setSent({ loaded, total, name: chosen.name }))
      .then((uploaded) => {
        setFile(uploaded);
        setMapping({ ...uploaded.suggestedMapping });
      })
      .catch((e: unknown) => setErrors(formErrors(e, [])))
      .finally(() => setSent(null));
  };

  const reset = () => {
    if (file) void importsApi.deleteFile(locationId, file.id).catch(() => undefined);
    setFile(null);
    setMapping({});
    setErrors(NO_ERRORS);
  };

  const start = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    const body = {
      file: file.id,
      mapping: Object.fromEntries(file.columns.map((c) => [c.name, mapping[c.name] || null])),
      duplicates,
      tags: tags
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    };
    importsApi
      .startFileImport(locationId, body)
      .then((job) => {
        onStarted(job);
        setFile(null);
        setMapping({});
        setTags('');
      })
      .catch((error: unknown) => {
        const pointers = [...file.columns.map((c) => pointerOf(c.name)), '/duplicates', '/tags'];
        setErrors(formErrors(error, pointers, true));
        if (error instanceof ApiError && error.status === 404) setFile(null);
      })
      .finally(() => setBusy(false));
  };

  const mapped = (file?.columns ?? [])
    .map((c, i) => ({ column: c.name, index: i, target: mapping[c.name] }))
    .filter((m) => m.target);
  const percent = sent && sent.total > 0 ? Math.min(100, Math.round((sent.loaded / sent.total) * 100)) : 0;

  return (
    <section className={`${cardClass} space-y-3 p-4`} aria-label="Import from a file">
      <h3 className="font-medium">Import from a file</h3>
      <p className="text-sm text-muted">
        A CSV file with a header row (comma, semicolon or tab separated, UTF-8; a GoHighLevel contact export works as it is)
        or a JSON lines file with the contact API&apos;s field names.
      </p>
      {!file && (
        <label className="block space-y-1">
          <span className="text-sm font-medium">File</span>
          <input
            type="file"
            name="file"
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            disabled={sent !== null}
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = '';
              if (chosen) upload(chosen);
            }}
            className={inputClass}
          />
        </label>
      )}
      {sent && (
        <div className="space-y-1" data-role="upload">
          <div
            role="progressbar"
            aria-label="Upload"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent} %`}
            className="h-2 w-full overflow-hidden rounded-theme bg-border"
          >
            <div className="h-full bg-primary transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-muted">
            Uploading {sent.name}: {bytes(sent.loaded)} of {bytes(sent.total)}
            {percent === 100 ? ' · reading it' : ''}
          </p>
        </div>
      )}
      <FormAlert errors={errors} />
      {file && (
        <form onSubmit={start} className="space-y-4" aria-label={`Import ${file.name}`} noValidate>
          <div className="flex items-center justify-between gap-2">
            <p className="text-sm" data-role="file">
              <span className="font-medium">{file.name}</span>: {file.rows} rows, {file.columns.length} columns,{' '}
              {bytes(file.bytes)}
            </p>
            <button type="button" className={buttonClass} onClick={reset}>
              Choose another file
            </button>
          </div>
          <table className="w-full text-left text-sm" aria-label="Mapping">
            <thead>
              <tr className="border-b border-border">
                <th className="py-1 pr-2">Column</th>
                <th className="py-1 pr-2">Values</th>
                <th className="py-1">Goes to</th>
              </tr>
            </thead>
            <tbody>
              {file.columns.map((column) => {
                const pointer = pointerOf(column.name);
                const messageId = `${idPrefix}-${column.name}`;
                return (
                  <tr key={column.name} className="border-b border-border align-top" data-column={column.name}>
                    <td className="py-1 pr-2 font-medium">{column.name}</td>
                    <td className="py-1 pr-2 text-muted">{column.samples.slice(0, 3).join(' · ')}</td>
                    <td className="py-1">
                      <select
                        name={`map:${column.name}`}
                        aria-label={`Field for ${column.name}`}
                        value={mapping[column.name] ?? ''}
                        onChange={(e) => setMapping((m) => ({ ...m, [column.name]: e.target.value }))}
                        className={smallInputClass}
                        {...fieldProps(errors, pointer, messageId)}
                      >
                        <option value="">Leave out</option>
                        <optgroup label="Contact fields">
                          {STANDARD_FIELDS.map((f) => (
                            <option key={f.value} value={f.value}>
                              {f.label}
                            </option>
                          ))}
                        </optgroup>
                        {fields.length > 0 && (
                          <optgroup label="Custom fields">
                            {fields.map((f) => (
                              <option key={f.id} value={`customFields.${f.key}`}>
                                {f.name}
                              </option>
                            ))}
                          </optgroup>
                        )}
                      </select>
                      <FieldMessages errors={errors} pointer={pointer} id={messageId} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="space-y-1">
            <h4 className="text-sm font-medium">The first rows as they will be imported</h4>
            {mapped.length === 0 ? (
              <p className="text-sm text-muted">No column goes anywhere yet.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" aria-label="Preview">
                  <thead>
                    <tr className="border-b border-border">
                      {mapped.map((m) => (
                        <th key={m.column} className="py-1 pr-2">
                          {labels[m.target] ?? m.target}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {file.preview.slice(0, PREVIEW_ROWS).map((row, r) => (
                      <tr key={r} className="border-b border-border">
                        {mapped.map((m) => (
                          <td key={m.column} className="py-1 pr-2">
                            {row[m.index] ?? ''}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
          <label className="block space-y-1">
            <span className="text-sm font-medium">A row matching a contact (by the location&apos;s duplicate policy) or an earlier row</span>
            <select
              name="duplicates"
              value={duplicates}
              onChange={(e) => setDuplicates(e.target.value as DuplicateChoice)}
              className={inputClass}
              {...fieldProps(errors, '/duplicates', `${idPrefix}-duplicates`)}
            >
              {DUPLICATE_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
            <FieldMessages errors={errors} pointer="/duplicates" id={`${idPrefix}-duplicates`} />
          </label>
          <label className="block space-y-1">
            <span className="text-sm font-medium">Tags for every imported contact (comma separated; find them later with a segment)</span>
            <input
              name="tags"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              placeholder="spring-fair-2026"
              className={inputClass}
              {...fieldProps(errors, '/tags', `${idPrefix}-tags`)}
            />
            <FieldMessages errors={errors} pointer="/tags" id={`${idPrefix}-tags`} />
          </label>
          <button type="submit" disabled={busy} className={primaryClass}>
            {busy ? 'Starting…' : `Import ${file.rows} rows`}
          </button>
        </form>
      )}
      {!file && !sent && errors.general === null && <p className="text-sm text-muted">Choose a file to see its columns.</p>}
    </section>
  );
}
