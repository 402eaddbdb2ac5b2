import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { bulkApi, segmentsApi } from '../../api/segments';
import type { BulkActionRequest, Job, Segment, Workflow } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { BulkJobProgress } from '../crm/BulkJobProgress';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, cardClass, smallInputClass, smallPrimaryClass } from '../ui';
import { ChipsInput } from './ChipsInput';
import { contactCount } from './SegmentsView';

export interface SegmentBulkActionsProps {
  locationId: string;
  segment: Segment;
  /** When a job ends: the segment's contacts and count may have changed. */
  onFinished: (job: Job) => void;
}

/** The actions the console has a form for, in the menu's order. */
const ACTIONS = [
  { action: 'addTags', label: 'Add tags' },
  { action: 'removeTags', label: 'Remove tags' },
  { action: 'startWorkflow', label: 'Start workflow' },
  { action: 'delete', label: 'Delete contacts' },
] as const;

type ActionName = (typeof ACTIONS)[number]['action'];

const POINTERS = ['/options/tags', '/options/workflow'];

interface Started {
  job: Job;
  label: string;
}

/**
 * One action for every contact of the segment (`POST …/bulk-actions` with `segment`): add or remove
 * tags, start a published workflow, delete (after a confirmation naming how many, counted then). Each
 * job shows its progress until it ends, with Cancel, its result and its errors as CSV.
 */
export function SegmentBulkActions({ locationId, segment, onFinished }: SegmentBulkActionsProps) {
  const id = useId();
  const [offered, setOffered] = useState<string[] | null>(null);
  const [workflows, setWorkflows] = useState<Workflow[]>([]);
  const [action, setAction] = useState<ActionName | ''>('');
  const [tags, setTags] = useState<string[]>([]);
  const [workflow, setWorkflow] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [jobs, setJobs] = useState<Started[]>([]);

  useEffect(() => {
    let cancelled = false;
    bulkApi
      .actions(locationId)
      .then((list) => cancelled || setOffered(list.map((a) => a.action)))
      .catch(() => cancelled || setOffered(ACTIONS.map((a) => a.action))); // the server still decides
    api
      .listWorkflows(locationId)
      .then((list) => cancelled || setWorkflows(list))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [locationId]);

  const menu = ACTIONS.filter((a) => offered?.includes(a.action) ?? true);

  /** Starts the action for the segment; refusals go next to the inputs (a dialog's to the dialog). */
  async function start(request: Omit<BulkActionRequest, 'segment'>, label: string) {
    const job = await bulkApi.start(locationId, { ...request, segment: segment.id });
    setJobs((list) => [{ job, label }, ...list]);
    setTags([]);
    setAction('');
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors(NO_ERRORS);
    setBusy(true);
    try {
      if (action === 'delete') {
        // the confirmation names how many: count now
        setConfirmDelete((await segmentsApi.count(locationId, segment.id)).count);
      } else if (action === 'addTags' || action === 'removeTags') {
        await start(
          { action, options: { tags } },
          `${action === 'addTags' ? 'Add' : 'Remove'} ${tags.map((t) => `“${t}”`).join(', ')} ${action === 'addTags' ? 'to' : 'from'} ${segment.name}`,
        );
      } else if (action === 'startWorkflow') {
        const name = workflows.find((w) => w.key === workflow)?.name ?? workflow;
        await start({ action, options: { workflow } }, `Start ${name} for ${segment.name}`);
      }
    } catch (e) {
      setErrors(formErrors(e, POINTERS, true));
    } finally {
      setBusy(false);
    }
  }

  const errorId = (member: string) => `${id}-${member}-error`;
  const ready =
    action === 'delete' ||
    (action === 'startWorkflow' && workflow !== '') ||
    ((action === 'addTags' || action === 'removeTags') && tags.length > 0);
  return (
    <section aria-label="Bulk actions" className={`${cardClass} space-y-3 p-4`}>
      <form onSubmit={submit} aria-label="Start a bulk action" className="flex flex-wrap items-start gap-2" noValidate>
        <select
          aria-label="Bulk action"
          value={action}
          onChange={(e) => {
            setAction(e.target.value as ActionName | '');
            setErrors(NO_ERRORS);
          }}
          className={smallInputClass}
        >
          <option value="">Bulk action…</option>
          {menu.map((a) => (
            <option key={a.action} value={a.action}>
              {a.label}
            </option>
          ))}
        </select>
        {(action === 'addTags' || action === 'removeTags') && (
          <span className="space-y-1">
            <ChipsInput values={tags} onChange={setTags} label="Tags" {...chipErrors(errors, errorId('tags'))} />
            <FieldMessages errors={errors} pointer="/options/tags" id={errorId('tags')} />
          </span>
        )}
        {action === 'startWorkflow' && (
          <span className="space-y-1">
            <select
              aria-label="Workflow"
              value={workflow}
              onChange={(e) => setWorkflow(e.target.value)}
              className={smallInputClass}
              {...fieldProps(errors, '/options/workflow', errorId('workflow'))}
            >
              <option value="">{workflows.length ? 'Choose a workflow…' : 'No published workflows'}</option>
              {workflows.map((w) => (
                <option key={w.key} value={w.key}>
                  {w.name || w.key}
                </option>
              ))}
            </select>
            <FieldMessages errors={errors} pointer="/options/workflow" id={errorId('workflow')} />
          </span>
        )}
        {action !== '' && (
          <button
            type="submit"
            className={action === 'delete' ? buttonClass : smallPrimaryClass}
            disabled={busy || !ready}
          >
            {ACTIONS.find((a) => a.action === action)?.label}
            {action === 'delete' ? '…' : ''}
          </button>
        )}
      </form>
      <FormAlert errors={errors} />
      {jobs.map(({ job, label }) => (
        <BulkJobProgress
          key={job.id}
          locationId={locationId}
          job={job}
          label={label}
          canCancel
          onFinished={onFinished}
        />
      ))}
      {confirmDelete !== null && (
        <ConfirmDialog
          title={`Delete ${contactCount(confirmDelete)}?`}
          confirmLabel={`Delete ${contactCount(confirmDelete)}`}
          onCancel={() => setConfirmDelete(null)}
          onConfirm={async () => {
            await start({ action: 'delete' }, `Delete the contacts of ${segment.name}`);
            setConfirmDelete(null);
          }}
        >
          <p>
            The {contactCount(confirmDelete)} of {segment.name} move to the trash, where they can be restored for 30
            days. Contacts that join the segment from now on are left alone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** The chips' input marked invalid when the server refused the tags (or one of them). */
function chipErrors(errors: FormErrors, id: string) {
  const invalid = (errors.byField['/options/tags']?.length ?? 0) > 0;
  return { invalid, describedBy: invalid ? id : undefined };
}
