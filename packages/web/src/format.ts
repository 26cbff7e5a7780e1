// Display formatting: dates as dd-mm-jjjj (Amsterdam time) and the "days left" of a clock in words.
import { CLOCK_KIND_LABEL, parseDatumInvoer, TIME_ZONE, type Clock } from '@voordeur/domain';

/** '2026-11-27' → '27-11-2026'. */
export function formatDatum(localDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : localDate;
}

const partsFormatter = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of partsFormatter.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** An instant as its Amsterdam day: '27-11-2026'. */
export function formatDag(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  return p ? `${p.day}-${p.month}-${p.year}` : iso;
}

/** An instant in Amsterdam time: '27-11-2026 14:05'. */
export function formatTijdstip(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  return p ? `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}` : iso;
}

function aantal(n: number, unit: Clock['unit']): string {
  if (unit === 'werkdagen') return n === 1 ? '1 werkdag' : `${n} werkdagen`;
  return n === 1 ? '1 dag' : `${n} dagen`;
}

/**
 * The days left of a clock in words: 'nog 2 werkdagen', 'laatste dag: vandaag', '3 werkdagen te laat',
 * 'afgerond op 20-11-2026' or 'afgerond op 28-08-2026, 4 werkdagen te laat'.
 */
export function daysLeftText(c: Pick<Clock, 'daysLeft' | 'unit' | 'metAt' | 'state'>): string {
  if (c.metAt) {
    const op = `afgerond op ${formatDag(c.metAt)}`;
    return c.state === 'met_late' && c.daysLeft < 0 ? `${op}, ${aantal(-c.daysLeft, c.unit)} te laat` : op;
  }
  if (c.daysLeft > 0) return `nog ${aantal(c.daysLeft, c.unit)}`;
  if (c.daysLeft === 0) return 'laatste dag: vandaag';
  return `${aantal(-c.daysLeft, c.unit)} te laat`;
}

/** The name of a clock, with the person for an 'informeren' clock. */
export function clockLabel(c: Pick<Clock, 'kind'>, persoonNaam?: string | null): string {
  const base = CLOCK_KIND_LABEL[c.kind];
  return persoonNaam ? `${base}: ${persoonNaam}` : base;
}

export function jaNee(b: boolean | null | undefined): string {
  return b === true ? 'ja' : b === false ? 'nee' : 'onbekend';
}

export function leeftijdText(leeftijd: number | null | undefined): string {
  if (leeftijd === null || leeftijd === undefined) return 'leeftijd onbekend';
  if (leeftijd < 1) return 'jonger dan 1 jaar';
  return `${leeftijd} jaar`;
}

/** The hint beside a date field: the format the app shows dates in. */
export const DATUM_HINT = 'dd-mm-jjjj, bijvoorbeeld 22-11-2026';
/** The message when a date field holds no date. */
export const DATUM_FOUT = 'Geef een datum als dd-mm-jjjj, bijvoorbeeld 22-11-2026';

/** A date as a user types it → 'JJJJ-MM-DD' (what the API takes), or null: the domain's reader. */
export const leesDatum = (invoer: string): string | null => parseDatumInvoer(invoer);

/** For a date field's value: the API's 'JJJJ-MM-DD' when it is a date, else the text as typed (the server then names the error). */
export function datumVoorApi(invoer: string): string {
  return leesDatum(invoer) ?? invoer.trim();
}
