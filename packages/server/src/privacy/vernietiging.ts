// Destruction of personal data: of one person (on request, Wmo 2015 art. 5.3.5, or when the last
// casus they appear in is destroyed) and of a whole casus (end of the retention term). What is
// left is a tombstone (persoon_vernietigd / casus_vernietigd) and the access-log entries, which
// name clients by id only. Runs inside the caller's transaction.
import { open } from '../crypto/veld.ts';
import { bijwerkenTermijnen } from '../werkvoorraad/termijnen.ts';
import { volledigeNaam } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { redactor } from './redact.ts';

export const VERWIJDERD = '[persoon verwijderd]';

// Tables whose text is never rewritten by the free-text scrub: the log and its anchors (their
// hashes cover their content; they hold ids only), users, sessions and reference data.
const SCRUB_SKIP = new Set([
  'access_log',
  'access_log_anker',
  'schema_migration',
  'gebruiker',
  'sessie',
  'organisatie',
  'team',
  'gemeente',
  'huishoudens_telling',
  'codelijst_versie',
  'codelijst_item',
  'gelijkgestelde_dag',
  'persoon',
  'persoon_vernietigd',
  'casus_vernietigd',
]);

interface FkRef {
  table: string;
  column: string;
}

/** Columns of other tables that reference `table`.id with a foreign key. */
async function referencing(tx: Db, table: string): Promise<FkRef[]> {
  const r = await sql<{ table_name: string; column_name: string }>`
    select kcu.table_name, kcu.column_name
    from information_schema.referential_constraints rc
    join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
    join information_schema.key_column_usage pk on pk.constraint_name = rc.unique_constraint_name and pk.constraint_schema = rc.unique_constraint_schema
    where rc.constraint_schema = current_schema() and pk.table_name = ${table}`.execute(tx);
  return r.rows.map((x) => ({ table: x.table_name, column: x.column_name }));
}

/** Delete rows of tables not handled explicitly that reference these ids (modules added later). */
async function deleteReferencing(tx: Db, table: string, ids: number[], handled: string[], counts: Record<string, number>): Promise<void> {
  if (ids.length === 0) return;
  for (const ref of await referencing(tx, table)) {
    if (handled.includes(ref.table)) continue;
    const r = await sql`delete from ${sql.id(ref.table)} where ${sql.id(ref.column)} = any(${ids})`.execute(tx);
    const n = Number(r.numAffectedRows ?? 0);
    if (n) counts[ref.table] = (counts[ref.table] ?? 0) + n;
  }
}

/** Tables (other than the access log) with an int[] column persoon_ids. */
async function persoonIdsTables(tx: Db): Promise<string[]> {
  const r = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.column_name = 'persoon_ids' and c.data_type = 'ARRAY'`.execute(tx);
  return r.rows.map((x) => x.table_name).filter((t) => !SCRUB_SKIP.has(t));
}

/** How many rows name the person in a persoon_ids array (drafts), over all such tables. */
export async function persoonIdsRows(db: Db, persoonId: number): Promise<number> {
  let n = 0;
  for (const t of await persoonIdsTables(db)) n += (await sql<{ n: number }>`select count(*)::int as n from ${sql.id(t)} where persoon_ids @> array[${persoonId}]::int[]`.execute(db)).rows[0]!.n;
  return n;
}

const count = async (tx: Db, q: ReturnType<typeof sql>) => Number((await q.execute(tx)).numAffectedRows ?? 0);

interface TextColumn {
  table: string;
  column: string;
  json: boolean;
}

async function textColumns(tx: Db): Promise<TextColumn[]> {
  const r = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.data_type in ('text', 'character varying', 'jsonb', 'json')
    order by c.table_name, c.ordinal_position`.execute(tx);
  return r.rows.filter((x) => !SCRUB_SKIP.has(x.table_name)).map((x) => ({ table: x.table_name, column: x.column_name, json: x.data_type.startsWith('json') }));
}

export interface PersoonNaam {
  bsn: string | null;
  voornamen: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
}

/** The written forms of a person's name that identify them on their own, and their BSN. */
export function identifyingForms(p: PersoonNaam): { names: string[]; numbers: string[]; prefilter: string[] } {
  const names = new Set<string>();
  const voornamen = (p.voornamen ?? '').trim();
  const achter = [p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
  if (voornamen) {
    names.add(volledigeNaam(p));
    names.add(`${voornamen} ${p.achternaam}`);
    names.add(`${p.achternaam}, ${voornamen}`);
    names.add(`${achter}, ${voornamen}`);
    const eerste = voornamen.split(/\s+/)[0]!;
    names.add(`${eerste} ${achter}`);
    names.add(`${eerste} ${p.achternaam}`);
  }
  const prefilter = [p.achternaam.trim(), ...(p.bsn ? [p.bsn] : [])];
  return { names: [...names], numbers: p.bsn ? [p.bsn] : [], prefilter };
}

/**
 * Find (and unless dryRun, replace) the identifying forms of a name and the BSN in every text
 * column of the database outside the skip list. Returns matches per table.column.
 */
export async function scrubText(tx: Db, p: PersoonNaam, opts: { dryRun: boolean }): Promise<Record<string, number>> {
  const forms = identifyingForms(p);
  const r = redactor({ names: forms.names, numbers: forms.numbers }, VERWIJDERD);
  const likes = forms.prefilter.filter((x) => x.length >= 3).map((x) => `%${x.replace(/[%_\\]/g, '\\$&')}%`);
  const found: Record<string, number> = {};
  if (likes.length === 0) return found;
  const byTable = new Map<string, TextColumn[]>();
  for (const c of await textColumns(tx)) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  for (const [table, cols] of byTable) {
    const cond = sql.join(cols.map((c) => sql`${sql.id(c.column)}::text ilike any(${likes})`), sql` or `);
    const rows = (await sql<any>`select ctid::text as _ctid, ${sql.join(cols.map((c) => sql`${sql.id(c.column)}::text as ${sql.id(c.column)}`))} from ${sql.id(table)} where ${cond}`.execute(tx)).rows;
    for (const row of rows) {
      const sets: ReturnType<typeof sql>[] = [];
      for (const c of cols) {
        const before = row[c.column] as string | null;
        if (before === null) continue;
        const after = r(before)!;
        if (after === before) continue;
        found[`${table}.${c.column}`] = (found[`${table}.${c.column}`] ?? 0) + 1;
        sets.push(c.json ? sql`${sql.id(c.column)} = ${after}::jsonb` : sql`${sql.id(c.column)} = ${after}`);
      }
      if (sets.length && !opts.dryRun) await sql`update ${sql.id(table)} set ${sql.join(sets)} where ctid = ${row._ctid}::tid`.execute(tx);
    }
  }
  return found;
}

/** Casussen a person appears in (as betrokkene or through a household), with any active legal hold. */
export async function casussenVanPersoon(db: Db, persoonId: number): Promise<Array<{ id: number; nummer: string; blokkade: string | null }>> {
  const r = await sql<any>`
    select c.id, c.nummer, (select reden from bewaarblokkade b where b.casus_id = c.id and b.opgeheven_op is null) as blokkade
    from casus c
    where c.id in (select m.casus_id from melding m join melding_betrokkene mb on mb.melding_id = m.id where mb.persoon_id = ${persoonId})
       or c.huishouden_id in (select huishouden_id from huishouden_lid where persoon_id = ${persoonId})
    order by c.id`.execute(db);
  return r.rows;
}

export interface DestroyPersonOptions {
  door: number | null;
  grond: 'verzoek' | 'bewaartermijn';
  verzoekId?: number | null;
  casusId?: number | null;
  /** Meldingen of which this person was the melder: their melder rows are removed. */
  melderMeldingIds?: number[];
  now: Date;
}

export interface DestroyResult {
  persoonId: number;
  verwijderd: Record<string, number>;
  vrijeTekst: Record<string, number>;
}

const HANDLED_PERSOON = ['huishouden_lid', 'melding_betrokkene', 'informering', 'persoon_correctie'];

/** Remove a person's data everywhere and leave a tombstone. */
export async function destroyPersoon(tx: Db, persoonId: number, o: DestroyPersonOptions): Promise<DestroyResult> {
  const row = (await sql<any>`select * from persoon where id = ${persoonId} for update`.execute(tx)).rows[0];
  const p = row ? { ...row, bsn: open(row.bsn, 'persoon.bsn') } : undefined;
  if (!p) {
    const t = await sql`select 1 from persoon_vernietigd where persoon_id = ${persoonId}`.execute(tx);
    throw t.rows.length ? new HttpError(409, 'al_vernietigd', 'De gegevens van deze persoon zijn al vernietigd') : notFound('Persoon');
  }
  const held = (await casussenVanPersoon(tx, persoonId)).filter((c) => c.blokkade);
  if (held.length) {
    throw new HttpError(409, 'bewaarblokkade', `Casus ${held.map((c) => c.nummer).join(', ')} staat onder een bewaarblokkade; hef die eerst op of wijs het verzoek af`, { casusIds: held.map((c) => c.id) });
  }
  const v: Record<string, number> = {};
  const add = (t: string, n: number) => {
    if (n) v[t] = (v[t] ?? 0) + n;
  };
  const huishoudens = (await sql<{ huishouden_id: number }>`select huishouden_id from huishouden_lid where persoon_id = ${persoonId}`.execute(tx)).rows.map((x) => x.huishouden_id);
  if (o.melderMeldingIds?.length) add('melder', await count(tx, sql`delete from melder where melding_id = any(${o.melderMeldingIds})`));
  const geinformeerdeMeldingen = (await sql<{ melding_id: number }>`select melding_id from informering where persoon_id = ${persoonId}`.execute(tx)).rows.map((x) => x.melding_id);
  add('informering', await count(tx, sql`delete from informering where persoon_id = ${persoonId}`));
  // The person's informing clock is gone with the data: the werkvoorraad deadlines follow.
  await bijwerkenTermijnen(tx, geinformeerdeMeldingen);
  add('melding_betrokkene', await count(tx, sql`delete from melding_betrokkene where persoon_id = ${persoonId}`));
  add('huishouden_lid', await count(tx, sql`delete from huishouden_lid where persoon_id = ${persoonId}`));
  add('persoon_correctie', await count(tx, sql`delete from persoon_correctie where persoon_id = ${persoonId}`));
  add('inzageverzoek', await count(tx, sql`delete from inzageverzoek where persoon_id = ${persoonId}`));
  // The destruction request stays as the record of the decision, without names or free text.
  await sql`update vernietigingsverzoek set verzoeker_naam = null, toelichting = null, motivering = null where persoon_id = ${persoonId}`.execute(tx);
  await deleteReferencing(tx, 'persoon', [persoonId], HANDLED_PERSOON, v);
  // Rows that name the person in a persoon_ids array (drafts of forms about them) go entirely:
  // their content is about the person in ways a text search cannot find.
  for (const t of await persoonIdsTables(tx)) add(t, await count(tx, sql`delete from ${sql.id(t)} where persoon_ids @> array[${persoonId}]::int[]`));
  // A household left without members keeps no address (the casus that refers to it stays).
  for (const h of huishoudens) {
    const leden = await sql`select 1 from huishouden_lid where huishouden_id = ${h} limit 1`.execute(tx);
    if (leden.rows.length) continue;
    const inCasus = await sql`select 1 from casus where huishouden_id = ${h} limit 1`.execute(tx);
    if (inCasus.rows.length) {
      await sql`update huishouden set straat = null, huisnummer = null, toevoeging = null, postcode = null, woonplaats = null where id = ${h}`.execute(tx);
      add('huishouden (adres)', 1);
    } else {
      await deleteReferencing(tx, 'huishouden', [h], ['huishouden_lid', 'casus'], v);
      add('huishouden', await count(tx, sql`delete from huishouden where id = ${h}`));
    }
  }
  const vrijeTekst = await scrubText(tx, p, { dryRun: false });
  await sql`delete from persoon where id = ${persoonId}`.execute(tx);
  add('persoon', 1);
  await sql`insert into persoon_vernietigd (persoon_id, vernietigd_op, door, grond, verzoek_id, casus_id)
            values (${persoonId}, ${o.now.toISOString()}, ${o.door}, ${o.grond}, ${o.verzoekId ?? null}, ${o.casusId ?? null})`.execute(tx);
  return { persoonId, verwijderd: v, vrijeTekst };
}

const MELDING_TABLES = ['melder_openbaarheid', 'melder', 'veiligheidsbeoordeling', 'dienst', 'overdracht', 'afsluiting', 'rvdk_verzoek', 'terugkoppeling', 'monitoringcontact', 'informering', 'melding_betrokkene'];

export interface DestroyCasusResult {
  casusId: number;
  nummer: string;
  verwijderd: Record<string, number>;
  personenVernietigd: number[];
}

/** Remove a casus with everything in it; persons who appear nowhere else are destroyed too. */
export async function destroyCasus(tx: Db, casusId: number, o: { door: number | null; now: Date; bewaartermijnEinde: string }): Promise<DestroyCasusResult> {
  const c = (await sql<any>`select * from casus where id = ${casusId} for update`.execute(tx)).rows[0];
  if (!c) throw notFound('Casus');
  const hold = await sql<any>`select reden from bewaarblokkade where casus_id = ${casusId} and opgeheven_op is null`.execute(tx);
  if (hold.rows.length) throw new HttpError(409, 'bewaarblokkade', `Casus ${c.nummer} staat onder een bewaarblokkade`);
  const v: Record<string, number> = {};
  const add = (t: string, n: number) => {
    if (n) v[t] = (v[t] ?? 0) + n;
  };
  const mIds = (await sql<{ id: number }>`select id from melding where casus_id = ${casusId}`.execute(tx)).rows.map((x) => x.id);
  const personen = new Set<number>([
    ...(await sql<{ persoon_id: number }>`select distinct persoon_id from melding_betrokkene where melding_id = any(${mIds})`.execute(tx)).rows.map((x) => x.persoon_id),
    ...(await sql<{ persoon_id: number }>`select persoon_id from huishouden_lid where huishouden_id = ${c.huishouden_id}`.execute(tx)).rows.map((x) => x.persoon_id),
  ]);
  if (mIds.length) {
    for (const t of MELDING_TABLES) add(t, await count(tx, sql`delete from ${sql.id(t)} where melding_id = any(${mIds})`));
    await sql`update adviesvraag set omgezet_in_melding_id = null where omgezet_in_melding_id = any(${mIds})`.execute(tx);
    await deleteReferencing(tx, 'melding', mIds, [...MELDING_TABLES, 'adviesvraag'], v);
    add('melding', await count(tx, sql`delete from melding where id = any(${mIds})`));
  }
  add('bewaarblokkade', await count(tx, sql`delete from bewaarblokkade where casus_id = ${casusId}`));
  await deleteReferencing(tx, 'casus', [casusId], ['melding', 'bewaarblokkade'], v);
  await sql`delete from casus where id = ${casusId}`.execute(tx);
  add('casus', 1);
  const andere = await sql`select 1 from casus where huishouden_id = ${c.huishouden_id} limit 1`.execute(tx);
  if (!andere.rows.length) {
    add('huishouden_lid', await count(tx, sql`delete from huishouden_lid where huishouden_id = ${c.huishouden_id}`));
    await deleteReferencing(tx, 'huishouden', [c.huishouden_id], ['huishouden_lid', 'casus'], v);
    add('huishouden', await count(tx, sql`delete from huishouden where id = ${c.huishouden_id}`));
  }
  const vernietigd: number[] = [];
  for (const pid of personen) {
    const elders = await sql`select 1 from melding_betrokkene where persoon_id = ${pid} union all select 1 from huishouden_lid where persoon_id = ${pid} limit 1`.execute(tx);
    if (elders.rows.length) continue;
    const r = await destroyPersoon(tx, pid, { door: o.door, grond: 'bewaartermijn', casusId, now: o.now });
    for (const [t, n] of Object.entries(r.verwijderd)) add(t, n);
    vernietigd.push(pid);
  }
  await sql`insert into casus_vernietigd (casus_id, nummer, vernietigd_op, door, grond, bewaartermijn_einde)
            values (${casusId}, ${c.nummer}, ${o.now.toISOString()}, ${o.door}, 'bewaartermijn', ${o.bewaartermijnEinde})`.execute(tx);
  return { casusId, nummer: c.nummer, verwijderd: v, personenVernietigd: vernietigd };
}
