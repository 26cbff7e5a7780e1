// Benchmark data set: a fresh PostgreSQL database (`--db`, default `vd_bench`) with N meldingen
// (default 500,000) over ten years (twenty from 1 million meldingen), calibrated to the half-year
// report of Veilig Thuis Amsterdam-Amstelland (seed 002; see /work/shared/domain/veilig-thuis.md),
// with adviesvragen, coded signals, seasonality (school holidays) and the 2020–2021 lockdowns
// (seeds 000, 001, 003: police and school reports fall, other melders and signals rise, the total
// stays flat).
//
//   npx tsx bench/generate.ts [--meldingen N] [--db NAME] [--years Y] [--lockdown RANGES] [--reuse] [--seed S]
//
//   --lockdown 2020-03-16..2020-06-01,2020-12-15..2021-02-08   (default: the school closures;
//              first and last day inclusive, Amsterdam days; `none` for no lockdown)
//
// Server: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres). The database
// is dropped and created again, unless --reuse is given and it already holds a complete data set
// of the same size made by the same generator version (then only migrations and ANALYZE run).
//
// How: the schema comes from the server's own migrate(), the organisation and users from
// seedOrganisation() + seedDemoUsers(). Households, persons and meldingen (with their lifecycle
// moments) are computed in JS with a seeded generator, because names need the real zoekNaam() and
// persons need consistent ages, and sent in 20,000-row batches as arrays (INSERT … SELECT FROM
// unnest(...)) into staging tables. Every production table is then filled with one set-based
// INSERT … SELECT from the staging tables. Secondary indexes and foreign keys are dropped for the
// load and recreated afterwards (which also validates the data against them), then VACUUM ANALYZE.
import { generateBsn, zoekNaam, type LocalDate } from '@voordeur/domain';
import { sql } from 'kysely';
import pg from 'pg';
import { seedDemoUsers, seedOrganisation } from '../packages/server/src/demo/demo.ts';
import { openDatabase } from '../packages/server/src/db/index.ts';
import { LATEST_MIGRATION, migrate } from '../packages/server/src/startup.ts';
import { blindIndex, nameWordIndexes, seal, versleutelBestaande } from '../packages/server/src/crypto/veld.ts';
import { bijwerkenTermijnen } from '../packages/server/src/werkvoorraad/termijnen.ts';
import { bron, BRONNEN, lijsten } from '../packages/server/src/rapportage/codes.ts';
import { halfjaarRapport } from '../packages/server/src/rapportage/halfjaar.ts';
import { halfjaarPeriode } from '../packages/server/src/rapportage/periode.ts';
import {
  BENCH_DB_NAME,
  GENERATOR_VERSION,
  benchUrl,
  changedMigrations,
  flag,
  fmtInt,
  intOption,
  migrationHashes,
  option,
  rng,
  serverUrl,
} from './lib.ts';
import {
  ACHTERNAMEN,
  ANDERE_REGIO,
  ANDERE_STRATEN,
  STRATEN,
  VOORNAMEN,
  achternaamPicker,
  omschrijvingen,
  zipfPicker,
  type Achternaam,
  type Groep,
} from './names.ts';

const N = intOption('meldingen', 500_000);
const SEED = intOption('seed', 20260501);
const REUSE = flag('reuse');
const DAY = 86_400; // seconds
const YEARS = intOption('years', N >= 1_000_000 ? 20 : 10);

// ---- the calendar of the data: lockdowns (schools closed) and school holidays
/** Lockdown ranges [first day, last day] (Amsterdam days), from --lockdown. */
const LOCKDOWNS: Array<[LocalDate, LocalDate]> = (() => {
  const v = option('lockdown') ?? '2020-03-16..2020-06-01,2020-12-15..2021-02-08';
  if (v === 'none') return [];
  return v.split(',').map((x) => {
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(x.trim());
    if (!m || m[2]! < m[1]!)
      throw new Error(`--lockdown: ranges as 2020-03-16..2020-06-01 (comma-separated) or 'none', got '${x}'`);
    return [m[1]!, m[2]!] as [LocalDate, LocalDate];
  });
})();
/** Weeks after a lockdown in which its signals fade out (corona-gerelateerd, isolement, …). */
const NASLEEP_DAGEN = 56;
type Tijdvak = 'normaal' | 'zomer' | 'kerst' | 'lockdown' | 'nasleep';
const TIJDVAKKEN: Tijdvak[] = ['normaal', 'zomer', 'kerst', 'lockdown', 'nasleep'];
/** Amsterdam day of an instant (UTC+1 is close enough for the calendar of the data). */
const dagVan = (epochS: number): LocalDate => new Date((epochS + 3600) * 1000).toISOString().slice(0, 10);
const dagPlus = (d: LocalDate, n: number): LocalDate =>
  new Date(Date.parse(d) + n * DAY * 1000).toISOString().slice(0, 10);
const tijdvakCache = new Map<LocalDate, Tijdvak>();
/**
 * What kind of day: a lockdown day (schools closed), the weeks after a lockdown, the summer school
 * holiday (15 July – 31 August) or the Christmas holiday (23 December – 6 January), or normal.
 */
function tijdvak(epochS: number): Tijdvak {
  const d = dagVan(epochS);
  let v = tijdvakCache.get(d);
  if (v) return v;
  v = 'normaal';
  for (const [a, b] of LOCKDOWNS) {
    if (d >= a && d <= b) v = 'lockdown';
    else if (v === 'normaal' && d > b && d <= dagPlus(b, NASLEEP_DAGEN)) v = 'nasleep';
  }
  if (v !== 'lockdown') {
    const md = d.slice(5);
    if (md >= '07-15' && md <= '08-31') v = 'zomer';
    else if (md >= '12-23' || md <= '01-06') v = 'kerst';
  }
  tijdvakCache.set(d, v);
  return v;
}
/**
 * Relative inflow per kind of day. In the school holidays the reports by schools are mostly missing
 * and the total dips by about that much; in a lockdown the total stays flat (seeds 000/001: "geen
 * toename", sources and content shift).
 */
const INSTROOM: Record<Tijdvak, number> = { normaal: 1, zomer: 0.955, kerst: 0.975, lockdown: 1, nasleep: 1 };
/** Factor on the weight of a melder source per kind of day (onderwijs: schools closed or on holiday). */
const BRON_FACTOR: Record<Tijdvak, { onderwijs: number; kinderopvang: number; politie: number }> = {
  normaal: { onderwijs: 1, kinderopvang: 1, politie: 1 },
  zomer: { onderwijs: 0.15, kinderopvang: 0.8, politie: 1 },
  kerst: { onderwijs: 0.25, kinderopvang: 0.8, politie: 1 },
  lockdown: { onderwijs: 0.4, kinderopvang: 0.6, politie: 0.85 },
  nasleep: { onderwijs: 1, kinderopvang: 1, politie: 1 },
};
/**
 * In a lockdown the weight lost by onderwijs, kinderopvang and politie goes to these melders
 * (neighbours and family hear more behind the front doors, the huisarts and the wijkteam are called).
 */
const LOCKDOWN_COMPENSATIE: Array<[string, number]> = [
  ['buurtbewoner', 0.35],
  ['familielid', 0.2],
  ['sociaal_netwerk', 0.05],
  ['db_volwassene', 0.1],
  ['gz_huisarts', 0.15],
  ['maatschappelijke_ondersteuning', 0.15],
];
/** Chance that a melding or adviesvraag carries a signal (code list `signaal`), per kind of day. */
const SIGNAAL_KANS: Record<Tijdvak, Array<[string, number]>> = (() => {
  const basis: Array<[string, number]> = [
    ['corona', 0],
    ['verslaving', 0.07],
    ['lvb', 0.04],
    ['isolement', 0.02],
    ['uitgestelde_zorg', 0.015],
    ['financiele_zorgen', 0.05],
  ];
  return {
    normaal: basis,
    zomer: basis,
    kerst: basis,
    lockdown: [
      ['corona', 0.3],
      ['verslaving', 0.1],
      ['lvb', 0.06],
      ['isolement', 0.14],
      ['uitgestelde_zorg', 0.08],
      ['financiele_zorgen', 0.12],
    ],
    nasleep: [
      ['corona', 0.1],
      ['verslaving', 0.08],
      ['lvb', 0.05],
      ['isolement', 0.06],
      ['uitgestelde_zorg', 0.04],
      ['financiele_zorgen', 0.08],
    ],
  };
})();
const ONDERWIJS = new Set(['ow_basis', 'ow_voortgezet', 'ow_anders']);
/** The melder mix of a kind of day: the base weights with the source factors and the lockdown compensation. */
function melderMix(base: Array<[string, number]>, v: Tijdvak): Array<[string, number]> {
  const f = BRON_FACTOR[v];
  let verloren = 0;
  const out = base.map(([h, w]): [string, number] => {
    const x = ONDERWIJS.has(h) ? f.onderwijs : h === 'kinderopvang' ? f.kinderopvang : h === 'politie' ? f.politie : 1;
    if (v === 'lockdown') verloren += w * (1 - x);
    return [h, w * x];
  });
  for (const [h, share] of LOCKDOWN_COMPENSATIE) {
    if (!verloren) break;
    const i = out.findIndex(([x]) => x === h);
    if (i >= 0) out[i]![1] += verloren * share;
    else out.push([h, verloren * share]);
  }
  return out;
}

const started = performance.now();
let phaseStart = started;
const phase = (label: string) => {
  const t = performance.now();
  console.log(`  ${label.padEnd(58)} ${((t - phaseStart) / 1000).toFixed(1).padStart(6)} s`);
  phaseStart = t;
};

// Tables filled in bulk: their secondary indexes and foreign keys are dropped during the load.
const BULK_TABLES = [
  'huishouden',
  'persoon',
  'huishouden_lid',
  'casus',
  'melding',
  'melder',
  'melding_betrokkene',
  'veiligheidsbeoordeling',
  'dienst',
  'overdracht',
  'afsluiting',
  'terugkoppeling',
  'informering',
  'adviesvraag',
];

async function main() {
  console.log(`Voordeur benchmark data: ${fmtInt(N)} meldingen → ${benchUrl().replace(/\/\/[^@/]*@/, '//')}`);
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  if (REUSE && (await reusable(admin))) {
    await admin.end();
    return;
  }
  await admin.query(`drop database if exists ${BENCH_DB_NAME} with (force)`);
  await admin.query(`create database ${BENCH_DB_NAME}`);
  await admin.end();

  // Schema, organisation, teams, code lists and demo users through the server's own code.
  const database = await openDatabase({ databaseUrl: benchUrl(), poolSize: 2 });
  await migrate(database.db);
  await seedOrganisation(database.db);
  await seedDemoUsers(database.db);
  await database.close();
  phase(`database created, migrated (${LATEST_MIGRATION}), organisation and users seeded`);

  const c = new pg.Client({ connectionString: benchUrl() });
  await c.connect();
  await c.query(`set timezone = 'UTC'`);
  await c.query(`set synchronous_commit = off`);
  await c.query(`set work_mem = '256MB'`);
  await c.query(`set maintenance_work_mem = '1GB'`);
  const nowS = Math.floor(Date.now() / 1000);
  await generate(c, nowS);
  await c.end();
  // What migrate() derives by code, done here so the data set is vacuumed after it: the stored
  // werkvoorraad deadlines of the open meldingen (006), and the data key check (nothing is left to
  // encrypt: BSN and melder were stored encrypted).
  {
    const database = await openDatabase({ databaseUrl: benchUrl(), poolSize: 1 });
    const n = await bijwerkenTermijnen(database.db, 'verouderd');
    const v = await versleutelBestaande(database.db);
    await sql`vacuum (analyze) melding`.execute(database.db);
    await database.close();
    if (v.personen || v.melders)
      console.log(`  encrypted afterwards: ${fmtInt(v.personen)} BSNs, ${fmtInt(v.melders)} melders`);
    phase(`werkvoorraad deadlines of ${fmtInt(n)} open meldingen stored, melding vacuumed`);
  }
  console.log(`Generation took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  await kalibratie(nowS);
}

/**
 * Calibration check of the generated data: melder sources and signals in the lockdowns against the
 * same days 52 weeks earlier and against all other days; the seed-002 figures from the server's own
 * half-year report (2019H2, the seed's half-year, when the data covers it).
 */
async function kalibratie(nowS: number) {
  const t0 = performance.now();
  const database = await openDatabase({ databaseUrl: benchUrl(), poolSize: 2 });
  const db = database.db;
  const l = await lijsten(db);
  const q = async <T>(text: string) => (await sql.raw(text).execute(db)).rows as T[];
  const dag = `(x.ontvangen_op at time zone 'Europe/Amsterdam')::date`;
  const inRange = (shift: number) =>
    LOCKDOWNS.map(([a, b]) => `${dag} between date '${a}' - ${shift} and date '${b}' - ${shift}`).join(' or ') ||
    'false';
  const vak = `case when ${inRange(0)} then 'lockdown' when ${inRange(364)} then 'vorig_jaar' else 'buiten' end`;
  const vakken = ['lockdown', 'vorig_jaar', 'buiten'] as const;
  const kop = (x: string) => x.padEnd(34);
  console.log(
    `\nCalibration check (${BENCH_DB_NAME}); columns: lockdown days ${LOCKDOWNS.map(([a, b]) => `${a}..${b}`).join(', ') || '(none)'} · the same days 52 weeks earlier · all other days`,
  );
  const dagen = await q<{ v: string; n: number }>(
    `select ${vak} as v, count(distinct ${dag})::int as n from melding x group by 1`,
  );
  const perDag = new Map(dagen.map((x) => [x.v, x.n]));
  for (const [tabel, hoed, naam] of [
    ['melding', 'melder_hoedanigheid', 'meldingen'],
    ['adviesvraag', 'hoedanigheid', 'adviesvragen'],
  ] as const) {
    const rows = await q<{ v: string; h: string; n: number }>(
      `select ${vak} as v, x.${hoed} as h, count(*)::int as n from ${tabel} x group by 1, 2`,
    );
    const tot = new Map<string, number>();
    const per = new Map<string, number>();
    for (const x of rows) {
      tot.set(x.v, (tot.get(x.v) ?? 0) + x.n);
      const k = `${x.v}/${bron(l, x.h)}`;
      per.set(k, (per.get(k) ?? 0) + x.n);
    }
    const cel = (v: string, n: number) => `${(tot.get(v) ? (100 * n) / tot.get(v)! : 0).toFixed(1).padStart(6)}%`;
    console.log(
      `  ${kop(`${naam} per day`)}${vakken.map((v) => (perDag.get(v) ? ((tot.get(v) ?? 0) / perDag.get(v)!).toFixed(1) : '–').padStart(7)).join(' ')}`,
    );
    for (const b of BRONNEN) {
      if (!vakken.some((v) => per.get(`${v}/${b.code}`))) continue;
      console.log(
        `    ${kop(`${naam}: ${b.label}`).slice(0, 32)}${vakken.map((v) => cel(v, per.get(`${v}/${b.code}`) ?? 0)).join(' ')}`,
      );
    }
  }
  const sig = await q<{ v: string; s: string | null; n: number }>(`
    select v, s, count(*)::int as n from (
      select ${vak} as v, x.signalen from melding x union all select ${vak}, x.signalen from adviesvraag x) y
    left join lateral unnest(y.signalen) s on true group by 1, 2`);
  const contacts = new Map<string, number>();
  for (const x of sig) if (x.s === null) contacts.set(x.v, (contacts.get(x.v) ?? 0) + x.n);
  // contacts without a signal are counted once by the left join; contacts with k signals k times:
  const metSignaal = await q<{ v: string; n: number }>(`
    select v, count(*)::int as n from (select ${vak} as v, x.signalen from melding x union all select ${vak}, x.signalen from adviesvraag x) y
    where cardinality(y.signalen) > 0 group by 1`);
  for (const x of metSignaal) contacts.set(x.v, (contacts.get(x.v) ?? 0) + x.n);
  for (const item of l.get('signaal')?.values() ?? []) {
    const cel = (v: string) =>
      `${((100 * (sig.find((x) => x.v === v && x.s === item.code)?.n ?? 0)) / (contacts.get(v) || 1)).toFixed(1).padStart(6)}%`;
    console.log(`  ${kop(`signal ${item.label}`).slice(0, 34)}${vakken.map(cel).join(' ')}`);
  }

  // The seed-002 figures through the report itself.
  const eerste = (
    await q<{ d: string }>(
      `select to_char(min(ontvangen_op) at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as d from melding`,
    )
  )[0]!.d;
  const nowDag = dagVan(nowS);
  let h = '2019H2';
  if (eerste > '2019-07-01' || nowDag < '2020-01-01') {
    const y = Number(nowDag.slice(0, 4));
    h = nowDag.slice(5) > '07-01' ? `${y}H1` : `${y - 1}H2`;
  }
  const rap = await halfjaarRapport(db, halfjaarPeriode(h), { drempel: 0 });
  const pctOf = (items: Array<{ code: string; percentage: number | null }>, code: string) =>
    `${items.find((i) => i.code === code)?.percentage ?? 0}%`;
  const m = rap.meldingen;
  const mk = rap.melders.metKinderen;
  const mz = rap.melders.zonderKinderen;
  const af = rap.afhandeling;
  console.log(`  half-year report ${h} (seed 002 is 2019H2: 5,824 meldingen, 1,609 adviesvragen for one region):`);
  console.log(
    `    meldingen ${fmtInt(m.totaal ?? 0)}, adviesvragen ${fmtInt(rap.adviesvragen.totaal ?? 0)} (${fmtInt(rap.adviesvragen.omgezetInMelding ?? 0)} converted); with children ${(((m.metKinderen ?? 0) * 100) / (m.totaal || 1)).toFixed(1)}%`,
  );
  console.log(
    `    melders with children politie / professionals / burgers ${pctOf(mk.groepen, 'politie')} / ${pctOf(mk.groepen, 'professional')} / ${pctOf(mk.groepen, 'burger')}; without children politie ${pctOf(mz.groepen, 'politie')}`,
  );
  console.log(
    `    beoordelingen ${fmtInt(rap.doorlooptijdBeoordeling.n ?? 0)}: ${rap.doorlooptijdBeoordeling.percentageBinnenTermijn}% within 5 werkdagen, average ${rap.doorlooptijdBeoordeling.gemiddeldWerkdagen} werkdagen; diensten ${rap.doorlooptijdDiensten.percentageBinnenTermijn}% within 10 weeks, average ${rap.doorlooptijdDiensten.gemiddeldWeken} weeks`,
  );
  console.log(
    `    besluiten ${fmtInt(af.besluiten ?? 0)} (casussen ${fmtInt(af.casussen ?? 0)}): ${af.groepen.map((g) => `${g.label} ${g.percentage}%`).join(' · ')}`,
  );
  console.log(
    `    casusregie directly after the beoordeling ${af.casusregie.percentageDirectNaBeoordeling}%; lokaal team already knew the household ${af.lokaalTeam.percentageReedsBekend}%`,
  );
  await database.close();
  console.log(`  (calibration check ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

/** --reuse: keep an existing complete data set of the same size and generator version. */
async function reusable(admin: pg.Client): Promise<boolean> {
  const exists = await admin.query(`select 1 from pg_database where datname = $1`, [BENCH_DB_NAME]);
  if (!exists.rows.length) return false;
  const c = new pg.Client({ connectionString: benchUrl() });
  await c.connect();
  try {
    const meta = await c.query(`select value from bench_meta where key = 'meta'`).catch(() => ({ rows: [] as any[] }));
    const m = meta.rows[0] ? JSON.parse(meta.rows[0].value) : null;
    if (!m || m.meldingen !== N || m.generatorVersion !== GENERATOR_VERSION) {
      console.log(
        `  --reuse: existing ${BENCH_DB_NAME} ${m ? `has ${fmtInt(m.meldingen)} meldingen (generator v${m.generatorVersion})` : 'is incomplete'}; generating again`,
      );
      return false;
    }
    const changed = changedMigrations(m.migrations);
    if (changed.length) {
      console.log(
        `  --reuse: migrations changed since ${BENCH_DB_NAME} was generated (${changed.join(', ')}); generating again`,
      );
      return false;
    }
    // New migrations (e.g. an index) are applied to the existing data.
    const database = await openDatabase({ databaseUrl: benchUrl(), poolSize: 1 });
    const r = await migrate(database.db);
    await database.close();
    await c.query('analyze');
    await c.query(`update bench_meta set value = $1 where key = 'meta'`, [
      JSON.stringify({ ...m, migrations: migrationHashes() }),
    ]);
    console.log(
      `  --reuse: ${BENCH_DB_NAME} already holds ${fmtInt(N)} meldingen (generated ${m.generatedAt} in ${m.seconds} s); migrations applied: ${r.applied.join(', ') || 'none'}`,
    );
    return true;
  } finally {
    await c.end();
  }
}

/** Batches rows into column arrays and inserts them with INSERT … SELECT FROM unnest(…). */
class Stager {
  private cols: Array<[string, string]>;
  private buf: unknown[][];
  private n = 0;
  private pending: Promise<void> = Promise.resolve();
  count = 0;
  constructor(
    private c: pg.Client,
    private table: string,
    cols: Array<[string, string]>,
    private chunk = 20_000,
  ) {
    this.cols = cols;
    this.buf = cols.map(() => []);
  }
  async create() {
    await this.c.query(`create temp table ${this.table} (${this.cols.map(([n, t]) => `${n} ${t}`).join(', ')})`);
  }
  async push(values: unknown[]) {
    for (let i = 0; i < this.cols.length; i++) this.buf[i]!.push(values[i] ?? null);
    this.n++;
    if (this.n >= this.chunk) await this.flush();
  }
  /** Sends the batch; the server inserts it while JS computes the next one (at most one in flight). */
  async flush() {
    await this.pending;
    if (!this.n) return;
    const names = this.cols.map(([n]) => n).join(', ');
    const arrays = this.cols.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
    this.pending = this.c
      .query(`insert into ${this.table} (${names}) select * from unnest(${arrays})`, this.buf)
      .then(() => undefined);
    this.count += this.n;
    this.n = 0;
    this.buf = this.cols.map(() => []);
  }
  async done() {
    await this.flush();
    await this.pending;
  }
}

// ---------------------------------------------------------------------------------------------

type HhType = 'gezin' | 'partners' | 'ouderen' | 'ouders_kind';

function weighted<T>(r: () => number, items: Array<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1]![0];
}

const expo = (r: () => number, mean: number) => -Math.log(1 - r()) * mean;

function yyyymmdd(epochS: number): string {
  const d = new Date(epochS * 1000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

async function generate(c: pg.Client, nowS: number) {
  const r = rng(SEED);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)]!;
  const startS = nowS - Math.round(YEARS * 365.25 * DAY);
  const spanS = nowS - startS;

  // ---- organisation facts from the seeded database
  const teams = new Map(
    (await c.query(`select id, naam from team`)).rows.map((t: any) => [t.naam as string, t.id as number]),
  );
  const gemeenteTeam = new Map(
    (await c.query(`select code, team_id from gemeente`)).rows.map((g: any) => [g.code as string, g.team_id as number]),
  );
  const bureaudienstTeam = teams.get('Bureaudienst')!;

  // ---- extra case workers: a real team has dozens of behandelaars, the demo set has three.
  const demo = (
    await c.query(`select organisatie_id, wachtwoord_hash from gebruiker where gebruikersnaam = 'backoffice'`)
  ).rows[0];
  const extra: Array<[string, string, string, number]> = [];
  const naamR = rng(SEED + 1);
  const medewerkerNaam = () => {
    const g: Groep = weighted(naamR, [
      ['nl', 6],
      ['ma', 1.5],
      ['tr', 1],
      ['sr', 1.5],
    ]);
    const v = naamR() < 0.75 ? VOORNAMEN[g].v : VOORNAMEN[g].m;
    const a = ACHTERNAMEN[g].head[Math.floor(naamR() * 60)]!;
    return [v[Math.floor(naamR() * v.length)], a.tussenvoegsel, a.achternaam].filter(Boolean).join(' ');
  };
  for (const [team, slug, rol, n] of [
    ['Team Amsterdam', 'ams', 'backoffice', 40],
    ['Team Amstelland', 'aml', 'backoffice', 10],
    ['Bureaudienst', 'bd', 'bureaudienst', 12],
  ] as const) {
    for (let i = 1; i <= n; i++)
      extra.push([`bench_${slug}_${String(i).padStart(2, '0')}`, medewerkerNaam(), rol, teams.get(team)!]);
  }
  await c.query(
    `insert into gebruiker (organisatie_id, gebruikersnaam, naam, wachtwoord_hash, rollen, team_id)
     select $1, u, n, $2, array[r], t from unnest($3::text[], $4::text[], $5::text[], $6::int[]) as x(u, n, r, t)`,
    [
      demo.organisatie_id,
      demo.wachtwoord_hash,
      extra.map((e) => e[0]),
      extra.map((e) => e[1]),
      extra.map((e) => e[2]),
      extra.map((e) => e[3]),
    ],
  );
  const users = (await c.query(`select id, rollen, team_id from gebruiker`)).rows as Array<{
    id: number;
    rollen: string[];
    team_id: number | null;
  }>;
  const workersOf = new Map<number, number[]>();
  for (const [, id] of teams) {
    const rol = id === bureaudienstTeam ? ['bureaudienst', 'crisisdienst'] : ['backoffice'];
    workersOf.set(
      id,
      users.filter((u) => u.team_id === id && u.rollen.some((x) => rol.includes(x))).map((u) => u.id),
    );
  }
  const registrars = users
    .filter((u) => u.rollen.includes('bureaudienst') || u.rollen.includes('crisisdienst'))
    .map((u) => u.id);
  const toetsers = users
    .filter((u) => u.rollen.includes('gedragswetenschapper') || u.rollen.includes('vertrouwensarts'))
    .map((u) => u.id);
  phase(`${extra.length} extra behandelaars (${[...workersOf].map(([t, w]) => `team ${t}: ${w.length}`).join(', ')})`);

  // ---- drop secondary indexes and foreign keys of the bulk tables; recreated after the load
  const fks = (
    await c.query(
      `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def from pg_constraint
                   where contype = 'f' and conrelid::regclass::text = any($1)`,
      [BULK_TABLES],
    )
  ).rows as Array<{ tbl: string; conname: string; def: string }>;
  const idx = (
    await c.query(
      `select indexname, indexdef from pg_indexes i where schemaname = 'public' and tablename = any($1)
                   and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`,
      [BULK_TABLES],
    )
  ).rows as Array<{ indexname: string; indexdef: string }>;
  for (const f of fks) await c.query(`alter table ${f.tbl} drop constraint ${f.conname}`);
  for (const i of idx) await c.query(`drop index ${i.indexname}`);
  phase(`dropped ${idx.length} secondary indexes and ${fks.length} foreign keys for the load`);

  // ---- staging tables
  const teksten = omschrijvingen(rng(SEED + 2));
  await c.query(`create temp table bench_tekst (id int primary key, tekst text not null)`);
  await c.query(`insert into bench_tekst select i, t from unnest($1::text[]) with ordinality as x(t, i)`, [teksten]);
  const sHh = new Stager(c, 'stg_huishouden', [
    ['id', 'int'],
    ['straat', 'text'],
    ['huisnummer', 'text'],
    ['toevoeging', 'text'],
    ['postcode', 'text'],
    ['woonplaats', 'text'],
    ['gemeente_code', 'text'],
    ['aangemaakt_op', 'float8'],
    ['team_id', 'int'],
  ]);
  const sP = new Stager(c, 'stg_persoon', [
    ['id', 'int'],
    ['huishouden_id', 'int'],
    ['bsn', 'text'],
    ['bsn_hash', 'text'],
    ['achternaam', 'text'],
    ['tussenvoegsel', 'text'],
    ['voornamen', 'text'],
    ['geboortedatum', 'text'],
    ['geslacht', 'text'],
    ['zoeknaam', 'text'],
    ['aangemaakt_op', 'float8'],
    ['hh_rol', 'text'],
    ['betr_rol', 'text'],
  ]);
  const sM = new Stager(c, 'stg_melding', [
    ['id', 'int'],
    ['casus_id', 'int'],
    ['team_id', 'int'],
    ['status', 'text'],
    ['ontvangen_op', 'float8'],
    ['geregistreerd_op', 'float8'],
    ['geregistreerd_door', 'int'],
    ['behandelaar_id', 'int'],
    ['binnenkomst', 'text'],
    ['hoedanigheid', 'text'],
    ['regio', 'text'],
    ['gemeente_code', 'text'],
    ['aanleiding', 'text'],
    ['aard', 'text'],
    ['tekst', 'int'],
    ['met_kinderen', 'bool'],
    ['beoordeeld_op', 'float8'],
    ['uitkomst', 'text'],
    ['acuut', 'bool'],
    ['structureel', 'bool'],
    ['getoetst_door', 'int'],
    ['tk_b', 'float8'],
    ['dienst_soort', 'text'],
    ['dienst_start', 'float8'],
    ['dienst_eind', 'float8'],
    ['onderzoek_uitkomst', 'text'],
    ['tk_o', 'float8'],
    ['overdracht_op', 'float8'],
    ['ontvanger_type', 'text'],
    ['ontvanger_naam', 'text'],
    ['reeds_bekend', 'bool'],
    ['warm', 'bool'],
    ['overdracht_moment', 'text'],
    ['afgesloten_op', 'float8'],
    ['afsluit_reden', 'text'],
    ['afsluit_moment', 'text'],
    ['informed_op', 'float8'],
    ['signalen', 'text'],
  ]);
  const sA = new Stager(c, 'stg_advies', [
    ['id', 'int'],
    ['ontvangen_op', 'float8'],
    ['geregistreerd_door', 'int'],
    ['team_id', 'int'],
    ['hoedanigheid', 'text'],
    ['aanleiding', 'text'],
    ['aard', 'text'],
    ['regio', 'text'],
    ['gemeente_code', 'text'],
    ['afgesloten_op', 'float8'],
    ['omgezet', 'int'],
    ['signalen', 'text'],
  ]);
  for (const s of [sHh, sP, sM, sA]) await s.create();

  // ---- casussen: start uniform over the years, a little less in the school holidays (INSTROOM);
  // 1–4 meldingen each (mean ≈ 1.3), hermeldingen weeks to months after the previous one; the last
  // casus is cut so there are exactly N.
  const casStart: number[] = [];
  const casTimes: number[][] = [];
  let total = 0;
  while (total < N) {
    const s = startS + r() * spanS;
    if (r() >= INSTROOM[tijdvak(s)]) continue;
    const u = r();
    const k = u < 0.78 ? 1 : u < 0.92 ? 2 : u < 0.97 ? 3 : 4;
    const times = [s];
    let t = s;
    for (let j = 1; j < k; j++) {
      t += DAY * (3 + expo(r, 110));
      if (t < nowS - 60) times.push(t);
    }
    if (total + times.length > N) times.length = N - total;
    casStart.push(s);
    casTimes.push(times);
    total += times.length;
  }
  const order = casStart.map((_, i) => i).sort((a, b) => casStart[a]! - casStart[b]!);
  const C = order.length;

  // ---- households and persons, one household per casus (casus id = household id), in time order
  const GROEPEN: Array<[Groep, number]> = [
    ['nl', 45],
    ['ma', 18],
    ['tr', 12],
    ['sr', 13],
    ['ov', 12],
  ];
  const achternaamPick = Object.fromEntries(
    Object.entries(ACHTERNAMEN).map(([g, b]) => [g, achternaamPicker(b)]),
  ) as Record<Groep, (r: () => number) => Achternaam>;
  const voornaamPick = Object.fromEntries(
    Object.entries(VOORNAMEN).map(([g, v]) => [
      g,
      {
        v: zipfPicker(v.v, 0.5),
        m: zipfPicker(v.m, 0.5),
        kindV: zipfPicker(v.kindV, 0.5),
        kindM: zipfPicker(v.kindM, 0.5),
      },
    ]),
  ) as Record<Groep, Record<'v' | 'm' | 'kindV' | 'kindM', (u: number) => string>>;
  const GEMEENTE_W: Array<[string, number]> = [
    ['GM0363', 80],
    ['GM0362', 7],
    ['GM0384', 2.3],
    ['GM0358', 2.3],
    ['GM0451', 2.2],
    ['GM0437', 1.1],
    ['andere', 3.5],
    ['onbekend', 1.5],
  ];

  const hhMet = new Uint8Array(C + 1);
  const hhType: HhType[] = new Array(C + 1);
  const hhTeam = new Int32Array(C + 1);
  const hhGemeente: Array<string | null> = new Array(C + 1);
  const hhRegio: string[] = new Array(C + 1);
  let persoonId = 0;
  let metBsn = 0;

  for (let idx = 0; idx < C; idx++) {
    const hid = idx + 1;
    const i = order[idx]!;
    const s = casStart[i]!;
    const g0 = weighted(r, GEMEENTE_W);
    const regio = g0 === 'andere' ? 'andere' : g0 === 'onbekend' ? 'onbekend' : 'eigen';
    const gemeente = regio === 'eigen' ? g0 : null;
    hhRegio[hid] = regio;
    hhGemeente[hid] = gemeente;
    hhTeam[hid] = gemeente ? gemeenteTeam.get(gemeente)! : bureaudienstTeam;
    // Address: street, number, sometimes an addition; 'onbekend' region mostly without address.
    let adres: [string | null, string | null, string | null, string | null, string | null] = [
      null,
      null,
      null,
      null,
      null,
    ];
    if (gemeente) {
      const st = STRATEN[gemeente]!;
      const pc = st.pc[0] + Math.floor(r() * (st.pc[1] - st.pc[0] + 1));
      adres = [
        pick(st.straten),
        String(1 + (Math.floor(expo(r, 60)) % 400)),
        r() < 0.25 ? pick(['A', 'B', 'C', 'H', '1', '2', '3', '-I', '-II']) : null,
        `${pc}${String.fromCharCode(65 + Math.floor(r() * 26))}${String.fromCharCode(65 + Math.floor(r() * 26))}`,
        st.woonplaats,
      ];
    } else if (regio === 'andere' || r() < 0.3) {
      const o = pick(ANDERE_REGIO);
      const pc = o.pc[0] + Math.floor(r() * (o.pc[1] - o.pc[0] + 1));
      adres = [
        pick(ANDERE_STRATEN),
        String(1 + Math.floor(r() * 150)),
        null,
        `${pc}${String.fromCharCode(65 + Math.floor(r() * 26))}${String.fromCharCode(65 + Math.floor(r() * 26))}`,
        o.woonplaats,
      ];
    }
    await sHh.push([hid, ...adres, gemeente, s, hhTeam[hid]]);

    // Composition: 74% with minor children (seed 002: 4,290 of 5,824 meldingen), 2–5 persons.
    const type: HhType =
      r() < 0.74
        ? 'gezin'
        : weighted<HhType>(r, [
            ['partners', 70],
            ['ouderen', 15],
            ['ouders_kind', 15],
          ]);
    hhType[hid] = type;
    hhMet[hid] = type === 'gezin' ? 1 : 0;
    const groep = weighted(r, GROEPEN);
    const otherGroep = () => (r() < 0.12 ? weighted(r, GROEPEN) : groep);
    const persoon = async (p: {
      groep: Groep;
      achternaam: Achternaam;
      sex: 'V' | 'M';
      age: number;
      kind?: boolean;
      hh: string;
      rol: string;
    }) => {
      persoonId++;
      const vp = voornaamPick[p.groep];
      let voornamen = p.kind ? (p.sex === 'V' ? vp.kindV(r()) : vp.kindM(r())) : p.sex === 'V' ? vp.v(r()) : vp.m(r());
      if (!p.kind && p.groep === 'nl' && r() < 0.25) {
        const second = p.sex === 'V' ? vp.v(r()) : vp.m(r());
        if (second !== voornamen) voornamen = `${voornamen} ${second}`;
      }
      const born = s - (p.age + r()) * 365.25 * DAY;
      let geb = yyyymmdd(born);
      if (!p.kind) {
        const u = r();
        if (u < 0.01) geb = `${geb.slice(0, 4)}0000`;
        else if (u < 0.03) geb = `${geb.slice(0, 6)}00`;
      }
      const bsn = r() < (p.kind ? 0.93 : 0.81) ? generateBsn(1_000_000 + persoonId) : null;
      if (bsn) metBsn++;
      const sex = r() < 0.002 ? 'O' : p.sex;
      const naam = { achternaam: p.achternaam.achternaam, tussenvoegsel: p.achternaam.tussenvoegsel, voornamen };
      // Stored as the application stores it (migration 009): encrypted, with a keyed hash for lookups.
      await sP.push([
        persoonId,
        hid,
        bsn && seal(bsn, 'persoon.bsn'),
        bsn && blindIndex(bsn, 'persoon.bsn'),
        naam.achternaam,
        naam.tussenvoegsel,
        voornamen,
        geb,
        sex,
        zoekNaam(naam),
        s,
        p.hh,
        p.rol,
      ]);
    };
    const an = (g: Groep) => achternaamPick[g](r);
    if (type === 'gezin') {
      const twee = r() < 0.65;
      const ma = 22 + Math.floor(r() * 26);
      const gm = groep;
      const gv = otherGroep();
      const vaderNaam = an(gv);
      const moederNaam = r() < 0.25 ? vaderNaam : an(gm);
      const kinderen = weighted(r, [
        [1, 42],
        [2, 35],
        [3, 23],
      ]);
      const kindNaam = twee || r() < 0.6 ? vaderNaam : moederNaam;
      const swap = r() < 0.15;
      // Single-parent households: the mother (85%) or the father.
      const moeder = twee || r() < 0.85;
      if (moeder)
        await persoon({
          groep: gm,
          achternaam: moederNaam,
          sex: 'V',
          age: ma,
          hh: 'ouder_verzorger',
          rol: swap ? 'pleger' : 'slachtoffer',
        });
      if (twee || !moeder)
        await persoon({
          groep: gv,
          achternaam: vaderNaam,
          sex: 'M',
          age: ma + Math.floor(r() * 10) - 2,
          hh: 'ouder_verzorger',
          rol: twee && swap ? 'slachtoffer' : 'pleger',
        });
      for (let k = 0; k < kinderen; k++) {
        const age = Math.floor(r() * Math.min(18, ma - 16));
        await persoon({
          groep: r() < 0.5 ? gv : gm,
          achternaam: kindNaam,
          sex: r() < 0.5 ? 'V' : 'M',
          age,
          kind: true,
          hh: 'kind',
          rol: 'kind',
        });
      }
    } else if (type === 'partners') {
      const aAge = 20 + Math.floor(r() * 50);
      await persoon({ groep, achternaam: an(groep), sex: 'V', age: aAge, hh: 'partner', rol: 'slachtoffer' });
      const g2 = otherGroep();
      await persoon({
        groep: g2,
        achternaam: an(g2),
        sex: r() < 0.95 ? 'M' : 'V',
        age: aAge + Math.floor(r() * 10) - 2,
        hh: 'partner',
        rol: 'pleger',
      });
    } else if (type === 'ouderen') {
      const oud = 65 + Math.floor(r() * 27);
      const naam = an(groep);
      await persoon({
        groep,
        achternaam: r() < 0.5 ? naam : an(groep),
        sex: r() < 0.65 ? 'V' : 'M',
        age: oud,
        hh: 'overig',
        rol: 'slachtoffer',
      });
      if (r() < 0.3) await persoon({ groep, achternaam: naam, sex: 'M', age: oud + 2, hh: 'partner', rol: 'overig' });
      await persoon({
        groep,
        achternaam: naam,
        sex: r() < 0.6 ? 'M' : 'V',
        age: oud - 25 - Math.floor(r() * 10),
        hh: 'overig',
        rol: 'pleger',
      });
    } else {
      const ouder = 40 + Math.floor(r() * 25);
      const naam = an(groep);
      await persoon({
        groep,
        achternaam: r() < 0.5 ? naam : an(groep),
        sex: 'V',
        age: ouder,
        hh: 'ouder_verzorger',
        rol: 'slachtoffer',
      });
      if (r() < 0.5)
        await persoon({ groep, achternaam: naam, sex: 'M', age: ouder + 3, hh: 'ouder_verzorger', rol: 'overig' });
      await persoon({
        groep,
        achternaam: naam,
        sex: r() < 0.8 ? 'M' : 'V',
        age: 18 + Math.floor(r() * 6),
        hh: 'kind',
        rol: 'pleger',
      });
    }
  }
  await sHh.done();
  await sP.done();
  phase(
    `${fmtInt(C)} households, ${fmtInt(persoonId)} persons (${Math.round((100 * metBsn) / persoonId)}% with BSN) computed and staged`,
  );

  // ---- meldingen in order of receipt, with their lifecycle
  const mCasus = new Int32Array(N);
  const mTime = new Float64Array(N);
  {
    let j = 0;
    for (let idx = 0; idx < C; idx++) {
      for (const t of casTimes[order[idx]!]!) {
        mCasus[j] = idx + 1;
        mTime[j] = t;
        j++;
      }
    }
  }
  const mOrder = Array.from({ length: N }, (_, i) => i).sort((a, b) => mTime[a]! - mTime[b]!);

  const HOED_MET: Array<[string, number]> = [
    ['politie', 74],
    ['ow_basis', 5],
    ['ow_voortgezet', 1.5],
    ['gz_huisarts', 2.5],
    ['gz_anders', 3],
    ['gz_ggz', 1],
    ['maatschappelijke_ondersteuning', 4],
    ['jeugdzorg_gi', 2],
    ['jeugdzorg_anders', 2],
    ['kinderopvang', 1],
    ['buurtbewoner', 1.5],
    ['familielid', 1.5],
    ['db_volwassene', 0.7],
    ['db_jeugdige', 0.3],
  ];
  const HOED_ZONDER: Array<[string, number]> = [
    ['politie', 92],
    ['gz_huisarts', 2],
    ['gz_ggz', 1.5],
    ['maatschappelijke_ondersteuning', 2],
    ['gz_geriater', 0.5],
    ['buurtbewoner', 1],
    ['familielid', 0.7],
    ['db_volwassene', 0.3],
  ];
  const hoedMix = Object.fromEntries(
    TIJDVAKKEN.map((v) => [v, { met: melderMix(HOED_MET, v), zonder: melderMix(HOED_ZONDER, v) }]),
  ) as Record<Tijdvak, { met: Array<[string, number]>; zonder: Array<[string, number]> }>;
  const signalen = (v: Tijdvak) =>
    SIGNAAL_KANS[v]
      .filter(([, p]) => r() < p)
      .map(([c]) => c)
      .join(',');
  const AANLEIDING: Record<HhType, Array<[string, number]>> = {
    gezin: [
      ['km_anders', 35],
      ['partnergeweld,km_anders', 30],
      ['km_vechtscheiding', 12],
      ['partnergeweld', 10],
      ['km_kindcheck,partnergeweld', 8],
      ['eergerelateerd', 2],
      ['huwelijksdwang', 1],
      ['hg_anders', 2],
    ],
    partners: [
      ['partnergeweld', 84],
      ['hg_anders', 10],
      ['eergerelateerd', 2],
      ['andere_problematiek', 4],
    ],
    ouderen: [
      ['ouderenmishandeling', 85],
      ['hg_anders', 10],
      ['andere_problematiek', 5],
    ],
    ouders_kind: [
      ['geweld_tegen_ouders', 80],
      ['hg_anders', 15],
      ['andere_problematiek', 5],
    ],
  };
  const AARD: Record<HhType, Array<[string, number]>> = {
    gezin: [
      ['getuige_van_geweld', 30],
      ['getuige_van_geweld,lichamelijke_mishandeling', 20],
      ['pedagogische_verwaarlozing', 12],
      ['lichamelijke_mishandeling', 10],
      ['affectieve_verwaarlozing,pedagogische_verwaarlozing', 10],
      ['psychisch_geweld', 8],
      ['lichamelijke_verwaarlozing', 5],
      ['seksueel_misbruik', 2],
      ['anders_onveilig', 3],
    ],
    partners: [
      ['lichamelijke_mishandeling', 40],
      ['lichamelijke_mishandeling,psychisch_geweld', 30],
      ['psychisch_geweld', 25],
      ['financiele_uitbuiting', 2],
      ['anders_onveilig', 3],
    ],
    ouderen: [
      ['financiele_uitbuiting', 35],
      ['lichamelijke_verwaarlozing', 25],
      ['psychisch_geweld', 20],
      ['lichamelijke_mishandeling', 15],
      ['anders_onveilig', 5],
    ],
    ouders_kind: [
      ['lichamelijke_mishandeling', 45],
      ['psychisch_geweld', 35],
      ['financiele_uitbuiting', 10],
      ['anders_onveilig', 10],
    ],
  };
  const UITKOMST: Array<[string, number]> = [
    ['structurele_onveiligheid', 40],
    ['eenmalige_onveilige_situatie', 15],
    ['andere_leefdomeinen', 18],
    ['geen_zorgen', 17],
    ['acute_onveiligheid', 10],
  ];
  // Seed 002: of the besluiten 40% casusregie (GI / lokaal team), > 20% other hulpverlening, 4 in 10
  // cliëntsysteem or no HG/KM; > 80% of the casusregie overdrachten directly after the beoordeling.
  const ONTVANGER: Array<[string, number]> = [
    ['lokaal_team', 58],
    ['gi', 14],
    ['vrouwenopvang', 3],
    ['ggz', 4],
    ['verslavingszorg', 2],
    ['huisarts', 2],
    ['jeugdhulp', 3],
    ['lopende_hulpverlening', 2],
    ['politie_om', 1],
    ['clientsysteem', 11],
  ];
  const ONTVANGER_NAAM: Record<string, string[]> = {
    lokaal_team: [
      'Ouder Kind Team Oost',
      'Ouder Kind Team Zuidoost',
      'Samen DOEN Nieuw-West',
      'Samen DOEN Noord',
      'Buurtteam Amstelveen',
      'Sociaal team Diemen',
      'Wijkteam Aalsmeer',
    ],
    gi: ['Jeugdbescherming Regio Amsterdam', 'William Schrikker Stichting', 'Leger des Heils Jeugdbescherming'],
    vrouwenopvang: ['Blijf Groep'],
    ggz: ['Arkin', 'GGZ inGeest'],
    verslavingszorg: ['Jellinek'],
    huisarts: ['Huisartsenpraktijk'],
    jeugdhulp: ['Levvel', 'Spirit', 'Altra'],
    lopende_hulpverlening: ['Lopende hulpverlening'],
    politie_om: ['Openbaar Ministerie'],
    clientsysteem: ['Cliëntsysteem'],
  };
  const REDEN_BEO: Array<[string, number]> = [
    ['geen_onveiligheid', 44],
    ['geen_hg_km', 20],
    ['hulp_al_aanwezig', 28],
    ['verhuisd_andere_regio', 4],
    ['vertrokken_onbekend', 2],
  ];
  const REDEN_DIENST: Array<[string, number]> = [
    ['hulp_al_aanwezig', 35],
    ['geen_onveiligheid', 55],
    ['anders', 10],
  ];
  const beoDelay = () => (r() < 0.375 ? 0.05 + r() * 6 : Math.min(120, 7 + expo(r, 22)));
  const cap = nowS - 60;
  const statusCount: Record<string, number> = {};

  for (let id = 1; id <= N; id++) {
    const j = mOrder[id - 1]!;
    const cid = mCasus[j]!;
    const t = mTime[j]!;
    const a = (nowS - t) / DAY; // age in days
    // Status by age: the latest meldingen are still in the process; monitoring after an
    // overdracht keeps a melding open for up to 1.5 years. About 97% of all are afgesloten.
    const pOnt = a < 21 ? Math.max(0, 0.95 - 0.045 * a) : 0;
    const pBeo = a >= 1 && a < 40 ? 0.08 : 0;
    const pVV = a >= 5 && a < 120 ? 0.1 : 0;
    const pOz = a >= 5 && a < 150 ? 0.045 : 0;
    const pOv = a >= 5 && a < 548 ? 0.14 : 0;
    const u = r();
    const status =
      u < pOnt
        ? 'ontvangen'
        : u < pOnt + pBeo
          ? 'beoordeeld'
          : u < pOnt + pBeo + pVV
            ? 'dienst_vv'
            : u < pOnt + pBeo + pVV + pOz
              ? 'dienst_onderzoek'
              : u < pOnt + pBeo + pVV + pOz + pOv
                ? 'overgedragen'
                : 'afgesloten';
    statusCount[status] = (statusCount[status] ?? 0) + 1;
    const open = status !== 'afgesloten';
    const team = hhTeam[cid]!;
    const type = hhType[cid]!;
    const met = hhMet[cid] === 1;
    const vak = tijdvak(t);
    const hoed = weighted(r, met ? hoedMix[vak].met : hoedMix[vak].zonder);
    const binnenkomst =
      hoed === 'politie'
        ? r() < 0.9
          ? 'politie_zorgmelding'
          : 'crisisdienst'
        : weighted(r, [
            ['telefoon', 60],
            ['beveiligd_formulier', 20],
            ['beveiligde_mail', 10],
            ['crisisdienst', 8],
            ['post', 2],
          ]);
    const geregistreerd = Math.min(t + (2 + r() * 58) * 60, nowS - 30);
    let behandelaar: number | null = pick(workersOf.get(team)!);

    // Lifecycle offsets in days from receipt; compressed into [t, now] when needed.
    let beo: number | null = null;
    let dStart: number | null = null;
    let dEind: number | null = null;
    let dSoort: string | null = null;
    let ov: number | null = null;
    let ovMoment: string | null = null;
    let af: number | null = null;
    let afMoment: string | null = null;
    let afReden: string | null = null;
    if (status === 'ontvangen') {
      if (!(a > 0.3 && r() < 0.4)) behandelaar = null;
    } else if (status === 'beoordeeld') {
      beo = Math.min(beoDelay(), a * (0.2 + 0.75 * r()));
    } else if (status === 'dienst_vv' || status === 'dienst_onderzoek') {
      beo = Math.min(beoDelay(), a * 0.5 * r());
      dStart = beo + Math.min(r() * 2, (a - beo) * r());
      dSoort = status === 'dienst_vv' ? 'voorwaarden_en_vervolg' : 'onderzoek';
    } else if (status === 'overgedragen') {
      beo = beoDelay();
      if (r() < 0.83) {
        ov = beo + r() * 3;
        ovMoment = 'na_beoordeling';
      } else {
        dSoort = r() < 0.7 ? 'voorwaarden_en_vervolg' : 'onderzoek';
        dStart = beo + r() * 2;
        ov = dEind = dStart + 25 + r() * 90;
        ovMoment = 'na_dienst';
      }
    } else {
      beo = beoDelay();
      const path = r();
      if (path < 0.36) {
        af = beo + r() * 5;
        afMoment = 'na_beoordeling';
        afReden = weighted(r, REDEN_BEO);
      } else if (path < 0.8) {
        ov = beo + r() * 3;
        ovMoment = 'na_beoordeling';
        af = ov + 60 + r() * 490;
        afMoment = 'na_monitoring';
        afReden = 'monitoring_afgerond';
      } else if (path < 0.91) {
        dSoort = r() < 0.65 ? 'voorwaarden_en_vervolg' : 'onderzoek';
        dStart = beo + r() * 2;
        dEind = af = dStart + (r() < 0.5 ? 20 + r() * 50 : 70 + expo(r, 30));
        afMoment = 'na_dienst';
        afReden = weighted(r, REDEN_DIENST);
      } else {
        dSoort = r() < 0.7 ? 'voorwaarden_en_vervolg' : 'onderzoek';
        dStart = beo + r() * 2;
        ov = dEind = dStart + 25 + r() * 90;
        ovMoment = 'na_dienst';
        af = ov + 60 + r() * 490;
        afMoment = 'na_monitoring';
        afReden = 'monitoring_afgerond';
      }
    }
    const last = Math.max(beo ?? 0, dStart ?? 0, dEind ?? 0, ov ?? 0, af ?? 0);
    if (last > a * 0.98) {
      const f = (a * 0.98) / last;
      beo = beo === null ? null : beo * f;
      dStart = dStart === null ? null : dStart * f;
      dEind = dEind === null ? null : dEind * f;
      ov = ov === null ? null : ov * f;
      af = af === null ? null : af * f;
    }
    const at = (off: number | null) => (off === null ? null : Math.min(t + off * DAY, cap));
    const uitkomst = beo !== null ? weighted(r, UITKOMST) : null;
    const acuut = uitkomst === 'acute_onveiligheid' || r() < 0.03;
    const structureel = uitkomst === 'structurele_onveiligheid' || (acuut && r() < 0.5);
    // Feedback to the (mostly professional) melder after the beoordeling.
    let tkB: number | null = null;
    // Open meldingen: done for most once the beoordeling is more than two weeks old.
    if (beo !== null && r() < (open ? (a - beo > 14 ? 0.92 : 0.6) : 0.85)) {
      const x = t + (beo + r() * 4) * DAY;
      tkB = x < cap ? x : open ? null : cap;
    }
    let onderzoek: string | null = null;
    let tkO: number | null = null;
    if (dSoort === 'onderzoek' && (!open || dEind !== null || r() < 0.3)) {
      const uk = weighted(r, [
        ['bevestigd', 45],
        ['niet_bevestigd', 35],
        ['weerlegd', 10],
        ['voortijdig_afgesloten', 10],
      ]);
      onderzoek = JSON.stringify(
        met
          ? [
              { type: 'kindermishandeling', uitkomst: uk },
              { type: 'huiselijk_geweld', uitkomst: r() < 0.5 ? uk : 'niet_bevestigd' },
            ]
          : [{ type: 'huiselijk_geweld', uitkomst: uk }],
      );
      if (dEind !== null && r() < 0.8) tkO = Math.min(t + (dEind + r() * 5) * DAY, cap);
    }
    const ontvanger = ov !== null ? weighted(r, ONTVANGER) : null;
    // Informing the persons (Wmo art. 5.3.1): done within weeks; open meldingen may still run.
    let informed: number | null = geregistreerd + (1 + expo(r, 12)) * DAY;
    if (!open) informed = Math.min(informed, at(af)!);
    else if (informed > cap || r() < (a < 28 ? 0.25 : 0.04)) informed = null;

    await sM.push([
      id,
      cid,
      team,
      status,
      t,
      geregistreerd,
      pick(registrars),
      behandelaar,
      binnenkomst,
      hoed,
      hhRegio[cid],
      hhGemeente[cid],
      weighted(r, AANLEIDING[type]),
      weighted(r, AARD[type]),
      1 + Math.floor(r() * teksten.length),
      met,
      at(beo),
      uitkomst,
      beo !== null ? acuut : null,
      beo !== null ? structureel : null,
      beo !== null ? pick(toetsers) : null,
      tkB,
      dSoort,
      at(dStart),
      at(dEind),
      onderzoek,
      tkO,
      at(ov),
      ontvanger,
      ontvanger ? pick(ONTVANGER_NAAM[ontvanger]!) : null,
      ov !== null ? r() < 0.43 : null,
      ov !== null ? r() < 0.35 : null,
      ovMoment,
      open ? null : at(af),
      afReden,
      afMoment,
      informed,
      signalen(vak),
    ]);
  }
  await sM.done();
  phase(
    `${fmtInt(N)} meldingen computed and staged (${Object.entries(statusCount)
      .map(([s, n]) => `${s} ${fmtInt(n)}`)
      .join(', ')})`,
  );

  // ---- adviesvragen: 1,609 per 5,824 meldingen (seed 002), mostly professionals and citizens
  // asking what to do; same seasonality, lockdown shift and signals as the meldingen. About 7% is
  // converted into a melding (omgezet_in_melding_id: a melding received days later).
  const A = Math.round((N * 1609) / 5824);
  const ADVIES_HOED: Array<[string, number]> = [
    ['ow_basis', 13],
    ['ow_voortgezet', 5],
    ['ow_anders', 1],
    ['kinderopvang', 4],
    ['gz_huisarts', 8],
    ['gz_anders', 6],
    ['gz_ggz', 4],
    ['maatschappelijke_ondersteuning', 14],
    ['jeugdzorg_anders', 6],
    ['jeugdzorg_gi', 2],
    ['politie', 2],
    ['buurtbewoner', 11],
    ['familielid', 13],
    ['sociaal_netwerk', 3],
    ['db_volwassene', 7],
    ['db_jeugdige', 1],
  ];
  const adviesMix = Object.fromEntries(TIJDVAKKEN.map((v) => [v, melderMix(ADVIES_HOED, v)])) as Record<
    Tijdvak,
    Array<[string, number]>
  >;
  const ADVIES_AANLEIDING: Array<[string, number]> = [
    ['km_anders', 40],
    ['partnergeweld', 22],
    ['partnergeweld,km_anders', 8],
    ['km_vechtscheiding', 8],
    ['ouderenmishandeling', 8],
    ['hg_anders', 8],
    ['eergerelateerd', 2],
    ['geweld_tegen_ouders', 2],
    ['andere_problematiek', 2],
  ];
  const ADVIES_AARD: Array<[string, number]> = [
    ['pedagogische_verwaarlozing', 25],
    ['psychisch_geweld', 20],
    ['getuige_van_geweld', 20],
    ['lichamelijke_mishandeling', 15],
    ['affectieve_verwaarlozing', 8],
    ['financiele_uitbuiting', 5],
    ['seksueel_misbruik', 3],
    ['anders_onveilig', 4],
  ];
  const aTimes = new Float64Array(A);
  for (let i = 0; i < A;) {
    const t = startS + r() * spanS;
    if (r() < INSTROOM[tijdvak(t)]) aTimes[i++] = t;
  }
  aTimes.sort();
  const mSorted = new Float64Array(N);
  for (let i = 0; i < N; i++) mSorted[i] = mTime[mOrder[i]!]!;
  /** Id of the first melding received at or after instant t (N + 1 when none). */
  const meldingNa = (t: number) => {
    let lo = 0;
    let hi = N;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mSorted[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  let omgezet = 0;
  for (let i = 0; i < A; i++) {
    const t = aTimes[i]!;
    const vak = tijdvak(t);
    const g0 = weighted(r, GEMEENTE_W);
    const regio = g0 === 'andere' ? 'andere' : g0 === 'onbekend' ? 'onbekend' : 'eigen';
    const gemeente = regio === 'eigen' ? g0 : null;
    const af = t + (0.01 + expo(r, 1.5)) * DAY;
    let melding: number | null = null;
    if (r() < 0.07) {
      const id = meldingNa(t + (1 + r() * 13) * DAY);
      if (id <= N) melding = id;
    }
    if (melding) omgezet++;
    await sA.push([
      i + 1,
      t,
      pick(registrars),
      gemeente ? gemeenteTeam.get(gemeente)! : bureaudienstTeam,
      weighted(r, adviesMix[vak]),
      weighted(r, ADVIES_AANLEIDING),
      weighted(r, ADVIES_AARD),
      regio,
      gemeente,
      af < nowS - 60 ? af : null,
      melding,
      signalen(vak),
    ]);
  }
  await sA.done();
  phase(`${fmtInt(A)} adviesvragen computed and staged (${fmtInt(omgezet)} converted into a melding)`);

  await c.query(`analyze stg_huishouden; analyze stg_persoon; analyze stg_melding; analyze stg_advies`);
  await c.query(`create index on stg_persoon (huishouden_id)`);

  // ---- production tables, set-based from the staging tables
  const q = async (label: string, text: string) => {
    const res = await c.query(text);
    phase(`${label}: ${fmtInt(res.rowCount ?? 0)} rows`);
  };
  await q(
    'huishouden',
    `
    insert into huishouden (id, straat, huisnummer, toevoeging, postcode, woonplaats, gemeente_code, aangemaakt_op)
    select id, straat, huisnummer, toevoeging, postcode, woonplaats, gemeente_code, to_timestamp(aangemaakt_op) from stg_huishouden order by id`,
  );
  await q(
    'persoon',
    `
    insert into persoon (id, bsn, bsn_hash, achternaam, tussenvoegsel, voornamen, geboortedatum, geslacht, zoeknaam, aangemaakt_op)
    select id, bsn, bsn_hash, achternaam, tussenvoegsel, voornamen, geboortedatum, geslacht, zoeknaam, to_timestamp(aangemaakt_op) from stg_persoon order by id`,
  );
  await q(
    'huishouden_lid',
    `
    insert into huishouden_lid (huishouden_id, persoon_id, rol, sinds)
    select huishouden_id, id, hh_rol, to_timestamp(aangemaakt_op) from stg_persoon order by huishouden_id, id`,
  );
  await q(
    'casus',
    `
    insert into casus (id, nummer, huishouden_id, team_id, status, versie, geopend_op, gesloten_op)
    select h.id, to_char(to_timestamp(h.aangemaakt_op) at time zone 'Europe/Amsterdam', 'YYYY') || '-' || lpad(h.id::text, greatest(6, length(h.id::text)), '0'),
           h.id, h.team_id, case when a.open > 0 then 'open' else 'gesloten' end, a.n * 5,
           to_timestamp(h.aangemaakt_op), case when a.open = 0 then to_timestamp(a.max_af) end
    from stg_huishouden h
    join (select casus_id, count(*) as n, count(*) filter (where status <> 'afgesloten') as open, max(afgesloten_op) as max_af
          from stg_melding group by casus_id) a on a.casus_id = h.id
    order by h.id`,
  );
  await q(
    'melding',
    `
    insert into melding (id, nummer, casus_id, team_id, behandelaar_id, status, ontvangen_op, geregistreerd_op, geregistreerd_door, binnenkomst,
                         melder_hoedanigheid, regio, gemeente_code, aanleiding, aard, omschrijving, met_kinderen, afgesloten_op, signalen)
    select m.id, 'ML' || lpad(m.id::text, greatest(7, length(m.id::text)), '0'), m.casus_id, m.team_id, m.behandelaar_id, m.status,
           to_timestamp(m.ontvangen_op), to_timestamp(m.geregistreerd_op), m.geregistreerd_door, m.binnenkomst, m.hoedanigheid, m.regio,
           m.gemeente_code, string_to_array(m.aanleiding, ','), string_to_array(m.aard, ','), t.tekst, m.met_kinderen, to_timestamp(m.afgesloten_op),
           coalesce(string_to_array(nullif(m.signalen, ''), ','), '{}')
    from stg_melding m join bench_tekst t on t.id = m.tekst
    order by m.id`,
  );
  // Melder identity is encrypted (migration 009): every distinct value is sealed once in JS (one
  // ciphertext per value, the same size as a real one) and joined in.
  const melderNamen = [
    'Meldkamer politie',
    'Wijkagent R. de Boer',
    'Agent S. Yıldız',
    'Agent M. Pinas',
    'Brigadier K. Jansen',
    'M. Verhoeven',
    'A. Bouali',
    'T. Kaya',
    'R. Sewnath',
    'J. de Wit',
    'onbekend',
    'J. Kuipers',
    'dr. L. Smit',
    'E. Mohan',
    'H. El Idrissi',
    'N. Bakker',
    'S. Öztürk',
  ];
  const melderOrgs = [
    ...['Oost', 'West', 'Noord', 'Zuid', 'Centrum', 'Zuidoost', 'Nieuw-West', 'Amstelland'].map(
      (b) => `Politie Amsterdam, basisteam ${b}`,
    ),
    'Basisschool De Regenboog',
    'Huisartsenpraktijk De Pijp',
    'Ouder Kind Team Oost',
  ];
  const waarden: Array<[string, string, string, string]> = [
    ...melderNamen.map((v): [string, string, string, string] => [
      'naam',
      v,
      seal(v, 'melder.naam')!,
      `{${nameWordIndexes(v).join(',')}}`,
    ]),
    ...melderOrgs.map((v): [string, string, string, string] => [
      'organisatie',
      v,
      seal(v, 'melder.organisatie')!,
      '{}',
    ]),
    ...Array.from({ length: 10_000 }, (_, i): [string, string, string, string] => {
      const v = `020 555 ${String(i).padStart(4, '0')}`;
      return ['telefoon', v, seal(v, 'melder.telefoon')!, '{}'];
    }),
  ];
  await c.query(
    `create temp table bench_waarde (veld text, plain text, enc text, zoek text[], primary key (veld, plain))`,
  );
  await c.query(
    `insert into bench_waarde select v, p, e, z::text[] from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as x(v, p, e, z)`,
    [0, 1, 2, 3].map((i) => waarden.map((w) => w[i])),
  );
  await q(
    'melder',
    `
    insert into melder (melding_id, naam, organisatie, functie, telefoon, email, wil_onbekend_blijven, naam_zoek)
    select x.id, n.enc, o.enc, null, t.enc, null, x.onbekend, coalesce(n.zoek, '{}')
    from (select id,
      case when hoedanigheid = 'politie' then (array['Meldkamer politie','Wijkagent R. de Boer','Agent S. Yıldız','Agent M. Pinas','Brigadier K. Jansen'])[1 + id % 5]
           when hoedanigheid in ('buurtbewoner','familielid','sociaal_netwerk','db_volwassene','db_jeugdige') then (array['M. Verhoeven','A. Bouali','T. Kaya','R. Sewnath','J. de Wit','onbekend'])[1 + id % 6]
           else (array['J. Kuipers','dr. L. Smit','E. Mohan','H. El Idrissi','N. Bakker','S. Öztürk'])[1 + id % 6] end as naam,
      case when hoedanigheid = 'politie' then 'Politie Amsterdam, basisteam ' || (array['Oost','West','Noord','Zuid','Centrum','Zuidoost','Nieuw-West','Amstelland'])[1 + id % 8]
           when hoedanigheid like 'ow\\_%' then 'Basisschool De Regenboog'
           when hoedanigheid like 'gz\\_%' then 'Huisartsenpraktijk De Pijp'
           when hoedanigheid in ('maatschappelijke_ondersteuning','jeugdzorg_gi','jeugdzorg_anders','kinderopvang') then 'Ouder Kind Team Oost' end as organisatie,
      '020 555 ' || lpad((id % 10000)::text, 4, '0') as telefoon,
      hoedanigheid in ('buurtbewoner','familielid','sociaal_netwerk') and id % 3 = 0 as onbekend
      from stg_melding) x
    left join bench_waarde n on n.veld = 'naam' and n.plain = x.naam
    left join bench_waarde o on o.veld = 'organisatie' and o.plain = x.organisatie
    left join bench_waarde t on t.veld = 'telefoon' and t.plain = x.telefoon
    order by x.id`,
  );
  await q(
    'melding_betrokkene',
    `
    insert into melding_betrokkene (melding_id, persoon_id, rol)
    select m.id, p.id, p.betr_rol from stg_melding m join stg_persoon p on p.huishouden_id = m.casus_id order by m.id, p.id`,
  );
  await q(
    'informering',
    `
    insert into informering (melding_id, persoon_id, verlengingen, geinformeerd_op, wijze, door)
    select m.id, p.id,
      case when m.informed_op is null and m.status <> 'afgesloten' and ${nowS} - m.geregistreerd_op > 26 * 86400 and (m.id + p.id) % 3 = 0
           then jsonb_build_array(jsonb_build_object('weken', 2, 'reden', 'Betrokkene verblijft tijdelijk in het buitenland; informeren zou de veiligheid van het kind in gevaar brengen',
                                                     'door', m.behandelaar_id, 'op', to_timestamp(m.geregistreerd_op + 26 * 86400)))
           else '[]'::jsonb end,
      case when m.informed_op is not null then to_timestamp(least(m.informed_op + (p.id % 7) * 3600, ${nowS - 60})) end,
      case when m.informed_op is not null then (array['telefonisch','brief','huisbezoek','gesprek op kantoor'])[1 + p.id % 4] end,
      case when m.informed_op is not null then coalesce(m.behandelaar_id, m.geregistreerd_door) end
    from stg_melding m join stg_persoon p on p.huishouden_id = m.casus_id order by m.id, p.id`,
  );
  await q(
    'veiligheidsbeoordeling',
    `
    insert into veiligheidsbeoordeling (melding_id, acute_onveiligheid, structurele_onveiligheid, uitkomst, motivering, bronnen, besloten_door, getoetst_door, vastgesteld_op)
    select id, acuut, structureel, uitkomst,
      (array['Op basis van de melding, eerdere registraties en een gesprek met moeder is er sprake van zorgen over de veiligheid van de kinderen.',
             'Eenmalig incident; beide partners nemen afstand en er is hulp gestart.',
             'Geen signalen van huiselijk geweld; wel schulden en huisvestingsproblemen.',
             'Structureel patroon van geweld, bevestigd door politie en school.',
             'Acute onveiligheid: kinderen tijdelijk bij oma ondergebracht in afwachting van een huisverbod.'])[1 + id % 5],
      (array['{eigen_registratie,politie,directbetrokkenen}','{eigen_registratie,school}','{politie}','{eigen_registratie,huisarts,directbetrokkenen}'])[1 + id % 4]::text[],
      behandelaar_id, getoetst_door, to_timestamp(beoordeeld_op)
    from stg_melding where beoordeeld_op is not null order by id`,
  );
  await q(
    'dienst',
    `
    insert into dienst (melding_id, soort, gestart_op, gestart_door, toelichting, veiligheidsvoorwaarden, onderzoek_uitkomsten, afgesloten_op)
    select id, dienst_soort, to_timestamp(dienst_start), behandelaar_id,
      case when dienst_soort = 'onderzoek' then 'Onderzoek naar vermoedens van kindermishandeling.' else 'Veiligheidsvoorwaarden afspreken en hulp organiseren.' end,
      case when dienst_soort = 'voorwaarden_en_vervolg' and id % 10 < 7
           then jsonb_build_array(
                  jsonb_build_object('tekst', 'Er wordt niet geslagen of gedreigd in het bijzijn van de kinderen', 'op', to_timestamp(least(dienst_start + 86400, ${nowS - 60})), 'door', behandelaar_id),
                  jsonb_build_object('tekst', 'Vader volgt een agressieregulatietraining', 'op', to_timestamp(least(dienst_start + 86400, ${nowS - 60})), 'door', behandelaar_id))
           else '[]'::jsonb end,
      onderzoek_uitkomst::jsonb, to_timestamp(dienst_eind)
    from stg_melding where dienst_soort is not null order by id`,
  );
  await q(
    'overdracht',
    `
    insert into overdracht (melding_id, ontvanger_type, ontvanger_naam, reeds_bekend, warm, moment, overgedragen_op, door, monitoring_afspraken)
    select id, ontvanger_type, ontvanger_naam, reeds_bekend, warm, overdracht_moment, to_timestamp(overdracht_op), behandelaar_id,
           'Monitoring na 3 en 6 maanden: is de hulp gestart en is het veilig?'
    from stg_melding where overdracht_op is not null order by id`,
  );
  await q(
    'afsluiting',
    `
    insert into afsluiting (melding_id, reden, toelichting, moment, afgesloten_op, door)
    select id, afsluit_reden, null, afsluit_moment, to_timestamp(afgesloten_op), behandelaar_id
    from stg_melding where status = 'afgesloten' order by id`,
  );
  await q(
    'terugkoppeling',
    `
    insert into terugkoppeling (melding_id, moment, inhoud, gedaan_op, door)
    select id, 'na_beoordeling', 'Melder geïnformeerd over het besluit en de vervolgstappen.', to_timestamp(tk_b), behandelaar_id from stg_melding where tk_b is not null
    union all
    select id, 'na_onderzoek', 'Melder geïnformeerd over de uitkomst van het onderzoek.', to_timestamp(tk_o), behandelaar_id from stg_melding where tk_o is not null
    order by 1, 2`,
  );

  await q(
    'adviesvraag',
    `
    insert into adviesvraag (id, nummer, ontvangen_op, geregistreerd_door, team_id, hoedanigheid, aanleiding, aard, regio, gemeente_code, vraag, advies,
                             afgesloten_op, omgezet_in_melding_id, signalen)
    select id, 'AD' || lpad(id::text, greatest(7, length(id::text)), '0'), to_timestamp(ontvangen_op), geregistreerd_door, team_id, hoedanigheid,
      string_to_array(aanleiding, ','), string_to_array(aard, ','), regio, gemeente_code,
      (array['Leerkracht maakt zich zorgen over blauwe plekken bij een leerling; wat kan ik doen?',
             'Buurvrouw hoort regelmatig geschreeuw en gehuil bij de buren.',
             'Cliënt vertelt over spanningen thuis sinds het verlies van werk.',
             'Dochter vraagt advies over de zorg voor haar moeder, die geld kwijtraakt aan haar zoon.'])[1 + id % 4],
      (array['Gesprek met de ouders voeren volgens de stappen van de meldcode; bij twijfel opnieuw contact.',
             'Advies: bij acuut gevaar 112 bellen; anders een melding overwegen.',
             'Afwegingskader doorlopen; hulp via het lokale team aangeboden.',
             'Advies gegeven; adviesvrager neemt zelf contact op met de huisarts.'])[1 + id % 4],
      to_timestamp(afgesloten_op), omgezet, coalesce(string_to_array(nullif(signalen, ''), ','), '{}')
    from stg_advies order by id`,
  );
  await q(
    'melding.adviesvraag_id of converted adviesvragen',
    `
    update melding m set adviesvraag_id = a.id
    from (select distinct on (omgezet) omgezet, id from stg_advies where omgezet is not null order by omgezet, id) a where a.omgezet = m.id`,
  );

  // Sequences follow the explicit ids, so the application can go on registering in this database.
  for (const t of [
    'huishouden',
    'persoon',
    'casus',
    'melding',
    'dienst',
    'overdracht',
    'terugkoppeling',
    'gebruiker',
    'adviesvraag',
  ]) {
    await c.query(
      `select setval(pg_get_serial_sequence('${t}', 'id'), greatest(1, (select coalesce(max(id), 0) from ${t})))`,
    );
  }
  await c.query(`select setval('casus_nummer_seq', ${C})`);
  await c.query(`select setval('melding_nummer_seq', ${N})`);
  await c.query(`select setval('adviesvraag_nummer_seq', ${A})`);

  // ---- indexes and foreign keys back (this validates the data against them)
  for (const i of idx) {
    await c.query(i.indexdef);
    phase(`index ${i.indexname}`);
  }
  for (const f of fks) await c.query(`alter table ${f.tbl} add constraint ${f.conname} ${f.def}`);
  phase(`${fks.length} foreign keys validated and restored`);
  await c.query(`drop table stg_huishouden, stg_persoon, stg_melding, stg_advies, bench_tekst, bench_waarde`);
  await c.query(`vacuum (analyze)`);
  phase('vacuum analyze');

  const seconds = Math.round((performance.now() - started) / 100) / 10;
  await c.query(`create table bench_meta (key text primary key, value text not null)`);
  await c.query(`insert into bench_meta values ('meta', $1)`, [
    JSON.stringify({
      meldingen: N,
      adviesvragen: A,
      years: YEARS,
      lockdowns: LOCKDOWNS,
      casussen: C,
      personen: persoonId,
      seed: SEED,
      generatorVersion: GENERATOR_VERSION,
      generatedAt: new Date(nowS * 1000).toISOString(),
      seconds,
      migration: LATEST_MIGRATION,
      migrations: migrationHashes(),
    }),
  ]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
