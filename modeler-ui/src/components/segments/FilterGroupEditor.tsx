import { buttonClass, smallInputClass } from '../ui';
import { defaultMembers } from './conditionCatalog';
import { ConditionRow, type BuilderChoices } from './ConditionRow';
import { MAX_DEPTH, newGroup, newRow, type FilterNode, type GroupNode, type NodeError } from './filterModel';

/** How the editors change the tree: by a node's key. */
export interface TreeEdits {
  replace: (key: string, node: FilterNode) => void;
  remove: (key: string) => void;
  add: (groupKey: string, child: FilterNode) => void;
}

export interface FilterGroupEditorProps {
  group: GroupNode;
  /** Where the group sits in the request body (`/filter`, `/filter/all/2`). */
  pointer: string;
  /** 1 for the top group. */
  depth: number;
  choices: BuilderChoices;
  errors: Record<string, NodeError[]>;
  readOnly: boolean;
  edits: TreeEdits;
}

/**
 * A group of the filter: all or any of its rows and groups, negatable; rows and groups are added
 * inside it (groups while the language's nesting allows).
 */
export function FilterGroupEditor({ group, pointer, depth, choices, errors, readOnly, edits }: FilterGroupEditorProps) {
  const inner = group.not ? `${pointer}/not` : pointer;
  const top = depth === 1;
  const own = errors[group.key];
  const errorId = `${group.key}-errors`;
  const row = () =>
    newRow(
      'field',
      defaultMembers(
        'field',
        choices.conditions,
        choices.workflows.map((w) => w.key),
      ),
    );

  return (
    <section
      data-group={group.key}
      data-group-pointer={pointer}
      aria-label={top ? 'Filter' : 'Group'}
      className={top ? 'space-y-2' : 'space-y-2 rounded-theme border border-dashed border-border p-3'}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="inline-flex items-center gap-1">
          <input
            type="checkbox"
            checked={group.not}
            onChange={(e) => edits.replace(group.key, { ...group, not: e.target.checked })}
          />
          not
        </label>
        <span>Contacts matching</span>
        <select
          aria-label="Match"
          value={group.mode}
          onChange={(e) => edits.replace(group.key, { ...group, mode: e.target.value === 'any' ? 'any' : 'all' })}
          className={smallInputClass}
          aria-invalid={(own?.length ?? 0) > 0 || undefined}
          aria-describedby={own?.length ? errorId : undefined}
        >
          <option value="all">all of</option>
          <option value="any">any of</option>
        </select>
        <span>these</span>
        {!top && !readOnly && (
          <button
            type="button"
            className={`${buttonClass} ml-auto`}
            aria-label="Remove group"
            onClick={() => edits.remove(group.key)}
          >
            Remove group
          </button>
        )}
      </div>
      {own && own.length > 0 && (
        <ul id={errorId} aria-live="polite" className="text-sm font-medium text-primary">
          {own.map((e) => (
            <li key={`${e.pointer}:${e.detail}`} data-pointer={e.pointer}>
              {e.detail}
            </li>
          ))}
        </ul>
      )}
      <ol className="space-y-2 border-l-2 border-border pl-3">
        {group.children.length === 0 && (
          <li className="text-sm text-muted">
            {group.mode === 'all' ? 'No conditions: every contact.' : 'No conditions: no contact.'}
          </li>
        )}
        {group.children.map((child, i) => {
          const at = `${inner}/${group.mode}/${i}`;
          return (
            <li key={child.key}>
              {child.kind === 'group' ? (
                <FilterGroupEditor
                  group={child}
                  pointer={at}
                  depth={depth + 1}
                  choices={choices}
                  errors={errors}
                  readOnly={readOnly}
                  edits={edits}
                />
              ) : (
                <ConditionRow
                  row={child}
                  pointer={at}
                  choices={choices}
                  errors={errors[child.key]}
                  readOnly={readOnly}
                  onChange={(row) => edits.replace(child.key, row)}
                  onRemove={() => edits.remove(child.key)}
                />
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <div className="flex gap-2 pl-3" data-actions-of={pointer}>
          <button type="button" className={buttonClass} onClick={() => edits.add(group.key, row())}>
            Add condition
          </button>
          {depth < MAX_DEPTH && (
            <button
              type="button"
              className={buttonClass}
              onClick={() => edits.add(group.key, newGroup(group.mode === 'all' ? 'any' : 'all', [row()]))}
            >
              Add group
            </button>
          )}
        </div>
      )}
    </section>
  );
}
