// Intake checks before anything is written: code lists, melder, gemeenten, linked persons and
// households, the ontvangstmoment, and new persons who already exist (find before create).
import { blindIndex } from '../crypto/veld.ts';
import {
  adviesvraagIdentificatieFouten,
  melderFouten,
  nietInToekomstFout,
  toLocalDate,
  volledigeNaam,
  zoekNaam,
  type MeldingInput,
} from '@voordeur/domain';
import type { Db } from '../db/index.ts';
import type { FieldError } from '../http/errors.ts';
import { checkCodes } from '../referentie/service.ts';
import * as q from './queries.ts';

/** A refused new person: the field, the rule and the existing persons the UI can offer to link. */
export interface BestaandePersoonFout extends FieldError {
  persoonIds: number[];
  kandidaten: Array<{ id: number; naam: string; geboortedatum: string | null }>;
}

// Dates of birth too vague for an "exact" match: all unknown, or unborn.
const VAGE_GEBOORTEDATUM = new Set(['00000000', '99999999']);

/**
 * New persons in a melding that already exist (find before create, also on the server):
 * - the same BSN: refused, the existing person must be linked (a BSN is one person);
 * - the same normalised name (zoeknaam) and the same date of birth, where at most one of the two
 *   has a BSN: refused unless the betrokkene says `nieuwBevestigd: true` ("toch nieuwe persoon").
 */
export async function bestaandePersonen(db: Db, m: MeldingInput): Promise<BestaandePersoonFout[]> {
  const out: BestaandePersoonFout[] = [];
  const kandidaat = (r: q.PersoonNaamRij) => ({ id: r.id, naam: volledigeNaam(r), geboortedatum: r.geboortedatum });
  for (const [i, b] of m.betrokkenen.entries()) {
    const p = b.persoon;
    if (b.persoonId || !p) continue;
    if (p.bsn) {
      const r = await q.persoonMetBsnHash(db, blindIndex(p.bsn, 'persoon.bsn'));
      if (r) {
        out.push({
          field: `betrokkenen[${i}].persoon.bsn`,
          rule: 'bsn_bestaat',
          message: `Er is al een persoon met dit BSN: ${volledigeNaam(r)} (persoon ${r.id}). Koppel die persoon in plaats van een nieuwe toe te voegen.`,
          persoonIds: [r.id],
          kandidaten: [kandidaat(r)],
        });
        continue;
      }
    }
    if (b.nieuwBevestigd || !p.geboortedatum || VAGE_GEBOORTEDATUM.has(p.geboortedatum)) continue;
    const r = await q.personenMetNaamEnGeboortedatum(db, zoekNaam(p), p.geboortedatum, !!p.bsn);
    if (r.length) {
      out.push({
        field: `betrokkenen[${i}].persoon`,
        rule: 'mogelijk_dubbel',
        message:
          `Er is al ${r.length === 1 ? 'een persoon' : `${r.length} personen`} met deze naam en geboortedatum: ` +
          r.map((x) => `${volledigeNaam(x)} (persoon ${x.id})`).join(', ') +
          '. Koppel de bestaande persoon, of bevestig dat het een andere persoon is (nieuwBevestigd).',
        persoonIds: r.map((x) => x.id),
        kandidaten: r.map(kandidaat),
      });
    }
  }
  return out;
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
