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

type Kop = Row<'access_log_keten'>;

/** The number of keyed chains (1..KETENS; chain 0 is the frozen legacy prefix, migration 016). */
export const KETENS = 16;

/**
 * Lock the head of the chain this transaction writes to and return it. A transaction that already
 * wrote keeps its chain (a transaction-local setting), so it never holds two heads. Otherwise the
 * first head not locked by another writer, starting from the one this connection prefers (its
 * backend pid), so writers on different connections rarely wait for each other; when all are
 * taken, it waits for its preferred one.
 */
export async function ketenKopVergrendelen(tx: Db): Promise<Kop> {
  const vrij = await sql<Kop>`
    select k.keten, k.volgnr, k.hash from access_log_keten k
    where k.keten between 1 and ${KETENS}
      and (nullif(current_setting('voordeur.toegangslog_keten', true), '') is null
           or k.keten = nullif(current_setting('voordeur.toegangslog_keten', true), '')::int)
    order by (k.keten - 1 - pg_backend_pid() % ${KETENS} + ${KETENS}) % ${KETENS}
    limit 1 for update of k skip locked`.execute(tx);
  if (vrij.rows[0]) return vrij.rows[0];
  const wacht = await sql<Kop>`
    select keten, volgnr, hash from access_log_keten
    where keten = coalesce(nullif(current_setting('voordeur.toegangslog_keten', true), '')::int, pg_backend_pid() % ${KETENS} + 1)
    for update`.execute(tx);
  return wacht.rows[0]!;
}

/** Move a chain's head (the lock is held) and remember the chain for the rest of the transaction. */
export async function ketenKopBijwerken(tx: Db, kop: Kop): Promise<void> {
  await sql`update access_log_keten set volgnr = ${kop.volgnr}, hash = ${kop.hash} where keten = ${kop.keten}
            returning set_config('voordeur.toegangslog_keten', ${String(kop.keten)}, true)`.execute(tx);
}

/** Every chain's head, chain 0 first. */
export async function ketenKoppen(db: Db): Promise<Kop[]> {
  return (await sql<Kop>`select keten, volgnr, hash from access_log_keten order by keten`.execute(db)).rows;
}

/** Lock every head (retention purge): no entry is appended while the prefix is cut. */
export async function alleKoppenVergrendelen(tx: Db): Promise<void> {
  await sql`select keten from access_log_keten order by keten for update`.execute(tx);
}

export async function logRegelInvoegen(
  tx: Db,
  r: Omit<AccessLog, 'id' | 'at' | 'request_id'> & { at: string; request_id?: string | null },
): Promise<void> {
  await sql`insert into access_log (at, user_id, on_behalf_of, client_ids, action, object_type, object_id, purpose, route, outcome, prev_hash, hash, keten, volgnr, request_id)
            values (${r.at}, ${r.user_id}, ${r.on_behalf_of}, ${r.client_ids}, ${r.action}, ${r.object_type}, ${r.object_id}, ${r.purpose}, ${r.route}, ${r.outcome}, ${r.prev_hash}, ${r.hash}, ${r.keten}, ${r.volgnr}, ${r.request_id ?? null})`.execute(
    tx,
  );
}

/** Up to `limit` entries of chain `keten` after position `naVolgnr`, in chain order. */
export async function ketenRegelsNa(db: Db, keten: number, naVolgnr: number, limit: number): Promise<AccessLog[]> {
  return (
    await sql<AccessLog>`select * from access_log where keten = ${keten} and volgnr > ${naVolgnr} order by volgnr limit ${limit}`.execute(
      db,
    )
  ).rows;
}

/** The chains that have entries (a chain without a head row is itself a finding). */
export async function ketensMetRegels(db: Db): Promise<number[]> {
  return (await sql<{ keten: number }>`select distinct keten from access_log order by keten`.execute(db)).rows.map(
    (r) => r.keten,
  );
}

/** The last entry of each chain among the entries with ids in [van, tot] (a purged prefix). */
export async function ketenEindenTussen(
  db: Db,
  van: number,
  tot: number,
): Promise<{ keten: number; volgnr: number; hash: string }[]> {
  return (
    await sql<{ keten: number; volgnr: number; hash: string }>`
      select distinct on (keten) keten, volgnr, hash from access_log
      where id >= ${van} and id <= ${tot} order by keten, volgnr desc`.execute(db)
  ).rows;
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
  a: Omit<Anker, 'id' | 'gemaakt_op' | 'first_at' | 'last_at' | 'ketens'> & {
    first_at: string;
    last_at: string;
    ketens: string;
  },
): Promise<void> {
  await sql`insert into access_log_anker (first_id, last_id, last_hash, aantal, first_at, last_at, archief_sha256, prev_hash, hash, ketens)
              values (${a.first_id}, ${a.last_id}, ${a.last_hash}, ${a.aantal}, ${a.first_at}, ${a.last_at}, ${a.archief_sha256}, ${a.prev_hash}, ${a.hash}, ${a.ketens}::jsonb)`.execute(
    tx,
  );
}

/** Remove the entries up to and including `totId` (the trigger allows it only under an anchor). */
export async function logRegelsVerwijderen(tx: Db, totId: number): Promise<void> {
  await sql`delete from access_log where id <= ${totId}`.execute(tx);
}
