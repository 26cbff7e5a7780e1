// The SQL of melder protection (melder.ts), dossier retention and legal holds (bewaartermijn.ts),
// and small look-ups of the privacy routes and prints. Rights of persons: rechten-queries.ts;
// destruction: vernietiging-queries.ts; the dossier: dossier-queries.ts.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';

export async function organisatieNaam(db: Db): Promise<string | null> {
  return (
    (await sql<{ naam: string }>`select naam from organisatie order by id limit 1`.execute(db)).rows[0]?.naam ?? null
  );
}

/** The id of a casus by its id or by its nummer, if it exists. */
export async function casusIdVan(db: Db, idOfNummer: number | string): Promise<number | null> {
  const r =
    typeof idOfNummer === 'number'
      ? await sql<{ id: number }>`select id from casus where id = ${idOfNummer}`.execute(db)
      : await sql<{ id: number }>`select id from casus where nummer = ${idOfNummer}`.execute(db);
  return r.rows[0]?.id ?? null;
}

/** The latest label of every code of every list. */
export async function codeLabels(db: Db): Promise<Array<Pick<Row<'codelijst_item'>, 'lijst' | 'code' | 'label'>>> {
  return (
    await sql<
      Pick<Row<'codelijst_item'>, 'lijst' | 'code' | 'label'>
    >`select distinct on (lijst, code) lijst, code, label from codelijst_item order by lijst, code, versie desc`.execute(
      db,
    )
  ).rows;
}

// ---------------------------------------------------------------------------- melder protection

export type OpenbaarheidRij = Row<'melder_openbaarheid'> & { besloten_door_naam: string | null };

/** The latest disclosure decision per melding. */
export async function laatsteOpenbaarheid(db: Db, meldingIds: number[]): Promise<OpenbaarheidRij[]> {
  return (
    await sql<OpenbaarheidRij>`
      select distinct on (o.melding_id) o.*, g.naam as besloten_door_naam
      from melder_openbaarheid o left join gebruiker g on g.id = o.besloten_door
      where o.melding_id = any(${meldingIds})
      order by o.melding_id, o.id desc`.execute(db)
  ).rows;
}

/** Every disclosure decision of one melding, oldest first. */
export async function openbaarheidRijen(db: Db, meldingId: number): Promise<OpenbaarheidRij[]> {
  return (
    await sql<OpenbaarheidRij>`select o.*, g.naam as besloten_door_naam from melder_openbaarheid o left join gebruiker g on g.id = o.besloten_door where o.melding_id = ${meldingId} order by o.id`.execute(
      db,
    )
  ).rows;
}

/** The latest group of every code of the hoedanigheid list. */
export async function hoedanigheidGroepen(db: Db): Promise<Array<{ code: string; groep: string | null }>> {
  return (
    await sql<{
      code: string;
      groep: string | null;
    }>`select distinct on (code) code, groep from codelijst_item where lijst = 'hoedanigheid' order by code, versie desc`.execute(
      db,
    )
  ).rows;
}

export type MelderRij = Pick<Row<'melding'>, 'id' | 'melder_hoedanigheid'> &
  Pick<Row<'melder'>, 'naam' | 'organisatie' | 'functie' | 'telefoon' | 'email'> & {
    wil_onbekend_blijven: boolean | null;
  };

/** The melder of each melding (identity still sealed; no melder row: all null). */
export async function melderRijen(db: Db, meldingIds: number[]): Promise<MelderRij[]> {
  return (
    await sql<MelderRij>`select m.id, m.melder_hoedanigheid, md.naam, md.organisatie, md.functie, md.telefoon, md.email, md.wil_onbekend_blijven
      from melding m left join melder md on md.melding_id = m.id where m.id = any(${meldingIds})`.execute(db)
  ).rows;
}

export async function meldingMetMelder(
  db: Db,
  meldingId: number,
): Promise<
  | (Pick<Row<'melding'>, 'id' | 'casus_id' | 'melder_hoedanigheid'> & { wil_onbekend_blijven: boolean | null })
  | undefined
> {
  return (
    await sql<
      Pick<Row<'melding'>, 'id' | 'casus_id' | 'melder_hoedanigheid'> & { wil_onbekend_blijven: boolean | null }
    >`select m.id, m.casus_id, m.melder_hoedanigheid, md.wil_onbekend_blijven from melding m left join melder md on md.melding_id = m.id where m.id = ${meldingId}`.execute(
      db,
    )
  ).rows[0];
}

export async function casusVersieVoorUpdate(tx: Db, casusId: number): Promise<number | null> {
  return (
    (await sql<{ versie: number }>`select versie from casus where id = ${casusId} for update`.execute(tx)).rows[0]
      ?.versie ?? null
  );
}

export async function insertOpenbaarheid(
  tx: Db,
  o: Pick<
    Row<'melder_openbaarheid'>,
    'melding_id' | 'openbaar' | 'grond' | 'toestemming' | 'toelichting' | 'besloten_door' | 'besloten_op'
  >,
): Promise<void> {
  await sql`insert into melder_openbaarheid (melding_id, openbaar, grond, toestemming, toelichting, besloten_door, besloten_op)
            values (${o.melding_id}, ${o.openbaar}, ${o.grond}, ${o.toestemming}, ${o.toelichting}, ${o.besloten_door}, ${o.besloten_op.toISOString()})`.execute(
    tx,
  );
}

/** Bump the casus version; the new version. */
export async function verhoogCasusVersie(tx: Db, casusId: number): Promise<number> {
  return (
    await sql<{ versie: number }>`update casus set versie = versie + 1 where id = ${casusId} returning versie`.execute(
      tx,
    )
  ).rows[0]!.versie;
}

export async function betrokkenenVanMelding(tx: Db, meldingId: number): Promise<number[]> {
  return (
    await sql<{
      persoon_id: number;
    }>`select persoon_id from melding_betrokkene where melding_id = ${meldingId}`.execute(tx)
  ).rows.map((r) => r.persoon_id);
}

// ---------------------------------------------------------------------------- retention and legal hold

export type BlokkadeRij = Row<'bewaarblokkade'> & { naam: string };

/** The active legal holds of these casussen, with who set them. */
export async function actieveBlokkades(db: Db, casusIds: number[]): Promise<BlokkadeRij[]> {
  return (
    await sql<BlokkadeRij>`select b.*, g.naam from bewaarblokkade b join gebruiker g on g.id = b.ingesteld_door where b.casus_id = any(${casusIds}) and b.opgeheven_op is null`.execute(
      db,
    )
  ).rows;
}

export type BewaarKandidaat = Pick<Row<'casus'>, 'id' | 'nummer' | 'huishouden_id'> & {
  gesloten_op: Date;
  meldingen: number;
};

/** Closed casussen closed before `voor` (of `only`, when given), oldest closing first, with their number of meldingen. */
export async function geslotenCasussenVoor(db: Db, voor: string, only?: number[]): Promise<BewaarKandidaat[]> {
  return (
    await sql<BewaarKandidaat>`
      select c.id, c.nummer, c.gesloten_op, c.huishouden_id,
        (select count(*)::int from melding m where m.casus_id = c.id) as meldingen
      from casus c
      where c.status = 'gesloten' and c.gesloten_op is not null and c.gesloten_op < ${voor}::date
        ${only ? sql`and c.id = any(${only})` : sql``}
      order by c.gesloten_op, c.id`.execute(db)
  ).rows;
}

/** The persons of these casussen (betrokkenen and household members), and whether each appears elsewhere. */
export async function personenVanCasussen(
  db: Db,
  casusIds: number[],
): Promise<Array<{ casus_id: number; id: number; geboortedatum: string | null; elders: boolean }>> {
  if (!casusIds.length) return [];
  return (
    await sql<{ casus_id: number; id: number; geboortedatum: string | null; elders: boolean }>`
      select x.casus_id, p.id, p.geboortedatum,
        exists (select 1 from melding_betrokkene mb join melding m on m.id = mb.melding_id where mb.persoon_id = p.id and m.casus_id <> x.casus_id)
        or exists (select 1 from huishouden_lid l where l.persoon_id = p.id and l.huishouden_id <> x.huishouden_id)
        or exists (select 1 from huishouden_lid l join casus c2 on c2.huishouden_id = l.huishouden_id where l.persoon_id = p.id and c2.id <> x.casus_id) as elders
      from (
        select c.id as casus_id, c.huishouden_id, mb.persoon_id from casus c join melding m on m.casus_id = c.id join melding_betrokkene mb on mb.melding_id = m.id where c.id = any(${casusIds})
        union
        select c.id, c.huishouden_id, l.persoon_id from casus c join huishouden_lid l on l.huishouden_id = c.huishouden_id where c.id = any(${casusIds})
      ) x join persoon p on p.id = x.persoon_id`.execute(db)
  ).rows;
}

export async function casusBestaat(db: Db, casusId: number, voorUpdate = false): Promise<boolean> {
  return (
    (await sql`select id from casus where id = ${casusId} ${voorUpdate ? sql`for update` : sql``}`.execute(db)).rows
      .length > 0
  );
}

export async function heeftActieveBlokkade(db: Db, casusId: number): Promise<boolean> {
  return (
    (await sql`select 1 from bewaarblokkade where casus_id = ${casusId} and opgeheven_op is null`.execute(db)).rows
      .length > 0
  );
}

export async function insertBlokkade(tx: Db, casusId: number, reden: string, door: number, op: Date): Promise<void> {
  await sql`insert into bewaarblokkade (casus_id, reden, ingesteld_door, ingesteld_op) values (${casusId}, ${reden}, ${door}, ${op.toISOString()})`.execute(
    tx,
  );
}

/** Lift the active hold; false when there was none. */
export async function hefBlokkadeOp(db: Db, casusId: number, reden: string, door: number, op: Date): Promise<boolean> {
  const r = await sql<{
    id: number;
  }>`update bewaarblokkade set opgeheven_op = ${op.toISOString()}, opgeheven_door = ${door}, opheffing_reden = ${reden}
    where casus_id = ${casusId} and opgeheven_op is null returning id`.execute(db);
  return r.rows.length > 0;
}

export type BlokkadeHistorieRij = Row<'bewaarblokkade'> & { door_naam: string; opgeheven_naam: string | null };

/** All legal holds of a casus, active and lifted, oldest first. */
export async function blokkadeRijen(db: Db, casusId: number): Promise<BlokkadeHistorieRij[]> {
  return (
    await sql<BlokkadeHistorieRij>`select b.*, g.naam as door_naam, o.naam as opgeheven_naam from bewaarblokkade b
      join gebruiker g on g.id = b.ingesteld_door left join gebruiker o on o.id = b.opgeheven_door where b.casus_id = ${casusId} order by b.id`.execute(
      db,
    )
  ).rows;
}
