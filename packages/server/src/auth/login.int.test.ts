// Login in two steps through the API: password, then TOTP (or a recovery code). The
// pre-authentication session can do nothing else; the session id rotates at the second step;
// a code is accepted once; enrolment at first login and from the own account; CSRF still holds.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.ts';
import type { RouteDef } from '../http/route.ts';
import { allRoutes } from '../routes.ts';
import { createTestEnv, type TestEnv } from '../testing.ts';
import { hashPassword } from './session.ts';
import { demoSecret, totp } from './totp.ts';

let env: TestEnv;
const ROUTES = allRoutes();
const key = (r: RouteDef) => `${r.method} ${r.url}`;

type Res = Awaited<ReturnType<TestEnv['app']['inject']>>;
const cookieOf = (res: Res) => String(res.headers['set-cookie']).split(';')[0]!;
const password = (gebruikersnaam: string, wachtwoord = DEMO_PASSWORD) =>
  env.app.inject({ method: 'POST', url: '/api/sessie', payload: { gebruikersnaam, wachtwoord } });
const secondStep = (cookie: string | null, code: string) =>
  env.app.inject({ method: 'POST', url: '/api/sessie/totp', headers: cookie ? { cookie } : {}, payload: { code } });
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
/** Move the server clock on by whole 30-second steps, so a fresh code exists (no waiting). */
const nextStep = (n = 1) => {
  env.clock.now = new Date(env.clock.now.getTime() + n * 30_000);
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
async function newUser(gebruikersnaam: string, rollen: string[], wachtwoord = 'een lang en sterk wachtwoord') {
  const org = (await sql<{ id: number }>`select id from organisatie limit 1`.execute(env.database.db)).rows[0]!.id;
  const r = await sql<{
    id: number;
  }>`insert into gebruiker (organisatie_id, gebruikersnaam, naam, wachtwoord_hash, rollen) values (${org}, ${gebruikersnaam}, ${gebruikersnaam}, ${await hashPassword(wachtwoord)}, ${rollen}) returning id`.execute(
    env.database.db,
  );
  return r.rows[0]!.id;
}

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2026-03-02T09:00:00Z') });
});
afterAll(async () => {
  await env?.close();
});

describe('step 1: password', () => {
  it('a role with personal data gets exactly {stap: "totp"} and a short-lived pre-authentication cookie', async () => {
    const before = await lastLogId();
    const res = await password('bureau');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stap: 'totp' });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^vd_sessie=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=600$/);
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'login',
      outcome: 'success',
      route: 'POST /api/sessie',
      object_id: String(env.users.get('bureau')),
      purpose: 'eerste factor juist; code gevraagd',
    });
  });

  it('a role without personal data and without enrolment is logged in by the password alone', async () => {
    const res = await password('beleid');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(['csrfToken', 'gebruiker']);
    expect((await get('/api/sessie', cookieOf(res))).statusCode).toBe(200);
  });

  it('the pre-authentication session is refused by every other route (generated from the route table)', async () => {
    const pre = cookieOf(await password('backoffice'));
    const routes = ROUTES.filter((r) => !('public' in r.policy));
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const res = await env.app.inject({
        method: r.method,
        url: r.url.replace(/:id\b/g, '1').replace(/:sleutel\b/g, 'intake'),
        headers: { cookie: pre },
        ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
      });
      expect(res.statusCode, key(r)).toBe(401);
      expect(res.json().error, key(r)).toBe('niet_ingelogd');
    }
    // And it still works for the second step afterwards.
    const done = await secondStep(pre, demoCode('backoffice'));
    expect(done.statusCode).toBe(200);
  });
});

describe('step 2: TOTP code', () => {
  it('a wrong code is a 401 written to the access log as denied with its reason; the right one logs in', async () => {
    nextStep();
    const pre = cookieOf(await password('gw'));
    const before = await lastLogId();
    const good = demoCode('gw');
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    const bad = await secondStep(pre, wrong);
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toBe('code_onjuist');
    expect(bad.headers['set-cookie']).toBeUndefined();
    const ok = await secondStep(pre, good);
    expect(ok.statusCode).toBe(200);
    expect(Object.keys(ok.json()).sort()).toEqual(['csrfToken', 'gebruiker']);
    expect(ok.json().gebruiker).toMatchObject({ gebruikersnaam: 'gw', rollen: ['gedragswetenschapper'] });
    const rows = await logSince(before);
    expect(rows.map((r) => [r.route, r.outcome, r.purpose, r.object_id])).toEqual([
      ['POST /api/sessie/totp', 'denied', 'code onjuist', String(env.users.get('gw'))],
      ['POST /api/sessie/totp', 'success', 'wachtwoord+totp', String(env.users.get('gw'))],
    ]);
    expect(rows[0].user_id).toBeNull();
    expect(rows[1].user_id).toBe(env.users.get('gw'));
  });

  it('rotates the session id: the pre-authentication cookie is dead afterwards, the new one works', async () => {
    nextStep();
    const pre = cookieOf(await password('arts'));
    const ok = await secondStep(pre, demoCode('arts'));
    const session = cookieOf(ok);
    expect(session).not.toBe(pre);
    expect(String(ok.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect((await get('/api/sessie', session)).json().csrfToken).toBe(ok.json().csrfToken);
    expect((await get('/api/sessie', pre)).statusCode).toBe(401);
    nextStep();
    const again = await secondStep(pre, demoCode('arts'));
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe('niet_ingelogd');
    // A full session is not a pre-authentication session either.
    expect((await secondStep(session, demoCode('arts'))).statusCode).toBe(401);
    expect((await secondStep(null, demoCode('arts'))).statusCode).toBe(401);
  });

  it('a code is accepted once: the same code (or an older one in the window) is refused as a replay', async () => {
    nextStep();
    const code = demoCode('crisis');
    expect((await secondStep(cookieOf(await password('crisis')), code)).statusCode).toBe(200);
    const before = await lastLogId();
    const pre = cookieOf(await password('crisis'));
    const replay = await secondStep(pre, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({
      error: 'code_onjuist',
      message: 'Deze code is al gebruikt. Wacht op de volgende code van uw app.',
    });
    // The previous step's code is inside the drift window but older than the one used.
    const older = totp(demoSecret('crisis'), new Date(env.clock.now.getTime() - 30_000));
    expect((await secondStep(pre, older)).statusCode).toBe(401);
    expect((await logSince(before)).filter((r) => r.route === 'POST /api/sessie/totp').map((r) => r.purpose)).toEqual([
      'code al gebruikt',
      'code al gebruikt',
    ]);
    // The next code works.
    nextStep();
    expect((await secondStep(pre, demoCode('crisis'))).statusCode).toBe(200);
  });

  it('two simultaneous requests with the same code: exactly one logs in', async () => {
    nextStep();
    const [a, b] = [cookieOf(await password('manager')), cookieOf(await password('manager'))];
    const code = demoCode('manager');
    const results = await Promise.all([secondStep(a, code), secondStep(b, code)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('CSRF is still enforced on a session made in two steps', async () => {
    const s = await env.session('backoffice');
    const none = await env.app.inject({
      method: 'POST',
      url: '/api/account/wachtwoord',
      headers: { cookie: s.cookie },
      payload: { huidigWachtwoord: DEMO_PASSWORD, nieuwWachtwoord: 'paarse fiets onder de brug' },
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toBe('csrf');
    const del = await env.app.inject({ method: 'DELETE', url: '/api/sessie/alle', headers: { cookie: s.cookie } });
    expect(del.statusCode).toBe(403);
    expect((await get('/api/sessie', s.cookie)).statusCode).toBe(200);
  });
});

describe('recovery codes', () => {
  it('ten new codes from the own account (a current code needed); each logs in once, in place of the TOTP code', async () => {
    nextStep();
    const privacy = await env.as('privacy');
    const refused = await privacy.post('/api/account/herstelcodes', { code: '000000' });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ field: 'code', rule: 'onjuist', message: 'Code: onjuist' }]);
    nextStep();
    const r = await privacy.post('/api/account/herstelcodes', { code: demoCode('privacy') });
    expect(r.status).toBe(200);
    const codes: string[] = r.body.herstelcodes;
    expect(codes).toHaveLength(10);
    // Stored hashed only.
    const stored = (
      await sql<{
        code_hash: string;
      }>`select code_hash from herstelcode where gebruiker_id = ${env.users.get('privacy')}`.execute(env.database.db)
    ).rows.map((x) => x.code_hash);
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored.join()).not.toContain(c.replace(/-/g, ''));

    const use = await secondStep(cookieOf(await password('privacy')), codes[3]!.toUpperCase());
    expect(use.statusCode).toBe(200);
    expect(use.json().herstelcodesOver).toBe(9);
    const again = await secondStep(cookieOf(await password('privacy')), codes[3]!);
    expect(again.statusCode).toBe(401);
    expect((await privacy.get('/api/account')).body.tweedeFactor).toEqual({
      ingeschreven: true,
      verplicht: true,
      herstelcodesOver: 9,
    });

    // New codes replace the old ones.
    nextStep();
    const fresh = await privacy.post('/api/account/herstelcodes', { code: demoCode('privacy') });
    expect(fresh.status).toBe(200);
    expect((await secondStep(cookieOf(await password('privacy')), codes[4]!)).statusCode).toBe(401);
    expect((await secondStep(cookieOf(await password('privacy')), fresh.body.herstelcodes[0])).statusCode).toBe(200);
  });
});

describe('enrolment', () => {
  it('at first login: {stap: "totp_inschrijven"}, the secret once, confirmed by a code; then recovery codes and a session', async () => {
    const id = await newUser('nieuw.bureau', ['bureaudienst']);
    const first = await password('nieuw.bureau', 'een lang en sterk wachtwoord');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ stap: 'totp_inschrijven' });
    const pre = cookieOf(first);
    expect((await get('/api/sessie', pre)).statusCode).toBe(401);
    // The enrolment step needs the pre-authentication cookie.
    expect((await env.app.inject({ method: 'POST', url: '/api/sessie/totp/inschrijving' })).statusCode).toBe(401);
    const e = await env.app.inject({ method: 'POST', url: '/api/sessie/totp/inschrijving', headers: { cookie: pre } });
    expect(e.statusCode).toBe(200);
    const { geheim, otpauthUri } = e.json();
    expect(geheim).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toBe(
      `otpauth://totp/Voordeur%3Anieuw.bureau?secret=${geheim}&issuer=Voordeur&algorithm=SHA1&digits=6&period=30`,
    );
    // Not active before confirmation.
    expect((await sql`select geheim from totp where gebruiker_id = ${id}`.execute(env.database.db)).rows[0]).toEqual({
      geheim: null,
    });
    expect((await secondStep(pre, '123456')).statusCode).toBe(401);
    const done = await secondStep(pre, totp(geheim, env.clock.now));
    expect(done.statusCode).toBe(200);
    expect(done.json().herstelcodes).toHaveLength(10);
    expect(done.json().gebruiker.gebruikersnaam).toBe('nieuw.bureau');
    // From now on the code is asked.
    nextStep();
    const next = await password('nieuw.bureau', 'een lang en sterk wachtwoord');
    expect(next.json()).toEqual({ stap: 'totp' });
    expect((await secondStep(cookieOf(next), totp(geheim, env.clock.now))).statusCode).toBe(200);
  });

  it('from the own account: password needed, a new secret only replaces the old one after confirmation', async () => {
    nextStep();
    const amstelland = await env.as('amstelland');
    expect((await amstelland.post('/api/account/totp/inschrijving', {})).body.fields).toEqual([
      expect.objectContaining({ field: 'wachtwoord', rule: 'verplicht' }),
    ]);
    expect((await amstelland.post('/api/account/totp/inschrijving', { wachtwoord: 'fout' })).body.fields).toEqual([
      { field: 'wachtwoord', rule: 'onjuist', message: 'Wachtwoord: onjuist' },
    ]);
    const start = await amstelland.post('/api/account/totp/inschrijving', { wachtwoord: DEMO_PASSWORD });
    expect(start.status).toBe(200);
    const geheim = start.body.geheim as string;
    // Until confirmed, the old (demo) secret still logs in.
    nextStep();
    expect((await secondStep(cookieOf(await password('amstelland')), demoCode('amstelland'))).statusCode).toBe(200);
    expect((await amstelland.post('/api/account/totp/bevestiging', { code: '000000' })).status).toBe(400);
    const ok = await amstelland.post('/api/account/totp/bevestiging', { code: totp(geheim, env.clock.now) });
    expect(ok.status).toBe(200);
    expect(ok.body.herstelcodes).toHaveLength(10);
    nextStep();
    expect((await secondStep(cookieOf(await password('amstelland')), demoCode('amstelland'))).statusCode).toBe(401);
    expect((await secondStep(cookieOf(await password('amstelland')), totp(geheim, env.clock.now))).statusCode).toBe(
      200,
    );
  });

  it('optional for a role without personal data: enrol, then the code is asked; switching it off needs the password; a required one cannot be switched off', async () => {
    nextStep();
    const onderzoek = await env.as('onderzoek');
    expect((await onderzoek.get('/api/account')).body.tweedeFactor).toEqual({
      ingeschreven: false,
      verplicht: false,
      herstelcodesOver: 0,
    });
    const { geheim } = (await onderzoek.post('/api/account/totp/inschrijving', { wachtwoord: DEMO_PASSWORD })).body;
    expect((await onderzoek.post('/api/account/totp/bevestiging', { code: totp(geheim, env.clock.now) })).status).toBe(
      200,
    );
    expect((await password('onderzoek')).json()).toEqual({ stap: 'totp' });
    expect((await onderzoek.post('/api/account/totp/uitschakeling', { wachtwoord: 'fout' })).status).toBe(400);
    expect((await onderzoek.post('/api/account/totp/uitschakeling', { wachtwoord: DEMO_PASSWORD })).status).toBe(200);
    expect(Object.keys((await password('onderzoek')).json()).sort()).toEqual(['csrfToken', 'gebruiker']);

    const bureau = await env.as('bureau');
    const r = await bureau.post('/api/account/totp/uitschakeling', { wachtwoord: DEMO_PASSWORD });
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('totp_verplicht');
  });

  it('VOORDEUR_REQUIRE_TOTP=false: no enrolment is forced, but an enrolled user is still asked for the code', async () => {
    const off = await createTestEnv({ now: env.clock.now, config: { requireTotp: false } });
    try {
      const org = (await sql<{ id: number }>`select id from organisatie limit 1`.execute(off.database.db)).rows[0]!.id;
      await sql`insert into gebruiker (organisatie_id, gebruikersnaam, naam, wachtwoord_hash, rollen) values (${org}, 'zonder', 'Zonder', ${await hashPassword('een lang en sterk wachtwoord')}, ${['backoffice']})`.execute(
        off.database.db,
      );
      const plain = await off.app.inject({
        method: 'POST',
        url: '/api/sessie',
        payload: { gebruikersnaam: 'zonder', wachtwoord: 'een lang en sterk wachtwoord' },
      });
      expect(Object.keys(plain.json()).sort()).toEqual(['csrfToken', 'gebruiker']);
      const enrolled = await off.app.inject({
        method: 'POST',
        url: '/api/sessie',
        payload: { gebruikersnaam: 'backoffice', wachtwoord: DEMO_PASSWORD },
      });
      expect(enrolled.json()).toEqual({ stap: 'totp' });
      // as() completes it as everywhere.
      expect((await (await off.as('backoffice')).get('/api/sessie')).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});
