// PostgreSQL server only: the application role made by db/rollen.ts runs the application but
// cannot change or truncate its access log, nor switch off or drop the append-only trigger.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestEnv, testDatabaseKind, type TestEnv } from '../testing.ts';
import { openDatabase, type Database } from './index.ts';
import { appRolStatements, grantAppRol } from './rollen.ts';

const onServer = testDatabaseKind() === 'postgresql';
const rol = `vd_app_${randomBytes(4).toString('hex')}`;
let env: TestEnv;
let app: Database;

beforeAll(async () => {
  if (!onServer) return;
  env = await createTestEnv({ demoCases: true });
  await grantAppRol(env.database.db, rol);
  const dbName = (await sql<{ d: string }>`select current_database() as d`.execute(env.database.db)).rows[0]!.d;
  const url = new URL(process.env.VOORDEUR_TEST_DATABASE_URL!);
  url.username = rol;
  url.password = '';
  url.pathname = `/${dbName}`;
  app = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
});
afterAll(async () => {
  if (!onServer) return;
  await app?.close();
  await sql.raw(`drop owned by ${rol}`).execute(env.database.db);
  await env?.close();
  const c = new pg.Client({ connectionString: process.env.VOORDEUR_TEST_DATABASE_URL });
  await c.connect();
  await c.query(`drop role if exists ${rol}`);
  await c.end();
});

const fails = async (q: string) => {
  try {
    await sql.raw(q).execute(app.db);
  } catch (e) {
    return (e as Error).message;
  }
  return 'succeeded';
};

describe.skipIf(!onServer)('application database role', () => {
  it('runs the application: login and health as the non-owner role', async () => {
    const a = await buildApp({
      db: app.db,
      dbKind: 'postgresql',
      config: { ...loadConfig({}), demo: false },
      now: () => new Date(),
    });
    await a.ready();
    try {
      expect((await a.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const login = await a.inject({
        method: 'POST',
        url: '/api/sessie',
        payload: { gebruikersnaam: 'beleid', wachtwoord: 'Voordeur-demo-2026' },
      });
      expect(login.statusCode, login.body).toBe(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      expect((await a.inject({ method: 'GET', url: '/api/rapportage/halfjaar', headers: { cookie } })).statusCode).toBe(
        200,
      );
    } finally {
      await a.close();
    }
    const n = (await sql<{ n: number }>`select count(*)::int as n from access_log`.execute(app.db)).rows[0]!.n;
    expect(n).toBeGreaterThan(0);
  });

  it('cannot update, truncate or delete access-log entries, nor switch off or drop the trigger', async () => {
    expect(
      await fails(`update access_log set purpose = 'weggepoetst' where id = (select max(id) from access_log)`),
    ).toMatch(/permission denied/);
    expect(await fails(`truncate access_log`)).toMatch(/permission denied/);
    expect(await fails(`delete from access_log where id = (select max(id) from access_log)`)).toMatch(/append-only/);
    expect(await fails(`alter table access_log disable trigger access_log_no_change`)).toMatch(/must be owner/);
    expect(await fails(`drop trigger access_log_no_change on access_log`)).toMatch(/must be owner/);
    expect(await fails(`update access_log_anker set last_hash = 'x'`)).toMatch(/permission denied/);
    expect(await fails(`delete from access_log_anker`)).toMatch(/permission denied/);
    // The chain heads (migration 016): moved forward by the writers only, never removed or reset.
    expect(await fails(`truncate access_log_keten`)).toMatch(/permission denied/);
    expect(await fails(`delete from access_log_keten`)).toMatch(/permission denied/);
    expect(await fails(`update access_log_keten set volgnr = 0, hash = 'x'`)).toMatch(/only moves forward/);
    expect(await fails(`alter table access_log disable trigger access_log_no_truncate`)).toMatch(/must be owner/);
  });

  it('refuses a role name that is not a plain identifier', () => {
    expect(() => appRolStatements('app; drop table melding')).toThrow(/role name/);
  });
});
