// The SQL of the access log (audit): raw SQL in Kysely `sql` templates, typed with the row types
// of db/schema.ts; the rules (hash chain, anchors, retention, search) live in index.ts,
// retention.ts and search.ts.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';

/** The persons involved in some meldingen (the clients an access concerns). */
export async function betrokkenenVanMeldingen(db: Db, meldingIds: number[]): Promise<number[]> {
  if (!meldingIds.length) return [];
  const r = await sql<
    Pick<Row<'melding_betrokkene'>, 'persoon_id'>
  >`select distinct persoon_id from melding_betrokkene where melding_id = any(${meldingIds})`.execute(db);
  return r.rows.map((x) => x.persoon_id);
}

type AccessLog = Row<'access_log'>;
type Anker = Row<'access_log_anker'>;

/** The one lock that serialises the hash chain: writers and the retention purge (rest of the transaction). */
export async function ketenSlot(tx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(7513)`.execute(tx);
}

export async function logRegelInvoegen(tx: Db, r: Omit<AccessLog, 'id' | 'at'> & { at: string }): Promise<void> {
  await sql`insert into access_log (at, user_id, on_behalf_of, client_ids, action, object_type, object_id, purpose, route, outcome, prev_hash, hash)
                values (${r.at}, ${r.user_id}, ${r.on_behalf_of}, ${r.client_ids}, ${r.action}, ${r.object_type}, ${r.object_id}, ${r.purpose}, ${r.route}, ${r.outcome}, ${r.prev_hash}, ${r.hash})`.execute(
    tx,
  );
}

/** The hash of the last entry, else of the latest anchor's last entry; undefined for an empty log. */
export async function laatsteHash(db: Db): Promise<string | undefined> {
  const last = await sql<Pick<AccessLog, 'hash'>>`select hash from access_log order by id desc limit 1`.execute(db);
  if (last.rows[0]) return last.rows[0].hash;
  const anchor = await sql<
    Pick<Anker, 'last_hash'>
  >`select last_hash from access_log_anker order by id desc limit 1`.execute(db);
  return anchor.rows[0]?.last_hash;
}

export async function ankers(db: Db): Promise<Anker[]> {
  return (await sql<Anker>`select * from access_log_anker order by id`.execute(db)).rows;
}

/** Up to `limit` entries after `naId`, in id order. */
export async function logRegelsNa(db: Db, naId: number, limit: number): Promise<AccessLog[]> {
  return (await sql<AccessLog>`select * from access_log where id > ${naId} order by id limit ${limit}`.execute(db))
    .rows;
}

export async function logRegelsVanTot(db: Db, vanId: number, totId: number): Promise<AccessLog[]> {
  return (
    await sql<AccessLog>`select * from access_log where id >= ${vanId} and id <= ${totId} order by id`.execute(db)
  ).rows;
}

export async function aantalLogRegels(db: Db): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from access_log`.execute(db)).rows[0]!.n;
}

/**
 * The prefix of the log after `naId` that lies before `grens`: everything before the first entry
 * at or after it. Null when there is none.
 */
export async function prefixVoor(
  db: Db,
  naId: number,
  grens: Date,
): Promise<{ n: number; van: number; tot: number; oudste: Date; nieuwste: Date } | null> {
  const firstKept = (
    await sql<{
      id: number | null;
    }>`select min(id) as id from access_log where id > ${naId} and at >= ${grens.toISOString()}`.execute(db)
  ).rows[0]!.id;
  const x = (
    await sql<{ n: number; van: number | null; tot: number | null; oudste: Date | null; nieuwste: Date | null }>`
    select count(*)::int as n, min(id) as van, max(id) as tot, min(at) as oudste, max(at) as nieuwste
    from access_log where id > ${naId} ${firstKept === null ? sql`` : sql`and id < ${Number(firstKept)}`}`.execute(db)
  ).rows[0];
  if (!x || x.n === 0 || x.van === null || x.tot === null || x.oudste === null || x.nieuwste === null) return null;
  return { n: x.n, van: x.van, tot: x.tot, oudste: x.oudste, nieuwste: x.nieuwste };
}

export async function ankerInvoegen(
  tx: Db,
  a: Omit<Anker, 'id' | 'gemaakt_op' | 'first_at' | 'last_at'> & { first_at: string; last_at: string },
): Promise<void> {
  await sql`insert into access_log_anker (first_id, last_id, last_hash, aantal, first_at, last_at, archief_sha256, prev_hash, hash)
              values (${a.first_id}, ${a.last_id}, ${a.last_hash}, ${a.aantal}, ${a.first_at}, ${a.last_at}, ${a.archief_sha256}, ${a.prev_hash}, ${a.hash})`.execute(
    tx,
  );
}

/** Remove the entries up to and including `totId` (the trigger allows it only under an anchor). */
export async function logRegelsVerwijderen(tx: Db, totId: number): Promise<void> {
  await sql`delete from access_log where id <= ${totId}`.execute(tx);
}
