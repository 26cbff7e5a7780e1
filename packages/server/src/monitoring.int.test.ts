// Monitoring after an overdracht through the API: the monitoringcontact step (validation naming the
// fields, refused in other states), the monitoring clock (due 13 weeks after the overdracht or the
// last contact, met on afsluiten), the casus page, and the werkvoorraad's order and counts.
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringWekenUit } from './referentie/klokbeleid.ts';
import { createTestEnv, type TestClient, type TestEnv } from './testing.ts';

const NOW = new Date('2026-10-14T12:00:00+02:00'); // Wednesday
let env: TestEnv;
let bo: TestClient;
let seed = 91_000;
let huisnummer = 1;

interface M {
  meldingId: number;
  casusId: number;
  persoonIds: number[];
}

async function create(ontvangenOp: string): Promise<M> {
  const r = await bo.post('/api/meldingen', {
    ontvangenOp,
    binnenkomst: 'telefoon',
    melder: {
      hoedanigheid: 'gz_huisarts',
      naam: 'Dr. A. Vos',
      organisatie: 'Huisartsenpraktijk Vos',
      wilOnbekendBlijven: false,
    },
    huishouden: {
      straat: 'Monitorweg',
      huisnummer: String(huisnummer++),
      postcode: '1091AB',
      woonplaats: 'Amsterdam',
      gemeenteCode: 'GM0363',
    },
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    betrokkenen: [
      {
        persoon: {
          bsn: generateBsn(seed++),
          voornamen: 'Fatma',
          achternaam: 'Monitor',
          geboortedatum: `1985010${huisnummer}`,
          geslacht: 'V',
        },
        rol: 'slachtoffer',
      },
    ],
    aanleiding: ['partnergeweld'],
    aard: ['psychisch_geweld'],
    omschrijving: 'Huisarts meldt zorgen over spanningen thuis; test van de monitoring.',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
const versie = async (m: M) => (await bo.get(`/api/casussen/${m.casusId}`)).body.versie;
const post = async (m: M, path: string, body: Record<string, unknown>) =>
  bo.post(`/api/meldingen/${m.meldingId}/${path}`, { versie: await versie(m), ...body });
async function step(m: M, path: string, body: Record<string, unknown>) {
  const r = await post(m, path, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
async function melding(m: M) {
  const c = (await bo.get(`/api/casussen/${m.casusId}`)).body;
  return { casus: c, melding: c.meldingen.find((x: any) => x.id === m.meldingId) };
}
const monitoringKlok = async (m: M) => (await melding(m)).melding.clocks.find((k: any) => k.kind === 'monitoring');

/** Received, beoordeeld, melder teruggebeld, persons informed, overgedragen at `overgedragenOp`. */
async function inMonitoring(ontvangenOp: string, overgedragenOp: string): Promise<M> {
  const m = await create(ontvangenOp);
  const b = new Date(new Date(ontvangenOp).getTime() + 24 * 3600_000).toISOString();
  await step(m, 'veiligheidsbeoordeling', {
    acuteOnveiligheid: false,
    structureleOnveiligheid: true,
    uitkomst: 'structurele_onveiligheid',
    motivering: 'Eerdere meldingen en het gesprek met moeder wijzen op structurele onveiligheid.',
    bronnen: ['huisarts'],
    getoetstDoor: env.users.get('gw')!,
    vastgesteldOp: b,
  });
  await step(m, 'terugkoppeling', { moment: 'na_beoordeling', inhoud: 'Huisarts teruggebeld.', gedaanOp: b });
  for (const persoonId of m.persoonIds)
    await step(m, 'informeren', { persoonId, wijze: 'telefonisch', geinformeerdOp: NOW.toISOString() });
  await step(m, 'overdracht', {
    ontvangerType: 'lokaal_team',
    ontvangerNaam: 'Ouder Kind Team Oost',
    reedsBekend: false,
    warm: true,
    overgedragenOp,
    monitoringAfspraken: 'Na 3 maanden contact.',
  });
  return m;
}

// M1: overgedragen Wed 10 June → monitoring due Wed 9 September: overdue on 14 October.
// M2: overgedragen Mon 20 July → due Mon 19 October: 5 days left, at risk.
let M1: M, M2: M, O: M;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  bo = await env.as('backoffice');
  M1 = await inMonitoring('2026-06-01T09:00:00+02:00', '2026-06-10T10:00:00+02:00');
  M2 = await inMonitoring('2026-07-13T09:00:00+02:00', '2026-07-20T10:00:00+02:00');
  O = await create('2026-10-13T09:00:00+02:00');
});
afterAll(async () => {
  await env?.close();
});

const contact = {
  gedaanOp: '2026-10-13T10:00:00+02:00',
  bevindingen: 'Gebeld met het Ouder Kind Team: hulp loopt, moeder voelt zich veiliger.',
  hulpGestart: 'ja',
  veilig: 'ja',
};

describe('monitoring after an overdracht', () => {
  it('the clock runs 13 weeks from the overdracht; overdue and at risk show in the werkvoorraad', async () => {
    expect(await monitoringKlok(M1)).toMatchObject({
      due: '2026-09-09',
      state: 'overdue',
      unit: 'dagen',
      startedAt: new Date('2026-06-10T10:00:00+02:00').toISOString(),
    });
    expect(await monitoringKlok(M2)).toMatchObject({ due: '2026-10-19', state: 'at_risk', daysLeft: 5 });
    expect((await melding(M1)).melding.acties.map((a: any) => a.actie)).toContain('monitoringcontact');

    const wv = await bo.get('/api/werkvoorraad?proces=monitoring');
    expect(wv.status).toBe(200);
    expect(wv.body.items.map((i: any) => i.meldingId)).toEqual([M1.meldingId, M2.meldingId]);
    expect(wv.body.items[0]).toMatchObject({
      proces: 'monitoring',
      klokStatus: 'overdue',
      eerstvolgende: { kind: 'monitoring', due: '2026-09-09' },
    });
    expect(wv.body.items[1]).toMatchObject({
      klokStatus: 'at_risk',
      eerstvolgende: { kind: 'monitoring', due: '2026-10-19' },
    });
    expect(wv.body.tellingen.monitoring).toMatchObject({ overdue: 1, at_risk: 1, on_time: 0 });
    // Only the overdue one with the clock filter.
    expect(
      (await bo.get('/api/werkvoorraad?proces=monitoring&klok=overdue')).body.items.map((i: any) => i.meldingId),
    ).toEqual([M1.meldingId]);
  });

  it('refuses bad input with every offending field named, and writes nothing', async () => {
    const v = await versie(M1);
    const r = await bo.post(`/api/meldingen/${M1.meldingId}/monitoringcontact`, {
      versie: v,
      bevindingen: 'kort',
      hulpGestart: 'misschien',
    });
    expect(r.status).toBe(400);
    const fields = r.body.fields.map((f: any) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['gedaanOp', 'bevindingen', 'hulpGestart', 'veilig']));
    const toekomst = await post(M1, 'monitoringcontact', { ...contact, gedaanOp: '2026-10-15T10:00:00+02:00' });
    expect(toekomst.status).toBe(400);
    expect(toekomst.body.fields).toEqual([expect.objectContaining({ field: 'gedaanOp', rule: 'niet_in_toekomst' })]);
    const voor = await post(M1, 'monitoringcontact', { ...contact, gedaanOp: '2026-06-09T10:00:00+02:00' });
    expect(voor.status).toBe(400);
    expect(voor.body.fields).toEqual([expect.objectContaining({ field: 'gedaanOp', rule: 'na_overdracht' })]);
    expect(await versie(M1)).toBe(v);
    expect((await sql<any>`select count(*)::int as n from monitoringcontact`.execute(env.database.db)).rows[0].n).toBe(
      0,
    );
  });

  it('is refused with 409 in other states', async () => {
    const r = await post(O, 'monitoringcontact', contact);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'niet_toegestaan', currentState: 'ontvangen' });
    expect(r.body.allowedActions).not.toContain('monitoringcontact');
  });

  it('a contact restarts the clock, shows on the casus page and moves the werkvoorraad in the same request', async () => {
    const r = await step(M1, 'monitoringcontact', contact);
    expect(r).toMatchObject({ status: 'overgedragen' });
    // 13 October + 13 weeks = 12 January 2027.
    expect(await monitoringKlok(M1)).toMatchObject({
      due: '2027-01-12',
      state: 'on_time',
      startedAt: new Date(contact.gedaanOp).toISOString(),
    });
    const row = (
      await sql<any>`select termijn_sortering::text as s, termijn_open_due::text as d from melding where id = ${M1.meldingId}`.execute(
        env.database.db,
      )
    ).rows[0];
    expect(row).toEqual({ s: '2027-01-12', d: '2027-01-12' });

    const { casus, melding: m } = await melding(M1);
    expect(m.monitoringcontacten).toEqual([
      {
        gedaanOp: new Date(contact.gedaanOp).toISOString(),
        bevindingen: contact.bevindingen,
        hulpGestart: 'ja',
        veilig: 'ja',
        door: expect.any(String),
      },
    ]);
    expect(casus.timeline).toContainEqual(
      expect.objectContaining({
        soort: 'monitoring',
        titel: 'Monitoringcontact: hulp gestart ja, veilig ja',
        tekst: contact.bevindingen,
      }),
    );

    const wv = await bo.get('/api/werkvoorraad?proces=monitoring');
    expect(wv.body.items.map((i: any) => i.meldingId)).toEqual([M2.meldingId, M1.meldingId]);
    expect(wv.body.items[1]).toMatchObject({
      klokStatus: 'on_time',
      eerstvolgende: { kind: 'monitoring', due: '2027-01-12' },
    });
    expect(wv.body.tellingen.monitoring).toMatchObject({ overdue: 0, at_risk: 1, on_time: 1 });
  });

  it('a later contact (not safe) restarts it again; afsluiten meets the clock; then no more contacts', async () => {
    await step(M2, 'monitoringcontact', {
      gedaanOp: '2026-10-14T09:30:00+02:00',
      bevindingen: 'Hulp nog niet gestart; moeder vertelt over nieuwe incidenten.',
      hulpGestart: 'nee',
      veilig: 'nee',
    });
    expect(await monitoringKlok(M2)).toMatchObject({ due: '2027-01-13', state: 'on_time' });
    expect((await melding(M2)).melding.monitoringcontacten.at(-1)).toMatchObject({ veilig: 'nee', hulpGestart: 'nee' });

    await step(M2, 'afsluiten', { reden: 'hulp_al_aanwezig', afgeslotenOp: '2026-10-14T11:00:00+02:00' });
    expect(await monitoringKlok(M2)).toMatchObject({
      state: 'met',
      metAt: new Date('2026-10-14T11:00:00+02:00').toISOString(),
    });
    const r = await post(M2, 'monitoringcontact', contact);
    expect(r.status).toBe(409);
    expect(r.body.currentState).toBe('afgesloten');
    expect((await bo.get('/api/werkvoorraad?proces=monitoring')).body.items.map((i: any) => i.meldingId)).toEqual([
      M1.meldingId,
    ]);
  });
});

describe('privacy', () => {
  it("the person's dossier (inzage/afschrift) lists the monitoringcontacten", async () => {
    const privacy = await env.as('privacy');
    const r = await privacy.post(`/api/personen/${M1.persoonIds[0]}/inzageverzoeken`, {
      soort: 'inzage',
      verzoekerRelatie: 'betrokkene',
      ontvangenOp: '2026-10-14',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const besluit = await privacy.post(`/api/inzageverzoeken/${r.body.id}/besluit`, {
      besluit: 'toegewezen',
      motivering: 'Melder wordt afgeschermd; verder geen bezwaar.',
    });
    expect(besluit.status, JSON.stringify(besluit.body)).toBe(200);
    const d = await privacy.get(`/api/inzageverzoeken/${r.body.id}/dossier`);
    expect(d.status).toBe(200);
    expect(d.body.meldingen[0].monitoringcontacten).toEqual([
      {
        gedaanOp: new Date(contact.gedaanOp).toISOString(),
        bevindingen: contact.bevindingen,
        hulpGestart: 'ja',
        veilig: 'ja',
      },
    ]);
  });
});

describe('VOORDEUR_MONITORING_WEKEN', () => {
  it('whole weeks 1–104, default 13; anything else is refused', () => {
    expect(monitoringWekenUit({})).toBe(13);
    expect(monitoringWekenUit({ VOORDEUR_MONITORING_WEKEN: ' ' })).toBe(13);
    expect(monitoringWekenUit({ VOORDEUR_MONITORING_WEKEN: '26' })).toBe(26);
    for (const bad of ['0', '105', '6.5', 'drie', '-4'])
      expect(() => monitoringWekenUit({ VOORDEUR_MONITORING_WEKEN: bad }), bad).toThrow(/VOORDEUR_MONITORING_WEKEN/);
  });
});
