// Database access: Kysely over PostgreSQL (pg) or embedded PGlite, with the same result shapes.
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { secureDataDir, tightenTree } from './datadir.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database as Schema } from './schema.ts';

/** The database handle: Kysely over the row types of every table (db/schema.ts, `npm run db:types`). */
export type Db = Kysely<Schema>;
/** An open transaction (`db.transaction().execute(async (tx) => ...)`); usable wherever a Db is. */
export type Tx = Transaction<Schema>;
export type DbKind = 'pglite' | 'postgresql';

/** Connections of a PostgreSQL pool, for the metrics (http/metrics.ts); none for PGlite. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}
const pools = new WeakMap<object, pg.Pool>();
export function poolStats(db: Db): PoolStats | null {
  const p = pools.get(db);
  return p ? { total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount } : null;
}

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

// Normalise driver differences in one place: int8 (ids, count(*)) as numbers, numeric as
// numbers, `date` as 'YYYY-MM-DD' strings on both backends. The row types in db/schema.ts assume
// exactly this (db/schema-gen.ts maps each column type accordingly).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

export async function openDatabase(opts: {
  databaseUrl: string | null;
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: start from this dumped data directory (test support: a migrated template). */
  loadDataDir?: Blob;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('connect', (c) => {
      c.query("set timezone = 'UTC'").catch(() => {});
      // A client that is checked out (a request between two statements of its transaction) has no
      // pool listener: without its own, a dropped connection (PostgreSQL restart) is an unhandled
      // 'error' event and ends the process. The request's next statement fails and gets 503
      // (http/errors.ts isDatabaseOnbereikbaar); the pool discards the broken client on release.
      c.on('error', (err) => {
        console.error(`PostgreSQL: connection lost: ${err.message}`);
      });
    });
    // An idle client whose server connection drops (restart, failover, admin termination) emits
    // 'error' on the pool: log it; the pool replaces the client on the next checkout. A client the
    // pool is ending (pool.end(), idle timeout) no longer has the pool's listener while its socket
    // closes: an error in that window concerns a connection nobody uses any more.
    pool.on('error', (err) => {
      console.error(`PostgreSQL: idle connection lost: ${err.message}`);
    });
    pool.on('remove', (c) => {
      c.on('error', () => {});
    });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    pools.set(db, pool);
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const dataDir = opts.dataDir;
  // On disk: owner-only files and directory, or refuse (db/datadir.ts).
  if (dataDir && dataDir !== 'memory://') secureDataDir(dataDir);
  const pglite = new PGlite(dataDir || 'memory://', {
    extensions: { pg_trgm },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers: { [DATE]: (v: string) => v, [NUMERIC]: (v: string) => Number(v) },
  });
  await pglite.waitReady;
  const onDisk = dataDir && dataDir !== 'memory://' ? dataDir : null;
  if (onDisk) tightenTree(onDisk);
  const db = new Kysely<Schema>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (onDisk) tightenTree(onDisk);
    },
  };
}
