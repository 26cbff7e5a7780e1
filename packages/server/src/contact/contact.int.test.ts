// Contact with the household (issue 13, docs/contact.md): the contact journal (never edited in place,
// in the timeline, in the inzage dossier with melder protection, destroyed with a vernietiging,
// access-logged) and the home-visit protocol with every rule and override path of planning a visit.
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroyCasus, destroyPersoon } from '../privacy/vernietiging.ts';
import { buildScenario, BURGER_MELDER, type Scenario } from '../privacy/testfixture.ts';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { contactJournaal } from './service.ts';

// A fixed morning, so "today" and "the same day" do not depend on when the test runs.
const NOW = new Date('2026-03-10T09:00:00+01:00');
const VANDAAG = '2026-03-10';

let env: TestEnv;
let s: Scenario;
let bo: TestClient;
let bo2: TestClient;
let manager: TestClient;
let gw: TestClient;
const db = () => env.database.db;
const lastLogId = async () =>
  Number((await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(db())).rows[0]!.id ?? 0);
const logSince = async (id: number) =>
  (await sql<any>`select * from access_log where id > ${id} order by id`.execute(db())).rows;
const aantal = async (table: 'contact' | 'huisbezoek' | 'huisbezoekprotocol') =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db())).rows[0]!.n;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  s = await buildScenario(env);
  bo = s.bo;
  gw = s.gw;
  bo2 = await env.as('backoffice2');
  manager = await env.as('manager');
});
afterAll(async () => {
  await env?.close();
});

const contact = (extra: Record<string, unknown> = {}) => ({
  meldingId: s.meldingA,
  soort: 'huisbezoek',
  begin: '2026-03-09T14:00:00+01:00',
  duurMinuten: 60,
  persoonIds: [s.samira, s.yara],
  medewerkerIds: [bo.userId, bo2.userId],
  gezegd: 'Samira vertelt dat Karim Bennani sinds januari vaker schreeuwt.',
  gezien: 'Woning netjes; Yara slaapt bij moeder in bed.',
  afgesproken: 'Volgende week beeldbellen.',
  ...extra,
});

describe('contactjournaal', () => {
  let eerste: number;

  it('records a contact (201), lists it with names, and logs both the write and the read', async () => {
    const before = await lastLogId();
    const r = await bo.post(`/api/casussen/${s.casusId}/contacten`, contact());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    eerste = r.body.id;
    const j = await bo.get(`/api/casussen/${s.casusId}/contacten`);
    expect(j.status).toBe(200);
    expect(j.body.contacten).toEqual([
      expect.objectContaining({
        id: eerste,
        soort: 'huisbezoek',
        soortLabel: 'Huisbezoek',
        opAfstand: false,
        duurMinuten: 60,
        personen: [
          { id: s.samira, naam: 'Samira Bennani' },
          { id: s.yara, naam: 'Yara Bennani' },
        ].sort((a, b) => a.id - b.id),
        medewerkers: [
          { id: bo.userId, naam: 'Youssef El Idrissi' },
          { id: bo2.userId, naam: 'Eva Bakker' },
        ],
        gezien: 'Woning netjes; Yara slaapt bij moeder in bed.',
        afgeschermd: false,
        correctieVan: null,
        gecorrigeerdIn: [],
        vastgelegdDoor: 'Youssef El Idrissi',
      }),
    ]);
    const log = await logSince(before);
    expect(log).toEqual([
      expect.objectContaining({
        action: 'create',
        object_type: 'contact',
        object_id: String(eerste),
        outcome: 'success',
      }),
      expect.objectContaining({ action: 'read', object_type: 'casus', object_id: String(s.casusId) }),
    ]);
    expect(log[0].client_ids.sort()).toEqual([s.samira, s.yara].sort());
    expect(log[1].client_ids).toEqual(expect.arrayContaining([s.samira, s.yara, s.karim]));
  });

  it('appears in the casus timeline with who, what and by whom', async () => {
    const c = await bo.get(`/api/casussen/${s.casusId}`);
    const item = c.body.timeline.find((t: any) => t.soort === 'contact');
    expect(item).toMatchObject({
      at: new Date('2026-03-09T14:00:00+01:00').toISOString(),
      titel: expect.stringContaining('Huisbezoek met'),
      tekst: expect.stringContaining('Gezien: Woning netjes'),
      meldingNummer: s.meldingNummer,
      door: 'Youssef El Idrissi, Eva Bakker',
    });
  });

  const FOUTEN: Array<[string, Record<string, unknown>, string, string]> = [
    ['a moment in the future', { begin: '2026-03-11T10:00:00+01:00' }, 'begin', 'niet_in_toekomst'],
    ['nobody to have had contact with', { persoonIds: [] }, 'persoonIds', 'met_wie_verplicht'],
    [
      'nothing said, seen or agreed',
      { gezegd: ' ', gezien: null, afgesproken: undefined },
      'gezegd',
      'inhoud_verplicht',
    ],
    ['a person of another casus', { persoonIds: [999_999] }, 'persoonIds[0]', 'persoon_in_casus'],
    ['the same person twice', { persoonIds: 'samira twice' }, 'persoonIds', 'uniek'],
    ['a melding of another casus', { meldingId: 999_999 }, 'meldingId', 'melding_in_casus'],
    ['an unknown staff member', { medewerkerIds: [999_999] }, 'medewerkerIds[0]', 'medewerker_bestaat'],
    ['no staff member', { medewerkerIds: [] }, 'medewerkerIds', 'too_small'],
    [
      'a correction of an entry elsewhere',
      { correctieVan: 999_999, correctieSoort: 'correctie' },
      'correctieVan',
      'contact_in_casus',
    ],
    ['a correction without its kind', { correctieVan: 'first entry' }, 'correctieSoort', 'verplicht_bij_correctie'],
    [
      'a kind of correction without an entry',
      { correctieSoort: 'aanvulling' },
      'correctieSoort',
      'alleen_bij_correctie',
    ],
  ];
  it.each(FOUTEN.map((f) => [f[0], f] as const))(
    'refuses %s with a 400 naming the field and rule; nothing written',
    async (_, f) => {
      const [, extra, field, rule] = f;
      // Ids that depend on the scenario are filled in here (the table is built before it exists).
      const body = contact(
        Object.fromEntries(
          Object.entries(extra).map(([k, v]) => [
            k,
            v === 'samira twice' ? [s.samira, s.samira] : v === 'first entry' ? eerste : v,
          ]),
        ),
      );
      const n = await aantal('contact');
      const r = await bo.post(`/api/casussen/${s.casusId}/contacten`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, ...(rule === 'too_small' ? {} : { rule }) })]),
      );
      expect(await aantal('contact')).toBe(n);
    },
  );

  it('an entry is never edited in place: a correction is a new entry referring to the old one, both visible', async () => {
    expect((await bo.put(`/api/casussen/${s.casusId}/contacten`, contact())).status).toBe(404);
    const r = await bo.post(
      `/api/casussen/${s.casusId}/contacten`,
      contact({
        correctieVan: eerste,
        correctieSoort: 'correctie',
        gezien: 'Correctie: Yara slaapt in haar eigen kamer; het bed bij moeder was een uitzondering.',
        gezegd: null,
        afgesproken: null,
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const j = (await bo.get(`/api/casussen/${s.casusId}/contacten`)).body.contacten;
    const oud = j.find((c: any) => c.id === eerste);
    const nieuw = j.find((c: any) => c.id === r.body.id);
    expect(oud.gezien).toBe('Woning netjes; Yara slaapt bij moeder in bed.');
    expect(oud.gecorrigeerdIn).toEqual([{ id: r.body.id, soort: 'correctie' }]);
    expect(nieuw).toMatchObject({ correctieVan: eerste, correctieSoort: 'correctie' });
    const tl = (await bo.get(`/api/casussen/${s.casusId}`)).body.timeline.filter((t: any) => t.soort === 'contact');
    expect(tl.map((t: any) => t.titel)).toEqual([
      expect.stringMatching(/^Huisbezoek met/),
      expect.stringMatching(new RegExp(`^Correctie op contact #${eerste}: Huisbezoek met`)),
    ]);
  });

  it('a user without a relation to the casus is refused (403) and nothing is shown', async () => {
    const ander = await env.as('amstelland');
    expect((await ander.get(`/api/casussen/${s.casusId}/contacten`)).status).toBe(403);
    expect((await ander.post(`/api/casussen/${s.casusId}/contacten`, contact())).status).toBe(403);
  });

  describe('melder protection', () => {
    let melderContact: number;
    beforeAll(async () => {
      const r = await bo.post(
        `/api/casussen/${s.casusId}/contacten`,
        contact({
          soort: 'telefoon',
          persoonIds: [],
          metMelder: true,
          medewerkerIds: [bo.userId],
          gezegd: `Mevrouw ${BURGER_MELDER.naam} belde terug: ze hoorde gisteren weer geschreeuw.`,
          gezien: null,
          afgesproken: null,
        }),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      melderContact = r.body.id;
    });

    it('shows a contact with the melder without its content to a user who may not see the melder', async () => {
      const zonder = await contactJournaal(db(), s.casusId, { melderZichtbaar: false });
      const c = zonder.contacten.find((x) => x.id === melderContact)!;
      expect(c).toMatchObject({ metMelder: true, afgeschermd: true, gezegd: null, gezien: null, afgesproken: null });
      expect(JSON.stringify(zonder)).not.toContain('Quaedvlieg');
      const met = await contactJournaal(db(), s.casusId, { melderZichtbaar: true });
      expect(met.contacten.find((x) => x.id === melderContact)!.gezegd).toContain('Quaedvlieg');
    });

    it('the inzage dossier lists the contacts, withholds a protected melder contact and redacts other persons', async () => {
      const privacy = await env.as('privacy');
      const v = await privacy.post(`/api/personen/${s.samira}/inzageverzoeken`, {
        soort: 'inzage',
        verzoekerRelatie: 'betrokkene',
        ontvangenOp: VANDAAG,
      });
      expect(v.status, JSON.stringify(v.body)).toBe(201);
      expect((await privacy.post(`/api/inzageverzoeken/${v.body.id}/besluit`, { besluit: 'toegewezen' })).status).toBe(
        200,
      );
      const d = await privacy.get(`/api/inzageverzoeken/${v.body.id}/dossier`);
      expect(d.status).toBe(200);
      const contacten = d.body.contacten;
      expect(contacten.map((c: any) => c.nummer)).toEqual(expect.arrayContaining([eerste, melderContact]));
      const mc = contacten.find((c: any) => c.nummer === melderContact);
      expect(mc).toMatchObject({ afgeschermd: true, gezegd: null, met: ['de melder'] });
      const e = contacten.find((c: any) => c.nummer === eerste);
      expect(e).toMatchObject({ soort: 'Huisbezoek', met: ['u', '1 andere betrokkene'], afgeschermd: false });
      expect(e.gezegd).not.toContain('Karim');
      expect(e.gezegd).toContain('sinds januari');
      expect(JSON.stringify(d.body)).not.toContain('Quaedvlieg');
      const pdf = await privacy.get(`/api/inzageverzoeken/${v.body.id}/dossier?formaat=pdf`);
      expect(pdf.status).toBe(200);
    });
  });
});

const ACHTERNAAM: Record<number, string> = { 88_001: 'Aalbers', 88_002: 'Brinkhorst', 88_003: 'Claessens' };
async function nieuweCasus(seed: number, soort = 'huisbezoek') {
  const r = await bo.post('/api/meldingen', {
    binnenkomst: 'telefoon',
    melder: { hoedanigheid: 'politie', naam: 'Wijkagent', organisatie: 'Politie Amsterdam' },
    huishouden: {
      straat: 'Kolenkitbuurt',
      huisnummer: String(seed % 100),
      postcode: '1055AA',
      woonplaats: 'Amsterdam',
      gemeenteCode: 'GM0363',
    },
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    betrokkenen: [
      {
        persoon: {
          bsn: generateBsn(seed),
          voornamen: 'Fenna',
          achternaam: ACHTERNAAM[seed]!,
          geboortedatum: '19900101',
          geslacht: 'V',
        },
        rol: 'slachtoffer',
      },
      {
        persoon: { voornamen: 'Bram', achternaam: ACHTERNAAM[seed]!, geboortedatum: '19890101', geslacht: 'M' },
        rol: 'pleger',
      },
    ],
    aanleiding: ['partnergeweld'],
    aard: [],
    omschrijving: 'Ruzie in de woning.',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const [fenna, bram] = r.body.persoonIds as number[];
  const k = await bo.post(
    `/api/casussen/${r.body.casusId}/contacten`,
    contact({
      soort,
      meldingId: r.body.meldingId,
      persoonIds: [fenna, bram],
      gezegd: `Fenna ${ACHTERNAAM[seed]} vertelt over de ruzie.`,
    }),
  );
  expect(k.status, JSON.stringify(k.body)).toBe(201);
  const c = await bo.post(
    `/api/casussen/${r.body.casusId}/contacten`,
    contact({ soort, meldingId: null, persoonIds: [fenna], correctieVan: k.body.id, correctieSoort: 'aanvulling' }),
  );
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  return {
    casusId: r.body.casusId as number,
    meldingId: r.body.meldingId as number,
    fenna: fenna!,
    bram: bram!,
    contactId: k.body.id as number,
  };
}

describe('a veiligheidsbeoordeling that rests on remote contact only', () => {
  it('the casus says so, with what was not seen; a face-to-face contact before it removes the note', async () => {
    const x = await nieuweCasus(88_003, 'telefoon');
    const v = (await bo.get(`/api/casussen/${x.casusId}`)).body.versie;
    const vb = await bo.post(`/api/meldingen/${x.meldingId}/veiligheidsbeoordeling`, {
      versie: v,
      acuteOnveiligheid: false,
      structureleOnveiligheid: true,
      uitkomst: 'structurele_onveiligheid',
      motivering: 'Alleen telefonisch gesproken; zorgen over herhaald geweld.',
      bronnen: ['melder'],
      getoetstDoor: gw.userId,
    });
    expect(vb.status, JSON.stringify(vb.body)).toBe(200);
    const c = (await bo.get(`/api/casussen/${x.casusId}`)).body;
    expect(c.alleenOpAfstand).toEqual([
      {
        meldingId: x.meldingId,
        meldingNummer: c.meldingen[0].nummer,
        nietGezien: expect.arrayContaining(['wie waar slaapt', 'de omgang tussen ouder en kind']),
      },
    ]);
    const hb = await bo.post(
      `/api/casussen/${x.casusId}/contacten`,
      contact({ meldingId: x.meldingId, persoonIds: [x.fenna], begin: '2026-03-09T10:00:00+01:00' }),
    );
    expect(hb.status, JSON.stringify(hb.body)).toBe(201);
    expect((await bo.get(`/api/casussen/${x.casusId}`)).body.alleenOpAfstand).toEqual([]);
  });
});

describe('vernietiging', () => {
  it('destroying a casus destroys its journal entries (with corrections) and planned visits', async () => {
    const x = await nieuweCasus(88_001);
    const hb = await bo.post(`/api/casussen/${x.casusId}/huisbezoeken`, {
      gepland: '2026-03-10T15:00:00+01:00',
      medewerkerIds: [bo.userId, bo2.userId],
      gezondheidscheck: {
        gedaanOp: '2026-03-10T08:30:00+01:00',
        antwoorden: { klachten: false, ziek_of_positief: false, risicogroep: false },
      },
    });
    expect(hb.status, JSON.stringify(hb.body)).toBe(201);
    const r = await db()
      .transaction()
      .execute((tx) => destroyCasus(tx, x.casusId, { door: null, now: NOW, bewaartermijnEinde: '2026-01-01' }));
    expect(r.verwijderd).toMatchObject({ contact: 2, contact_persoon: 3, huisbezoek: 1 });
    expect((await sql`select 1 from contact where casus_id = ${x.casusId}`.execute(db())).rows).toEqual([]);
    expect((await sql`select 1 from contact_persoon where persoon_id = ${x.fenna}`.execute(db())).rows).toEqual([]);
  });

  it("destroying a person removes them from the journal and scrubs their name; the household's entry stays", async () => {
    const x = await nieuweCasus(88_002);
    await db()
      .transaction()
      .execute((tx) => destroyPersoon(tx, x.fenna, { door: null, grond: 'verzoek', now: NOW }));
    const row = (await sql<any>`select gezegd from contact where id = ${x.contactId}`.execute(db())).rows[0];
    expect(row.gezegd).toBe('[persoon verwijderd] vertelt over de ruzie.');
    const p = (await sql<any>`select persoon_id from contact_persoon where contact_id = ${x.contactId}`.execute(db()))
      .rows;
    expect(p).toEqual([{ persoon_id: x.bram }]);
  });
});

describe('huisbezoekprotocol and planning a huisbezoek', () => {
  const check = (antwoorden: Record<string, boolean> = {}) => ({
    gedaanOp: '2026-03-10T08:30:00+01:00',
    antwoorden: { klachten: false, ziek_of_positief: false, risicogroep: false, ...antwoorden },
  });
  const bezoek = (extra: Record<string, unknown> = {}) => ({
    meldingId: s.meldingA,
    gepland: '2026-03-10T15:00:00+01:00',
    medewerkerIds: [bo.userId, bo2.userId],
    gezondheidscheck: check(),
    ...extra,
  });
  const plan = (c: TestClient, extra: Record<string, unknown> = {}) =>
    c.post(`/api/casussen/${s.casusId}/huisbezoeken`, bezoek(extra));
  const refused = async (extra: Record<string, unknown>, field: string, rule: string) => {
    const n = await aantal('huisbezoek');
    const r = await plan(bo, extra);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(await aantal('huisbezoek')).toBe(n);
    return r;
  };

  it('is "ja, tenzij" by default, shown to case workers', async () => {
    const p = await bo.get('/api/huisbezoekprotocol');
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ protocol: 'ja_tenzij', label: 'Huisbezoek: ja, tenzij', historie: [] });
  });

  it('under "ja, tenzij" a visit with two staff and a clean health check is planned at once, without overrides', async () => {
    const r = await plan(bo);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'gepland', overrides: [], protocol: 'ja_tenzij' });
    const j = (await bo.get(`/api/casussen/${s.casusId}/contacten`)).body.huisbezoeken;
    expect(j.find((h: any) => h.id === r.body.id)).toMatchObject({
      status: 'gepland',
      gezondheidscheck: { antwoorden: { klachten: false, ziek_of_positief: false, risicogroep: false } },
      beslotenDoor: null,
    });
  });

  it('never alone: one staff member is refused; one with the police is allowed', async () => {
    await refused({ medewerkerIds: [bo.userId] }, 'medewerkerIds', 'nooit_alleen');
    await refused({ medewerkerIds: [bo.userId, bo.userId] }, 'medewerkerIds', 'nooit_alleen');
    const r = await plan(bo, { medewerkerIds: [bo.userId], politie: true });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });

  it('the gezondheidscheck comes first: every configured question answered, no unknown questions', async () => {
    await refused(
      { gezondheidscheck: { gedaanOp: '2026-03-10T08:30:00+01:00', antwoorden: { klachten: false } } },
      'gezondheidscheck.antwoorden.risicogroep',
      'gezondheidscheck_verplicht',
    );
    await refused(
      { gezondheidscheck: check({ koorts_hond: true }) },
      'gezondheidscheck.antwoorden.koorts_hond',
      'codelijst',
    );
    await refused(
      { gezondheidscheck: { ...check(), gedaanOp: '2026-03-10T12:00:00+01:00' } },
      'gezondheidscheck.gedaanOp',
      'niet_in_toekomst',
    );
  });

  it('a household member ill: no visit, beeldbellen or telefoon offered instead', async () => {
    const r = await refused(
      { gezondheidscheck: check({ ziek_of_positief: true }) },
      'gezondheidscheck.antwoorden',
      'ziek_geen_huisbezoek',
    );
    expect(r.body.alternatieven).toEqual(['beeldbellen', 'telefoon']);
    // A risk group (asthma) is kept with the visit but does not stop it.
    expect((await plan(bo, { gezondheidscheck: check({ risicogroep: true }) })).status).toBe(201);
  });

  it('ill but acute onveiligheid: only with a toelichting, and it waits for approval (override ziek_acuut)', async () => {
    await refused(
      { gezondheidscheck: check({ klachten: true }), reden: 'acute_onveiligheid' },
      'toelichting',
      'toelichting_bij_ziek_acuut',
    );
    const r = await plan(bo, {
      gezondheidscheck: check({ klachten: true }),
      reden: 'acute_onveiligheid',
      toelichting: 'Dreiging met mes; bezoek met mondkapje en op afstand, politie gaat mee.',
      politie: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'wacht_op_goedkeuring', overrides: ['ziek_acuut'] });
    const ok = await gw.post(`/api/casussen/${s.casusId}/huisbezoeken/goedkeuring`, {
      huisbezoekId: r.body.id,
      besluit: 'goedgekeurd',
      toelichting: 'Akkoord: veiligheid kind gaat voor.',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('gepland');
  });

  it('the protocol is changed only by a teammanager or functioneel beheerder, with a reason and a start date not in the past', async () => {
    const body = { protocol: 'nee_tenzij', ingang: VANDAAG, reden: 'Lockdown: alleen huisbezoek bij acute zorgen.' };
    expect((await bo.post('/api/huisbezoekprotocol', body)).status).toBe(403);
    expect((await gw.post('/api/huisbezoekprotocol', body)).status).toBe(403);
    const past = await manager.post('/api/huisbezoekprotocol', { ...body, ingang: '2026-03-09' });
    expect(past.status).toBe(400);
    expect(past.body.fields).toEqual([expect.objectContaining({ field: 'ingang', rule: 'niet_in_verleden' })]);
    const short = await manager.post('/api/huisbezoekprotocol', { ...body, reden: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.fields).toEqual([expect.objectContaining({ field: 'reden' })]);
    const beheer = await env.as('beheer');
    const later = await beheer.post('/api/huisbezoekprotocol', {
      protocol: 'ja_tenzij',
      ingang: '2026-06-01',
      reden: 'Versoepeling aangekondigd per 1 juni.',
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    const r = await manager.post('/api/huisbezoekprotocol', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const p = (await bo.get('/api/huisbezoekprotocol')).body;
    expect(p).toMatchObject({
      protocol: 'nee_tenzij',
      sinds: VANDAAG,
      volgende: { protocol: 'ja_tenzij', ingang: '2026-06-01' },
    });
    expect(p.historie.map((h: any) => [h.protocol, h.ingang, h.door])).toEqual([
      ['ja_tenzij', '2026-06-01', 'Iris Peters'],
      ['nee_tenzij', VANDAAG, 'Karin Visser'],
    ]);
    // A visit planned after the announced change falls under "ja, tenzij" again.
    const juni = await plan(bo, { gepland: '2026-06-02T10:00:00+02:00' });
    expect(juni.status, JSON.stringify(juni.body)).toBe(201);
    expect(juni.body).toMatchObject({ protocol: 'ja_tenzij', status: 'gepland' });
  });

  it('under "nee, tenzij" a visit needs a reason from the list', async () => {
    await refused({}, 'reden', 'reden_bij_nee_tenzij');
    await refused({ reden: 'zin_in_koffie' }, 'reden', 'codelijst');
  });

  let wachtend: number;
  it('under "nee, tenzij" a visit with a reason waits for approval (override nee_tenzij)', async () => {
    const r = await plan(bo, { reden: 'kind_niet_in_beeld', toelichting: 'Yara is al drie weken niet gezien.' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'wacht_op_goedkeuring', overrides: ['nee_tenzij'], protocol: 'nee_tenzij' });
    wachtend = r.body.id;
  });

  it('approval: not by a case worker (403), not by who asked (four eyes), by the gedragswetenschapper; once', async () => {
    const body = { huisbezoekId: wachtend, besluit: 'goedgekeurd', toelichting: 'Akkoord, kind moet gezien worden.' };
    expect((await bo.post(`/api/casussen/${s.casusId}/huisbezoeken/goedkeuring`, body)).status).toBe(403);
    const zelf = await manager.post(`/api/casussen/${s.casusId}/huisbezoeken`, bezoek({ reden: 'kind_niet_in_beeld' }));
    expect(zelf.status, JSON.stringify(zelf.body)).toBe(201);
    const eigen = await manager.post(`/api/casussen/${s.casusId}/huisbezoeken/goedkeuring`, {
      ...body,
      huisbezoekId: zelf.body.id,
    });
    expect(eigen.status).toBe(400);
    expect(eigen.body.fields).toEqual([expect.objectContaining({ field: 'huisbezoekId', rule: 'vier_ogen' })]);
    const af = await gw.post(`/api/casussen/${s.casusId}/huisbezoeken/goedkeuring`, {
      huisbezoekId: zelf.body.id,
      besluit: 'afgewezen',
      toelichting: 'Eerst beeldbellen proberen.',
    });
    expect(af.body).toMatchObject({ status: 'afgewezen' });
    const ok = await manager.post(`/api/casussen/${s.casusId}/huisbezoeken/goedkeuring`, body);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('gepland');
    expect((await gw.post(`/api/casussen/${s.casusId}/huisbezoeken/goedkeuring`, body)).status).toBe(409);
    expect(
      (await gw.post(`/api/casussen/${s.casusId}/huisbezoeken/goedkeuring`, { ...body, huisbezoekId: 999_999 })).status,
    ).toBe(404);
  });

  it('acute onveiligheid under "nee, tenzij": the same day, at once, the planner recorded as deciding', async () => {
    await refused({ reden: 'acute_onveiligheid', gepland: '2026-03-11T09:00:00+01:00' }, 'gepland', 'acuut_zelfde_dag');
    const r = await plan(bo, { reden: 'acute_onveiligheid', politie: true, medewerkerIds: [bo.userId] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'gepland', overrides: ['acute_onveiligheid'] });
    const h = (await bo.get(`/api/casussen/${s.casusId}/contacten`)).body.huisbezoeken.find(
      (x: any) => x.id === r.body.id,
    );
    expect(h).toMatchObject({
      beslotenDoor: 'Youssef El Idrissi',
      overrides: [expect.objectContaining({ regel: 'acute_onveiligheid' })],
    });
  });

  it('every override shows in the timeline with its reason and approver', async () => {
    const tl = (await bo.get(`/api/casussen/${s.casusId}`)).body.timeline.filter((t: any) => t.soort === 'huisbezoek');
    const besluit = tl.find((t: any) =>
      t.titel.startsWith('Huisbezoek goedgekeurd (afwijking: Huisbezoek onder "nee, tenzij")'),
    );
    expect(besluit).toMatchObject({ door: 'Karin Visser', tekst: 'Akkoord, kind moet gezien worden.' });
    const aanvraag = tl.find((t: any) => t.tekst?.includes('Yara is al drie weken niet gezien.'));
    expect(aanvraag).toMatchObject({
      titel: expect.stringMatching(/^Huisbezoek aangevraagd voor/),
      tekst: expect.stringContaining(
        'Afwijking: Huisbezoek onder "nee, tenzij". Reden: Kind niet in beeld (geen school, opvang of ander contact).',
      ),
      door: 'Youssef El Idrissi',
    });
    expect(
      tl.some(
        (t: any) => t.titel.includes('afwijking: Huisbezoek bij een ziek gezinslid') && t.door === 'Marieke Jansen',
      ),
    ).toBe(true);
    expect(
      tl.some((t: any) => t.titel.includes('afwijking: Acute onveiligheid') && t.door === 'Youssef El Idrissi'),
    ).toBe(true);
  });
});
