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
} from '@voordeur/domain';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { HttpError, notFound, ValidationError } from '../http/errors.ts';
import { addMonths } from './config.ts';
import { redactor } from './redact.ts';
import { casussenVanPersoon, destroyPersoon, identifyingForms, persoonIdsRows, scrubText, VERWIJDERD, type DestroyResult } from './vernietiging.ts';

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
const dag = (d: unknown) => (d ? (typeof d === 'string' ? d.slice(0, 10) : toLocalDate(d as Date)) : null);

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
  const p = (await sql<any>`select id, bsn, voornamen, tussenvoegsel, achternaam, geboortedatum, geslacht from persoon where id = ${id}`.execute(db)).rows[0];
  if (p) return { ...p, bsn: open(p.bsn, 'persoon.bsn') };
  const t = (await sql<any>`select vernietigd_op from persoon_vernietigd where persoon_id = ${id}`.execute(db)).rows[0];
  if (t) throw new HttpError(410, 'vernietigd', `De gegevens van persoon ${id} zijn vernietigd op ${toLocalDate(t.vernietigd_op)}`);
  throw notFound('Persoon');
}

/** Tombstone of a destroyed person, if any. */
export async function tombstone(db: Db, id: number): Promise<PersoonVernietigd | null> {
  const t = (await sql<any>`select * from persoon_vernietigd where persoon_id = ${id}`.execute(db)).rows[0];
  return t ? { persoonId: t.persoon_id, vernietigdOp: iso(t.vernietigd_op)!, door: t.door, grond: t.grond, verzoekId: t.verzoek_id, casusId: t.casus_id } : null;
}

// ---------------------------------------------------------------------------- inzage / afschrift

export const INZAGE_WEIGERINGSGRONDEN = ['kind_jonger_dan_12', 'niet_in_staat_tot_redelijke_waardering', 'bescherming_ander', 'verzoeker_niet_bevoegd'] as const;
export const WEIGERINGSGROND_LABEL: Record<(typeof INZAGE_WEIGERINGSGRONDEN)[number], string> = {
  kind_jonger_dan_12: 'De betrokkene is jonger dan 12 jaar (Wmo 2015 art. 5.3.2)',
  niet_in_staat_tot_redelijke_waardering: 'De betrokkene is niet in staat tot een redelijke waardering van zijn belangen (Wmo 2015 art. 5.3.2)',
  bescherming_ander: 'Weigering is nodig ter bescherming van de persoonlijke levenssfeer van een ander (Wmo 2015 art. 5.3.2)',
  verzoeker_niet_bevoegd: 'De verzoeker is niet bevoegd namens de betrokkene (bijv. ouder van een kind van 16 jaar of ouder)',
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
  verzoekerNaam: z.string().trim().max(200, 'Maximaal 200 tekens').optional().nullable().describe('naam van de verzoeker als die niet de betrokkene is'),
  ontvangenOp: datumSchema.describe('dag van ontvangst van het verzoek'),
  toelichting: z.string().trim().max(2000, 'Maximaal 2000 tekens').optional().nullable(),
});

export const inzagebesluitInputSchema = z.object({
  besluit: z.enum(['toegewezen', 'deels_toegewezen', 'afgewezen'], { message: 'Kies toegewezen, deels toegewezen of afgewezen' }),
  weigeringsgronden: z.array(z.enum(INZAGE_WEIGERINGSGRONDEN, { message: 'Onbekende weigeringsgrond' })).default([]),
  motivering: z.string().trim().max(5000, 'Maximaal 5000 tekens').optional().nullable(),
});

function toInzageverzoek(r: any, now: Date): Inzageverzoek {
  const uiterlijk = addMonths(dag(r.ontvangen_op)!, 1);
  return {
    id: r.id,
    persoonId: r.persoon_id,
    soort: r.soort as 'inzage' | 'afschrift',
    verzoekerRelatie: r.verzoeker_relatie,
    verzoekerNaam: r.verzoeker_naam,
    ontvangenOp: dag(r.ontvangen_op)!,
    // AVG art. 12 lid 3: answer within one month (extendable by two with notice).
    uiterlijkOp: uiterlijk,
    dagenResterend: r.besluit ? null : daysBetween(toLocalDate(now), uiterlijk),
    toelichting: r.toelichting,
    signalen: ((r.signalen ?? []) as string[]).map((s) => ({ code: s, label: SIGNAAL_LABEL[s] ?? s })),
    geregistreerdOp: iso(r.geregistreerd_op)!,
    geregistreerdDoor: r.geregistreerd_door ? { id: r.geregistreerd_door, naam: r.geregistreerd_naam } : null,
    besluit: r.besluit as 'toegewezen' | 'deels_toegewezen' | 'afgewezen' | null,
    weigeringsgronden: ((r.weigeringsgronden ?? []) as string[]).map((g) => ({ code: g, label: WEIGERINGSGROND_LABEL[g as 'bescherming_ander'] ?? g })),
    motivering: r.motivering,
    beslotenOp: iso(r.besloten_op),
    beslotenDoor: r.besloten_door ? { id: r.besloten_door, naam: r.besloten_naam } : null,
    verstrektOp: iso(r.verstrekt_op),
    status: r.besluit ? 'besloten' : 'open',
  };
}

const INZAGE_SELECT = sql`select v.*, g.naam as geregistreerd_naam, b.naam as besloten_naam from inzageverzoek v
  left join gebruiker g on g.id = v.geregistreerd_door left join gebruiker b on b.id = v.besloten_door`;

async function signalenVoor(db: Db, p: PersoonBasis, relatie: string, ontvangenOp: string): Promise<string[]> {
  const s: string[] = [];
  const age = p.geboortedatum ? leeftijdOp(p.geboortedatum, ontvangenOp) : null;
  if (!p.geboortedatum) s.push('leeftijd_onbekend');
  else if (age !== null && age < 12 && relatie === 'betrokkene') s.push('kind_jonger_dan_12');
  else if (age !== null && age >= 16 && relatie === 'wettelijk_vertegenwoordiger') s.push('ouder_van_kind_16_plus');
  const anderen = await sql`
    select 1 from melding_betrokkene a join melding_betrokkene b on b.melding_id = a.melding_id and b.persoon_id <> a.persoon_id where a.persoon_id = ${p.id}
    union all select 1 from huishouden_lid a join huishouden_lid b on b.huishouden_id = a.huishouden_id and b.persoon_id <> a.persoon_id where a.persoon_id = ${p.id} limit 1`.execute(db);
  if (anderen.rows.length) s.push('gegevens_van_anderen');
  const beschermd = await sql`
    select 1 from melding_betrokkene mb join melder md on md.melding_id = mb.melding_id
    where mb.persoon_id = ${p.id} and coalesce(md.naam, md.organisatie, md.functie, md.telefoon, md.email) is not null
      and not coalesce((select o.openbaar from melder_openbaarheid o where o.melding_id = mb.melding_id order by o.id desc limit 1), false) limit 1`.execute(db);
  if (beschermd.rows.length) s.push('melder_beschermd');
  return s;
}

function notInFuture(d: string, now: Date, field: string) {
  if (d > toLocalDate(now)) throw new ValidationError([{ field, rule: 'niet_in_toekomst', message: 'Deze datum ligt in de toekomst' }]);
}

export async function createInzageverzoek(db: Db, persoonId: number, input: z.infer<typeof inzageverzoekInputSchema>, userId: number, now: Date) {
  const p = await persoonOf(db, persoonId);
  notInFuture(input.ontvangenOp, now, 'ontvangenOp');
  if (input.verzoekerRelatie !== 'betrokkene' && !input.verzoekerNaam) {
    throw new ValidationError([{ field: 'verzoekerNaam', rule: 'verplicht', message: 'Vul de naam in van wie namens de betrokkene vraagt' }]);
  }
  const signalen = await signalenVoor(db, p, input.verzoekerRelatie, input.ontvangenOp);
  const r = await sql<{ id: number }>`
    insert into inzageverzoek (persoon_id, soort, verzoeker_relatie, verzoeker_naam, ontvangen_op, toelichting, signalen, geregistreerd_door, geregistreerd_op)
    values (${persoonId}, ${input.soort}, ${input.verzoekerRelatie}, ${input.verzoekerNaam ?? null}, ${input.ontvangenOp}, ${input.toelichting ?? null}, ${signalen}, ${userId}, ${now.toISOString()})
    returning id`.execute(db);
  return getInzageverzoek(db, r.rows[0]!.id, now);
}

export async function getInzageverzoek(db: Db, id: number, now: Date): Promise<Inzageverzoek> {
  const r = (await sql<any>`${INZAGE_SELECT} where v.id = ${id}`.execute(db)).rows[0];
  if (!r) throw notFound('Inzageverzoek');
  return toInzageverzoek(r, now);
}

export async function inzageverzoekenVan(db: Db, persoonId: number, now: Date): Promise<Inzageverzoek[]> {
  const r = await sql<any>`${INZAGE_SELECT} where v.persoon_id = ${persoonId} order by v.id`.execute(db);
  return r.rows.map((x) => toInzageverzoek(x, now));
}

export async function beslisInzageverzoek(db: Db, id: number, input: z.infer<typeof inzagebesluitInputSchema>, userId: number, now: Date) {
  const v = await getInzageverzoek(db, id, now);
  if (v.besluit) throw new HttpError(409, 'al_besloten', 'Over dit verzoek is al besloten');
  const errors = [];
  const motivering = input.motivering ?? '';
  if (input.besluit === 'toegewezen' && input.weigeringsgronden.length) errors.push({ field: 'weigeringsgronden', rule: 'toegewezen', message: 'Een toegewezen verzoek heeft geen weigeringsgrond' });
  if (input.besluit !== 'toegewezen' && input.weigeringsgronden.length === 0) errors.push({ field: 'weigeringsgronden', rule: 'verplicht', message: 'Noem de weigeringsgrond(en) van Wmo 2015 art. 5.3.2' });
  if (input.besluit !== 'toegewezen' && motivering.length < 10) errors.push({ field: 'motivering', rule: 'verplicht', message: 'Motiveer de (gedeeltelijke) weigering (minimaal 10 tekens)' });
  const zwaar = v.signalen.filter((s) => s.code === 'kind_jonger_dan_12' || s.code === 'ouder_van_kind_16_plus');
  if (input.besluit === 'toegewezen' && zwaar.length && motivering.length < 10) {
    errors.push({ field: 'motivering', rule: 'signaal', message: `Motiveer waarom het verzoek toch wordt toegewezen: ${zwaar.map((s) => s.label).join('; ')}` });
  }
  if (errors.length) throw new ValidationError(errors);
  await sql`update inzageverzoek set besluit = ${input.besluit}, weigeringsgronden = ${input.weigeringsgronden}, motivering = ${motivering || null},
            besloten_door = ${userId}, besloten_op = ${now.toISOString()} where id = ${id} and besluit is null`.execute(db);
  return getInzageverzoek(db, id, now);
}

export async function markeerVerstrekt(db: Db, id: number, userId: number, now: Date) {
  await sql`update inzageverzoek set verstrekt_op = ${now.toISOString()}, verstrekt_door = ${userId} where id = ${id}`.execute(db);
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
    reden: z.string().trim().min(10, 'Minimaal 10 tekens').max(2000, 'Maximaal 2000 tekens').describe('waarom: bijv. verzoek van betrokkene d.d., uittreksel BRP'),
  })
  .refine((b) => Object.keys(b.wijzigingen).length > 0, { message: 'Geef minstens één veld om te corrigeren', path: ['wijzigingen'] });

export async function correcties(db: Db, persoonId: number): Promise<Correctie[]> {
  const r = await sql<any>`select c.*, g.naam from persoon_correctie c join gebruiker g on g.id = c.door where c.persoon_id = ${persoonId} order by c.id`.execute(db);
  const v = (c: any, x: string | null) => (c.veld === 'bsn' ? open(x, 'persoon_correctie.bsn') : x);
  return r.rows.map((c: any) => ({ id: c.id, veld: c.veld, oudeWaarde: v(c, c.oude_waarde), nieuweWaarde: v(c, c.nieuwe_waarde), reden: c.reden, door: { id: c.door, naam: c.naam }, op: iso(c.op)! }));
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
export async function corrigeerPersoon(db: Db, persoonId: number, input: z.infer<typeof correctieInputSchema>, userId: number, now: Date) {
  return db.transaction().execute(async (tx) => {
    const row = (await sql<any>`select id, bsn, voornamen, tussenvoegsel, achternaam, geboortedatum, geslacht from persoon where id = ${persoonId} for update`.execute(tx)).rows[0];
    if (!row) await persoonOf(tx, persoonId);
    const p = { ...row, bsn: open(row.bsn, 'persoon.bsn') };
    const next: PersoonBasis = { ...p };
    const changed: Array<[Corrigeerbaar, string | null, string | null]> = [];
    for (const f of CORRIGEERBAAR) {
      if (!(f in input.wijzigingen)) continue;
      const raw = (input.wijzigingen as Record<string, string | null | undefined>)[f];
      const val = raw === undefined || raw === '' ? null : raw;
      if ((p[f] ?? null) === val) continue;
      changed.push([f, p[f] ?? null, val]);
      (next as any)[f] = val;
    }
    if (changed.length === 0) throw new ValidationError([{ field: 'wijzigingen', rule: 'geen_wijziging', message: 'De nieuwe waarden zijn gelijk aan de huidige' }]);
    if (!next.bsn && !next.geboortedatum) throw new ValidationError([{ field: 'wijzigingen.geboortedatum', rule: 'regel', message: 'Zonder BSN is de geboortedatum verplicht (Wmo art. 5.2.9)' }]);
    if (next.bsn && next.bsn !== p.bsn) {
      const dup = await sql`select id from persoon where bsn_hash = ${blindIndex(next.bsn, 'persoon.bsn')} and id <> ${persoonId}`.execute(tx);
      if (dup.rows.length) throw new HttpError(409, 'bsn_bestaat', 'Dit BSN hoort al bij een andere persoon; voeg de personen samen in plaats van te corrigeren');
    }
    await sql`update persoon set bsn = ${seal(next.bsn, 'persoon.bsn')}, bsn_hash = ${next.bsn ? blindIndex(next.bsn, 'persoon.bsn') : null}, voornamen = ${next.voornamen}, tussenvoegsel = ${next.tussenvoegsel}, achternaam = ${next.achternaam},
              geboortedatum = ${next.geboortedatum}, geslacht = ${next.geslacht}, zoeknaam = ${zoekNaam(next)} where id = ${persoonId}`.execute(tx);
    for (const [veld, oud, nieuw] of changed) {
      await sql`insert into persoon_correctie (persoon_id, veld, oude_waarde, nieuwe_waarde, reden, door, op)
                values (${persoonId}, ${veld}, ${veld === 'bsn' ? seal(oud, 'persoon_correctie.bsn') : oud}, ${veld === 'bsn' ? seal(nieuw, 'persoon_correctie.bsn') : nieuw}, ${input.reden}, ${userId}, ${now.toISOString()})`.execute(tx);
    }
    return { persoon: persoonOut(next), gewijzigd: changed.map(([veld]) => veld), correcties: await correcties(tx, persoonId) };
  });
}

// ---------------------------------------------------------------------------- destruction on request

export const VERNIETIGING_WEIGERINGSGRONDEN = ['aanmerkelijk_belang_ander', 'wettelijk_voorschrift'] as const;
export const VERNIETIGING_GROND_LABEL: Record<(typeof VERNIETIGING_WEIGERINGSGRONDEN)[number], string> = {
  aanmerkelijk_belang_ander: 'Bewaring is van aanmerkelijk belang voor een ander dan de verzoeker (Wmo 2015 art. 5.3.5)',
  wettelijk_voorschrift: 'Een wettelijk voorschrift verzet zich tegen vernietiging (Wmo 2015 art. 5.3.5)',
};

export const vernietigingsverzoekInputSchema = z.object({
  verzoekerRelatie: z.enum(VERZOEKER_RELATIES, { message: 'Kies wie het verzoek doet' }),
  verzoekerNaam: z.string().trim().max(200, 'Maximaal 200 tekens').optional().nullable(),
  ontvangenOp: datumSchema.describe('dag van ontvangst van het schriftelijke verzoek: start van de termijn van 3 maanden'),
  toelichting: z.string().trim().max(2000, 'Maximaal 2000 tekens').optional().nullable(),
});

export const vernietigingsbesluitInputSchema = z.object({
  besluit: z.enum(['toegewezen', 'afgewezen'], { message: 'Kies toegewezen of afgewezen' }),
  weigeringsgrond: z.enum(VERNIETIGING_WEIGERINGSGRONDEN, { message: 'Kies een weigeringsgrond' }).optional().nullable(),
  motivering: z.string().trim().max(5000, 'Maximaal 5000 tekens').optional().nullable(),
  melderMeldingIds: z.array(z.number().int().positive()).default([]).describe('meldingen waarvan deze persoon de melder was: hun melderregel wordt ook vernietigd'),
});

export const uitvoerenInputSchema = z.object({
  bevestigPersoonId: z.number().int().positive().describe('ter bevestiging: het id van de persoon wiens gegevens worden vernietigd'),
});

function toVernietigingsverzoek(r: any, now: Date): Vernietigingsverzoek {
  const afgehandeld = !!r.uitgevoerd_op || r.besluit === 'afgewezen';
  const dagen = daysBetween(toLocalDate(now), dag(r.uiterlijk_op)!);
  return {
    id: r.id,
    persoonId: r.persoon_id,
    verzoekerRelatie: r.verzoeker_relatie,
    verzoekerNaam: r.verzoeker_naam,
    ontvangenOp: dag(r.ontvangen_op)!,
    toelichting: r.toelichting,
    termijn: {
      uiterlijkOp: dag(r.uiterlijk_op)!,
      dagenResterend: afgehandeld ? null : dagen,
      status: afgehandeld ? 'afgehandeld' : dagen < 0 ? 'verlopen' : dagen <= 14 ? 'bijna' : 'lopend',
    },
    geregistreerdOp: iso(r.geregistreerd_op)!,
    geregistreerdDoor: r.geregistreerd_door ? { id: r.geregistreerd_door, naam: r.geregistreerd_naam } : null,
    besluit: r.besluit as 'toegewezen' | 'afgewezen' | null,
    weigeringsgrond: r.weigeringsgrond ? { code: r.weigeringsgrond, label: VERNIETIGING_GROND_LABEL[r.weigeringsgrond as 'wettelijk_voorschrift'] } : null,
    motivering: r.motivering,
    melderMeldingIds: r.melder_melding_ids ?? [],
    beslotenOp: iso(r.besloten_op),
    beslotenDoor: r.besloten_door ? { id: r.besloten_door, naam: r.besloten_naam } : null,
    uitgevoerdOp: iso(r.uitgevoerd_op),
    uitgevoerdDoor: r.uitgevoerd_door ? { id: r.uitgevoerd_door, naam: r.uitgevoerd_naam } : null,
    status: r.uitgevoerd_op ? 'uitgevoerd' : r.besluit === 'afgewezen' ? 'afgewezen' : r.besluit === 'toegewezen' ? 'toegewezen' : 'open',
  };
}

const VV_SELECT = sql`select v.*, g.naam as geregistreerd_naam, b.naam as besloten_naam, u.naam as uitgevoerd_naam from vernietigingsverzoek v
  left join gebruiker g on g.id = v.geregistreerd_door left join gebruiker b on b.id = v.besloten_door left join gebruiker u on u.id = v.uitgevoerd_door`;

export async function createVernietigingsverzoek(db: Db, persoonId: number, input: z.infer<typeof vernietigingsverzoekInputSchema>, userId: number, now: Date) {
  await persoonOf(db, persoonId);
  notInFuture(input.ontvangenOp, now, 'ontvangenOp');
  if (input.verzoekerRelatie !== 'betrokkene' && !input.verzoekerNaam) {
    throw new ValidationError([{ field: 'verzoekerNaam', rule: 'verplicht', message: 'Vul de naam in van wie namens de betrokkene vraagt' }]);
  }
  const r = await sql<{ id: number }>`
    insert into vernietigingsverzoek (persoon_id, verzoeker_relatie, verzoeker_naam, ontvangen_op, uiterlijk_op, toelichting, geregistreerd_door, geregistreerd_op)
    values (${persoonId}, ${input.verzoekerRelatie}, ${input.verzoekerNaam ?? null}, ${input.ontvangenOp}, ${addMonths(input.ontvangenOp, 3)}, ${input.toelichting ?? null}, ${userId}, ${now.toISOString()})
    returning id`.execute(db);
  return getVernietigingsverzoek(db, r.rows[0]!.id, now);
}

export async function getVernietigingsverzoek(db: Db, id: number, now: Date): Promise<Vernietigingsverzoek> {
  const r = (await sql<any>`${VV_SELECT} where v.id = ${id}`.execute(db)).rows[0];
  if (!r) throw notFound('Vernietigingsverzoek');
  return toVernietigingsverzoek(r, now);
}

export async function vernietigingsverzoekenVan(db: Db, persoonId: number, now: Date) {
  const r = await sql<any>`${VV_SELECT} where v.persoon_id = ${persoonId} order by v.id`.execute(db);
  return r.rows.map((x) => toVernietigingsverzoek(x, now));
}

/**
 * Where the person's data is (before execution): links, requests, casussen (with legal holds),
 * melder rows that carry their name, and free-text fields naming them in full or by BSN. Other
 * mentions (first name only, nicknames, "de moeder") are not found: the officer checks the casussen.
 */
export async function vindplaatsen(db: Db, persoonId: number) {
  const p = await persoonOf(db, persoonId);
  const n = async (q: ReturnType<typeof sql>) => (await q.execute(db)).rows.length;
  const forms = identifyingForms(p);
  const matchesName = redactor({ names: forms.names });
  // Melder names are encrypted: candidates by the keyed hashes of the surname's words, then the
  // decrypted name is checked like every other text.
  const woorden = nameWordIndexes(p.achternaam);
  const melders = woorden.length
    ? (await sql<any>`select md.melding_id, m.nummer, md.naam from melder md join melding m on m.id = md.melding_id where md.naam_zoek && ${woorden}::text[]`.execute(db)).rows.map((x: any) => ({ ...x, naam: open(x.naam, 'melder.naam') }))
    : [];
  return {
    huishoudens: await n(sql`select 1 from huishouden_lid where persoon_id = ${persoonId}`),
    meldingen: await n(sql`select 1 from melding_betrokkene where persoon_id = ${persoonId}`),
    informering: await n(sql`select 1 from informering where persoon_id = ${persoonId}`),
    correcties: await n(sql`select 1 from persoon_correctie where persoon_id = ${persoonId}`),
    inzageverzoeken: await n(sql`select 1 from inzageverzoek where persoon_id = ${persoonId}`),
    concepten: await persoonIdsRows(db, persoonId),
    casussen: await casussenVanPersoon(db, persoonId),
    melderKandidaten: melders.filter((m: any) => matchesName(m.naam) !== m.naam).map((m: any) => ({ meldingId: m.melding_id, meldingNummer: m.nummer })),
    vrijeTekst: await scrubText(db, p, { dryRun: true }),
  };
}

export async function beslisVernietigingsverzoek(db: Db, id: number, input: z.infer<typeof vernietigingsbesluitInputSchema>, userId: number, now: Date) {
  const v = await getVernietigingsverzoek(db, id, now);
  if (v.besluit) throw new HttpError(409, 'al_besloten', 'Over dit verzoek is al besloten');
  const errors = [];
  if (input.besluit === 'afgewezen') {
    if (!input.weigeringsgrond) errors.push({ field: 'weigeringsgrond', rule: 'verplicht', message: 'Kies de grond van de weigering (aanmerkelijk belang van een ander of een wettelijk voorschrift)' });
    if ((input.motivering ?? '').length < 20) errors.push({ field: 'motivering', rule: 'verplicht', message: 'Een weigering wordt gemotiveerd (minimaal 20 tekens): wiens belang, en waarom zwaarder' });
    if (input.melderMeldingIds.length) errors.push({ field: 'melderMeldingIds', rule: 'afgewezen', message: 'Bij een afwijzing wordt niets vernietigd' });
  } else if (input.weigeringsgrond) errors.push({ field: 'weigeringsgrond', rule: 'toegewezen', message: 'Een toegewezen verzoek heeft geen weigeringsgrond' });
  if (input.melderMeldingIds.length) {
    const known = new Set((await sql<{ melding_id: number }>`select melding_id from melder where melding_id = any(${input.melderMeldingIds})`.execute(db)).rows.map((r) => r.melding_id));
    input.melderMeldingIds.forEach((m, i) => {
      if (!known.has(m)) errors.push({ field: `melderMeldingIds[${i}]`, rule: 'bestaat', message: `Melding ${m} heeft geen melderregel` });
    });
  }
  if (errors.length) throw new ValidationError(errors);
  await sql`update vernietigingsverzoek set besluit = ${input.besluit}, weigeringsgrond = ${input.weigeringsgrond ?? null}, motivering = ${input.motivering ?? null},
            melder_melding_ids = ${input.melderMeldingIds}, besloten_door = ${userId}, besloten_op = ${now.toISOString()} where id = ${id} and besluit is null`.execute(db);
  return getVernietigingsverzoek(db, id, now);
}

/** Execute a granted request: the person's data is destroyed; the tombstone and log remain. */
export async function voerVernietigingUit(db: Db, id: number, bevestigPersoonId: number, userId: number, now: Date): Promise<{ verzoek: Vernietigingsverzoek; resultaat: DestroyResult }> {
  const resultaat = await db.transaction().execute(async (tx) => {
    const v = (await sql<any>`select * from vernietigingsverzoek where id = ${id} for update`.execute(tx)).rows[0];
    if (!v) throw notFound('Vernietigingsverzoek');
    if (v.uitgevoerd_op) throw new HttpError(409, 'al_uitgevoerd', 'Dit verzoek is al uitgevoerd');
    if (v.besluit !== 'toegewezen') throw new HttpError(409, 'niet_toegewezen', v.besluit === 'afgewezen' ? 'Het verzoek is afgewezen; er wordt niets vernietigd' : 'Neem eerst een besluit over het verzoek');
    if (bevestigPersoonId !== v.persoon_id) throw new ValidationError([{ field: 'bevestigPersoonId', rule: 'bevestiging', message: 'Het bevestigde persoon-id hoort niet bij dit verzoek' }]);
    const r = await destroyPersoon(tx, v.persoon_id, { door: userId, grond: 'verzoek', verzoekId: id, melderMeldingIds: v.melder_melding_ids ?? [], now });
    await sql`update vernietigingsverzoek set uitgevoerd_op = ${now.toISOString()}, uitgevoerd_door = ${userId} where id = ${id}`.execute(tx);
    return r;
  });
  return { verzoek: await getVernietigingsverzoek(db, id, now), resultaat };
}

// ---------------------------------------------------------------------------- worklist

/** All requests (inzage/afschrift and vernietiging), open ones first by due date. */
export async function verzoekenLijst(db: Db, now: Date, opts: { alleen_open: boolean }): Promise<{ items: VerzoekRegel[]; clientIds: number[] }> {
  const inz = (await sql<any>`${INZAGE_SELECT} ${opts.alleen_open ? sql`where v.besluit is null` : sql``} order by v.id`.execute(db)).rows.map((r) => toInzageverzoek(r, now));
  const vv = (await sql<any>`${VV_SELECT} ${opts.alleen_open ? sql`where v.uitgevoerd_op is null and coalesce(v.besluit, '') <> 'afgewezen'` : sql``} order by v.id`.execute(db)).rows.map((r) => toVernietigingsverzoek(r, now));
  const ids = [...new Set([...inz.map((x) => x.persoonId), ...vv.map((x) => x.persoonId)])];
  const namen = new Map<number, string>(
    ids.length ? (await sql<any>`select id, voornamen, tussenvoegsel, achternaam from persoon where id = any(${ids})`.execute(db)).rows.map((p: any) => [p.id, volledigeNaam(p)]) : [],
  );
  const items = [
    ...inz.map((x) => ({ soort: x.soort, id: x.id, persoonId: x.persoonId, persoonNaam: namen.get(x.persoonId) ?? null, ontvangenOp: x.ontvangenOp, uiterlijkOp: x.uiterlijkOp, status: x.status, besluit: x.besluit })),
    ...vv.map((x) => ({ soort: 'vernietiging' as const, id: x.id, persoonId: x.persoonId, persoonNaam: namen.get(x.persoonId) ?? null, ontvangenOp: x.ontvangenOp, uiterlijkOp: x.termijn.uiterlijkOp, status: x.status, besluit: x.besluit })),
  ].sort((a, b) => a.uiterlijkOp!.localeCompare(b.uiterlijkOp!) || a.id - b.id);
  return { items, clientIds: ids };
}

export { VERWIJDERD };
