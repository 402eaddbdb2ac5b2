import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { FieldError, Workflow } from '../api/types';
import {
  createModeler,
  currentViewbox,
  exportXml,
  importDiagram,
  onDiagramChanged,
  type BpmnModeler,
  type Viewbox,
} from '../modeler/createModeler';
import {
  clearElementProblems,
  elementNames,
  markElementProblems,
  revealElement,
  type ElementProblem,
} from '../modeler/problemMarkers';
import type { DiagramTheme } from '../theme';
import '../modeler/modeler.css';

export interface WorkflowModelerProps {
  locationId: string;
  workflowKey: string;
  /** Shown in the toolbar (falls back to the key). */
  workflowName?: string;
  /** Theme colours and font for the renderer; a change rebuilds the modeler (keeping the diagram). */
  theme: DiagramTheme;
  /** Deploys the XML; resolves with the new version. */
  onSave: (xml: string) => Promise<Workflow>;
  /** Why the user may look but not deploy (no `location.workflows`): no Save, no palette. */
  readOnlyReason?: string | null;
}

type Task = () => Promise<void>;

/** A refused deploy: the problem's errors[], and the names of the elements they name. */
interface DeployProblems {
  errors: FieldError[];
  names: Record<string, string>;
}

const elementProblems = (errors: readonly FieldError[]): ElementProblem[] =>
  errors.flatMap((e) => (e.element !== undefined ? [{ element: e.element, detail: e.detail }] : []));

/**
 * bpmn-js lives outside React: one modeler instance in a ref, mounted into a
 * plain div. All modeler operations run one after another through a queue so
 * that theme rebuilds, imports and saves never overlap.
 */
export default function WorkflowModeler({
  locationId,
  workflowKey,
  workflowName,
  theme,
  onSave,
  readOnlyReason,
}: WorkflowModelerProps) {
  const readOnly = Boolean(readOnlyReason);
  const containerRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<BpmnModeler | null>(null);
  /** The diagram as last imported or carried over from a destroyed modeler. */
  const xmlRef = useRef<string | null>(null);
  /** Where the user was looking when the modeler was torn down for a theme change. */
  const viewboxRef = useRef<Viewbox | null>(null);
  const queueRef = useRef<Promise<void>>(Promise.resolve());

  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<DeployProblems | null>(null);
  /** The elements marked on the canvas; marked again on every new modeler (theme change). */
  const markedRef = useRef<ElementProblem[]>([]);

  const enqueue = useCallback((task: Task): Promise<void> => {
    const run = queueRef.current.then(task);
    queueRef.current = run.catch(() => undefined);
    return run;
  }, []);

  // (Re)create the modeler whenever the theme changes; re-import the current diagram.
  const { fill, stroke, label, font } = theme;
  useEffect(() => {
    enqueue(async () => {
      const container = containerRef.current;
      if (!container) return;
      const modeler = createModeler(container, { fill, stroke, label, font });
      onDiagramChanged(modeler, () => {
        // Every import resets the command stack too; only count real edits.
        const commandStack = modeler.get<{ canUndo(): boolean }>('commandStack');
        if (commandStack.canUndo()) setDirty(true);
      });
      modelerRef.current = modeler;
      if (xmlRef.current) {
        await importDiagram(modeler, xmlRef.current, viewboxRef.current);
        markElementProblems(modeler, markedRef.current);
      }
    }).catch((e: unknown) => setError(`Could not display the diagram: ${(e as Error).message}`));

    return () => {
      enqueue(async () => {
        const modeler = modelerRef.current;
        if (!modeler) return;
        modelerRef.current = null;
        if (xmlRef.current) {
          try {
            viewboxRef.current = currentViewbox(modeler);
            xmlRef.current = await exportXml(modeler); // keep unsaved edits
          } catch {
            /* keep the last imported XML */
          }
        }
        modeler.destroy();
      });
    };
  }, [enqueue, fill, stroke, label, font]);

  // Load the selected workflow's latest BPMN.
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(null);
    setStatus('');
    setProblems(null);
    markedRef.current = [];
    api
      .getWorkflowBpmn(locationId, workflowKey)
      .then((xml) =>
        enqueue(async () => {
          if (cancelled) return;
          xmlRef.current = xml;
          viewboxRef.current = null;
          const modeler = modelerRef.current;
          if (modeler) await importDiagram(modeler, xml);
          setDirty(false);
        }),
      )
      .catch((e: unknown) => {
        if (!cancelled) setError(`Could not load workflow "${workflowKey}": ${(e as Error).message}`);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [enqueue, locationId, workflowKey]);

  async function save() {
    setSaving(true);
    setError(null);
    setStatus('');
    setProblems(null);
    try {
      let xml = '';
      await enqueue(async () => {
        const modeler = modelerRef.current;
        if (!modeler) throw new Error('The modeler is not ready.');
        xml = await exportXml(modeler);
        xmlRef.current = xml;
      });
      const deployed = await onSave(xml);
      setDirty(false);
      setStatus(`Deployed version ${deployed.version}`);
      await showProblems([]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      if (e instanceof ApiError && e.errors.length > 0) await showProblems(e.errors);
    } finally {
      setSaving(false);
    }
  }

  /** Marks the elements a refused deploy named and lists every error under the diagram. */
  async function showProblems(errors: FieldError[]) {
    markedRef.current = elementProblems(errors);
    let names: Record<string, string> = {};
    await enqueue(async () => {
      const modeler = modelerRef.current;
      if (!modeler) return;
      if (markedRef.current.length === 0) clearElementProblems(modeler);
      else markElementProblems(modeler, markedRef.current);
      names = elementNames(modeler, markedRef.current.map((p) => p.element));
    }).catch(() => undefined);
    setProblems(errors.length > 0 ? { errors, names } : null);
  }

  function reveal(id: string) {
    void enqueue(async () => {
      if (modelerRef.current) revealElement(modelerRef.current, id);
    });
  }

  return (
    <section aria-label="Workflow modeler" className="flex h-full min-h-0 flex-col">
      <div className="flex items-center gap-3 border-b border-border bg-surface px-4 py-2">
        <h2 className="truncate font-medium">
          {workflowName ?? workflowKey}
          {workflowName && workflowName !== workflowKey && (
            <span className="ml-2 text-xs font-normal text-muted">{workflowKey}</span>
          )}
        </h2>
        {dirty && !readOnly && <span className="text-xs text-muted">Unsaved changes</span>}
        {readOnly && (
          <span data-read-only className="text-xs text-muted">
            Read only: {readOnlyReason}
          </span>
        )}
        {loading && <span className="text-xs text-muted">Loading…</span>}
        <p role="status" className="ml-auto text-sm text-muted">
          {status}
        </p>
        {!readOnly && (
          <button
            type="button"
            onClick={save}
            disabled={saving || loading}
            className="rounded-theme bg-primary px-4 py-1.5 text-sm font-medium text-primary-contrast hover:opacity-90 disabled:opacity-60"
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="whitespace-pre-line border-b border-primary bg-surface px-4 py-2 text-sm">
          {error}
        </p>
      )}
      <div className={`sb-modeler relative min-h-0 flex-1${readOnly ? ' sb-read-only' : ''}`}>
        <div ref={containerRef} className="absolute inset-0" />
      </div>
      {problems && <ProblemList problems={problems} onReveal={reveal} />}
    </section>
  );
}

/** The errors of a refused deploy, under the diagram; an element's entry selects it. */
function ProblemList({ problems, onReveal }: { problems: DeployProblems; onReveal: (id: string) => void }) {
  return (
    <section aria-label="Problems" className="max-h-48 overflow-y-auto border-t border-primary bg-surface px-4 py-2 text-sm">
      <h3 className="font-medium">Not deployed: {problems.errors.length === 1 ? '1 problem' : `${problems.errors.length} problems`}</h3>
      <ul className="mt-1 space-y-1">
        {problems.errors.map((e, i) => (
          <li key={i} className="flex gap-2">
            {e.element !== undefined ? (
              <button
                type="button"
                onClick={() => onReveal(e.element!)}
                data-element-id={e.element}
                className="shrink-0 rounded-theme border border-border px-2 text-left hover:border-primary"
              >
                {problems.names[e.element] ? `${problems.names[e.element]} (${e.element})` : e.element}
              </button>
            ) : (
              (e.pointer ?? e.parameter) && <span className="shrink-0 text-muted">{e.pointer ?? e.parameter}</span>
            )}
            <span>{e.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
