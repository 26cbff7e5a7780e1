// Access-log write throughput (issue 11): the old design — one database-wide advisory lock that
// serialises every writer of the single hash chain — against the keyed chains of migration 016
// (a writer locks only its own chain's head row), with 1, 8 and 32 concurrent writers, in the same
// run on the same PostgreSQL server. Each write is a transaction of its own, as a logged read is.
// Prints entries/s per design and level and the ratio chains / single lock. Never fails on timings.
//
//   npm run bench:toegangslog [-- --seconds 5 --rounds 2]
//
// Uses a scratch database `vd_bench_toegangslog` on BENCH_DATABASE_URL's server
// (default postgres://postgres@127.0.0.1:5432/postgres), dropped and made anew each run.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { verifyAccessLog, writeAccessLog, entryHash, GENESIS_HASH } from '../packages/server/src/audit/index.ts';
import { configureAuditKey } from '../packages/server/src/crypto/auditsleutel.ts';
import { configureDataKey } from '../packages/server/src/crypto/veld.ts';
import { openDatabase, type Db } from '../packages/server/src/db/index.ts';
import { migrate } from '../packages/server/src/startup.ts';
import { fmtInt, intOption, serverUrl } from './lib.ts';

const NAME = 'vd_bench_toegangslog';
const SECONDS = intOption('seconds', 5);
const ROUNDS = intOption('rounds', 2);
const LEVELS = [1, 8, 32];

configureDataKey(randomBytes(32));
configureAuditKey(randomBytes(32));

const entry = (i: number) => ({
  at: new Date().toISOString(),
  userId: 1 + (i % 50),
  onBehalfOf: null,
  clientIds: [1000 + (i % 997), 2000 + (i % 389)],
  action: 'read',
  objectType: 'casus',
  objectId: String(i % 5000),
  purpose: 'inzien',
  route: 'GET /api/casussen/:id',
  outcome: 'success',
});

/** The access-log writer before migration 016, on a copy of the table as it was (001). */
async function oudSchrijven(db: Db, i: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(7513)`.execute(tx);
    const prev =
      (await sql<{ hash: string }>`select hash from access_log_oud order by id desc limit 1`.execute(tx)).rows[0]
        ?.hash ?? GENESIS_HASH;
    const e = entry(i);
    const hash = entryHash(prev, e);
    await sql`insert into access_log_oud (at, user_id, on_behalf_of, client_ids, action, object_type, object_id, purpose, route, outcome, prev_hash, hash)
              values (${e.at}, ${e.userId}, null, ${e.clientIds}, ${e.action}, ${e.objectType}, ${e.objectId}, ${e.purpose}, ${e.route}, ${e.outcome}, ${prev}, ${hash})`.execute(
      tx,
    );
  });
}

async function nieuwSchrijven(db: Db, i: number): Promise<void> {
  const e = entry(i);
  await writeAccessLog(db, [
    {
      userId: e.userId,
      clientIds: e.clientIds,
      action: 'read',
      objectType: e.objectType,
      objectId: e.objectId,
      purpose: e.purpose,
      route: e.route,
      outcome: 'success',
    },
  ]);
}

/** Entries per second with `writers` concurrent loops for SECONDS. */
async function meet(db: Db, writers: number, schrijf: (db: Db, i: number) => Promise<void>): Promise<number> {
  let n = 0;
  const end = Date.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (Date.now() < end) await schrijf(db, n++);
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

async function main() {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${NAME} with (force)`);
  await admin.query(`create database ${NAME}`);
  const url = new URL(serverUrl());
  url.pathname = `/${NAME}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: Math.max(...LEVELS) + 2 });
  const db = database.db;
  try {
    await migrate(db);
    // The table as migration 001 made it, for the single-lock writer.
    await sql`create table access_log_oud (
                id bigserial primary key, at timestamptz not null, user_id int, on_behalf_of int,
                client_ids int[] not null default '{}', action text not null, object_type text not null,
                object_id text, purpose text, route text, outcome text not null, prev_hash text not null, hash text not null)`.execute(
      db,
    );
    await sql`create index access_log_oud_at on access_log_oud (at)`.execute(db);
    await sql`create index access_log_oud_clients on access_log_oud using gin (client_ids)`.execute(db);
    // Warm-up of both paths and the pool.
    await meet(db, 32, oudSchrijven);
    await meet(db, 32, nieuwSchrijven);

    const res = new Map<string, number[]>();
    for (let r = 0; r < ROUNDS; r++) {
      for (const w of LEVELS) {
        // Alternate the order per round, so drift in the machine's load hits both alike.
        const order = (r + w) % 2 === 0 ? (['oud', 'nieuw'] as const) : (['nieuw', 'oud'] as const);
        for (const d of order) {
          const v = await meet(db, w, d === 'oud' ? oudSchrijven : nieuwSchrijven);
          res.set(`${d}${w}`, [...(res.get(`${d}${w}`) ?? []), v]);
        }
      }
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `\nAccess-log writes, PostgreSQL (${url.host}), ${SECONDS} s per measurement, median of ${ROUNDS} rounds; one transaction per entry`,
    );
    console.log('| writers | single lock (before 016) entries/s | 16 keyed chains entries/s | chains / single lock |');
    console.log('|---|---|---|---|');
    for (const w of LEVELS) {
      const o = med(res.get(`oud${w}`)!);
      const n = med(res.get(`nieuw${w}`)!);
      console.log(`| ${w} | ${fmtInt(Math.round(o))} | ${fmtInt(Math.round(n))} | ${(n / o).toFixed(2)} × |`);
    }
    const v = await verifyAccessLog(db);
    console.log(
      `\nchains verify: ${v.ok ? 'ok' : `BROKEN (${v.problem})`}, ${fmtInt(v.checked)} entries in ${v.ketens} chains`,
    );
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} (other processes on this machine add noise; compare ratios)`,
    );
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${NAME} with (force)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
