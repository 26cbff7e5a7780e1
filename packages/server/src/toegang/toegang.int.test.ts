// Relation-based access to a casus (own team, behandelaar, MDO, triage, crisisdienst at night),
// break the glass with its emergency log entries and the privacy officer's review.
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessLog } from '../audit/index.ts';
import { checkRouteTable, type RouteDef } from '../http/route.ts';
import { allRoutes } from '../routes.ts';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { binnenKantooruren, kantooruren } from './relatie.ts';

// A Wednesday morning (office hours) in November 2026; Saturday night for the crisisdienst.
const WOENSDAG = new Date('2026-11-18T10:00:00+01:00');
const ZATERDAGNACHT = new Date('2026-11-21T02:00:00+01:00');

let env: TestEnv;
let bo: TestClient; // backoffice, Team Amsterdam
let bo2: TestClient; // backoffice, Team Amsterdam
let amstelland: TestClient; // backoffice, Team Amstelland
let bureau: TestClient; // bureaudienst, team Bureaudienst
let crisis: TestClient; // crisisdienst, team Bureaudienst
let gw: TestClient; // gedragswetenschapper, Team Amsterdam
let manager: TestClient; // teammanager, Team Amsterdam
let privacy: TestClient;
type Created = { meldingId: number; casusId: number; persoonIds: number[] };
let A: Created; // casus of Team Amsterdam
let B: Created; // casus of Team Amstelland

let seq = 0;
function meldingInput(gemeenteCode: string, achternaam: string) {
  seq++;
  return {
    binnenkomst: 'telefoon',
    melder: {
      hoedanigheid: 'buurtbewoner',
      naam: `Melder ${achternaam}`,
      telefoon: '020 555 0100',
      wilOnbekendBlijven: true,
    },
    huishouden: {
      straat: 'Teststraat',
      huisnummer: String(seq),
      postcode: gemeenteCode === 'GM0363' ? '1053DX' : '1181AA',
      woonplaats: 'X',
      gemeenteCode,
    },
    regio: 'eigen',
    gemeenteCode,
    betrokkenen: [
      {
        persoon: {
          bsn: generateBsn(71_000 + seq),
          voornamen: 'Noa',
          achternaam,
          geboortedatum: '19880101',
          geslacht: 'V',
        },
        rol: 'slachtoffer',
      },
      { persoon: { voornamen: 'Sem', achternaam, geboortedatum: '20190202', geslacht: 'M' }, rol: 'kind' },
    ],
    aanleiding: ['km_anders'],
    aard: ['psychisch_geweld'],
    omschrijving: 'School maakt zich zorgen over een kind dat bang is om naar huis te gaan.',
  };
}

async function lastLogId(): Promise<number> {
  return Number(
    (await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(env.database.db)).rows[0]!.id ?? 0,
  );
}
async function logSince(id: number) {
  return (await sql<any>`select * from access_log where id > ${id} order by id`.execute(env.database.db)).rows;
}
const versie = async (casusId: number) =>
  (await sql<{ versie: number }>`select versie from casus where id = ${casusId}`.execute(env.database.db)).rows[0]!
    .versie;
const beoordeling = (getoetstDoor: number) => ({
  acuteOnveiligheid: false,
  structureleOnveiligheid: true,
  uitkomst: 'structurele_onveiligheid',
  motivering: 'Eerdere meldingen en het gesprek met moeder wijzen op structurele onveiligheid.',
  bronnen: ['eigen_registratie', 'directbetrokkenen'],
  getoetstDoor,
});

beforeAll(async () => {
  env = await createTestEnv({ now: WOENSDAG });
  [bo, bo2, amstelland, bureau, crisis, gw, manager, privacy] = await Promise.all(
    ['backoffice', 'backoffice2', 'amstelland', 'bureau', 'crisis', 'gw', 'manager', 'privacy'].map((u) => env.as(u)),
  );
  const a = await bo.post('/api/meldingen', meldingInput('GM0363', 'Relatietest'));
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  A = a.body;
  const b = await amstelland.post('/api/meldingen', meldingInput('GM0362', 'Amstellandtest'));
  expect(b.status, JSON.stringify(b.body)).toBe(201);
  B = b.body;
});
afterAll(async () => {
  await env?.close();
});

describe('the route table declares the relation', () => {
  it('every melding/melder route under a casus or melding declares one; the server refuses to start otherwise', () => {
    const routes = allRoutes();
    const under = routes.filter(
      (r) =>
        /^\/api\/(casussen|meldingen)\/:id/.test(r.url) &&
        !('public' in r.policy) &&
        ['melding', 'melder'].includes((r.policy as any).resource),
    );
    expect(under.length).toBeGreaterThan(15);
    for (const r of under) expect(r.relatie, `${r.method} ${r.url}`).toBeDefined();
    const handler = async () => ({});
    const base = {
      method: 'GET',
      url: '/api/casussen/:id/iets',
      summary: 'x',
      tags: [],
      handler,
      policy: { resource: 'melding', action: 'read' },
    } as unknown as RouteDef;
    expect(() => checkRouteTable([base])).toThrow(/declares no relation/);
    expect(() => checkRouteTable([{ ...base, relatie: 'casus' } as RouteDef])).not.toThrow();
    expect(() => checkRouteTable([{ ...base, relatie: { geen: '' } } as RouteDef])).toThrow(/without a reason/);
    expect(() => checkRouteTable([{ ...base, relatie: 'dossier' } as unknown as RouteDef])).toThrow(/unknown relation/);
    expect(() => checkRouteTable([{ ...base, url: '/api/casussen', relatie: 'casus' } as RouteDef])).toThrow(
      /no :id parameter/,
    );
  });
});

describe('own team, behandelaar, triage, crisisdienst', () => {
  it('the own team opens the casus; another team gets 403 geen_relatie, logged as denied without clients', async () => {
    const ok = await bo.get(`/api/casussen/${A.casusId}`);
    expect(ok.status).toBe(200);
    // Own team, and (while the melding is new) the one who registered it.
    expect(ok.body.toegang.relaties.map((r: any) => r.relatie)).toEqual(['eigen_team', 'registratie']);
    expect(ok.body.toegang).toMatchObject({ noodtoegang: null, magConsulteren: true });
    expect((await bo2.get(`/api/casussen/${A.casusId}`)).body.toegang.relaties.map((r: any) => r.relatie)).toEqual([
      'eigen_team',
    ]);
    expect(ok.body.consultaties).toEqual([]);

    const before = await lastLogId();
    const no = await amstelland.get(`/api/casussen/${A.casusId}`);
    expect(no.status).toBe(403);
    expect(no.body).toMatchObject({ error: 'geen_relatie', casusId: A.casusId, noodtoegangMogelijk: true });
    expect(no.body.message).toMatch(/geen relatie met deze casus/);
    expect(JSON.stringify(no.body)).not.toContain('Relatietest');
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: amstelland.userId,
      outcome: 'denied',
      object_type: 'casus',
      object_id: String(A.casusId),
      route: 'GET /api/casussen/:id',
      client_ids: [],
    });
    expect(rows[0].purpose).toMatch(/geen relatie/);
    // And the other way round.
    expect((await bo.get(`/api/casussen/${B.casusId}`)).status).toBe(403);
    expect((await amstelland.get(`/api/casussen/${B.casusId}`)).status).toBe(200);
  });

  it('everything under the casus needs the relation: print, melder decision, workflow, assigning, flag — refused before validation, nothing written', async () => {
    const v = await versie(A.casusId);
    const calls: Array<[string, () => Promise<{ status: number; body: any }>]> = [
      ['afdruk', () => amstelland.get(`/api/casussen/${A.casusId}/afdruk`)],
      ['afdruk pdf', () => amstelland.get(`/api/casussen/${A.casusId}/afdruk?formaat=pdf`)],
      ['melder-openbaarheid lezen', () => amstelland.get(`/api/meldingen/${A.meldingId}/melder-openbaarheid`)],
      [
        'melder-openbaarheid besluiten',
        () =>
          amstelland.post(`/api/meldingen/${A.meldingId}/melder-openbaarheid`, {
            openbaar: true,
            grond: 'geen_bezwaar',
          }),
      ],
      [
        'beoordeling (ongeldige invoer)',
        () => amstelland.post(`/api/meldingen/${A.meldingId}/veiligheidsbeoordeling`, {}),
      ],
      [
        'beoordeling',
        () =>
          amstelland.post(`/api/meldingen/${A.meldingId}/veiligheidsbeoordeling`, {
            versie: v,
            ...beoordeling(bo.userId),
          }),
      ],
      [
        'zelf oppakken',
        () =>
          amstelland.post(`/api/meldingen/${A.meldingId}/toewijzen`, { versie: v, behandelaarId: amstelland.userId }),
      ],
      [
        'veiligheidsvlag',
        () => amstelland.post(`/api/casussen/${A.casusId}/veiligheidsvlag`, { versie: v, vlaggen: ['wapen'] }),
      ],
      [
        'consultatie',
        () =>
          amstelland.post(`/api/casussen/${A.casusId}/consultaties`, {
            gebruikerId: amstelland.userId,
            toelichting: 'Ik consulteer mezelf even.',
          }),
      ],
    ];
    for (const [name, call] of calls) {
      const r = await call();
      expect(r.status, name).toBe(403);
      expect(r.body.error, name).toBe('geen_relatie');
      expect(JSON.stringify(r.body), name).not.toContain('Melder Relatietest');
    }
    expect(await versie(A.casusId)).toBe(v);
    const m = (
      await sql<any>`select status, behandelaar_id from melding where id = ${A.meldingId}`.execute(env.database.db)
    ).rows[0];
    expect(m).toEqual({ status: 'ontvangen', behandelaar_id: null });
    // A melding that does not exist is a 404, not a 403.
    expect((await amstelland.get('/api/meldingen/999999/melder-openbaarheid')).status).toBe(404);
  });

  it('search stays organisation-wide: another team finds the casus and the persons, but cannot open it', async () => {
    const nummer = (await bo.get(`/api/casussen/${A.casusId}`)).body.nummer;
    const zoek = await amstelland.get(`/api/casussen?q=${nummer}`);
    expect(zoek.status).toBe(200);
    expect(zoek.body.casussen.map((c: any) => c.id)).toEqual([A.casusId]);
    const personen = await amstelland.get('/api/personen?naam=Relatietest');
    expect(personen.status).toBe(200);
    expect(personen.body.kandidaten.length).toBeGreaterThan(0);
    expect((await amstelland.get(`/api/radar?persoonIds=${A.persoonIds.join(',')}`)).status).toBe(200);
    expect((await amstelland.get(`/api/casussen/${A.casusId}`)).status).toBe(403);
  });

  it('intake lookups by id answer only for persons this session found, or with a work relation (ids are sequential)', async () => {
    const nieuw = await env.as('amstelland'); // a new session: nothing found yet, no relation with A
    const ids = A.persoonIds.join(',');
    const huishoudenId = (await bo.get(`/api/intake/huishouden?persoonIds=${A.persoonIds[0]}`)).body.huishouden.id;
    for (const url of [
      `/api/radar?persoonIds=${ids}`,
      `/api/intake/huishouden?persoonIds=${A.persoonIds[0]}`,
      `/api/intake/huishouden?huishoudenId=${huishoudenId}`,
      '/api/radar?persoonIds=2000000000', // an id that does not exist: the same answer
    ]) {
      const r = await nieuw.get(url);
      expect(r.status, url).toBe(403);
      expect(r.body.error, url).toBe('niet_gevonden');
      expect(JSON.stringify(r.body)).not.toMatch(/Relatietest|straat/i);
    }
    // The registrant and her team need no search.
    expect((await bo2.get(`/api/radar?persoonIds=${ids}`)).status).toBe(200);
    // After a search that shows the persons, the same lookups answer.
    expect((await nieuw.get('/api/personen?naam=Relatietest')).body.kandidaten.length).toBeGreaterThan(0);
    expect((await nieuw.get(`/api/radar?persoonIds=${ids}`)).status).toBe(200);
    const hh = await nieuw.get(`/api/intake/huishouden?persoonIds=${A.persoonIds[0]}`);
    expect(hh.status).toBe(200);
    expect(hh.body.huishouden.id).toBe(huishoudenId);
    expect((await nieuw.get(`/api/intake/huishouden?huishoudenId=${huishoudenId}`)).status).toBe(200);
    // Found once is not found for ever: another session of the same user starts again.
    const later = await env.as('amstelland');
    expect((await later.get(`/api/radar?persoonIds=${ids}`)).status).toBe(403);
  });

  it('bureaudienst and crisisdienst triage new meldingen everywhere; after the beoordeling only the team (and behandelaar) keep access', async () => {
    const x = (await bo.post('/api/meldingen', meldingInput('GM0363', 'Triagetest'))).body as Created;
    for (const u of [bureau, crisis]) {
      const r = await u.get(`/api/casussen/${x.casusId}`);
      expect(r.status).toBe(200);
      expect(r.body.toegang.relaties.map((t: any) => t.relatie)).toEqual(['triage']);
    }
    // Amstelland too? No: triage is for the bureaudienst and crisisdienst only.
    expect((await amstelland.get(`/api/casussen/${x.casusId}`)).status).toBe(403);
    const b = await bo.post(`/api/meldingen/${x.meldingId}/veiligheidsbeoordeling`, {
      versie: await versie(x.casusId),
      ...beoordeling(bo2.userId),
    });
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    // During office hours: no relation any more.
    expect((await bureau.get(`/api/casussen/${x.casusId}`)).status).toBe(403);
    expect((await crisis.get(`/api/casussen/${x.casusId}`)).body.error).toBe('geen_relatie');
    // Saturday night the crisisdienst works region-wide; the bureaudienst does not.
    env.clock.now = ZATERDAGNACHT;
    try {
      const r = await crisis.get(`/api/casussen/${x.casusId}`);
      expect(r.status).toBe(200);
      expect(r.body.toegang.relaties.map((t: any) => t.relatie)).toEqual(['crisisdienst']);
      expect((await crisis.get(`/api/casussen/${B.casusId}`)).status).toBe(200);
      expect((await bureau.get(`/api/casussen/${x.casusId}`)).status).toBe(403);
    } finally {
      env.clock.now = WOENSDAG;
    }
  });

  it('who registered a new melding for another team may open its casus until the melding is triaged', async () => {
    const x = (await amstelland.post('/api/meldingen', meldingInput('GM0363', 'Registratietest'))).body as Created;
    const r = await amstelland.get(`/api/casussen/${x.casusId}`);
    expect(r.status).toBe(200);
    expect(r.body.toegang.relaties.map((t: any) => t.relatie)).toEqual(['registratie']);
    expect(r.body.team.naam).toBe('Team Amsterdam');
    const b = await bo.post(`/api/meldingen/${x.meldingId}/veiligheidsbeoordeling`, {
      versie: await versie(x.casusId),
      ...beoordeling(bo2.userId),
    });
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    expect((await amstelland.get(`/api/casussen/${x.casusId}`)).body.error).toBe('geen_relatie');
  });

  it('office hours: werkdagen between VOORDEUR_KANTOORUREN (default 08:00-17:00, Europe/Amsterdam), not on feestdagen', async () => {
    const db = env.database.db;
    expect(await binnenKantooruren(db, new Date('2026-11-18T08:00:00+01:00'))).toBe(true);
    expect(await binnenKantooruren(db, new Date('2026-11-18T07:59:00+01:00'))).toBe(false);
    expect(await binnenKantooruren(db, new Date('2026-11-18T16:59:00+01:00'))).toBe(true);
    expect(await binnenKantooruren(db, new Date('2026-11-18T17:00:00+01:00'))).toBe(false);
    expect(await binnenKantooruren(db, new Date('2026-11-21T10:00:00+01:00'))).toBe(false); // Saturday
    expect(await binnenKantooruren(db, new Date('2026-12-25T10:00:00+01:00'))).toBe(false); // Eerste Kerstdag
    expect(await binnenKantooruren(db, new Date('2026-07-01T08:30:00+02:00'))).toBe(true); // summer time
    expect(kantooruren({ VOORDEUR_KANTOORUREN: '07:30-18:00' })).toEqual({ van: 450, tot: 1080 });
    expect(() => kantooruren({ VOORDEUR_KANTOORUREN: '17:00-08:00' })).toThrow(/VOORDEUR_KANTOORUREN/);
    expect(() => kantooruren({ VOORDEUR_KANTOORUREN: 'altijd' })).toThrow(/VOORDEUR_KANTOORUREN/);
  });

  it('a behandelaar from another team opens the casus; the teammanager sees the own team', async () => {
    const y = (await bo.post('/api/meldingen', meldingInput('GM0363', 'Behandelaartest'))).body as Created;
    expect((await amstelland.get(`/api/casussen/${y.casusId}`)).status).toBe(403);
    expect((await manager.get(`/api/casussen/${y.casusId}`)).body.toegang.relaties.map((t: any) => t.relatie)).toEqual([
      'eigen_team',
    ]);
    const t = await manager.post(`/api/meldingen/${y.meldingId}/toewijzen`, {
      versie: await versie(y.casusId),
      behandelaarId: amstelland.userId,
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const r = await amstelland.get(`/api/casussen/${y.casusId}`);
    expect(r.status).toBe(200);
    expect(r.body.toegang.relaties.map((x: any) => x.relatie)).toEqual(['behandelaar']);
    // The teammanager of another team has no relation.
    expect((await manager.get(`/api/casussen/${B.casusId}`)).status).toBe(403);
  });

  it('own team follows the open meldingen; with all closed, the team of the last melding', async () => {
    const db = env.database.db;
    // Casus of Team Amsterdam, melding closed; a newer closed melding handled by Team Amstelland.
    const z = (await bo.post('/api/meldingen', meldingInput('GM0363', 'Teamwissel'))).body as Created;
    const amstellandTeam = (await sql<{ id: number }>`select id from team where naam = 'Team Amstelland'`.execute(db))
      .rows[0]!.id;
    await sql`update melding set status = 'afgesloten' where id = ${z.meldingId}`.execute(db);
    expect((await bo.get(`/api/casussen/${z.casusId}`)).status).toBe(200);
    expect((await amstelland.get(`/api/casussen/${z.casusId}`)).status).toBe(403);
    const nummer = `MLT${seq}`;
    await sql`insert into melding (nummer, casus_id, team_id, status, ontvangen_op, binnenkomst, melder_hoedanigheid, regio, aanleiding, aard, omschrijving, met_kinderen)
              values (${nummer}, ${z.casusId}, ${amstellandTeam}, 'afgesloten', ${new Date(WOENSDAG.getTime() + 60_000).toISOString()}, 'telefoon', 'buurtbewoner', 'eigen', '{km_anders}', '{}', 'Latere melding', true)`.execute(
      db,
    );
    expect((await amstelland.get(`/api/casussen/${z.casusId}`)).status).toBe(200);
    expect((await bo.get(`/api/casussen/${z.casusId}`)).status).toBe(403);
    // An open melding of Team Amsterdam gives the casus back to Amsterdam (and only to Amsterdam).
    await sql`update melding set status = 'beoordeeld' where id = ${z.meldingId}`.execute(db);
    expect((await bo.get(`/api/casussen/${z.casusId}`)).status).toBe(200);
    expect((await amstelland.get(`/api/casussen/${z.casusId}`)).status).toBe(403);
  });
});

describe('MDO consultation', () => {
  it('a case worker records that a colleague of another team is consulted: the colleague gets access until it is ended', async () => {
    expect((await amstelland.get(`/api/casussen/${A.casusId}`)).status).toBe(403);
    const before = await lastLogId();
    const r = await bo.post(`/api/casussen/${A.casusId}/consultaties`, {
      gebruikerId: amstelland.userId,
      toelichting: 'MDO kindermishandeling: advies over de veiligheid.',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ casusId: A.casusId, gebruiker: { id: amstelland.userId } });
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: bo.userId,
      action: 'create',
      object_type: 'mdo_consultatie',
      object_id: String(r.body.id),
      outcome: 'success',
    });
    expect([...rows[0].client_ids].sort()).toEqual([...A.persoonIds].sort());

    const c = await amstelland.get(`/api/casussen/${A.casusId}`);
    expect(c.status).toBe(200);
    expect(c.body.toegang).toMatchObject({
      relaties: [{ relatie: 'mdo', label: 'geconsulteerd in een MDO' }],
      noodtoegang: null,
      magConsulteren: false,
    });
    expect(c.body.consultaties).toHaveLength(1);
    expect(c.body.consultaties[0]).toMatchObject({
      gebruiker: { id: amstelland.userId, naam: 'Lotte Hendriks', team: 'Team Amstelland' },
      vastgelegdDoor: 'Youssef El Idrissi',
      actief: true,
      beeindigdOp: null,
    });

    // The consulted colleague cannot pull in others, nor end it.
    const f = await amstelland.post(`/api/casussen/${A.casusId}/consultaties`, {
      gebruikerId: gw.userId,
      toelichting: 'Ook de gedragswetenschapper erbij.',
    });
    expect(f.status).toBe(403);
    expect(f.body.error).toBe('geen_werkrelatie');
    expect((await amstelland.post(`/api/casussen/${A.casusId}/consultaties/${r.body.id}/beeindigen`, {})).status).toBe(
      403,
    );

    // Twice the same colleague: 409.
    expect(
      (
        await bo.post(`/api/casussen/${A.casusId}/consultaties`, {
          gebruikerId: amstelland.userId,
          toelichting: 'Nogmaals dezelfde collega.',
        })
      ).status,
    ).toBe(409);

    const e = await bo.post(`/api/casussen/${A.casusId}/consultaties/${r.body.id}/beeindigen`, {});
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    expect((await amstelland.get(`/api/casussen/${A.casusId}`)).status).toBe(403);
    const list = (await bo.get(`/api/casussen/${A.casusId}`)).body.consultaties;
    expect(list[0]).toMatchObject({ actief: false, beeindigdDoor: 'Youssef El Idrissi' });
    expect((await bo.post(`/api/casussen/${A.casusId}/consultaties/${r.body.id}/beeindigen`, {})).status).toBe(409);
    // A new consultation after the old one ended is fine.
    expect(
      (
        await bo.post(`/api/casussen/${A.casusId}/consultaties`, {
          gebruikerId: amstelland.userId,
          toelichting: 'Tweede MDO, weer advies gevraagd.',
        })
      ).status,
    ).toBe(201);
    expect((await amstelland.get(`/api/casussen/${A.casusId}`)).status).toBe(200);
  });

  it('a consultation expires after 90 days', async () => {
    const r = await manager.post(`/api/casussen/${A.casusId}/consultaties`, {
      gebruikerId: crisis.userId,
      toelichting: 'Crisisdienst meegenomen in het MDO.',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(new Date(r.body.geldigTot).getTime() - WOENSDAG.getTime()).toBe(90 * 86_400_000);
    const db = env.database.db;
    await sql`update melding set status = 'beoordeeld' where id = ${A.meldingId}`.execute(db); // no triage relation any more
    try {
      expect((await crisis.get(`/api/casussen/${A.casusId}`)).body.toegang.relaties.map((t: any) => t.relatie)).toEqual(
        ['mdo'],
      );
      env.clock.now = new Date(WOENSDAG.getTime() + 91 * 86_400_000 + 3 * 3600_000); // a werkdag, office hours
      expect(await binnenKantooruren(db, env.clock.now)).toBe(true);
      expect((await crisis.get(`/api/casussen/${A.casusId}`)).status).toBe(403);
    } finally {
      env.clock.now = WOENSDAG;
      await sql`update melding set status = 'ontvangen' where id = ${A.meldingId}`.execute(db);
    }
  });

  it('bad input is a 400 naming the field and rule; nothing is written', async () => {
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from mdo_consultatie`.execute(env.database.db)).rows[0]!.n;
    const n = await count();
    const r = await bo.post(`/api/casussen/${A.casusId}/consultaties`, { gebruikerId: 'x', toelichting: 'kort' });
    expect(r.status).toBe(400);
    expect(r.body.fields.map((f: any) => [f.field, f.rule])).toEqual(
      expect.arrayContaining([
        ['gebruikerId', 'invalid_type'],
        ['toelichting', 'too_small'],
      ]),
    );
    const beleidId = env.users.get('beleid')!;
    const rol = await bo.post(`/api/casussen/${A.casusId}/consultaties`, {
      gebruikerId: beleidId,
      toelichting: 'Beleidsmedewerker consulteren.',
    });
    expect(rol.status).toBe(400);
    expect(rol.body.fields).toEqual([expect.objectContaining({ field: 'gebruikerId', rule: 'rol' })]);
    const weg = await bo.post(`/api/casussen/${A.casusId}/consultaties`, {
      gebruikerId: 999_999,
      toelichting: 'Iemand die niet bestaat.',
    });
    expect(weg.status).toBe(400);
    expect(weg.body.fields).toEqual([expect.objectContaining({ field: 'gebruikerId', rule: 'bestaat' })]);
    expect(await count()).toBe(n);
  });
});

describe('break the glass (noodtoegang)', () => {
  let noodId: number;

  it('a reason of at least 20 characters is required; nothing is granted otherwise', async () => {
    for (const body of [{}, { reden: '' }, { reden: 'te kort' }, { reden: 42 }]) {
      const r = await gw.post(`/api/casussen/${B.casusId}/noodtoegang`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.fields[0].field).toBe('reden');
    }
    const short = await gw.post(`/api/casussen/${B.casusId}/noodtoegang`, { reden: 'nu nodig!' });
    expect(short.body.fields[0]).toMatchObject({ field: 'reden', rule: 'too_small' });
    expect(short.body.fields[0].message).toMatch(/Minimaal 20 tekens/);
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from noodtoegang`.execute(env.database.db)).rows[0]!.n,
    ).toBe(0);
    expect((await gw.get(`/api/casussen/${B.casusId}`)).status).toBe(403);
    // Someone with a relation does not need it; a role without casus rights cannot ask.
    expect(
      (
        await amstelland.post(`/api/casussen/${B.casusId}/noodtoegang`, {
          reden: 'Ik werk zelf aan deze casus, toch noodtoegang.',
        })
      ).body.error,
    ).toBe('relatie_bestaat');
    expect(
      (await privacy.post(`/api/casussen/${B.casusId}/noodtoegang`, { reden: 'De privacy officer wil de casus zien.' }))
        .body.error,
    ).toBe('geen_toegang');
  });

  it('grants access for this session, at most 12 hours; every access under it is an emergency event in the hash chain', async () => {
    const before = await lastLogId();
    const reden = 'Crisisoverleg: vader dreigt vanavond met geweld, team Amstelland is niet bereikbaar.';
    const r = await gw.post(`/api/casussen/${B.casusId}/noodtoegang`, { reden });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    noodId = r.body.id;
    expect(r.body).toMatchObject({ casusId: B.casusId, reden, verleendOp: WOENSDAG.toISOString() });
    // Until the session ends (absolute lifetime 12 h, started seconds ago), at most 12 hours.
    const duur = new Date(r.body.verlooptOp).getTime() - WOENSDAG.getTime();
    expect(duur).toBeLessThanOrEqual(12 * 3600_000);
    expect(duur).toBeGreaterThan(12 * 3600_000 - 120_000);

    const c = await gw.get(`/api/casussen/${B.casusId}`);
    expect(c.status).toBe(200);
    expect(c.body.toegang.relaties.map((t: any) => t.relatie)).toEqual(['noodtoegang']);
    expect(c.body.toegang.noodtoegang).toMatchObject({ id: noodId, reden });
    expect(c.body.toegang.magConsulteren).toBe(false);
    const afdruk = await gw.get(`/api/casussen/${B.casusId}/afdruk`);
    expect(afdruk.status).toBe(200);
    // Asking again within the same emergency access returns it.
    const again = await gw.post(`/api/casussen/${B.casusId}/noodtoegang`, {
      reden: 'Nogmaals gevraagd, zelfde situatie als net.',
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(noodId);

    const rows = await logSince(before);
    expect(rows.map((x) => [x.route, x.action, x.outcome])).toEqual([
      ['POST /api/casussen/:id/noodtoegang', 'emergency', 'success'],
      ['GET /api/casussen/:id', 'emergency', 'success'],
      ['GET /api/casussen/:id/afdruk', 'emergency', 'success'],
      ['POST /api/casussen/:id/noodtoegang', 'emergency', 'success'],
    ]);
    expect(rows[0].purpose).toBe(`noodtoegang #${noodId} verleend: ${reden}`);
    expect(rows[1].purpose).toBe(`noodtoegang #${noodId}: casus inzien, inclusief melder`);
    expect(rows[2].purpose).toMatch(new RegExp(`^noodtoegang #${noodId}: afdruk casus`));
    for (const row of rows) {
      expect(row.user_id).toBe(gw.userId);
      expect(row.object_id).toBe(String(B.casusId));
      expect([...row.client_ids].sort()).toEqual([...B.persoonIds].sort());
    }
    expect((await verifyAccessLog(env.database.db)).ok).toBe(true);
  });

  it('a workflow step under emergency access is logged as an emergency event too', async () => {
    const before = await lastLogId();
    const r = await gw.post(`/api/meldingen/${B.meldingId}/rvdk-verzoek`, {
      versie: await versie(B.casusId),
      motivering: 'Acute zorgen: verzoek tot onderzoek aan de Raad.',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'emergency',
      route: 'POST /api/meldingen/:id/rvdk-verzoek',
      object_type: 'melding',
      object_id: String(B.meldingId),
      purpose: `noodtoegang #${noodId}: rvdk_verzoek`,
      outcome: 'success',
    });
  });

  it('holds only in the session it was granted in, and ends after 12 hours', async () => {
    const other = await env.as('gw');
    const r = await other.get(`/api/casussen/${B.casusId}`);
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('geen_relatie');
    env.clock.now = new Date(WOENSDAG.getTime() + 12 * 3600_000 + 1000);
    try {
      // 22:00 on a Wednesday is outside office hours, but the gedragswetenschapper is no crisisdienst.
      expect((await gw.get(`/api/casussen/${B.casusId}`)).status).toBe(403);
    } finally {
      env.clock.now = WOENSDAG;
    }
    expect((await gw.get(`/api/casussen/${B.casusId}`)).status).toBe(200);
  });

  it('the privacy officer lists emergency accesses and reviews each once', async () => {
    const list = await privacy.get('/api/toegangslog/noodtoegang');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ totaal: 1, nietBeoordeeld: 1 });
    expect(list.body.items[0]).toMatchObject({
      id: noodId,
      casus: { id: B.casusId },
      gebruiker: { id: gw.userId, naam: 'Marieke Jansen', rollen: ['gedragswetenschapper'] },
      beoordeeld: false,
      beoordeling: null,
    });
    // Used: casus (twice), print, workflow step — the grant, the repeat ask and the refused requests are not uses.
    expect(list.body.items[0].gebruik).toBe(4);

    expect((await gw.get('/api/toegangslog/noodtoegang')).status).toBe(403);
    const bad = await privacy.post(`/api/toegangslog/noodtoegang/${noodId}/beoordeling`, {
      oordeel: 'prima',
      notitie: 'kort',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: any) => f.field).sort()).toEqual(['notitie', 'oordeel']);
    const ok = await privacy.post(`/api/toegangslog/noodtoegang/${noodId}/beoordeling`, {
      oordeel: 'gerechtvaardigd',
      notitie: 'Crisis buiten kantoortijd, team niet bereikbaar: terecht.',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(
      (
        await privacy.post(`/api/toegangslog/noodtoegang/${noodId}/beoordeling`, {
          oordeel: 'niet_gerechtvaardigd',
          notitie: 'Toch niet terecht, bij nader inzien.',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await privacy.post('/api/toegangslog/noodtoegang/999999/beoordeling', {
          oordeel: 'gerechtvaardigd',
          notitie: 'Bestaat niet, maar goed.',
        })
      ).status,
    ).toBe(404);

    expect((await privacy.get('/api/toegangslog/noodtoegang')).body).toMatchObject({
      totaal: 0,
      nietBeoordeeld: 0,
      items: [],
    });
    const done = await privacy.get('/api/toegangslog/noodtoegang?beoordeeld=ja');
    expect(done.body.items[0]).toMatchObject({
      id: noodId,
      beoordeeld: true,
      beoordeling: { oordeel: 'gerechtvaardigd', door: { id: privacy.userId, naam: 'Ruud Mulder' } },
    });
    expect((await privacy.get('/api/toegangslog/noodtoegang?beoordeeld=misschien')).status).toBe(400);

    // The access-log search finds the emergency events by action.
    const log = await privacy.get(`/api/toegangslog?actie=emergency&medewerkerId=${gw.userId}`);
    if (log.status === 200) expect(log.body.items.every((i: any) => i.actie === 'emergency')).toBe(true);
  });
});
