import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { LocationValue } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { buttonClass, cardClass, errorTextClass, message } from '../ui';
import { CustomValueForm } from './CustomValueForm';

export interface CustomValuesViewProps {
  locationId: string;
  /** `location.settings`: create, change and delete values. */
  canEdit: boolean;
}

/** The merge field a workflow text uses for a value. */
export const mergeField = (key: string) => `{{custom_values.${key}}}`;

/** The location's custom values by key, each with its merge field to copy; create, edit, delete. */
export function CustomValuesView({ locationId, canEdit }: CustomValuesViewProps) {
  const [values, setValues] = useState<LocationValue[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<LocationValue | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const list = await crmApi.listCustomValues(locationId);
      if (request === latest.current) setValues(list);
    } catch (e) {
      if (request === latest.current && !(e instanceof ApiError && e.status === 401)) {
        setError(`Could not load the custom values: ${message(e)}`);
      }
    }
  }, [locationId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function copy(value: LocationValue) {
    const text = mergeField(value.key);
    try {
      await navigator.clipboard.writeText(text);
      setNotice(`Copied ${text}.`);
    } catch {
      setNotice(`Select ${text} and copy it: the browser did not let the console write to the clipboard.`);
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        Constants of this location (a company name, a booking link) that workflow texts take in with their merge field.
      </p>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="text-sm">
          {notice}
        </p>
      )}
      {values === null && !error && <p className="text-sm text-muted">Loading…</p>}
      {values?.length === 0 && <p className="text-sm text-muted">No custom values yet.</p>}
      {values && values.length > 0 && (
        <ul aria-label="Custom values" className={`${cardClass} divide-y divide-border`}>
          {values.map((value) => (
            <li key={value.id} data-key={value.key} className="space-y-2 px-4 py-2">
              <div className="flex flex-wrap items-start gap-3">
                <div className="min-w-0 flex-1 space-y-0.5">
                  <p className="font-medium">{value.name}</p>
                  <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    <code data-merge-field="" className="select-all rounded-theme border border-border bg-background px-1">
                      {mergeField(value.key)}
                    </code>
                    <button
                      type="button"
                      className="text-xs underline"
                      onClick={() => void copy(value)}
                      aria-label={`Copy the merge field of ${value.name}`}
                    >
                      Copy
                    </button>
                  </p>
                  <p className="whitespace-pre-wrap break-words text-sm" data-value="">
                    {value.value || <span className="text-muted">(empty)</span>}
                  </p>
                </div>
                {canEdit && (
                  <div className="flex gap-1">
                    <button
                      type="button"
                      className={buttonClass}
                      onClick={() => setEditing(editing === value.id ? null : value.id)}
                      aria-label={`Edit ${value.name}`}
                    >
                      Edit
                    </button>
                    <button type="button" className={buttonClass} onClick={() => setDeleting(value)} aria-label={`Delete ${value.name}`}>
                      Delete
                    </button>
                  </div>
                )}
              </div>
              {editing === value.id && (
                <CustomValueForm
                  locationId={locationId}
                  value={value}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    setEditing(null);
                    setNotice(`Saved ${saved.name}.`);
                    void reload();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <CustomValueForm
          locationId={locationId}
          onSaved={(saved) => {
            setNotice(`Created ${saved.name}: ${mergeField(saved.key)}.`);
            void reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete value"
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await crmApi.deleteCustomValue(locationId, deleting.id);
            setNotice(`Deleted ${deleting.name}.`);
            setDeleting(null);
            await reload();
          }}
        >
          <p>
            Workflow texts using <code>{mergeField(deleting.key)}</code> will render it empty, or as their fallback.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
