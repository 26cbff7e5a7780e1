// The smaller points of issue 18: what a role learns that it does not need. A casus id that does
// not exist is answered like one without a relation; staff names only for the roles that assign,
// consult or read the access log; BSN and date of birth in a person search only for roles that
// register meldingen (others: only where their own query matched exactly); an impossible date of
// birth in a search and an unbounded melderMeldingIds list are a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing.ts';
import { buildScenario, type Scenario } from './testfixture.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2026-03-02T10:00:00+01:00') });
  s = await buildScenario(env, 76_000);
});
afterAll(async () => {
  await env?.close();
});

describe('privacy hardening: smaller points', () => {
  it('a casus id that does not exist gets the same 403 geen_relatie as one without a relation', async () => {
    const amstelland = await env.as('amstelland');
    const bestaat = await amstelland.get(`/api/casussen/${s.casusId}`);
    expect(bestaat.status).toBe(403);
    const onbekend = 2_000_000_000;
    const bestaatNiet = await amstelland.get(`/api/casussen/${onbekend}`);
    expect(bestaatNiet.status).toBe(403);
    expect(bestaatNiet.body).toEqual({ ...bestaat.body, casusId: onbekend });
    // Also for the route that only tells the user's own relation.
    expect((await amstelland.get(`/api/casussen/${onbekend}/toegang`)).body).toMatchObject({
      casusId: onbekend,
      relaties: [],
    });
  });

  it('staff names only for case roles and the privacy officer', async () => {
    for (const u of ['onderzoek', 'beleid', 'beheer']) {
      const r = await (await env.as(u)).get('/api/referentie');
      expect(r.status, u).toBe(200);
      expect(r.body.medewerkers, u).toEqual([]);
      expect(r.body.teams.length, u).toBeGreaterThan(0);
    }
    for (const u of ['backoffice', 'gw', 'privacy']) {
      const r = await (await env.as(u)).get('/api/referentie');
      expect(
        r.body.medewerkers.map((m: any) => m.naam),
        u,
      ).toContain('Ruud Mulder');
    }
  });

  it('a surname alone gives BSN and date of birth only to roles that register meldingen', async () => {
    const gw = await env.as('gw');
    const bureau = await env.as('bureau');
    const samira = (k: any[]) => k.find((x) => x.id === s.samira);
    const volledig = samira((await bureau.get('/api/personen?naam=Bennani')).body.kandidaten);
    expect(volledig).toMatchObject({ bsn: s.samiraBsn, geboortedatum: '19880412' });
    const beperkt = samira((await gw.get('/api/personen?naam=Bennani')).body.kandidaten);
    expect(beperkt).toMatchObject({ naam: 'Samira Bennani', bsn: null, geboortedatum: null, geboortedatumLabel: null });
    // An exact match shows what the query already had.
    const opDatum = samira(
      (await gw.get('/api/personen?naam=Samira%20Bennani&geboortedatum=19880412')).body.kandidaten,
    );
    expect(opDatum).toMatchObject({ bsn: null, geboortedatum: '19880412' });
    const opBsn = samira((await gw.get(`/api/personen?bsn=${s.samiraBsn}`)).body.kandidaten);
    expect(opBsn).toMatchObject({ bsn: s.samiraBsn, geboortedatum: '19880412' });
  });

  it('an impossible date of birth in a person search is a 400 naming the field', async () => {
    const bureau = await env.as('bureau');
    for (const d of ['19881332', '19880230', '1988']) {
      const r = await bureau.get(`/api/personen?naam=Bennani&geboortedatum=${d}`);
      expect(r.status, d).toBe(400);
      expect(JSON.stringify(r.body), d).toContain('geboortedatum');
    }
    expect((await bureau.get('/api/personen?naam=Bennani&geboortedatum=19880400')).status).toBe(200);
  });

  it('melderMeldingIds takes at most 100 ids', async () => {
    const privacy = await env.as('privacy');
    const v = await privacy.post(`/api/personen/${s.karim}/vernietigingsverzoeken`, {
      verzoekerRelatie: 'betrokkene',
      ontvangenOp: '2026-03-01',
    });
    expect(v.status).toBe(201);
    const r = await privacy.post(`/api/vernietigingsverzoeken/${v.body.id}/besluit`, {
      besluit: 'toegewezen',
      melderMeldingIds: Array.from({ length: 101 }, (_, i) => i + 1),
    });
    expect(r.status).toBe(400);
    // Refused by its length, before any melding is looked up.
    expect(r.body.fields).toEqual([
      expect.objectContaining({ field: 'melderMeldingIds', message: 'Hoogstens 100 meldingen' }),
    ]);
  });
});
