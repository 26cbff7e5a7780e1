// Test support: a fresh database per test file (PGlite in memory, or a new database on the
// PostgreSQL server named by VOORDEUR_TEST_DATABASE_URL), migrated and seeded, and an app
// driven through app.inject() with a logged-in session.
import { configureDataKey } from './crypto/veld.ts';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from './app.ts';
import { demoSecret, totp } from './auth/totp.ts';
import { loadConfig, type Config } from './config.ts';
import { DEMO_PASSWORD, seedDemoCases, seedDemoUsers, seedOrganisation } from './db/demo.ts';
import { openDatabase, type Database } from './db/index.ts';
import { migrate } from './db/migrate.ts';

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
configureDataKey(Buffer.alloc(32, 7));

export const testDatabaseKind = () => (process.env.VOORDEUR_TEST_DATABASE_URL ? 'postgresql' : 'pglite');

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const admin = process.env.VOORDEUR_TEST_DATABASE_URL;
  if (!admin) return { database: await openDatabase({ databaseUrl: null, dataDir: 'memory://' }), drop: async () => {} };
  const name = `vd_test_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    database,
    drop: async () => {
      const c2 = new pg.Client({ connectionString: admin });
      await c2.connect();
      // pool.end() resolves before the ended clients' sockets are closed: wait until the server
      // has seen them go, so the forced drop does not terminate a connection still closing.
      for (let i = 0; i < 50; i++) {
        const r = await c2.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((res) => setTimeout(res, 100));
      }
      await c2.query(`drop database if exists ${name} with (force)`);
      await c2.end();
    },
  };
}

export async function createTestEnv(opts: { demoCases?: boolean; now?: Date; config?: Partial<Config> } = {}): Promise<TestEnv> {
  const { database, drop } = await freshDatabase();
  await migrate(database.db);
  await seedOrganisation(database.db);
  const users = await seedDemoUsers(database.db);
  const clock = { now: opts.now ?? new Date() };
  if (opts.demoCases) await seedDemoCases(database.db, users, clock.now);
  const config = { ...loadConfig({}), demo: false, ...opts.config };
  const app = await buildApp({ db: database.db, dbKind: database.kind, config, now: () => clock.now });
  await app.ready();

  const session = async (gebruikersnaam: string) => {
    let res = await app.inject({ method: 'POST', url: '/api/sessie', payload: { gebruikersnaam, wachtwoord: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${gebruikersnaam} failed: ${res.statusCode} ${res.body}`);
    if (res.json().stap === 'totp') {
      // Second step with the demo user's published demo secret. Test support only: the replay
      // marker is cleared first so one test can log in as the same user twice within 30 seconds
      // (replay protection itself is tested in auth/totp.int.test.ts).
      await sql`update totp set laatste_stap = null where gebruiker_id = (select id from gebruiker where gebruikersnaam = ${gebruikersnaam})`.execute(database.db);
      const pre = String(res.headers['set-cookie']).split(';')[0]!;
      res = await app.inject({ method: 'POST', url: '/api/sessie/totp', headers: { cookie: pre }, payload: { code: totp(demoSecret(gebruikersnaam), clock.now) } });
      if (res.statusCode !== 200) throw new Error(`second factor ${gebruikersnaam} failed: ${res.statusCode} ${res.body}`);
    }
    const { csrfToken, gebruiker } = res.json();
    if (!csrfToken) throw new Error(`login ${gebruikersnaam}: unexpected answer ${res.body}`);
    return { cookie: String(res.headers['set-cookie']).split(';')[0]!, csrfToken: csrfToken as string, userId: gebruiker.id as number };
  };

  const as = async (gebruikersnaam: string): Promise<TestClient> => {
    const { cookie, csrfToken, userId } = await session(gebruikersnaam);
    const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
      const r = await app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrfToken }, ...(payload !== undefined ? { payload: payload as any } : {}) });
      let body: any = r.body;
      try {
        body = r.json();
      } catch {
        /* not JSON */
      }
      return { status: r.statusCode, body };
    };
    return { userId, get: (u) => call('GET', u), post: (u, b) => call('POST', u, b ?? {}), put: (u, b) => call('PUT', u, b ?? {}), del: (u) => call('DELETE', u) };
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
