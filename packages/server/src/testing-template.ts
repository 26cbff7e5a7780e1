// Test support: one migrated and seeded TEMPLATE database per test run, copied for every test file instead of
// migrating and seeding again (testing.ts). The vitest global setup (vitest.global-setup.ts) makes it once:
// - PostgreSQL (VOORDEUR_TEST_DATABASE_URL set): a database `vd_tmpl_<random>` on that server; a test file's
//   database is `create database … template vd_tmpl_…` (a file copy, no SQL replayed).
// - PGlite: a migrated data directory dumped to an uncompressed tar file; a test file's PGlite starts from it
//   (`loadDataDir`), which also skips PGlite's initdb — the larger part of opening a fresh one. Measured on this
//   machine (loaded): initdb + migrate + seed 33 s, loading the dump 8–13 s; the gzip dump loads no faster and
//   takes 4× longer to write, a copied file-backed data directory loads as fast but runs queries slower (disk).
// The template holds what every test database starts with: the migrations, the post-migration work, the
// organisation and the demo users. Demo cases depend on the test's clock and are still made per file.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { configureAuditKey } from './crypto/auditsleutel.ts';
import { configureDataKey } from './crypto/veld.ts';
import { openDatabase, type Db } from './db/index.ts';
import { seedDemoUsers, seedOrganisation } from './demo/demo.ts';
import { migrate } from './startup.ts';

/** The one data key of a test run (field-level encryption, crypto/veld.ts): the template is sealed with it. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7);
/** The one audit key of a test run (keyed access-log chains, crypto/auditsleutel.ts). */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 9);

/** What the global setup hands to the test files (vitest `provide`/`inject`). */
export type TestTemplate = { kind: 'pglite'; dumpFile: string } | { kind: 'postgresql'; database: string };

/** Everything a test database starts with. */
export async function prepareTestDatabase(db: Db): Promise<Map<string, number>> {
  await migrate(db);
  await seedOrganisation(db);
  return seedDemoUsers(db);
}

/** Wait until no session is connected to `name` any more (pool.end() resolves before the server sees it). */
export async function waitDisconnected(c: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (r.rows[0].n === 0) return;
    await new Promise((res) => setTimeout(res, 100));
  }
}

export async function withAdmin<T>(admin: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

export const databaseUrl = (admin: string, name: string) => {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
};

/** Make the template (global setup); `remove` drops it again (global teardown). */
export async function makeTestTemplate(): Promise<{ template: TestTemplate; remove: () => Promise<void> }> {
  configureDataKey(TEST_DATA_KEY);
  configureAuditKey(TEST_AUDIT_KEY);
  const admin = process.env.VOORDEUR_TEST_DATABASE_URL;
  if (admin) {
    const name = `vd_tmpl_${randomBytes(6).toString('hex')}`;
    await withAdmin(admin, (c) => c.query(`create database ${name}`));
    const database = await openDatabase({ databaseUrl: databaseUrl(admin, name), poolSize: 2 });
    try {
      await prepareTestDatabase(database.db);
    } finally {
      await database.close();
    }
    // A template may have no connections while it is copied.
    await withAdmin(admin, (c) => waitDisconnected(c, name));
    return {
      template: { kind: 'postgresql', database: name },
      remove: () => withAdmin(admin, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
    };
  }
  // PGlite: migrate into a data directory on disk (with openDatabase, so the seed sees the same type parsers as
  // a test), then dump it once with PGlite's own tar format.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voordeur-test-template-'));
  const dataDir = path.join(dir, 'pgdata');
  const database = await openDatabase({ databaseUrl: null, dataDir });
  try {
    await prepareTestDatabase(database.db);
  } finally {
    await database.close();
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const pglite = new PGlite(dataDir, { extensions: { pg_trgm } });
  await pglite.waitReady;
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dumpFile = path.join(dir, 'template.tar');
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    template: { kind: 'pglite', dumpFile },
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
