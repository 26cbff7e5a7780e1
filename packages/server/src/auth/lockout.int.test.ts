// Failed logins through the API: an account locks after 5 failures (password or code) for 15
// minutes, each further failure locks it twice as long; the counter resets only after a complete
// login. Failed logins per client address are limited too. Refusals are logged with a reason,
// never with typed text. Time is the server clock (moved on by the test, no waiting).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.ts';
import { createTestEnv, type TestEnv } from '../testing.ts';
import { demoSecret, totp } from './totp.ts';

let env: TestEnv;
type Res = Awaited<ReturnType<TestEnv['app']['inject']>>;
const cookieOf = (res: Res) => String(res.headers['set-cookie']).split(';')[0]!;
const password = (gebruikersnaam: string, wachtwoord: string, remoteAddress = '127.0.0.1') =>
  env.app.inject({ method: 'POST', url: '/api/sessie', payload: { gebruikersnaam, wachtwoord }, remoteAddress });
const code = (cookie: string, c: string, remoteAddress = '127.0.0.1') =>
  env.app.inject({ method: 'POST', url: '/api/sessie/totp', headers: { cookie }, payload: { code: c }, remoteAddress });
const minutes = (n: number) => {
  env.clock.now = new Date(env.clock.now.getTime() + n * 60_000);
};
const demoCode = (u: string) => totp(demoSecret(u), env.clock.now);
async function logSince(id: number) {
  return (await sql<any>`select * from access_log where id > ${id} order by id`.execute(env.database.db)).rows;
}
async function lastLogId(): Promise<number> {
  return Number(
    (await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(env.database.db)).rows[0]!.id ?? 0,
  );
}

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2026-04-07T08:00:00Z') });
});
afterAll(async () => {
  await env?.close();
});

describe('account lockout', () => {
  it('5 wrong passwords lock the account for 15 minutes, even for the right password; logged with the reason', async () => {
    const before = await lastLogId();
    for (let i = 0; i < 5; i++) {
      const r = await password('backoffice2', `fout-${i}`);
      expect(r.statusCode).toBe(401);
      expect(r.json().error).toBe('inloggen_mislukt');
    }
    const locked = await password('backoffice2', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({
      error: 'geblokkeerd',
      message:
        'Te veel mislukte inlogpogingen: dit account is tijdelijk geblokkeerd. Probeer het over 15 minuten opnieuw.',
    });
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.headers['set-cookie']).toBeUndefined();
    const rows = await logSince(before);
    expect(rows.map((r) => r.outcome)).toEqual(['denied', 'denied', 'denied', 'denied', 'denied', 'denied']);
    expect(rows.map((r) => r.purpose)).toEqual([
      'wachtwoord onjuist',
      'wachtwoord onjuist',
      'wachtwoord onjuist',
      'wachtwoord onjuist',
      'wachtwoord onjuist; account geblokkeerd tot 2026-04-07T08:15:00.000Z',
      'account geblokkeerd',
    ]);
    expect(rows.every((r) => r.object_id === String(env.users.get('backoffice2')) && r.user_id === null)).toBe(true);
    // Typed text is never logged.
    expect(JSON.stringify(rows)).not.toContain('fout-');

    minutes(14);
    expect((await password('backoffice2', DEMO_PASSWORD)).statusCode).toBe(429);
    minutes(1);
    const open = await password('backoffice2', DEMO_PASSWORD);
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({ stap: 'totp' });
  });

  it('after the lock each further failure locks again, twice as long (30, then 60 minutes)', async () => {
    expect((await password('backoffice2', 'weer fout')).statusCode).toBe(401);
    minutes(29);
    expect((await password('backoffice2', DEMO_PASSWORD)).statusCode).toBe(429);
    minutes(1);
    expect((await password('backoffice2', 'en weer fout')).statusCode).toBe(401);
    minutes(59);
    const r = await password('backoffice2', DEMO_PASSWORD);
    expect(r.statusCode).toBe(429);
    expect(r.json().message).toMatch(/over 1 minuut opnieuw/);
    minutes(1);
    expect((await password('backoffice2', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('the password alone does not reset the counter; a complete login does', async () => {
    // Password right, second step not done: one more failure still locks (for 2 hours now).
    expect((await password('backoffice2', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await password('backoffice2', 'fout')).statusCode).toBe(401);
    expect((await password('backoffice2', DEMO_PASSWORD)).statusCode).toBe(429);
    minutes(120);
    const pre = cookieOf(await password('backoffice2', DEMO_PASSWORD));
    expect((await code(pre, demoCode('backoffice2'))).statusCode).toBe(200);
    const row = (
      await sql<any>`select mislukte_pogingen, geblokkeerd_tot from gebruiker where gebruikersnaam = 'backoffice2'`.execute(
        env.database.db,
      )
    ).rows[0];
    expect(row).toEqual({ mislukte_pogingen: 0, geblokkeerd_tot: null });
    for (let i = 0; i < 4; i++) expect((await password('backoffice2', 'fout')).statusCode).toBe(401);
    minutes(1);
    expect((await password('backoffice2', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('wrong second-factor codes count as well: the fifth locks the account and ends the half-finished login', async () => {
    minutes(1);
    const pre = cookieOf(await password('amstelland', DEMO_PASSWORD));
    const good = demoCode('amstelland');
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) expect((await code(pre, wrong)).statusCode).toBe(401);
    const after = await code(pre, good);
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toBe('niet_ingelogd');
    expect((await password('amstelland', DEMO_PASSWORD)).statusCode).toBe(429);
    minutes(15);
    const pre2 = cookieOf(await password('amstelland', DEMO_PASSWORD));
    expect((await code(pre2, demoCode('amstelland'))).statusCode).toBe(200);
  });

  it('changing the password with a wrong current password counts too', async () => {
    minutes(1);
    const gw = await env.as('gw');
    for (let i = 0; i < 5; i++) {
      const r = await gw.post('/api/account/wachtwoord', {
        huidigWachtwoord: `fout-${i}`,
        nieuwWachtwoord: 'paarse fiets onder de brug',
      });
      expect(r.status).toBe(400);
    }
    const r = await gw.post('/api/account/wachtwoord', {
      huidigWachtwoord: DEMO_PASSWORD,
      nieuwWachtwoord: 'paarse fiets onder de brug',
    });
    expect(r.status).toBe(429);
    expect((await password('gw', DEMO_PASSWORD)).statusCode).toBe(429);
    minutes(15);
  });
});

describe('failed logins per client address', () => {
  it('30 failures from one address in 15 minutes: that address gets 429 for every account, other addresses do not', async () => {
    minutes(60);
    const ip = '10.20.30.40';
    const before = await lastLogId();
    // Password spraying: one try per name, so no account reaches its own limit.
    for (let i = 0; i < 30; i++) expect((await password(`niemand-${i}`, 'Zomer2026!', ip)).statusCode).toBe(401);
    const blocked = await password('arts', DEMO_PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe('te_veel_pogingen');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const rows = await logSince(before);
    expect(rows.at(-1)).toMatchObject({
      outcome: 'denied',
      purpose: 'te veel mislukte pogingen vanaf dit adres',
      object_id: null,
    });
    expect(JSON.stringify(rows)).not.toContain('niemand-');
    // The account itself is not locked: from another address it logs in.
    expect((await password('arts', DEMO_PASSWORD, '10.20.30.41')).statusCode).toBe(200);
    // The second step is limited for that address too.
    const pre = cookieOf(await password('arts', DEMO_PASSWORD, '10.20.30.41'));
    expect((await code(pre, demoCode('arts'), ip)).statusCode).toBe(429);
    minutes(16);
    expect((await password('arts', DEMO_PASSWORD, ip)).statusCode).toBe(200);
  });
});
