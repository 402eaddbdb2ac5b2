import { useEffect, useRef, useState } from 'react';
import type { Pipeline, SegmentConditions, Workflow } from '../../api/types';
import type { LocationUser } from '../crm/locationUsers';
import { buttonClass, smallInputClass } from '../ui';
import { defaultMembers, enumOf, FORM_TYPES, NUMBER_OPERATORS, operatorLabel, typeLabel } from './conditionCatalog';
import { emptyValue, inputKindOf, namesMember, shapeOf, valueFor, type NodeError, type RowNode } from './filterModel';
import { ValueInput } from './ValueInput';

/** What the rows choose from: the location's catalog of conditions, pipelines, workflows and users. */
export interface BuilderChoices {
  conditions: SegmentConditions | null;
  pipelines: readonly Pipeline[];
  workflows: readonly Workflow[];
  users: readonly LocationUser[];
}

export interface ConditionRowProps {
  row: RowNode;
  /** Where the row sits in the request body (`/filter/all/1`): what the server's pointers name. */
  pointer: string;
  choices: BuilderChoices;
  errors: readonly NodeError[] | undefined;
  readOnly: boolean;
  onChange: (row: RowNode) => void;
  onRemove: () => void;
}

type Members = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' ? value : '');

interface EditorProps {
  members: Members;
  set: (members: Members) => void;
  choices: BuilderChoices;
  errors: readonly NodeError[] | undefined;
  errorId: string;
}

/** Props that mark an input invalid when an error names `member`, pointing at the row's messages. */
function invalidProps(errors: readonly NodeError[] | undefined, member: string, errorId: string) {
  const invalid = namesMember(errors, member);
  return { 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? errorId : undefined } as const;
}

/** A select of texts, with the current value listed even when the choices lack it (a deleted field). */
function Choice(props: {
  label: string;
  value: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
  invalid?: { 'aria-invalid'?: true; 'aria-describedby'?: string };
  empty?: string;
}) {
  const { label, value, choices, onChange, invalid, empty } = props;
  const listed = value === '' || choices.some((c) => c.value === value);
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={smallInputClass}
      {...invalid}
    >
      {empty !== undefined && <option value="">{empty}</option>}
      {empty === undefined && value === '' && <option value="">Choose…</option>}
      {!listed && <option value={value}>{value}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

const operatorChoices = (operators: readonly string[]) => operators.map((o) => ({ value: o, label: operatorLabel(o) }));

/** A standard or custom field: field, operator, value by the field's kind. */
function FieldEditor({ members, set, choices, errors, errorId, custom }: EditorProps & { custom: boolean }) {
  const fields = (custom ? choices.conditions?.customFields : choices.conditions?.fields) ?? [];
  const field = fields.find((f) => f.field === members.field);
  const operator = str(members.operator);
  const kind = inputKindOf(field?.kind ?? 'text');
  const options = field && 'options' in field ? (field.options as string[]) : undefined;
  return (
    <>
      {custom && fields.length === 0 && <span className="text-sm text-muted">No custom fields of contacts yet.</span>}
      <Choice
        label={custom ? 'Custom field' : 'Field'}
        value={str(members.field)}
        choices={fields.map((f) => ({ value: f.field, label: f.label }))}
        invalid={invalidProps(errors, 'field', errorId)}
        onChange={(key) => {
          const next = fields.find((f) => f.field === key);
          const keepOperator = next?.operators.includes(operator) ? operator : (next?.operators[0] ?? operator);
          const sameKind = next !== undefined && field !== undefined && next.kind === field.kind;
          set({
            field: key,
            operator: keepOperator,
            value: sameKind
              ? valueFor(keepOperator, operator, members.value, kind)
              : emptyValue(shapeOf(keepOperator), inputKindOf(next?.kind ?? 'text')),
          });
        }}
      />
      <Choice
        label="Operator"
        value={operator}
        choices={operatorChoices(field?.operators ?? [])}
        invalid={invalidProps(errors, 'operator', errorId)}
        onChange={(next) => set({ ...members, operator: next, value: valueFor(next, operator, members.value, kind) })}
      />
      <ValueInput
        shape={shapeOf(operator)}
        kind={kind}
        value={members.value}
        onChange={(value) => set({ ...members, value })}
        label="Value"
        options={options}
        users={choices.users}
        {...valueInvalid(errors, 'value', errorId)}
      />
    </>
  );
}

function valueInvalid(errors: readonly NodeError[] | undefined, member: string, errorId: string) {
  const invalid = namesMember(errors, member);
  return { invalid, describedBy: invalid ? errorId : undefined };
}

/** Tags: has any, all or none of a list; has none at all, or some. */
function TagEditor({ members, set, choices, errors, errorId }: EditorProps) {
  const operators = enumOf(choices.conditions, 'tag', 'operator', [
    'hasAny',
    'hasAll',
    'hasNone',
    'isEmpty',
    'isNotEmpty',
  ]);
  const operator = str(members.operator);
  return (
    <>
      <Choice
        label="Operator"
        value={operator}
        choices={operatorChoices(operators)}
        invalid={invalidProps(errors, 'operator', errorId)}
        onChange={(next) => set({ ...members, operator: next, value: valueFor(next, operator, members.value) })}
      />
      <ValueInput
        shape={shapeOf(operator)}
        kind="text"
        value={members.value}
        onChange={(value) => set({ ...members, value })}
        label="Tags"
        {...valueInvalid(errors, 'value', errorId)}
      />
    </>
  );
}

/** Do not disturb on a channel: on or off. */
function DndEditor({ members, set, choices, errors, errorId }: EditorProps) {
  const channels = enumOf(choices.conditions, 'dnd', 'channel', ['all', 'any', 'email', 'sms', 'call', 'whatsapp']);
  const label = (c: string) => (c === 'all' ? 'all channels' : c === 'any' ? 'any channel' : c);
  return (
    <>
      <span className="text-sm text-muted">on</span>
      <Choice
        label="Channel"
        value={str(members.channel)}
        choices={channels.map((c) => ({ value: c, label: label(c) }))}
        invalid={invalidProps(errors, 'channel', errorId)}
        onChange={(channel) => set({ ...members, channel })}
      />
      <select
        aria-label="Do not disturb is"
        value={members.value === false ? 'false' : 'true'}
        onChange={(e) => set({ ...members, value: e.target.value === 'true' })}
        className={smallInputClass}
        {...invalidProps(errors, 'value', errorId)}
      >
        <option value="true">is on</option>
        <option value="false">is off</option>
      </select>
    </>
  );
}

/** An opportunity (or none) in a pipeline, stage and status, of a value. */
function OpportunityEditor({ members, set, choices, errors, errorId }: EditorProps) {
  const statuses = enumOf(choices.conditions, 'opportunity', 'status', ['open', 'won', 'lost', 'abandoned']);
  const pipelineId = str(members.pipeline);
  const pipeline = choices.pipelines.find((p) => p.id === pipelineId);
  const stages = pipeline
    ? pipeline.stages.map((s) => ({ value: s.id, label: s.name }))
    : choices.pipelines.flatMap((p) => p.stages.map((s) => ({ value: s.id, label: `${p.name} · ${s.name}` })));
  const comparison = members.value && typeof members.value === 'object' ? (members.value as Members) : undefined;
  const valueOperator = str(comparison?.operator);
  const change = (member: string, value: unknown) => set({ ...members, [member]: value === '' ? undefined : value });
  return (
    <>
      <select
        aria-label="Has"
        value={members.has === false ? 'false' : 'true'}
        onChange={(e) => change('has', e.target.value === 'false' ? false : undefined)}
        className={smallInputClass}
        {...invalidProps(errors, 'has', errorId)}
      >
        <option value="true">has one</option>
        <option value="false">has none</option>
      </select>
      <Choice
        label="Pipeline"
        value={pipelineId}
        empty="in any pipeline"
        choices={choices.pipelines.map((p) => ({ value: p.id, label: p.name }))}
        invalid={invalidProps(errors, 'pipeline', errorId)}
        onChange={(id) => {
          const next = choices.pipelines.find((p) => p.id === id);
          const stage = str(members.stage);
          const keepStage = !next || next.stages.some((s) => s.id === stage) ? stage : '';
          set({ ...members, pipeline: id || undefined, stage: keepStage || undefined });
        }}
      />
      <Choice
        label="Stage"
        value={str(members.stage)}
        empty="any stage"
        choices={stages}
        invalid={invalidProps(errors, 'stage', errorId)}
        onChange={(id) => change('stage', id)}
      />
      <Choice
        label="Status"
        value={str(members.status)}
        empty="any status"
        choices={statuses.map((s) => ({ value: s, label: s }))}
        invalid={invalidProps(errors, 'status', errorId)}
        onChange={(status) => change('status', status)}
      />
      <Choice
        label="Opportunity value"
        value={valueOperator}
        empty="of any value"
        choices={NUMBER_OPERATORS.map((o) => ({ value: o, label: `value ${operatorLabel(o)}` }))}
        invalid={invalidProps(errors, 'value', errorId)}
        onChange={(operator) =>
          change(
            'value',
            operator
              ? { operator, value: valueFor(operator, valueOperator || undefined, comparison?.value) }
              : undefined,
          )
        }
      />
      {comparison && (
        <ValueInput
          shape={shapeOf(valueOperator)}
          kind="number"
          value={comparison.value}
          onChange={(value) => change('value', { ...comparison, value })}
          label="Amount"
          {...valueInvalid(errors, 'value', errorId)}
        />
      )}
    </>
  );
}

/** A workflow entered or completed (or not), ever or within a span. */
function WorkflowEditor({ members, set, choices, errors, errorId }: EditorProps) {
  const operators = enumOf(choices.conditions, 'workflow', 'operator', [
    'entered',
    'completed',
    'notEntered',
    'notCompleted',
  ]);
  const within = members.within;
  return (
    <>
      <Choice
        label="Operator"
        value={str(members.operator)}
        choices={operatorChoices(operators)}
        invalid={invalidProps(errors, 'operator', errorId)}
        onChange={(operator) => set({ ...members, operator })}
      />
      <Choice
        label="Workflow"
        value={str(members.workflow)}
        choices={choices.workflows.map((w) => ({ value: w.key, label: w.name || w.key }))}
        invalid={invalidProps(errors, 'workflow', errorId)}
        onChange={(workflow) => set({ ...members, workflow })}
      />
      <select
        aria-label="When"
        value={within === undefined ? 'ever' : 'within'}
        onChange={(e) => set({ ...members, within: e.target.value === 'ever' ? undefined : emptyValue('span') })}
        className={smallInputClass}
      >
        <option value="ever">ever</option>
        <option value="within">in the last</option>
      </select>
      {within !== undefined && (
        <ValueInput
          shape="span"
          kind="number"
          value={within}
          onChange={(value) => set({ ...members, within: value })}
          label="Within"
          {...valueInvalid(errors, 'within', errorId)}
        />
      )}
    </>
  );
}

/** A condition type the builder has no form for: its members as JSON. */
function JsonEditor({ members, set, errors, errorId }: EditorProps) {
  const [text, setText] = useState(() => JSON.stringify(members));
  const [bad, setBad] = useState(false);
  /** The members this editor set last: only a change from elsewhere rewrites the text being typed. */
  const own = useRef(members);
  useEffect(() => {
    if (members !== own.current) setText(JSON.stringify(members));
  }, [members]);
  return (
    <span className="inline-flex flex-1 flex-col gap-1">
      <textarea
        aria-label="Condition members (JSON)"
        rows={2}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
              setBad(false);
              own.current = parsed as Members;
              set(parsed as Members);
              return;
            }
          } catch {
            // still being typed
          }
          setBad(true);
        }}
        className={`${smallInputClass} min-w-80 font-mono`}
        aria-invalid={bad || (errors?.length ?? 0) > 0 || undefined}
        aria-describedby={errorId}
      />
      {bad && <span className="text-xs text-muted">Not a JSON object yet: the last one is counted.</span>}
    </span>
  );
}

/** One condition of a filter: its type, then the inputs its kind needs; the server's errors under it. */
export function ConditionRow({ row, pointer, choices, errors, readOnly, onChange, onRemove }: ConditionRowProps) {
  const errorId = `${row.key}-errors`;
  // the types with a form first, in their order; then those modules add
  const rank = (type: string) => {
    const i = (FORM_TYPES as readonly string[]).indexOf(type);
    return i < 0 ? FORM_TYPES.length : i;
  };
  const known = (choices.conditions?.types.map((t) => t.type) ?? [...FORM_TYPES]).sort((a, b) => rank(a) - rank(b));
  const types = known.includes(row.type) || row.type === '' ? known : [...known, row.type];
  const set = (members: Members) => onChange({ ...row, members });
  const editor: EditorProps = { members: row.members, set, choices, errors, errorId };
  const workflowKeys = choices.workflows.map((w) => w.key);

  return (
    <div
      data-row={row.key}
      data-row-pointer={pointer}
      className="space-y-1 rounded-theme border border-border bg-surface px-3 py-2"
    >
      <div className="flex flex-wrap items-center gap-2">
        <label className="inline-flex items-center gap-1 text-sm">
          <input type="checkbox" checked={row.not} onChange={(e) => onChange({ ...row, not: e.target.checked })} />
          not
        </label>
        <Choice
          label="Condition type"
          value={row.type}
          choices={types.map((t) => ({ value: t, label: typeLabel(t) }))}
          invalid={invalidProps(errors, 'type', errorId)}
          onChange={(type) =>
            onChange({ ...row, type, members: defaultMembers(type, choices.conditions, workflowKeys) })
          }
        />
        {row.type === 'field' && <FieldEditor {...editor} custom={false} />}
        {row.type === 'customField' && <FieldEditor {...editor} custom />}
        {row.type === 'tag' && <TagEditor {...editor} />}
        {row.type === 'dnd' && <DndEditor {...editor} />}
        {row.type === 'opportunity' && <OpportunityEditor {...editor} />}
        {row.type === 'workflow' && <WorkflowEditor {...editor} />}
        {!(FORM_TYPES as readonly string[]).includes(row.type) && <JsonEditor {...editor} />}
        {!readOnly && (
          <button type="button" className={`${buttonClass} ml-auto`} aria-label="Remove condition" onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      {errors && errors.length > 0 && (
        <ul id={errorId} aria-live="polite" className="space-y-0.5 text-sm font-medium text-primary">
          {errors.map((e) => (
            <li key={`${e.pointer}:${e.detail}`} data-pointer={e.pointer}>
              {e.detail}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
