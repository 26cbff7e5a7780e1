// The Handelingsprotocol through the API: every transition, the guards (onderzoek uitkomst,
// four eyes, version), refusals that write nothing, the casus closing with its last melding,
// side actions (terugkoppeling, informeren) and the statutory clocks with a controlled `now`.
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from './testing.ts';

let env: TestEnv;
let bo: TestClient;
let gwId: number;

beforeAll(async () => {
  env = await createTestEnv();
  bo = await env.as('backoffice');
  gwId = env.users.get('gw')!;
});
afterAll(async () => {
  await env?.close();
});

let seed = 82_000;
let huisnummer = 1;

function meldingInput(overrides: Record<string, unknown> = {}) {
  return {
    binnenkomst: 'politie_zorgmelding',
    melder: { hoedanigheid: 'politie', naam: 'Wijkagent R. de Boer', organisatie: 'Politie Amsterdam' },
    huishouden: {
      straat: 'Bos en Lommerweg',
      huisnummer: String(huisnummer++),
      postcode: '1055DV',
      woonplaats: 'Amsterdam',
      gemeenteCode: 'GM0363',
    },
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    betrokkenen: [
      {
        persoon: {
          bsn: generateBsn(seed++),
          voornamen: 'Aylin',
          achternaam: 'Kaya',
          geboortedatum: '19900101',
          geslacht: 'V',
        },
        rol: 'slachtoffer',
      },
      {
        persoon: {
          bsn: generateBsn(seed++),
          voornamen: 'Emre',
          achternaam: 'Kaya',
          geboortedatum: '19880202',
          geslacht: 'M',
        },
        rol: 'pleger',
      },
    ],
    aanleiding: ['partnergeweld'],
    aard: ['lichamelijke_mishandeling'],
    omschrijving: 'Zorgmelding politie na een ruzie waarbij is geslagen; buren belden 112.',
    ...overrides,
  };
}

interface Created {
  meldingId: number;
  casusId: number;
  huishoudenId: number;
  persoonIds: number[];
}

async function nieuweMelding(overrides: Record<string, unknown> = {}): Promise<Created> {
  const r = await bo.post('/api/meldingen', meldingInput(overrides));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function casus(id: number) {
  const r = await bo.get(`/api/casussen/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

async function meldingVan(m: Created) {
  return (await casus(m.casusId)).meldingen.find((x: any) => x.id === m.meldingId);
}

/** POST a workflow step with the casus version as just read. */
async function stap(m: Created, path: string, body: Record<string, unknown> = {}, as: TestClient = bo) {
  const versie = (await casus(m.casusId)).versie;
  return as.post(`/api/meldingen/${m.meldingId}/${path}`, { versie, ...body });
}

async function ok(m: Created, path: string, body: Record<string, unknown> = {}, as: TestClient = bo) {
  const r = await stap(m, path, body, as);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const beoordeling = (extra: Record<string, unknown> = {}) => ({
  acuteOnveiligheid: false,
  structureleOnveiligheid: true,
  uitkomst: 'structurele_onveiligheid',
  motivering: 'Eerdere politiemeldingen en het gesprek met moeder wijzen op structurele onveiligheid.',
  bronnen: ['eigen_registratie', 'politie', 'directbetrokkenen'],
  getoetstDoor: gwId,
  ...extra,
});
const overdracht = {
  ontvangerType: 'lokaal_team',
  ontvangerNaam: 'Samen DOEN Nieuw-West',
  reedsBekend: false,
  warm: true,
  monitoringAfspraken: 'Na 3 maanden contact met het lokale team.',
};
// Not 'geen_onveiligheid': most tests close directly after a beoordeling of structurele onveiligheid,
// which that reason may not follow without a dienst or overdracht (see 'consistency rules' below).
const afsluiten = { reden: 'hulp_al_aanwezig', toelichting: 'Passende hulp is al aanwezig.' };
let kinderen = 0;
/** A new child (each with its own birth date: the intake asks before registering a name-and-date twin). */
const kind = () => ({
  persoon: {
    bsn: generateBsn(seed++),
    voornamen: 'Mila',
    achternaam: 'Kaya',
    geboortedatum: `2017${String(1 + (kinderen % 12)).padStart(2, '0')}${String(1 + Math.floor(kinderen++ / 12)).padStart(2, '0')}`,
    geslacht: 'V',
  },
  rol: 'kind',
});

/** Everything stored about a melding and its casus, to show that a refused request wrote nothing. */
async function snapshot(meldingId: number) {
  const db = env.database.db;
  const m = (await sql<any>`select * from melding where id = ${meldingId}`.execute(db)).rows[0];
  const per = async (t: string) =>
    (await sql<any>`select * from ${sql.table(t)} where melding_id = ${meldingId} order by 1`.execute(db)).rows;
  return JSON.parse(
    JSON.stringify({
      melding: m,
      casus: (await sql<any>`select * from casus where id = ${m.casus_id}`.execute(db)).rows,
      beoordeling: await per('veiligheidsbeoordeling'),
      dienst: await per('dienst'),
      overdracht: await per('overdracht'),
      afsluiting: await per('afsluiting'),
      terugkoppeling: await per('terugkoppeling'),
      informering: await per('informering'),
      rvdk: await per('rvdk_verzoek'),
    }),
  );
}

describe('transitions through the API', () => {
  it('ontvangen → beoordeeld → dienst Voorwaarden en Vervolg → overgedragen → afgesloten', async () => {
    const m = await nieuweMelding();
    const v0 = (await casus(m.casusId)).versie;
    let r = await ok(m, 'veiligheidsbeoordeling', beoordeling());
    expect(r).toMatchObject({ meldingId: m.meldingId, casusId: m.casusId, status: 'beoordeeld', versie: v0 + 1 });
    expect(r.clientIds.sort()).toEqual([...m.persoonIds].sort());
    r = await ok(m, 'dienst-voorwaarden-en-vervolg', { toelichting: 'Voorwaarden afspreken.' });
    expect(r).toMatchObject({ status: 'dienst_vv', versie: v0 + 2 });
    r = await ok(m, 'veiligheidsvoorwaarden', {
      voorwaarden: ['Er wordt niet geslagen', 'Vader volgt agressieregulatie'],
    });
    expect(r).toMatchObject({ status: 'dienst_vv', versie: v0 + 3 });
    r = await ok(m, 'overdracht', overdracht);
    expect(r).toMatchObject({ status: 'overgedragen', versie: v0 + 4 });
    let mel = await meldingVan(m);
    expect(mel.overdracht).toMatchObject({ moment: 'na_dienst', ontvangerType: 'lokaal_team', warm: true });
    expect(mel.dienst.afgeslotenOp).not.toBeNull(); // the overdracht ends the dienst
    expect(mel.dienst.veiligheidsvoorwaarden.map((v: any) => v.tekst)).toEqual([
      'Er wordt niet geslagen',
      'Vader volgt agressieregulatie',
    ]);
    expect((await casus(m.casusId)).status).toBe('open'); // monitoring continues
    r = await ok(m, 'afsluiten', { reden: 'monitoring_afgerond' });
    expect(r).toMatchObject({ status: 'afgesloten', versie: v0 + 5 });
    mel = await meldingVan(m);
    expect(mel.afsluiting).toMatchObject({ moment: 'na_monitoring', reden: 'monitoring_afgerond' });
    expect(mel.acties.map((a: any) => a.actie)).toEqual(['terugkoppeling', 'informeren']);
    const c = await casus(m.casusId);
    expect(c.status).toBe('gesloten');
    expect(c.geslotenOp).not.toBeNull();
  });

  it('beoordeeld → dienst Onderzoek: afsluiten needs the onderzoek uitkomst first (409 with allowedActions)', async () => {
    const m = await nieuweMelding({
      aanleiding: ['km_anders'],
      betrokkenen: [
        { persoon: { voornamen: 'Sem', achternaam: 'Kaya', geboortedatum: '20160101', geslacht: 'M' }, rol: 'kind' },
      ],
    });
    await ok(m, 'veiligheidsbeoordeling', beoordeling());
    await ok(m, 'dienst-onderzoek', { toelichting: 'Onderzoek naar vermoedens van kindermishandeling.' });
    expect((await meldingVan(m)).acties.map((a: any) => a.actie)).not.toContain('afsluiten');

    const before = await snapshot(m.meldingId);
    for (const [path, body] of [
      ['afsluiten', afsluiten],
      ['overdracht', overdracht],
    ] as const) {
      const r = await stap(m, path, body);
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ error: 'niet_toegestaan', currentState: 'dienst_onderzoek' });
      expect(r.body.allowedActions).toEqual([
        'terugkoppeling',
        'informeren',
        'rvdk_verzoek',
        'onderzoek_uitkomst',
        'veiligheidsvoorwaarden',
      ]);
      expect(r.body.message).toMatch(/uitkomst/);
    }
    expect(await snapshot(m.meldingId)).toEqual(before);

    // Terugkoppeling na onderzoek is not possible before the outcome either.
    const tk = await stap(m, 'terugkoppeling', {
      moment: 'na_onderzoek',
      inhoud: 'Uitkomst van het onderzoek besproken.',
    });
    expect(tk.status).toBe(400);
    expect(tk.body.fields).toEqual([expect.objectContaining({ field: 'moment', rule: 'na_onderzoek' })]);

    // Two outcomes for one type are refused; unknown codes name their list.
    const dubbel = await stap(m, 'onderzoek-uitkomst', {
      uitkomsten: [
        { type: 'kindermishandeling', uitkomst: 'bevestigd' },
        { type: 'kindermishandeling', uitkomst: 'weerlegd' },
      ],
    });
    expect(dubbel.status).toBe(400);
    expect(dubbel.body.fields).toEqual([expect.objectContaining({ field: 'uitkomsten', rule: 'uniek' })]);
    const onbekend = await stap(m, 'onderzoek-uitkomst', {
      uitkomsten: [{ type: 'kindermishandeling', uitkomst: 'misschien' }],
    });
    expect(onbekend.status).toBe(400);
    expect(onbekend.body.fields).toEqual([
      expect.objectContaining({ field: 'uitkomsten[0].uitkomst', rule: 'codelijst' }),
    ]);
    expect(onbekend.body.fields[0].message).toContain('onderzoek_uitkomst');
    expect(await snapshot(m.meldingId)).toEqual(before);

    await ok(m, 'onderzoek-uitkomst', { uitkomsten: [{ type: 'kindermishandeling', uitkomst: 'bevestigd' }] });
    expect((await meldingVan(m)).acties.map((a: any) => a.actie)).toEqual(
      expect.arrayContaining(['overdragen', 'afsluiten']),
    );
    const r = await ok(m, 'afsluiten', afsluiten);
    expect(r.status).toBe('afgesloten');
    const mel = await meldingVan(m);
    expect(mel.dienst).toMatchObject({
      soort: 'onderzoek',
      onderzoekUitkomsten: [{ type: 'kindermishandeling', uitkomst: 'bevestigd' }],
    });
    expect(mel.dienst.afgeslotenOp).not.toBeNull();
    expect(mel.afsluiting.moment).toBe('na_dienst');
    // After the onderzoek: terugkoppeling na onderzoek is now possible, and starts its own clock.
    await ok(m, 'terugkoppeling', {
      moment: 'na_onderzoek',
      inhoud: 'Uitkomst van het onderzoek besproken met de melder.',
    });
  });

  it('beoordeeld → afsluiten directly', async () => {
    const m = await nieuweMelding();
    await ok(m, 'veiligheidsbeoordeling', beoordeling({ uitkomst: 'geen_zorgen', structureleOnveiligheid: false }));
    const r = await ok(m, 'afsluiten', { reden: 'geen_hg_km' });
    expect(r.status).toBe('afgesloten');
    const mel = await meldingVan(m);
    expect(mel.afsluiting).toMatchObject({ moment: 'na_beoordeling', reden: 'geen_hg_km' });
    expect(mel.dienst).toBeNull();
    expect((await casus(m.casusId)).status).toBe('gesloten');
  });

  it('beoordeeld → overdracht directly (na beoordeling)', async () => {
    const m = await nieuweMelding();
    await ok(m, 'veiligheidsbeoordeling', beoordeling());
    const r = await ok(m, 'overdracht', {
      ...overdracht,
      ontvangerType: 'clientsysteem',
      ontvangerNaam: 'Gezin en netwerk',
    });
    expect(r.status).toBe('overgedragen');
    expect((await meldingVan(m)).overdracht.moment).toBe('na_beoordeling');
  });

  it('the beoordeling is recorded by the user, with the toetser, and makes the user behandelaar', async () => {
    const m = await nieuweMelding();
    await ok(m, 'veiligheidsbeoordeling', beoordeling());
    const mel = await meldingVan(m);
    expect(mel.beoordeling).toMatchObject({
      uitkomst: 'structurele_onveiligheid',
      beslotenDoor: 'Youssef El Idrissi',
      getoetstDoor: 'Marieke Jansen',
    });
    expect(mel.behandelaar).toEqual({ id: bo.userId, naam: 'Youssef El Idrissi' });
  });
});

describe('refusals write nothing', () => {
  // Bodies are built when the test runs (the toetser's id is known only after beforeAll).
  it.each([
    // The household of these meldingen has no children: no RvdK-verzoek among the allowed actions.
    ['ontvangen', 'afsluiten', () => afsluiten, ['veiligheidsbeoordeling', 'informeren']],
    ['ontvangen', 'dienst-onderzoek', () => ({}), ['veiligheidsbeoordeling', 'informeren']],
    [
      'ontvangen',
      'terugkoppeling',
      () => ({ moment: 'na_beoordeling', inhoud: 'Melder gebeld.' }),
      ['veiligheidsbeoordeling', 'informeren'],
    ],
    [
      'beoordeeld',
      'veiligheidsbeoordeling',
      () => beoordeling(),
      ['dienst_voorwaarden_en_vervolg', 'dienst_onderzoek', 'overdragen', 'afsluiten', 'terugkoppeling', 'informeren'],
    ],
    [
      'beoordeeld',
      'veiligheidsvoorwaarden',
      () => ({ voorwaarden: ['Niet slaan'] }),
      ['dienst_voorwaarden_en_vervolg', 'dienst_onderzoek', 'overdragen', 'afsluiten', 'terugkoppeling', 'informeren'],
    ],
    [
      'dienst_vv',
      'onderzoek-uitkomst',
      () => ({ uitkomsten: [{ type: 'huiselijk_geweld', uitkomst: 'bevestigd' }] }),
      ['overdragen', 'afsluiten', 'terugkoppeling', 'informeren', 'veiligheidsvoorwaarden'],
    ],
    [
      'dienst_vv',
      'dienst-onderzoek',
      () => ({}),
      ['overdragen', 'afsluiten', 'terugkoppeling', 'informeren', 'veiligheidsvoorwaarden'],
    ],
    ['afgesloten', 'overdracht', () => overdracht, ['terugkoppeling', 'informeren']],
    [
      'afgesloten',
      'rvdk-verzoek',
      () => ({ motivering: 'Verzoek tot onderzoek naar de opvoedsituatie.' }),
      ['terugkoppeling', 'informeren'],
    ],
  ])('%s + %s → 409 naming the state and the allowed actions', async (state, path, body, allowed) => {
    const m = await nieuweMelding();
    if (state !== 'ontvangen') await ok(m, 'veiligheidsbeoordeling', beoordeling());
    if (state === 'dienst_vv') await ok(m, 'dienst-voorwaarden-en-vervolg', {});
    if (state === 'afgesloten') await ok(m, 'afsluiten', afsluiten);
    const before = await snapshot(m.meldingId);
    const r = await stap(m, path, body());
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body).toMatchObject({ error: 'niet_toegestaan', currentState: state, allowedActions: allowed });
    expect(await snapshot(m.meldingId)).toEqual(before);
  });

  it('four eyes: the toetser cannot be the user who records the beoordeling', async () => {
    const m = await nieuweMelding();
    const before = await snapshot(m.meldingId);
    const self = await stap(m, 'veiligheidsbeoordeling', beoordeling({ getoetstDoor: bo.userId }));
    expect(self.status).toBe(400);
    expect(self.body.fields).toEqual([expect.objectContaining({ field: 'getoetstDoor', rule: 'vier_ogen' })]);
    const unknown = await stap(m, 'veiligheidsbeoordeling', beoordeling({ getoetstDoor: 99_999 }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'getoetstDoor', rule: 'bestaat' })]);
    expect(await snapshot(m.meldingId)).toEqual(before);
  });

  it('a stale versie is a 409 versie_conflict and writes nothing', async () => {
    const m = await nieuweMelding();
    const v = (await casus(m.casusId)).versie;
    await ok(m, 'veiligheidsbeoordeling', beoordeling());
    const before = await snapshot(m.meldingId);
    const r = await bo.post(`/api/meldingen/${m.meldingId}/afsluiten`, { versie: v, ...afsluiten });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'versie_conflict', currentVersion: v + 1, expectedVersion: v });
    expect(await snapshot(m.meldingId)).toEqual(before);
    // The same stale version on toewijzen.
    const t = await bo.post(`/api/meldingen/${m.meldingId}/toewijzen`, { versie: v, behandelaarId: bo.userId });
    expect(t.status).toBe(409);
    expect(t.body.error).toBe('versie_conflict');
    expect(await snapshot(m.meldingId)).toEqual(before);
  });

  it('two concurrent steps on the same version: exactly one succeeds', async () => {
    const m = await nieuweMelding();
    await ok(m, 'veiligheidsbeoordeling', beoordeling());
    const v = (await casus(m.casusId)).versie;
    const [a, b] = await Promise.all([
      bo.post(`/api/meldingen/${m.meldingId}/afsluiten`, { versie: v, ...afsluiten }),
      bo.post(`/api/meldingen/${m.meldingId}/dienst-onderzoek`, { versie: v }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const mel = await meldingVan(m);
    expect(mel.status).toBe(a.status === 200 ? 'afgesloten' : 'dienst_onderzoek');
    expect((await casus(m.casusId)).versie).toBe(v + 1);
  });

  it('a beoordeling dated before the receipt is refused', async () => {
    const m = await nieuweMelding({ ontvangenOp: new Date(env.clock.now.getTime() - 3600_000).toISOString() });
    const before = await snapshot(m.meldingId);
    const r = await stap(
      m,
      'veiligheidsbeoordeling',
      beoordeling({ vastgesteldOp: new Date(env.clock.now.getTime() - 2 * 3600_000).toISOString() }),
    );
    expect(r.status).toBe(400);
    expect(r.body.fields).toEqual([expect.objectContaining({ field: 'vastgesteldOp', rule: 'na_ontvangst' })]);
    expect(await snapshot(m.meldingId)).toEqual(before);
  });

  it('a step for a melding that does not exist is a 404', async () => {
    const r = await bo.post('/api/meldingen/999999/afsluiten', { versie: 0, ...afsluiten });
    expect(r.status).toBe(404);
  });
});

describe('the casus and its meldingen', () => {
  it('the casus closes only when all its meldingen are closed; a later melding opens a new casus', async () => {
    const a = await nieuweMelding();
    const b = await nieuweMelding({ huishouden: undefined, huishoudenId: a.huishoudenId });
    expect(b.casusId).toBe(a.casusId);
    await ok(a, 'veiligheidsbeoordeling', beoordeling());
    await ok(a, 'afsluiten', afsluiten);
    expect((await casus(a.casusId)).status).toBe('open');
    await ok(b, 'veiligheidsbeoordeling', beoordeling());
    await ok(b, 'afsluiten', afsluiten);
    const c = await casus(a.casusId);
    expect(c.status).toBe('gesloten');
    expect(c.meldingen.map((m: any) => m.status)).toEqual(['afgesloten', 'afgesloten']);

    const later = await bo.post(
      '/api/meldingen',
      meldingInput({ huishouden: undefined, huishoudenId: a.huishoudenId }),
    );
    expect(later.status).toBe(201);
    expect(later.body.hermelding).toBe(false);
    expect(later.body.casusId).not.toBe(a.casusId);
    expect(later.body.huishoudenId).toBe(a.huishoudenId);
  });
});

describe('the closing moment of a casus', () => {
  it('a side action after closing (terugkoppeling a day later) does not move the casus closing moment', async () => {
    const saved = env.clock.now;
    try {
      env.clock.now = new Date(saved.getTime() - 2 * 86_400_000);
      const m = await nieuweMelding({ ontvangenOp: new Date(env.clock.now.getTime() - 3600_000).toISOString() });
      await ok(m, 'veiligheidsbeoordeling', beoordeling());
      await ok(m, 'afsluiten', afsluiten);
      const closed = await casus(m.casusId);
      expect(closed.status).toBe('gesloten');
      expect(closed.geslotenOp).toBe(env.clock.now.toISOString());

      env.clock.now = new Date(saved.getTime() - 86_400_000);
      await ok(m, 'terugkoppeling', { moment: 'na_beoordeling', inhoud: 'Melder gebeld over de afsluiting.' });
      const later = await casus(m.casusId);
      expect(later.status).toBe('gesloten');
      expect(later.versie).toBe(closed.versie + 1);
      expect(later.geslotenOp).toBe(closed.geslotenOp);
    } finally {
      env.clock.now = saved;
    }
  });

  it('a closing entered later with an earlier date closes the casus at that date', async () => {
    const m = await nieuweMelding({ ontvangenOp: new Date(env.clock.now.getTime() - 5 * 86_400_000).toISOString() });
    await ok(
      m,
      'veiligheidsbeoordeling',
      beoordeling({ vastgesteldOp: new Date(env.clock.now.getTime() - 4 * 86_400_000).toISOString() }),
    );
    const afgeslotenOp = new Date(env.clock.now.getTime() - 3 * 86_400_000).toISOString();
    await ok(m, 'afsluiten', { ...afsluiten, afgeslotenOp });
    expect((await casus(m.casusId)).geslotenOp).toBe(afgeslotenOp);
  });
});

describe('one 400 names every offending field of a workflow step', () => {
  it('schema errors and unknown codes together, nothing written', async () => {
    const m = await nieuweMelding();
    await ok(m, 'veiligheidsbeoordeling', beoordeling());
    const before = await casus(m.casusId);
    const r = await stap(m, 'overdracht', { ontvangerType: 'bestaat_niet', reedsBekend: true, warm: false });
    expect(r.status).toBe(400);
    const fields = r.body.fields.map((f: any) => f.field).sort();
    expect(fields).toEqual(['ontvangerNaam', 'ontvangerType']);
    expect(r.body.fields.find((f: any) => f.field === 'ontvangerNaam').message).toBe('Verplicht veld');
    expect(r.body.fields.find((f: any) => f.field === 'ontvangerType').rule).toBe('codelijst');
    const after = await casus(m.casusId);
    expect(after.versie).toBe(before.versie);
    expect(after.meldingen[0].status).toBe('beoordeeld');
  });
});

describe('side actions', () => {
  it('terugkoppeling after the beoordeling is recorded once; then it is no longer offered and a second time is a 409', async () => {
    const m = await nieuweMelding();
    await ok(m, 'veiligheidsbeoordeling', beoordeling());
    expect((await meldingVan(m)).acties.map((a: any) => a.actie)).toContain('terugkoppeling');
    await ok(m, 'terugkoppeling', { moment: 'na_beoordeling', inhoud: 'Melder geïnformeerd over het besluit.' });
    // No onderzoek: no other moment applies, so the step is not offered any more.
    expect((await meldingVan(m)).acties.map((a: any) => a.actie)).not.toContain('terugkoppeling');
    const before = await snapshot(m.meldingId);
    const r = await stap(m, 'terugkoppeling', { moment: 'na_beoordeling', inhoud: 'Nogmaals gebeld.' });
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('niet_toegestaan');
    expect(r.body.message).toMatch(/al vastgelegd/);
    expect(await snapshot(m.meldingId)).toEqual(before);
    expect((await meldingVan(m)).terugkoppelingen).toHaveLength(1);
  });

  it('informeren: an extension of 3 weeks is a 400; 2 weeks with a reason extends the term; informing twice is a 409', async () => {
    const m = await nieuweMelding();
    const persoon = m.persoonIds[0]!;
    const before = await snapshot(m.meldingId);
    const drie = await stap(m, 'informeren', {
      persoonId: persoon,
      verlenging: { weken: 3, reden: 'Betrokkene is in het buitenland.' },
    });
    expect(drie.status).toBe(400);
    expect(drie.body.fields).toEqual([expect.objectContaining({ field: 'verlenging.weken' })]);
    const zonderReden = await stap(m, 'informeren', { persoonId: persoon, verlenging: { weken: 2, reden: '' } });
    expect(zonderReden.status).toBe(400);
    expect(zonderReden.body.fields.map((f: any) => f.field)).toEqual(['verlenging.reden']);
    expect(await snapshot(m.meldingId)).toEqual(before);

    const clockOf = async () =>
      (await meldingVan(m)).clocks.find((c: any) => c.kind === 'informeren' && c.persoonId === persoon);
    const due0 = (await clockOf()).due;
    await ok(m, 'informeren', {
      persoonId: persoon,
      verlenging: { weken: 2, reden: 'Informeren brengt het slachtoffer nu in gevaar.' },
    });
    const due1 = (await clockOf()).due;
    expect(new Date(`${due1}T12:00:00Z`).getTime() - new Date(`${due0}T12:00:00Z`).getTime()).toBe(14 * 86_400_000);

    await ok(m, 'informeren', { persoonId: persoon, wijze: 'telefonisch' });
    expect((await clockOf()).metAt).not.toBeNull();
    const again = await stap(m, 'informeren', { persoonId: persoon, wijze: 'brief' });
    expect(again.status).toBe(409);
    const nietBetrokken = await stap(m, 'informeren', { persoonId: 999_999, wijze: 'brief' });
    expect(nietBetrokken.status).toBe(400);
    expect(nietBetrokken.body.fields).toEqual([expect.objectContaining({ field: 'persoonId', rule: 'betrokkene' })]);
  });

  it('an rvdk verzoek is recorded without changing the state', async () => {
    const m = await nieuweMelding({ betrokkenen: [...meldingInput().betrokkenen, kind()] });
    await ok(m, 'veiligheidsbeoordeling', beoordeling());
    const r = await ok(m, 'rvdk-verzoek', { motivering: 'Ouders werken niet mee; verzoek tot onderzoek.' });
    expect(r.status).toBe('beoordeeld');
    expect((await meldingVan(m)).rvdkVerzoeken).toHaveLength(1);
  });
});

describe('consistency rules of the steps (packages/domain/src/workflow.ts)', () => {
  it('a beoordeling whose uitkomst contradicts the two questions is a 400 on uitkomst, nothing stored', async () => {
    const m = await nieuweMelding();
    const before = await snapshot(m.meldingId);
    for (const [acuteOnveiligheid, structureleOnveiligheid, uitkomst, rule] of [
      [false, false, 'acute_onveiligheid', 'acuut_vraagt_acute_onveiligheid'],
      [true, false, 'structurele_onveiligheid', 'acute_onveiligheid_vraagt_uitkomst_acuut'],
      [false, false, 'structurele_onveiligheid', 'structureel_vraagt_structurele_onveiligheid'],
      [false, true, 'geen_zorgen', 'structurele_onveiligheid_vraagt_uitkomst_structureel'],
    ] as const) {
      const r = await stap(
        m,
        'veiligheidsbeoordeling',
        beoordeling({ acuteOnveiligheid, structureleOnveiligheid, uitkomst }),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.fields).toEqual([expect.objectContaining({ field: 'uitkomst', rule })]);
    }
    expect(await snapshot(m.meldingId)).toEqual(before);
    // Consistent: acute (with or without structureel) is acute onveiligheid.
    await ok(
      m,
      'veiligheidsbeoordeling',
      beoordeling({ acuteOnveiligheid: true, structureleOnveiligheid: true, uitkomst: 'acute_onveiligheid' }),
    );
  });

  it('afsluiten with "geen (meer) sprake van onveiligheid" directly after acute onveiligheid is a 400 on reden; after a dienst it is allowed', async () => {
    const m = await nieuweMelding();
    await ok(m, 'veiligheidsbeoordeling', beoordeling({ acuteOnveiligheid: true, uitkomst: 'acute_onveiligheid' }));
    const before = await snapshot(m.meldingId);
    const r = await stap(m, 'afsluiten', { reden: 'geen_onveiligheid' });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.fields).toEqual([expect.objectContaining({ field: 'reden', rule: 'onveiligheid_zonder_dienst' })]);
    expect(r.body.fields[0].message).toMatch(/acute onveiligheid/);
    expect(await snapshot(m.meldingId)).toEqual(before);

    await ok(m, 'dienst-voorwaarden-en-vervolg', { toelichting: 'Veiligheidsvoorwaarden afspreken.' });
    expect((await ok(m, 'afsluiten', { reden: 'geen_onveiligheid' })).status).toBe('afgesloten');

    // After structurele onveiligheid the same; another reason is allowed directly.
    const s = await nieuweMelding();
    await ok(s, 'veiligheidsbeoordeling', beoordeling());
    expect((await stap(s, 'afsluiten', { reden: 'geen_onveiligheid' })).status).toBe(400);
    expect((await ok(s, 'afsluiten', { reden: 'verhuisd_andere_regio' })).status).toBe('afgesloten');
  });

  it('RvdK-verzoek: not offered and refused (409, with the reason) for a household without children; offered with a child', async () => {
    const m = await nieuweMelding();
    let mel = await meldingVan(m);
    expect(mel.metKinderen).toBe(false);
    expect(mel.acties.map((a: any) => a.actie)).not.toContain('rvdk_verzoek');
    const before = await snapshot(m.meldingId);
    const r = await stap(m, 'rvdk-verzoek', { motivering: 'Verzoek tot onderzoek naar de opvoedsituatie.' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({
      error: 'niet_toegestaan',
      currentState: 'ontvangen',
      allowedActions: ['veiligheidsbeoordeling', 'informeren'],
    });
    expect(r.body.message).toMatch(/minderjarige kinderen/);
    expect(await snapshot(m.meldingId)).toEqual(before);

    const k = await nieuweMelding({ betrokkenen: [...meldingInput().betrokkenen, kind()] });
    mel = await meldingVan(k);
    expect(mel.metKinderen).toBe(true);
    expect(mel.acties.map((a: any) => a.actie)).toContain('rvdk_verzoek');
  });

  it('the casus carries the radar: meldingen of its persons in other casussen, numbers and status only', async () => {
    const oud = await nieuweMelding();
    await ok(oud, 'veiligheidsbeoordeling', beoordeling());
    await ok(oud, 'afsluiten', afsluiten);
    // The same victim, now at another address (another household, another casus).
    const slachtoffer = oud.persoonIds[0]!;
    const nieuw = await nieuweMelding({
      betrokkenen: [
        { persoonId: slachtoffer, rol: 'slachtoffer' },
        {
          persoon: {
            bsn: generateBsn(seed++),
            voornamen: 'Kerem',
            achternaam: 'Yilmaz',
            geboortedatum: '19870303',
            geslacht: 'M',
          },
          rol: 'pleger',
        },
      ],
    });
    expect(nieuw.casusId).not.toBe(oud.casusId);
    const c = await casus(nieuw.casusId);
    const oudNummer = (await casus(oud.casusId)).nummer;
    expect(c.radar).toEqual([
      {
        meldingId: oud.meldingId,
        nummer: expect.stringMatching(/^ML\d+$/),
        ontvangenOp: expect.any(String),
        status: 'afgesloten',
        statusLabel: 'Afgesloten',
        beoordelingUitkomst: 'structurele_onveiligheid',
        casusId: oud.casusId,
        casusNummer: oudNummer,
        persoonIds: [slachtoffer],
      },
    ]);
    // The casus's own meldingen are not in its radar.
    expect((await casus(oud.casusId)).radar.map((r: any) => r.casusId)).toEqual([nieuw.casusId]);
  });
});

describe('statutory clocks with a controlled server clock', () => {
  const at = (s: string) => new Date(s);
  let saved: Date;
  beforeAll(() => {
    saved = env.clock.now;
  });
  afterAll(() => {
    env.clock.now = saved;
  });

  const klok = (mel: any, kind: string) => mel.clocks.find((c: any) => c.kind === kind && c.persoonId === undefined);

  it('a melding received Thursday 2026-04-02 10:00 is due Monday 2026-04-13 (Easter); beoordeling on day 6 is met_late; the dienst is due 70 days later', async () => {
    env.clock.now = at('2026-04-02T10:00:00+02:00');
    const m = await nieuweMelding();
    let mel = await meldingVan(m);
    expect(mel.ontvangenOp).toBe('2026-04-02T08:00:00.000Z');
    expect(klok(mel, 'veiligheidsbeoordeling')).toMatchObject({
      due: '2026-04-13',
      state: 'on_time',
      daysLeft: 5,
      unit: 'werkdagen',
      metAt: null,
    });
    // Informing: 4 weeks from registration.
    expect(mel.clocks.filter((c: any) => c.kind === 'informeren').map((c: any) => c.due)).toEqual([
      '2026-04-30',
      '2026-04-30',
    ]);

    env.clock.now = at('2026-04-13T16:00:00+02:00'); // day 5: the last day
    mel = await meldingVan(m);
    expect(klok(mel, 'veiligheidsbeoordeling')).toMatchObject({ state: 'at_risk', daysLeft: 0 });

    env.clock.now = at('2026-04-14T11:00:00+02:00'); // day 6
    mel = await meldingVan(m);
    expect(klok(mel, 'veiligheidsbeoordeling')).toMatchObject({ state: 'overdue', daysLeft: -1 });
    expect(mel.ergsteKlok).toBe('overdue');

    await ok(m, 'veiligheidsbeoordeling', beoordeling());
    mel = await meldingVan(m);
    expect(klok(mel, 'veiligheidsbeoordeling')).toMatchObject({
      state: 'met_late',
      metAt: '2026-04-14T09:00:00.000Z',
      elapsed: 6,
    });
    // Terugkoppeling to the melder: 5 werkdagen from the beoordeling.
    expect(klok(mel, 'terugkoppeling')).toMatchObject({ due: '2026-04-21', state: 'on_time' });

    env.clock.now = at('2026-04-15T09:30:00+02:00');
    await ok(m, 'dienst-voorwaarden-en-vervolg', {});
    mel = await meldingVan(m);
    // 10 weeks from the beoordeling (14 April), not from the start of the dienst.
    expect(klok(mel, 'dienst')).toMatchObject({ due: '2026-06-23', unit: 'dagen', state: 'on_time', metAt: null });

    env.clock.now = at('2026-06-24T09:00:00+02:00');
    mel = await meldingVan(m);
    expect(klok(mel, 'dienst').state).toBe('overdue');
    await ok(m, 'afsluiten', afsluiten);
    mel = await meldingVan(m);
    expect(klok(mel, 'dienst')).toMatchObject({ state: 'met_late', due: '2026-06-23' });
  });

  it('a beoordeling on day 5 (the due day) is met', async () => {
    env.clock.now = at('2026-04-02T10:00:00+02:00');
    const m = await nieuweMelding();
    env.clock.now = at('2026-04-13T17:00:00+02:00');
    await ok(m, 'veiligheidsbeoordeling', beoordeling());
    const mel = await meldingVan(m);
    expect(klok(mel, 'veiligheidsbeoordeling')).toMatchObject({ due: '2026-04-13', state: 'met', elapsed: 5 });
  });

  it('an explicit ontvangenOp starts the clock, and may not lie after the server clock', async () => {
    env.clock.now = at('2026-04-20T12:00:00+02:00');
    const m = await nieuweMelding({ ontvangenOp: '2026-04-02T10:00:00+02:00' });
    const mel = await meldingVan(m);
    expect(klok(mel, 'veiligheidsbeoordeling')).toMatchObject({ due: '2026-04-13', state: 'overdue' });
    const future = await bo.post('/api/meldingen', meldingInput({ ontvangenOp: '2026-04-21T12:00:00+02:00' }));
    expect(future.status).toBe(400);
    expect(future.body.fields).toEqual([expect.objectContaining({ field: 'ontvangenOp', rule: 'niet_in_toekomst' })]);
    // A step dated after the server clock is refused as well.
    const step = await stap(m, 'veiligheidsbeoordeling', beoordeling({ vastgesteldOp: '2026-04-21T12:00:00+02:00' }));
    expect(step.status).toBe(400);
    expect(step.body.fields).toEqual([expect.objectContaining({ field: 'vastgesteldOp', rule: 'niet_in_toekomst' })]);
  });
});
