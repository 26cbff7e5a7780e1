// User and team administration (functioneel beheerder): list without case content, create with
// the password policy and field errors (nothing half-written), change roles/team, deactivate
// (sessions end, login refused), reset the second factor (next login enrols again), the last
// functioneel beheerder, teams, the history and the access log.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { demoSecret, totp } from '../auth/totp.ts';
import { seal } from '../crypto/veld.ts';

let env: TestEnv;
let beheer: TestClient;
const db = () => env.database.db;
const count = async (t: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db())).rows[0]!.n;
const lastLogId = async () =>
  Number((await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(db())).rows[0]!.id ?? 0);
const logSince = async (id: number) =>
  (await sql<any>`select * from access_log where id > ${id} order by id`.execute(db())).rows;
const GOED = 'Lange-zin-voor-Voordeur-42';

async function teamId(naam: string): Promise<number> {
  return (await sql<{ id: number }>`select id from team where naam = ${naam}`.execute(db())).rows[0]!.id;
}

async function loginStatus(gebruikersnaam: string, wachtwoord: string) {
  const r = await env.app.inject({ method: 'POST', url: '/api/sessie', payload: { gebruikersnaam, wachtwoord } });
  return { status: r.statusCode, body: r.json() };
}

beforeAll(async () => {
  env = await createTestEnv();
  beheer = await env.as('beheer');
});
afterAll(async () => env?.close());

describe('gebruikers', () => {
  it('lists accounts with roles, team, second factor and last login — and nothing of cases', async () => {
    const r = await beheer.get('/api/beheer/gebruikers');
    expect(r.status).toBe(200);
    const bureau = r.body.gebruikers.find((g: any) => g.gebruikersnaam === 'bureau');
    expect(bureau).toMatchObject({
      naam: 'Sanne de Vries',
      rollen: ['bureaudienst'],
      teamNaam: 'Bureaudienst',
      actief: true,
      tweedeFactor: true,
    });
    const zelf = r.body.gebruikers.find((g: any) => g.gebruikersnaam === 'beheer');
    expect(zelf.laatsteLogin).not.toBeNull();
    expect(Object.keys(bureau).sort()).toEqual([
      'aangemaaktOp',
      'actief',
      'geblokkeerdTot',
      'gebruikersnaam',
      'gedeactiveerdOp',
      'id',
      'laatsteLogin',
      'naam',
      'rolLabels',
      'rollen',
      'sso',
      'teamId',
      'teamNaam',
      'tweedeFactor',
    ]);
    expect(JSON.stringify(r.body)).not.toMatch(/wachtwoord_hash|argon2|geheim/);
    expect(r.body.teams.map((t: any) => t.naam)).toEqual(
      expect.arrayContaining(['Bureaudienst', 'Team Amsterdam', 'Team Amstelland']),
    );
    expect(r.body.rollen).toHaveLength(10);
  });

  it('is refused to every other role', async () => {
    for (const u of ['privacy', 'manager', 'beleid']) {
      const c = await env.as(u);
      expect((await c.get('/api/beheer/gebruikers')).status).toBe(403);
      expect((await c.post('/api/beheer/teams', { naam: 'Team X' })).status).toBe(403);
    }
  });

  it('refuses bad input with every field and rule at once, and writes nothing', async () => {
    const before = { g: await count('gebruiker'), h: await count('gebruikersbeheer_historie') };
    const r = await beheer.post('/api/beheer/gebruikers', {
      gebruikersnaam: 'Bureau Nieuw',
      naam: '',
      rollen: ['hacker'],
      wachtwoord: 'kort',
    });
    expect(r.status).toBe(400);
    const fields = r.body.fields.map((f: any) => `${f.field}:${f.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'gebruikersnaam:invalid_format',
        'naam:too_small',
        'rollen[0]:invalid_value',
        'wachtwoord:min_lengte',
      ]),
    );

    // Schema fine, but: name taken, password is a common one, a case role without a team.
    const r2 = await beheer.post('/api/beheer/gebruikers', {
      gebruikersnaam: 'bureau',
      naam: 'Nieuwe collega',
      rollen: ['backoffice'],
      wachtwoord: 'Wachtwoord2026!',
    });
    expect(r2.status).toBe(400);
    expect(r2.body.fields.map((f: any) => `${f.field}:${f.rule}`)).toEqual(
      expect.arrayContaining(['gebruikersnaam:uniek', 'teamId:verplicht_voor_rol', 'wachtwoord:veelgebruikt']),
    );
    const r3 = await beheer.post('/api/beheer/gebruikers', {
      gebruikersnaam: 'jvdberg',
      naam: 'Jan van den Berg',
      rollen: ['backoffice'],
      teamId: 99999,
      wachtwoord: 'jvdberg-is-mijn-naam',
    });
    expect(r3.body.fields.map((f: any) => `${f.field}:${f.rule}`)).toEqual(
      expect.arrayContaining(['teamId:bestaat_niet', 'wachtwoord:gebruikersnaam']),
    );
    expect(await count('gebruiker')).toBe(before.g);
    expect(await count('gebruikersbeheer_historie')).toBe(before.h);
  });

  let nieuwId: number;
  it('creates an account that can log in (and must enrol a second factor for a case role)', async () => {
    const logId = await lastLogId();
    const r = await beheer.post('/api/beheer/gebruikers', {
      gebruikersnaam: 'jvdberg',
      naam: 'Jan van den Berg',
      rollen: ['backoffice'],
      teamId: await teamId('Team Amsterdam'),
      wachtwoord: GOED,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      gebruikersnaam: 'jvdberg',
      rollen: ['backoffice'],
      teamNaam: 'Team Amsterdam',
      actief: true,
      tweedeFactor: false,
      laatsteLogin: null,
    });
    nieuwId = r.body.id;
    const log = (await logSince(logId)).filter((x) => x.route === 'POST /api/beheer/gebruikers');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      user_id: beheer.userId,
      action: 'create',
      object_type: 'gebruiker',
      object_id: String(nieuwId),
      outcome: 'success',
    });
    expect(JSON.stringify(log[0])).not.toContain(GOED);
    const h = await beheer.get(`/api/beheer/gebruikersbeheer/historie?gebruikerId=${nieuwId}`);
    expect(h.body.historie).toHaveLength(1);
    expect(h.body.historie[0]).toMatchObject({
      actie: 'gebruiker_aangemaakt',
      door: { id: beheer.userId },
      nieuw: { gebruikersnaam: 'jvdberg', rollen: ['backoffice'] },
    });
    expect(JSON.stringify(h.body)).not.toContain(GOED);
    expect((await loginStatus('jvdberg', GOED)).body).toEqual({ stap: 'totp_inschrijven' });
    // The login name is unique regardless of case.
    const dup = await beheer.post('/api/beheer/gebruikers', {
      gebruikersnaam: 'jvdberg',
      naam: 'Ander',
      rollen: ['onderzoeker'],
      wachtwoord: GOED + 'x',
    });
    expect(dup.body.fields).toEqual([expect.objectContaining({ field: 'gebruikersnaam', rule: 'uniek' })]);
  });

  it('changes roles and team with history; a case role still needs a team', async () => {
    const bad = await beheer.post(`/api/beheer/gebruikers/${nieuwId}`, { teamId: null });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ field: 'teamId', rule: 'verplicht_voor_rol' });
    const r = await beheer.post(`/api/beheer/gebruikers/${nieuwId}`, {
      rollen: ['backoffice', 'teammanager'],
      teamId: await teamId('Team Amstelland'),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.gewijzigd).toEqual(['rollen', 'team']);
    expect(r.body.gebruiker).toMatchObject({ rollen: ['backoffice', 'teammanager'], teamNaam: 'Team Amstelland' });
    const same = await beheer.post(`/api/beheer/gebruikers/${nieuwId}`, { rollen: ['teammanager', 'backoffice'] });
    expect(same.status).toBe(400);
    expect(same.body.fields[0].rule).toBe('geen_wijziging');
    const h = (await beheer.get(`/api/beheer/gebruikersbeheer/historie?gebruikerId=${nieuwId}`)).body.historie;
    expect(h.map((x: any) => x.actie)).toEqual(['team_gewijzigd', 'rollen_gewijzigd', 'gebruiker_aangemaakt']);
    expect(h[1]).toMatchObject({ oud: ['backoffice'], nieuw: ['backoffice', 'teammanager'] });
  });

  it('deactivation ends the sessions at once and refuses login; reactivation allows it again', async () => {
    const onderzoek = await env.as('onderzoek');
    expect((await onderzoek.get('/api/sessie')).status).toBe(200);
    const id = env.users.get('onderzoek')!;
    const r = await beheer.post(`/api/beheer/gebruikers/${id}/deactiveren`, { toelichting: 'uit dienst' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.gebruiker.actief).toBe(false);
    expect(r.body.sessiesBeeindigd).toBeGreaterThanOrEqual(1);
    expect((await onderzoek.get('/api/sessie')).status).toBe(401);
    expect((await loginStatus('onderzoek', 'Voordeur-demo-2026')).status).toBe(401);
    expect((await beheer.post(`/api/beheer/gebruikers/${id}/deactiveren`, {})).status).toBe(409);
    const a = await beheer.post(`/api/beheer/gebruikers/${id}/activeren`, {});
    expect(a.body.gebruiker.actief).toBe(true);
    expect((await loginStatus('onderzoek', 'Voordeur-demo-2026')).status).toBe(200);
    const h = (await beheer.get(`/api/beheer/gebruikersbeheer/historie?gebruikerId=${id}`)).body.historie;
    expect(h.map((x: any) => x.actie)).toEqual(['geactiveerd', 'gedeactiveerd']);
    expect(h[1].toelichting).toBe('uit dienst');
  });

  it('resetting the second factor ends sessions; the next login enrols again', async () => {
    const arts = await env.as('arts');
    const id = env.users.get('arts')!;
    const r = await beheer.post(`/api/beheer/gebruikers/${id}/tweede-factor-resetten`, {
      toelichting: 'telefoon kwijt',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.gebruiker.tweedeFactor).toBe(false);
    expect((await arts.get('/api/sessie')).status).toBe(401);
    expect((await sql`select 1 from herstelcode where gebruiker_id = ${id}`.execute(db())).rows).toHaveLength(0);
    expect((await loginStatus('arts', 'Voordeur-demo-2026')).body).toEqual({ stap: 'totp_inschrijven' });
    expect((await beheer.post(`/api/beheer/gebruikers/${id}/tweede-factor-resetten`, {})).status).toBe(409);
  });

  it('sets a new password (policy checked) and unlocks; the old one stops working', async () => {
    const id = env.users.get('beleid')!;
    await sql`update gebruiker set mislukte_pogingen = 7, geblokkeerd_tot = ${new Date(Date.now() + 3600_000).toISOString()} where id = ${id}`.execute(
      db(),
    );
    const lijst = (await beheer.get('/api/beheer/gebruikers')).body.gebruikers.find((g: any) => g.id === id);
    expect(lijst.geblokkeerdTot).not.toBeNull();
    const bad = await beheer.post(`/api/beheer/gebruikers/${id}/wachtwoord`, { wachtwoord: 'beleid12345678' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ field: 'wachtwoord', rule: 'gebruikersnaam' });
    const ok = await beheer.post(`/api/beheer/gebruikers/${id}/wachtwoord`, { wachtwoord: GOED });
    expect(ok.status).toBe(200);
    expect(ok.body.gebruiker.geblokkeerdTot).toBeNull();
    expect((await loginStatus('beleid', 'Voordeur-demo-2026')).status).toBe(401);
    expect((await loginStatus('beleid', GOED)).status).toBe(200);
  });

  it('never removes the last active functioneel beheerder, nor lets one deactivate themselves', async () => {
    const id = env.users.get('beheer')!;
    const r = await beheer.post(`/api/beheer/gebruikers/${id}`, { rollen: ['beleidsmedewerker'] });
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('laatste_beheerder');
    expect((await beheer.post(`/api/beheer/gebruikers/${id}/deactiveren`, {})).body.error).toBe('eigen_account');
    // With a second beheerder, the first may drop the role; the second cannot then be deactivated by the first... who is no longer beheerder.
    const tweede = await beheer.post('/api/beheer/gebruikers', {
      gebruikersnaam: 'beheer2',
      naam: 'Tweede Beheerder',
      rollen: ['functioneel_beheerder'],
      wachtwoord: GOED,
    });
    expect(tweede.status).toBe(201);
    const ok = await beheer.post(`/api/beheer/gebruikers/${id}`, {
      rollen: ['functioneel_beheerder', 'beleidsmedewerker'],
    });
    expect(ok.status).toBe(200);
    // The functioneel beheerder logs in with a second factor (CBS delivery, issue 18): enrol beheer2 with a
    // known secret and complete both steps.
    await sql`insert into totp (gebruiker_id, geheim, bevestigd_op)
              values (${tweede.body.id}, ${seal(demoSecret('beheer2'), 'totp.geheim')}, now())`.execute(
      env.database.db,
    );
    const stap1 = await env.app.inject({
      method: 'POST',
      url: '/api/sessie',
      payload: { gebruikersnaam: 'beheer2', wachtwoord: GOED },
    });
    expect(stap1.json().stap).toBe('totp');
    const b2 = await env.app.inject({
      method: 'POST',
      url: '/api/sessie/totp',
      headers: { cookie: String(stap1.headers['set-cookie']).split(';')[0]! },
      payload: { code: totp(demoSecret('beheer2'), env.clock.now) },
    });
    const cookie = String(b2.headers['set-cookie']).split(';')[0]!;
    const csrf = b2.json().csrfToken;
    const deact = await env.app.inject({
      method: 'POST',
      url: `/api/beheer/gebruikers/${id}/deactiveren`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: {},
    });
    expect(deact.statusCode).toBe(200);
    // Now beheer2 is the last active one: its role cannot go.
    const last = await env.app.inject({
      method: 'POST',
      url: `/api/beheer/gebruikers/${tweede.body.id}`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { rollen: ['onderzoeker'] },
    });
    expect(last.statusCode).toBe(409);
    // Restore for the tests below.
    const act = await env.app.inject({
      method: 'POST',
      url: `/api/beheer/gebruikers/${id}/activeren`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: {},
    });
    expect(act.statusCode).toBe(200);
    beheer = await env.as('beheer');
  });

  it('refuses unknown ids and unknown fields', async () => {
    expect((await beheer.post('/api/beheer/gebruikers/999999', { naam: 'Iemand' })).status).toBe(404);
    const r = await beheer.post(`/api/beheer/gebruikers/${nieuwId}`, { wachtwoord_hash: 'x' });
    expect(r.status).toBe(400);
  });
});

describe('teams', () => {
  it('creates and renames a team with unique names, with history and log', async () => {
    const logId = await lastLogId();
    const r = await beheer.post('/api/beheer/teams', { naam: 'Team Zuidoost' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ naam: 'Team Zuidoost', leden: 0 });
    const dup = await beheer.post('/api/beheer/teams', { naam: 'team amsterdam' });
    expect(dup.status).toBe(400);
    expect(dup.body.fields[0]).toMatchObject({ field: 'naam', rule: 'uniek' });
    expect((await beheer.post('/api/beheer/teams', { naam: 'X' })).body.fields[0]).toMatchObject({
      field: 'naam',
      rule: 'too_small',
    });
    const ren = await beheer.post(`/api/beheer/teams/${r.body.id}`, { naam: 'Team Amsterdam-Zuidoost' });
    expect(ren.status).toBe(200);
    expect(ren.body.naam).toBe('Team Amsterdam-Zuidoost');
    expect((await beheer.post(`/api/beheer/teams/${r.body.id}`, { naam: 'Team Amstelland' })).status).toBe(400);
    const h = (await beheer.get(`/api/beheer/gebruikersbeheer/historie?teamId=${r.body.id}`)).body.historie;
    expect(h.map((x: any) => [x.actie, x.oud, x.nieuw])).toEqual([
      ['team_hernoemd', 'Team Zuidoost', 'Team Amsterdam-Zuidoost'],
      ['team_aangemaakt', null, 'Team Zuidoost'],
    ]);
    // Every request is logged, refusals too (a schema refusal before the handler names the resource).
    const log = (await logSince(logId)).filter((x) => x.route?.startsWith('POST /api/beheer/teams'));
    expect(log.map((x) => `${x.object_type}:${x.outcome}`)).toEqual([
      'team:success',
      'team:failure',
      'gebruikers:failure',
      'team:success',
      'team:failure',
    ]);
  });

  it('keeps the history append-only', async () => {
    await expect(sql`update gebruikersbeheer_historie set actie = 'geactiveerd'`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from gebruikersbeheer_historie`.execute(db())).rejects.toThrow(/append-only/);
  });
});
