// The privacy officer's view of the access log "alleen dossiertoegang" (weergave=dossier): the
// reads of persons' records stay, the technical reads every page makes (reference data, drafts,
// the session, logging in) go; and a legal hold can be set by casusnummer as well as by id.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';

let env: TestEnv;
let privacy: TestClient;
let bo: TestClient;
let casus: { id: number; nummer: string };

beforeAll(async () => {
  env = await createTestEnv({ demoCases: true });
  privacy = await env.as('privacy');
  bo = await env.as('backoffice');
  casus = (
    await sql<{
      id: number;
      nummer: string;
    }>`select c.id, c.nummer from casus c join melding m on m.casus_id = c.id join gebruiker g on g.team_id = c.team_id where g.gebruikersnaam = 'backoffice' order by c.id limit 1`.execute(
      env.database.db,
    )
  ).rows[0]!;
});
afterAll(async () => {
  await env?.close();
});

const soorten = (items: Array<{ objectType: string; actie: string }>) =>
  [...new Set(items.map((i) => `${i.objectType} ${i.actie}`))].sort();

describe('access log: alleen dossiertoegang', () => {
  it('keeps the reads of a dossier and leaves out reference data, drafts, session and login', async () => {
    // What a page visit of a case worker writes: reference data, the session, drafts, and the casus.
    expect((await bo.get('/api/referentie')).status).toBe(200);
    expect((await bo.get('/api/sessie')).status).toBe(200);
    expect((await bo.get('/api/concepten')).status).toBe(200);
    expect((await bo.get(`/api/casussen/${casus.id}`)).status).toBe(200);

    const alles = await privacy.get(`/api/toegangslog?gebruikerId=${bo.userId}&limit=500`);
    expect(alles.status).toBe(200);
    expect(soorten(alles.body.items)).toEqual(expect.arrayContaining(['referentie read', 'sessie read', 'casus read']));
    expect(alles.body.items.some((i: any) => i.actie === 'login')).toBe(true);

    const dossier = await privacy.get(`/api/toegangslog?gebruikerId=${bo.userId}&limit=500&weergave=dossier`);
    expect(dossier.status).toBe(200);
    const s = soorten(dossier.body.items);
    expect(s).toContain('casus read');
    for (const technisch of ['referentie', 'sessie', 'concept', 'gebruiker'])
      expect(
        s.filter((x) => x.startsWith(`${technisch} `)),
        technisch,
      ).toEqual([]);
    expect(dossier.body.totaal).toBeLessThan(alles.body.totaal);
    // 'alles' is the default and the same as no weergave.
    expect((await privacy.get(`/api/toegangslog?gebruikerId=${bo.userId}&limit=500&weergave=alles`)).body.totaal).toBe(
      alles.body.totaal,
    );
  });

  it('keeps refused attempts at personal data, and applies to the CSV export too', async () => {
    const beleid = await env.as('beleid');
    expect((await beleid.get('/api/werkvoorraad')).status).toBe(403);
    const r = await privacy.get(`/api/toegangslog?gebruikerId=${beleid.userId}&weergave=dossier`);
    expect(r.body.items.map((i: any) => `${i.objectType} ${i.uitkomst}`)).toEqual(['werkvoorraad denied']);
    const csv = await env.app.inject({
      method: 'GET',
      url: `/api/toegangslog/export?gebruikerId=${beleid.userId}&weergave=dossier`,
      headers: { cookie: (await env.session('privacy')).cookie },
    });
    expect(csv.statusCode).toBe(200);
    const regels = csv.body.trim().split('\n');
    expect(regels).toHaveLength(2);
    expect(regels[1]).toContain('werkvoorraad');
  });

  it("leaves out the privacy officer's own searches of this log (they name every person found)", async () => {
    expect((await privacy.get('/api/toegangslog?limit=5')).status).toBe(200);
    const alles = await privacy.get(`/api/toegangslog?gebruikerId=${privacy.userId}&objectType=toegangslog&limit=50`);
    expect(alles.body.items.some((i: any) => i.actie === 'search' && i.clientIds.length > 0)).toBe(true);
    const dossier = await privacy.get(
      `/api/toegangslog?gebruikerId=${privacy.userId}&objectType=toegangslog&weergave=dossier`,
    );
    expect(dossier.body.totaal).toBe(0);
  });

  it('refuses an unknown weergave', async () => {
    const r = await privacy.get('/api/toegangslog?weergave=technisch');
    expect(r.status).toBe(400);
  });
});

describe('bewaarblokkade by casusnummer', () => {
  it('sets, shows and lifts a hold by casusnummer, the same casus as by id', async () => {
    const zet = await privacy.post(`/api/casussen/${casus.nummer}/bewaarblokkade`, {
      reden: 'Lopende procedure bij de rechtbank.',
    });
    expect(zet.status, JSON.stringify(zet.body)).toBe(201);
    const hist = await privacy.get(`/api/casussen/${casus.id}/bewaarblokkade`);
    expect(hist.body).toMatchObject({
      casusId: casus.id,
      blokkades: [{ actief: true, reden: 'Lopende procedure bij de rechtbank.' }],
    });
    expect((await privacy.get(`/api/casussen/${casus.nummer}/bewaarblokkade`)).body.casusId).toBe(casus.id);
    const op = await privacy.post(`/api/casussen/${casus.nummer}/bewaarblokkade/opheffen`, {
      reden: 'Procedure afgerond op 1 maart.',
    });
    expect(op.status).toBe(200);
    expect(op.body.casusId).toBe(casus.id);
    // The log names the casus by its id, as for every other casus access.
    const log = await privacy.get(`/api/toegangslog?gebruikerId=${privacy.userId}&objectType=casus&limit=5`);
    expect(log.body.items[0]).toMatchObject({ objectType: 'casus', objectId: String(casus.id) });
  });

  it('answers 404 for an unknown casusnummer and 400 for something that is neither', async () => {
    expect(
      (await privacy.post('/api/casussen/1999-000001/bewaarblokkade', { reden: 'Lopende procedure bij de rechtbank.' }))
        .status,
    ).toBe(404);
    const fout = await privacy.post('/api/casussen/abc/bewaarblokkade', {
      reden: 'Lopende procedure bij de rechtbank.',
    });
    expect(fout.status).toBe(400);
  });
});
