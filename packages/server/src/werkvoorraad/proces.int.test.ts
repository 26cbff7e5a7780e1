// The werkvoorraad process is defined twice: in TypeScript (domain procesVan, used for the counts and
// the items) and in SQL (procesSql, used to filter and page). This test holds them together: on every
// status × assigned or not, and on meldingen brought into every state through the API.
import { generateBsn, MELDING_STATUSSEN, PROCESSEN, procesVan, type MeldingStatus } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { procesSql } from './queries.ts';

const NOW = new Date('2026-10-14T12:00:00+02:00');
let env: TestEnv;
let bo: TestClient;
let manager: TestClient;

let seed = 71_000;
let huisnummer = 1;
const meldingInput = (ontvangenOp: string) => ({
  ontvangenOp,
  binnenkomst: 'telefoon',
  melder: { hoedanigheid: 'gz_huisarts', naam: 'Dr. A. Kuipers', organisatie: 'Huisartsenpraktijk Kuipers' },
  huishouden: {
    straat: 'Balistraat',
    huisnummer: String(huisnummer++),
    postcode: '1094JH',
    woonplaats: 'Amsterdam',
    gemeenteCode: 'GM0363',
  },
  regio: 'eigen',
  gemeenteCode: 'GM0363',
  betrokkenen: [
    {
      persoon: {
        bsn: generateBsn(seed++),
        voornamen: 'Sanne',
        achternaam: 'Visser',
        geboortedatum: '19850101',
        geslacht: 'V',
      },
      rol: 'slachtoffer',
    },
  ],
  aanleiding: ['partnergeweld'],
  aard: ['psychisch_geweld'],
  omschrijving: 'Huisarts ziet blauwe plekken en een angstige patiënte; partner is dominant aanwezig.',
});

interface M {
  meldingId: number;
  casusId: number;
}
const versie = async (m: M) => (await bo.get(`/api/casussen/${m.casusId}`)).body.versie as number;
async function step(m: M, path: string, body: Record<string, unknown>, as: TestClient = bo) {
  const r = await as.post(`/api/meldingen/${m.meldingId}/${path}`, { versie: await versie(m), ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}
async function create(): Promise<M> {
  const r = await bo.post('/api/meldingen', meldingInput('2026-10-12T09:00:00+02:00'));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
const beoordeling = () => ({
  acuteOnveiligheid: false,
  structureleOnveiligheid: true,
  uitkomst: 'structurele_onveiligheid',
  motivering: 'Signalen van huisarts en eigen registratie wijzen op structurele onveiligheid.',
  bronnen: ['huisarts', 'eigen_registratie'],
  getoetstDoor: env.users.get('gw')!,
  vastgesteldOp: '2026-10-13T10:00:00+02:00',
});
const overdracht = {
  ontvangerType: 'lokaal_team',
  ontvangerNaam: 'Ouder Kind Team Oost',
  reedsBekend: true,
  warm: true,
  overgedragenOp: '2026-10-13T12:00:00+02:00',
};

/** The meldingen with the process SQL computes for them. */
async function sqlProces() {
  return (
    await sql<{
      id: number;
      status: MeldingStatus;
      behandelaar_id: number | null;
      proces: string | null;
    }>`select m.id, m.status, m.behandelaar_id, ${procesSql} as proces from melding m order by m.id`.execute(
      env.database.db,
    )
  ).rows;
}

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  bo = await env.as('backoffice');
  manager = await env.as('manager');
  const toewijzen = async (m: M, behandelaarId: number | null, as = bo) => {
    const r = await as.post(`/api/meldingen/${m.meldingId}/toewijzen`, { versie: await versie(m), behandelaarId });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  // ontvangen, without and with a behandelaar
  await create();
  await toewijzen(await create(), bo.userId);
  // beoordeeld (the beoordeling makes the user behandelaar), and one unassigned again by the manager
  const beoordeeld = await create();
  await step(beoordeeld, 'veiligheidsbeoordeling', beoordeling());
  const zonder = await create();
  await step(zonder, 'veiligheidsbeoordeling', beoordeling());
  await toewijzen(zonder, null, manager);
  // both diensten, one of them unassigned
  const vv = await create();
  await step(vv, 'veiligheidsbeoordeling', beoordeling());
  await step(vv, 'dienst-voorwaarden-en-vervolg', { gestartOp: '2026-10-13T11:00:00+02:00' });
  const onderzoek = await create();
  await step(onderzoek, 'veiligheidsbeoordeling', beoordeling());
  await step(onderzoek, 'dienst-onderzoek', { gestartOp: '2026-10-13T11:00:00+02:00' });
  await toewijzen(onderzoek, null, manager);
  // overgedragen, with and without a behandelaar
  const over = await create();
  await step(over, 'veiligheidsbeoordeling', beoordeling());
  await step(over, 'overdracht', overdracht);
  const overZonder = await create();
  await step(overZonder, 'veiligheidsbeoordeling', beoordeling());
  await step(overZonder, 'overdracht', overdracht);
  await toewijzen(overZonder, null, manager);
  // afgesloten
  const dicht = await create();
  await step(dicht, 'veiligheidsbeoordeling', beoordeling());
  await step(dicht, 'afsluiten', { reden: 'geen_hg_km', afgeslotenOp: '2026-10-13T13:00:00+02:00' });
});
afterAll(async () => {
  await env?.close();
});

describe('werkvoorraad process: SQL (procesSql) and TypeScript (procesVan) agree', () => {
  it('on every status, assigned or not', async () => {
    const combinaties = MELDING_STATUSSEN.flatMap((s) => [null, 1].map((b) => ({ status: s, behandelaar_id: b })));
    const rows = (
      await sql<{ status: MeldingStatus; behandelaar_id: number | null; proces: string | null }>`
        select m.status, m.behandelaar_id, ${procesSql} as proces
        from unnest(${combinaties.map((c) => c.status)}::text[], ${combinaties.map((c) => c.behandelaar_id)}::int[])
          as m(status, behandelaar_id)`.execute(env.database.db)
    ).rows;
    expect(rows).toHaveLength(combinaties.length);
    expect(rows.map((r) => [r.status, r.behandelaar_id, r.proces])).toEqual(
      combinaties.map((c) => [c.status, c.behandelaar_id, procesVan(c.status, c.behandelaar_id != null)]),
    );
  });

  it('on meldingen brought into every state through the API', async () => {
    const rows = await sqlProces();
    // Every status is present, and every process.
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(MELDING_STATUSSEN));
    expect(new Set(rows.map((r) => r.proces).filter(Boolean))).toEqual(new Set(PROCESSEN));
    for (const r of rows)
      expect([r.id, r.status, r.proces]).toEqual([r.id, r.status, procesVan(r.status, r.behandelaar_id != null)]);
  });

  it.each(PROCESSEN)(
    'the list filtered on proces=%s holds exactly the meldingen procesVan puts there',
    async (proces) => {
      const rows = await sqlProces();
      const verwacht = rows.filter((r) => procesVan(r.status, r.behandelaar_id != null) === proces).map((r) => r.id);
      expect(verwacht.length).toBeGreaterThan(0);
      const r = await manager.get(`/api/werkvoorraad?proces=${proces}`);
      expect(r.status).toBe(200);
      expect(r.body.items.map((i: { meldingId: number }) => i.meldingId).sort((a: number, b: number) => a - b)).toEqual(
        verwacht,
      );
      for (const i of r.body.items) expect(i.proces).toBe(proces);
      // The counts (from procesVan over the groups) agree with the filtered list (from procesSql).
      const tellingen = Object.values(r.body.tellingen[proces] as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(tellingen).toBe(verwacht.length);
    },
  );
});
