// Database access: Kysely over PostgreSQL (pg) or embedded PGlite, with the same result shapes.
import fs from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';

export type Db = Kysely<any>;
export type DbKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

// Normalise driver differences in one place: int8 (ids, count(*)) as numbers, numeric as
// numbers, `date` as 'YYYY-MM-DD' strings on both backends.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

export async function openDatabase(opts: { databaseUrl: string | null; dataDir?: string; poolSize?: number }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('connect', (c) => {
      c.query("set timezone = 'UTC'").catch(() => {});
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
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const dataDir = opts.dataDir;
  if (dataDir && dataDir !== 'memory://') fs.mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir || 'memory://', {
    extensions: { pg_trgm },
    parsers: { [DATE]: (v: string) => v, [NUMERIC]: (v: string) => Number(v) },
  });
  await pglite.waitReady;
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/** Rows of a raw SQL query. */
export async function rows<T = any>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  const r = await q.execute(db);
  return r.rows as T[];
}
