// The SQL of contact with the household: journal entries (contact, contact_persoon), the home-visit
// protocol history and planned home visits. Journal rows are only inserted, never updated.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';

export type ContactRij = Omit<Row<'contact'>, 'professionals'> & {
  professionals: Array<{ naam?: string | null; organisatie: string; functie: string }>;
  persoon_ids: number[];
};

/** The journal of a casus, oldest first, each with the persons it was with. */
export async function contactenVanCasus(db: Db, casusId: number): Promise<ContactRij[]> {
  return (
    await sql<ContactRij>`
      select c.*, coalesce((select array_agg(cp.persoon_id order by cp.persoon_id) from contact_persoon cp where cp.contact_id = c.id), '{}') as persoon_ids
      from contact c where c.casus_id = ${casusId} order by c.begin_op, c.id`.execute(db)
  ).rows;
}

/** The journal entries of these casussen (dossier of a person). */
export async function contactenVanCasussen(db: Db, casusIds: number[]): Promise<ContactRij[]> {
  if (!casusIds.length) return [];
  return (
    await sql<ContactRij>`
      select c.*, coalesce((select array_agg(cp.persoon_id order by cp.persoon_id) from contact_persoon cp where cp.contact_id = c.id), '{}') as persoon_ids
      from contact c where c.casus_id = any(${casusIds}) order by c.begin_op, c.id`.execute(db)
  ).rows;
}

/** What a new entry is checked against: the casus's persons, meldingen and entries. */
export async function contactContextRijen(
  db: Db,
  casusId: number,
): Promise<{ bestaat: boolean; persoonIds: number[]; meldingIds: number[]; contactIds: number[] }> {
  const [c, p, m, k] = await Promise.all([
    sql<{ id: number }>`select id from casus where id = ${casusId}`.execute(db),
    sql<{ persoon_id: number }>`
      select l.persoon_id from casus c join huishouden_lid l on l.huishouden_id = c.huishouden_id where c.id = ${casusId}
      union select mb.persoon_id from melding m join melding_betrokkene mb on mb.melding_id = m.id where m.casus_id = ${casusId}`.execute(
      db,
    ),
    sql<{ id: number }>`select id from melding where casus_id = ${casusId}`.execute(db),
    sql<{ id: number }>`select id from contact where casus_id = ${casusId}`.execute(db),
  ]);
  return {
    bestaat: c.rows.length > 0,
    persoonIds: p.rows.map((x) => x.persoon_id),
    meldingIds: m.rows.map((x) => x.id),
    contactIds: k.rows.map((x) => x.id),
  };
}

/** Staff of the organisation (active only, or everyone who ever worked there). */
export async function medewerkerIds(db: Db, organisatieId: number, alleenActief: boolean): Promise<number[]> {
  return (
    await sql<{
      id: number;
    }>`select id from gebruiker where organisatie_id = ${organisatieId} and (${!alleenActief} or actief)`.execute(db)
  ).rows.map((x) => x.id);
}

export interface NieuwContact {
  casusId: number;
  meldingId: number | null;
  soort: string;
  begin: string;
  duurMinuten: number | null;
  metMelder: boolean;
  professionals: unknown[];
  medewerkerIds: number[];
  politie: boolean;
  gezegd: string | null;
  gezien: string | null;
  afgesproken: string | null;
  correctieVan: number | null;
  correctieSoort: string | null;
  huisbezoekId: number | null;
  door: number;
  op: Date;
}

export async function insertContact(tx: Db, c: NieuwContact, persoonIds: number[]): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into contact (casus_id, melding_id, soort, begin_op, duur_minuten, met_melder, professionals, medewerker_ids, politie,
                         gezegd, gezien, afgesproken, correctie_van, correctie_soort, huisbezoek_id, vastgelegd_door, vastgelegd_op)
    values (${c.casusId}, ${c.meldingId}, ${c.soort}, ${c.begin}, ${c.duurMinuten}, ${c.metMelder}, ${JSON.stringify(c.professionals)}::jsonb,
            ${c.medewerkerIds}::int[], ${c.politie}, ${c.gezegd}, ${c.gezien}, ${c.afgesproken}, ${c.correctieVan}, ${c.correctieSoort},
            ${c.huisbezoekId}, ${c.door}, ${c.op.toISOString()})
    returning id`.execute(tx);
  const id = r.rows[0]!.id;
  if (persoonIds.length)
    await sql`insert into contact_persoon (contact_id, persoon_id) select ${id}, unnest(${persoonIds}::int[])`.execute(
      tx,
    );
  return id;
}

/** Lock the casus row (entries of one casus are written one at a time). */
export async function lockCasus(tx: Db, casusId: number): Promise<boolean> {
  return (await sql`select id from casus where id = ${casusId} for update`.execute(tx)).rows.length > 0;
}

// ---------------------------------------------------------------------------- protocol

export async function protocolHistorie(db: Db, organisatieId: number): Promise<Row<'huisbezoekprotocol'>[]> {
  return (
    await sql<
      Row<'huisbezoekprotocol'>
    >`select * from huisbezoekprotocol where organisatie_id = ${organisatieId} order by ingang desc, id desc`.execute(
      db,
    )
  ).rows;
}

export async function insertProtocol(
  tx: Db,
  p: { organisatieId: number; protocol: string; ingang: string; reden: string; door: number; op: Date },
): Promise<number> {
  return (
    await sql<{
      id: number;
    }>`insert into huisbezoekprotocol (organisatie_id, protocol, ingang, reden, door, vastgelegd_op)
      values (${p.organisatieId}, ${p.protocol}, ${p.ingang}, ${p.reden}, ${p.door}, ${p.op.toISOString()}) returning id`.execute(
      tx,
    )
  ).rows[0]!.id;
}

/** Serialise protocol changes of one organisation. */
export async function lockOrganisatie(tx: Db, organisatieId: number): Promise<void> {
  await sql`select id from organisatie where id = ${organisatieId} for update`.execute(tx);
}

// ---------------------------------------------------------------------------- home visits

export type HuisbezoekRij = Omit<Row<'huisbezoek'>, 'gezondheidscheck'> & {
  gezondheidscheck: { gedaanOp: string; antwoorden: Record<string, boolean>; toelichting?: string | null };
};

export async function huisbezoekenVanCasus(db: Db, casusId: number): Promise<HuisbezoekRij[]> {
  return (
    await sql<HuisbezoekRij>`select * from huisbezoek where casus_id = ${casusId} order by gepland_op, id`.execute(db)
  ).rows;
}

export async function huisbezoekVoorUpdate(tx: Db, id: number, casusId: number): Promise<HuisbezoekRij | undefined> {
  return (
    await sql<HuisbezoekRij>`select * from huisbezoek where id = ${id} and casus_id = ${casusId} for update`.execute(tx)
  ).rows[0];
}

export async function insertHuisbezoek(
  tx: Db,
  h: {
    casusId: number;
    meldingId: number | null;
    gepland: string;
    medewerkerIds: number[];
    politie: boolean;
    protocol: string;
    reden: string | null;
    toelichting: string | null;
    gezondheidscheck: unknown;
    overrides: string[];
    status: string;
    door: number;
    op: Date;
  },
): Promise<number> {
  return (
    await sql<{ id: number }>`
      insert into huisbezoek (casus_id, melding_id, gepland_op, medewerker_ids, politie, protocol, reden, toelichting, gezondheidscheck,
                              overrides, status, aangevraagd_door, aangevraagd_op)
      values (${h.casusId}, ${h.meldingId}, ${h.gepland}, ${h.medewerkerIds}::int[], ${h.politie}, ${h.protocol}, ${h.reden}, ${h.toelichting},
              ${JSON.stringify(h.gezondheidscheck)}::jsonb, ${h.overrides}::text[], ${h.status}, ${h.door}, ${h.op.toISOString()})
      returning id`.execute(tx)
  ).rows[0]!.id;
}

export async function besluitHuisbezoek(
  tx: Db,
  b: { id: number; status: string; door: number; op: Date; toelichting: string },
): Promise<void> {
  await sql`update huisbezoek set status = ${b.status}, besloten_door = ${b.door}, besloten_op = ${b.op.toISOString()}, besluit_toelichting = ${b.toelichting}
            where id = ${b.id}`.execute(tx);
}
