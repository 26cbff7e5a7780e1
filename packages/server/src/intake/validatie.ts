// Intake checks before anything is written: code lists, melder, gemeenten, linked persons and
// households, the ontvangstmoment, and new persons who already exist (find before create).
import { blindIndex } from '../crypto/veld.ts';
import {
  adviesvraagIdentificatieFouten,
  melderFouten,
  MOGELIJK_DUBBEL_DREMPEL,
  nietInToekomstFout,
  toLocalDate,
  volledigeNaam,
  type MeldingInput,
  type PersoonInput,
} from '@voordeur/domain';
import type { Db } from '../db/index.ts';
import type { FieldError } from '../http/errors.ts';
import { zoekPersonen } from '../personen/service.ts';
import { checkCodes } from '../referentie/service.ts';
import * as q from './queries.ts';

/** A refused new person: the field, the rule and the existing persons the UI can offer to link. */
export interface BestaandePersoonFout extends FieldError {
  persoonIds: number[];
  kandidaten: Array<{
    id: number;
    naam: string;
    geboortedatum: string | null;
    score?: number;
    redenen?: string[];
  }>;
}

/** A new person confirmed as another than these likely duplicates (nieuwBevestigd): logged at registration. */
export interface BevestigdNietDubbel {
  index: number;
  kandidaten: Array<{ id: number; score: number; redenen: string[] }>;
}

/**
 * The existing persons a new person of the melding likely is: the person search (name, date of
 * birth, the melding's address) with a score at or above MOGELIJK_DUBBEL_DREMPEL. Left out: persons
 * linked in this melding, and persons with a BSN when the new one has another BSN (two BSNs are two
 * persons).
 */
async function mogelijkeDubbelen(db: Db, m: MeldingInput, p: PersoonInput, metBsn: boolean) {
  const gekoppeld = new Set(m.betrokkenen.map((b) => b.persoonId).filter(Boolean));
  const r = await zoekPersonen(
    db,
    {
      naam: volledigeNaam(p),
      geboortedatum: p.geboortedatum && !VAGE_GEBOORTEDATUM.has(p.geboortedatum) ? p.geboortedatum : undefined,
      postcode: m.huishouden?.postcode ?? undefined,
      huisnummer: m.huishouden?.huisnummer ?? undefined,
    },
    10,
  );
  return r.filter((k) => k.score >= MOGELIJK_DUBBEL_DREMPEL && !gekoppeld.has(k.id) && !(metBsn && k.bsn));
}

// Dates of birth too vague to compare: all unknown, or unborn.
const VAGE_GEBOORTEDATUM = new Set(['00000000', '99999999']);

/**
 * New persons in a melding that already exist (find before create, also on the server):
 * - the same BSN: refused, the existing person must be linked (a BSN is one person);
 * - a likely duplicate ("Bedoelt u …?"): an existing person scoring at or above
 *   MOGELIJK_DUBBEL_DREMPEL on name, date of birth and address (a name with a typo or another
 *   spelling and the same date of birth; the same name at the same address; …): refused unless the
 *   betrokkene says `nieuwBevestigd: true` ("toch nieuwe persoon"); then the confirmation is
 *   returned in `bevestigd`, to be logged with the new person.
 */
export async function bestaandePersonen(
  db: Db,
  m: MeldingInput,
): Promise<{ fouten: BestaandePersoonFout[]; bevestigd: BevestigdNietDubbel[] }> {
  const fouten: BestaandePersoonFout[] = [];
  const bevestigd: BevestigdNietDubbel[] = [];
  for (const [i, b] of m.betrokkenen.entries()) {
    const p = b.persoon;
    if (b.persoonId || !p) continue;
    if (p.bsn) {
      const r = await q.persoonMetBsnHash(db, blindIndex(p.bsn, 'persoon.bsn'));
      if (r) {
        fouten.push({
          field: `betrokkenen[${i}].persoon.bsn`,
          rule: 'bsn_bestaat',
          message: `Er is al een persoon met dit BSN: ${volledigeNaam(r)} (persoon ${r.id}). Koppel die persoon in plaats van een nieuwe toe te voegen.`,
          persoonIds: [r.id],
          kandidaten: [{ id: r.id, naam: volledigeNaam(r), geboortedatum: r.geboortedatum }],
        });
        continue;
      }
    }
    const r = await mogelijkeDubbelen(db, m, p, !!p.bsn);
    if (r.length === 0) continue;
    if (b.nieuwBevestigd) {
      bevestigd.push({ index: i, kandidaten: r.map((k) => ({ id: k.id, score: k.score, redenen: k.redenen })) });
      continue;
    }
    fouten.push({
      field: `betrokkenen[${i}].persoon`,
      rule: 'mogelijk_dubbel',
      message:
        `Bedoelt u ${r.length === 1 ? 'deze persoon' : 'een van deze personen'}? ` +
        r.map((x) => `${x.naam} (persoon ${x.id}: ${x.redenen.join(', ')})`).join('; ') +
        '. Koppel de bestaande persoon, of bevestig dat het een andere persoon is (nieuwBevestigd).',
      persoonIds: r.map((x) => x.id),
      kandidaten: r.map((x) => ({
        id: x.id,
        naam: x.naam,
        geboortedatum: x.geboortedatum,
        score: x.score,
        redenen: x.redenen,
      })),
    });
  }
  return { fouten, bevestigd };
}

type CodeCheck = Parameters<typeof checkCodes>[1][number];
// Code-list fields, read leniently so the same checks also run on a body that failed its schema
// (the 400 then names every offending field at once); malformed values are left to the schema.
const codeStr = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const codeStrs = (v: unknown) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim()) ? v.map((x: string) => x.trim()) : undefined;

/** A field of a body that may be anything (a failed schema): an object's property, else undefined. */
type RuweBody = { [k: string]: unknown } | null | undefined;
const veld = (v: unknown, k: string): unknown => (v && typeof v === 'object' ? (v as RuweBody)?.[k] : undefined);

function meldingCodeChecks(m: unknown): CodeCheck[] {
  const b = veld(m, 'betrokkenen');
  const betrokkenen: unknown[] = Array.isArray(b) ? b : [];
  return [
    ['binnenkomst', 'binnenkomst', codeStr(veld(m, 'binnenkomst'))],
    ['melder.hoedanigheid', 'hoedanigheid', codeStr(veld(veld(m, 'melder'), 'hoedanigheid'))],
    ['aanleiding', 'aanleiding', codeStrs(veld(m, 'aanleiding'))],
    ['aard', 'aard', codeStrs(veld(m, 'aard'))],
    ['signalen', 'signaal', codeStrs(veld(m, 'signalen'))],
    ...betrokkenen.flatMap((b, i): CodeCheck[] => [
      [`betrokkenen[${i}].rol`, 'betrokkene_rol', codeStr(veld(b, 'rol'))],
      [`betrokkenen[${i}].huishoudenRol`, 'huishouden_rol', codeStr(veld(b, 'huishoudenRol'))],
    ]),
  ];
}

export function adviesvraagCodeChecks(a: unknown): CodeCheck[] {
  return [
    ['hoedanigheid', 'hoedanigheid', codeStr(veld(a, 'hoedanigheid'))],
    ['aanleiding', 'aanleiding', codeStrs(veld(a, 'aanleiding'))],
    ['aard', 'aard', codeStrs(veld(a, 'aard'))],
    ['signalen', 'signaal', codeStrs(veld(a, 'signalen'))],
  ];
}

/** Code-list and melder errors of a raw melding body (route bodyCheck: runs when the schema refuses the body). */
export const meldingCodeErrors = async (db: Db, raw: unknown) => [
  ...(await checkCodes(db, meldingCodeChecks(raw))),
  ...melderFouten(veld(raw, 'melder')),
];
/** Code-list errors and identifying data of a raw adviesvraag body. */
export const adviesvraagCodeErrors = async (db: Db, raw: unknown) => [
  ...(await checkCodes(db, adviesvraagCodeChecks(raw))),
  ...adviesvraagIdentificatieFouten(raw, toLocalDate(new Date())),
];

export async function validateMelding(db: Db, m: MeldingInput, now: Date): Promise<FieldError[]> {
  const errors = await checkCodes(db, meldingCodeChecks(m));
  // Since 2019 a melder makes themselves known (name + organisation or contact).
  errors.push(...melderFouten(m.melder));
  const gm = [m.gemeenteCode, m.huishouden?.gemeenteCode].filter(Boolean) as string[];
  if (gm.length) {
    const known = await q.bekendeGemeenten(db, gm);
    if (m.gemeenteCode && !known.has(m.gemeenteCode))
      errors.push({
        field: 'gemeenteCode',
        rule: 'bestaat',
        message: `Gemeente ${m.gemeenteCode} hoort niet bij deze Veilig Thuis-regio`,
      });
    if (m.huishouden?.gemeenteCode && !known.has(m.huishouden.gemeenteCode))
      errors.push({
        field: 'huishouden.gemeenteCode',
        rule: 'bestaat',
        message: `Onbekende gemeente ${m.huishouden.gemeenteCode}`,
      });
  }
  const ids = m.betrokkenen.map((b) => b.persoonId).filter((x): x is number => !!x);
  if (ids.length) {
    const known = await q.bestaandePersoonIds(db, ids);
    m.betrokkenen.forEach((b, i) => {
      if (b.persoonId && !known.has(b.persoonId))
        errors.push({
          field: `betrokkenen[${i}].persoonId`,
          rule: 'bestaat',
          message: `Persoon ${b.persoonId} bestaat niet`,
        });
    });
    if (new Set(ids).size !== ids.length)
      errors.push({
        field: 'betrokkenen',
        rule: 'uniek',
        message: 'Dezelfde persoon staat twee keer bij de betrokkenen',
      });
  }
  const bsns = m.betrokkenen.map((b) => (b.persoonId ? null : b.persoon?.bsn)).filter((x): x is string => !!x);
  if (new Set(bsns).size !== bsns.length)
    errors.push({
      field: 'betrokkenen',
      rule: 'uniek',
      message: 'Dezelfde persoon (zelfde BSN) staat twee keer bij de betrokkenen',
    });
  if (m.huishoudenId) {
    if (!(await q.huishoudenBestaat(db, m.huishoudenId)))
      errors.push({ field: 'huishoudenId', rule: 'bestaat', message: `Huishouden ${m.huishoudenId} bestaat niet` });
  }
  const toekomst = nietInToekomstFout(
    'ontvangenOp',
    m.ontvangenOp,
    now,
    'Het ontvangstmoment (Ontvangen op) ligt in de toekomst: vul het moment in waarop de melding binnenkwam',
  );
  if (toekomst) errors.push(toekomst);
  return errors;
}
