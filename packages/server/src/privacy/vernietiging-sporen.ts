// The traces a person leaves in free text, for destruction (vernietiging.ts) and its preview
// (rechten.ts vindplaatsen): every name the person ever had (now and before each correction),
// in full, first name + surname, "surname, first names" and initials + surname; their BSNs in any
// spacing; their date of birth in the usual Dutch forms. Pure: the caller reads the person and the
// correction history (before deleting it).
import { volledigeNaam } from '@voordeur/domain';

/** One state of the person's identifying data (the current row or the state before a correction). */
export interface PersoonStaat {
  bsn: string | null;
  voornamen: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum?: string | null;
}

/** A correction of the history: field, value before (BSN already decrypted). */
export interface CorrectieSpoor {
  veld: string;
  oude_waarde: string | null;
}

export interface Sporen {
  /** Written forms of a name that identify the person on their own (scrubbed everywhere). */
  names: string[];
  /** BSNs (current and corrected); matched in any spacing. */
  numbers: string[];
  /** Dates of birth (YYYYMMDD, current and corrected). */
  geboortedata: string[];
  /** Every surname the person had. */
  achternamen: string[];
  /** Words that tie a text to the person (first names, surnames): a date of birth in such a text is scrubbed. */
  context: string[];
  /** Case-insensitive regular expressions (PostgreSQL and JavaScript) a text must match to hold any trace. */
  prefilter: string[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The states the person has had: now, and before each correction (corrections newest first undone). */
export function staten(nu: PersoonStaat, correcties: CorrectieSpoor[]): PersoonStaat[] {
  const out = [nu];
  let s: PersoonStaat = { ...nu };
  for (const c of [...correcties].reverse()) {
    if (!['bsn', 'voornamen', 'tussenvoegsel', 'achternaam', 'geboortedatum'].includes(c.veld)) continue;
    s = { ...s, [c.veld]: c.veld === 'achternaam' ? (c.oude_waarde ?? s.achternaam) : c.oude_waarde };
    out.push(s);
  }
  return out;
}

/** Initials of first names: "Karim Ahmed" → ["K.A.", "K."]. */
function initialen(voornamen: string): string[] {
  const w = voornamen.split(/[\s-]+/).filter(Boolean);
  const alle = w.map((x) => `${x[0]!.toUpperCase()}.`).join('');
  return [...new Set([alle, `${w[0]![0]!.toUpperCase()}.`])];
}

/** The written forms of one name that identify the person on their own. */
export function naamVormen(p: Omit<PersoonStaat, 'bsn'>): string[] {
  const names = new Set<string>();
  const voornamen = (p.voornamen ?? '').trim();
  const achter = [p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
  if (!voornamen) return [];
  names.add(volledigeNaam({ voornamen, tussenvoegsel: p.tussenvoegsel, achternaam: p.achternaam }));
  names.add(`${voornamen} ${p.achternaam}`);
  names.add(`${p.achternaam}, ${voornamen}`);
  names.add(`${achter}, ${voornamen}`);
  const eerste = voornamen.split(/\s+/)[0]!;
  names.add(`${eerste} ${achter}`);
  names.add(`${eerste} ${p.achternaam}`);
  for (const i of initialen(voornamen)) {
    names.add(`${i} ${achter}`);
    names.add(`${i} ${p.achternaam}`);
    names.add(`${achter}, ${i}`);
    // "K.A. Bennani" is also written "KA Bennani" or "K A Bennani".
    const zonderPunt = i.replace(/\./g, '');
    if (zonderPunt.length > 1) names.add(`${zonderPunt} ${achter}`);
  }
  return [...names];
}

const MAANDEN = [
  'januari|jan',
  'februari|feb',
  'maart|mrt|mar',
  'april|apr',
  'mei',
  'juni|jun',
  'juli|jul',
  'augustus|aug',
  'september|sept|sep',
  'oktober|okt|oct',
  'november|nov',
  'december|dec',
];

/**
 * A date of birth (YYYYMMDD) in the usual Dutch forms: 1-2-1985, 01-02-1985, 01/02/85, 01.02.1985,
 * 1 februari 1985, 1 feb. 1985, 1985-02-01, 19850201, 01021985. No pattern for a partial date
 * (day or month 00): it identifies no one.
 */
export function datumPatroon(yyyymmdd: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m || m[2] === '00' || m[3] === '00') return null;
  const [, y, mm, dd] = m as unknown as [string, string, string, string];
  const d = String(Number(dd));
  const mo = String(Number(mm));
  const sep = '[-/. ]';
  return [
    `0?${d}${sep}0?${mo}${sep}(?:${y}|${y.slice(2)})`,
    `0?${d}(?:e)?\\s+(?:${MAANDEN[Number(mm) - 1]})\\.?\\s+${y}`,
    `${y}-0?${mo}-0?${d}`,
    `${y}${mm}${dd}`,
    `${dd}${mm}${y}`,
  ].join('|');
}

/** A BSN (or other number) with any separators between its digits. */
export function cijferPatroon(num: string): string | null {
  const d = num.replace(/\D/g, '');
  return d.length >= 6 ? d.split('').join('[-\\s.()/]*') : null;
}

/** Every trace of the person: the current state and each state before a correction. */
export function sporenVan(nu: PersoonStaat, correcties: CorrectieSpoor[]): Sporen {
  const st = staten(nu, correcties);
  const uniek = <T>(xs: Array<T | null | undefined>) => [...new Set(xs.filter((x): x is T => x != null && x !== ''))];
  const voornamen = uniek(st.map((s) => s.voornamen?.trim()));
  const tussen = [...uniek(st.map((s) => s.tussenvoegsel?.trim())), null];
  const achternamen = uniek(st.map((s) => s.achternaam.trim()));
  const names = new Set<string>();
  // Every combination: a first name corrected in one step and the surname in another still meet.
  for (const v of voornamen)
    for (const t of tussen)
      for (const a of achternamen)
        for (const n of naamVormen({ voornamen: v, tussenvoegsel: t, achternaam: a })) names.add(n);
  const numbers = uniek(st.map((s) => s.bsn));
  const geboortedata = uniek(st.map((s) => s.geboortedatum));
  const context = uniek([...voornamen.flatMap((v) => v.split(/\s+/)), ...achternamen]).filter(
    (w) => w.replace(/[^\p{L}]/gu, '').length >= 3,
  );
  const prefilter = [
    ...achternamen.filter((a) => a.length >= 3).map((a) => escapeRe(a).replace(/\s+/g, '\\s+')),
    ...numbers.map(cijferPatroon),
    ...geboortedata.map(datumPatroon),
  ].filter((x): x is string => !!x);
  return { names: [...names], numbers, geboortedata, achternamen, context, prefilter };
}

const B_START = '(?<![\\p{L}\\p{N}])';
const B_END = '(?![\\p{L}\\p{N}])';

/**
 * A function that replaces the person's traces in a text by `marker`: names and BSNs everywhere,
 * the date of birth only in a text that also names the person (a first name or surname is enough):
 * a date alone identifies no one, and the same date in another family's text is their fact.
 */
export function sporenWisser(s: Sporen, naamEnNummer: (t: string) => string, marker: string): (t: string) => string {
  const datum = s.geboortedata.map(datumPatroon).filter((x): x is string => !!x);
  const dateRe = datum.length ? new RegExp(`(?<!\\d)(?:${datum.join('|')})(?!\\d)`, 'giu') : null;
  const ctx = [...s.context.map((w) => escapeRe(w).replace(/\s+/g, '\\s+')), ...s.numbers.map(cijferPatroon)].filter(
    (x): x is string => !!x,
  );
  const ctxRe = ctx.length ? new RegExp(`${B_START}(?:${ctx.join('|')})${B_END}`, 'iu') : null;
  return (t) => {
    const out = naamEnNummer(t);
    return dateRe && ctxRe && ctxRe.test(t) ? out.replace(dateRe, marker) : out;
  };
}
