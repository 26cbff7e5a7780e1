// The security mechanism through the API: sessions, the policy decision for every route and
// role (generated from the route table and POLICY, so a new route is covered automatically),
// CSRF, the NEN 7513 access log (one entry per request, denied requests too) and its hash
// chain, the route-table check at start-up, and melder protection.
import { openMelder } from './crypto/veld.ts';
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessLog } from './audit/index.ts';
import { DEMO_USERS } from './demo/demo.ts';
import { checkRouteTable, type RouteDef } from './http/route.ts';
import { decide, POLICY, ROLLEN, type Action, type Resource } from './policy/index.ts';
import { allRoutes } from './routes.ts';
import { createTestEnv, type TestClient, type TestEnv } from './testing.ts';

let env: TestEnv;
let bo: TestClient;
let melding: { meldingId: number; casusId: number; persoonIds: number[]; huishoudenId: number };

const ROUTES = allRoutes();
const key = (r: RouteDef) => `${r.method} ${r.url}`;
const concreteUrl = (url: string, id: number) => url.replace(/:id\b/g, String(id));
const isPublic = (r: RouteDef) => 'public' in r.policy;
const pol = (r: RouteDef) => r.policy as { resource: Resource; action: Action };
/** Resources that hold personal data of clients (persons, meldingen, melder, work queues). */
const PERSONAL: Resource[] = ['persoon', 'melding', 'melder', 'werkvoorraad'];

function meldingInput() {
  return {
    binnenkomst: 'telefoon',
    melder: { hoedanigheid: 'buurtbewoner', naam: 'M. Verhoeven', telefoon: '020 555 0199', wilOnbekendBlijven: true },
    huishouden: {
      straat: 'Kinkerstraat',
      huisnummer: '12',
      postcode: '1053DX',
      woonplaats: 'Amsterdam',
      gemeenteCode: 'GM0363',
    },
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    betrokkenen: [
      {
        persoon: {
          bsn: generateBsn(93_001),
          voornamen: 'Samira',
          achternaam: 'Tahiri',
          geboortedatum: '19890303',
          geslacht: 'V',
        },
        rol: 'slachtoffer',
      },
      { persoon: { voornamen: 'Yara', achternaam: 'Tahiri', geboortedatum: '20180606', geslacht: 'V' }, rol: 'kind' },
    ],
    aanleiding: ['km_anders'],
    aard: ['psychisch_geweld'],
    omschrijving:
      'Buurvrouw hoort bijna dagelijks harde ruzies en een huilend kind. Zij wil onbekend blijven voor het gezin.',
  };
}

async function logSince(id: number) {
  return (await sql<any>`select * from access_log where id > ${id} order by id`.execute(env.database.db)).rows;
}
async function lastLogId(): Promise<number> {
  return Number(
    (await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(env.database.db)).rows[0]!.id ?? 0,
  );
}

async function rawLogin(gebruikersnaam: string) {
  // Password and (for roles with personal data) the second factor, see testing.ts.
  const s = await env.session(gebruikersnaam);
  return { cookie: s.cookie, csrf: s.csrfToken, userId: s.userId };
}

beforeAll(async () => {
  env = await createTestEnv();
  bo = await env.as('backoffice');
  const r = await bo.post('/api/meldingen', meldingInput());
  expect(r.status).toBe(201);
  melding = r.body;
});
afterAll(async () => {
  await env?.close();
});

describe('the route table', () => {
  it('is accepted by checkRouteTable and declares a known policy on every route', () => {
    expect(() => checkRouteTable(ROUTES)).not.toThrow();
    expect(ROUTES.length).toBeGreaterThan(20);
    // Only the login steps (password, second factor, single sign-on), health and probes, the metrics (a bearer
    // token instead of a session, metrics.int.test.ts) and the API description are public.
    expect(ROUTES.filter(isPublic).map(key).sort()).toEqual([
      'GET /api/health',
      'GET /api/health/live',
      'GET /api/health/ready',
      'GET /api/metrics',
      'GET /api/openapi.json',
      'GET /api/sso/callback',
      'GET /api/sso/start',
      'POST /api/sessie',
      'POST /api/sessie/totp',
      'POST /api/sessie/totp/inschrijving',
    ]);
  });

  it('checkRouteTable throws for a route without policy, an unknown policy, a public route without reason, or a duplicate', () => {
    const handler = async () => ({});
    const base = { method: 'GET', url: '/api/x', summary: 'x', tags: [], handler } as const;
    expect(() => checkRouteTable([...ROUTES, { ...base, policy: undefined } as unknown as RouteDef])).toThrow(
      /GET \/api\/x declares no policy/,
    );
    expect(() =>
      checkRouteTable([{ ...base, policy: { resource: 'dossier', action: 'read' } } as unknown as RouteDef]),
    ).toThrow(/unknown policy/);
    expect(() =>
      checkRouteTable([{ ...base, policy: { resource: 'melding', action: 'wissen' } } as unknown as RouteDef]),
    ).toThrow(/unknown policy/);
    expect(() => checkRouteTable([{ ...base, policy: { public: '' } } as unknown as RouteDef])).toThrow(
      /public without a reason/,
    );
    expect(() => checkRouteTable([...ROUTES, ROUTES.find((r) => r.url === '/api/personen')!])).toThrow(
      /declared twice/,
    );
  });
});

describe('authentication', () => {
  it('every non-public route answers 401 without a session; public routes do not', async () => {
    const before = await lastLogId();
    const seen: string[] = [];
    for (const r of ROUTES) {
      const res = await env.app.inject({
        method: r.method,
        url: concreteUrl(r.url, melding.meldingId),
        ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
      });
      seen.push(key(r));
      if (isPublic(r)) {
        // The second login steps need the cookie of the first step: without it they answer 401 too.
        if (!r.url.startsWith('/api/sessie/totp')) expect(res.statusCode, key(r)).not.toBe(401);
        expect(res.statusCode, key(r)).toBeLessThan(500);
      } else {
        expect(res.statusCode, key(r)).toBe(401);
        expect(res.json().error).toBe('niet_ingelogd');
        // No personal data in the answer.
        expect(res.body).not.toContain('Tahiri');
      }
    }
    expect(seen).toHaveLength(ROUTES.length);
    // Requests without a session touch no data: nothing is stored about clients.
    const rows = await logSince(before);
    expect(rows.every((x) => x.client_ids.length === 0)).toBe(true);
  });

  it('a cookie that is not a session, and a session after logout, are 401', async () => {
    const fake = await env.app.inject({
      method: 'GET',
      url: '/api/werkvoorraad',
      headers: { cookie: 'vd_sessie=bm90LWEtc2Vzc2lvbg' },
    });
    expect(fake.statusCode).toBe(401);
    const s = await rawLogin('bureau');
    const ok = await env.app.inject({ method: 'GET', url: '/api/sessie', headers: { cookie: s.cookie } });
    expect(ok.statusCode).toBe(200);
    const out = await env.app.inject({
      method: 'DELETE',
      url: '/api/sessie',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.statusCode).toBe(200);
    const after = await env.app.inject({ method: 'GET', url: '/api/sessie', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('a failed login is a 401 and is written to the access log as denied', async () => {
    const before = await lastLogId();
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/sessie',
      payload: { gebruikersnaam: 'backoffice', wachtwoord: 'fout-wachtwoord' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    // The account is named by id, never by what was typed (a password typed as username must not be logged).
    expect(rows[0]).toMatchObject({
      action: 'login',
      outcome: 'denied',
      object_type: 'gebruiker',
      object_id: String(env.users.get('backoffice')),
      user_id: null,
    });
  });

  it('a failed login for an unknown name logs no typed text', async () => {
    const before = await lastLogId();
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/sessie',
      payload: { gebruikersnaam: 'Geheim-wachtwoord-123', wachtwoord: 'x' },
    });
    expect(res.statusCode).toBe(401);
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('Geheim-wachtwoord-123');
    expect(rows[0]).toMatchObject({ action: 'login', outcome: 'denied', object_id: null });
  });
});

describe('authorization: every role against every route, from POLICY via decide()', () => {
  it('a beleidsmedewerker gets 403 on every personal-data route, and each refusal is logged as denied', async () => {
    const beleid = await env.as('beleid');
    const subject = { id: beleid.userId, rollen: ['beleidsmedewerker'] };
    const personal = ROUTES.filter((r) => !isPublic(r) && PERSONAL.includes(pol(r).resource));
    // The list is generated from the table: it holds the intake, casus, workflow and werkvoorraad routes.
    expect(personal.map(key)).toEqual(
      expect.arrayContaining([
        'GET /api/personen',
        'POST /api/meldingen',
        'GET /api/casussen/:id',
        'GET /api/werkvoorraad',
        'GET /api/radar',
        'POST /api/meldingen/:id/veiligheidsbeoordeling',
      ]),
    );
    for (const r of personal) {
      expect(decide(subject, pol(r).resource, pol(r).action).allow, key(r)).toBe(false);
      const before = await lastLogId();
      const url = concreteUrl(r.url, melding.meldingId);
      const res =
        r.method === 'GET'
          ? await beleid.get(url)
          : r.method === 'DELETE'
            ? await beleid.del(url)
            : await beleid.post(url, {});
      expect(res.status, key(r)).toBe(403);
      expect(res.body.error).toBe('geen_toegang');
      expect(JSON.stringify(res.body)).not.toContain('Tahiri');
      const rows = await logSince(before);
      expect(rows, key(r)).toHaveLength(1);
      expect(rows[0]).toMatchObject({ user_id: beleid.userId, outcome: 'denied', route: key(r), client_ids: [] });
    }
  });

  it.each(DEMO_USERS.map((u) => [u.gebruikersnaam, u.rollen.join(',')]))(
    '%s (%s): 403 exactly where decide() refuses',
    async (gebruikersnaam) => {
      const first = await env.as(gebruikersnaam);
      const user = DEMO_USERS.find((u) => u.gebruikersnaam === gebruikersnaam)!;
      const subject = { id: first.userId, rollen: user.rollen };
      // Logging out (here, everywhere) last and each from a fresh session, so the session lives for the other routes.
      const endsSession = (r: RouteDef) => key(r) === 'DELETE /api/sessie' || key(r) === 'DELETE /api/sessie/alle';
      const routes = ROUTES.filter((r) => !isPublic(r)).sort((a, b) => Number(endsSession(a)) - Number(endsSession(b)));
      for (const r of routes) {
        const client = endsSession(r) ? await env.as(gebruikersnaam) : first;
        const allowed = decide(subject, pol(r).resource, pol(r).action).allow;
        // A melding id that does not exist: allowed requests answer 400/404 and write nothing.
        const url = concreteUrl(r.url, 999_999);
        const res =
          r.method === 'GET'
            ? await client.get(url)
            : r.method === 'DELETE'
              ? await client.del(url)
              : await client.post(url, {});
        if (allowed) {
          // The relation check comes on top of the table: a casus that does not exist answers like one
          // without a relation (403 geen_relatie), so the answer does not tell whether it exists.
          if (res.body?.error !== 'geen_relatie') expect(res.status, `${gebruikersnaam} ${key(r)}`).not.toBe(403);
          expect(res.status, `${gebruikersnaam} ${key(r)}`).not.toBe(401);
        } else {
          expect(res.status, `${gebruikersnaam} ${key(r)}`).toBe(403);
          expect(res.body?.error, `${gebruikersnaam} ${key(r)}`).toBe('geen_toegang');
        }
        expect(res.status, `${gebruikersnaam} ${key(r)}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      }
      // Logging out everywhere also ended the shared backoffice session.
      if (gebruikersnaam === 'backoffice') bo = await env.as('backoffice');
    },
  );

  it('every role is in POLICY and the table refuses anything not listed', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...ROLLEN].sort());
    expect(decide({ id: 1, rollen: ['onbekende_rol'] }, 'referentie', 'read').allow).toBe(false);
    expect(decide({ id: 1, rollen: [] }, 'sessie', 'read').allow).toBe(false);
    expect(decide(null, 'sessie', 'read').allow).toBe(false);
  });
});

describe('CSRF', () => {
  it('a POST without x-csrf-token (or with a wrong one) is a 403, writes nothing and is logged as denied', async () => {
    const s = await rawLogin('backoffice');
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from melding`.execute(env.database.db)).rows[0]!.n;
    const n = await count();
    const before = await lastLogId();
    const none = await env.app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { cookie: s.cookie },
      payload: meldingInput(),
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toBe('csrf');
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { cookie: s.cookie, 'x-csrf-token': `${s.csrf.slice(0, -2)}xx` },
      payload: meldingInput(),
    });
    expect(wrong.statusCode).toBe(403);
    const del = await env.app.inject({ method: 'DELETE', url: '/api/sessie', headers: { cookie: s.cookie } });
    expect(del.statusCode).toBe(403);
    expect(await count()).toBe(n);
    const rows = await logSince(before);
    expect(rows.map((r) => [r.route, r.outcome, r.user_id])).toEqual([
      ['POST /api/meldingen', 'denied', s.userId],
      ['POST /api/meldingen', 'denied', s.userId],
      ['DELETE /api/sessie', 'denied', s.userId],
    ]);
    // The session still works for GET (no token needed) and with the token.
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/sessie', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(200);
  });
});

describe('NEN 7513 access log', () => {
  it('each personal-data request writes exactly one entry with user, action, clients and outcome', async () => {
    const cases: Array<{
      name: string;
      run: () => Promise<{ status: number; body: any }>;
      expect: Record<string, unknown>;
      clients: () => number[];
    }> = [
      {
        name: 'create melding',
        run: () =>
          bo.post('/api/meldingen', {
            ...meldingInput(),
            huishouden: undefined,
            huishoudenId: melding.huishoudenId,
            betrokkenen: [{ persoonId: melding.persoonIds[0], rol: 'slachtoffer' }],
          }),
        expect: { action: 'create', object_type: 'melding', outcome: 'success', route: 'POST /api/meldingen' },
        clients: () => [melding.persoonIds[0]!],
      },
      {
        name: 'read casus',
        run: () => bo.get(`/api/casussen/${melding.casusId}`),
        expect: {
          action: 'read',
          object_type: 'casus',
          object_id: String(melding.casusId),
          outcome: 'success',
          purpose: 'casus inzien, inclusief melder',
        },
        clients: () => melding.persoonIds,
      },
      {
        name: 'search persons by BSN',
        run: () => bo.get(`/api/personen?bsn=${generateBsn(93_001)}`),
        expect: { action: 'search', object_type: 'persoon', outcome: 'success' },
        clients: () => [melding.persoonIds[0]!],
      },
      {
        name: 'radar',
        run: () => bo.get(`/api/radar?persoonIds=${melding.persoonIds.join(',')}`),
        expect: { action: 'search', outcome: 'success', purpose: 'intake: radar eerdere meldingen' },
        clients: () => melding.persoonIds,
      },
      {
        name: 'werkvoorraad',
        run: () => bo.get('/api/werkvoorraad'),
        expect: { action: 'read', object_type: 'werkvoorraad', outcome: 'success' },
        clients: () => melding.persoonIds,
      },
      {
        name: 'a refused step (validation) is a failure',
        run: () => bo.post(`/api/meldingen/${melding.meldingId}/afsluiten`, { versie: 0 }),
        expect: { action: 'change', outcome: 'failure', route: 'POST /api/meldingen/:id/afsluiten' },
        clients: () => [],
      },
    ];
    for (const c of cases) {
      const before = await lastLogId();
      const res = await c.run();
      expect(res.status, `${c.name}: ${JSON.stringify(res.body)}`).toBeLessThan(
        c.expect.outcome === 'success' ? 300 : 500,
      );
      const rows = await logSince(before);
      expect(rows, c.name).toHaveLength(1);
      expect(rows[0], c.name).toMatchObject({ user_id: bo.userId, ...c.expect });
      expect([...rows[0].client_ids].sort(), c.name).toEqual([...c.clients()].sort());
      expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('a workflow step logs the melding, its persons and the action as purpose', async () => {
    const v = (await bo.get(`/api/casussen/${melding.casusId}`)).body.versie;
    const before = await lastLogId();
    const res = await bo.post(`/api/meldingen/${melding.meldingId}/rvdk-verzoek`, {
      versie: v,
      motivering: 'Verzoek tot onderzoek aan de Raad.',
    });
    expect(res.status).toBe(200);
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: bo.userId,
      action: 'change',
      object_type: 'melding',
      object_id: String(melding.meldingId),
      purpose: 'rvdk_verzoek',
      outcome: 'success',
    });
    expect([...rows[0].client_ids].sort()).toEqual([...melding.persoonIds].sort());
  });

  it('the log is append-only: update and delete are refused by the database', async () => {
    const id = await lastLogId();
    await expect(
      sql`update access_log set outcome = 'success' where id = ${id}`.execute(env.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from access_log where id = ${id}`.execute(env.database.db)).rejects.toThrow(/append-only/);
  });

  it('verifyAccessLog reports ok, then finds an altered and a removed entry (tampering as superuser)', async () => {
    const db = env.database.db;
    const ok = await verifyAccessLog(db);
    expect(ok).toMatchObject({ ok: true, firstBadId: null });
    // Every entry, in every chain (ids may have gaps: an id taken by a rolled-back request is not reused).
    expect(ok.checked).toBe(
      (await sql<{ n: number }>`select count(*)::int as n from access_log`.execute(db)).rows[0]!.n,
    );

    // A successful entry, so that the tampering below really changes it.
    // (One that is not the last of its chain, so that removing it leaves a next entry to break.)
    const successful = (
      await sql<{ id: number }>`select id from access_log a where outcome = 'success'
        and exists (select 1 from access_log b where b.keten = a.keten and b.volgnr > a.volgnr) order by id`.execute(db)
    ).rows.map((r) => Number(r.id));
    const victim = successful[Math.floor(successful.length / 2)]!;
    // The next entry of the victim's chain (with one connection, as on PGlite, the next entry overall).
    const next = Number(
      (
        await sql<{ id: number }>`select a.id from access_log a, access_log v where v.id = ${victim}
          and a.keten = v.keten and a.volgnr > v.volgnr order by a.volgnr limit 1`.execute(db)
      ).rows[0]!.id,
    );
    const original = (await sql<any>`select outcome, client_ids from access_log where id = ${victim}`.execute(db))
      .rows[0];
    await sql`alter table access_log disable trigger access_log_no_change`.execute(db);
    try {
      // Someone removes a person from an entry to hide that their file was read.
      await sql`update access_log set client_ids = '{}', outcome = 'denied' where id = ${victim}`.execute(db);
      const altered = await verifyAccessLog(db);
      expect(altered).toMatchObject({ ok: false, firstBadId: victim });
      expect(altered.problem).toMatch(/altered/);
      // Chains are walked one after the other (chain, then position): the entries before the victim.
      const before = (
        await sql<{ n: number }>`select count(*)::int as n from access_log a, access_log v where v.id = ${victim}
          and (a.keten < v.keten or (a.keten = v.keten and a.volgnr < v.volgnr))`.execute(db)
      ).rows[0]!.n;
      expect(altered.checked).toBe(before);

      // Restored content verifies again (the hash covers the content only).
      await sql`update access_log set client_ids = ${original.client_ids}, outcome = ${original.outcome} where id = ${victim}`.execute(
        db,
      );
      expect((await verifyAccessLog(db)).ok).toBe(true);

      // Removing an entry breaks the chain at the next one.
      await sql`delete from access_log where id = ${victim}`.execute(db);
      const removed = await verifyAccessLog(db);
      expect(removed).toMatchObject({ ok: false, firstBadId: next });
      expect(removed.problem).toMatch(/removed or reordered/);
    } finally {
      await sql`alter table access_log enable trigger access_log_no_change`.execute(db);
    }
  });
});

describe('melder protection', () => {
  it('a melder who wants to stay unknown is stored in the melder table, apart from the melding, encrypted', async () => {
    const row = (await sql<any>`select * from melder where melding_id = ${melding.meldingId}`.execute(env.database.db))
      .rows[0];
    expect(JSON.stringify(row)).not.toContain('Verhoeven');
    expect(openMelder(row)).toMatchObject({
      naam: 'M. Verhoeven',
      telefoon: '020 555 0199',
      wil_onbekend_blijven: true,
    });
    const m = (await sql<any>`select * from melding where id = ${melding.meldingId}`.execute(env.database.db)).rows[0];
    expect(JSON.stringify(m)).not.toContain('Verhoeven');
    expect(m.melder_hoedanigheid).toBe('buurtbewoner');
  });

  it('the casus shows the melder to a backoffice medewerker', async () => {
    const c = await bo.get(`/api/casussen/${melding.casusId}`);
    expect(c.status).toBe(200);
    const m = c.body.meldingen.find((x: any) => x.id === melding.meldingId);
    expect(m.melder).toEqual({
      naam: 'M. Verhoeven',
      organisatie: null,
      functie: null,
      telefoon: '020 555 0199',
      email: null,
      wilOnbekendBlijven: true,
    });
  });
});
