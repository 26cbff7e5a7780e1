// Intake rules shared by the server (which enforces them) and the web app (which shows them
// before a request is sent): the melder makes themselves known, an adviesvraag holds no data that
// identifies persons, and the moment of receipt entered as an Amsterdam date and time.
import { isValidBsn } from './bsn.ts';
import type { RegelFout } from './momenten.ts';
import { isLocalDate, startOfLocalDay, TIME_ZONE, toLocalDate, type LocalDate } from './werkdagen.ts';

export type IntakeRegelFout = RegelFout;

const gevuld = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/**
 * Since the Handelingsprotocol 2019 a melder makes themselves known to Veilig Thuis (and may ask
 * to stay unknown to the family): a name, and an organisation or a way to reach them (telefoon or
 * e-mail) for questions and the terugkoppeling. Reads the body leniently (`melder` may be anything).
 */
export function melderFouten(melder: unknown, prefix = 'melder'): IntakeRegelFout[] {
  const m = (melder && typeof melder === 'object' ? melder : {}) as Record<string, unknown>;
  const out: IntakeRegelFout[] = [];
  if (!gevuld(m.naam)) {
    out.push({
      field: `${prefix}.naam`,
      rule: 'melder_bekend',
      message:
        'Naam van de melder is verplicht: een melder maakt zich bekend bij Veilig Thuis (ook wie onbekend wil blijven voor het gezin)',
    });
  }
  if (!gevuld(m.organisatie) && !gevuld(m.telefoon) && !gevuld(m.email)) {
    out.push({
      field: `${prefix}.organisatie`,
      rule: 'melder_bereikbaar',
      message:
        'Vul de organisatie van de melder in, of een telefoonnummer of e-mailadres (minstens één): nodig voor vragen en de terugkoppeling',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Identifying data in free text (adviesvragen)
// ---------------------------------------------------------------------------------------------

export interface IdentificerendGegeven {
  soort: 'bsn' | 'adres' | 'geboortedatum';
  /** What was found, for the message (a BSN only by its last 3 digits). */
  tekst: string;
}

const MAANDNAMEN = [
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
const MAAND_AFK = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

function echteDatum(y: number, m: number, d: number): LocalDate | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return y >= 1900 && y <= 2199 && isLocalDate(s) ? s : null;
}

const GEBOORTE_CONTEXT = /(geboren|geb\.?|geboortedatum|geb\.?\s*datum|°)\s*(op|:)?\s*$/i;

/**
 * Finds a BSN (9 digits passing the elfproef, also written with spaces or dots), a postcode with a
 * house number ('1234 AB 5', 'Kastanjelaan 4, 1234AB') and dates of birth: a full date after
 * 'geboren'/'geb.'/'geboortedatum', or any full date (d-m-jjjj, jjjj-mm-dd, 12 maart 2015,
 * JJJJMMDD) more than a year before `today` — an adviesvraag is about something recent, an older
 * full date in it is almost always someone's date of birth.
 */
export function identificerendeGegevens(text: string, today: LocalDate): IdentificerendGegeven[] {
  const out: IdentificerendGegeven[] = [];
  if (!text) return out;
  const seen = new Set<string>();
  const add = (g: IdentificerendGegeven) => {
    const k = `${g.soort}:${g.tekst}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(g);
    }
  };
  // BSN: 9 digits, optionally grouped by single spaces, dots or hyphens.
  for (const m of text.matchAll(/(?<![\d])\d(?:[ .-]?\d){8}(?![\d])/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length === 9 && isValidBsn(digits))
      add({ soort: 'bsn', tekst: `een BSN (eindigend op ${digits.slice(6)})` });
  }
  // Postcode with a house number after it, or a street with a number just before it.
  for (const m of text.matchAll(/(?<![\dA-Za-z])([1-9]\d{3})\s?([A-Za-z]{2})(?![A-Za-z])/g)) {
    const na = text.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
    const voor = text.slice(Math.max(0, m.index! - 40), m.index!);
    const nummerNa = /^\s*[,-]?\s*(nr\.?\s*)?\d{1,5}(?!\d)/i.test(na);
    const nummerVoor = /[A-Za-z]\s+\d{1,5}\s?[A-Za-z]?\s*,?\s*$/.test(voor);
    if (nummerNa || nummerVoor)
      add({ soort: 'adres', tekst: `een postcode met huisnummer (${m[1]} ${m[2]!.toUpperCase()})` });
  }
  // Dates.
  const vandaag = today;
  const eenJaarTerug = `${Number(vandaag.slice(0, 4)) - 1}${vandaag.slice(4)}`;
  const datum = (d: LocalDate | null, index: number, raw: string) => {
    if (!d || d > vandaag) return;
    const context = text.slice(Math.max(0, index - 20), index);
    if (GEBOORTE_CONTEXT.test(context) || d < eenJaarTerug)
      add({ soort: 'geboortedatum', tekst: `een geboortedatum (${raw.trim()})` });
  };
  for (const m of text.matchAll(/(?<![\d])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])/g))
    datum(echteDatum(+m[3]!, +m[2]!, +m[1]!), m.index!, m[0]);
  for (const m of text.matchAll(/(?<![\d])(\d{4})-(\d{2})-(\d{2})(?![\d])/g))
    datum(echteDatum(+m[1]!, +m[2]!, +m[3]!), m.index!, m[0]);
  for (const m of text.matchAll(/(?<![\d])(\d{4})(\d{2})(\d{2})(?![\d])/g))
    datum(echteDatum(+m[1]!, +m[2]!, +m[3]!), m.index!, m[0]);
  const maanden = [...MAANDNAMEN, ...MAAND_AFK].join('|');
  for (const m of text.matchAll(new RegExp(`(?<![\\d])(\\d{1,2})\\s+(${maanden})\\.?\\s+(\\d{4})(?![\\d])`, 'gi'))) {
    const naam = m[2]!.toLowerCase();
    const maand = MAANDNAMEN.indexOf(naam) + 1 || MAAND_AFK.indexOf(naam) + 1;
    datum(echteDatum(+m[3]!, maand, +m[1]!), m.index!, m[0]);
  }
  return out;
}

export const ADVIESVRAAG_GEEN_IDENTIFICATIE =
  'een adviesvraag bevat geen gegevens waarmee personen te herkennen zijn; registreer een melding als dat nodig is';

function opsomming(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} en ${xs[xs.length - 1]}`;
}

/** Field errors for identifying data in the free-text fields of an adviesvraag (lenient input). */
export function adviesvraagIdentificatieFouten(
  a: unknown,
  today: LocalDate,
  velden: string[] = ['vraag', 'advies'],
): IntakeRegelFout[] {
  const o = (a && typeof a === 'object' ? a : {}) as Record<string, unknown>;
  const out: IntakeRegelFout[] = [];
  const label: Record<string, string> = { vraag: 'De vraag', advies: 'Het advies' };
  for (const f of velden) {
    const v = o[f];
    if (typeof v !== 'string') continue;
    const found = identificerendeGegevens(v, today);
    if (found.length) {
      out.push({
        field: f,
        rule: 'geen_identificerende_gegevens',
        message: `${label[f] ?? f} bevat ${opsomming(found.map((g) => g.tekst))}: ${ADVIESVRAAG_GEEN_IDENTIFICATIE}`,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Moment of receipt as Amsterdam date and time
// ---------------------------------------------------------------------------------------------

const hmFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 'HH:MM' of an instant in Amsterdam. */
export function amsterdamTijd(instant: Date): string {
  return hmFormatter.format(instant);
}

/** An instant's Amsterdam date as 'dd-mm-jjjj' and time as 'uu:mm' (the intake form's fields). */
export function amsterdamDatumTijd(instant: Date): { datum: string; tijd: string } {
  const d = toLocalDate(instant);
  return { datum: `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`, tijd: amsterdamTijd(instant) };
}

/**
 * A date as a user types it → LocalDate ('JJJJ-MM-DD'), or null when it is no real date. Accepted:
 * dd-mm-jjjj as the app shows dates (also d-m-jjjj, and / or . or a space between), JJJJ-MM-DD, and
 * eight digits (jjjjmmdd as the intake asks for a birth date, or ddmmjjjj). Years 1900–2199.
 */
export function parseDatumInvoer(s: string): LocalDate | null {
  const t = (s ?? '').trim();
  let m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(t);
  if (m) return echteDatum(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return echteDatum(+m[1]!, +m[2]!, +m[3]!);
  if (/^\d{8}$/.test(t))
    return (
      echteDatum(+t.slice(0, 4), +t.slice(4, 6), +t.slice(6, 8)) ??
      echteDatum(+t.slice(4, 8), +t.slice(2, 4), +t.slice(0, 2))
    );
  return null;
}

/** 'uu:mm' (also 'u:mm', 'uu.mm') → minutes after midnight, or null. */
export function parseTijdInvoer(s: string): number | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec((s ?? '').trim());
  if (!m) return null;
  const h = +m[1]!;
  const min = +m[2]!;
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** The instant of an Amsterdam wall-clock date and time (summer and winter time handled). */
export function amsterdamMoment(datum: LocalDate, minuten: number): Date {
  const guess = new Date(startOfLocalDay(datum).getTime() + minuten * 60_000);
  // Across a DST change on that day, the guess is an hour off: correct by the wall-clock difference.
  const [h, m] = amsterdamTijd(guess).split(':').map(Number) as [number, number];
  const got = (toLocalDate(guess) === datum ? 0 : toLocalDate(guess) > datum ? 24 * 60 : -24 * 60) + h * 60 + m;
  return new Date(guess.getTime() + (minuten - got) * 60_000);
}

// ---------------------------------------------------------------------------------------------
// The relation of a betrokkene to the household
// ---------------------------------------------------------------------------------------------

/** A betrokkene as the household-role rule sees it. */
export interface BetrokkeneVoorHuishouden {
  /** Code of list betrokkene_rol: slachtoffer, pleger, kind, getuige, overig. */
  rol: string;
  /** Code of list huishouden_rol chosen at intake, if any: it is kept. */
  huishoudenRol?: string | null;
  /** Under 18 on the day of receipt (isMinderjarigOp); null when the date of birth is unknown. */
  minderjarig: boolean | null;
}

/**
 * The role in the household (list huishouden_rol) of each betrokkene, when none was chosen at
 * intake (the household diagram shows it):
 * - a child (rol 'kind') or a minor in any rol: 'kind';
 * - an adult slachtoffer or vermoedelijke pleger: 'ouder_verzorger' when the household has
 *   children (a kind or minor in the melding, or a minor already in the household); otherwise
 *   'partner' when the melding is about (ex-)partnergeweld or names both an adult slachtoffer and
 *   an adult pleger; 'overig' for ouderenmishandeling (an adult child or carer) or a lone adult;
 *   for geweld tegen ouders the slachtoffer is 'ouder_verzorger' and the (adult) pleger 'overig';
 * - a getuige or overig adult: 'overig'.
 */
export function huishoudenRollen(
  betrokkenen: BetrokkeneVoorHuishouden[],
  ctx: { aanleiding: string[]; minderjarigInHuishouden: boolean },
): string[] {
  const isKind = (b: BetrokkeneVoorHuishouden) => b.rol === 'kind' || b.minderjarig === true;
  const volwassenen = betrokkenen.filter((b) => !isKind(b));
  const metKinderen = ctx.minderjarigInHuishouden || betrokkenen.some(isKind);
  const ouderen = ctx.aanleiding.includes('ouderenmishandeling');
  const partners =
    ctx.aanleiding.includes('partnergeweld') ||
    (volwassenen.some((b) => b.rol === 'slachtoffer') && volwassenen.some((b) => b.rol === 'pleger'));
  return betrokkenen.map((b) => {
    if (b.huishoudenRol) return b.huishoudenRol;
    if (isKind(b)) return 'kind';
    if (b.rol !== 'slachtoffer' && b.rol !== 'pleger') return 'overig';
    if (ouderen) return 'overig';
    if (ctx.aanleiding.includes('geweld_tegen_ouders')) return b.rol === 'slachtoffer' ? 'ouder_verzorger' : 'overig';
    if (metKinderen) return 'ouder_verzorger';
    return partners ? 'partner' : 'overig';
  });
}
