/**
 * Class names shared by the console's forms and lists: theme utilities only (see index.css), so
 * every colour, font and radius follows the theme.
 */

export const inputClass =
  'block w-full rounded-theme border border-border bg-background px-3 py-2 text-text aria-invalid:border-primary';

/** A compact input for toolbars and inline edits. */
export const smallInputClass =
  'rounded-theme border border-border bg-background px-2 py-1 text-sm text-text aria-invalid:border-primary';

export const buttonClass = 'rounded-theme border border-border px-3 py-1 text-sm hover:border-primary disabled:opacity-60';

export const primaryClass =
  'rounded-theme bg-primary px-4 py-2 font-medium text-primary-contrast hover:opacity-90 disabled:opacity-60';

export const smallPrimaryClass =
  'rounded-theme bg-primary px-3 py-1 text-sm font-medium text-primary-contrast hover:opacity-90 disabled:opacity-60';

/** A button that looks like text: an editable value, a link-like action. */
export const textButtonClass = 'rounded-theme px-1 text-left hover:bg-background hover:underline';

export const cardClass = 'rounded-theme border border-border bg-surface';

export const errorTextClass = 'text-sm font-medium text-primary';

/** The message of a caught error. */
export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
