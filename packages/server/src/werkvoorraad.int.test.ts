// The werkvoorraad through the API with a fixed server clock (Wednesday 14 October 2026):
// sorting by the first statutory deadline, filters per process, worker and clock state,
// counts per clock state, teams, and who may (re)assign work.
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from './testing.ts';

const NOW = new Date('2026-10-14T12:00:00+02:00');
let env: TestEnv;
let bo: TestClient;
let bo2: TestClient;
let manager: TestClient;

let seed = 64_000;
let huisnummer = 1;
function meldingInput(ontvangenOp: string, gemeenteCode = 'GM0363') {
  return {
    ontvangenOp,
    binnenkomst: 'telefoon',
    melder: { hoedanigheid: 'gz_huisarts', naam: 'Dr. A. Kuipers', organisatie: 'Huisartsenpraktijk Kuipers' },
    huishouden: {
      straat: 'Javastraat',
      huisnummer: String(huisnummer++),
      postcode: '1094HB',
      woonplaats: 'Amsterdam',
      gemeenteCode,
    },
    regio: 'eigen',
    gemeenteCode,
    betrokkenen: [
      {
        persoon: {
          bsn: generateBsn(seed++),
          voornamen: 'Linda',
          achternaam: 'Dekker',
          geboortedatum: '19800101',
          geslacht: 'V',
        },
        rol: 'slachtoffer',
      },
      {
        persoon: {
          bsn: generateBsn(seed++),
          voornamen: 'Mark',
          achternaam: 'Dekker',
          geboortedatum: '19790101',
          geslacht: 'M',
        },
        rol: 'pleger',
      },
    ],
    aanleiding: ['partnergeweld'],
    aard: ['psychisch_geweld'],
    omschrijving: 'Huisarts ziet blauwe plekken en een angstige patiënte; partner is dominant aanwezig.',
  };
}

interface M {
  meldingId: number;
  casusId: number;
}
async function create(ontvangenOp: string, gemeenteCode?: string): Promise<M> {
  const r = await bo.post('/api/meldingen', meldingInput(ontvangenOp, gemeenteCode));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
const versie = async (m: M) => (await bo.get(`/api/casussen/${m.casusId}`)).body.versie as number;
async function step(m: M, path: string, body: Record<string, unknown>, as: TestClient = bo) {
  const r = await as.post(`/api/meldingen/${m.meldingId}/${path}`, { versie: await versie(m), ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
const beoordeling = (vastgesteldOp: string) => ({
  acuteOnveiligheid: false,
  structureleOnveiligheid: true,
  uitkomst: 'structurele_onveiligheid',
  motivering: 'Signalen van huisarts en eigen registratie wijzen op structurele onveiligheid.',
  bronnen: ['huisarts', 'eigen_registratie'],
  getoetstDoor: env.users.get('gw')!,
  vastgesteldOp,
});

// A: bureaudienst, overdue (received Thu 1 Oct, due Thu 8 Oct)
// B: bureaudienst, on time (received Tue 13 Oct, due Tue 20 Oct)
// C: assigned to backoffice → veiligheidsbeoordeling, at risk (received Wed 7 Oct, due today)
// D: dienst Voorwaarden en Vervolg (beoordeeld 8 Oct, terugkoppeling done)
// E: overgedragen → monitoring
// F: Team Amstelland (Amstelveen), bureaudienst
// G: afgesloten: not in any werkvoorraad
let A: M, B: M, C: M, D: M, E: M, F: M, G: M;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  bo = await env.as('backoffice');
  bo2 = await env.as('backoffice2');
  manager = await env.as('manager');
  A = await create('2026-10-01T09:00:00+02:00');
  B = await create('2026-10-13T09:00:00+02:00');
  C = await create('2026-10-07T09:00:00+02:00');
  expect(
    (await bo.post(`/api/meldingen/${C.meldingId}/toewijzen`, { versie: await versie(C), behandelaarId: bo.userId }))
      .status,
  ).toBe(200);
  D = await create('2026-10-06T09:00:00+02:00');
  await step(D, 'veiligheidsbeoordeling', beoordeling('2026-10-08T10:00:00+02:00'));
  await step(D, 'terugkoppeling', {
    moment: 'na_beoordeling',
    inhoud: 'Huisarts teruggebeld.',
    gedaanOp: '2026-10-09T10:00:00+02:00',
  });
  await step(D, 'dienst-voorwaarden-en-vervolg', { gestartOp: '2026-10-09T11:00:00+02:00' });
  E = await create('2026-10-01T10:00:00+02:00');
  await step(E, 'veiligheidsbeoordeling', beoordeling('2026-10-05T10:00:00+02:00'));
  await step(E, 'terugkoppeling', {
    moment: 'na_beoordeling',
    inhoud: 'Huisarts teruggebeld.',
    gedaanOp: '2026-10-05T11:00:00+02:00',
  });
  await step(E, 'overdracht', {
    ontvangerType: 'lokaal_team',
    ontvangerNaam: 'Ouder Kind Team Oost',
    reedsBekend: true,
    warm: true,
    overgedragenOp: '2026-10-06T10:00:00+02:00',
  });
  F = await create('2026-10-12T09:00:00+02:00', 'GM0362');
  G = await create('2026-10-02T09:00:00+02:00');
  await step(G, 'veiligheidsbeoordeling', beoordeling('2026-10-05T12:00:00+02:00'));
  await step(G, 'afsluiten', { reden: 'geen_hg_km', afgeslotenOp: '2026-10-05T13:00:00+02:00' });
});
afterAll(async () => {
  await env?.close();
});

const ids = (r: { body: any }) => r.body.items.map((i: any) => i.meldingId);
const zero = { overdue: 0, at_risk: 0, on_time: 0, met_late: 0, met: 0 };

describe('GET /api/werkvoorraad', () => {
  it("lists the open meldingen of the user's team, sorted by the first due date", async () => {
    const r = await bo.get('/api/werkvoorraad');
    expect(r.status).toBe(200);
    expect(r.body.vandaag).toBe('2026-10-14');
    // D and E share their first due date (informing, 4 weeks after registration today): older receipt first.
    expect(ids(r)).toEqual([A.meldingId, C.meldingId, B.meldingId, E.meldingId, D.meldingId]);
    expect(r.body.totaal).toBe(5);
    const dues = r.body.items.map((i: any) => i.eerstvolgende.due);
    expect(dues).toEqual([...dues].sort());
    const byId = Object.fromEntries(r.body.items.map((i: any) => [i.meldingId, i]));
    expect(byId[A.meldingId]).toMatchObject({
      proces: 'bureaudienst',
      klokStatus: 'overdue',
      behandelaar: null,
      eerstvolgende: { kind: 'veiligheidsbeoordeling', due: '2026-10-08' },
    });
    expect(byId[B.meldingId]).toMatchObject({
      proces: 'bureaudienst',
      klokStatus: 'on_time',
      eerstvolgende: { kind: 'veiligheidsbeoordeling', due: '2026-10-20' },
    });
    expect(byId[C.meldingId]).toMatchObject({
      proces: 'veiligheidsbeoordeling',
      klokStatus: 'at_risk',
      behandelaar: { id: bo.userId },
      eerstvolgende: { due: '2026-10-14' },
    });
    expect(byId[D.meldingId]).toMatchObject({
      proces: 'diensten',
      klokStatus: 'on_time',
      eerstvolgende: { kind: 'informeren', due: '2026-11-11' },
    });
    expect(byId[D.meldingId].openKlokken.map((k: any) => [k.kind, k.due])).toContainEqual(['dienst', '2026-12-17']);
    expect(byId[E.meldingId]).toMatchObject({ proces: 'monitoring', status: 'overgedragen' });
    // Closed meldingen and other teams are not in this list.
    expect(ids(r)).not.toContain(G.meldingId);
    expect(ids(r)).not.toContain(F.meldingId);
  });

  it('counts per process and clock state', async () => {
    const r = await bo.get('/api/werkvoorraad?proces=diensten');
    // Counts are the team overview: the process filter does not change them.
    expect(r.body.tellingen).toEqual({
      bureaudienst: { ...zero, overdue: 1, on_time: 1 },
      veiligheidsbeoordeling: { ...zero, at_risk: 1 },
      diensten: { ...zero, on_time: 1 },
      monitoring: { ...zero, on_time: 1 },
    });
    expect(r.body.perBehandelaar).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ behandelaarId: bo.userId, aantal: 3, teLaat: 0 }),
        expect.objectContaining({ behandelaarId: null, aantal: 2, teLaat: 1 }),
      ]),
    );
  });

  it.each([
    ['bureaudienst', () => [A, B]],
    ['veiligheidsbeoordeling', () => [C]],
    ['diensten', () => [D]],
    ['monitoring', () => [E]],
  ])('filters on proces=%s', async (proces, expected) => {
    const r = await bo.get(`/api/werkvoorraad?proces=${proces}`);
    expect(r.status).toBe(200);
    expect(ids(r)).toEqual(expected().map((m) => m.meldingId));
    expect(r.body.items.every((i: any) => i.proces === proces)).toBe(true);
  });

  it('filters on klok, behandelaar=mij and behandelaar=geen', async () => {
    expect(ids(await bo.get('/api/werkvoorraad?klok=overdue'))).toEqual([A.meldingId]);
    expect(ids(await bo.get('/api/werkvoorraad?klok=at_risk'))).toEqual([C.meldingId]);
    expect(ids(await bo.get('/api/werkvoorraad?behandelaar=mij'))).toEqual([C.meldingId, E.meldingId, D.meldingId]);
    expect(ids(await bo2.get('/api/werkvoorraad?behandelaar=mij'))).toEqual([]);
    expect(ids(await bo.get('/api/werkvoorraad?behandelaar=geen'))).toEqual([A.meldingId, B.meldingId]);
    expect(ids(await manager.get(`/api/werkvoorraad?behandelaar=${bo.userId}`))).toEqual([
      C.meldingId,
      E.meldingId,
      D.meldingId,
    ]);
  });

  it('other teams: listed only where the user has a relation; the counts cover the whole scope', async () => {
    const teamId = (
      await sql<{ team_id: number }>`select team_id from melding where id = ${F.meldingId}`.execute(env.database.db)
    ).rows[0]!.team_id;
    // F (Amstelland) is still in triage and bo registered it: bo sees it (relation 'registratie').
    const alle = await bo.get('/api/werkvoorraad?team=alle');
    expect(ids(alle)).toHaveLength(6);
    expect(ids(alle)).toContain(F.meldingId);
    expect(alle.body.nietGetoond).toBe(0);
    expect(ids(await bo.get(`/api/werkvoorraad?team=${teamId}`))).toEqual([F.meldingId]);
    // Amstelland's own worker sees it by default; Amsterdam's meldingen are counted, not listed.
    const amstelland = await env.as('amstelland');
    expect(ids(await amstelland.get('/api/werkvoorraad'))).toEqual([F.meldingId]);
    const vanuitAmstelland = await amstelland.get('/api/werkvoorraad?team=alle');
    expect(ids(vanuitAmstelland)).toEqual([F.meldingId]);
    expect(vanuitAmstelland.body.nietGetoond).toBe(5);
    expect(vanuitAmstelland.body.totaal).toBe(1);
    expect(JSON.stringify(vanuitAmstelland.body)).not.toContain('Javastraat 1 '); // A's address
    const sum = (b: any) =>
      Object.values(b.tellingen).reduce(
        (a: number, t: any) => a + Object.values(t as Record<string, number>).reduce((x, y) => x + y, 0),
        0,
      );
    expect(sum(vanuitAmstelland.body)).toBe(6);
    // Once triaged by Amstelland, F leaves bo's list (no registrant relation after triage).
    expect(
      (
        await amstelland.post(`/api/meldingen/${F.meldingId}/toewijzen`, {
          versie: (await amstelland.get(`/api/casussen/${F.casusId}`)).body.versie,
          behandelaarId: amstelland.userId,
        })
      ).status,
    ).toBe(200);
    await step(F, 'veiligheidsbeoordeling', beoordeling('2026-10-13T10:00:00+02:00'), amstelland);
    const daarna = await bo.get(`/api/werkvoorraad?team=${teamId}`);
    expect(ids(daarna)).toEqual([]);
    expect(daarna.body.nietGetoond).toBe(1);
    // The bureaudienst triages region-wide: a new Amstelland melding is listed for it.
    const bureau = await env.as('bureau');
    const H = await create('2026-10-13T15:00:00+02:00', 'GM0362');
    expect(ids(await bureau.get(`/api/werkvoorraad?team=${teamId}`))).toEqual([H.meldingId]);
    // A team of no organisation of the user: 400 naming the field.
    const bad = await bo.get('/api/werkvoorraad?team=999999');
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'query.team', rule: 'bestaat' })]);
  });

  it('pages with limit and offset; bad filters are a 400', async () => {
    const p1 = await bo.get('/api/werkvoorraad?limit=2');
    const p2 = await bo.get('/api/werkvoorraad?limit=2&offset=2');
    expect(ids(p1)).toEqual([A.meldingId, C.meldingId]);
    expect(ids(p2)).toEqual([B.meldingId, E.meldingId]);
    expect(p1.body.totaal).toBe(5);
    const bad = await bo.get('/api/werkvoorraad?proces=koffie&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: any) => f.field).sort()).toEqual(['query.limit', 'query.proces']);
  });

  it('the clock states follow the server clock', async () => {
    const saved = env.clock.now;
    try {
      env.clock.now = new Date('2026-10-21T09:00:00+02:00'); // B is now one werkdag late
      const r = await bo.get('/api/werkvoorraad?proces=bureaudienst');
      expect(r.body.items.map((i: any) => [i.meldingId, i.klokStatus])).toEqual([
        [A.meldingId, 'overdue'],
        [B.meldingId, 'overdue'],
      ]);
      expect(r.body.tellingen.bureaudienst).toEqual({ ...zero, overdue: 2 });
    } finally {
      env.clock.now = saved;
    }
  });
});

describe('POST /api/meldingen/:id/toewijzen', () => {
  const behandelaarVan = async (m: M) =>
    (
      await sql<{
        behandelaar_id: number | null;
      }>`select behandelaar_id from melding where id = ${m.meldingId}`.execute(env.database.db)
    ).rows[0]!.behandelaar_id;

  it('a medewerker who is not a teammanager cannot assign work to someone else (403, nothing written)', async () => {
    const v = await versie(A);
    const r = await bo.post(`/api/meldingen/${A.meldingId}/toewijzen`, { versie: v, behandelaarId: bo2.userId });
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('geen_toegang');
    const log = (await sql<any>`select * from access_log order by id desc limit 1`.execute(env.database.db)).rows[0];
    expect(log).toMatchObject({ user_id: bo.userId, route: 'POST /api/meldingen/:id/toewijzen', outcome: 'denied' });
    expect(await behandelaarVan(A)).toBeNull();
    expect(await versie(A)).toBe(v);
    // Unassigning someone else's melding is also assigning: refused.
    const un = await bo2.post(`/api/meldingen/${C.meldingId}/toewijzen`, {
      versie: await versie(C),
      behandelaarId: null,
    });
    expect(un.status).toBe(403);
    expect(await behandelaarVan(C)).toBe(bo.userId);
  });

  it('a medewerker may pick up a melding; it moves from bureaudienst to veiligheidsbeoordeling', async () => {
    const v = await versie(A);
    const r = await bo.post(`/api/meldingen/${A.meldingId}/toewijzen`, { versie: v, behandelaarId: bo.userId });
    expect(r.status).toBe(200);
    expect(r.body.versie).toBe(v + 1);
    expect(await behandelaarVan(A)).toBe(bo.userId);
    const item = (await bo.get('/api/werkvoorraad')).body.items.find((i: any) => i.meldingId === A.meldingId);
    expect(item).toMatchObject({ proces: 'veiligheidsbeoordeling', behandelaar: { id: bo.userId } });
  });

  it('the teammanager may assign to anyone, and unassign', async () => {
    let r = await manager.post(`/api/meldingen/${B.meldingId}/toewijzen`, {
      versie: await versie(B),
      behandelaarId: bo2.userId,
    });
    expect(r.status).toBe(200);
    expect(await behandelaarVan(B)).toBe(bo2.userId);
    expect(ids(await bo2.get('/api/werkvoorraad?behandelaar=mij'))).toEqual([B.meldingId]);
    r = await manager.post(`/api/meldingen/${B.meldingId}/toewijzen`, { versie: await versie(B), behandelaarId: null });
    expect(r.status).toBe(200);
    expect(await behandelaarVan(B)).toBeNull();
  });

  it('assigning to an unknown user is a 400; a closed melding cannot be assigned (409)', async () => {
    const unknown = await manager.post(`/api/meldingen/${B.meldingId}/toewijzen`, {
      versie: await versie(B),
      behandelaarId: 999_999,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'behandelaarId', rule: 'bestaat' })]);
    const closed = await manager.post(`/api/meldingen/${G.meldingId}/toewijzen`, {
      versie: await versie(G),
      behandelaarId: bo.userId,
    });
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ currentState: 'afgesloten' });
  });
});
