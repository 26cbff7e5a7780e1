// Test support: a fresh database per test file (PGlite in memory, or a new database on the
// PostgreSQL server named by VOORDEUR_TEST_DATABASE_URL), migrated and seeded, and an app
// driven through app.inject() with a logged-in session. The database is a copy of the run's template
// (testing-template.ts, made once by vitest.global-setup.ts); without one it is migrated and seeded here.
import { configureAuditKey } from './crypto/auditsleutel.ts';
import { configureDataKey } from './crypto/veld.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { buildApp } from './app.ts';
import { demoSecret, totp } from './auth/totp.ts';
import { loadConfig, type Config } from './config.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoCases } from './demo/demo.ts';
import { openDatabase, type Database, type Db } from './db/index.ts';
import {
  databaseUrl,
  prepareTestDatabase,
  TEST_AUDIT_KEY,
  TEST_DATA_KEY,
  waitDisconnected,
  withAdmin,
  type TestTemplate,
} from './testing-template.ts';

export interface TestEnv {
  database: Database;
  app: FastifyInstance;
  users: Map<string, number>;
  /** Log in as a demo user (completing the second factor when asked); returns a client that sends the cookie and CSRF token. */
  as(gebruikersnaam: string): Promise<TestClient>;
  /** The same login, returning the raw session cookie and CSRF token. */
  session(gebruikersnaam: string): Promise<{ cookie: string; csrfToken: string; userId: number }>;
  clock: { now: Date };
  close(): Promise<void>;
}

export interface TestClient {
  userId: number;
  get(url: string): Promise<{ status: number; body: any }>;
  post(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  put(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  del(url: string): Promise<{ status: number; body: any }>;
}

// One fixed data key for the test process (field-level encryption, crypto/veld.ts).
configureDataKey(TEST_DATA_KEY);
configureAuditKey(TEST_AUDIT_KEY);

export const testDatabaseKind = () => (process.env.VOORDEUR_TEST_DATABASE_URL ? 'postgresql' : 'pglite');

/** The run's template (vitest global setup), or null (then every file migrates and seeds its own database). */
function template(): TestTemplate | null {
  try {
    return inject('voordeurTemplate') ?? null;
  } catch {
    return null;
  }
}

let pgliteDump: Blob | undefined;

async function freshDatabase(): Promise<{ database: Database; fromTemplate: boolean; drop: () => Promise<void> }> {
  const admin = process.env.VOORDEUR_TEST_DATABASE_URL;
  const tpl = template();
  if (!admin) {
    if (tpl?.kind === 'pglite') pgliteDump ??= new Blob([fs.readFileSync(tpl.dumpFile)]);
    const fromTemplate = tpl?.kind === 'pglite';
    const database = await openDatabase({
      databaseUrl: null,
      dataDir: 'memory://',
      ...(fromTemplate ? { loadDataDir: pgliteDump } : {}),
    });
    return { database, fromTemplate, drop: async () => {} };
  }
  const name = `vd_test_${randomBytes(6).toString('hex')}`;
  const fromTemplate = tpl?.kind === 'postgresql';
  await withAdmin(admin, (c) =>
    c.query(fromTemplate ? `create database ${name} template ${tpl.database}` : `create database ${name}`),
  );
  const database = await openDatabase({ databaseUrl: databaseUrl(admin, name), poolSize: 4 });
  return {
    database,
    fromTemplate,
    drop: () =>
      withAdmin(admin, async (c) => {
        // pool.end() resolves before the ended clients' sockets are closed: wait until the server
        // has seen them go, so the forced drop does not terminate a connection still closing.
        await waitDisconnected(c, name);
        await c.query(`drop database if exists ${name} with (force)`);
      }),
  };
}

/** The demo users' ids in a database copied from the template. */
async function demoUserIds(db: Db): Promise<Map<string, number>> {
  const r = await sql<{ id: number; gebruikersnaam: string }>`select id, gebruikersnaam from gebruiker`.execute(db);
  const byName = new Map(r.rows.map((u) => [u.gebruikersnaam, u.id]));
  return new Map(DEMO_USERS.map((u) => [u.gebruikersnaam, byName.get(u.gebruikersnaam)!]));
}

export async function createTestEnv(
  opts: { demoCases?: boolean; now?: Date; config?: Partial<Config> } = {},
): Promise<TestEnv> {
  const { database, fromTemplate, drop } = await freshDatabase();
  const users = fromTemplate ? await demoUserIds(database.db) : await prepareTestDatabase(database.db);
  const clock = { now: opts.now ?? new Date() };
  if (opts.demoCases) await seedDemoCases(database.db, users, clock.now);
  const config = { ...loadConfig({}), demo: false, ...opts.config };
  const app = await buildApp({ db: database.db, dbKind: database.kind, config, now: () => clock.now });
  await app.ready();

  const session = async (gebruikersnaam: string) => {
    let res = await app.inject({
      method: 'POST',
      url: '/api/sessie',
      payload: { gebruikersnaam, wachtwoord: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login ${gebruikersnaam} failed: ${res.statusCode} ${res.body}`);
    if (res.json().stap === 'totp') {
      // Second step with the demo user's published demo secret. Test support only: the replay
      // marker is cleared first so one test can log in as the same user twice within 30 seconds
      // (replay protection itself is tested in auth/totp.int.test.ts).
      await sql`update totp set laatste_stap = null where gebruiker_id = (select id from gebruiker where gebruikersnaam = ${gebruikersnaam})`.execute(
        database.db,
      );
      const pre = String(res.headers['set-cookie']).split(';')[0]!;
      res = await app.inject({
        method: 'POST',
        url: '/api/sessie/totp',
        headers: { cookie: pre },
        payload: { code: totp(demoSecret(gebruikersnaam), clock.now) },
      });
      if (res.statusCode !== 200)
        throw new Error(`second factor ${gebruikersnaam} failed: ${res.statusCode} ${res.body}`);
    }
    const { csrfToken, gebruiker } = res.json();
    if (!csrfToken) throw new Error(`login ${gebruikersnaam}: unexpected answer ${res.body}`);
    return {
      cookie: String(res.headers['set-cookie']).split(';')[0]!,
      csrfToken: csrfToken as string,
      userId: gebruiker.id as number,
    };
  };

  const as = async (gebruikersnaam: string): Promise<TestClient> => {
    const { cookie, csrfToken, userId } = await session(gebruikersnaam);
    const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
      const r = await app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrfToken },
        ...(payload !== undefined ? { payload: payload as any } : {}),
      });
      let body: any = r.body;
      if (String(r.headers['content-type'] ?? '').startsWith('application/pdf')) body = r.rawPayload;
      else
        try {
          body = r.json();
        } catch {
          /* not JSON */
        }
      return { status: r.statusCode, body };
    };
    return {
      userId,
      get: (u) => call('GET', u),
      post: (u, b) => call('POST', u, b ?? {}),
      put: (u, b) => call('PUT', u, b ?? {}),
      del: (u) => call('DELETE', u),
    };
  };
  return {
    database,
    app,
    users,
    as,
    session,
    clock,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
