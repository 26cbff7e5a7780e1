// Person names and dates of birth.
//
// Without a BSN, Veilig Thuis identifies a person by surname, first names, date of birth and
// postcode + house number (Wmo 2015 art. 5.2.9). Names arrive spelled in many ways (phone calls,
// police reports, transliterations), so search compares a normalised form: the SQL index column
// and the query text both go through normaliseNaam().

import { daysInMonth, isLocalDate, type LocalDate } from './werkdagen.ts';

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Letters that Unicode decomposition does not reduce to a-z. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Search form of a name: lowercase, without diacritics, with common Dutch spelling variants folded
 * ('ij'→'y', 'ph'→'f', final 'dt'→'t', 'ck'→'k', 'ch'→'g', 'th'→'t', 'ou'→'au', double letters
 * single), nothing but a-z and single spaces. Apostrophes are dropped ("d'Ancona" → 'dancona');
 * other separators (hyphens, dots) become spaces.
 * Examples: 'Janssen' and 'Jansen' → 'jansen'; 'Dijkstra' and 'Dykstra' → 'dykstra'; 'Ömer' → 'omer'.
 */
export function normaliseNaam(s: string): string {
  let t = (s ?? '')
    .normalize('NFKD') // splits accents off their letters, and 'ĳ' into 'ij'
    .toLowerCase()
    .replace(/\p{M}/gu, '') // combining marks: é→e, ë→e, ç→c, ö→o
    .replace(/[ßæœøłđðþı]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .replace(/([a-z])\1+/g, '$1'); // collapse doubles first as well, so 'cck' → 'ck' → 'k'
  t = t
    .replace(/ij/g, 'y')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/ch/g, 'g')
    .replace(/th/g, 't')
    .replace(/ou/g, 'au')
    .replace(/dt\b/g, 't')
    .replace(/([a-z])\1+/g, '$1');
  return t.replace(/ +/g, ' ').trim();
}

interface NaamDelen {
  voornamen?: string | null;
  tussenvoegsel?: string | null;
  achternaam: string;
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Display name: 'Fatima el Amrani' (voornamen, tussenvoegsel, achternaam; empty parts left out). */
export function volledigeNaam(p: NaamDelen): string {
  return [clean(p.voornamen), clean(p.tussenvoegsel), clean(p.achternaam)].filter((x) => x !== '').join(' ');
}

/**
 * The indexed search key: normaliseNaam('achternaam voornamen') WITHOUT the tussenvoegsel, so a
 * search for 'Berg' finds 'van den Berg'.
 */
export function zoekNaam(p: NaamDelen): string {
  return normaliseNaam(`${clean(p.achternaam)} ${clean(p.voornamen)}`);
}

// ---------------------------------------------------------------------------------------------
// Geboortedatum, CBS style: 'JJJJMMDD' with '00' for an unknown month/day; '99999999' = unborn
// ---------------------------------------------------------------------------------------------

const GEBOREN_ONBEKEND_ONGEBOREN = '99999999';
const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

interface GebDelen {
  year: number;
  month: number; // 0 = unknown
  day: number; // 0 = unknown
}

function parseGeboortedatum(s: string): GebDelen | 'ongeboren' | null {
  if (typeof s !== 'string' || !/^\d{8}$/.test(s)) return null;
  if (s === GEBOREN_ONBEKEND_ONGEBOREN) return 'ongeboren';
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(4, 6));
  const day = Number(s.slice(6, 8));
  if (year === 0 || month > 12) return null;
  if (month === 0) return day === 0 ? { year, month, day } : null; // a day without a month is meaningless
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Valid CBS date of birth: 'JJJJMMDD', '00' for unknown month/day, or '99999999' (unborn). Not checked: in the future. */
export function isGeboortedatum(s: string): boolean {
  return parseGeboortedatum(s) !== null;
}

/** '05-03-2015', 'maart 2015', '2015' or 'ongeboren'; an invalid value is returned unchanged. */
export function geboortedatumLabel(s: string): string {
  const g = parseGeboortedatum(s);
  if (g === null) return s;
  if (g === 'ongeboren') return 'ongeboren';
  const yyyy = String(g.year).padStart(4, '0');
  if (g.month === 0) return yyyy;
  if (g.day === 0) return `${MAANDEN[g.month - 1]} ${yyyy}`;
  return `${String(g.day).padStart(2, '0')}-${String(g.month).padStart(2, '0')}-${yyyy}`;
}

function parseOrThrow(geb: string, op: LocalDate): GebDelen | 'ongeboren' {
  const g = parseGeboortedatum(geb);
  if (g === null) throw new RangeError(`Ongeldige geboortedatum: ${JSON.stringify(geb)}`);
  if (!isLocalDate(op)) throw new RangeError(`Invalid date: ${JSON.stringify(op)} (expected YYYY-MM-DD)`);
  return g;
}

/** Whole years from birth (year, month, day) to `op`; a birthday not yet reached this year doesn't count. */
function wholeYears(year: number, month: number, day: number, op: LocalDate): number {
  const oy = Number(op.slice(0, 4));
  const om = Number(op.slice(5, 7));
  const od = Number(op.slice(8, 10));
  const birthdayReached = om > month || (om === month && od >= day);
  return oy - year - (birthdayReached ? 0 : 1);
}

/**
 * Age in whole years on day `op`. Unknown parts are filled with the LATEST possible date (end of
 * the month, 31 December), so a person who may still be a minor is never counted as an adult.
 * Someone born on 29 February turns a year older on 1 March in a non-leap year.
 * Returns null for an unborn child ('99999999') or when the person was certainly not yet born on
 * `op`; 0 when birth on or before `op` is possible but not certain.
 * Throws a RangeError for an invalid geboortedatum or date.
 */
export function leeftijdOp(geb: string, op: LocalDate): number | null {
  const g = parseOrThrow(geb, op);
  if (g === 'ongeboren') return null;
  const latestMonth = g.month === 0 ? 12 : g.month;
  const latestDay = g.day === 0 ? daysInMonth(g.year, latestMonth) : g.day;
  const age = wholeYears(g.year, latestMonth, latestDay, op);
  if (age >= 0) return age;
  // The latest possible birth date is after `op`: unborn on `op` unless the earliest possible one is not.
  const earliest = wholeYears(g.year, g.month === 0 ? 1 : g.month, g.day === 0 ? 1 : g.day, op);
  return earliest >= 0 ? 0 : null;
}

/** Minor (under 18) on day `op`; an unborn child counts as a minor. */
export function isMinderjarigOp(geb: string, op: LocalDate): boolean {
  const age = leeftijdOp(geb, op);
  return age === null || age < 18;
}
