import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { CustomField, Pipeline, TimelineItem } from '../../api/types';
import { buttonClass, cardClass, errorTextClass, message } from '../ui';
import { describeMoved, fieldLabel, formatDateTime, formatValue } from './contactFormat';

export interface ContactTimelineProps {
  locationId: string;
  contactId: string;
  /** Changes when the contact changed: the newest page is read again. */
  version: number;
  customFields: readonly CustomField[];
  /** The signed-in user ("you" in the timeline). */
  selfId: string;
  /** The location's pipelines: an opportunity's stage changes name the stages. */
  pipelines?: readonly Pipeline[];
}

const OPPORTUNITY_FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  pipelineId: 'Pipeline',
  pipelineStageId: 'Stage',
  status: 'Status',
  monetaryValue: 'Value',
  currency: 'Currency',
  assignedTo: 'Assigned to',
  source: 'Source',
  lostReason: 'Lost reason',
};

/** An opportunity's changed value as the user knows it: a stage or pipeline by its name. */
function opportunityValue(field: string | undefined, value: unknown, pipelines: readonly Pipeline[]): string {
  if (typeof value === 'string' && field === 'pipelineStageId') {
    for (const pipeline of pipelines) {
      const stage = pipeline.stages.find((s) => s.id === value);
      if (stage) return stage.name;
    }
  }
  if (typeof value === 'string' && field === 'pipelineId') {
    return pipelines.find((p) => p.id === value)?.name ?? value;
  }
  return formatValue(value);
}

/** Who did it: you, another user, a workflow, a plugin, the platform. */
function actor(item: TimelineItem, selfId: string): string {
  switch (item.actorType) {
    case 'USER':
      return item.actorId === selfId ? 'you' : `user ${item.actorId?.slice(0, 8) ?? ''}`;
    case 'WORKFLOW':
      return `workflow ${item.actorId ?? ''}`;
    case 'PLUGIN':
      return `plugin ${item.actorId ?? ''}`;
    case 'SYSTEM':
      return 'Switchboard';
    default:
      return '';
  }
}

function parseObject(text: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** One entry as a sentence. */
function describe(item: TimelineItem, customFields: readonly CustomField[], pipelines: readonly Pipeline[]): string {
  switch (item.kind) {
    case 'change': {
      const opportunity = item.subjectType === 'OPPORTUNITY';
      const prefix = opportunity ? 'Opportunity · ' : '';
      if (opportunity && item.field && item.field in OPPORTUNITY_FIELD_LABELS) {
        const before = opportunityValue(item.field, item.before, pipelines);
        const after = opportunityValue(item.field, item.after, pipelines);
        return `${prefix}${OPPORTUNITY_FIELD_LABELS[item.field]}: ${before} → ${after}`;
      }
      switch (item.field) {
        case 'created':
          return `${prefix}Created ${formatValue(item.after)}`;
        case 'deleted':
          return `${prefix}Deleted`;
        case 'restored':
          return `${prefix}Restored`;
        case 'merged': {
          const after = (item.after ?? {}) as Record<string, unknown>;
          return `Merged the duplicate ${formatValue(after.duplicateName ?? after.duplicateId)}`;
        }
        default:
          return `${prefix}${fieldLabel(item.field ?? '', customFields)}: ${formatValue(item.before)} → ${formatValue(item.after)}`;
      }
    }
    case 'merge':
      return `Merge: moved ${describeMoved(parseObject(item.body))}`;
    case 'note':
      return `Note: ${item.body ?? ''}`;
    case 'task':
      return `Task ${item.title ?? ''} (${item.status ?? 'open'})`;
    case 'opportunity':
      return `Opportunity ${item.title ?? ''} (${item.status ?? ''})`;
    case 'workflowRun':
      return `Workflow ${item.title ?? ''}: ${item.status ?? ''}${item.body ? ` (${item.body})` : ''}`;
    default:
      return item.kind;
  }
}

/**
 * The contact's timeline, newest first: field changes (before → after, and by whom), merges,
 * workflow runs, notes, tasks and opportunities; "Older entries" reads the next page.
 */
export function ContactTimeline({ locationId, contactId, version, customFields, selfId, pipelines = [] }: ContactTimelineProps) {
  const [items, setItems] = useState<TimelineItem[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setError(null);
    crmApi
      .timeline(locationId, contactId)
      .then((page) => {
        if (request !== latest.current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (request === latest.current && !(e instanceof ApiError && e.status === 401)) {
          setError(`Could not load the timeline: ${message(e)}`);
        }
      });
  }, [locationId, contactId, version]);

  const older = useCallback(async () => {
    if (!nextCursor) return;
    const request = latest.current;
    setBusy(true);
    try {
      const page = await crmApi.timeline(locationId, contactId, nextCursor);
      if (request !== latest.current) return;
      setItems((current) => [...(current ?? []), ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(`Could not load older entries: ${message(e)}`);
    } finally {
      setBusy(false);
    }
  }, [locationId, contactId, nextCursor]);

  return (
    <section aria-labelledby="timeline-title" className={`${cardClass} space-y-3 p-4`}>
      <h3 id="timeline-title" className="font-semibold">
        Timeline
      </h3>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {items === null && !error && <p className="text-sm text-muted">Loading…</p>}
      {items?.length === 0 && <p className="text-sm text-muted">Nothing has happened yet.</p>}
      <ol aria-label="Timeline entries" className="space-y-2">
        {items?.map((item) => {
          const by = actor(item, selfId);
          return (
            <li
              key={`${item.kind}-${item.id}`}
              data-kind={item.kind}
              data-changed-field={item.field}
              className="border-l-2 border-border pl-3 text-sm"
            >
              <p className="break-words" data-entry-text="">
                {describe(item, customFields, pipelines)}
              </p>
              <p className="text-xs text-muted">
                {formatDateTime(item.at)}
                {by && ` · by ${by}`}
              </p>
            </li>
          );
        })}
      </ol>
      {nextCursor && (
        <button type="button" className={buttonClass} disabled={busy} onClick={() => void older()}>
          {busy ? 'Loading…' : 'Older entries'}
        </button>
      )}
    </section>
  );
}
