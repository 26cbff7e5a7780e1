// The SQL of the rights of persons (rechten.ts): the person and their tombstone, inzage/afschrift
// and destruction requests with the names of who registered, decided and executed them,
// corrections, and where a person's data is.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';

export type PersoonBasisRij = Pick<
  Row<'persoon'>,
  'id' | 'bsn' | 'voornamen' | 'tussenvoegsel' | 'achternaam' | 'geboortedatum' | 'geslacht'
>;

/** The person (bsn still sealed); `voorUpdate` locks the row until the transaction ends. */
export async function persoonBasis(db: Db, id: number, voorUpdate = false): Promise<PersoonBasisRij | undefined> {
  return (
    await sql<PersoonBasisRij>`select id, bsn, voornamen, tussenvoegsel, achternaam, geboortedatum, geslacht from persoon
      where id = ${id} ${voorUpdate ? sql`for update` : sql``}`.execute(db)
  ).rows[0];
}

export async function persoonVernietigd(db: Db, id: number): Promise<Row<'persoon_vernietigd'> | undefined> {
  return (await sql<Row<'persoon_vernietigd'>>`select * from persoon_vernietigd where persoon_id = ${id}`.execute(db))
    .rows[0];
}

/** Whether the person shares a melding or a household with anyone else. */
export async function deeltGegevensMetAnderen(db: Db, persoonId: number): Promise<boolean> {
  const r = await sql`
    select 1 from melding_betrokkene a join melding_betrokkene b on b.melding_id = a.melding_id and b.persoon_id <> a.persoon_id where a.persoon_id = ${persoonId}
    union all select 1 from huishouden_lid a join huishouden_lid b on b.huishouden_id = a.huishouden_id and b.persoon_id <> a.persoon_id where a.persoon_id = ${persoonId} limit 1`.execute(
    db,
  );
  return r.rows.length > 0;
}

/** Whether a melding about the person has a melder with an identity and no decision to disclose it. */
export async function heeftBeschermdeMelder(db: Db, persoonId: number): Promise<boolean> {
  const r = await sql`
    select 1 from melding_betrokkene mb join melder md on md.melding_id = mb.melding_id
    where mb.persoon_id = ${persoonId} and coalesce(md.naam, md.organisatie, md.functie, md.telefoon, md.email) is not null
      and not coalesce((select o.openbaar from melder_openbaarheid o where o.melding_id = mb.melding_id order by o.id desc limit 1), false) limit 1`.execute(
    db,
  );
  return r.rows.length > 0;
}

// ---------------------------------------------------------------------------- inzage / afschrift

export type InzageverzoekRij = Row<'inzageverzoek'> & {
  geregistreerd_naam: string | null;
  besloten_naam: string | null;
};

const INZAGE_SELECT = sql`select v.*, g.naam as geregistreerd_naam, b.naam as besloten_naam from inzageverzoek v
  left join gebruiker g on g.id = v.geregistreerd_door left join gebruiker b on b.id = v.besloten_door`;

/** Inzageverzoeken by id, of one person, or all (only the undecided ones when `alleenOpen`), by id. */
export async function inzageverzoeken(
  db: Db,
  w: { id: number } | { persoonId: number } | { alleenOpen: boolean },
): Promise<InzageverzoekRij[]> {
  const where =
    'id' in w
      ? sql`where v.id = ${w.id}`
      : 'persoonId' in w
        ? sql`where v.persoon_id = ${w.persoonId}`
        : w.alleenOpen
          ? sql`where v.besluit is null`
          : sql``;
  return (await sql<InzageverzoekRij>`${INZAGE_SELECT} ${where} order by v.id`.execute(db)).rows;
}

export async function insertInzageverzoek(
  db: Db,
  v: {
    persoonId: number;
    soort: string;
    verzoekerRelatie: string;
    verzoekerNaam: string | null;
    ontvangenOp: string;
    toelichting: string | null;
    signalen: string[];
    door: number;
    op: Date;
  },
): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into inzageverzoek (persoon_id, soort, verzoeker_relatie, verzoeker_naam, ontvangen_op, toelichting, signalen, geregistreerd_door, geregistreerd_op)
    values (${v.persoonId}, ${v.soort}, ${v.verzoekerRelatie}, ${v.verzoekerNaam}, ${v.ontvangenOp}, ${v.toelichting}, ${v.signalen}, ${v.door}, ${v.op.toISOString()})
    returning id`.execute(db);
  return r.rows[0]!.id;
}

/** Record the decision, unless one was recorded already. */
export async function beslisInzage(
  db: Db,
  id: number,
  b: { besluit: string; weigeringsgronden: string[]; motivering: string | null; door: number; op: Date },
): Promise<void> {
  await sql`update inzageverzoek set besluit = ${b.besluit}, weigeringsgronden = ${b.weigeringsgronden}, motivering = ${b.motivering},
            besloten_door = ${b.door}, besloten_op = ${b.op.toISOString()} where id = ${id} and besluit is null`.execute(
    db,
  );
}

export async function markeerInzageVerstrekt(db: Db, id: number, door: number, op: Date): Promise<void> {
  await sql`update inzageverzoek set verstrekt_op = ${op.toISOString()}, verstrekt_door = ${door} where id = ${id}`.execute(
    db,
  );
}

// ---------------------------------------------------------------------------- correction

export type CorrectieRij = Row<'persoon_correctie'> & { naam: string };

export async function correctieRijen(db: Db, persoonId: number): Promise<CorrectieRij[]> {
  return (
    await sql<CorrectieRij>`select c.*, g.naam from persoon_correctie c join gebruiker g on g.id = c.door where c.persoon_id = ${persoonId} order by c.id`.execute(
      db,
    )
  ).rows;
}

/** Whether another person than `persoonId` has this BSN. */
export async function bsnBijAnderePersoon(db: Db, bsnHash: string, persoonId: number): Promise<boolean> {
  return (
    (await sql`select id from persoon where bsn_hash = ${bsnHash} and id <> ${persoonId}`.execute(db)).rows.length > 0
  );
}

/** The person's fields (bsn already sealed, with its blind index). */
export async function updatePersoon(
  tx: Db,
  id: number,
  p: Omit<PersoonBasisRij, 'id'> & { bsn_hash: string | null; zoeknaam: string },
): Promise<void> {
  await sql`update persoon set bsn = ${p.bsn}, bsn_hash = ${p.bsn_hash}, voornamen = ${p.voornamen}, tussenvoegsel = ${p.tussenvoegsel}, achternaam = ${p.achternaam},
            geboortedatum = ${p.geboortedatum}, geslacht = ${p.geslacht}, zoeknaam = ${p.zoeknaam} where id = ${id}`.execute(
    tx,
  );
}

export async function insertCorrectie(
  tx: Db,
  c: Pick<Row<'persoon_correctie'>, 'persoon_id' | 'veld' | 'oude_waarde' | 'nieuwe_waarde' | 'reden' | 'door' | 'op'>,
): Promise<void> {
  await sql`insert into persoon_correctie (persoon_id, veld, oude_waarde, nieuwe_waarde, reden, door, op)
            values (${c.persoon_id}, ${c.veld}, ${c.oude_waarde}, ${c.nieuwe_waarde}, ${c.reden}, ${c.door}, ${c.op.toISOString()})`.execute(
    tx,
  );
}

// ---------------------------------------------------------------------------- destruction on request

export type VernietigingsverzoekRij = Row<'vernietigingsverzoek'> & {
  geregistreerd_naam: string | null;
  besloten_naam: string | null;
  uitgevoerd_naam: string | null;
};

const VV_SELECT = sql`select v.*, g.naam as geregistreerd_naam, b.naam as besloten_naam, u.naam as uitgevoerd_naam from vernietigingsverzoek v
  left join gebruiker g on g.id = v.geregistreerd_door left join gebruiker b on b.id = v.besloten_door left join gebruiker u on u.id = v.uitgevoerd_door`;

/** Vernietigingsverzoeken by id, of one person, or all (only the pending ones when `alleenOpen`), by id. */
export async function vernietigingsverzoeken(
  db: Db,
  w: { id: number } | { persoonId: number } | { alleenOpen: boolean },
): Promise<VernietigingsverzoekRij[]> {
  const where =
    'id' in w
      ? sql`where v.id = ${w.id}`
      : 'persoonId' in w
        ? sql`where v.persoon_id = ${w.persoonId}`
        : w.alleenOpen
          ? sql`where v.uitgevoerd_op is null and coalesce(v.besluit, '') <> 'afgewezen'`
          : sql``;
  return (await sql<VernietigingsverzoekRij>`${VV_SELECT} ${where} order by v.id`.execute(db)).rows;
}

export async function insertVernietigingsverzoek(
  db: Db,
  v: {
    persoonId: number;
    verzoekerRelatie: string;
    verzoekerNaam: string | null;
    ontvangenOp: string;
    uiterlijkOp: string;
    toelichting: string | null;
    door: number;
    op: Date;
  },
): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into vernietigingsverzoek (persoon_id, verzoeker_relatie, verzoeker_naam, ontvangen_op, uiterlijk_op, toelichting, geregistreerd_door, geregistreerd_op)
    values (${v.persoonId}, ${v.verzoekerRelatie}, ${v.verzoekerNaam}, ${v.ontvangenOp}, ${v.uiterlijkOp}, ${v.toelichting}, ${v.door}, ${v.op.toISOString()})
    returning id`.execute(db);
  return r.rows[0]!.id;
}

/** Which of these meldingen have a melder row. */
export async function meldingenMetMelder(db: Db, meldingIds: number[]): Promise<Set<number>> {
  return new Set(
    (
      await sql<{ melding_id: number }>`select melding_id from melder where melding_id = any(${meldingIds})`.execute(db)
    ).rows.map((r) => r.melding_id),
  );
}

/** Record the decision, unless one was recorded already. */
export async function beslisVernietiging(
  db: Db,
  id: number,
  b: {
    besluit: string;
    weigeringsgrond: string | null;
    motivering: string | null;
    melderMeldingIds: number[];
    door: number;
    op: Date;
  },
): Promise<void> {
  await sql`update vernietigingsverzoek set besluit = ${b.besluit}, weigeringsgrond = ${b.weigeringsgrond}, motivering = ${b.motivering},
            melder_melding_ids = ${b.melderMeldingIds}, besloten_door = ${b.door}, besloten_op = ${b.op.toISOString()} where id = ${id} and besluit is null`.execute(
    db,
  );
}

export async function vernietigingsverzoekVoorUpdate(
  tx: Db,
  id: number,
): Promise<Row<'vernietigingsverzoek'> | undefined> {
  return (
    await sql<Row<'vernietigingsverzoek'>>`select * from vernietigingsverzoek where id = ${id} for update`.execute(tx)
  ).rows[0];
}

export async function markeerUitgevoerd(tx: Db, id: number, door: number, op: Date): Promise<void> {
  await sql`update vernietigingsverzoek set uitgevoerd_op = ${op.toISOString()}, uitgevoerd_door = ${door} where id = ${id}`.execute(
    tx,
  );
}

// ---------------------------------------------------------------------------- where the data is

/** The number of the person's links, informing rows, corrections and inzageverzoeken: one query. */
export async function vindplaatsAantallen(
  db: Db,
  persoonId: number,
): Promise<{
  huishoudens: number;
  meldingen: number;
  informering: number;
  correcties: number;
  inzageverzoeken: number;
}> {
  return (
    await sql<{
      huishoudens: number;
      meldingen: number;
      informering: number;
      correcties: number;
      inzageverzoeken: number;
    }>`
      select (select count(*)::int from huishouden_lid where persoon_id = ${persoonId}) as huishoudens,
        (select count(*)::int from melding_betrokkene where persoon_id = ${persoonId}) as meldingen,
        (select count(*)::int from informering where persoon_id = ${persoonId}) as informering,
        (select count(*)::int from persoon_correctie where persoon_id = ${persoonId}) as correcties,
        (select count(*)::int from inzageverzoek where persoon_id = ${persoonId}) as inzageverzoeken`.execute(db)
  ).rows[0]!;
}

/** Melder rows whose name has one of these word hashes (the name still sealed). */
export async function meldersMetNaamwoord(
  db: Db,
  woorden: string[],
): Promise<Array<{ melding_id: number; nummer: string; naam: string | null }>> {
  return (
    await sql<{
      melding_id: number;
      nummer: string;
      naam: string | null;
    }>`select md.melding_id, m.nummer, md.naam from melder md join melding m on m.id = md.melding_id where md.naam_zoek && ${woorden}::text[]`.execute(
      db,
    )
  ).rows;
}
