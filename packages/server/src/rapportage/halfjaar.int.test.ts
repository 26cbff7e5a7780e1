// The half-year report against the small hand-computed data set of fixture.ts: every figure is
// written out below as worked out by hand from the table there and the rules in docs/statistics.md.
import { addDays, createKalender, doorlooptijdWerkdagen, startOfLocalDay } from '@voordeur/domain';
import { sql } from 'kysely';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kalender } from '../referentie/service.ts';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { bouwFixture, HUISHOUDENS_CSV, NOW, type Fixture } from './fixture.ts';
import { werkdagTeller } from './halfjaar.ts';
import { Onderdrukker } from './onderdrukking.ts';
import { isoWeek, mondayOf, weekKey } from './periode.ts';

let env: TestEnv;
let fx: Fixture;
/** Reads the reports: the teammanager (may turn suppression off, unlike the beleidsmedewerker). */
let beleid: TestClient;
let H1: any;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  fx = await bouwFixture(env);
  await sql`delete from huishoudens_telling`.execute(env.database.db);
  const beheer = await env.as('beheer');
  const imp = await beheer.post('/api/rapportage/huishoudens', { csv: HUISHOUDENS_CSV });
  expect(imp.status, JSON.stringify(imp.body)).toBe(200);
  expect(imp.body).toEqual({ ingelezen: 3 });
  beleid = await env.as('manager');
  const r = await beleid.get('/api/rapportage/halfjaar?halfjaar=2026H1');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  H1 = r.body;
});
afterAll(async () => {
  await env?.close();
});

const tel = (items: any[]) => Object.fromEntries(items.map((i: any) => [i.code, [i.aantal, i.percentage]]));

describe('half-year report 2026H1, region', () => {
  it('the period and the rules it applies', () => {
    expect(H1.periode).toEqual({
      van: '2026-01-01',
      tot: '2026-06-30',
      halfjaar: '2026H1',
      maanden: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
    });
    expect(H1.gemeente).toBeNull();
    expect(H1.onderdrukking).toEqual({ drempel: 0, cellen: [] });
  });

  it('meldingen by Amsterdam day of receipt: M11 (31 Dec, 23:00) and M10 (1 Jul, 00:30) are outside, M9 (30 Jun, 23:30) inside', () => {
    expect(H1.meldingen).toMatchObject({
      totaal: 11,
      metKinderen: 6,
      zonderKinderen: 5,
      eigenRegio: 9,
      andereRegio: 1,
      regioOnbekend: 1,
      eigenRegioGemeenteOnbekend: 0,
    });
    expect(H1.meldingen.perMaand.map((x: any) => [x.maand, x.totaal, x.metKinderen, x.zonderKinderen])).toEqual([
      ['2026-01', 2, 1, 1],
      ['2026-02', 1, 1, 0],
      ['2026-03', 2, 1, 1],
      ['2026-04', 1, 1, 0],
      ['2026-05', 2, 0, 2],
      ['2026-06', 3, 2, 1],
    ]);
  });

  it('adviesvragen: the one converted into a melding (A4) counts, and is shown as omgezet; A5 (2025) is outside', () => {
    expect(H1.adviesvragen).toMatchObject({
      totaal: 4,
      eigenRegio: 3,
      andereRegio: 1,
      regioOnbekend: 0,
      omgezetInMelding: 1,
    });
    expect(H1.adviesvragen.perMaand.map((x: any) => x.totaal)).toEqual([1, 0, 1, 0, 1, 1]);
  });

  it('per gemeente, with the household count of the period year or the latest earlier year', () => {
    const g = Object.fromEntries(H1.perGemeente.map((x: any) => [x.code, x]));
    expect(H1.perGemeente.map((x: any) => x.code)).toEqual([
      'GM0358',
      'GM0362',
      'GM0363',
      'GM0384',
      'GM0437',
      'GM0451',
    ]);
    expect(g.GM0363).toMatchObject({
      meldingen: 6,
      metKinderen: 4,
      zonderKinderen: 2,
      adviesvragen: 2,
      huishoudens: { jaar: 2026, totaal: 2000, metKinderen: 500, zonderKinderen: 1500 },
      per1000: { totaal: 3, metKinderen: 8, zonderKinderen: 1.3 },
    });
    // Diemen has no 2026 count: 2025 is used, and said so.
    expect(g.GM0384).toMatchObject({
      meldingen: 2,
      metKinderen: 1,
      zonderKinderen: 1,
      adviesvragen: 1,
      huishoudens: { jaar: 2025, totaal: 800 },
      per1000: { totaal: 2.5, metKinderen: 5, zonderKinderen: 1.7 },
    });
    // Aalsmeer only has a later year (2027): no rate.
    expect(g.GM0358).toMatchObject({
      meldingen: 1,
      metKinderen: 0,
      zonderKinderen: 1,
      adviesvragen: 0,
      huishoudens: null,
      per1000: null,
    });
    expect(g.GM0362).toMatchObject({ meldingen: 0, huishoudens: null });
    // Region: 8 meldingen in Amsterdam + Diemen over 2,800 households = 2.857 → 2.9; 5/700 = 7.1; 3/2100 = 1.4.
    expect(H1.per1000).toEqual({
      totaal: 2.9,
      metKinderen: 7.1,
      zonderKinderen: 1.4,
      huishoudensJaren: [2025, 2026],
      gemeentenZonderTelling: ['GM0358', 'GM0362', 'GM0437', 'GM0451'],
    });
  });

  it('type geweld per group: a melding with several types counts in each (sums above 100%)', () => {
    expect(tel(H1.typeGeweld.totaal.items)).toEqual({
      kindermishandeling: [5, 45.5],
      partnergeweld: [3, 27.3],
      ouderenmishandeling: [1, 9.1],
      geweld_tegen_ouders: [1, 9.1],
      hg_overig: [2, 18.2],
      geen_hg_km: [1, 9.1],
      nog_niet_geregistreerd: [0, 0],
    });
    expect(H1.typeGeweld.totaal.n).toBe(11);
    expect(H1.typeGeweld.metKinderen.n).toBe(6);
    expect(tel(H1.typeGeweld.metKinderen.items)).toMatchObject({
      kindermishandeling: [5, 83.3],
      partnergeweld: [1, 16.7],
      geweld_tegen_ouders: [1, 16.7],
      hg_overig: [0, 0],
    });
    expect(H1.typeGeweld.zonderKinderen.n).toBe(5);
    expect(tel(H1.typeGeweld.zonderKinderen.items)).toMatchObject({
      kindermishandeling: [0, 0],
      partnergeweld: [2, 40],
      ouderenmishandeling: [1, 20],
      hg_overig: [2, 40],
      geen_hg_km: [1, 20],
    });
  });

  it('melders: politie / overige professionals per Meldcode sector / burgers (buren, familie, directbetrokkene)', () => {
    const t = H1.melders.totaal;
    expect(t.n).toBe(11);
    expect(tel(t.groepen)).toEqual({
      politie: [4, 36.4],
      professional: [5, 45.5],
      burger: [2, 18.2],
      onbekend: [0, 0],
    });
    expect(tel(t.professionals)).toMatchObject({
      onderwijs: [2, 18.2],
      gezondheidszorg: [1, 9.1],
      jeugdhulp: [1, 9.1],
      maatschappelijke_ondersteuning: [1, 9.1],
      kinderopvang: [0, 0],
    });
    expect(tel(t.burgers)).toEqual({ buren: [1, 9.1], familie: [1, 9.1], directbetrokkene: [0, 0], anders: [0, 0] });
    expect(tel(H1.melders.metKinderen.groepen)).toMatchObject({
      politie: [2, 33.3],
      professional: [3, 50],
      burger: [1, 16.7],
    });
    expect(tel(H1.melders.zonderKinderen.groepen)).toMatchObject({
      politie: [2, 40],
      professional: [2, 40],
      burger: [1, 20],
    });
    expect(tel(H1.melders.zonderKinderen.burgers)).toMatchObject({ buren: [1, 20], familie: [0, 0] });
  });

  it('veiligheidsbeoordeling outcomes: beoordelingen recorded in the period (M11 received in 2025 counts)', () => {
    expect(H1.veiligheidsbeoordeling.totaal.n).toBe(9);
    expect(tel(H1.veiligheidsbeoordeling.totaal.items)).toEqual({
      acute_onveiligheid: [1, 11.1],
      structurele_onveiligheid: [4, 44.4],
      eenmalige_onveilige_situatie: [1, 11.1],
      andere_leefdomeinen: [1, 11.1],
      geen_zorgen: [2, 22.2],
    });
    expect(H1.veiligheidsbeoordeling.metKinderen.n).toBe(4);
    expect(H1.veiligheidsbeoordeling.zonderKinderen.n).toBe(5);
    expect(tel(H1.veiligheidsbeoordeling.zonderKinderen.items).structurele_onveiligheid).toEqual([2, 40]);
  });

  it('werkdagen from receipt to beoordeling (feestdagen and the equated day do not count), per month of the beoordeling', () => {
    // M11 3, M1 4, M2 7, M3 4, M4 8, M5 4 (Goede Vrijdag, 2e Paasdag), M6 6 (Koningsdag, 5 mei), M7 1, M12 5 (Hemelvaart, equated 15 May)
    const d = H1.doorlooptijdBeoordeling;
    expect(d).toMatchObject({
      termijnWerkdagen: 5,
      n: 9,
      gemiddeldWerkdagen: 4.7,
      binnenTermijn: 6,
      buitenTermijn: 3,
      percentageBinnenTermijn: 66.7,
    });
    expect(
      d.perMaand.map((x: any) => [x.maand, x.n, x.gemiddeldWerkdagen, x.binnenTermijn, x.percentageBinnenTermijn]),
    ).toEqual([
      ['2026-01', 2, 3.5, 2, 100],
      ['2026-02', 2, 5.5, 1, 50],
      ['2026-03', 1, 8, 0, 0],
      ['2026-04', 1, 4, 1, 100],
      ['2026-05', 3, 4, 2, 66.7],
      ['2026-06', 0, null, 0, null],
    ]);
    expect(d.verdeling).toEqual([
      { werkdagen: 1, aantal: 1 },
      { werkdagen: 3, aantal: 1 },
      { werkdagen: 4, aantal: 3 },
      { werkdagen: 5, aantal: 1 },
      { werkdagen: 6, aantal: 1 },
      { werkdagen: 7, aantal: 1 },
      { werkdagen: 8, aantal: 1 },
    ]);
  });

  it('the werkdagen equal the domain function per beoordeling (raw instants, configured calendar)', async () => {
    const db = env.database.db;
    const k = await kalender(db);
    const rows = (
      await sql<any>`select m.ontvangen_op, vb.vastgesteld_op from veiligheidsbeoordeling vb join melding m on m.id = vb.melding_id
      where vb.vastgesteld_op >= ${startOfLocalDay('2026-01-01').toISOString()} and vb.vastgesteld_op < ${startOfLocalDay('2026-07-01').toISOString()}`.execute(
        db,
      )
    ).rows;
    const wd = rows.map((r) => doorlooptijdWerkdagen(k, new Date(r.ontvangen_op), new Date(r.vastgesteld_op)));
    expect(wd.length).toBe(H1.doorlooptijdBeoordeling.n);
    expect(wd.filter((x) => x <= 5).length).toBe(H1.doorlooptijdBeoordeling.binnenTermijn);
    expect(Math.round((wd.reduce((s, x) => s + x, 0) / wd.length) * 10) / 10).toBe(
      H1.doorlooptijdBeoordeling.gemiddeldWerkdagen,
    );
  });

  it("the report's werkdagen counter equals werkdagenTussen for 5,000 random pairs (2019–2027, holidays, equated days)", () => {
    const k = createKalender([
      { date: '2026-05-15', naam: 'Vrijdag na Hemelvaartsdag' },
      { date: '2021-12-27', naam: 'test' },
    ]);
    let x = 7;
    const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
    const pairs = Array.from({ length: 5000 }, () => {
      const o = addDays('2019-01-01', rnd(3200));
      return [o, addDays(o, rnd(60) - 3)] as const;
    });
    const teller = werkdagTeller(k, pairs.flat());
    for (const [o, b] of pairs) expect(teller(o, b)).toBe(k.werkdagenTussen(o, b));
    // A day outside the prepared range falls back to the domain function itself.
    expect(teller('2030-01-01', '2030-01-10')).toBe(k.werkdagenTussen('2030-01-01', '2030-01-10'));
  });

  it('diensten closed in the period: weeks from beoordeling to closing, within 10 weeks', () => {
    // M3 onderzoek: 20 Feb → 10 Apr = 49 days (7.0 weeks, within); M4 VV: 12 Mar → 19 Jun = 99 days (14.1 weeks, late). M12 still runs.
    const d = H1.doorlooptijdDiensten;
    expect(d).toMatchObject({
      termijnWeken: 10,
      n: 2,
      gemiddeldWeken: 10.6,
      binnenTermijn: 1,
      buitenTermijn: 1,
      percentageBinnenTermijn: 50,
    });
    expect(d.perSoort).toEqual([
      {
        code: 'voorwaarden_en_vervolg',
        label: 'Dienst Voorwaarden en Vervolg',
        n: 1,
        gemiddeldWeken: 14.1,
        binnenTermijn: 0,
        buitenTermijn: 1,
        percentageBinnenTermijn: 0,
      },
      {
        code: 'onderzoek',
        label: 'Dienst Onderzoek',
        n: 1,
        gemiddeldWeken: 7,
        binnenTermijn: 1,
        buitenTermijn: 0,
        percentageBinnenTermijn: 100,
      },
    ]);
    expect(
      d.perMaand.filter((x: any) => x.n).map((x: any) => [x.maand, x.n, x.gemiddeldWeken, x.percentageBinnenTermijn]),
    ).toEqual([
      ['2026-04', 1, 7, 100],
      ['2026-06', 1, 14.1, 0],
    ]);
  });

  it('afhandeling: overdrachten and afsluitingen per melding, casussen counted once, end of monitoring is not a besluit', () => {
    const a = H1.afhandeling;
    expect(a).toMatchObject({ casussen: 7, besluiten: 8, overdrachten: 4, afsluitingen: 4 });
    expect(tel(a.groepen)).toEqual({
      casusregie: [3, 37.5],
      hulpverlening: [1, 12.5],
      clientsysteem: [2, 25],
      geen_hg_km: [2, 25],
      overig: [0, 0],
    });
    expect(tel(a.perOntvanger)).toMatchObject({
      lokaal_team: [2, 50],
      gi: [1, 25],
      clientsysteem: [1, 25],
      ggz: [0, 0],
    });
    expect(tel(a.perAfsluitreden)).toMatchObject({
      geen_onveiligheid: [1, 25],
      hulp_al_aanwezig: [1, 25],
      geen_hg_km: [2, 50],
      monitoring_afgerond: [0, 0],
    });
    expect(a.casusregie).toEqual({
      overdrachten: 3,
      directNaBeoordeling: 2,
      naDienst: 1,
      percentageDirectNaBeoordeling: 66.7,
    });
    expect(a.lokaalTeam).toEqual({ overdrachten: 2, reedsBekend: 1, nietBekend: 1, percentageReedsBekend: 50 });
  });

  it('no personal data in the report', () => {
    const s = JSON.stringify(H1);
    for (const x of [
      'Teststraat',
      'Sanne',
      'Dertien',
      'Twaalf',
      'Melder Testpersoon',
      'bsn',
      'geboortedatum',
      'persoonId',
      'melding_id',
      '1011AA',
      'ML00',
    ])
      expect(s).not.toContain(x);
  });
});

describe('other selections', () => {
  it('one gemeente: every figure restricted to its meldingen (Diemen: M3 and M12)', async () => {
    const r = await beleid.get('/api/rapportage/halfjaar?halfjaar=2026H1&gemeente=GM0384');
    expect(r.status).toBe(200);
    expect(r.body.gemeente).toEqual({ code: 'GM0384', naam: 'Diemen' });
    expect(r.body.meldingen).toMatchObject({
      totaal: 2,
      metKinderen: 1,
      zonderKinderen: 1,
      eigenRegio: 2,
      andereRegio: 0,
      regioOnbekend: 0,
    });
    expect(r.body.adviesvragen).toMatchObject({ totaal: 1 });
    expect(r.body.perGemeente.map((g: any) => g.code)).toEqual(['GM0384']);
    expect(r.body.per1000).toMatchObject({ totaal: 2.5, huishoudensJaren: [2025] });
    expect(r.body.doorlooptijdBeoordeling).toMatchObject({
      n: 2,
      gemiddeldWerkdagen: 4.5,
      percentageBinnenTermijn: 100,
    });
    expect(r.body.doorlooptijdDiensten).toMatchObject({ n: 1, gemiddeldWeken: 7 });
    expect(r.body.afhandeling).toMatchObject({ casussen: 1, besluiten: 1 });
    expect(tel(r.body.melders.totaal.professionals).onderwijs).toEqual([2, 100]);
  });

  it('any date range (March: M4 and M5); a range that is exactly a half-year is named', async () => {
    const r = await beleid.get('/api/rapportage/halfjaar?van=2026-03-01&tot=2026-03-31');
    expect(r.body.periode).toEqual({ van: '2026-03-01', tot: '2026-03-31', halfjaar: null, maanden: ['2026-03'] });
    expect(r.body.meldingen).toMatchObject({ totaal: 2, metKinderen: 1, zonderKinderen: 1 });
    const h = await beleid.get('/api/rapportage/halfjaar?van=2026-01-01&tot=2026-06-30');
    expect(h.body.periode.halfjaar).toBe('2026H1');
    expect(h.body.meldingen.totaal).toBe(11);
  });

  it('without a period: the half-year of today (server clock 15 July 2026 → 2026H2: only M10)', async () => {
    const r = await beleid.get('/api/rapportage/halfjaar');
    expect(r.body.periode).toMatchObject({ van: '2026-07-01', tot: '2026-12-31', halfjaar: '2026H2' });
    expect(r.body.meldingen.totaal).toBe(1);
  });

  it('a running period is cut at today: months after the current one are named as not yet, never counted as 0', async () => {
    const r = await beleid.get('/api/rapportage/halfjaar?halfjaar=2026H2');
    expect(r.body.periode).toEqual({
      van: '2026-07-01',
      tot: '2026-12-31',
      halfjaar: '2026H2',
      maanden: ['2026-07'],
      lopend: { peildatum: '2026-07-15', nogNiet: ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12'] },
    });
    for (const reeks of [
      r.body.meldingen.perMaand,
      r.body.adviesvragen.perMaand,
      r.body.doorlooptijdBeoordeling.perMaand,
      r.body.doorlooptijdDiensten.perMaand,
    ]) {
      expect(reeks.map((x: any) => x.maand)).toEqual(['2026-07']);
    }
    expect(r.body.meldingen.perMaand[0].totaal).toBe(1);
    // Completely in the future: no months at all; a past period has no `lopend`.
    const t = await beleid.get('/api/rapportage/halfjaar?halfjaar=2027H1');
    expect(t.body.periode.maanden).toEqual([]);
    expect(t.body.periode.lopend.nogNiet).toHaveLength(6);
    expect(H1.periode.lopend).toBeUndefined();
    const csv = await beleid.get('/api/rapportage/halfjaar/csv?halfjaar=2026H2');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('2026-07');
    expect(csv.body).not.toContain('2026-12');
  });

  it('bad parameters are a 400 naming the field', async () => {
    const r = await beleid.get('/api/rapportage/halfjaar?van=2026-06-01&tot=2026-05-01');
    expect(r.status).toBe(400);
    expect(r.body.fields[0].field).toBe('query.tot');
    const h = await beleid.get('/api/rapportage/halfjaar?halfjaar=2026H3');
    expect(h.status).toBe(400);
    const g = await beleid.get('/api/rapportage/halfjaar?halfjaar=2026H1&gemeente=GM9999');
    expect(g.status).toBe(400);
    expect(g.body.fields[0].field).toBe('query.gemeente');
  });
});

describe('small-cell suppression', () => {
  it('suppress=2: counts of 1 become null, with the smallest other cell of the same group, and what is computed from them', async () => {
    const r = await beleid.get('/api/rapportage/halfjaar?halfjaar=2026H1&suppress=2');
    expect(r.status).toBe(200);
    const b = r.body;
    expect(b.onderdrukking.drempel).toBe(2);
    const g = Object.fromEntries(b.perGemeente.map((x: any) => [x.code, x]));
    // Aalsmeer (1) is suppressed; the gemeenten add up to the published 9 in the own region, so Diemen (2)
    // is suppressed too; Amsterdam (6) and the zeros stay.
    expect(g.GM0358.meldingen).toBeNull();
    expect(g.GM0384.meldingen).toBeNull();
    expect(g.GM0363.meldingen).toBe(6);
    expect(g.GM0362.meldingen).toBe(0);
    expect(g.GM0384.per1000.totaal).toBeNull();
    expect(g.GM0363.per1000.totaal).toBe(3);
    expect(b.onderdrukking.cellen).toEqual(
      expect.arrayContaining(['perGemeente.GM0358.meldingen', 'perGemeente.GM0384.meldingen']),
    );
    // Other region 1 and unknown region 1: both suppressed; the total 11 stays.
    expect(b.meldingen).toMatchObject({ totaal: 11, andereRegio: null, regioOnbekend: null, eigenRegio: 9 });
    // A suppressed count takes its percentage with it.
    const ouderen = b.typeGeweld.totaal.items.find((i: any) => i.code === 'ouderenmishandeling');
    expect(ouderen).toMatchObject({ aantal: null, percentage: null });
    // A month with one beoordeling: count, average and percentage are not published.
    const maart = b.doorlooptijdBeoordeling.perMaand.find((x: any) => x.maand === '2026-03');
    expect(maart).toMatchObject({ n: null, gemiddeldWerkdagen: null, percentageBinnenTermijn: null });
    // Every null count is listed.
    for (const p of b.onderdrukking.cellen) expect(typeof p).toBe('string');
  });

  it('the default threshold comes from VOORDEUR_SUPPRESS_BELOW', async () => {
    process.env.VOORDEUR_SUPPRESS_BELOW = '2';
    try {
      const r = await beleid.get('/api/rapportage/halfjaar?halfjaar=2026H1');
      expect(r.body.onderdrukking.drempel).toBe(2);
      expect(r.body.meldingen.andereRegio).toBeNull();
      const off = await beleid.get('/api/rapportage/halfjaar?halfjaar=2026H1&suppress=0');
      expect(off.body.meldingen.andereRegio).toBe(1);
    } finally {
      delete process.env.VOORDEUR_SUPPRESS_BELOW;
    }
  });

  it('the beleidsmedewerker (figures only) and the coordination view: suppression always on, not switchable', async () => {
    const alleenCijfers = await env.as('beleid');
    const r = await alleenCijfers.get('/api/rapportage/halfjaar?halfjaar=2026H1&suppress=0');
    expect(r.body.onderdrukking.drempel).toBe(5);
    expect(r.body.meldingen.andereRegio).toBeNull();
    expect((await alleenCijfers.get('/api/rapportage/halfjaar?halfjaar=2026H1')).body.onderdrukking.drempel).toBe(5);
    // A higher threshold is honoured; the organisation's setting raises the minimum.
    expect(
      (await alleenCijfers.get('/api/rapportage/halfjaar?halfjaar=2026H1&suppress=10')).body.onderdrukking.drempel,
    ).toBe(10);
    process.env.VOORDEUR_SUPPRESS_BELOW = '7';
    try {
      expect(
        (await alleenCijfers.get('/api/rapportage/halfjaar?halfjaar=2026H1&suppress=0')).body.onderdrukking.drempel,
      ).toBe(7);
    } finally {
      delete process.env.VOORDEUR_SUPPRESS_BELOW;
    }
    // The teammanager may turn it off in the report, not in the view shared with the gemeente.
    expect((await beleid.get('/api/rapportage/halfjaar?halfjaar=2026H1&suppress=0')).body.onderdrukking.drempel).toBe(
      0,
    );
    const coord = await beleid.get('/api/rapportage/coordinatie?van=2026-01-05&tot=2026-03-29&suppress=0');
    expect(coord.status).toBe(200);
    expect(coord.body.onderdrukking.drempel).toBe(5);
  });

  it('the engine: primary, secondary (smallest non-zero cell of a group with one suppressed), derived', () => {
    const x = { a: 1, b: 5, c: 0, d: 12, pct: 10, n: 18 };
    const o = new Onderdrukker(3);
    const a = o.cel(x, 'a', 'a');
    const cells = [a, o.cel(x, 'b', 'b'), o.cel(x, 'c', 'c'), o.cel(x, 'd', 'd')];
    o.cel(x, 'n', 'n');
    o.groep(cells);
    o.hangtAf([a], [{ obj: x, key: 'pct' }]);
    expect(o.pasToe().sort()).toEqual(['a', 'b']);
    expect(x).toEqual({ a: null, b: null, c: 0, d: 12, pct: null, n: 18 });
  });
});

describe('downloads', () => {
  it('CSV: one figure per line, ; separated, decimal comma, suppressed cells marked', async () => {
    const r = await env.app.inject({
      method: 'GET',
      url: '/api/rapportage/halfjaar/csv?halfjaar=2026H1&suppress=2',
      headers: await headers('manager'),
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toContain('halfjaarrapportage-2026H1.csv');
    const lines = r.body.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('Onderdeel;Cijfer;Uitsplitsing;Maand;Gemeente;Waarde;Eenheid;Status');
    expect(lines).toContain('Instroom;Meldingen;totaal;;regio;11;aantal;');
    expect(lines).toContain('Instroom;Meldingen;andere regio;;regio;;aantal;onderdrukt');
    expect(lines).toContain(
      'Per gemeente;Meldingen per 1.000 huishoudens;zonder kinderen;;Amsterdam (GM0363);1,3;per 1.000 huishoudens;',
    );
    expect(lines).toContain('Doorlooptijd veiligheidsbeoordeling;Binnen 5 werkdagen;totaal;;regio;66,7;procent;');
    expect(lines).toContain(
      'Doorlooptijd veiligheidsbeoordeling;Gemiddeld aantal werkdagen tot de beoordeling;totaal;2026-06;regio;;werkdagen;n.v.t.',
    );
  });

  it('XLSX: a valid workbook with the figures, per gemeente, per month and the notes', async () => {
    const r = await env.app.inject({
      method: 'GET',
      url: '/api/rapportage/halfjaar/xlsx?halfjaar=2026H1',
      headers: await headers('manager'),
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzip(r.rawPayload);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet4.xml',
      ]),
    );
    expect(files['xl/workbook.xml']).toContain('name="Per gemeente"');
    const gemeenten = files['xl/worksheets/sheet2.xml']!;
    // Amsterdam row: 6 meldingen, 2000 households, 3 per 1,000.
    expect(gemeenten).toMatch(
      /<t xml:space="preserve">Amsterdam<\/t>.*?<v>6<\/v>.*?<v>2000<\/v><\/c><c r="I\d+"><v>3<\/v>/,
    );
    expect(files['xl/worksheets/sheet1.xml']).toContain('<v>66.7</v>');
    expect(files['xl/worksheets/sheet4.xml']).not.toContain('Lopende periode');
    // A running half-year says so in the notes and names the months not yet come.
    const lopend = unzip(
      (
        await env.app.inject({
          method: 'GET',
          url: '/api/rapportage/halfjaar/xlsx?halfjaar=2026H2',
          headers: await headers('manager'),
        })
      ).rawPayload,
    );
    expect(lopend['xl/worksheets/sheet4.xml']).toContain('Lopende periode');
    expect(lopend['xl/worksheets/sheet4.xml']).toContain('2026-08, 2026-09, 2026-10, 2026-11, 2026-12');
  });

  it('downloads are logged as export; the JSON report as read', async () => {
    const log = (
      await sql<any>`select action, route, client_ids, outcome from access_log where route like 'GET /api/rapportage/halfjaar%' order by id`.execute(
        env.database.db,
      )
    ).rows;
    expect(
      log.some(
        (l) => l.route === 'GET /api/rapportage/halfjaar/xlsx' && l.action === 'export' && l.outcome === 'success',
      ),
    ).toBe(true);
    expect(log.some((l) => l.route === 'GET /api/rapportage/halfjaar' && l.action === 'read')).toBe(true);
    expect(log.every((l) => l.client_ids.length === 0)).toBe(true);
  });
});

describe('access', () => {
  it('a beleidsmedewerker reads the report but not a casus', async () => {
    const alleenCijfers = await env.as('beleid');
    expect((await alleenCijfers.get('/api/rapportage/halfjaar?halfjaar=2026H1')).status).toBe(200);
    expect((await alleenCijfers.get(`/api/casussen/${fx.m.M1!.casusId}`)).status).toBe(403);
  });

  it('case workers have no access to the reports', async () => {
    const bo = await env.as('backoffice');
    expect((await bo.get('/api/rapportage/halfjaar?halfjaar=2026H1')).status).toBe(403);
    expect((await bo.get('/api/rapportage/monitoring')).status).toBe(403);
  });

  it('household counts: a malformed file is refused whole with an error per line', async () => {
    const beheer = await env.as('beheer');
    const r = await beheer.post('/api/rapportage/huishoudens', {
      csv: `${HUISHOUDENS_CSV.split('\n')[0]}\nGM0363,Amsterdam,2026,100,60,50\nGM9999,X,2026,1,1,0`,
    });
    expect(r.status).toBe(400);
    expect(r.body.fields.map((f: any) => f.field)).toEqual([
      'csv.regel2.huishoudens_totaal',
      'csv.regel3.gemeentecode',
    ]);
    const t = await beheer.get('/api/rapportage/huishoudens');
    expect(t.body.tellingen.find((x: any) => x.gemeenteCode === 'GM0363' && x.jaar === 2026).totaal).toBe(2000);
    expect((await beleid.post('/api/rapportage/huishoudens', { csv: HUISHOUDENS_CSV })).status).toBe(403);
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', '2026-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-12-31', '2026-W53'],
    ['2026-03-16', '2026-W12'],
  ])('%s is in %s', (d, w) => {
    expect(weekKey(isoWeek(d))).toBe(w);
  });
  it('Monday of a week', () => {
    expect(mondayOf(2026, 12)).toBe('2026-03-16');
    expect(mondayOf(2020, 53)).toBe('2020-12-28');
  });
});

// ---- helpers

async function headers(user: string) {
  const s = await env.session(user);
  return { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
}

/** Read a ZIP archive (deflate or stored) into name → text. */
function unzip(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    p += 46 + nameLen + extra + comment;
  }
  return out;
}
