// Moments that users enter (ontvangen op, vastgesteld op, gedaan op, …) may not lie in the future. One
// rule for the server, which refuses them, and the web app, which says so before sending; a small margin
// absorbs the difference between a browser's clock and the server's.
import { toLocalDate, type LocalDate } from './werkdagen.ts';

/** A refused value: the field it is about, a stable rule id and a Dutch message. */
export interface RegelFout {
  field: string;
  rule: string;
  message: string;
}

/** How far a moment may lie ahead of "now" before it counts as future (clock skew between devices). */
export const TOEKOMST_MARGE_MS = 5 * 60_000;

/** Does the moment (a Date or an ISO string) lie in the future, beyond the margin? */
export function ligtInToekomst(moment: Date | string, now: Date): boolean {
  const t = typeof moment === 'string' ? new Date(moment).getTime() : moment.getTime();
  return t > now.getTime() + TOEKOMST_MARGE_MS;
}

/** Does the calendar day (YYYY-MM-DD, Amsterdam) lie after today? Days have no margin. */
export function dagInToekomst(dag: LocalDate, now: Date): boolean {
  return dag > toLocalDate(now);
}

/**
 * The field error for a moment in the future (rule `niet_in_toekomst`), or null when the moment is
 * absent or not in the future.
 */
export function nietInToekomstFout(
  field: string,
  moment: Date | string | null | undefined,
  now: Date,
  message = 'Dit moment ligt in de toekomst',
): RegelFout | null {
  if (!moment) return null;
  return ligtInToekomst(moment, now) ? { field, rule: 'niet_in_toekomst', message } : null;
}
