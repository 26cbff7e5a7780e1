// Rights of persons involved (Wmo 2015 art. 5.3.2–5.3.5, AVG): inzage/afschrift requests with
// their decision and grounds, correction with history, and destruction on request with a
// 3-month clock. Refusal grounds are recorded by a person who decides — the system only signals
// that a ground may apply (e.g. a child under 12), it never refuses by itself.
import { blindIndex, nameWordIndexes, open, seal } from '../crypto/veld.ts';
import {
  bsnSchema,
  datumSchema,
  daysBetween,
  geboortedatumLabel,
  geboortedatumSchema,
  GESLACHTEN,
  leeftijdOp,
  toLocalDate,
  volledigeNaam,
  zoekNaam,
  type Correctie,
  type Inzageverzoek,
  type PersoonVernietigd,
  type VerzoekRegel,
  type Vernietigingsverzoek,
  dagInToekomst,
} from '@voordeur/domain';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { HttpError, notFound, ValidationError } from '../http/errors.ts';
import { addMonths } from './config.ts';
import { redactor } from './redact.ts';
import { schrijfNaamsleutels } from '../personen/naamsleutels.ts';
import * as rq from './rechten-queries.ts';
import * as personenQ from '../personen/queries.ts';
import {
  casussenVanPersoon,
  destroyPersoon,
  persoonIdsRows,
  persoonSporen,
  scrubText,
  VERWIJDERD,
  type DestroyResult,
} from './vernietiging.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const dag = (d: Date | string | null) => (d ? (typeof d === 'string' ? d.slice(0, 10) : toLocalDate(d)) : null);

export const VERZOEKER_RELATIES = ['betrokkene', 'wettelijk_vertegenwoordiger', 'gemachtigde'] as const;
export const VERZOEKER_RELATIE_LABEL: Record<(typeof VERZOEKER_RELATIES)[number], string> = {
  betrokkene: 'de betrokkene zelf',
  wettelijk_vertegenwoordiger: 'ouder met gezag, voogd of andere wettelijk vertegenwoordiger',
  gemachtigde: 'gemachtigde (schriftelijke machtiging)',
};

// ---------------------------------------------------------------------------- persons

export interface PersoonBasis {
  id: number;
  bsn: string | null;
  voornamen: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string | null;
  geslacht: string;
}

/** The person, or 404 — 410 when their data was destroyed (the tombstone says when). */
export async function persoonOf(db: Db, id: number): Promise<PersoonBasis> {
  const p = await rq.persoonBasis(db, id);
  if (p) return { ...p, bsn: open(p.bsn, 'persoon.bsn') };
  const t = await rq.persoonVernietigd(db, id);
  if (t)
    throw new HttpError(
      410,
      'vernietigd',
      `De gegevens van persoon ${id} zijn vernietigd op ${toLocalDate(t.vernietigd_op)}`,
    );
  throw notFound('Persoon');
}

/** Tombstone of a destroyed person, if any. */
export async function tombstone(db: Db, id: number): Promise<PersoonVernietigd | null> {
  const t = await rq.persoonVernietigd(db, id);
  return t
    ? {
        persoonId: t.persoon_id,
        vernietigdOp: iso(t.vernietigd_op)!,
        door: t.door,
        grond: t.grond as PersoonVernietigd['grond'],
        verzoekId: t.verzoek_id,
        casusId: t.casus_id,
      }
    : null;
}

// ---------------------------------------------------------------------------- inzage / afschrift

export const INZAGE_WEIGERINGSGRONDEN = [
  'kind_jonger_dan_12',
  'niet_in_staat_tot_redelijke_waardering',
  'bescherming_ander',
  'verzoeker_niet_bevoegd',
] as const;
export const WEIGERINGSGROND_LABEL: Record<(typeof INZAGE_WEIGERINGSGRONDEN)[number], string> = {
  kind_jonger_dan_12: 'De betrokkene is jonger dan 12 jaar (Wmo 2015 art. 5.3.2)',
  niet_in_staat_tot_redelijke_waardering:
    'De betrokkene is niet in staat tot een redelijke waardering van zijn belangen (Wmo 2015 art. 5.3.2)',
  bescherming_ander:
    'Weigering is nodig ter bescherming van de persoonlijke levenssfeer van een ander (Wmo 2015 art. 5.3.2)',
  verzoeker_niet_bevoegd:
    'De verzoeker is niet bevoegd namens de betrokkene (bijv. ouder van een kind van 16 jaar of ouder)',
};

export const SIGNAAL_LABEL: Record<string, string> = {
  kind_jonger_dan_12: 'De betrokkene is jonger dan 12 jaar en vraagt zelf: beoordeel of een weigeringsgrond geldt',
  ouder_van_kind_16_plus: 'Een ouder/vertegenwoordiger vraagt voor een betrokkene van 16 jaar of ouder',
  leeftijd_onbekend: 'De leeftijd van de betrokkene is onbekend',
  gegevens_van_anderen: 'Het dossier bevat gegevens van andere personen (worden afgeschermd)',
  melder_beschermd: 'Het dossier bevat een melding met een beschermde melder (wordt afgeschermd)',
};

export const inzageverzoekInputSchema = z.object({
  soort: z.enum(['inzage', 'afschrift'], { message: 'Kies inzage of afschrift' }),
  verzoekerRelatie: z.enum(VERZOEKER_RELATIES, { message: 'Kies wie het verzoek doet' }),
  verzoekerNaam: z
    .string()
    .trim()
    .max(200, 'Maximaal 200 tekens')
    .optional()
    .nullable()
    .describe('naam van de verzoeker als die niet de betrokkene is'),
  ontvangenOp: datumSchema.describe('dag van ontvangst van het verzoek'),
  toelichting: z.string().trim().max(2000, 'Maximaal 2000 tekens').optional().nullable(),
});

export const inzagebesluitInputSchema = z.object({
  besluit: z.enum(['toegewezen', 'deels_toegewezen', 'afgewezen'], {
    message: 'Kies toegewezen, deels toegewezen of afgewezen',
  }),
  weigeringsgronden: z.array(z.enum(INZAGE_WEIGERINGSGRONDEN, { message: 'Onbekende weigeringsgrond' })).default([]),
  motivering: z.string().trim().max(5000, 'Maximaal 5000 tekens').optional().nullable(),
});

function toInzageverzoek(r: rq.InzageverzoekRij, now: Date): Inzageverzoek {
  const uiterlijk = addMonths(dag(r.ontvangen_op)!, 1);
  return {
    id: r.id,
    persoonId: r.persoon_id,
    soort: r.soort as 'inzage' | 'afschrift',
    verzoekerRelatie: r.verzoeker_relatie as Inzageverzoek['verzoekerRelatie'],
    verzoekerNaam: r.verzoeker_naam,
    ontvangenOp: dag(r.ontvangen_op)!,
    // AVG art. 12 lid 3: answer within one month (extendable by two with notice).
    uiterlijkOp: uiterlijk,
    dagenResterend: r.besluit ? null : daysBetween(toLocalDate(now), uiterlijk),
    toelichting: r.toelichting,
    signalen: (r.signalen ?? []).map((s) => ({ code: s, label: SIGNAAL_LABEL[s] ?? s })),
    geregistreerdOp: iso(r.geregistreerd_op)!,
    geregistreerdDoor: r.geregistreerd_door ? { id: r.geregistreerd_door, naam: r.geregistreerd_naam ?? '' } : null,
    besluit: r.besluit as 'toegewezen' | 'deels_toegewezen' | 'afgewezen' | null,
    weigeringsgronden: (r.weigeringsgronden ?? []).map((g) => ({
      code: g,
      label: WEIGERINGSGROND_LABEL[g as 'bescherming_ander'] ?? g,
    })),
    motivering: r.motivering,
    beslotenOp: iso(r.besloten_op),
    beslotenDoor: r.besloten_door ? { id: r.besloten_door, naam: r.besloten_naam ?? '' } : null,
    verstrektOp: iso(r.verstrekt_op),
    status: r.besluit ? 'besloten' : 'open',
  };
}

async function signalenVoor(db: Db, p: PersoonBasis, relatie: string, ontvangenOp: string): Promise<string[]> {
  const s: string[] = [];
  const age = p.geboortedatum ? leeftijdOp(p.geboortedatum, ontvangenOp) : null;
  if (!p.geboortedatum) s.push('leeftijd_onbekend');
  else if (age !== null && age < 12 && relatie === 'betrokkene') s.push('kind_jonger_dan_12');
  else if (age !== null && age >= 16 && relatie === 'wettelijk_vertegenwoordiger') s.push('ouder_van_kind_16_plus');
  if (await rq.deeltGegevensMetAnderen(db, p.id)) s.push('gegevens_van_anderen');
  if (await rq.heeftBeschermdeMelder(db, p.id)) s.push('melder_beschermd');
  return s;
}

function notInFuture(d: string, now: Date, field: string) {
  if (dagInToekomst(d, now))
    throw new ValidationError([{ field, rule: 'niet_in_toekomst', message: 'Deze datum ligt in de toekomst' }]);
}

export async function createInzageverzoek(
  db: Db,
  persoonId: number,
  input: z.infer<typeof inzageverzoekInputSchema>,
  userId: number,
  now: Date,
) {
  const p = await persoonOf(db, persoonId);
  notInFuture(input.ontvangenOp, now, 'ontvangenOp');
  if (input.verzoekerRelatie !== 'betrokkene' && !input.verzoekerNaam) {
    throw new ValidationError([
      { field: 'verzoekerNaam', rule: 'verplicht', message: 'Vul de naam in van wie namens de betrokkene vraagt' },
    ]);
  }
  const signalen = await signalenVoor(db, p, input.verzoekerRelatie, input.ontvangenOp);
  const id = await rq.insertInzageverzoek(db, {
    persoonId,
    soort: input.soort,
    verzoekerRelatie: input.verzoekerRelatie,
    verzoekerNaam: input.verzoekerNaam ?? null,
    ontvangenOp: input.ontvangenOp,
    toelichting: input.toelichting ?? null,
    signalen,
    door: userId,
    op: now,
  });
  return getInzageverzoek(db, id, now);
}

export async function getInzageverzoek(db: Db, id: number, now: Date): Promise<Inzageverzoek> {
  const [r] = await rq.inzageverzoeken(db, { id });
  if (!r) throw notFound('Inzageverzoek');
  return toInzageverzoek(r, now);
}

export async function inzageverzoekenVan(db: Db, persoonId: number, now: Date): Promise<Inzageverzoek[]> {
  return (await rq.inzageverzoeken(db, { persoonId })).map((x) => toInzageverzoek(x, now));
}

export async function beslisInzageverzoek(
  db: Db,
  id: number,
  input: z.infer<typeof inzagebesluitInputSchema>,
  userId: number,
  now: Date,
) {
  const v = await getInzageverzoek(db, id, now);
  if (v.besluit) throw new HttpError(409, 'al_besloten', 'Over dit verzoek is al besloten');
  const errors = [];
  const motivering = input.motivering ?? '';
  if (input.besluit === 'toegewezen' && input.weigeringsgronden.length)
    errors.push({
      field: 'weigeringsgronden',
      rule: 'toegewezen',
      message: 'Een toegewezen verzoek heeft geen weigeringsgrond',
    });
  if (input.besluit !== 'toegewezen' && input.weigeringsgronden.length === 0)
    errors.push({
      field: 'weigeringsgronden',
      rule: 'verplicht',
      message: 'Noem de weigeringsgrond(en) van Wmo 2015 art. 5.3.2',
    });
  if (input.besluit !== 'toegewezen' && motivering.length < 10)
    errors.push({
      field: 'motivering',
      rule: 'verplicht',
      message: 'Motiveer de (gedeeltelijke) weigering (minimaal 10 tekens)',
    });
  const zwaar = v.signalen.filter((s) => s.code === 'kind_jonger_dan_12' || s.code === 'ouder_van_kind_16_plus');
  if (input.besluit === 'toegewezen' && zwaar.length && motivering.length < 10) {
    errors.push({
      field: 'motivering',
      rule: 'signaal',
      message: `Motiveer waarom het verzoek toch wordt toegewezen: ${zwaar.map((s) => s.label).join('; ')}`,
    });
  }
  if (errors.length) throw new ValidationError(errors);
  await rq.beslisInzage(db, id, {
    besluit: input.besluit,
    weigeringsgronden: input.weigeringsgronden,
    motivering: motivering || null,
    door: userId,
    op: now,
  });
  return getInzageverzoek(db, id, now);
}

export async function markeerVerstrekt(db: Db, id: number, userId: number, now: Date) {
  await rq.markeerInzageVerstrekt(db, id, userId, now);
}

// ---------------------------------------------------------------------------- correction

export const CORRIGEERBAAR = ['bsn', 'voornamen', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'geslacht'] as const;
export type Corrigeerbaar = (typeof CORRIGEERBAAR)[number];

export const correctieInputSchema = z
  .object({
    wijzigingen: z
      .object({
        bsn: bsnSchema.nullable().optional(),
        voornamen: z.string().trim().max(200, 'Maximaal 200 tekens').nullable().optional(),
        tussenvoegsel: z.string().trim().max(40, 'Maximaal 40 tekens').nullable().optional(),
        achternaam: z.string().trim().min(1, 'Verplicht veld').max(200, 'Maximaal 200 tekens').optional(),
        geboortedatum: geboortedatumSchema.nullable().optional(),
        geslacht: z.enum(GESLACHTEN, { message: 'Kies V, M of O' }).optional(),
      })
      .strict(),
    reden: z
      .string()
      .trim()
      .min(10, 'Minimaal 10 tekens')
      .max(2000, 'Maximaal 2000 tekens')
      .describe('waarom: bijv. verzoek van betrokkene d.d., uittreksel BRP'),
  })
  .refine((b) => Object.keys(b.wijzigingen).length > 0, {
    message: 'Geef minstens één veld om te corrigeren',
    path: ['wijzigingen'],
  });

export async function correcties(db: Db, persoonId: number): Promise<Correctie[]> {
  const v = (c: rq.CorrectieRij, x: string | null) => (c.veld === 'bsn' ? open(x, 'persoon_correctie.bsn') : x);
  return (await rq.correctieRijen(db, persoonId)).map((c) => ({
    id: c.id,
    veld: c.veld,
    oudeWaarde: v(c, c.oude_waarde),
    nieuweWaarde: v(c, c.nieuwe_waarde),
    reden: c.reden,
    door: { id: c.door, naam: c.naam },
    op: iso(c.op)!,
  }));
}

const persoonOut = (p: PersoonBasis) => ({
  id: p.id,
  naam: volledigeNaam(p),
  bsn: p.bsn,
  voornamen: p.voornamen,
  tussenvoegsel: p.tussenvoegsel,
  achternaam: p.achternaam,
  geboortedatum: p.geboortedatum,
  geboortedatumLabel: p.geboortedatum ? geboortedatumLabel(p.geboortedatum) : null,
  geslacht: p.geslacht,
});

/** Change a person's fields; every changed field's old value is kept with the reason. */
export async function corrigeerPersoon(
  db: Db,
  persoonId: number,
  input: z.infer<typeof correctieInputSchema>,
  userId: number,
  now: Date,
) {
  return db.transaction().execute(async (tx) => {
    const row = await rq.persoonBasis(tx, persoonId, true);
    if (!row) {
      await persoonOf(tx, persoonId); // 410 for a destroyed person
      throw notFound('Persoon');
    }
    const p: PersoonBasis = { ...row, bsn: open(row.bsn, 'persoon.bsn') };
    const next: PersoonBasis = { ...p };
    const changed: Array<[Corrigeerbaar, string | null, string | null]> = [];
    for (const f of CORRIGEERBAAR) {
      if (!(f in input.wijzigingen)) continue;
      const raw = (input.wijzigingen as Record<string, string | null | undefined>)[f];
      const val = raw === undefined || raw === '' ? null : raw;
      if ((p[f] ?? null) === val) continue;
      changed.push([f, p[f] ?? null, val]);
      (next as Record<Corrigeerbaar, string | null>)[f] = val;
    }
    if (changed.length === 0)
      throw new ValidationError([
        { field: 'wijzigingen', rule: 'geen_wijziging', message: 'De nieuwe waarden zijn gelijk aan de huidige' },
      ]);
    if (!next.bsn && !next.geboortedatum)
      throw new ValidationError([
        {
          field: 'wijzigingen.geboortedatum',
          rule: 'regel',
          message: 'Zonder BSN is de geboortedatum verplicht (Wmo art. 5.2.9)',
        },
      ]);
    if (next.bsn && next.bsn !== p.bsn) {
      if (await rq.bsnBijAnderePersoon(tx, blindIndex(next.bsn, 'persoon.bsn'), persoonId))
        throw new HttpError(
          409,
          'bsn_bestaat',
          'Dit BSN hoort al bij een andere persoon; voeg de personen samen in plaats van te corrigeren',
        );
    }
    await rq.updatePersoon(tx, persoonId, {
      bsn: seal(next.bsn, 'persoon.bsn'),
      bsn_hash: next.bsn ? blindIndex(next.bsn, 'persoon.bsn') : null,
      voornamen: next.voornamen,
      tussenvoegsel: next.tussenvoegsel,
      achternaam: next.achternaam,
      geboortedatum: next.geboortedatum,
      geslacht: next.geslacht,
      zoeknaam: zoekNaam(next),
    });
    await schrijfNaamsleutels(tx, persoonId, next);
    for (const [veld, oud, nieuw] of changed) {
      await rq.insertCorrectie(tx, {
        persoon_id: persoonId,
        veld,
        oude_waarde: veld === 'bsn' ? seal(oud, 'persoon_correctie.bsn') : oud,
        nieuwe_waarde: veld === 'bsn' ? seal(nieuw, 'persoon_correctie.bsn') : nieuw,
        reden: input.reden,
        door: userId,
        op: now,
      });
    }
    return {
      persoon: persoonOut(next),
      gewijzigd: changed.map(([veld]) => veld),
      correcties: await correcties(tx, persoonId),
    };
  });
}

// ---------------------------------------------------------------------------- destruction on request

export const VERNIETIGING_WEIGERINGSGRONDEN = ['aanmerkelijk_belang_ander', 'wettelijk_voorschrift'] as const;
export const VERNIETIGING_GROND_LABEL: Record<(typeof VERNIETIGING_WEIGERINGSGRONDEN)[number], string> = {
  aanmerkelijk_belang_ander:
    'Bewaring is van aanmerkelijk belang voor een ander dan de verzoeker (Wmo 2015 art. 5.3.5)',
  wettelijk_voorschrift: 'Een wettelijk voorschrift verzet zich tegen vernietiging (Wmo 2015 art. 5.3.5)',
};

export const vernietigingsverzoekInputSchema = z.object({
  verzoekerRelatie: z.enum(VERZOEKER_RELATIES, { message: 'Kies wie het verzoek doet' }),
  verzoekerNaam: z.string().trim().max(200, 'Maximaal 200 tekens').optional().nullable(),
  ontvangenOp: datumSchema.describe(
    'dag van ontvangst van het schriftelijke verzoek: start van de termijn van 3 maanden',
  ),
  toelichting: z.string().trim().max(2000, 'Maximaal 2000 tekens').optional().nullable(),
});

export const vernietigingsbesluitInputSchema = z.object({
  besluit: z.enum(['toegewezen', 'afgewezen'], { message: 'Kies toegewezen of afgewezen' }),
  weigeringsgrond: z
    .enum(VERNIETIGING_WEIGERINGSGRONDEN, { message: 'Kies een weigeringsgrond' })
    .optional()
    .nullable(),
  motivering: z.string().trim().max(5000, 'Maximaal 5000 tekens').optional().nullable(),
  melderMeldingIds: z
    .array(z.number().int().positive().max(2_147_483_647, 'Een id is een geheel getal van 1 tot 2147483647'))
    .max(100, 'Hoogstens 100 meldingen')
    .default([])
    .describe('meldingen waarvan deze persoon de melder was: hun melderregel wordt ook vernietigd'),
});

export const uitvoerenInputSchema = z.object({
  bevestigPersoonId: z
    .number()
    .int()
    .positive()
    .describe('ter bevestiging: het id van de persoon wiens gegevens worden vernietigd'),
});

function toVernietigingsverzoek(r: rq.VernietigingsverzoekRij, now: Date): Vernietigingsverzoek {
  const afgehandeld = !!r.uitgevoerd_op || r.besluit === 'afgewezen';
  const dagen = daysBetween(toLocalDate(now), dag(r.uiterlijk_op)!);
  return {
    id: r.id,
    persoonId: r.persoon_id,
    verzoekerRelatie: r.verzoeker_relatie as Vernietigingsverzoek['verzoekerRelatie'],
    verzoekerNaam: r.verzoeker_naam,
    ontvangenOp: dag(r.ontvangen_op)!,
    toelichting: r.toelichting,
    termijn: {
      uiterlijkOp: dag(r.uiterlijk_op)!,
      dagenResterend: afgehandeld ? null : dagen,
      status: afgehandeld ? 'afgehandeld' : dagen < 0 ? 'verlopen' : dagen <= 14 ? 'bijna' : 'lopend',
    },
    geregistreerdOp: iso(r.geregistreerd_op)!,
    geregistreerdDoor: r.geregistreerd_door ? { id: r.geregistreerd_door, naam: r.geregistreerd_naam ?? '' } : null,
    besluit: r.besluit as 'toegewezen' | 'afgewezen' | null,
    weigeringsgrond: r.weigeringsgrond
      ? { code: r.weigeringsgrond, label: VERNIETIGING_GROND_LABEL[r.weigeringsgrond as 'wettelijk_voorschrift'] }
      : null,
    motivering: r.motivering,
    melderMeldingIds: r.melder_melding_ids ?? [],
    beslotenOp: iso(r.besloten_op),
    beslotenDoor: r.besloten_door ? { id: r.besloten_door, naam: r.besloten_naam ?? '' } : null,
    uitgevoerdOp: iso(r.uitgevoerd_op),
    uitgevoerdDoor: r.uitgevoerd_door ? { id: r.uitgevoerd_door, naam: r.uitgevoerd_naam ?? '' } : null,
    status: r.uitgevoerd_op
      ? 'uitgevoerd'
      : r.besluit === 'afgewezen'
        ? 'afgewezen'
        : r.besluit === 'toegewezen'
          ? 'toegewezen'
          : 'open',
  };
}

export async function createVernietigingsverzoek(
  db: Db,
  persoonId: number,
  input: z.infer<typeof vernietigingsverzoekInputSchema>,
  userId: number,
  now: Date,
) {
  await persoonOf(db, persoonId);
  notInFuture(input.ontvangenOp, now, 'ontvangenOp');
  if (input.verzoekerRelatie !== 'betrokkene' && !input.verzoekerNaam) {
    throw new ValidationError([
      { field: 'verzoekerNaam', rule: 'verplicht', message: 'Vul de naam in van wie namens de betrokkene vraagt' },
    ]);
  }
  const id = await rq.insertVernietigingsverzoek(db, {
    persoonId,
    verzoekerRelatie: input.verzoekerRelatie,
    verzoekerNaam: input.verzoekerNaam ?? null,
    ontvangenOp: input.ontvangenOp,
    uiterlijkOp: addMonths(input.ontvangenOp, 3),
    toelichting: input.toelichting ?? null,
    door: userId,
    op: now,
  });
  return getVernietigingsverzoek(db, id, now);
}

export async function getVernietigingsverzoek(db: Db, id: number, now: Date): Promise<Vernietigingsverzoek> {
  const [r] = await rq.vernietigingsverzoeken(db, { id });
  if (!r) throw notFound('Vernietigingsverzoek');
  return toVernietigingsverzoek(r, now);
}

export async function vernietigingsverzoekenVan(db: Db, persoonId: number, now: Date) {
  return (await rq.vernietigingsverzoeken(db, { persoonId })).map((x) => toVernietigingsverzoek(x, now));
}

/**
 * Where the person's data is (before execution): links, requests, casussen (with legal holds),
 * melder rows that carry their name (any name they had), and the free-text fields the destruction
 * would rewrite (the same scrub as a dry run: every earlier name, initials + surname, BSN in any
 * spacing, date of birth next to their name). Other mentions (first name only, nicknames, "de
 * moeder") are not found: the officer checks the casussen.
 */
export async function vindplaatsen(db: Db, persoonId: number) {
  const p = await persoonOf(db, persoonId);
  const sporen = await persoonSporen(db, persoonId, p);
  const matchesName = redactor({ names: sporen.names });
  // Melder names are encrypted: candidates by the keyed hashes of the surname's words, then the
  // decrypted name is checked like every other text.
  const woorden = [...new Set(sporen.achternamen.flatMap((a) => nameWordIndexes(a)))];
  const melders = woorden.length
    ? (await rq.meldersMetNaamwoord(db, woorden)).map((x) => ({ ...x, naam: open(x.naam, 'melder.naam') }))
    : [];
  return {
    ...(await rq.vindplaatsAantallen(db, persoonId)),
    concepten: await persoonIdsRows(db, persoonId),
    casussen: await casussenVanPersoon(db, persoonId),
    melderKandidaten: melders
      .filter((m) => matchesName(m.naam) !== m.naam)
      .map((m) => ({ meldingId: m.melding_id, meldingNummer: m.nummer })),
    vrijeTekst: await scrubText(db, sporen, { dryRun: true }),
  };
}

export async function beslisVernietigingsverzoek(
  db: Db,
  id: number,
  input: z.infer<typeof vernietigingsbesluitInputSchema>,
  userId: number,
  now: Date,
) {
  const v = await getVernietigingsverzoek(db, id, now);
  if (v.besluit) throw new HttpError(409, 'al_besloten', 'Over dit verzoek is al besloten');
  const errors = [];
  if (input.besluit === 'afgewezen') {
    if (!input.weigeringsgrond)
      errors.push({
        field: 'weigeringsgrond',
        rule: 'verplicht',
        message: 'Kies de grond van de weigering (aanmerkelijk belang van een ander of een wettelijk voorschrift)',
      });
    if ((input.motivering ?? '').length < 20)
      errors.push({
        field: 'motivering',
        rule: 'verplicht',
        message: 'Een weigering wordt gemotiveerd (minimaal 20 tekens): wiens belang, en waarom zwaarder',
      });
    if (input.melderMeldingIds.length)
      errors.push({
        field: 'melderMeldingIds',
        rule: 'afgewezen',
        message: 'Bij een afwijzing wordt niets vernietigd',
      });
  } else if (input.weigeringsgrond)
    errors.push({
      field: 'weigeringsgrond',
      rule: 'toegewezen',
      message: 'Een toegewezen verzoek heeft geen weigeringsgrond',
    });
  if (input.melderMeldingIds.length) {
    const known = await rq.meldingenMetMelder(db, input.melderMeldingIds);
    input.melderMeldingIds.forEach((m, i) => {
      if (!known.has(m))
        errors.push({
          field: `melderMeldingIds[${i}]`,
          rule: 'bestaat',
          message: `Melding ${m} heeft geen melderregel`,
        });
    });
  }
  if (errors.length) throw new ValidationError(errors);
  await rq.beslisVernietiging(db, id, {
    besluit: input.besluit,
    weigeringsgrond: input.weigeringsgrond ?? null,
    motivering: input.motivering ?? null,
    melderMeldingIds: input.melderMeldingIds,
    door: userId,
    op: now,
  });
  return getVernietigingsverzoek(db, id, now);
}

/** Execute a granted request: the person's data is destroyed; the tombstone and log remain. */
export async function voerVernietigingUit(
  db: Db,
  id: number,
  bevestigPersoonId: number,
  userId: number,
  now: Date,
): Promise<{ verzoek: Vernietigingsverzoek; resultaat: DestroyResult }> {
  const resultaat = await db.transaction().execute(async (tx) => {
    const v = await rq.vernietigingsverzoekVoorUpdate(tx, id);
    if (!v) throw notFound('Vernietigingsverzoek');
    if (v.uitgevoerd_op) throw new HttpError(409, 'al_uitgevoerd', 'Dit verzoek is al uitgevoerd');
    if (v.besluit !== 'toegewezen')
      throw new HttpError(
        409,
        'niet_toegewezen',
        v.besluit === 'afgewezen'
          ? 'Het verzoek is afgewezen; er wordt niets vernietigd'
          : 'Neem eerst een besluit over het verzoek',
      );
    if (bevestigPersoonId !== v.persoon_id)
      throw new ValidationError([
        {
          field: 'bevestigPersoonId',
          rule: 'bevestiging',
          message: 'Het bevestigde persoon-id hoort niet bij dit verzoek',
        },
      ]);
    const r = await destroyPersoon(tx, v.persoon_id, {
      door: userId,
      grond: 'verzoek',
      verzoekId: id,
      melderMeldingIds: v.melder_melding_ids ?? [],
      now,
    });
    await rq.markeerUitgevoerd(tx, id, userId, now);
    return r;
  });
  return { verzoek: await getVernietigingsverzoek(db, id, now), resultaat };
}

// ---------------------------------------------------------------------------- worklist

/** All requests (inzage/afschrift and vernietiging), open ones first by due date. */
export async function verzoekenLijst(
  db: Db,
  now: Date,
  opts: { alleen_open: boolean },
): Promise<{ items: VerzoekRegel[]; clientIds: number[] }> {
  const inz = (await rq.inzageverzoeken(db, { alleenOpen: opts.alleen_open })).map((r) => toInzageverzoek(r, now));
  const vv = (await rq.vernietigingsverzoeken(db, { alleenOpen: opts.alleen_open })).map((r) =>
    toVernietigingsverzoek(r, now),
  );
  const ids = [...new Set([...inz.map((x) => x.persoonId), ...vv.map((x) => x.persoonId)])];
  const namen = new Map<number, string>((await personenQ.persoonNamen(db, ids)).map((p) => [p.id, volledigeNaam(p)]));
  const items = [
    ...inz.map((x) => ({
      soort: x.soort,
      id: x.id,
      persoonId: x.persoonId,
      persoonNaam: namen.get(x.persoonId) ?? null,
      ontvangenOp: x.ontvangenOp,
      uiterlijkOp: x.uiterlijkOp,
      status: x.status,
      besluit: x.besluit,
    })),
    ...vv.map((x) => ({
      soort: 'vernietiging' as const,
      id: x.id,
      persoonId: x.persoonId,
      persoonNaam: namen.get(x.persoonId) ?? null,
      ontvangenOp: x.ontvangenOp,
      uiterlijkOp: x.termijn.uiterlijkOp,
      status: x.status,
      besluit: x.besluit,
    })),
  ].sort((a, b) => a.uiterlijkOp!.localeCompare(b.uiterlijkOp!) || a.id - b.id);
  return { items, clientIds: ids };
}

export { VERWIJDERD };
