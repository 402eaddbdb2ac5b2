/**
 * What the address bar keeps of the console: the view and the chosen location
 * (`/?view=locations&location=<id>`), so a reload, a bookmark or the back button
 * bring the same place back. The host serves index.html at `/` only; the state is
 * in the query string.
 */

export type View = 'workflows' | 'locations';

export interface ConsoleUrl {
  view: View;
  /** The location chosen by the user; null: the first of the agency's. */
  locationId: string | null;
}

export function readConsoleUrl(): ConsoleUrl {
  const params = new URLSearchParams(window.location.search);
  return {
    view: params.get('view') === 'locations' ? 'locations' : 'workflows',
    locationId: params.get('location') || null,
  };
}

/** Puts `url` in the address bar as a new history entry (other query parameters are kept). */
export function pushConsoleUrl(url: ConsoleUrl): void {
  const params = new URLSearchParams(window.location.search);
  if (url.view === 'workflows') params.delete('view');
  else params.set('view', url.view);
  if (url.locationId) params.set('location', url.locationId);
  else params.delete('location');
  const query = params.toString();
  const next = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.pushState(null, '', next);
  }
}
