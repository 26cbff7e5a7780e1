// Periods for management information: half-years ('2026H1'), date ranges of Amsterdam calendar
// days, months and ISO weeks. All pure functions on 'YYYY-MM-DD' strings (no host time zone).
import { addDays, daysBetween, isLocalDate, startOfLocalDay, toLocalDate, type LocalDate } from '@voordeur/domain';
import { ValidationError } from '../http/errors.ts';

export interface Periode {
  van: LocalDate;
  tot: LocalDate;
  /** '2026H1' when the range is exactly a half-year. */
  halfjaar: string | null;
}

const HALFJAAR_RE = /^(\d{4})H([12])$/;
export const HALFJAAR_JAAR_MIN = 2000;
export const HALFJAAR_JAAR_MAX = 2100;

export function halfjaarPeriode(h: string): Periode {
  const m = HALFJAAR_RE.exec(h);
  if (!m)
    throw new ValidationError([
      {
        field: 'query.halfjaar',
        rule: 'halfjaar',
        message: 'Halfjaar als 2026H1 (januari–juni) of 2026H2 (juli–december)',
      },
    ]);
  const y = m[1]!;
  // Veilig Thuis and its CBS series date from 2015: a year far outside that range is a typing error.
  if (Number(y) < HALFJAAR_JAAR_MIN || Number(y) > HALFJAAR_JAAR_MAX)
    throw new ValidationError([
      {
        field: 'query.halfjaar',
        rule: 'bereik',
        message: `Halfjaar van een jaar tussen ${HALFJAAR_JAAR_MIN} en ${HALFJAAR_JAAR_MAX}`,
      },
    ]);
  return m[2] === '1'
    ? { van: `${y}-01-01`, tot: `${y}-06-30`, halfjaar: h }
    : { van: `${y}-07-01`, tot: `${y}-12-31`, halfjaar: h };
}

export function halfjaarVan(d: LocalDate): string {
  return `${d.slice(0, 4)}H${Number(d.slice(5, 7)) <= 6 ? 1 : 2}`;
}

function halfjaarOf(van: LocalDate, tot: LocalDate): string | null {
  const h = halfjaarVan(van);
  const p = halfjaarPeriode(h);
  return p.van === van && p.tot === tot ? h : null;
}

/** Period from query parameters: halfjaar, or van/tot, or the half-year containing `today`. */
export function periodeUit(
  q: { halfjaar?: string; van?: string; tot?: string },
  today: LocalDate,
  maxDagen = 366 * 25,
): Periode {
  if (q.halfjaar) {
    if (q.van || q.tot)
      throw new ValidationError([
        { field: 'query.halfjaar', rule: 'combinatie', message: 'Geef een halfjaar óf van/tot, niet beide' },
      ]);
    return halfjaarPeriode(q.halfjaar);
  }
  if (!q.van && !q.tot) return halfjaarPeriode(halfjaarVan(today));
  const errors = [];
  if (!q.van || !isLocalDate(q.van))
    errors.push({ field: 'query.van', rule: 'datum', message: 'Geef een datum als JJJJ-MM-DD' });
  if (!q.tot || !isLocalDate(q.tot))
    errors.push({ field: 'query.tot', rule: 'datum', message: 'Geef een datum als JJJJ-MM-DD' });
  if (errors.length) throw new ValidationError(errors);
  if (q.tot! < q.van!)
    throw new ValidationError([
      { field: 'query.tot', rule: 'volgorde', message: 'De einddatum ligt vóór de begindatum' },
    ]);
  if (daysBetween(q.van!, q.tot!) > maxDagen)
    throw new ValidationError([
      { field: 'query.tot', rule: 'maximum', message: `Periode te lang (maximaal ${maxDagen} dagen)` },
    ]);
  return { van: q.van!, tot: q.tot!, halfjaar: halfjaarOf(q.van!, q.tot!) };
}

/** The half-open instant range [start of `van`, start of the day after `tot`) in Amsterdam time. */
export function instantRange(van: LocalDate, tot: LocalDate): { start: string; end: string } {
  return { start: startOfLocalDay(van).toISOString(), end: startOfLocalDay(addDays(tot, 1)).toISOString() };
}

/** 'YYYY-MM' of every month that overlaps [van, tot]. */
export function maandenIn(van: LocalDate, tot: LocalDate): string[] {
  const out: string[] = [];
  let y = Number(van.slice(0, 4));
  let m = Number(van.slice(5, 7));
  const end = tot.slice(0, 7);
  for (;;) {
    const k = `${y}-${String(m).padStart(2, '0')}`;
    if (k > end) break;
    out.push(k);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

// ---- ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday)

const MS_DAY = 86_400_000;
const dayNr = (d: LocalDate) =>
  Math.round(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_DAY);
const fromNr = (n: number) => new Date(n * MS_DAY).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (d: LocalDate) => ((((dayNr(d) + 3) % 7) + 7) % 7) + 1;

export interface IsoWeek {
  jaar: number;
  week: number;
}

export function isoWeek(d: LocalDate): IsoWeek {
  const thursday = dayNr(d) + 4 - isoWeekday(d);
  const jaar = new Date(thursday * MS_DAY).getUTCFullYear();
  const jan1 = dayNr(`${jaar}-01-01`);
  return { jaar, week: Math.floor((thursday - jan1) / 7) + 1 };
}

export const weekKey = (w: IsoWeek) => `${w.jaar}-W${String(w.week).padStart(2, '0')}`;

/** Monday of ISO week `week` of ISO year `jaar`. */
export function mondayOf(jaar: number, week: number): LocalDate {
  const jan4 = `${jaar}-01-04`;
  const week1Monday = dayNr(jan4) - (isoWeekday(jan4) - 1);
  return fromNr(week1Monday + (week - 1) * 7);
}

export function weeksInIsoYear(jaar: number): number {
  return isoWeek(`${jaar}-12-28`).week;
}

export function mondayOfDate(d: LocalDate): LocalDate {
  return addDays(d, 1 - isoWeekday(d));
}

/** Monday dates of every ISO week overlapping [van, tot]. */
export function weekMondays(van: LocalDate, tot: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let m = mondayOfDate(van); m <= tot; m = addDays(m, 7)) out.push(m);
  return out;
}

export { toLocalDate, addDays };
