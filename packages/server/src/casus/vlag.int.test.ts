// The safety flag: set with the casus version, validated against its code list, visible on
// the casus and in the werkvoorraad rows of that household.
import { generateBsn } from '@voordeur/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';

let env: TestEnv;
let bo: TestClient;
let created: { casusId: number; meldingId: number };

beforeAll(async () => {
  env = await createTestEnv();
  bo = await env.as('backoffice');
  const r = await bo.post('/api/meldingen', {
    binnenkomst: 'telefoon',
    melder: { hoedanigheid: 'politie', naam: 'Wijkagent', organisatie: 'Politie Amsterdam' },
    huishouden: {
      straat: 'Javastraat',
      huisnummer: '7',
      postcode: '1094HB',
      woonplaats: 'Amsterdam',
      gemeenteCode: 'GM0363',
    },
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    betrokkenen: [
      {
        persoon: {
          bsn: generateBsn(77_001),
          voornamen: 'Samira',
          achternaam: 'Bouali',
          geboortedatum: '19910303',
          geslacht: 'V',
        },
        rol: 'slachtoffer',
      },
    ],
    aanleiding: ['partnergeweld'],
    aard: [],
    omschrijving: 'Melding over bedreiging met een mes in de woning.',
  });
  expect(r.status).toBe(201);
  created = r.body;
});
afterAll(async () => {
  await env?.close();
});

describe('veiligheidsvlag', () => {
  it('is set with the casus version and shows on the casus and in the werkvoorraad', async () => {
    const before = (await bo.get(`/api/casussen/${created.casusId}`)).body;
    expect(before.veiligheidsvlag).toEqual({ vlaggen: [], toelichting: null });
    const r = await bo.post(`/api/casussen/${created.casusId}/veiligheidsvlag`, {
      versie: before.versie,
      vlaggen: ['wapen', 'niet_alleen_op_huisbezoek'],
      toelichting: 'Partner dreigde met een mes.',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.versie).toBe(before.versie + 1);
    const after = (await bo.get(`/api/casussen/${created.casusId}`)).body;
    expect(after.veiligheidsvlag).toEqual({
      vlaggen: ['wapen', 'niet_alleen_op_huisbezoek'],
      toelichting: 'Partner dreigde met een mes.',
    });
    const wv = (await bo.get('/api/werkvoorraad?team=alle')).body;
    expect(wv.items.find((i: any) => i.meldingId === created.meldingId).veiligheidsvlaggen).toEqual([
      'wapen',
      'niet_alleen_op_huisbezoek',
    ]);
  });

  it('refuses an unknown flag and a flag without toelichting in one 400, and a stale version with 409', async () => {
    const c = (await bo.get(`/api/casussen/${created.casusId}`)).body;
    const bad = await bo.post(`/api/casussen/${created.casusId}/veiligheidsvlag`, {
      versie: c.versie,
      vlaggen: ['onzin'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: any) => f.field).sort()).toEqual(['toelichting', 'vlaggen[0]']);
    const stale = await bo.post(`/api/casussen/${created.casusId}/veiligheidsvlag`, {
      versie: c.versie - 1,
      vlaggen: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('versie_conflict');
    expect((await bo.get(`/api/casussen/${created.casusId}`)).body.veiligheidsvlag.vlaggen).toEqual([
      'wapen',
      'niet_alleen_op_huisbezoek',
    ]);
  });

  it('an empty list removes the flag and its toelichting', async () => {
    const c = (await bo.get(`/api/casussen/${created.casusId}`)).body;
    const r = await bo.post(`/api/casussen/${created.casusId}/veiligheidsvlag`, { versie: c.versie, vlaggen: [] });
    expect(r.status).toBe(200);
    expect((await bo.get(`/api/casussen/${created.casusId}`)).body.veiligheidsvlag).toEqual({
      vlaggen: [],
      toelichting: null,
    });
  });
});
