// Issue 12 on a small data set of its own: the dienst term of the half-year report under the Algemene
// termijnenwet, the CBS delivery of an Onderzoek closed with "geen (meer) onveiligheid" under v2 (and
// the report agreeing), police contacts not about HG/KM under v1, and an adviesvraag closed afterwards.
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/index.ts';
import { MIGRATIONS, migrate } from '../startup.ts';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';

const NOW = new Date('2026-07-15T12:00:00+02:00');
let env: TestEnv;
let bo: TestClient;
let manager: TestClient;
let beheer: TestClient; // the CBS delivery is the functioneel beheerder's (permission cbs_levering)
let seed = 770_000;
let huisnummer = 1;
const ids: Record<string, { meldingId: number; casusId: number }> = {};

function melding(o: { ontvangenOp: string; hoedanigheid: string; binnenkomst?: string; aanleiding: string[] }) {
  return {
    ontvangenOp: o.ontvangenOp,
    binnenkomst: o.binnenkomst ?? 'telefoon',
    melder: { hoedanigheid: o.hoedanigheid, naam: 'Melder Testpersoon', telefoon: '020 555 0100' },
    huishouden: {
      straat: 'Termijnstraat',
      huisnummer: String(huisnummer++),
      postcode: '1011AA',
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
          achternaam: 'Termijn',
          geboortedatum: '19880312',
          geslacht: 'V',
        },
        rol: 'slachtoffer',
      },
    ],
    aanleiding: o.aanleiding,
    aard: ['psychisch_geweld'],
    signalen: [],
    omschrijving: 'Testmelding voor de termijnen en de CBS-levering.',
  };
}

async function stap(key: string, path: string, body: Record<string, unknown>) {
  const versie = (await bo.get(`/api/casussen/${ids[key]!.casusId}`)).body.versie as number;
  const r = await bo.post(`/api/meldingen/${ids[key]!.meldingId}/${path}`, { versie, ...body });
  expect(r.status, `${key} ${path}: ${JSON.stringify(r.body)}`).toBe(200);
}
const beoordeel = (key: string, vastgesteldOp: string) =>
  stap(key, 'veiligheidsbeoordeling', {
    acuteOnveiligheid: false,
    structureleOnveiligheid: true,
    uitkomst: 'structurele_onveiligheid',
    motivering: 'Beoordeeld op basis van de melding en eigen registratie.',
    bronnen: ['eigen_registratie'],
    getoetstDoor: env.users.get('gw')!,
    vastgesteldOp,
  });

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  bo = await env.as('backoffice');
  manager = await env.as('manager');
  beheer = await env.as('beheer');
  const maak = async (key: string, body: Record<string, unknown>) => {
    const r = await bo.post('/api/meldingen', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[key] = r.body;
  };
  // X1: the police, by phone (not a zorgmelding), about another problem than HG/KM.
  await maak(
    'X1',
    melding({ ontvangenOp: '2026-02-02T10:00:00+01:00', hoedanigheid: 'politie', aanleiding: ['andere_problematiek'] }),
  );
  await beoordeel('X1', '2026-02-03T10:00:00+01:00');
  await stap('X1', 'afsluiten', { reden: 'geen_hg_km', afgeslotenOp: '2026-02-04T10:00:00+01:00' });
  // X2: beoordeling on Saturday 7 March 2026; 10 weeks later is Saturday 16 May, so the term runs to
  // Monday 18 May (Atw art. 1); the Onderzoek closes that Monday with "geen (meer) onveiligheid".
  await maak(
    'X2',
    melding({ ontvangenOp: '2026-03-05T10:00:00+01:00', hoedanigheid: 'gz_anders', aanleiding: ['km_anders'] }),
  );
  await beoordeel('X2', '2026-03-07T11:00:00+01:00');
  await stap('X2', 'dienst-onderzoek', { gestartOp: '2026-03-09T09:00:00+01:00' });
  await stap('X2', 'onderzoek-uitkomst', { uitkomsten: [{ type: 'kindermishandeling', uitkomst: 'niet_bevestigd' }] });
  await stap('X2', 'afsluiten', { reden: 'geen_onveiligheid', afgeslotenOp: '2026-05-18T16:00:00+02:00' });
});
afterAll(async () => {
  await env?.close();
});

describe('the half-year report: the dienst term under the Algemene termijnenwet', () => {
  it('a dienst closed on the Monday after a term that ended on Saturday is within the term', async () => {
    const r = await manager.get('/api/rapportage/halfjaar?halfjaar=2026H1');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // 72 calendar days (10.3 weeks), but within the term that ran on to Monday 18 May.
    expect(r.body.doorlooptijdDiensten).toMatchObject({
      n: 1,
      gemiddeldWeken: 10.3,
      binnenTermijn: 1,
      buitenTermijn: 0,
      percentageBinnenTermijn: 100,
    });
    // The report groups X2's afsluiting as cliëntsysteem — as the CBS delivery below does.
    const groep = (c: string) => r.body.afhandeling.groepen.find((g: any) => g.code === c).aantal;
    expect(groep('clientsysteem')).toBe(1);
    expect(groep('geen_hg_km')).toBe(1);
  });
});

describe('the CBS delivery', () => {
  it('v1: a police contact not about HG/KM is left out (uitgesloten), not listed as niet leverbaar; gz_anders is 20', async () => {
    const r = await beheer.get('/api/rapportage/cbs?halfjaar=2026H1&protocol=v1-2015');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.nietLeverbaar).toEqual([]);
    expect(r.body.uitgesloten).toEqual([
      {
        soort: 'melding',
        nummer: 'ML0000001',
        reden: 'zorgmelding politie zonder huiselijk geweld of kindermishandeling: protocol v1-2015 levert die niet',
      },
    ]);
    expect(r.body.records.meldingen).toEqual([expect.objectContaining({ nummer: 'ML0000002', hoedanigheid: '20' })]);
    // v1: the onderzoek closed with "geen (meer) onveiligheid" keeps code 21 (geen vervolg).
    expect(r.body.records.onderzoeken).toEqual([expect.objectContaining({ vervolg: ['21'], uitkomst: ['05'] })]);
  });

  it('v2: an Onderzoek closed with "geen (meer) onveiligheid" is delivered with Overdracht aan cliëntsysteem', async () => {
    const v2 = (await manager.get('/api/rapportage/cbs/protocollen')).body.protocollen.find(
      (p: any) => p.versie === 'v2-2025',
    );
    const perVeld = new Map<string, number>();
    const code = new Map<string, string>();
    for (const o of v2.opties) {
      const n = (perVeld.get(o.veld) ?? 0) + 1;
      perVeld.set(o.veld, n);
      const c = o.veld === 'geslacht' ? o.optie : String(n).padStart(2, '0');
      code.set(`${o.veld}:${o.optie}`, c);
      expect(
        (
          await beheer.post('/api/rapportage/cbs/protocollen/v2-2025/opties', {
            veld: o.veld,
            optie: o.optie,
            cbsCode: c,
          })
        ).status,
      ).toBe(200);
    }
    const r = await beheer.get('/api/rapportage/cbs?halfjaar=2026H1&protocol=v2-2025');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // Nothing is refused any more: the onderzoek was "niet leverbaar" (no v2 code for 'geen_vervolg').
    expect(r.body.nietLeverbaar).toEqual([]);
    expect(r.body.records.onderzoeken).toEqual([
      expect.objectContaining({ vervolg: [code.get('vervolg:clientsysteem')] }),
    ]);
    // v2 delivers the police contact too: a melding closed "geen HG/KM" is "Geen vervolg door Veilig Thuis".
    expect(r.body.records.meldingen.find((m: any) => m.nummer === 'ML0000001')).toMatchObject({
      triagebesluit: code.get('triagebesluit:geen_vervolg'),
      directeOverdracht: [],
    });
  });
});

describe('an adviesvraag registered afterwards gets its real closing moment', () => {
  const body = {
    hoedanigheid: 'familielid',
    aanleiding: ['partnergeweld'],
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    vraag: 'Vraag zonder identificerende gegevens.',
    advies: 'Advies gegeven aan de adviesvrager.',
  };

  it('at registration: closed on the given moment, so it lands in the half-year of that moment', async () => {
    const r = await bo.post('/api/adviesvragen', {
      ...body,
      ontvangenOp: '2026-06-20T10:00:00+02:00',
      afgeslotenOp: '2026-06-20T10:30:00+02:00',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const a = (await bo.get(`/api/adviesvragen/${r.body.id}`)).body;
    expect(a.afgeslotenOp).toBe('2026-06-20T08:30:00.000Z');
    const l = (await beheer.get('/api/rapportage/cbs?halfjaar=2026H1&protocol=v1-2015')).body;
    expect(l.records.adviezen.map((x: any) => x.nummer)).toContain(r.body.nummer);
  });

  it('refused in the future, before the receipt, or on an adviesvraag left open', async () => {
    const toekomst = await bo.post('/api/adviesvragen', {
      ...body,
      ontvangenOp: '2026-07-14T10:00:00+02:00',
      afgeslotenOp: '2026-07-16T10:00:00+02:00',
    });
    expect(toekomst.status).toBe(400);
    expect(toekomst.body.fields).toContainEqual(
      expect.objectContaining({ field: 'afgeslotenOp', rule: 'niet_in_toekomst' }),
    );
    const ervoor = await bo.post('/api/adviesvragen', {
      ...body,
      ontvangenOp: '2026-07-14T10:00:00+02:00',
      afgeslotenOp: '2026-07-13T10:00:00+02:00',
    });
    expect(ervoor.status).toBe(400);
    expect(ervoor.body.fields).toContainEqual(expect.objectContaining({ field: 'afgeslotenOp', rule: 'na_ontvangst' }));
    const open = await bo.post('/api/adviesvragen', {
      ...body,
      afsluiten: false,
      ontvangenOp: '2026-07-14T10:00:00+02:00',
      afgeslotenOp: '2026-07-14T11:00:00+02:00',
    });
    expect(open.status).toBe(400);
  });

  it('closing an open adviesvraag afterwards: the given moment, checked the same way', async () => {
    const r = await bo.post('/api/adviesvragen', {
      ...body,
      afsluiten: false,
      ontvangenOp: '2026-06-29T10:00:00+02:00',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const voor = await bo.post(`/api/adviesvragen/${r.body.id}/afsluiten`, {
      advies: 'Teruggebeld, advies gegeven.',
      afgeslotenOp: '2026-06-28T10:00:00+02:00',
    });
    expect(voor.status).toBe(400);
    expect(voor.body.fields).toContainEqual(expect.objectContaining({ field: 'afgeslotenOp', rule: 'na_ontvangst' }));
    const later = await bo.post(`/api/adviesvragen/${r.body.id}/afsluiten`, {
      advies: 'Teruggebeld, advies gegeven.',
      afgeslotenOp: '2026-07-16T10:00:00+02:00',
    });
    expect(later.status).toBe(400);
    const ok = await bo.post(`/api/adviesvragen/${r.body.id}/afsluiten`, {
      advies: 'Teruggebeld, advies gegeven.',
      afgeslotenOp: '2026-06-30T15:00:00+02:00',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.afgeslotenOp).toBe('2026-06-30T13:00:00.000Z');
  });
});

describe('migration 015 on a database that already delivered with the v1 table', () => {
  it('corrects the two melder codes unless the organisation changed them, and adds overdracht_clientsysteem', async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    try {
      const db = database.db;
      await sql`create table schema_migration (name text primary key, applied_at timestamptz not null default now())`.execute(
        db,
      );
      for (const m of MIGRATIONS.filter((x) => x.name < '015')) {
        for (const stmt of m.up) await sql.raw(stmt).execute(db);
        await sql`insert into schema_migration (name) values (${m.name})`.execute(db);
      }
      await sql`insert into codelijst_versie (lijst, versie, omschrijving, geldig_van) values ('hoedanigheid', 'v2-2019', 'x', '2019-01-01')`.execute(
        db,
      );
      await sql`insert into codelijst_item (lijst, versie, code, label, cbs2015, volgorde) values
        ('hoedanigheid', 'v2-2019', 'gz_anders', 'Gezondheidszorg: anders', '03', 1),
        ('hoedanigheid', 'v2-2019', 'ow_anders', 'Onderwijs: anders', '16', 2)`.execute(db);
      // As shipped (gz_anders 03), and one the organisation already set itself (ow_anders 12).
      await sql`insert into cbs_code (protocol, veld, code, cbs_code) values
        ('v1-2015', 'hoedanigheid', 'gz_anders', '03'), ('v1-2015', 'hoedanigheid', 'ow_anders', '12')`.execute(db);
      await sql`insert into cbs_protocol (versie, omschrijving, zorgmeldingen_politie) values ('v1-kopie', 'kopie', false)`.execute(
        db,
      );
      await sql`insert into cbs_code (protocol, veld, code, cbs_code) values ('v1-kopie', 'triagebesluit', 'geen_vervolg', '4')`.execute(
        db,
      );

      expect((await migrate(db)).applied).toEqual(expect.arrayContaining(['015_cbs_correcties']));
      const code = async (protocol: string, veld: string, c: string) =>
        (
          await sql<{
            cbs_code: string;
          }>`select cbs_code from cbs_code where protocol = ${protocol} and veld = ${veld} and code = ${c}`.execute(db)
        ).rows[0]?.cbs_code;
      expect(await code('v1-2015', 'hoedanigheid', 'gz_anders')).toBe('20');
      expect(await code('v1-2015', 'hoedanigheid', 'ow_anders')).toBe('12');
      expect(await code('v1-2015', 'triagebesluit', 'overdracht_clientsysteem')).toBe('04');
      expect(await code('v1-kopie', 'triagebesluit', 'overdracht_clientsysteem')).toBe('4');
      expect(
        (await sql<any>`select code, cbs2015 from codelijst_item order by code`.execute(db)).rows.map(
          (r: any) => `${r.code}=${r.cbs2015}`,
        ),
      ).toEqual(['gz_anders=20', 'ow_anders=15']);
      expect(
        (
          await sql<any>`select optie from cbs_optie_waarde where protocol = 'v2-2025' and veld = 'triagebesluit' and code = 'overdracht_clientsysteem'`.execute(
            db,
          )
        ).rows,
      ).toEqual([{ optie: 'overdracht' }]);
    } finally {
      await database.close();
    }
  });
});
