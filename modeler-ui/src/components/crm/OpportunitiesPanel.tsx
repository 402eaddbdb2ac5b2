import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { Contact, Opportunity, OpportunityPatch, OpportunityStatus, Pipeline } from '../../api/types';
import { formErrors } from '../FormErrors';
import { buttonClass, cardClass, errorTextClass, message, smallInputClass } from '../ui';
import { InlineField } from './InlineField';
import { amountOf, OpportunityForm } from './OpportunityForm';
import { formatOpportunityValue, STATUS_LABELS, STATUSES } from './valueFormat';

export interface OpportunitiesPanelProps {
  locationId: string;
  contact: Contact;
  /** The location's pipelines with their stages. */
  pipelines: readonly Pipeline[];
  /** `location.contacts` (and the contact not deleted): add opportunities, change their stage, status, value. */
  canEdit: boolean;
  /** The board of a pipeline (a link). */
  boardHref: (pipelineId: string) => string;
  /** An opportunity was added or changed (the timeline reads its newest page again). */
  onChanged: () => void;
}

/** The contact's opportunities with pipeline, stage, status and value; add one, change them in place. */
export function OpportunitiesPanel({ locationId, contact, pipelines, canEdit, boardHref, onChanged }: OpportunitiesPanelProps) {
  const [items, setItems] = useState<Opportunity[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const latest = useRef(0);
  const contactId = contact.id;

  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const page = await crmApi.listOpportunities(locationId, { contactId, limit: '50' });
      if (request !== latest.current) return;
      setItems(page.items);
      setNextCursor(page.nextCursor);
    } catch (e) {
      if (request === latest.current && !(e instanceof ApiError && e.status === 401)) {
        setError(`Could not load the opportunities: ${message(e)}`);
      }
    }
  }, [locationId, contactId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function more() {
    if (!nextCursor) return;
    try {
      const page = await crmApi.listOpportunities(locationId, { contactId, limit: '50', cursor: nextCursor });
      setItems((current) => [...(current ?? []), ...page.items.filter((o) => !current?.some((c) => c.id === o.id))]);
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(`Could not load more opportunities: ${message(e)}`);
    }
  }

  /** Saves a change; the updated opportunity replaces the old one. A refusal rejects for the caller to show. */
  const save = async (opportunity: Opportunity, patch: OpportunityPatch) => {
    const saved = await crmApi.updateOpportunity(locationId, opportunity.id, patch);
    setItems((list) => list?.map((o) => (o.id === saved.id ? saved : o)) ?? null);
    onChanged();
  };

  return (
    <section aria-labelledby="opportunities-title" className={`${cardClass} space-y-3 p-4`}>
      <div className="flex items-center gap-2">
        <h3 id="opportunities-title" className="mr-auto font-semibold">
          Opportunities
        </h3>
        {canEdit && !adding && pipelines.length > 0 && (
          <button type="button" className={buttonClass} onClick={() => setAdding(true)}>
            New opportunity
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {canEdit && adding && (
        <OpportunityForm
          locationId={locationId}
          pipelines={pipelines}
          contact={contact}
          onCancel={() => setAdding(false)}
          onCreated={() => {
            setAdding(false);
            onChanged();
            void reload();
          }}
        />
      )}
      {items === null && !error && <p className="text-sm text-muted">Loading…</p>}
      {items?.length === 0 && (
        <p className="text-sm text-muted">
          No opportunities yet.{canEdit && pipelines.length === 0 && ' A pipeline is needed first (Settings → Pipelines).'}
        </p>
      )}
      <ul aria-label="Opportunities" className="space-y-3">
        {items?.map((opportunity) => (
          <OpportunityItem
            key={opportunity.id}
            opportunity={opportunity}
            pipeline={pipelines.find((p) => p.id === opportunity.pipelineId)}
            canEdit={canEdit}
            boardHref={boardHref}
            onSave={(patch) => save(opportunity, patch)}
          />
        ))}
      </ul>
      {nextCursor && (
        <button type="button" className={buttonClass} onClick={() => void more()}>
          More opportunities
        </button>
      )}
    </section>
  );
}

interface OpportunityItemProps {
  opportunity: Opportunity;
  pipeline: Pipeline | undefined;
  canEdit: boolean;
  boardHref: (pipelineId: string) => string;
  onSave: (patch: OpportunityPatch) => Promise<void>;
}

/** A row of the opportunity's list of values, lined up with the rows `InlineField` draws. */
const ROW = 'grid grid-cols-[10rem_minmax(0,1fr)] items-start gap-3 py-1';

/** One opportunity: stage and status save as soon as they are chosen; the value is edited in place. */
function OpportunityItem({ opportunity, pipeline, canEdit, boardHref, onSave }: OpportunityItemProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ pointer: string; text: string } | null>(null);
  const stageName = pipeline?.stages.find((s) => s.id === opportunity.pipelineStageId)?.name ?? '—';

  async function change(patch: OpportunityPatch, pointer: string) {
    setBusy(true);
    setProblem(null);
    try {
      await onSave(patch);
    } catch (e) {
      const errors = formErrors(e, [pointer], true);
      setProblem({ pointer, text: (errors.byField[pointer] ?? [errors.general, ...errors.other]).filter(Boolean).join(' ') });
    } finally {
      setBusy(false);
    }
  }

  const message = (pointer: string) =>
    problem?.pointer === pointer ? (
      <p id={`${id}${pointer}`} data-pointer={pointer} className={errorTextClass}>
        {problem.text}
      </p>
    ) : null;
  const invalid = (pointer: string) =>
    problem?.pointer === pointer ? ({ 'aria-invalid': true, 'aria-describedby': `${id}${pointer}` } as const) : {};

  return (
    <li data-opportunity-id={opportunity.id} className="space-y-1 border-l-2 border-border pl-3 text-sm">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium" data-opportunity-name="">
          {opportunity.name}
        </span>
        <a href={boardHref(opportunity.pipelineId)} className="text-xs text-muted underline">
          {pipeline?.name ?? 'Pipeline'}
        </a>
      </p>
      <dl>
        <div className={ROW}>
          <dt className="pt-1 text-muted">Stage</dt>
          <dd data-field="pipelineStageId">
            {canEdit && pipeline ? (
              <select
                aria-label={`Stage of ${opportunity.name}`}
                value={opportunity.pipelineStageId}
                disabled={busy}
                onChange={(e) => void change({ pipelineStageId: e.target.value }, '/pipelineStageId')}
                {...invalid('/pipelineStageId')}
                className={smallInputClass}
              >
                {pipeline.stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            ) : (
              <span data-value="">{stageName}</span>
            )}
            {message('/pipelineStageId')}
          </dd>
        </div>
        <div className={ROW}>
          <dt className="pt-1 text-muted">Status</dt>
          <dd data-field="status">
            {canEdit ? (
              <select
                aria-label={`Status of ${opportunity.name}`}
                value={opportunity.status}
                disabled={busy}
                onChange={(e) => void change({ status: e.target.value as OpportunityStatus }, '/status')}
                {...invalid('/status')}
                className={smallInputClass}
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            ) : (
              <span data-value="">{STATUS_LABELS[opportunity.status]}</span>
            )}
            {message('/status')}
          </dd>
        </div>
        <InlineField<{ amount: string; currency: string }>
          name="monetaryValue"
          label="Value"
          pointer="/monetaryValue"
          display={formatOpportunityValue(opportunity)}
          editable={canEdit}
          initial={() => ({ amount: opportunity.monetaryValue?.toString() ?? '', currency: opportunity.currency })}
          editor={({ draft, setDraft, inputProps }) => (
            <>
              <input
                {...inputProps}
                inputMode="decimal"
                value={draft.amount}
                onChange={(e) => setDraft({ ...draft, amount: e.target.value })}
                className={`${smallInputClass} w-32`}
              />
              <input
                aria-label="Currency"
                value={draft.currency}
                onChange={(e) => setDraft({ ...draft, currency: e.target.value.toUpperCase() })}
                className={`${smallInputClass} w-16`}
              />
            </>
          )}
          save={(draft) =>
            onSave({
              monetaryValue: amountOf(draft.amount) ?? null,
              ...(draft.currency.trim() && draft.currency.trim() !== opportunity.currency ? { currency: draft.currency.trim() } : {}),
            })
          }
        />
        {opportunity.status === 'lost' && (
          <InlineField<string>
            name="lostReason"
            label="Lost reason"
            pointer="/lostReason"
            display={opportunity.lostReason ?? '—'}
            editable={canEdit}
            initial={() => opportunity.lostReason ?? ''}
            editor={({ draft, setDraft, inputProps }) => (
              <input {...inputProps} value={draft} onChange={(e) => setDraft(e.target.value)} className={`${smallInputClass} min-w-48`} />
            )}
            save={(draft) => onSave({ lostReason: draft.trim() || null })}
          />
        )}
      </dl>
    </li>
  );
}
