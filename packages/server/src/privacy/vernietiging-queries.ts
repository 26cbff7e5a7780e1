// The SQL of destruction (vernietiging.ts): reading the catalogue (foreign keys, text columns,
// persoon_ids arrays), and deleting or rewriting what a person or a casus leaves behind.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row, TableName } from '../db/schema.ts';

const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

// ---------------------------------------------------------------------------- catalogue

export interface FkRef {
  table: string;
  column: string;
}

/** Columns of other tables that reference `table`.id with a foreign key. */
export async function referencing(tx: Db, table: string): Promise<FkRef[]> {
  const r = await sql<{ table_name: string; column_name: string }>`
    select kcu.table_name, kcu.column_name
    from information_schema.referential_constraints rc
    join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
    join information_schema.key_column_usage pk on pk.constraint_name = rc.unique_constraint_name and pk.constraint_schema = rc.unique_constraint_schema
    where rc.constraint_schema = current_schema() and pk.table_name = ${table}`.execute(tx);
  return r.rows.map((x) => ({ table: x.table_name, column: x.column_name }));
}

/** Tables with an int[] column persoon_ids. */
export async function tablesMetPersoonIds(tx: Db): Promise<string[]> {
  const r = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.column_name = 'persoon_ids' and c.data_type = 'ARRAY'`.execute(tx);
  return r.rows.map((x) => x.table_name);
}

export interface TextColumn {
  table: string;
  column: string;
  json: boolean;
}

/** Every text and json column of every table, in table and column order. */
export async function textColumns(tx: Db): Promise<TextColumn[]> {
  const r = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.data_type in ('text', 'character varying', 'jsonb', 'json')
    order by c.table_name, c.ordinal_position`.execute(tx);
  return r.rows.map((x) => ({ table: x.table_name, column: x.column_name, json: x.data_type.startsWith('json') }));
}

// ---------------------------------------------------------------------------- generic by name

/** Delete the rows of `table` whose `column` is one of `ids`; the number deleted. */
export async function deleteWhereIn(tx: Db, table: string, column: string, ids: number[]): Promise<number> {
  return affected(await sql`delete from ${sql.id(table)} where ${sql.id(column)} = any(${ids})`.execute(tx));
}

/** Rows of `table` that name the person in persoon_ids. */
export async function countPersoonIds(db: Db, table: string, persoonId: number): Promise<number> {
  return (
    await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.id(table)} where persoon_ids @> array[${persoonId}]::int[]`.execute(db)
  ).rows[0]!.n;
}

export async function deletePersoonIds(tx: Db, table: string, persoonId: number): Promise<number> {
  return affected(await sql`delete from ${sql.id(table)} where persoon_ids @> array[${persoonId}]::int[]`.execute(tx));
}

/** Rows of `table` where a text column matches one of the `patterns` (case-insensitive regular expressions): its ctid and those columns as text. */
export async function textRowsMatching(
  tx: Db,
  table: string,
  cols: TextColumn[],
  patterns: string[],
): Promise<Array<{ _ctid: string } & Record<string, string | null>>> {
  const cond = sql.join(
    cols.map((c) => sql`${sql.id(c.column)}::text ~* any(${patterns})`),
    sql` or `,
  );
  return (
    await sql<{ _ctid: string } & Record<string, string | null>>`
      select ctid::text as _ctid, ${sql.join(cols.map((c) => sql`${sql.id(c.column)}::text as ${sql.id(c.column)}`))}
      from ${sql.id(table)} where ${cond}`.execute(tx)
  ).rows;
}

/** Rewrite text columns of one row (by ctid). */
export async function updateTextRow(
  tx: Db,
  table: string,
  ctid: string,
  values: Array<{ column: string; json: boolean; value: string }>,
): Promise<void> {
  const sets = values.map((v) =>
    v.json ? sql`${sql.id(v.column)} = ${v.value}::jsonb` : sql`${sql.id(v.column)} = ${v.value}`,
  );
  await sql`update ${sql.id(table)} set ${sql.join(sets)} where ctid = ${ctid}::tid`.execute(tx);
}

// ---------------------------------------------------------------------------- a person

/** The person's correction history, oldest first (BSN values still sealed). */
export async function correctiesVan(
  db: Db,
  persoonId: number,
): Promise<Array<Pick<Row<'persoon_correctie'>, 'veld' | 'oude_waarde'>>> {
  return (
    await sql<
      Pick<Row<'persoon_correctie'>, 'veld' | 'oude_waarde'>
    >`select veld, oude_waarde from persoon_correctie where persoon_id = ${persoonId} order by id`.execute(db)
  ).rows;
}

/** Casussen a person appears in (as betrokkene or through a household), with any active legal hold. */
export async function casussenVanPersoon(
  db: Db,
  persoonId: number,
): Promise<Array<{ id: number; nummer: string; blokkade: string | null }>> {
  const r = await sql<{ id: number; nummer: string; blokkade: string | null }>`
    select c.id, c.nummer, (select reden from bewaarblokkade b where b.casus_id = c.id and b.opgeheven_op is null) as blokkade
    from casus c
    where c.id in (select m.casus_id from melding m join melding_betrokkene mb on mb.melding_id = m.id where mb.persoon_id = ${persoonId})
       or c.huishouden_id in (select huishouden_id from huishouden_lid where persoon_id = ${persoonId})
    order by c.id`.execute(db);
  return r.rows;
}

export async function persoonVoorUpdate(tx: Db, persoonId: number): Promise<Row<'persoon'> | undefined> {
  return (await sql<Row<'persoon'>>`select * from persoon where id = ${persoonId} for update`.execute(tx)).rows[0];
}

export async function isVernietigd(db: Db, persoonId: number): Promise<boolean> {
  return (await sql`select 1 from persoon_vernietigd where persoon_id = ${persoonId}`.execute(db)).rows.length > 0;
}

export async function huishoudensVanPersoon(tx: Db, persoonId: number): Promise<number[]> {
  return (
    await sql<{
      huishouden_id: number;
    }>`select huishouden_id from huishouden_lid where persoon_id = ${persoonId}`.execute(tx)
  ).rows.map((x) => x.huishouden_id);
}

export async function geinformeerdeMeldingen(tx: Db, persoonId: number): Promise<number[]> {
  return (
    await sql<{ melding_id: number }>`select melding_id from informering where persoon_id = ${persoonId}`.execute(tx)
  ).rows.map((x) => x.melding_id);
}

/** Tables whose rows are the person's own (persoon_id): deleted with the person. */
export type PersoonTabel = Extract<
  TableName,
  'informering' | 'melding_betrokkene' | 'huishouden_lid' | 'persoon_correctie' | 'inzageverzoek'
>;

export async function deleteVanPersoon(tx: Db, table: PersoonTabel, persoonId: number): Promise<number> {
  return affected(await sql`delete from ${sql.id(table)} where persoon_id = ${persoonId}`.execute(tx));
}

/** The destruction request stays as the record of the decision, without names or free text. */
export async function anonimiseerVernietigingsverzoeken(tx: Db, persoonId: number): Promise<void> {
  await sql`update vernietigingsverzoek set verzoeker_naam = null, toelichting = null, motivering = null where persoon_id = ${persoonId}`.execute(
    tx,
  );
}

export async function huishoudenHeeftLeden(tx: Db, huishoudenId: number): Promise<boolean> {
  return (
    (await sql`select 1 from huishouden_lid where huishouden_id = ${huishoudenId} limit 1`.execute(tx)).rows.length > 0
  );
}

export async function huishoudenHeeftCasus(tx: Db, huishoudenId: number): Promise<boolean> {
  return (await sql`select 1 from casus where huishouden_id = ${huishoudenId} limit 1`.execute(tx)).rows.length > 0;
}

export async function wisAdres(tx: Db, huishoudenId: number): Promise<void> {
  await sql`update huishouden set straat = null, huisnummer = null, toevoeging = null, postcode = null, woonplaats = null where id = ${huishoudenId}`.execute(
    tx,
  );
}

export async function deleteHuishouden(tx: Db, huishoudenId: number): Promise<number> {
  return affected(await sql`delete from huishouden where id = ${huishoudenId}`.execute(tx));
}

export async function deletePersoon(tx: Db, persoonId: number): Promise<void> {
  await sql`delete from persoon where id = ${persoonId}`.execute(tx);
}

export async function insertPersoonVernietigd(
  tx: Db,
  t: {
    persoonId: number;
    op: Date;
    door: number | null;
    grond: string;
    verzoekId: number | null;
    casusId: number | null;
  },
): Promise<void> {
  await sql`insert into persoon_vernietigd (persoon_id, vernietigd_op, door, grond, verzoek_id, casus_id)
            values (${t.persoonId}, ${t.op.toISOString()}, ${t.door}, ${t.grond}, ${t.verzoekId}, ${t.casusId})`.execute(
    tx,
  );
}

/** Whether the person still appears as betrokkene or household member anywhere. */
export async function komtEldersVoor(tx: Db, persoonId: number): Promise<boolean> {
  return (
    (
      await sql`select 1 from melding_betrokkene where persoon_id = ${persoonId} union all select 1 from huishouden_lid where persoon_id = ${persoonId} limit 1`.execute(
        tx,
      )
    ).rows.length > 0
  );
}

// ---------------------------------------------------------------------------- a casus

export async function casusVoorUpdate(tx: Db, casusId: number): Promise<Row<'casus'> | undefined> {
  return (await sql<Row<'casus'>>`select * from casus where id = ${casusId} for update`.execute(tx)).rows[0];
}

export async function heeftActieveBlokkade(db: Db, casusId: number): Promise<boolean> {
  return (
    (await sql`select 1 from bewaarblokkade where casus_id = ${casusId} and opgeheven_op is null`.execute(db)).rows
      .length > 0
  );
}

export async function meldingIdsVanCasus(tx: Db, casusId: number): Promise<number[]> {
  return (await sql<{ id: number }>`select id from melding where casus_id = ${casusId}`.execute(tx)).rows.map(
    (x) => x.id,
  );
}

/** The persons of these meldingen, then the household's members (a person may appear twice). */
export async function personenVanCasus(tx: Db, meldingIds: number[], huishoudenId: number): Promise<number[]> {
  return (
    await sql<{ persoon_id: number }>`
      (select distinct persoon_id from melding_betrokkene where melding_id = any(${meldingIds}))
      union all (select persoon_id from huishouden_lid where huishouden_id = ${huishoudenId})`.execute(tx)
  ).rows.map((x) => x.persoon_id);
}

/** An adviesvraag converted into one of these meldingen stays, without the link. */
export async function ontkoppelAdviesvragen(tx: Db, meldingIds: number[]): Promise<void> {
  await sql`update adviesvraag set omgezet_in_melding_id = null where omgezet_in_melding_id = any(${meldingIds})`.execute(
    tx,
  );
}

export async function deleteContactPersonenVanCasus(tx: Db, casusId: number): Promise<number> {
  return affected(
    await sql`delete from contact_persoon where contact_id in (select id from contact where casus_id = ${casusId})`.execute(
      tx,
    ),
  );
}

export async function deleteCasus(tx: Db, casusId: number): Promise<void> {
  await sql`delete from casus where id = ${casusId}`.execute(tx);
}

export async function insertCasusVernietigd(
  tx: Db,
  t: { casusId: number; nummer: string; op: Date; door: number | null; bewaartermijnEinde: string },
): Promise<void> {
  await sql`insert into casus_vernietigd (casus_id, nummer, vernietigd_op, door, grond, bewaartermijn_einde)
            values (${t.casusId}, ${t.nummer}, ${t.op.toISOString()}, ${t.door}, 'bewaartermijn', ${t.bewaartermijnEinde})`.execute(
    tx,
  );
}
