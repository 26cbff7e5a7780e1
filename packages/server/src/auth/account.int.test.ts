// Own account and sessions through the API: password change under the policy (ends the other
// sessions), logout everywhere, idle and absolute timeouts, Secure cookies, drafts that survive
// logout and timeout (own user only, size-limited, logged as personal data).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.ts';
import { createTestEnv, type TestEnv } from '../testing.ts';
import { sha256 } from './session.ts';
import { demoSecret, totp } from './totp.ts';

let env: TestEnv;
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
async function logSince(id: number) {
  return (await sql<any>`select * from access_log where id > ${id} order by id`.execute(env.database.db)).rows;
}
async function lastLogId(): Promise<number> {
  return Number(
    (await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(env.database.db)).rows[0]!.id ?? 0,
  );
}
const sessionId = (cookie: string) => sha256(cookie.split('=')[1]!);

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('changing the own password', () => {
  it('refuses a weak new password with Dutch messages naming the field and the rule, and a wrong current one', async () => {
    const beheer = await env.as('beheer');
    const weak = await beheer.post('/api/account/wachtwoord', {
      huidigWachtwoord: DEMO_PASSWORD,
      nieuwWachtwoord: 'beheer123',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields).toEqual([
      { field: 'nieuwWachtwoord', rule: 'min_lengte', message: 'Nieuw wachtwoord: minstens 12 tekens (nu 9)' },
      {
        field: 'nieuwWachtwoord',
        rule: 'gebruikersnaam',
        message: 'Nieuw wachtwoord: mag niet uw gebruikersnaam zijn of bevatten',
      },
      {
        field: 'nieuwWachtwoord',
        rule: 'veelgebruikt',
        message: 'Nieuw wachtwoord: dit is een veelgebruikt wachtwoord; kies een langere zin of een wachtwoordmanager',
      },
    ]);
    const common = await beheer.post('/api/account/wachtwoord', {
      huidigWachtwoord: DEMO_PASSWORD,
      nieuwWachtwoord: 'Wachtwoord2026!',
    });
    expect(common.body.fields.map((f: any) => f.rule)).toEqual(['veelgebruikt']);
    const wrong = await beheer.post('/api/account/wachtwoord', {
      huidigWachtwoord: 'niet mijn wachtwoord',
      nieuwWachtwoord: 'paarse fiets onder de brug',
    });
    expect(wrong.body.fields).toEqual([
      { field: 'huidigWachtwoord', rule: 'onjuist', message: 'Huidig wachtwoord: onjuist' },
    ]);
    const empty = await beheer.post('/api/account/wachtwoord', {});
    expect(empty.body.fields.map((f: any) => f.field).sort()).toEqual(['huidigWachtwoord', 'nieuwWachtwoord']);
    // Nothing changed: the old password still logs in.
    const r = await env.app.inject({
      method: 'POST',
      url: '/api/sessie',
      payload: { gebruikersnaam: 'beheer', wachtwoord: DEMO_PASSWORD },
    });
    expect(r.statusCode).toBe(200);
  });

  it('a good change keeps this session, ends the others, is logged, and only the new password logs in', async () => {
    const other = await env.session('beleid');
    const beleid = await env.as('beleid');
    const before = await lastLogId();
    const r = await beleid.post('/api/account/wachtwoord', {
      huidigWachtwoord: DEMO_PASSWORD,
      nieuwWachtwoord: 'paarse fiets onder de brug',
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, andereSessiesBeeindigd: 1 });
    const rows = await logSince(before);
    expect((await beleid.get('/api/sessie')).status).toBe(200);
    expect((await get('/api/sessie', other.cookie)).statusCode).toBe(401);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: beleid.userId,
      action: 'change',
      object_type: 'gebruiker',
      object_id: String(beleid.userId),
      purpose: 'wachtwoord wijzigen',
      outcome: 'success',
    });
    expect(JSON.stringify(rows)).not.toContain('paarse');
    const old = await env.app.inject({
      method: 'POST',
      url: '/api/sessie',
      payload: { gebruikersnaam: 'beleid', wachtwoord: DEMO_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    const nieuw = await env.app.inject({
      method: 'POST',
      url: '/api/sessie',
      payload: { gebruikersnaam: 'beleid', wachtwoord: 'paarse fiets onder de brug' },
    });
    expect(nieuw.statusCode).toBe(200);
    const stored = (
      await sql<any>`select wachtwoord_hash from gebruiker where gebruikersnaam = 'beleid'`.execute(env.database.db)
    ).rows[0].wachtwoord_hash;
    expect(stored).toMatch(/^\$argon2id\$/);
  });
});

describe('sessions', () => {
  it('logout everywhere ends every session of the user (this one too) and clears the cookie; other users keep theirs', async () => {
    const a = await env.session('manager');
    const b = await env.session('manager');
    const someoneElse = await env.session('crisis');
    const before = await lastLogId();
    const r = await env.app.inject({
      method: 'DELETE',
      url: '/api/sessie/alle',
      headers: { cookie: b.cookie, 'x-csrf-token': b.csrfToken },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().beeindigd).toBe(2);
    expect(String(r.headers['set-cookie'])).toBe('vd_sessie=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
    expect((await get('/api/sessie', b.cookie)).statusCode).toBe(401);
    expect((await get('/api/sessie', a.cookie)).statusCode).toBe(401);
    expect((await get('/api/sessie', someoneElse.cookie)).statusCode).toBe(200);
    const [entry] = await logSince(before);
    expect(entry).toMatchObject({
      route: 'DELETE /api/sessie/alle',
      action: 'logout',
      purpose: 'uitloggen op alle apparaten',
      outcome: 'success',
    });
  });

  it('an idle session (30 minutes without a request) and a session past its absolute lifetime are 401', async () => {
    const idle = await env.session('bureau');
    await sql`update sessie set laatst_actief_op = now() - interval '31 minutes' where id = ${sessionId(idle.cookie)}`.execute(
      env.database.db,
    );
    expect((await get('/api/sessie', idle.cookie)).statusCode).toBe(401);
    const fresh = await env.session('bureau');
    await sql`update sessie set laatst_actief_op = now() - interval '29 minutes' where id = ${sessionId(fresh.cookie)}`.execute(
      env.database.db,
    );
    expect((await get('/api/sessie', fresh.cookie)).statusCode).toBe(200);
    await sql`update sessie set verloopt_op = now() - interval '1 second' where id = ${sessionId(fresh.cookie)}`.execute(
      env.database.db,
    );
    expect((await get('/api/sessie', fresh.cookie)).statusCode).toBe(401);
  });

  it('cookies are Secure when VOORDEUR_SECURE_COOKIES is set, for both login steps', async () => {
    const secure = await createTestEnv({ config: { secureCookies: true } });
    try {
      const step1 = await secure.app.inject({
        method: 'POST',
        url: '/api/sessie',
        payload: { gebruikersnaam: 'bureau', wachtwoord: DEMO_PASSWORD },
      });
      expect(String(step1.headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=600; Secure$/);
      const step2 = await secure.app.inject({
        method: 'POST',
        url: '/api/sessie/totp',
        headers: { cookie: String(step1.headers['set-cookie']).split(';')[0]! },
        payload: { code: totp(demoSecret('bureau'), secure.clock.now) },
      });
      expect(step2.statusCode).toBe(200);
      expect(String(step2.headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/);
    } finally {
      await secure.close();
    }
  });
});

describe('drafts (concepten)', () => {
  const melding = {
    omschrijving: 'Buurvrouw hoort ruzie en een huilend kind',
    betrokkenen: [{ achternaam: 'Tahiri' }],
  };

  it('survive logout and session timeout, and come back after logging in again', async () => {
    const bo = await env.as('backoffice');
    const put = await bo.put('/api/concepten/intake-melding', { inhoud: melding, persoonIds: [11, 12] });
    expect(put.status).toBe(200);
    expect(put.body.sleutel).toBe('intake-melding');
    expect((await bo.del('/api/sessie')).status).toBe(200);
    const again = await env.as('backoffice');
    expect((await again.get('/api/concepten/intake-melding')).body).toMatchObject({
      sleutel: 'intake-melding',
      inhoud: melding,
      persoonIds: [11, 12],
    });
    // Timeout: the session expires, the draft stays.
    const s = await env.session('backoffice');
    await sql`update sessie set laatst_actief_op = now() - interval '2 hours' where id = ${sessionId(s.cookie)}`.execute(
      env.database.db,
    );
    expect((await get('/api/concepten/intake-melding', s.cookie)).statusCode).toBe(401);
    const third = await env.as('backoffice');
    expect((await third.get('/api/concepten/intake-melding')).body.inhoud).toEqual(melding);
    expect((await third.get('/api/concepten')).body.concepten).toEqual([
      expect.objectContaining({ sleutel: 'intake-melding', persoonIds: [11, 12] }),
    ]);
  });

  it("are the own user's only", async () => {
    const other = await env.as('backoffice2');
    expect((await other.get('/api/concepten/intake-melding')).status).toBe(404);
    expect((await other.get('/api/concepten')).body.concepten).toEqual([]);
    expect((await other.del('/api/concepten/intake-melding')).status).toBe(404);
    const bo = await env.as('backoffice');
    expect((await bo.get('/api/concepten/intake-melding')).status).toBe(200);
  });

  it('every access is logged with the persons the draft is about', async () => {
    const bo = await env.as('backoffice');
    const before = await lastLogId();
    await bo.put('/api/concepten/casus-7', { inhoud: { notitie: 'x' }, persoonIds: [21] });
    await bo.get('/api/concepten/casus-7');
    await bo.del('/api/concepten/casus-7');
    const rows = await logSince(before);
    expect(rows.map((r) => [r.route, r.action, r.object_type, r.object_id, r.client_ids, r.outcome])).toEqual([
      ['PUT /api/concepten/:sleutel', 'change', 'concept', 'casus-7', [21], 'success'],
      ['GET /api/concepten/:sleutel', 'read', 'concept', 'casus-7', [21], 'success'],
      ['DELETE /api/concepten/:sleutel', 'delete', 'concept', 'casus-7', [21], 'success'],
    ]);
    expect((await bo.get('/api/concepten/casus-7')).status).toBe(404);
  });

  it('are size-limited, keyed safely, need CSRF, and expire 30 days after the last change', async () => {
    const bo = await env.as('backoffice');
    const big = await bo.put('/api/concepten/groot', { inhoud: { tekst: 'x'.repeat(70_000) } });
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('te_groot');
    expect((await bo.put('/api/concepten/../etc', { inhoud: {} })).status).toBeGreaterThanOrEqual(400);
    const badKey = await bo.put('/api/concepten/met%20spatie', { inhoud: {} });
    expect(badKey.status).toBe(400);
    expect(badKey.body.fields[0].field).toBe('params.sleutel');
    expect((await bo.put('/api/concepten/leeg', {})).body.fields).toEqual([
      expect.objectContaining({ field: 'inhoud' }),
    ]);
    const s = await env.session('backoffice');
    const noCsrf = await env.app.inject({
      method: 'PUT',
      url: '/api/concepten/x',
      headers: { cookie: s.cookie },
      payload: { inhoud: 1 },
    });
    expect(noCsrf.statusCode).toBe(403);

    expect((await bo.put('/api/concepten/oud', { inhoud: { a: 1 } })).status).toBe(200);
    const real = env.clock.now;
    try {
      env.clock.now = new Date(real.getTime() + 31 * 86_400_000);
      expect((await bo.get('/api/concepten/oud')).status).toBe(404);
    } finally {
      env.clock.now = real;
    }
  });
});
