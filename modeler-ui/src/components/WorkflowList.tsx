import type { Workflow } from '../api/types';

export interface WorkflowListProps {
  workflows: Workflow[] | null;
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

function describeTrigger(workflow: Workflow): string {
  if (!workflow.trigger) return 'No trigger';
  const match = Object.entries(workflow.trigger.match ?? {})
    .map(([field, value]) => `${field}=${value}`)
    .join(', ');
  return match ? `${workflow.trigger.event} (${match})` : workflow.trigger.event;
}

export function WorkflowList({ workflows, selectedKey, onSelect }: WorkflowListProps) {
  return (
    <nav aria-label="Workflows" className="flex h-full flex-col overflow-y-auto">
      <h2 className="px-4 pb-2 pt-4 text-xs font-semibold uppercase tracking-wide text-muted">Workflows</h2>
      {workflows === null && <p className="px-4 text-sm text-muted">Loading…</p>}
      {workflows?.length === 0 && <p className="px-4 text-sm text-muted">No workflows deployed yet.</p>}
      <ul className="space-y-1 px-2 pb-4">
        {workflows?.map((workflow) => {
          const selected = workflow.key === selectedKey;
          return (
            <li key={workflow.key}>
              <button
                type="button"
                aria-current={selected ? 'true' : undefined}
                aria-label={`${workflow.name || workflow.key}, version ${workflow.version}`}
                onClick={() => onSelect(workflow.key)}
                title={describeTrigger(workflow)}
                className={`flex w-full items-baseline justify-between gap-2 rounded-theme border px-3 py-2 text-left ${
                  selected ? 'border-primary bg-background' : 'border-transparent hover:border-border'
                }`}
              >
                <span className="truncate">{workflow.name || workflow.key}</span>
                <span className="shrink-0 text-xs text-muted">v{workflow.version}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
