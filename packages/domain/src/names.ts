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

// ---------------------------------------------------------------------------------------------
// Finding a person despite spelling: spelling form, sound key, name similarity
// ---------------------------------------------------------------------------------------------

/**
 * Words that are not the name itself: Dutch tussenvoegsels and the articles of other languages
 * ('el Amrani', 'al Hassan', 'von Bergen'), in normalised form. 'Jong, de', 'de Jong' and 'Jong'
 * are the same surname to the search.
 */
export const TUSSENVOEGSELS: ReadonlySet<string> = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'te',
  'in',
  'op',
  't',
  's',
  'el',
  'al',
  'la',
  'le',
  'du',
  'von',
]);

/** The words of a normalised name without its tussenvoegsels. */
export function naamWoorden(s: string): string[] {
  return normaliseNaam(s)
    .split(' ')
    .filter((w) => w && !TUSSENVOEGSELS.has(w));
}

/**
 * Spelling form of one normalised word: normaliseNaam() plus the variants that sound the same in
 * Dutch and in transliteration: z→s, c/q→k, x→ks, ei/ey→y and ej before a vowel (ij is y already), ae/oe/ue→a/o/u (the
 * spelled-out umlaut: 'Oeztuerk' = 'Öztürk' = 'Ozturk'), final d→t ('Brand' = 'Brandt' = 'Brant'),
 * double letters single. 'Janzen' and 'Jansen', 'Meier', 'Meyer' and 'Meijer' have one form.
 */
export function spelVorm(woord: string): string {
  return normaliseNaam(woord)
    .replace(/ /g, '')
    .replace(/x/g, 'ks')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/e[iy]|ej(?=[aeiou])/g, 'y')
    .replace(/([aou])e/g, '$1')
    .replace(/d$/g, 't')
    .replace(/([a-z])\1+/g, '$1');
}

/**
 * Sound key of one word: the consonant skeleton of its spelling form. Vowels (and y/j and h after
 * the first letter) are left out and a vowel at the start becomes 'a'; sound-alike
 * consonants are one (s/z, c/k/q, d/t, v/f/w, g/ch). So a typo in a vowel, a transposition of a
 * vowel and a consonant, and the Dutch spelling variants leave the key unchanged:
 * 'Jansen', 'Janssen', 'Janzen', 'Jansn', 'Jnasen' → 'jnsn'; 'Meijer', 'Meier', 'Mejer' → 'mr';
 * 'Yilmaz', 'Ylimaz' → 'jlms'. Empty for a word without letters.
 */
export function klankSleutel(woord: string): string {
  const s = spelVorm(woord);
  const t = s[0] === 'h' ? `h${s.slice(1).replace(/h/g, '')}` : s.replace(/h/g, '');
  if (!t) return '';
  const eerste = /[aeiouy]/.test(t[0]!) ? (t[0] === 'y' ? 'j' : 'a') : t[0]!;
  const rest = t
    .slice(1)
    .replace(/[aeiouyj]/g, '')
    .replace(/[vw]/g, 'f')
    .replace(/d/g, 't');
  return `${eerste.replace(/[vw]/, 'f').replace('d', 't')}${rest}`.replace(/([a-z])\1+/g, '$1');
}

/**
 * The key and, for keys of at least `vanaf` letters, every form with one letter left out
 * (symmetric deletion).
 */
function sleutelMetWeglatingen(k: string, vanaf = 4): string[] {
  const out = new Set(k ? [k] : []);
  if (k.length >= vanaf) for (let i = 0; i < k.length; i++) out.add(k.slice(0, i) + k.slice(i + 1));
  return [...out];
}

/**
 * The keys stored for a person (table naamsleutel): for every word of the achternaam (the
 * tussenvoegsel aside, each part of a double or partner name such as 'Jansen-de Vries') and for the
 * first voornaam, its sound key with its one-letter deletions (keys of 3 letters or more). A query word matches a person when
 * one of its own keys (zoekSleutels) is among them: one consonant deleted, inserted, substituted
 * or two transposed still share a key.
 */
export function naamSleutels(p: NaamDelen): string[] {
  const woorden = [
    ...naamWoorden(`${clean(p.tussenvoegsel)} ${clean(p.achternaam)}`),
    ...naamWoorden(clean(p.voornamen)).slice(0, 1),
  ];
  return [...new Set(woorden.flatMap((w) => sleutelMetWeglatingen(klankSleutel(w), 3)))].filter((k) => k.length >= 2);
}

/**
 * The keys of a search text: of each of its words (initials and tussenvoegsels aside), with the
 * one-letter deletions of keys of 3 letters or more, like the stored ones: a consonant too many,
 * too few or another in a short name ('Maytr', 'de Gaaf') still shares a key with it.
 */
export function zoekSleutels(naam: string): string[] {
  return [
    ...new Set(
      naamWoorden(naam)
        .filter((w) => w.length >= 2)
        .flatMap((w) => sleutelMetWeglatingen(klankSleutel(w), 3)),
    ),
  ].filter((k) => k.length >= 2);
}

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function bewerkAfstand(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const kost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + kost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/**
 * Similarity of two name words, 0–1: 1 the same (normalised), 0.95 the same spelling form, 0.88
 * the query word begins the name word ('Visser' in 'Vissers'), else 1 − edit distance / length of
 * the spelling forms, raised to 0.7 + a quarter of it when the sound keys are equal and at least 3
 * letters long ('Tim' and 'Tom' share the key 'tm' but are not the same name).
 */
export function woordGelijkenis(vraag: string, woord: string): number {
  if (vraag === woord) return 1;
  const a = spelVorm(vraag);
  const b = spelVorm(woord);
  if (!a || !b) return 0;
  if (a === b) return 0.95;
  let s = Math.max(0, 1 - bewerkAfstand(a, b) / Math.max(a.length, b.length));
  const k = klankSleutel(a);
  if (k.length >= 3 && k === klankSleutel(b)) s = Math.max(s, 0.7 + 0.25 * s);
  if (a.length >= 4 && b.startsWith(a)) s = Math.max(s, 0.88);
  return s;
}

/** How a search text compares with a person's name: the name similarity and the words of the reason. */
export interface NaamVergelijking {
  /** 0–1: how alike the name is (the weight `naam` of MATCH_GEWICHTEN applies to it). */
  gelijkenis: number;
  /**
   * 'naam gelijk', 'achternaam gelijk', '… gelijk op spelling na', 'naam en voorletter gelijk',
   * 'naam klinkt gelijk' (the same sound keys) or 'naam lijkt (87%)'.
   */
  reden: string;
}

/**
 * Compare a search text (free order: 'Jan de Jong', 'Jong, de Jan', 'J. de Jong', 'Jong') with a
 * person's name. Each query word is paired with the most similar unused word of the person's name
 * (surname parts, voornamen; a single letter matches a voornaam's initial); the similarity is the
 * mean over the query words, lowered by a quarter when a query of several words matches no surname part well
 * (≥ 0.7), and by at most a tenth for surname parts the query leaves out ('Jansen' against
 * 'Jansen-de Vries'). A query of one word is compared with the surname parts only.
 */
export function vergelijkNaam(vraag: string, p: NaamDelen): NaamVergelijking {
  // Initials ('P.', 'P.J.') first: a single letter such as 's' or 't' is a tussenvoegsel otherwise.
  const voorletters: string[] = [];
  const rest = (vraag ?? '')
    .split(/\s+/)
    .filter((t) => {
      if (!/^(\p{L}\.)+$/u.test(t)) return true;
      voorletters.push(...normaliseNaam(t).split(' ').filter(Boolean));
      return false;
    })
    .join(' ');
  const q = [
    ...normaliseNaam(rest)
      .split(' ')
      .filter((w) => w && !TUSSENVOEGSELS.has(w)),
    ...voorletters,
  ];
  const achter = naamWoorden(`${clean(p.tussenvoegsel)} ${clean(p.achternaam)}`);
  const voor = naamWoorden(clean(p.voornamen));
  if (q.length === 0 || achter.length === 0) return { gelijkenis: 0, reden: 'naam lijkt (0%)' };
  const bezet = new Set<string>();
  let som = 0;
  let achterBest = 0;
  let exact = 0;
  let spel = 0;
  let voorletter = 0;
  let klank = 0;
  const woorden = [
    ...achter.map((w, i) => ({ w, id: `a${i}`, achter: true })),
    ...voor.map((w, i) => ({ w, id: `v${i}`, achter: false })),
  ];
  // Longest query words first: they carry the most information about which word they are.
  for (const w of [...q].sort((a, b) => b.length - a.length)) {
    let best = 0;
    let bestId: string | null = null;
    let bestAchter = false;
    for (const x of woorden) {
      if (bezet.has(x.id) || (q.length === 1 && !x.achter)) continue;
      const s = w.length === 1 ? (!x.achter && x.w.startsWith(w) ? 0.9 : 0) : woordGelijkenis(w, x.w);
      if (s > best) [best, bestId, bestAchter] = [s, x.id, x.achter];
    }
    if (bestId) bezet.add(bestId);
    som += best;
    if (bestAchter) achterBest = Math.max(achterBest, best);
    if (best === 1) exact++;
    else if (best >= 0.95) spel++;
    else if (w.length === 1 && best > 0) voorletter++;
    else if (w.length > 1 && best >= 0.7 && bestId) {
      const x = woorden.find((y) => y.id === bestId)!;
      const k = klankSleutel(w);
      if (k.length >= 3 && k === klankSleutel(x.w)) klank++;
    }
  }
  let g = som / q.length;
  if (q.length > 1 && achterBest < 0.7) g *= 0.75;
  const achterGebruikt = achter.filter((_, i) => bezet.has(`a${i}`)).length;
  g *= 0.9 + (0.1 * achterGebruikt) / achter.length;
  const alles = exact + spel === q.length;
  const welAchter = achterGebruikt === achter.length;
  let reden: string;
  if (alles && q.length === 1 && welAchter) reden = exact ? 'achternaam gelijk' : 'achternaam gelijk op spelling na';
  else if (alles && welAchter && q.length > 1) reden = spel ? 'naam gelijk op spelling na' : 'naam gelijk';
  else if (exact + spel + voorletter === q.length && welAchter && voorletter > 0) reden = 'naam en voorletter gelijk';
  else if (exact + spel + klank === q.length && klank > 0) reden = 'naam klinkt gelijk';
  else reden = `naam lijkt (${Math.round(g * 100)}%)`;
  return { gelijkenis: Math.round(g * 1000) / 1000, reden };
}
