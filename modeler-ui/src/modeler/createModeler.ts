import BpmnModeler from 'bpmn-js/lib/Modeler';
import type { DiagramTheme } from '../theme';
import switchboardModdle from './switchboardModdle.json';

export type { BpmnModeler };

export interface Viewbox {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Canvas {
  zoom(level: 'fit-viewport' | number, center?: 'auto'): number;
  viewbox(box?: Viewbox): Viewbox;
}

interface EventBus {
  on(event: string, callback: () => void): void;
}

/**
 * Creates a bpmn-js modeler in `container`. The renderers read their defaults
 * only at construction, so a theme change means a new modeler.
 */
export function createModeler(container: HTMLElement, theme: DiagramTheme): BpmnModeler {
  return new BpmnModeler({
    container,
    bpmnRenderer: {
      defaultFillColor: theme.fill,
      defaultStrokeColor: theme.stroke,
      defaultLabelColor: theme.label,
    },
    // Labels are measured and drawn with the theme font (external labels inherit it).
    ...(theme.font ? { textRenderer: { defaultStyle: { fontFamily: theme.font } } } : {}),
    // Switchboard's extension elements (sb:trigger, sb:input, sb:action) round-trip typed.
    moddleExtensions: { sb: switchboardModdle },
  });
}

/** Imports the XML, then fits it to the viewport, or restores `viewbox` (e.g. across a theme rebuild). */
export async function importDiagram(modeler: BpmnModeler, xml: string, viewbox?: Viewbox | null): Promise<string[]> {
  const { warnings } = await modeler.importXML(xml);
  const canvas = modeler.get<Canvas>('canvas');
  if (viewbox) canvas.viewbox({ x: viewbox.x, y: viewbox.y, width: viewbox.width, height: viewbox.height });
  else canvas.zoom('fit-viewport', 'auto');
  return warnings.map((w) => String((w as unknown as { message?: string }).message ?? w));
}

export function currentViewbox(modeler: BpmnModeler): Viewbox {
  const { x, y, width, height } = modeler.get<Canvas>('canvas').viewbox();
  return { x, y, width, height };
}

export async function exportXml(modeler: BpmnModeler): Promise<string> {
  const { xml } = await modeler.saveXML({ format: true });
  if (!xml) throw new Error('The modeler produced no XML.');
  return xml;
}

export function onDiagramChanged(modeler: BpmnModeler, callback: () => void): void {
  modeler.get<EventBus>('eventBus').on('commandStack.changed', callback);
}
