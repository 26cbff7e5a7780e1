// Safe defaults (issue 10): demo data only on the embedded database unless asked for, secure cookies
// beyond loopback, a data key outside demo mode, and no start outside demo mode while demo accounts
// with the published password are active.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { configureDataKeyFromConfig } from '../crypto/veld.ts';
import { openDemoAccounts, weigerOpenDemoAccounts } from './veiligheid.ts';
import { createTestEnv, type TestEnv } from '../testing.ts';

describe('safe defaults in the configuration', () => {
  it('demo data only on the embedded database unless VOORDEUR_DEMO says so', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/voordeur' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/voordeur', VOORDEUR_DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({ VOORDEUR_DEMO: 'false' }).demo).toBe(false);
    expect(() => loadConfig({ VOORDEUR_DEMO: 'ja' })).toThrow(/VOORDEUR_DEMO must be true or false/);
  });
  it('secure cookies by default when listening beyond loopback', () => {
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ HOST: '127.0.0.1' }).secureCookies).toBe(false);
    expect(loadConfig({ HOST: 'localhost' }).secureCookies).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0' }).secureCookies).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0', VOORDEUR_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
  });
  it('outside demo mode the data key must be configured, also on the embedded database', () => {
    expect(() =>
      configureDataKeyFromConfig({ databaseUrl: null, dataDir: '/nonexistent-voordeur', demo: false }),
    ).toThrow(/VOORDEUR_DATA_KEY/);
  });
});

describe('no start outside demo mode with open demo accounts', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('refuses while demo accounts have the published password, and names them', async () => {
    await expect(weigerOpenDemoAccounts(env.database.db, true)).resolves.toBeUndefined();
    await expect(weigerOpenDemoAccounts(env.database.db, false)).rejects.toThrow(
      /bureau.*VOORDEUR_DEMO|VOORDEUR_DEMO.*bureau/s,
    );
  });

  it('starts once every demo account is deactivated or has another password', async () => {
    const db = env.database.db;
    const open = await openDemoAccounts(db);
    expect(open.length).toBeGreaterThan(5);
    await sql`update gebruiker set actief = false where gebruikersnaam = any(${open.slice(1)})`.execute(db);
    await sql`update gebruiker set wachtwoord_hash = null where gebruikersnaam = ${open[0]!}`.execute(db);
    await expect(weigerOpenDemoAccounts(db, false)).resolves.toBeUndefined();
  });
});
