// Werkdagen (working days) and Amsterdam calendar days.
//
// The statutory terms of Veilig Thuis are counted in werkdagen: Monday–Friday that are not an
// "algemeen erkende feestdag" of the Algemene termijnenwet (Atw) art. 3, nor a day equated with one
// by decree (art. 3 lid 3). Calendar days are always days in Europe/Amsterdam, whatever the time
// zone of the machine running this code.
//
// Date arithmetic on LocalDate is done on a day number (days since 1970-01-01), never on local
// Date objects, so it is independent of the host time zone and of daylight saving time.

/** A calendar day in Europe/Amsterdam, 'YYYY-MM-DD'. */
export type LocalDate = string;

export const TIME_ZONE = 'Europe/Amsterdam';

export interface Feestdag {
  date: LocalDate;
  naam: string;
}

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------
// Plain calendar arithmetic
// ---------------------------------------------------------------------------------------------

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Strict 'YYYY-MM-DD' of a day that exists (no 2025-02-29, no 2025-13-01). */
export function isLocalDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const m = LOCAL_DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Number of days in month `month` (1–12) of `year` (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function assertLocalDate(d: LocalDate, what = 'date'): void {
  if (!isLocalDate(d)) throw new RangeError(`Invalid ${what}: ${JSON.stringify(d)} (expected YYYY-MM-DD)`);
}

/** Day number: days since 1970-01-01. */
function toDayNumber(d: LocalDate): number {
  assertLocalDate(d);
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, day) / MS_PER_DAY);
}

function fromDayNumber(n: number): LocalDate {
  const dt = new Date(n * MS_PER_DAY);
  const y = dt.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError(`Date out of range (year ${y})`);
  return `${pad(y, 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function addDays(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  return fromDayNumber(toDayNumber(d) + n);
}

/** Calendar days from `from` to `to` (to − from; negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

// ---------------------------------------------------------------------------------------------
// Europe/Amsterdam time zone (via Intl; no dependencies)
// ---------------------------------------------------------------------------------------------

const amsterdamFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function formattedWallClock(ms: number): WallClock {
  const parts: Record<string, string> = {};
  for (const p of amsterdamFormat.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

// Intl formatting is slow (the werkvoorraad computes clocks for thousands of meldingen), and
// Amsterdam's offset only changes at DST switches, which fall on whole UTC hours (01:00 UTC).
// So the offset is computed once per UTC hour and cached.
const offsetCache = new Map<number, number>();

/** Offset of Amsterdam local time from UTC at instant `ms`, in milliseconds (+1h or +2h). */
function amsterdamOffsetMs(ms: number): number {
  const hour = Math.floor(ms / 3_600_000);
  let off = offsetCache.get(hour);
  if (off === undefined) {
    const start = hour * 3_600_000;
    const w = formattedWallClock(start);
    off = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start;
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(hour, off);
  }
  return off;
}

function amsterdamWallClock(ms: number): WallClock {
  const d = new Date(ms + amsterdamOffsetMs(ms));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function toInstantMs(instant: Date | string): number {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return ms;
}

/**
 * The calendar day in Europe/Amsterdam of an instant. A string that already is a LocalDate is
 * returned as is; any other string is parsed as an ISO instant.
 */
export function toLocalDate(instant: Date | string): LocalDate {
  if (typeof instant === 'string' && isLocalDate(instant)) return instant;
  const w = amsterdamWallClock(toInstantMs(instant));
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * The instant of 00:00 on day `d` in Europe/Amsterdam. DST switches in Amsterdam happen at
 * 02:00/03:00 local time, so local midnight always exists and is unique.
 */
export function startOfLocalDay(d: LocalDate): Date {
  const wallAsUtc = toDayNumber(d) * MS_PER_DAY;
  // Two passes: the offset at the first guess may be on the other side of a DST switch.
  let t = wallAsUtc - amsterdamOffsetMs(wallAsUtc);
  t = wallAsUtc - amsterdamOffsetMs(t);
  return new Date(t);
}

/** The instant 23:59:59.999 on day `d` in Europe/Amsterdam (a term ends at the end of its last day). */
export function endOfLocalDay(d: LocalDate): Date {
  return new Date(startOfLocalDay(addDays(d, 1)).getTime() - 1);
}

// ---------------------------------------------------------------------------------------------
// Feestdagen (Algemene termijnenwet art. 3)
// ---------------------------------------------------------------------------------------------

/** Easter Sunday (Gregorian calendar; anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`easterSunday: year must be an integer in 1583..9999, got ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * The day the King's (Queen's) birthday is celebrated (Atw art. 3 lid 1: "de dag waarop de
 * verjaardag van de Koning wordt gevierd"). Since 2014 Koningsdag on 27 April, moved to the 26th
 * when the 27th is a Sunday; before 2014 Koninginnedag on 30 April, moved to the 29th when the 30th
 * is a Sunday.
 */
function koningsdag(year: number): Feestdag {
  const [naam, day] = year >= 2014 ? ['Koningsdag', 27] : ['Koninginnedag', 30];
  const date = `${pad(year, 4)}-04-${pad(day)}`;
  const isSunday = weekdayOfDayNumber(toDayNumber(date)) === 0;
  return { date: isSunday ? addDays(date, -1) : date, naam };
}

/**
 * The algemeen erkende feestdagen of the Algemene termijnenwet art. 3 for `year`, sorted by date.
 *
 * - lid 1: Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, the day
 *   the King's birthday is celebrated, and 5 mei (every year, not only lustrum years);
 * - lid 2: Goede Vrijdag is equated with these days.
 * Eerste Paasdag and Eerste Pinksterdag are always Sundays (never a werkdag anyway); they are listed
 * so the calendar can name them.
 * Days equated by decree (lid 3) are not here: pass them to createKalender().
 */
export function feestdagen(year: number): Feestdag[] {
  const easter = easterSunday(year);
  const y = pad(year, 4);
  const list: Feestdag[] = [
    { date: `${y}-01-01`, naam: 'Nieuwjaarsdag' },
    { date: addDays(easter, -2), naam: 'Goede Vrijdag' },
    { date: easter, naam: 'Eerste Paasdag' },
    { date: addDays(easter, 1), naam: 'Tweede Paasdag' },
    koningsdag(year),
    { date: `${y}-05-05`, naam: 'Bevrijdingsdag' },
    { date: addDays(easter, 39), naam: 'Hemelvaartsdag' },
    { date: addDays(easter, 49), naam: 'Eerste Pinksterdag' },
    { date: addDays(easter, 50), naam: 'Tweede Pinksterdag' },
    { date: `${y}-12-25`, naam: 'Eerste Kerstdag' },
    { date: `${y}-12-26`, naam: 'Tweede Kerstdag' },
  ];
  // Stable sort: when two feestdagen coincide (e.g. Hemelvaartsdag on 5 May 2005) both stay.
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Werkdagen calendar
// ---------------------------------------------------------------------------------------------

export interface WerkdagKalender {
  /** Monday–Friday and not a feestdag and not an equated day. */
  isWerkdag(d: LocalDate): boolean;
  /** The n-th werkdag after d (d itself is day 0 and never counts); n = 0 returns d; n < 0 counts back. */
  addWerkdagen(d: LocalDate, n: number): LocalDate;
  /** Number of werkdagen w with from < w <= to; 0 if to <= from. */
  werkdagenTussen(from: LocalDate, to: LocalDate): number;
  /** Name of the feestdag / equated day on d (on any weekday), or null. */
  feestdagOf(d: LocalDate): string | null;
}

interface YearInfo {
  /** date → name(s) of feestdagen and equated days. */
  names: Map<LocalDate, string>;
  /** Sorted day numbers of Monday–Friday days that are not werkdagen (feestdag or equated). */
  weekdayClosures: number[];
}

/**
 * A werkdagen calendar. `equatedDays` are the days equated with a feestdag by decree (Atw art. 3
 * lid 3, e.g. the Friday after Hemelvaartsdag), published every few years: they are configuration
 * data, not code. Per-year holiday tables are computed once and cached.
 */
export function createKalender(equatedDays: Feestdag[] = []): WerkdagKalender {
  const equatedByYear = new Map<number, Feestdag[]>();
  for (const e of equatedDays) {
    assertLocalDate(e.date, 'equated day');
    const year = Number(e.date.slice(0, 4));
    const list = equatedByYear.get(year) ?? [];
    list.push({ date: e.date, naam: e.naam });
    equatedByYear.set(year, list);
  }

  const cache = new Map<number, YearInfo>();
  function yearInfo(year: number): YearInfo {
    let info = cache.get(year);
    if (info) return info;
    const names = new Map<LocalDate, string>();
    for (const f of [...feestdagen(year), ...(equatedByYear.get(year) ?? [])]) {
      const existing = names.get(f.date);
      if (existing === undefined) names.set(f.date, f.naam);
      else if (!existing.split(' / ').includes(f.naam)) names.set(f.date, `${existing} / ${f.naam}`);
    }
    const weekdayClosures = [...names.keys()]
      .map(toDayNumber)
      .filter((n) => {
        const wd = weekdayOfDayNumber(n);
        return wd >= 1 && wd <= 5;
      })
      .sort((a, b) => a - b);
    info = { names, weekdayClosures };
    cache.set(year, info);
    return info;
  }

  function yearOfDayNumber(n: number): number {
    return new Date(n * MS_PER_DAY).getUTCFullYear();
  }

  function isWerkdagNumber(n: number): boolean {
    const wd = weekdayOfDayNumber(n);
    if (wd === 0 || wd === 6) return false;
    return !yearInfo(yearOfDayNumber(n)).names.has(fromDayNumber(n));
  }

  /** Monday–Friday days with a < n <= b, by arithmetic. */
  function weekdaysInRange(a: number, b: number): number {
    // weekdaysUpTo(n) = number of Mon–Fri days with day number <= n, relative to an arbitrary origin.
    const weekdaysUpTo = (n: number): number => {
      // Shift so that day 0 of the shifted scale is a Monday (1970-01-05 has day number 4).
      const s = n - 4;
      const weeks = Math.floor(s / 7);
      const rest = s - weeks * 7; // 0 = Monday … 6 = Sunday
      return weeks * 5 + Math.min(rest + 1, 5);
    };
    return weekdaysUpTo(b) - weekdaysUpTo(a);
  }

  return {
    isWerkdag(d) {
      return isWerkdagNumber(toDayNumber(d));
    },

    addWerkdagen(d, n) {
      if (!Number.isInteger(n)) throw new RangeError(`addWerkdagen: n must be an integer, got ${n}`);
      let day = toDayNumber(d);
      const step = n < 0 ? -1 : 1;
      let remaining = Math.abs(n);
      while (remaining > 0) {
        day += step;
        if (isWerkdagNumber(day)) remaining--;
      }
      return fromDayNumber(day);
    },

    werkdagenTussen(from, to) {
      const a = toDayNumber(from);
      const b = toDayNumber(to);
      if (b <= a) return 0;
      let count = weekdaysInRange(a, b);
      const firstYear = yearOfDayNumber(a + 1);
      const lastYear = yearOfDayNumber(b);
      for (let year = firstYear; year <= lastYear; year++) {
        for (const c of yearInfo(year).weekdayClosures) {
          if (c > a && c <= b) count--;
        }
      }
      return count;
    },

    feestdagOf(d) {
      assertLocalDate(d);
      return yearInfo(Number(d.slice(0, 4))).names.get(d) ?? null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Algemene termijnenwet (Atw): a statutory term that ends on a day off runs on
// ---------------------------------------------------------------------------------------------

/** The length of a term as the law states it (one unit), for Atw art. 4A. */
export type TermijnLengte = { dagen: number } | { weken: number } | { maanden: number };

/**
 * Atw art. 4A: the Atw does not apply to terms longer than 90 days, 12 weeks or 3 months. A term of
 * exactly 12 weeks (or 90 days, 3 months) is not longer, so it still runs on.
 */
export function atwVanToepassing(lengte: TermijnLengte): boolean {
  if ('dagen' in lengte) return lengte.dagen <= 90;
  if ('weken' in lengte) return lengte.weken <= 12;
  return lengte.maanden <= 3;
}

/**
 * The last day of a statutory term under the Algemene termijnenwet. `einde` is the day the term
 * ends when counted on the calendar; `lengte` is the term as the law states it.
 *
 * - art. 1 lid 1: a term set in a formal law or an AMvB that ends on a Saturday, Sunday or algemeen
 *   erkende feestdag (art. 3, with Goede Vrijdag and the days equated by decree, i.e. the calendar's
 *   equated days) is extended to the next day that is none of these — the next werkdag of `k`;
 * - art. 4A: not for terms longer than 90 days, 12 weeks or 3 months (`einde` is returned as is);
 * - art. 1 lid 2: not for terms counted backwards from a moment: do not use this for those.
 * Only for terms set in a formal law or an AMvB: a term of organisation policy or of a ministeriële
 * regeling is not extended (docs/statistics.md lists which terms are).
 */
export function atwEinde(k: WerkdagKalender, einde: LocalDate, lengte: TermijnLengte): LocalDate {
  assertLocalDate(einde, 'einde');
  if (!atwVanToepassing(lengte)) return einde;
  let d = einde;
  while (!k.isWerkdag(d)) d = addDays(d, 1);
  return d;
}
