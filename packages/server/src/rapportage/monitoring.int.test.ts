// Monitoring on a generated series (inserted with SQL for speed) with known shifts in 2026:
//   every week of 2021–2025 and 2026 up to week 20, on Tuesday 10:00, meldingen from
//     politie 10 (2026 weeks 12–14: 8, four of them with signal 'corona'),
//     onderwijs 5 + (week mod 3) (2026 weeks 12–14: 0 — schools closed), aanleiding km_anders,
//     gezondheidszorg 9 (2026 week 16: 0 — one week only),
//     burgers 2 (2026 weeks 16–17: 12),
//   and adviesvragen from onderwijs 8 (2026 weeks 12–14: 0).
// Expected band for week W: the counts of weeks W-1, W, W+1 in 2021–2025 (15 observations),
// mean ± 2 × max(sd, √mean). Onderwijs: values 5, 6, 7 → mean 6, sd 0.85 → √6 = 2.45 → [1.1, 10.9].
import { addDays, startOfLocalDay } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { band } from './monitoring.ts';
import { mondayOf, weeksInIsoYear } from './periode.ts';

let env: TestEnv;
let beleid: TestClient;
let M: any;

const in2026 = (jaar: number, w: number, van: number, tot: number) => jaar === 2026 && w >= van && w <= tot;

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2026-05-20T12:00:00+02:00') });
  const db = env.database.db;
  const t: string[] = [];
  const h: string[] = [];
  const corona: boolean[] = [];
  const at: string[] = [];
  const ah: string[] = [];
  for (let jaar = 2021; jaar <= 2026; jaar++) {
    for (let w = 1; w <= (jaar === 2026 ? 20 : weeksInIsoYear(jaar)); w++) {
      const ts = new Date(startOfLocalDay(addDays(mondayOf(jaar, w), 1)).getTime() + 10 * 3600_000).toISOString();
      const add = (hoedanigheid: string, n: number, metCorona = 0) => {
        for (let i = 0; i < n; i++) {
          t.push(ts);
          h.push(hoedanigheid);
          corona.push(i < metCorona);
        }
      };
      add('politie', in2026(jaar, w, 12, 14) ? 8 : 10, in2026(jaar, w, 12, 14) ? 4 : 0);
      add('ow_basis', in2026(jaar, w, 12, 14) ? 0 : 5 + (w % 3));
      add('gz_huisarts', in2026(jaar, w, 16, 16) ? 0 : 9);
      add('buurtbewoner', in2026(jaar, w, 16, 17) ? 12 : 2);
      for (let i = 0; i < (in2026(jaar, w, 12, 14) ? 0 : 8); i++) {
        at.push(ts);
        ah.push('ow_basis');
      }
    }
  }
  const team = (await sql<{ id: number }>`select id from team order by id limit 1`.execute(db)).rows[0]!.id;
  const hh = (
    await sql<{
      id: number;
    }>`insert into huishouden (straat, gemeente_code) values ('Monitoringreeks', 'GM0363') returning id`.execute(db)
  ).rows[0]!.id;
  const casus = (
    await sql<{
      id: number;
    }>`insert into casus (nummer, huishouden_id, team_id, status, geopend_op) values ('MON-000001', ${hh}, ${team}, 'gesloten', '2021-01-01T00:00:00Z') returning id`.execute(
      db,
    )
  ).rows[0]!.id;
  await sql`
    insert into melding (nummer, casus_id, team_id, status, ontvangen_op, binnenkomst, melder_hoedanigheid, regio, gemeente_code, aanleiding, aard, omschrijving, met_kinderen, signalen)
    select 'MON' || lpad(x.i::text, 7, '0'), ${casus}, ${team}, 'afgesloten', x.t, 'telefoon', x.h, 'eigen', 'GM0363',
           case x.h when 'ow_basis' then array['km_anders'] else array['partnergeweld'] end, '{}'::text[], 'Gegenereerde melding voor de monitoringtest.',
           x.h = 'ow_basis', case when x.c then array['corona'] else '{}'::text[] end
    from unnest(${t}::timestamptz[], ${h}::text[], ${corona}::boolean[]) with ordinality as x(t, h, c, i)`.execute(db);
  await sql`
    insert into adviesvraag (nummer, ontvangen_op, hoedanigheid, aanleiding, aard, regio, gemeente_code, vraag, advies, afgesloten_op)
    select 'MA' || lpad(x.i::text, 7, '0'), x.t, x.h, array['km_anders'], '{}'::text[], 'eigen', 'GM0363', 'Gegenereerde vraag.', 'Gegenereerd advies.', x.t
    from unnest(${at}::timestamptz[], ${ah}::text[]) with ordinality as x(t, h, i)`.execute(db);
  // The teammanager: the beleidsmedewerker's suppression cannot be turned off (halfjaar.int.test.ts).
  beleid = await env.as('manager');
  const r = await beleid.get('/api/rapportage/monitoring?van=2026-03-02&tot=2026-04-26');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  M = r.body;
});
afterAll(async () => {
  await env?.close();
});

const reeks = (soort: string, dimensie: string, sleutel: string) =>
  M.reeksen.find((r: any) => r.soort === soort && r.dimensie === dimensie && r.sleutel === sleutel);
const per = (r: any, k: 'aantal' | 'afwijking' | 'signaal') =>
  Object.fromEntries(r.weken.map((w: any) => [w.week.slice(5), w[k]]));

describe('weekly inflow against the expected band', () => {
  it('weeks of the period and the method', () => {
    expect(M.periode).toEqual({
      van: '2026-03-02',
      tot: '2026-04-26',
      weken: ['2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14', '2026-W15', '2026-W16', '2026-W17'],
    });
    expect(M.methode).toMatchObject({ jaren: 5, venster: 1, breedte: 2, minimumJaren: 2 });
    expect(M.dataVanaf).toBe('2021-01-05');
  });

  it('onderwijs drops to 0 for three weeks: outside the band from week 12, flagged from week 13', () => {
    const o = reeks('meldingen', 'bron', 'onderwijs');
    expect(o.label).toBe('Onderwijs');
    expect(per(o, 'aantal')).toEqual({ W10: 6, W11: 7, W12: 0, W13: 0, W14: 0, W15: 5, W16: 6, W17: 7 });
    expect(o.weken[2].verwacht).toEqual({ gemiddelde: 6, sd: 2.4, laag: 1.1, hoog: 10.9, jaren: 5, waarnemingen: 15 });
    expect(per(o, 'afwijking')).toEqual({
      W10: null,
      W11: null,
      W12: 'onder',
      W13: 'onder',
      W14: 'onder',
      W15: null,
      W16: null,
      W17: null,
    });
    expect(per(o, 'signaal')).toEqual({
      W10: false,
      W11: false,
      W12: false,
      W13: true,
      W14: true,
      W15: false,
      W16: false,
      W17: false,
    });
    expect(o.signaleringen).toEqual([{ vanaf: '2026-W12', tot: '2026-W14', richting: 'onder', weken: 3 }]);
    // The same drop by type (the onderwijs meldingen are about kindermishandeling) and in the adviesvragen.
    expect(reeks('meldingen', 'type', 'kindermishandeling').signaleringen).toEqual([
      { vanaf: '2026-W12', tot: '2026-W14', richting: 'onder', weken: 3 },
    ]);
    expect(reeks('adviesvragen', 'bron', 'onderwijs').signaleringen).toEqual([
      { vanaf: '2026-W12', tot: '2026-W14', richting: 'onder', weken: 3 },
    ]);
  });

  it('the total stays inside its band: flat numbers, shifted sources', () => {
    const tot = reeks('meldingen', 'totaal', 'totaal');
    expect(per(tot, 'aantal')).toEqual({ W10: 27, W11: 28, W12: 19, W13: 19, W14: 19, W15: 26, W16: 28, W17: 38 });
    expect(tot.weken[2].verwacht).toMatchObject({ gemiddelde: 27, laag: 16.6, hoog: 37.4 });
    expect(tot.signaleringen).toEqual([]);
  });

  it('politie 8 instead of 10 stays inside (sd at least √mean); gezondheidszorg out for one week only: no flag', () => {
    const p = reeks('meldingen', 'bron', 'politie');
    expect(p.weken[2]).toMatchObject({
      aantal: 8,
      verwacht: { gemiddelde: 10, sd: 3.2, laag: 3.7, hoog: 16.3 },
      afwijking: null,
    });
    expect(p.signaleringen).toEqual([]);
    const g = reeks('meldingen', 'bron', 'gezondheidszorg');
    expect(per(g, 'afwijking').W16).toBe('onder');
    expect(g.signaleringen).toEqual([]);
  });

  it('burgers above the band in the last two weeks: a current flag', () => {
    const b = reeks('meldingen', 'bron', 'burgers');
    expect(per(b, 'aantal')).toMatchObject({ W15: 2, W16: 12, W17: 12 });
    expect(b.weken[6].verwacht).toMatchObject({ gemiddelde: 2, laag: 0, hoog: 4.8 });
    expect(b.signaleringen).toEqual([{ vanaf: '2026-W16', tot: '2026-W17', richting: 'boven', weken: 2 }]);
    expect(M.actueleSignaleringen).toEqual([
      {
        soort: 'meldingen',
        dimensie: 'bron',
        sleutel: 'burgers',
        label: 'Burgers',
        richting: 'boven',
        sinds: '2026-W16',
      },
    ]);
  });

  it('the band is computed from the same ISO weeks only (a unit check of band())', () => {
    expect(band([{ jaar: 2021, aantal: 4 }], 2, 2)).toBeNull();
    // Sample sd of 10 and 20 is √50 = 7.07, above √15: used as is.
    const b = band(
      [
        { jaar: 2021, aantal: 10 },
        { jaar: 2022, aantal: 20 },
      ],
      2,
      2,
    )!;
    expect(b.gemiddelde).toBe(15);
    expect(b.sd).toBeCloseTo(Math.sqrt(50), 10);
    expect(b.laag).toBeCloseTo(15 - 2 * Math.sqrt(50), 10);
    // Sample sd of 10 and 14 is √8 = 2.83, below √12 = 3.46: the floor is used.
    expect(
      band(
        [
          { jaar: 2021, aantal: 10 },
          { jaar: 2022, aantal: 14 },
        ],
        2,
        2,
      )!.sd,
    ).toBeCloseTo(Math.sqrt(12), 10);
  });
});

describe('content shift: the share of each signal next to the total', () => {
  it('corona: 4 of 19 contacts in week 13 (21.1%), none before', () => {
    const w = Object.fromEntries(M.signalen.weken.map((x: any) => [x.week.slice(5), x]));
    expect(M.signalen.codes.map((c: any) => c.code)).toEqual(expect.arrayContaining(['corona', 'verslaving', 'lvb']));
    expect(w.W13).toMatchObject({ meldingen: 19, adviesvragen: 0, totaal: 19 });
    expect(w.W13.items.find((i: any) => i.code === 'corona')).toEqual({
      code: 'corona',
      aantalMeldingen: 4,
      aantalAdviesvragen: 0,
      aantal: 4,
      aandeel: 21.1,
    });
    expect(w.W11).toMatchObject({ meldingen: 28, adviesvragen: 8, totaal: 36 });
    expect(w.W11.items.find((i: any) => i.code === 'corona')).toMatchObject({ aantal: 0, aandeel: 0 });
  });
});

describe('options', () => {
  it('fewer than the minimum earlier years: no band; jaren and minimumJaren change that', async () => {
    const r = await beleid.get('/api/rapportage/monitoring?van=2022-03-07&tot=2022-03-13');
    expect(r.body.reeksen.every((x: any) => x.weken[0].verwacht === null)).toBe(true);
    const one = await beleid.get('/api/rapportage/monitoring?van=2022-03-07&tot=2022-03-13&minimumJaren=1');
    expect(one.body.reeksen[0].weken[0].verwacht).toMatchObject({ jaren: 1, waarnemingen: 3 });
    const twee = await beleid.get('/api/rapportage/monitoring?van=2026-03-16&tot=2026-03-22&jaren=2&venster=0');
    const o = twee.body.reeksen.find((x: any) => x.soort === 'meldingen' && x.sleutel === 'onderwijs');
    expect(o.weken[0].verwacht).toMatchObject({ gemiddelde: 5, jaren: 2, waarnemingen: 2 });
  });

  it('without dates: the 13 complete weeks before this week and the running week up to today', async () => {
    const r = await beleid.get('/api/rapportage/monitoring');
    expect(r.body.periode.van).toBe('2026-02-16');
    expect(r.body.periode.tot).toBe('2026-05-20');
    expect(r.body.periode.weken).toHaveLength(14);
    expect(r.body.periode.lopend).toEqual({ week: '2026-W21', peildatum: '2026-05-20', dagen: 3 });
  });

  it('the running week: counted up to today, against the same days of the comparison weeks, and no flag from it', async () => {
    // Today is Wednesday 20 May 2026 (week 21); the generated series stops at week 20, so week 21 is 0 so far.
    const r = await beleid.get('/api/rapportage/monitoring?van=2026-05-04&tot=2026-06-30');
    expect(r.body.periode).toMatchObject({
      van: '2026-05-04',
      tot: '2026-05-20',
      weken: ['2026-W19', '2026-W20', '2026-W21'],
      lopend: { week: '2026-W21', dagen: 3 },
    });
    const p = r.body.reeksen.find((x: any) => x.soort === 'meldingen' && x.sleutel === 'politie');
    // Monday–Wednesday of weeks 20–22 in 2021–2025 hold their Tuesday: 10 each.
    expect(p.weken[2]).toMatchObject({
      week: '2026-W21',
      aantal: 0,
      lopend: { dagen: 3, tot: '2026-05-20' },
      verwacht: { gemiddelde: 10, laag: 3.7, hoog: 16.3 },
      afwijking: 'onder',
      signaal: false,
    });
    expect(p.weken[1].lopend).toBeUndefined();
    expect(p.signaleringen).toEqual([]);
    expect(r.body.actueleSignaleringen).toEqual([]);
    const c = await beleid.get('/api/rapportage/coordinatie?van=2026-05-04');
    expect(c.body.weken.map((w: any) => [w.week, w.lopend ?? false])).toEqual([
      ['2026-W19', false],
      ['2026-W20', false],
      ['2026-W21', true],
    ]);
    expect(c.body.bronnen[0].weken[2].lopend).toBe(true);
  });

  it('suppression: weekly counts below the threshold are null, flags stay', async () => {
    const r = await beleid.get('/api/rapportage/monitoring?van=2026-03-02&tot=2026-04-26&suppress=5');
    const b = r.body.reeksen.find((x: any) => x.soort === 'meldingen' && x.sleutel === 'burgers');
    expect(b.weken.map((w: any) => w.aantal)).toEqual([null, null, null, null, null, null, 12, 12]);
    expect(b.signaleringen).toHaveLength(1);
    const w13 = r.body.signalen.weken.find((x: any) => x.week === '2026-W13');
    expect(w13.items.find((i: any) => i.code === 'corona')).toMatchObject({ aantal: null, aandeel: null });
    expect(r.body.onderdrukking.cellen).toContain('reeksen.meldingen.bron.burgers.2026-W10');
  });

  it('bad parameters are a 400', async () => {
    expect((await beleid.get('/api/rapportage/monitoring?van=2026-04-01&tot=2026-03-01')).status).toBe(400);
    expect((await beleid.get('/api/rapportage/monitoring?jaren=0')).status).toBe(400);
  });
});

describe('coordination view', () => {
  it('weekly totals, sources, signals and current flags; no personal data', async () => {
    const r = await beleid.get('/api/rapportage/coordinatie?van=2026-03-02&tot=2026-04-26');
    expect(r.status).toBe(200);
    expect(r.body.weken[3]).toMatchObject({ week: '2026-W13', meldingen: 19, adviesvragen: 0 });
    expect(r.body.bronnen.map((b: any) => b.sleutel)).toEqual(
      expect.arrayContaining(['politie', 'onderwijs', 'gezondheidszorg', 'burgers']),
    );
    expect(r.body.actueleSignaleringen).toHaveLength(1);
    const s = JSON.stringify(r.body);
    for (const x of ['Monitoringreeks', 'MON0', 'omschrijving', 'bsn', 'persoonId', 'melding_id'])
      expect(s).not.toContain(x);
    const log = (
      await sql<any>`select * from access_log where route = 'GET /api/rapportage/coordinatie' order by id desc limit 1`.execute(
        env.database.db,
      )
    ).rows[0];
    expect(log).toMatchObject({ user_id: beleid.userId, action: 'read', outcome: 'success', client_ids: [] });
  });
});
