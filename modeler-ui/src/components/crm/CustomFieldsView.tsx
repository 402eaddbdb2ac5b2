import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { CustomField, FieldModel } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { buttonClass, cardClass, errorTextClass, message } from '../ui';
import { CustomFieldForm, FIELD_TYPE_LABELS, hasOptions } from './CustomFieldForm';

export interface CustomFieldsViewProps {
  locationId: string;
  /** `location.settings`: create, change, reorder and delete fields. */
  canEdit: boolean;
}

const MODELS: readonly { model: FieldModel; label: string }[] = [
  { model: 'contact', label: 'Contacts' },
  { model: 'opportunity', label: 'Opportunities' },
  { model: 'company', label: 'Companies' },
];

/** The custom fields of contacts, opportunities and companies (one tab each). */
export function CustomFieldsView({ locationId, canEdit }: CustomFieldsViewProps) {
  const [model, setModel] = useState<FieldModel>('contact');
  const [fields, setFields] = useState<CustomField[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** A field whose deletion the server refused because records have values: its answer, to confirm. */
  const [withValues, setWithValues] = useState<{ field: CustomField; detail: string } | null>(null);

  /** Answers of an older request (another tab, a reload overtaken) are dropped. */
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const list = await crmApi.listCustomFields(locationId, model);
      if (request === latest.current) setFields(list);
    } catch (e) {
      if (request === latest.current && !(e instanceof ApiError && e.status === 401)) {
        setError(`Could not load the fields: ${message(e)}`);
      }
    }
  }, [locationId, model]);

  useEffect(() => {
    setFields(null);
    setEditing(null);
    setError(null);
    setNotice(null);
    void reload();
  }, [reload]);

  async function remove(field: CustomField) {
    setError(null);
    setNotice(null);
    try {
      await crmApi.deleteCustomField(locationId, field.id);
      setNotice(`Deleted the field ${field.name}.`);
      await reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setWithValues({ field, detail: e.message });
      else setError(`Could not delete ${field.name}: ${message(e)}`);
    }
  }

  /** Moves a field up or down: every field whose place changed gets its index as position. */
  async function move(index: number, delta: number) {
    if (!fields) return;
    const order = [...fields];
    [order[index], order[index + delta]] = [order[index + delta], order[index]];
    setFields(order);
    setBusy(true);
    setError(null);
    try {
      for (const [position, field] of order.entries()) {
        if (field.position !== position) await crmApi.updateCustomField(locationId, field.id, { position });
      }
    } catch (e) {
      setError(`Could not reorder the fields: ${message(e)}`);
    } finally {
      await reload();
      setBusy(false);
    }
  }

  const label = MODELS.find((m) => m.model === model)?.label ?? model;
  const nextPosition = fields?.length ? Math.min(10_000, Math.max(...fields.map((f) => f.position)) + 1) : 0;
  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Records" className="flex gap-1 border-b border-border">
        {MODELS.map((m) => (
          <button
            key={m.model}
            type="button"
            role="tab"
            aria-selected={m.model === model}
            aria-controls="custom-fields-panel"
            onClick={() => setModel(m.model)}
            className={`-mb-px rounded-t-theme border px-3 py-1 text-sm ${
              m.model === model ? 'border-border border-b-background bg-background' : 'border-transparent text-muted'
            }`}
          >
            {m.label}
          </button>
        ))}
      </div>
      <div id="custom-fields-panel" role="tabpanel" aria-label={`${label} fields`} className="space-y-4">
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
        {fields === null && !error && <p className="text-sm text-muted">Loading…</p>}
        {fields?.length === 0 && <p className="text-sm text-muted">No {model} fields yet.</p>}
        {fields && fields.length > 0 && (
          <ol aria-label={`${label} fields`} className={`${cardClass} divide-y divide-border`}>
            {fields.map((field, i) => (
              <li key={field.id} data-key={field.key} className="space-y-2 px-4 py-2">
                <div className="flex flex-wrap items-center gap-3">
                  <div className="min-w-0 flex-1">
                    <p className="truncate">
                      <span className="font-medium">{field.name}</span>
                      {field.required && <span className="ml-2 text-xs text-muted">Required</span>}
                    </p>
                    <p className="truncate text-sm text-muted">
                      <code>{field.key}</code> · {FIELD_TYPE_LABELS[field.type]}
                      {field.group && ` · ${field.group}`}
                      {hasOptions(field.type) && ` · ${field.options.join(', ')}`}
                    </p>
                  </div>
                  {canEdit && (
                    <div className="flex gap-1">
                      <button
                        type="button"
                        className={buttonClass}
                        disabled={busy || i === 0}
                        onClick={() => void move(i, -1)}
                        aria-label={`Move ${field.name} up`}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className={buttonClass}
                        disabled={busy || i === fields.length - 1}
                        onClick={() => void move(i, 1)}
                        aria-label={`Move ${field.name} down`}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className={buttonClass}
                        onClick={() => setEditing(editing === field.id ? null : field.id)}
                        aria-label={`Edit ${field.name}`}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className={buttonClass}
                        disabled={busy}
                        onClick={() => void remove(field)}
                        aria-label={`Delete ${field.name}`}
                      >
                        Delete
                      </button>
                    </div>
                  )}
                </div>
                {editing === field.id && (
                  <CustomFieldForm
                    locationId={locationId}
                    model={model}
                    field={field}
                    nextPosition={nextPosition}
                    onCancel={() => setEditing(null)}
                    onSaved={(saved) => {
                      setEditing(null);
                      setNotice(`Saved the field ${saved.name}.`);
                      void reload();
                    }}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
        {canEdit && (
          <CustomFieldForm
            key={model}
            locationId={locationId}
            model={model}
            nextPosition={nextPosition}
            onSaved={(saved) => {
              setNotice(`Created the field ${saved.name}.`);
              void reload();
            }}
          />
        )}
      </div>
      {withValues && (
        <ConfirmDialog
          title={`Delete ${withValues.field.name} and its values?`}
          confirmLabel="Delete field and values"
          onCancel={() => setWithValues(null)}
          onConfirm={async () => {
            await crmApi.deleteCustomField(locationId, withValues.field.id, true);
            setNotice(`Deleted the field ${withValues.field.name} and its values.`);
            setWithValues(null);
            await reload();
          }}
        >
          <p data-problem-detail="">{withValues.detail}</p>
          <p>Deleting the field deletes those values too. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
