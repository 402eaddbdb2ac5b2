/**
 * Money, due dates and opportunity statuses as the CRM views write them, and the conversions between a
 * browser's date-time input and the API's timestamps.
 */
import type { CurrencyTotal, OpportunityStatus } from '../../api/types';

/** `5000` in `USD` → `$5,000.00` (in the browser's language); an unknown code is written after the number. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
  }
}

/** A stage's sums, one per currency (never added together); nothing is an em dash. */
export function formatTotals(totals: readonly CurrencyTotal[]): string {
  return totals.length ? totals.map((t) => formatMoney(t.amount, t.currency)).join(' · ') : '—';
}

/** An opportunity's value, or an em dash when it has none. */
export function formatOpportunityValue(opportunity: { monetaryValue?: number; currency: string }): string {
  return opportunity.monetaryValue === undefined ? '—' : formatMoney(opportunity.monetaryValue, opportunity.currency);
}

/** Adds two amounts of one currency to the cent (floating point would drift). */
export function addAmounts(a: number, b: number): number {
  return Math.round(a * 100 + b * 100) / 100;
}

export const STATUS_LABELS: Record<OpportunityStatus, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
  abandoned: 'Abandoned',
};

export const STATUSES = Object.keys(STATUS_LABELS) as OpportunityStatus[];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A `datetime-local` input's value (`2026-12-04T17:00`, the browser's time zone) as a timestamp with
 * the browser's offset (`2026-12-04T17:00:00+01:00`), which the API asks for; empty stays empty.
 */
export function localInputToTimestamp(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value; // the server names what is wrong with it
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A timestamp as a `datetime-local` input's value in the browser's time zone. */
export function timestampToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Whether a due date has passed. */
export function isOverdue(iso: string | undefined, now = Date.now()): boolean {
  return iso !== undefined && new Date(iso).getTime() < now;
}
