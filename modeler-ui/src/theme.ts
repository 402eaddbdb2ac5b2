/**
 * Theme plumbing: the agency theme is a plain stylesheet served by the host at
 * `/themes/<id>/theme.css` that defines the `--sb-*` custom properties on `:root`.
 * Everything in the UI (via Tailwind's `@theme` mapping in index.css) and the
 * BPMN diagram colours read those variables.
 */

export const DEFAULT_THEME_ID = 'default';
const LINK_ID = 'sb-theme';
const THEME_STORAGE_KEY = 'switchboard.themeId';
/** Never hang the UI on a stylesheet that does not answer. */
const LOAD_TIMEOUT_MS = 10_000;

export function themeCssHref(themeId: string): string {
  return `/themes/${encodeURIComponent(themeId)}/theme.css`;
}

export function themeLogoSrc(themeId: string): string {
  return `/themes/${encodeURIComponent(themeId)}/logo.svg`;
}

/** Theme of the last signed-in session in this tab, so a reload paints with the right colours at once. */
export function rememberedThemeId(): string | null {
  return sessionStorage.getItem(THEME_STORAGE_KEY);
}

export function rememberThemeId(themeId: string | null): void {
  if (themeId) sessionStorage.setItem(THEME_STORAGE_KEY, themeId);
  else sessionStorage.removeItem(THEME_STORAGE_KEY);
}

function currentLink(): HTMLLinkElement | null {
  const el = document.getElementById(LINK_ID);
  return el instanceof HTMLLinkElement ? el : null;
}

function waitForStylesheet(link: HTMLLinkElement): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.clearTimeout(timer);
      link.removeEventListener('load', done);
      link.removeEventListener('error', done);
      resolve();
    };
    const timer = window.setTimeout(done, LOAD_TIMEOUT_MS);
    link.addEventListener('load', done);
    link.addEventListener('error', done);
  });
}

let pending: Promise<void> = Promise.resolve();

/**
 * Points `<link id="sb-theme">` at the given theme and resolves once the new
 * stylesheet has loaded (or failed), so callers can read the new variables.
 * Calls are serialised; the last one wins.
 */
export function applyTheme(themeId: string): Promise<void> {
  const next = pending.then(() => swapLink(themeCssHref(themeId), themeLogoSrc(themeId)));
  pending = next.catch(() => undefined);
  return next;
}

async function swapLink(href: string, logo: string): Promise<void> {
  const icon = document.getElementById('sb-favicon');
  if (icon instanceof HTMLLinkElement) icon.href = logo;

  let link = currentLink();
  if (!link) {
    link = document.createElement('link');
    link.id = LINK_ID;
    link.rel = 'stylesheet';
    document.head.append(link);
  }
  if (link.getAttribute('href') === href && link.sheet) return;
  const loaded = waitForStylesheet(link);
  link.setAttribute('href', href);
  await loaded;
}

/** What bpmn-js needs from the theme; read once per modeler (undefined = bpmn-js default). */
export interface DiagramTheme {
  fill?: string;
  stroke?: string;
  label?: string;
  font?: string;
}

function cssVariable(name: string): string | undefined {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || undefined;
}

/** The diagram colours and font of the theme currently applied. */
export function readDiagramTheme(): DiagramTheme {
  return {
    fill: cssVariable('--sb-diagram-fill'),
    stroke: cssVariable('--sb-diagram-stroke'),
    label: cssVariable('--sb-diagram-label'),
    font: cssVariable('--sb-font-family'),
  };
}
