/**
 * What the address bar keeps of the console: the view, the chosen location, the open
 * contact, company, pipeline or plugin (`/?view=locations&location=<id>`,
 * `/?view=contact&location=<id>&contact=<id>`, `/?view=companies&location=<id>&company=<id>`,
 * `/?view=pipeline&location=<id>&pipeline=<id>`,
 * `/?view=plugin-settings&location=<id>&plugin=<id>`, `/?view=segment&location=<id>&segment=<id>`,
 * `/?view=segment-edit&location=<id>&segment=<id>`; without a segment, a new one;
 * `/?view=runs&location=<id>&run=<id>&contact=<id>`), so a reload, a bookmark or the back
 * button bring the same place back. The host serves index.html at `/` only; the state is
 * in the query string. An invitation link is `/?invitation=<token>`.
 */

export type View =
  | 'workflows'
  | 'runs'
  | 'contacts'
  | 'contact'
  | 'segments'
  | 'segment'
  | 'segment-edit'
  | 'companies'
  | 'pipeline'
  | 'tasks'
  | 'custom-fields'
  | 'custom-values'
  | 'pipelines'
  | 'crm-settings'
  | 'imports'
  | 'locations'
  | 'plugins'
  | 'plugin-settings'
  | 'trust'
  | 'agency';

const VIEWS: readonly View[] = [
  'workflows',
  'runs',
  'contacts',
  'contact',
  'segments',
  'segment',
  'segment-edit',
  'companies',
  'pipeline',
  'tasks',
  'custom-fields',
  'custom-values',
  'pipelines',
  'crm-settings',
  'imports',
  'locations',
  'plugins',
  'plugin-settings',
  'trust',
  'agency',
];

export interface ConsoleUrl {
  view: View;
  /** The location chosen by the user; null: the first of the agency's. */
  locationId: string | null;
  /** The contact the `contact` view shows. */
  contactId: string | null;
  /** The company the `companies` view opens; null: none. */
  companyId?: string | null;
  /** The pipeline the `pipeline` view shows; null: the first. */
  pipelineId?: string | null;
  /** The plugin whose settings the `plugin-settings` view shows. */
  pluginId?: string | null;
  /** The segment the `segment` view shows and the `segment-edit` view changes (none there: a new one). */
  segmentId?: string | null;
  /** The run the `runs` view opens; null: none. (`contactId` there: only that contact's runs.) */
  runId?: string | null;
}

/** The query parameters of a place (also for links). */
function placeParams(url: ConsoleUrl, into: URLSearchParams): URLSearchParams {
  if (url.view !== 'workflows') into.set('view', url.view);
  else into.delete('view');
  const keep = (name: string, value: string | null | undefined, view: View) => {
    if (url.view === view && value) into.set(name, value);
    else into.delete(name);
  };
  if (url.locationId) into.set('location', url.locationId);
  else into.delete('location');
  if ((url.view === 'contact' || url.view === 'runs') && url.contactId) into.set('contact', url.contactId);
  else into.delete('contact');
  keep('run', url.runId, 'runs');
  keep('company', url.companyId, 'companies');
  keep('pipeline', url.pipelineId, 'pipeline');
  keep('plugin', url.pluginId, 'plugin-settings');
  if ((url.view === 'segment' || url.view === 'segment-edit') && url.segmentId) into.set('segment', url.segmentId);
  else into.delete('segment');
  return into;
}

export function readConsoleUrl(): ConsoleUrl {
  const params = new URLSearchParams(window.location.search);
  const view = params.get('view');
  return {
    view: VIEWS.find((v) => v === view) ?? 'workflows',
    locationId: params.get('location') || null,
    contactId: params.get('contact') || null,
    companyId: params.get('company') || null,
    pipelineId: params.get('pipeline') || null,
    pluginId: params.get('plugin') || null,
    segmentId: params.get('segment') || null,
    runId: params.get('run') || null,
  };
}

/** Puts `url` in the address bar as a new history entry (other query parameters are kept). */
export function pushConsoleUrl(url: ConsoleUrl): void {
  const query = placeParams(url, new URLSearchParams(window.location.search)).toString();
  const next = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.pushState(null, '', next);
  }
}

/** The address of a place in the console (for links: a middle click opens it in a new tab). */
export function consoleHref(url: ConsoleUrl): string {
  const query = placeParams(url, new URLSearchParams()).toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}

/** The token of an invitation link (`/?invitation=<token>`), if the console was opened with one. */
export function readInvitationToken(): string | null {
  return new URLSearchParams(window.location.search).get('invitation') || null;
}

/** Takes the invitation's token out of the address bar (replacing the entry: Back does not bring it back). */
export function clearInvitationToken(): void {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('invitation')) return;
  params.delete('invitation');
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
}
