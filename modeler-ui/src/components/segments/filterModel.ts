/**
 * The segment builder's model of a filter (docs/segments.md): a tree of groups (all or any, each
 * negatable) and rows (one condition each, negatable), read from and written to the filter language's
 * JSON, and where in that JSON each node sits, so that a problem's pointer (`/filter/all/1/value`)
 * finds the row it is about.
 */
import type { FieldError, SegmentFilter } from '../../api/types';

export type GroupMode = 'all' | 'any';

/** One condition: its `type` and its other members as the language writes them. */
export interface RowNode {
  kind: 'row';
  key: string;
  not: boolean;
  type: string;
  members: Record<string, unknown>;
}

export interface GroupNode {
  kind: 'group';
  key: string;
  not: boolean;
  mode: GroupMode;
  children: FilterNode[];
}

export type FilterNode = RowNode | GroupNode;

/** Where a filter sits in the request bodies of a save and a preview. */
export const FILTER_POINTER = '/filter';

/** Groups nested at most this deep (the language's limit, docs/segments.md). */
export const MAX_DEPTH = 10;

let lastKey = 0;
/** A key for a node, unique in the page (React keys, test hooks). */
export function newKey(): string {
  lastKey += 1;
  return `n${lastKey}`;
}

export function newGroup(mode: GroupMode = 'all', children: FilterNode[] = []): GroupNode {
  return { kind: 'group', key: newKey(), not: false, mode, children };
}

export function newRow(type: string, members: Record<string, unknown>): RowNode {
  return { kind: 'row', key: newKey(), not: false, type, members };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseNode(json: unknown): FilterNode {
  if (isObject(json)) {
    const members = Object.keys(json);
    if (members.length === 1 && members[0] === 'not') {
      const inner = parseNode(json.not);
      return { ...inner, not: !inner.not };
    }
    if (members.length === 1 && (members[0] === 'all' || members[0] === 'any') && Array.isArray(json[members[0]])) {
      const mode = members[0] as GroupMode;
      return newGroup(mode, (json[mode] as unknown[]).map(parseNode));
    }
    const { type, ...rest } = json;
    return newRow(typeof type === 'string' ? type : '', rest);
  }
  // not a filter at all: a row the generic editor shows, which the server will refuse with a pointer
  return newRow('', { value: json });
}

/** A saved filter as the builder edits it: always a group at the top (a lone condition becomes "all of" it). */
export function parseFilter(json: unknown): GroupNode {
  const node = parseNode(json);
  return node.kind === 'group' ? node : newGroup('all', [node]);
}

/** The filter language's JSON of a node. */
export function toFilter(node: FilterNode): SegmentFilter {
  const inner: SegmentFilter =
    node.kind === 'group'
      ? { [node.mode]: node.children.map(toFilter) }
      : {
          type: node.type,
          ...Object.fromEntries(Object.entries(node.members).filter(([, value]) => value !== undefined)),
        };
  return node.not ? { not: inner } : inner;
}

/** Each node's key by the JSON pointer of its place in the request body (before its `not`, if any). */
export function pointersOf(root: GroupNode, base = FILTER_POINTER): Map<string, string> {
  const pointers = new Map<string, string>();
  const walk = (node: FilterNode, at: string) => {
    pointers.set(at, node.key);
    if (node.kind === 'group') {
      const inner = node.not ? `${at}/not` : at;
      node.children.forEach((child, i) => walk(child, `${inner}/${node.mode}/${i}`));
    }
  };
  walk(root, base);
  return pointers;
}

/** A problem's error placed on a node: `member` is what it names inside the node's condition (`/value/1`, or ''). */
export interface NodeError {
  pointer: string;
  member: string;
  detail: string;
}

export interface PlacedErrors {
  byKey: Record<string, NodeError[]>;
  /** Errors of the request that point at no node (`/name`, none at all). */
  other: FieldError[];
}

/**
 * Places each error on the deepest node its pointer is inside of (a pointer into a row's value is
 * that row's); the others stay `other`.
 */
export function placeErrors(errors: readonly FieldError[], root: GroupNode, base = FILTER_POINTER): PlacedErrors {
  const pointers = pointersOf(root, base);
  const nodes = new Map<string, FilterNode>();
  const index = (node: FilterNode) => {
    nodes.set(node.key, node);
    if (node.kind === 'group') node.children.forEach(index);
  };
  index(root);
  const byKey: Record<string, NodeError[]> = {};
  const other: FieldError[] = [];
  for (const error of errors) {
    const pointer = error.pointer;
    let best: string | undefined;
    if (pointer !== undefined) {
      for (const at of pointers.keys()) {
        if ((pointer === at || pointer.startsWith(`${at}/`)) && (best === undefined || at.length > best.length))
          best = at;
      }
    }
    if (pointer === undefined || best === undefined) {
      other.push(error);
      continue;
    }
    const key = pointers.get(best)!;
    let member = pointer.slice(best.length);
    if (nodes.get(key)?.not && (member === '/not' || member.startsWith('/not/'))) member = member.slice('/not'.length);
    (byKey[key] ??= []).push({ pointer, member, detail: error.detail });
  }
  return { byKey, other };
}

/** Whether an error of a row names this member (or something inside it). */
export function namesMember(errors: readonly NodeError[] | undefined, member: string): boolean {
  return (errors ?? []).some((e) => e.member === `/${member}` || e.member.startsWith(`/${member}/`));
}

// --- Changing the tree (every change answers a new tree: React state)

/** The tree with `change` applied to the node of `key`. */
export function updateNode(root: GroupNode, key: string, change: (node: FilterNode) => FilterNode): GroupNode {
  const walk = (node: FilterNode): FilterNode => {
    if (node.key === key) return change(node);
    if (node.kind === 'group') {
      const children = node.children.map(walk);
      return children.some((c, i) => c !== node.children[i]) ? { ...node, children } : node;
    }
    return node;
  };
  return walk(root) as GroupNode;
}

/** The tree without the node of `key` (the top group stays). */
export function removeNode(root: GroupNode, key: string): GroupNode {
  const walk = (group: GroupNode): GroupNode => ({
    ...group,
    children: group.children.filter((c) => c.key !== key).map((c) => (c.kind === 'group' ? walk(c) : c)),
  });
  return walk(root);
}

/** The tree with `child` added at the end of the group of `groupKey`. */
export function addChild(root: GroupNode, groupKey: string, child: FilterNode): GroupNode {
  return updateNode(root, groupKey, (node) =>
    node.kind === 'group' ? { ...node, children: [...node.children, child] } : node,
  );
}

// --- Values by operator

/** What an operator compares with: nothing, one value, a list, a pair [low, high], or a span {amount, unit}. */
export type ValueShape = 'none' | 'single' | 'list' | 'pair' | 'span';

export function shapeOf(operator: string | undefined): ValueShape {
  switch (operator) {
    case 'isEmpty':
    case 'isNotEmpty':
      return 'none';
    case 'in':
    case 'notIn':
    case 'hasAny':
    case 'hasAll':
    case 'hasNone':
      return 'list';
    case 'between':
      return 'pair';
    case 'inLast':
    case 'inNext':
    case 'moreThanAgo':
    case 'anniversaryInNext':
      return 'span';
    default:
      return 'single';
  }
}

export const SPAN_UNITS = ['days', 'weeks', 'months', 'years'] as const;

/** What a value of `shape` starts as; one value of a yes/no field starts as yes. */
export function emptyValue(shape: ValueShape, kind?: InputKind): unknown {
  switch (shape) {
    case 'none':
      return undefined;
    case 'list':
      return [];
    case 'pair':
      return [null, null];
    case 'span':
      return { amount: 7, unit: 'days' };
    default:
      return kind === 'boolean' ? true : '';
  }
}

/**
 * A value carried over to another operator: kept when the shape is the same, else made anew (one value
 * becomes a list of it, and a list its first value).
 */
export function valueFor(
  operator: string,
  previousOperator: string | undefined,
  value: unknown,
  kind?: InputKind,
): unknown {
  const shape = shapeOf(operator);
  const before = shapeOf(previousOperator);
  if (shape === before) return value;
  if (shape === 'list' && before === 'single' && value !== '' && value !== undefined && value !== null) return [value];
  if (shape === 'single' && before === 'list' && Array.isArray(value) && value.length > 0) return value[0];
  return emptyValue(shape, kind);
}

/** How a kind of field (standard or custom) takes a value in the form. */
export type InputKind = 'text' | 'number' | 'date' | 'boolean' | 'option' | 'user';

export function inputKindOf(kind: string): InputKind {
  switch (kind) {
    case 'number':
    case 'money':
      return 'number';
    case 'date':
    case 'moment':
      return 'date';
    case 'checkbox':
      return 'boolean';
    case 'singleOption':
    case 'multipleOptions':
      return 'option';
    case 'user':
      return 'user';
    default:
      return 'text';
  }
}
