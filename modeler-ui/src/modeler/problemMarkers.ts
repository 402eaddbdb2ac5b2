import type { BpmnModeler } from './createModeler';

/** CSS class of the marker on a refused element (modeler.css) and type of its overlay. */
const MARKER = 'sb-problem';

interface ElementRegistry {
  get(id: string): unknown;
}

interface Canvas {
  addMarker(element: string, marker: string): void;
  removeMarker(element: string, marker: string): void;
  scrollToElement(element: unknown): void;
}

interface Overlays {
  add(element: string, type: string, overlay: { position: { top?: number; right?: number }; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

interface Selection {
  select(element: unknown): void;
}

/** One message about one element of the diagram (a problem's `errors[].element`). */
export interface ElementProblem {
  element: string;
  detail: string;
}

/**
 * Marks each named element on the canvas (marker + a badge whose title is the message) and
 * answers the ids the diagram does not have. Markers of an earlier call are removed first.
 */
export function markElementProblems(modeler: BpmnModeler, problems: readonly ElementProblem[]): string[] {
  clearElementProblems(modeler);
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const canvas = modeler.get<Canvas>('canvas');
  const overlays = modeler.get<Overlays>('overlays');
  const missing: string[] = [];
  const byElement = new Map<string, string[]>();
  for (const { element, detail } of problems) {
    if (!registry.get(element)) {
      missing.push(element);
      continue;
    }
    byElement.set(element, [...(byElement.get(element) ?? []), detail]);
  }
  for (const [element, details] of byElement) {
    canvas.addMarker(element, MARKER);
    const badge = document.createElement('div');
    badge.className = 'sb-problem-badge';
    badge.textContent = '!';
    badge.title = details.join('\n');
    badge.setAttribute('role', 'img');
    badge.setAttribute('aria-label', `Problem: ${details.join(' ')}`);
    overlays.add(element, MARKER, { position: { top: -10, right: 10 }, html: badge });
  }
  return missing;
}

export function clearElementProblems(modeler: BpmnModeler): void {
  const canvas = modeler.get<Canvas>('canvas');
  modeler.get<Overlays>('overlays').remove({ type: MARKER });
  const registry = modeler.get<ElementRegistry & { getAll(): { id: string }[] }>('elementRegistry');
  for (const element of registry.getAll()) canvas.removeMarker(element.id, MARKER);
}

/** Selects the element and scrolls it into view (from the problems list). */
export function revealElement(modeler: BpmnModeler, id: string): void {
  const element = modeler.get<ElementRegistry>('elementRegistry').get(id);
  if (!element) return;
  modeler.get<Canvas>('canvas').scrollToElement(element);
  modeler.get<Selection>('selection').select(element);
}

/** The names of the elements that have one (`bpmn:name`), by id. */
export function elementNames(modeler: BpmnModeler, ids: readonly string[]): Record<string, string> {
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const names: Record<string, string> = {};
  for (const id of ids) {
    const element = registry.get(id) as { businessObject?: { name?: unknown } } | undefined;
    const name = element?.businessObject?.name;
    if (typeof name === 'string' && name.trim()) names[id] = name.trim();
  }
  return names;
}
