import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { Pipeline, PipelineBoard, PipelineStage } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { formErrors } from '../FormErrors';
import { buttonClass, cardClass, errorTextClass, message, smallInputClass, smallPrimaryClass } from '../ui';

export interface PipelineEditorProps {
  locationId: string;
  pipeline: Pipeline;
  /** `location.settings`: rename, add, reorder and delete stages, delete the pipeline. */
  canEdit: boolean;
  /** The server's pipeline after a change. */
  onChanged: (pipeline: Pipeline) => void;
  onDeleted: (pipeline: Pipeline) => void;
}

/**
 * One pipeline in the settings: its name and its stages in board order with how many opportunities
 * each holds; rename either, add a stage, move stages up and down, delete a stage (choosing where its
 * opportunities go) or the whole pipeline.
 */
export function PipelineEditor({ locationId, pipeline, canEdit, onChanged, onDeleted }: PipelineEditorProps) {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deletingStage, setDeletingStage] = useState<PipelineStage | null>(null);
  const [deletingPipeline, setDeletingPipeline] = useState(false);

  /** How many opportunities each stage holds (from the board's figures). */
  const loadCounts = useCallback(async () => {
    try {
      const board: PipelineBoard = await crmApi.board(locationId, pipeline.id, 1);
      setCounts(Object.fromEntries(board.stages.map((s) => [s.id, s.count])));
    } catch {
      setCounts({}); // the counts are a help, not a must: the server still refuses what needs a choice
    }
  }, [locationId, pipeline.id]);

  useEffect(() => {
    void loadCounts();
  }, [loadCounts, pipeline.stages.length]);

  async function run(action: () => Promise<Pipeline>, what: string) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
    } catch (e) {
      setError(`Could not ${what}: ${message(e)}`);
    } finally {
      setBusy(false);
    }
  }

  const move = (index: number, delta: -1 | 1) => {
    const ids = pipeline.stages.map((s) => s.id);
    [ids[index], ids[index + delta]] = [ids[index + delta], ids[index]];
    void run(() => crmApi.reorderStages(locationId, pipeline.id, ids), 'reorder the stages');
  };

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <section aria-label={`Pipeline ${pipeline.name}`} data-pipeline-id={pipeline.id} className={`${cardClass} space-y-3 p-4`}>
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <Rename
            label={`Rename pipeline ${pipeline.name}`}
            value={pipeline.name}
            canEdit={canEdit}
            display={<span className="text-lg font-semibold" data-pipeline-name="">{pipeline.name}</span>}
            onSave={async (name) => onChanged(await crmApi.renamePipeline(locationId, pipeline.id, name))}
          />
          <p className="text-sm text-muted">
            {pipeline.stages.length} {pipeline.stages.length === 1 ? 'stage' : 'stages'} · {total}{' '}
            {total === 1 ? 'opportunity' : 'opportunities'}
          </p>
        </div>
        {canEdit && (
          <button type="button" className={buttonClass} onClick={() => setDeletingPipeline(true)} aria-label={`Delete pipeline ${pipeline.name}`}>
            Delete pipeline
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      <ol aria-label={`Stages of ${pipeline.name}`} className="divide-y divide-border rounded-theme border border-border">
        {pipeline.stages.map((stage, i) => (
          <li key={stage.id} data-stage-id={stage.id} data-stage-name={stage.name} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
            <span className="w-6 text-muted">{i + 1}.</span>
            <div className="min-w-0 flex-1">
              <Rename
                label={`Rename stage ${stage.name}`}
                value={stage.name}
                canEdit={canEdit}
                display={<span data-stage-label="">{stage.name}</span>}
                onSave={async (name) => onChanged(await crmApi.renameStage(locationId, pipeline.id, stage.id, name))}
              />
            </div>
            <span className="text-xs text-muted" data-stage-count={counts[stage.id] ?? ''}>
              {counts[stage.id] !== undefined && `${counts[stage.id]} ${counts[stage.id] === 1 ? 'opportunity' : 'opportunities'}`}
            </span>
            {canEdit && (
              <div className="flex gap-1">
                <button type="button" className={buttonClass} disabled={busy || i === 0} onClick={() => move(i, -1)} aria-label={`Move ${stage.name} up`}>
                  ↑
                </button>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={busy || i === pipeline.stages.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move ${stage.name} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={busy}
                  onClick={() => setDeletingStage(stage)}
                  aria-label={`Delete stage ${stage.name}`}
                >
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {canEdit && <AddStage onAdd={async (name) => onChanged(await crmApi.addStage(locationId, pipeline.id, { name }))} />}
      {deletingStage && (
        <DeleteStageDialog
          pipeline={pipeline}
          stage={deletingStage}
          count={counts[deletingStage.id]}
          onCancel={() => setDeletingStage(null)}
          onDelete={async (moveTo) => {
            await crmApi.deleteStage(locationId, pipeline.id, deletingStage.id, moveTo);
            setDeletingStage(null);
            onChanged(await crmApi.getPipeline(locationId, pipeline.id));
          }}
        />
      )}
      {deletingPipeline && (
        <ConfirmDialog
          title={`Delete pipeline ${pipeline.name}?`}
          confirmLabel="Delete pipeline"
          onCancel={() => setDeletingPipeline(false)}
          onConfirm={async () => {
            await crmApi.deletePipeline(locationId, pipeline.id); // 409 with opportunities: its detail shows here
            setDeletingPipeline(false);
            onDeleted(pipeline);
          }}
        >
          <p>
            The pipeline and its {pipeline.stages.length === 1 ? 'stage go' : `${pipeline.stages.length} stages go`}. A pipeline
            that holds opportunities cannot be deleted.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

interface RenameProps {
  label: string;
  value: string;
  canEdit: boolean;
  display: ReactNode;
  onSave: (name: string) => Promise<void>;
}

/** A name that turns into an input with Save and Cancel; the server's refusal shows under it. */
function Rename({ label, value, canEdit, display, onSave }: RenameProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft === null) return;
    setBusy(true);
    setProblem(null);
    try {
      await onSave(draft);
      setDraft(null);
    } catch (e) {
      const errors = formErrors(e, ['/name']);
      setProblem((errors.byField['/name'] ?? [errors.general, ...errors.other]).filter(Boolean).join(' '));
    } finally {
      setBusy(false);
    }
  }

  if (draft === null) {
    return canEdit ? (
      <button
        type="button"
        className="rounded-theme px-1 text-left hover:bg-background hover:underline"
        aria-label={label}
        title={label}
        onClick={() => {
          setProblem(null);
          setDraft(value);
        }}
      >
        {display}
      </button>
    ) : (
      <>{display}</>
    );
  }
  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
      aria-label={label}
      className="space-y-1"
      noValidate
    >
      <div className="flex flex-wrap items-center gap-2">
        <input
          aria-label={label}
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          className={`${smallInputClass} min-w-48`}
        />
        <button type="submit" disabled={busy} className={smallPrimaryClass}>
          Save
        </button>
        <button type="button" disabled={busy} onClick={() => setDraft(null)} className={buttonClass}>
          Cancel
        </button>
      </div>
      {problem && (
        <p id={`${id}-error`} data-pointer="/name" className={errorTextClass}>
          {problem}
        </p>
      )}
    </form>
  );
}

/** A stage name to add at the end. */
function AddStage({ onAdd }: { onAdd: (name: string) => Promise<void> }) {
  const id = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await onAdd(name);
      setName('');
    } catch (e) {
      const errors = formErrors(e, ['/name']);
      setProblem((errors.byField['/name'] ?? [errors.general, ...errors.other]).filter(Boolean).join(' '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Add a stage" className="space-y-1" noValidate>
      <div className="flex items-center gap-2">
        <input
          aria-label="New stage"
          placeholder="New stage"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          className={`${smallInputClass} min-w-48`}
        />
        <button type="submit" disabled={busy} className={smallPrimaryClass}>
          Add stage
        </button>
      </div>
      {problem && (
        <p id={`${id}-error`} data-pointer="/name" className={errorTextClass}>
          {problem}
        </p>
      )}
    </form>
  );
}

interface DeleteStageDialogProps {
  pipeline: Pipeline;
  stage: PipelineStage;
  /** How many opportunities it holds, if known. */
  count: number | undefined;
  onCancel: () => void;
  onDelete: (moveTo: string | undefined) => Promise<void>;
}

/**
 * Asks before deleting a stage, and where its opportunities go when it holds any. When the counts were
 * out of date and the server asks for `moveTo` (400), the choice appears with the server's words.
 */
function DeleteStageDialog({ pipeline, stage, count, onCancel, onDelete }: DeleteStageDialogProps) {
  const others = pipeline.stages.filter((s) => s.id !== stage.id);
  const index = pipeline.stages.findIndex((s) => s.id === stage.id);
  const neighbour = pipeline.stages[index - 1] ?? pipeline.stages[index + 1];
  const [needsTarget, setNeedsTarget] = useState(count === undefined || count > 0);
  const [moveTo, setMoveTo] = useState(neighbour?.id ?? '');
  const id = useId();

  return (
    <ConfirmDialog
      title={`Delete stage ${stage.name}?`}
      confirmLabel="Delete stage"
      onCancel={onCancel}
      onConfirm={async () => {
        try {
          await onDelete(needsTarget && moveTo ? moveTo : undefined);
        } catch (e) {
          const target = e instanceof ApiError ? e.errors.find((err) => err.parameter === 'moveTo') : undefined;
          if (target) {
            setNeedsTarget(true);
            throw new Error(target.detail);
          }
          throw e;
        }
      }}
    >
      {others.length === 0 ? (
        <p>It is the only stage of {pipeline.name}.</p>
      ) : needsTarget ? (
        <div className="space-y-1">
          <p>
            {count === undefined || count === 0
              ? `Opportunities in ${stage.name} move to the stage you choose.`
              : `Its ${count} ${count === 1 ? 'opportunity moves' : 'opportunities move'} to the stage you choose (each move is recorded).`}
          </p>
          <label htmlFor={`${id}-move-to`} className="block font-medium">
            Move its opportunities to
          </label>
          <select id={`${id}-move-to`} name="moveTo" value={moveTo} onChange={(e) => setMoveTo(e.target.value)} className={smallInputClass}>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>It holds no opportunities.</p>
      )}
    </ConfirmDialog>
  );
}
