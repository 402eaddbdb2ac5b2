/**
 * What the builder offers for each condition type, read from `GET …/segments/conditions`: the fields
 * with their operators, and the other types' choices (tag operators, do-not-disturb channels,
 * opportunity statuses, workflow operators) from the language's JSON Schema, so that a new operator
 * on the server shows up here without a change. Types the builder has no form for get a JSON editor.
 */
import type { ConditionField, SegmentConditions } from '../../api/types';
import { emptyValue, inputKindOf, shapeOf } from './filterModel';

/** The condition types the builder has a form for; others are edited as JSON. */
export const FORM_TYPES = ['field', 'customField', 'tag', 'dnd', 'opportunity', 'workflow'] as const;

/** The values `member` of condition `type` may take, per the language's schema; `fallback` if it says none. */
export function enumOf(
  conditions: SegmentConditions | null,
  type: string,
  member: string,
  fallback: readonly string[],
): string[] {
  const schema = conditions?.schema.oneOf?.find((s) => s.properties?.type?.const === type);
  const values = schema?.properties?.[member]?.enum;
  return Array.isArray(values) && values.length > 0 ? values : [...fallback];
}

/** The operators of an opportunity's value (the number comparisons). */
export const NUMBER_OPERATORS = [
  'equals',
  'notEquals',
  'greater',
  'greaterOrEqual',
  'less',
  'lessOrEqual',
  'between',
  'isEmpty',
  'isNotEmpty',
] as const;

/** How an operator reads in a sentence ("Email contains …"). */
export const OPERATOR_LABELS: Record<string, string> = {
  equals: 'is',
  notEquals: 'is not',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  in: 'is one of',
  notIn: 'is none of',
  isEmpty: 'is empty',
  isNotEmpty: 'is not empty',
  greater: 'is greater than',
  greaterOrEqual: 'is at least',
  less: 'is less than',
  lessOrEqual: 'is at most',
  between: 'is between',
  before: 'is before',
  after: 'is after',
  inLast: 'is in the last',
  inNext: 'is in the next',
  moreThanAgo: 'is more than … ago',
  anniversaryInNext: 'has its anniversary in the next',
  hasAny: 'has any of',
  hasAll: 'has all of',
  hasNone: 'has none of',
  entered: 'entered',
  completed: 'completed',
  notEntered: 'did not enter',
  notCompleted: 'did not complete',
};

export const operatorLabel = (operator: string) => OPERATOR_LABELS[operator] ?? operator;

/** The label of a condition type in its select. */
export const TYPE_LABELS: Record<string, string> = {
  field: 'Contact field',
  customField: 'Custom field',
  tag: 'Tags',
  dnd: 'Do not disturb',
  opportunity: 'Opportunity',
  workflow: 'Workflow activity',
};

export const typeLabel = (type: string) => TYPE_LABELS[type] ?? type;

/** The operator a field condition starts with: "is not empty" needs no value, so a new row counts at once. */
function firstOperator(field: ConditionField | undefined): string | undefined {
  if (!field) return undefined;
  return field.operators.includes('isNotEmpty') ? 'isNotEmpty' : field.operators[0];
}

/** A condition of `type` as a new row starts it: members that make sense with this location's catalog. */
export function defaultMembers(
  type: string,
  conditions: SegmentConditions | null,
  workflowKeys: readonly string[],
): Record<string, unknown> {
  switch (type) {
    case 'field':
    case 'customField': {
      const fields = type === 'field' ? conditions?.fields : conditions?.customFields;
      const field = type === 'field' ? (fields?.find((f) => f.field === 'email') ?? fields?.[0]) : fields?.[0];
      const operator = firstOperator(field);
      return {
        field: field?.field ?? '',
        operator,
        value: emptyValue(shapeOf(operator), inputKindOf(field?.kind ?? 'text')),
      };
    }
    case 'tag':
      return { operator: 'hasAny', value: [] };
    case 'dnd':
      return { channel: enumOf(conditions, 'dnd', 'channel', ['all'])[0], value: true };
    case 'opportunity':
      return {};
    case 'workflow':
      return { workflow: workflowKeys[0] ?? '', operator: enumOf(conditions, 'workflow', 'operator', ['entered'])[0] };
    default:
      return {};
  }
}
