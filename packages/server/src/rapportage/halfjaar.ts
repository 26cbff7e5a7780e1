// The half-year report (seed 002): every figure for a period, for the region or one gemeente.
// Definitions: docs/statistics.md — each figure there names the date that counts and the rule.
//
// How: a handful of aggregate queries, each grouped by the dimensions the figures need (never one
// row per person), then the reporting groups and the werkdagen are applied in JS over the grouped
// rows. Doorlooptijden are grouped by (day of receipt, day of beoordeling), so the werkdagen come
// from the domain calendar itself (the werkdagenTussen that doorlooptijdWerkdagen uses, with the
// configured equated days), once per distinct pair of days; a test checks each beoordeling
// against doorlooptijdWerkdagen on the raw instants.
import {
  addDays,
  dienstTermijnEinde,
  type BeoordelingDoorlooptijd,
  type DienstDoorlooptijd,
  type Doorlooptijd,
  type GemeenteRij,
  type HalfjaarRapport,
  type KindGroep,
  type LocalDate,
  type MelderVerdeling,
  type Telling,
  type Verdeling,
  type WerkdagKalender,
} from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { HttpError } from '../http/errors.ts';
import { kalender } from '../referentie/service.ts';
import {
  AFHANDEL_GROEPEN,
  afhandelGroep,
  BURGER_GROEPEN,
  label,
  lijsten,
  MELDER_GROEPEN,
  melderGroep,
  SECTOREN,
  TYPE_GROEPEN,
  typeGroepen,
} from './codes.ts';
import { Onderdrukker, type Cel } from './onderdrukking.ts';
import { instantRange, maandenIn, type Periode } from './periode.ts';

export const BEOORDELING_TERMIJN_WERKDAGEN = 5;
export const DIENST_TERMIJN_WEKEN = 10;
const TZ = sql.raw(`'Europe/Amsterdam'`);

/** x rounded half up to one decimal, for a value that is not an exact fraction of counts (monitoring bands). */
export const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * teller ÷ noemer rounded half up to one decimal, exactly: computed on integers (no floating-point
 * division before rounding, so 2,674 / 280 = 9.55 gives 9.6 and 189 / 140 = 1.35 gives 1.4). For
 * non-negative integer counts and a positive integer noemer; every average, percentage and rate of
 * the reports goes through here. The result is the nearest double to the decimal (e.g. 9.6).
 */
export function breuk1(teller: number, noemer: number): number {
  if (!Number.isSafeInteger(teller) || !Number.isSafeInteger(noemer) || teller < 0 || noemer <= 0)
    throw new RangeError(`breuk1: ${teller} / ${noemer} is geen breuk van tellingen`);
  // round(10·t/n) half up = floor((20·t + n) / (2·n)), in BigInt so that no product can lose digits.
  const tienden = (20n * BigInt(teller) + BigInt(noemer)) / (2n * BigInt(noemer));
  return Number(tienden) / 10;
}

/**
 * One report query in its own transaction (the queries still run side by side on their own
 * connections) without JIT compilation and without parallel workers: the report already runs its
 * queries concurrently, and at national scale plan costs cross `jit_above_cost`, where compiling
 * costs more than the small aggregates take (bench/README.md, "Report benchmark").
 */
export async function rapportQuery<T>(db: Db, s: ReturnType<typeof sql>): Promise<T[]> {
  return db.transaction().execute(async (tx) => {
    await sql`set local jit = off`.execute(tx);
    await sql`set local max_parallel_workers_per_gather = 0`.execute(tx);
    return (await s.execute(tx)).rows as T[];
  });
}

/**
 * werkdagen(o, b) = the number of werkdagen w with o < w <= b in calendar k — the definition of
 * k.werkdagenTussen(o, b) — by a prefix sum over the days from the earliest to the latest day
 * given, built with k.isWerkdag (one call per day instead of one werkdagenTussen per pair).
 */
export function werkdagTeller(k: WerkdagKalender, dagen: LocalDate[]): (o: LocalDate, b: LocalDate) => number {
  if (!dagen.length) return (o, b) => k.werkdagenTussen(o, b);
  let min = dagen[0]!;
  let max = dagen[0]!;
  for (const d of dagen) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const cum = new Map<LocalDate, number>([[min, 0]]);
  for (let d = min, n = 0; d < max;) {
    d = addDays(d, 1);
    if (k.isWerkdag(d)) n++;
    cum.set(d, n);
  }
  return (o, b) => {
    const co = cum.get(o);
    const cb = cum.get(b);
    if (co === undefined || cb === undefined) return k.werkdagenTussen(o, b);
    return Math.max(0, cb - co);
  };
}

/** Day number of a valid 'YYYY-MM-DD' (days since 1970-01-01), without validation: for dates from SQL. */
const dagNr = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

export const pct = (a: number, n: number) => (n > 0 ? breuk1(100 * a, n) : null);

/** Sums of one doorlooptijd figure: `n` items, `som` of their durations, `binnen` of them within the term. */
export interface DoorlooptijdSom {
  n: number;
  som: number;
  binnen: number;
}

/** Werkdagen to the beoordeling: average = som ÷ n werkdagen, rounded half up exactly. */
export const beoordelingDoorlooptijd = (a: DoorlooptijdSom): BeoordelingDoorlooptijd => ({
  n: a.n,
  gemiddeldWerkdagen: a.n ? breuk1(a.som, a.n) : null,
  binnenTermijn: a.binnen,
  buitenTermijn: a.n - a.binnen,
  percentageBinnenTermijn: pct(a.binnen, a.n),
});

/** Diensten: `som` in calendar days; average weeks = som ÷ (7 × n), rounded half up exactly (one division). */
export const dienstDoorlooptijd = (a: DoorlooptijdSom): DienstDoorlooptijd => ({
  n: a.n,
  gemiddeldWeken: a.n ? breuk1(a.som, 7 * a.n) : null,
  binnenTermijn: a.binnen,
  buitenTermijn: a.n - a.binnen,
  percentageBinnenTermijn: pct(a.binnen, a.n),
});

function verdeling(
  n: number,
  items: ReadonlyArray<{ code: string; label: string }>,
  tel: Map<string, number>,
): Verdeling {
  return {
    n,
    items: items.map((i) => ({
      code: i.code,
      label: i.label,
      aantal: tel.get(i.code) ?? 0,
      percentage: pct(tel.get(i.code) ?? 0, n),
    })),
  };
}

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

const KINDEREN: KindGroep[] = ['totaal', 'metKinderen', 'zonderKinderen'];
const kindKeys = (metKinderen: boolean): KindGroep[] => ['totaal', metKinderen ? 'metKinderen' : 'zonderKinderen'];

/**
 * The half-year report. `vandaag` (Amsterdam day) cuts a running period: months after the current
 * one have no figures yet, so they are left out of every per-month series and named in
 * `periode.lopend.nogNiet` (never reported as 0).
 */
export async function halfjaarRapport(
  db: Db,
  p: Periode,
  opts: { gemeente?: string | null; drempel: number; vandaag?: LocalDate },
): Promise<HalfjaarRapport> {
  const l = await lijsten(db);
  const k = await kalender(db);
  const { start, end } = instantRange(p.van, p.tot);
  const gemeenten = (
    await sql<{ code: string; naam: string }>`select code, naam from gemeente order by naam`.execute(db)
  ).rows;
  let gemeente: { code: string; naam: string } | null = null;
  if (opts.gemeente) {
    gemeente = gemeenten.find((g) => g.code === opts.gemeente) ?? null;
    if (!gemeente)
      throw new HttpError(400, 'validatie', `Gemeente ${opts.gemeente} hoort niet bij deze Veilig Thuis-regio`, {
        fields: [{ field: 'query.gemeente', rule: 'bestaat', message: `Onbekende gemeente ${opts.gemeente}` }],
      });
  }
  const gm = gemeente ? sql`and m.gemeente_code = ${gemeente.code}` : sql``;
  const gmA = gemeente ? sql`and a.gemeente_code = ${gemeente.code}` : sql``;
  const jaar = Number(p.van.slice(0, 4));
  const q = <T>(s: ReturnType<typeof sql>) => rapportQuery<T>(db, s);

  // Each aggregate is a plain GROUP BY over an index-only range scan (melding_rapportage, the
  // covering indexes on the event dates): few groups, hashed in memory. (Grouping sets were tried:
  // PostgreSQL sorts for them, which spills to disk at national scale.) Events reach their melding
  // through melding_feiten (index-only lookups), and only where a melding column is needed.
  const dagM = sql.raw(`(m.ontvangen_op at time zone 'Europe/Amsterdam')::date`);
  const dagB = sql.raw(`(vb.vastgesteld_op at time zone 'Europe/Amsterdam')::date`);
  const joinM = (col: string) =>
    gemeente ? sql`join melding m on m.id = ${sql.raw(col)} and m.gemeente_code = ${gemeente.code}` : sql``;
  const inPeriode = sql`m.ontvangen_op >= ${start} and m.ontvangen_op < ${end} ${gm}`;
  // The period's meldingen are read once (materialized) and grouped three ways: instroom (k = 'i'),
  // aanleiding ('a') and melder ('h'). Likewise the beoordelingen with their melding, once, for the
  // outcomes ('u') and the doorlooptijd ('d'). At national scale the recent pages of melding are
  // mostly not all-visible (open meldingen change every day), so every index entry read costs a
  // heap visit: reading them once instead of three / two times is most of the report's time.
  const [meldingRijen, advies, beoordelingRijen, diensten, afhandelingRijen, tellingen] = await Promise.all([
    q<{
      k: 'i' | 'a' | 'h';
      gemeente_code: string | null;
      regio: string;
      met_kinderen: boolean;
      dag: string;
      aanleiding: string[];
      hoedanigheid: string;
      n: number;
    }>(sql`
      with p as materialized (
        select m.gemeente_code, m.regio, m.met_kinderen, ${dagM} as dag, m.aanleiding, m.melder_hoedanigheid from melding m where ${inPeriode})
      select 'i' as k, gemeente_code, regio, met_kinderen, dag, null::text[] as aanleiding, null::text as hoedanigheid, count(*)::int as n from p group by 2, 3, 4, 5
      union all
      select 'a', null, null, met_kinderen, null, aanleiding, null, count(*)::int from p group by 4, 6
      union all
      select 'h', null, null, met_kinderen, null, null, melder_hoedanigheid, count(*)::int from p group by 4, 7`),
    q<{ gemeente_code: string | null; regio: string; omgezet: boolean; maand: string; n: number }>(sql`
      select a.gemeente_code, a.regio, a.omgezet_in_melding_id is not null as omgezet, to_char(a.ontvangen_op at time zone ${TZ}, 'YYYY-MM') as maand, count(*)::int as n
      from adviesvraag a where a.ontvangen_op >= ${start} and a.ontvangen_op < ${end} ${gmA}
      group by 1, 2, 3, 4`),
    q<{ k: 'u' | 'd'; met_kinderen: boolean; uitkomst: string; o: string; b: string; n: number }>(sql`
      with beo as materialized (
        select m.met_kinderen, vb.uitkomst, ${dagM} as o, ${dagB} as b
        from veiligheidsbeoordeling vb join melding m on m.id = vb.melding_id
        where vb.vastgesteld_op >= ${start} and vb.vastgesteld_op < ${end} ${gm})
      select 'u' as k, met_kinderen, uitkomst, null::date as o, null::date as b, count(*)::int as n from beo group by 2, 3
      union all
      select 'd', null, null, o, b, count(*)::int from beo group by 4, 5`),
    // The beoordeling of each dienst by primary key (lateral, fenced by offset 0): as a plain join
    // the planner hashes the whole veiligheidsbeoordeling table (a sequential scan of the history).
    q<{ soort: string; b: string; a: string; n: number }>(sql`
      select d.soort, vb.b, (d.afgesloten_op at time zone ${TZ})::date as a, count(*)::int as n
      from dienst d ${joinM('d.melding_id')}
      cross join lateral (select ${dagB} as b from veiligheidsbeoordeling vb where vb.melding_id = d.melding_id offset 0) vb
      where d.afgesloten_op >= ${start} and d.afgesloten_op < ${end}
      group by 1, 2, 3`),
    q<{
      soort: 'overdracht' | 'afsluiting' | null;
      code: string;
      moment: string;
      reeds_bekend: boolean | null;
      n: number;
      casussen: number | null;
    }>(sql`
      with besluit as (
        select 'overdracht' as soort, o.ontvanger_type as code, o.moment, o.reeds_bekend, m.casus_id
        from overdracht o join melding m on m.id = o.melding_id
        where o.overgedragen_op >= ${start} and o.overgedragen_op < ${end} ${gm}
        union all
        select 'afsluiting', a.reden, a.moment, null, m.casus_id
        from afsluiting a join melding m on m.id = a.melding_id
        where a.afgesloten_op >= ${start} and a.afgesloten_op < ${end} and a.moment <> 'na_monitoring' ${gm})
      select soort, code, moment, reeds_bekend, count(*)::int as n, null::int as casussen from besluit group by 1, 2, 3, 4
      union all
      select null, null, null, null, 0, count(distinct casus_id)::int from besluit`),
    q<{ gemeente_code: string; jaar: number; totaal: number; met_kinderen: number; zonder_kinderen: number }>(sql`
      select distinct on (gemeente_code) gemeente_code, jaar, totaal, met_kinderen, zonder_kinderen
      from huishoudens_telling where jaar <= ${jaar} order by gemeente_code, jaar desc`),
  ]);
  const instroom = meldingRijen.filter((r) => r.k === 'i').map((r) => ({ ...r, maand: r.dag.slice(0, 7) }));
  const aanleiding = meldingRijen.filter((r) => r.k === 'a');
  const melders = meldingRijen.filter((r) => r.k === 'h');
  const beoordelingen = beoordelingRijen.filter((r) => r.k === 'u');
  const doorloop = beoordelingRijen.filter((r) => r.k === 'd');
  const afhandeling = afhandelingRijen.filter((r) => r.soort !== null) as Array<{
    soort: 'overdracht' | 'afsluiting';
    code: string;
    moment: string;
    reeds_bekend: boolean | null;
    n: number;
  }>;
  const casussen = afhandelingRijen.filter((r) => r.soort === null).map((r) => ({ n: r.casussen ?? 0 }));

  const alleMaanden = maandenIn(p.van, p.tot);
  const lopend = opts.vandaag !== undefined && p.tot > opts.vandaag;
  const maanden = lopend ? (opts.vandaag! < p.van ? [] : maandenIn(p.van, opts.vandaag!)) : alleMaanden;

  // ---- instroom
  const mTot = {
    totaal: 0,
    metKinderen: 0,
    zonderKinderen: 0,
    eigenRegio: 0,
    andereRegio: 0,
    regioOnbekend: 0,
    eigenRegioGemeenteOnbekend: 0,
  };
  const perMaand = new Map(maanden.map((m) => [m, { maand: m, totaal: 0, metKinderen: 0, zonderKinderen: 0 }]));
  const perGm = new Map<
    string,
    { meldingen: number; metKinderen: number; zonderKinderen: number; adviesvragen: number }
  >();
  const gmRow = (c: string) =>
    perGm.get(c) ?? perGm.set(c, { meldingen: 0, metKinderen: 0, zonderKinderen: 0, adviesvragen: 0 }).get(c)!;
  const bekend = new Set(gemeenten.map((g) => g.code));
  for (const r of instroom) {
    mTot.totaal += r.n;
    mTot[r.met_kinderen ? 'metKinderen' : 'zonderKinderen'] += r.n;
    const pm = perMaand.get(r.maand);
    if (pm) {
      pm.totaal += r.n;
      pm[r.met_kinderen ? 'metKinderen' : 'zonderKinderen'] += r.n;
    }
    if (r.regio === 'andere') mTot.andereRegio += r.n;
    else if (r.regio === 'onbekend') mTot.regioOnbekend += r.n;
    else {
      mTot.eigenRegio += r.n;
      if (r.gemeente_code && bekend.has(r.gemeente_code)) {
        const g = gmRow(r.gemeente_code);
        g.meldingen += r.n;
        g[r.met_kinderen ? 'metKinderen' : 'zonderKinderen'] += r.n;
      } else mTot.eigenRegioGemeenteOnbekend += r.n;
    }
  }
  const aTot = { totaal: 0, eigenRegio: 0, andereRegio: 0, regioOnbekend: 0, omgezetInMelding: 0 };
  const aPerMaand = new Map(maanden.map((m) => [m, { maand: m, totaal: 0 }]));
  for (const r of advies) {
    aTot.totaal += r.n;
    if (r.omgezet) aTot.omgezetInMelding += r.n;
    const pm = aPerMaand.get(r.maand);
    if (pm) pm.totaal += r.n;
    if (r.regio === 'andere') aTot.andereRegio += r.n;
    else if (r.regio === 'onbekend') aTot.regioOnbekend += r.n;
    else {
      aTot.eigenRegio += r.n;
      if (r.gemeente_code && bekend.has(r.gemeente_code)) gmRow(r.gemeente_code).adviesvragen += r.n;
    }
  }

  // ---- per gemeente and per 1,000 households
  const telling = new Map(tellingen.map((t) => [t.gemeente_code, t]));
  const per1000 = (n: number, hh: number) => (hh > 0 ? breuk1(1000 * n, hh) : null);
  const regio = {
    m: 0,
    met: 0,
    zonder: 0,
    hh: 0,
    hhMet: 0,
    hhZonder: 0,
    jaren: new Set<number>(),
    zonder_telling: [] as string[],
  };
  const perGemeente: GemeenteRij[] = (gemeente ? [gemeente] : gemeenten).map((g) => {
    const c = perGm.get(g.code) ?? { meldingen: 0, metKinderen: 0, zonderKinderen: 0, adviesvragen: 0 };
    const t = telling.get(g.code);
    if (t) {
      regio.m += c.meldingen;
      regio.met += c.metKinderen;
      regio.zonder += c.zonderKinderen;
      regio.hh += t.totaal;
      regio.hhMet += t.met_kinderen;
      regio.hhZonder += t.zonder_kinderen;
      regio.jaren.add(t.jaar);
    } else regio.zonder_telling.push(g.code);
    return {
      code: g.code,
      naam: g.naam,
      ...c,
      huishoudens: t
        ? { jaar: t.jaar, totaal: t.totaal, metKinderen: t.met_kinderen, zonderKinderen: t.zonder_kinderen }
        : null,
      per1000: t
        ? {
            totaal: per1000(c.meldingen, t.totaal),
            metKinderen: per1000(c.metKinderen, t.met_kinderen),
            zonderKinderen: per1000(c.zonderKinderen, t.zonder_kinderen),
          }
        : null,
    };
  });

  // ---- type geweld and melders, per group with / without children
  const typeTel: Record<KindGroep, Map<string, number>> = {
    totaal: new Map(),
    metKinderen: new Map(),
    zonderKinderen: new Map(),
  };
  for (const r of aanleiding)
    for (const g of typeGroepen(l, r.aanleiding)) for (const kk of kindKeys(r.met_kinderen)) add(typeTel[kk], g, r.n);
  const mel: Record<
    KindGroep,
    { n: number; groep: Map<string, number>; sector: Map<string, number>; burger: Map<string, number> }
  > = {
    totaal: { n: 0, groep: new Map(), sector: new Map(), burger: new Map() },
    metKinderen: { n: 0, groep: new Map(), sector: new Map(), burger: new Map() },
    zonderKinderen: { n: 0, groep: new Map(), sector: new Map(), burger: new Map() },
  };
  for (const r of melders) {
    const { groep, subgroep } = melderGroep(l, r.hoedanigheid);
    for (const kk of kindKeys(r.met_kinderen)) {
      const x = mel[kk];
      x.n += r.n;
      add(x.groep, groep, r.n);
      if (groep === 'professional') add(x.sector, SECTOREN.some((s) => s.code === subgroep) ? subgroep : 'anders', r.n);
      if (groep === 'burger') add(x.burger, BURGER_GROEPEN.some((s) => s.code === subgroep) ? subgroep : 'anders', r.n);
    }
  }
  const nKind = (kk: KindGroep) => (kk === 'totaal' ? mTot.totaal : mTot[kk]);
  const melderVerdeling = (kk: KindGroep): MelderVerdeling => {
    const x = mel[kk];
    return {
      n: x.n,
      groepen: verdeling(x.n, MELDER_GROEPEN, x.groep).items,
      professionals: verdeling(x.n, SECTOREN, x.sector).items,
      burgers: verdeling(x.n, BURGER_GROEPEN, x.burger).items,
    };
  };

  // ---- veiligheidsbeoordeling: outcomes and werkdagen
  const uitkomsten = [...(l.get('beoordeling_uitkomst')?.values() ?? [])].map((i) => ({
    code: i.code,
    label: i.label,
  }));
  const uitTel: Record<KindGroep, { n: number; m: Map<string, number> }> = {
    totaal: { n: 0, m: new Map() },
    metKinderen: { n: 0, m: new Map() },
    zonderKinderen: { n: 0, m: new Map() },
  };
  const acc = () => ({ n: 0, som: 0, binnen: 0 });
  const dlt = acc();
  const dltMaand = new Map(maanden.map((m) => [m, acc()]));
  const wdVerdeling = new Map<number, number>();
  for (const r of beoordelingen) {
    for (const kk of kindKeys(r.met_kinderen)) {
      uitTel[kk].n += r.n;
      add(uitTel[kk].m, r.uitkomst, r.n);
    }
  }
  const werkdagen = werkdagTeller(
    k,
    doorloop.flatMap((r) => [r.o, r.b]),
  );
  for (const r of doorloop) {
    // = doorlooptijdWerkdagen(k, receivedAt, beoordeeldAt): werkdagen after the Amsterdam day of
    // receipt up to and including the Amsterdam day of the beoordeling (the days come from SQL).
    const wd = werkdagen(r.o, r.b);
    const binnen = wd <= BEOORDELING_TERMIJN_WERKDAGEN ? r.n : 0;
    for (const a of [dlt, dltMaand.get(r.b.slice(0, 7))]) {
      if (!a) continue;
      a.n += r.n;
      a.som += wd * r.n;
      a.binnen += binnen;
    }
    wdVerdeling.set(wd, (wdVerdeling.get(wd) ?? 0) + r.n);
  }
  for (const u of uitTel.totaal.m.keys())
    if (!uitkomsten.some((x) => x.code === u)) uitkomsten.push({ code: u, label: u });
  const bdt = beoordelingDoorlooptijd;

  // ---- diensten: weeks from beoordeling to closing
  const dd = acc();
  const ddMaand = new Map(maanden.map((m) => [m, acc()]));
  const ddSoort = new Map([
    ['voorwaarden_en_vervolg', acc()],
    ['onderzoek', acc()],
  ]);
  const dienstEinde = new Map<LocalDate, LocalDate>();
  for (const r of diensten) {
    // Calendar days from the day of the beoordeling to the day of closing; within the term when the
    // closing day is on or before the last day of the term: the day of the beoordeling + 70, run on
    // to the next werkdag when that is a Saturday, Sunday or feestdag (Algemene termijnenwet art. 1)
    // — the due day of the dienst clock itself (domain dienstTermijnEinde).
    const dagen = dagNr(r.a) - dagNr(r.b);
    let einde = dienstEinde.get(r.b);
    if (einde === undefined) dienstEinde.set(r.b, (einde = dienstTermijnEinde(k, r.b, DIENST_TERMIJN_WEKEN)));
    const binnen = r.a <= einde ? r.n : 0;
    for (const a of [dd, ddMaand.get(r.a.slice(0, 7)), ddSoort.get(r.soort)]) {
      if (!a) continue;
      a.n += r.n;
      a.som += dagen * r.n;
      a.binnen += binnen;
    }
  }
  const ddt = dienstDoorlooptijd;
  const SOORT_LABEL: Record<string, string> = {
    voorwaarden_en_vervolg: 'Dienst Voorwaarden en Vervolg',
    onderzoek: 'Dienst Onderzoek',
  };

  // ---- afhandeling: overdrachten and afsluitingen (not after monitoring)
  const af = {
    besluiten: 0,
    overdrachten: 0,
    afsluitingen: 0,
    groep: new Map<string, number>(),
    ontv: new Map<string, number>(),
    reden: new Map<string, number>(),
  };
  const cr = { n: 0, direct: 0 };
  const lt = { n: 0, bekend: 0 };
  for (const r of afhandeling) {
    af.besluiten += r.n;
    add(af.groep, afhandelGroep(l, r.soort, r.code), r.n);
    if (r.soort === 'overdracht') {
      af.overdrachten += r.n;
      add(af.ontv, r.code, r.n);
      if (afhandelGroep(l, 'overdracht', r.code) === 'casusregie') {
        cr.n += r.n;
        if (r.moment === 'na_beoordeling') cr.direct += r.n;
      }
      if (r.code === 'lokaal_team') {
        lt.n += r.n;
        if (r.reeds_bekend) lt.bekend += r.n;
      }
    } else {
      af.afsluitingen += r.n;
      add(af.reden, r.code, r.n);
    }
  }
  const lijstItems = (lijst: string, tel: Map<string, number>) => {
    const items = [...(l.get(lijst)?.values() ?? [])].map((i) => ({ code: i.code, label: i.label }));
    for (const c of tel.keys())
      if (!items.some((i) => i.code === c)) items.push({ code: c, label: label(l, lijst, c) });
    return items;
  };

  const rapport: HalfjaarRapport = {
    periode: {
      van: p.van,
      tot: p.tot,
      halfjaar: p.halfjaar,
      maanden,
      ...(lopend
        ? { lopend: { peildatum: opts.vandaag!, nogNiet: alleMaanden.filter((m) => !maanden.includes(m)) } }
        : {}),
    },
    gemeente,
    regels: {
      meldingen: 'Alle meldingen tellen, ook zorgmeldingen van de politie (Informatieprotocol v2).',
      huishoudensJaar: jaar,
    },
    onderdrukking: { drempel: opts.drempel, cellen: [] },
    meldingen: { ...mTot, perMaand: [...perMaand.values()] },
    adviesvragen: { ...aTot, perMaand: [...aPerMaand.values()] },
    perGemeente,
    per1000: {
      totaal: per1000(regio.m, regio.hh),
      metKinderen: per1000(regio.met, regio.hhMet),
      zonderKinderen: per1000(regio.zonder, regio.hhZonder),
      huishoudensJaren: [...regio.jaren].sort(),
      gemeentenZonderTelling: regio.zonder_telling,
    },
    typeGeweld: Object.fromEntries(
      KINDEREN.map((kk) => [kk, verdeling(nKind(kk), TYPE_GROEPEN, typeTel[kk])]),
    ) as HalfjaarRapport['typeGeweld'],
    melders: Object.fromEntries(KINDEREN.map((kk) => [kk, melderVerdeling(kk)])) as HalfjaarRapport['melders'],
    veiligheidsbeoordeling: Object.fromEntries(
      KINDEREN.map((kk) => [kk, verdeling(uitTel[kk].n, uitkomsten, uitTel[kk].m)]),
    ) as HalfjaarRapport['veiligheidsbeoordeling'],
    doorlooptijdBeoordeling: {
      termijnWerkdagen: BEOORDELING_TERMIJN_WERKDAGEN,
      ...bdt(dlt),
      perMaand: maanden.map((m) => ({ maand: m, ...bdt(dltMaand.get(m)!) })),
      verdeling: [...wdVerdeling.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([werkdagen, aantal]) => ({ werkdagen, aantal })),
    },
    doorlooptijdDiensten: {
      termijnWeken: DIENST_TERMIJN_WEKEN,
      ...ddt(dd),
      perSoort: [...ddSoort.entries()].map(([code, a]) => ({ code, label: SOORT_LABEL[code]!, ...ddt(a) })),
      perMaand: maanden.map((m) => ({ maand: m, ...ddt(ddMaand.get(m)!) })),
    },
    afhandeling: {
      casussen: casussen[0]?.n ?? 0,
      besluiten: af.besluiten,
      overdrachten: af.overdrachten,
      afsluitingen: af.afsluitingen,
      groepen: verdeling(af.besluiten, AFHANDEL_GROEPEN, af.groep).items,
      perOntvanger: verdeling(af.overdrachten, lijstItems('overdracht_ontvanger', af.ontv), af.ontv).items,
      perAfsluitreden: verdeling(af.afsluitingen, lijstItems('afsluitreden', af.reden), af.reden).items,
      casusregie: {
        overdrachten: cr.n,
        directNaBeoordeling: cr.direct,
        naDienst: cr.n - cr.direct,
        percentageDirectNaBeoordeling: pct(cr.direct, cr.n),
      },
      lokaalTeam: {
        overdrachten: lt.n,
        reedsBekend: lt.bekend,
        nietBekend: lt.n - lt.bekend,
        percentageReedsBekend: pct(lt.bekend, lt.n),
      },
    },
  };
  rapport.onderdrukking.cellen = onderdrukHalfjaar(rapport, opts.drempel);
  return rapport;
}

/** Register every count of the report with its groups and derived figures, and suppress. */
function onderdrukHalfjaar(r: HalfjaarRapport, drempel: number): string[] {
  const o = new Onderdrukker(drempel);
  const pctVan = (items: Telling[], n: Cel | null, pad: string) => {
    const cellen = items.map((t) => {
      const c = o.cel(t, 'aantal', `${pad}.${t.code}`);
      o.hangtAf(n ? [c, n] : [c], [{ obj: t, key: 'percentage' }]);
      return c;
    });
    return cellen;
  };
  const verd = (v: Verdeling, pad: string, additief: boolean) => {
    const n = o.cel(v, 'n', `${pad}.n`);
    const cellen = pctVan(v.items, n, pad);
    if (additief) o.groep(cellen);
  };

  // meldingen
  const m = r.meldingen;
  const mc = Object.fromEntries(
    (
      [
        'totaal',
        'metKinderen',
        'zonderKinderen',
        'eigenRegio',
        'andereRegio',
        'regioOnbekend',
        'eigenRegioGemeenteOnbekend',
      ] as const
    ).map((k) => [k, o.cel(m, k, `meldingen.${k}`)]),
  );
  o.groep([mc.metKinderen!, mc.zonderKinderen!]);
  o.groep([mc.eigenRegio!, mc.andereRegio!, mc.regioOnbekend!]);
  const maandMet: Cel[] = [];
  const maandZonder: Cel[] = [];
  o.groep(
    m.perMaand.map((pm) => {
      const met = o.cel(pm, 'metKinderen', `meldingen.perMaand.${pm.maand}.metKinderen`);
      const zonder = o.cel(pm, 'zonderKinderen', `meldingen.perMaand.${pm.maand}.zonderKinderen`);
      o.groep([met, zonder]);
      maandMet.push(met);
      maandZonder.push(zonder);
      return o.cel(pm, 'totaal', `meldingen.perMaand.${pm.maand}.totaal`);
    }),
  );
  o.groep(maandMet);
  o.groep(maandZonder);
  const a = r.adviesvragen;
  for (const k of ['totaal', 'omgezetInMelding'] as const) o.cel(a, k, `adviesvragen.${k}`);
  o.groep((['eigenRegio', 'andereRegio', 'regioOnbekend'] as const).map((k) => o.cel(a, k, `adviesvragen.${k}`)));
  o.groep(a.perMaand.map((pm) => o.cel(pm, 'totaal', `adviesvragen.perMaand.${pm.maand}.totaal`)));

  // per gemeente: the gemeenten add up to the region's meldingen in the own region
  const gmMeldingen: Cel[] = [mc.eigenRegioGemeenteOnbekend!];
  const gmAdvies: Cel[] = [];
  for (const g of r.perGemeente) {
    const pad = `perGemeente.${g.code}`;
    const cm = o.cel(g, 'meldingen', `${pad}.meldingen`);
    const cmet = o.cel(g, 'metKinderen', `${pad}.metKinderen`);
    const czonder = o.cel(g, 'zonderKinderen', `${pad}.zonderKinderen`);
    o.groep([cmet, czonder]);
    gmMeldingen.push(cm);
    gmAdvies.push(o.cel(g, 'adviesvragen', `${pad}.adviesvragen`));
    if (g.per1000) {
      o.hangtAf([cm], [{ obj: g.per1000, key: 'totaal' }]);
      o.hangtAf([cmet], [{ obj: g.per1000, key: 'metKinderen' }]);
      o.hangtAf([czonder], [{ obj: g.per1000, key: 'zonderKinderen' }]);
    }
  }
  o.groep(gmMeldingen);
  o.groep(gmAdvies);

  for (const kk of KINDEREN) {
    verd(r.typeGeweld[kk], `typeGeweld.${kk}`, false);
    const mv = r.melders[kk];
    const n = o.cel(mv, 'n', `melders.${kk}.n`);
    const groepen = pctVan(mv.groepen, n, `melders.${kk}.groepen`);
    o.groep(groepen);
    const prof = pctVan(mv.professionals, n, `melders.${kk}.professionals`);
    o.groep([...prof, groepen[0]!, groepen[2]!, groepen[3]!]);
    const burg = pctVan(mv.burgers, n, `melders.${kk}.burgers`);
    o.groep([...burg, groepen[0]!, groepen[1]!, groepen[3]!]);
    verd(r.veiligheidsbeoordeling[kk], `veiligheidsbeoordeling.${kk}`, true);
  }

  const termijn = (d: Doorlooptijd & Record<string, any>, pad: string, gemiddeld: string) => {
    const n = o.cel(d, 'n', `${pad}.n`);
    const b = o.cel(d, 'binnenTermijn', `${pad}.binnenTermijn`);
    const bu = o.cel(d, 'buitenTermijn', `${pad}.buitenTermijn`);
    o.groep([b, bu]);
    o.hangtAf([n], [{ obj: d, key: gemiddeld }]);
    o.hangtAf([n, b, bu], [{ obj: d, key: 'percentageBinnenTermijn' }]);
    return { n, b, bu };
  };
  // Parts (months, kinds of dienst) add up to the period: per part count, within and outside the term.
  const delen = (cellen: Array<{ n: Cel; b: Cel; bu: Cel }>) => {
    o.groep(cellen.map((c) => c.n));
    o.groep(cellen.map((c) => c.b));
    o.groep(cellen.map((c) => c.bu));
  };
  const db = r.doorlooptijdBeoordeling;
  termijn(db, 'doorlooptijdBeoordeling', 'gemiddeldWerkdagen');
  delen(db.perMaand.map((pm) => termijn(pm, `doorlooptijdBeoordeling.perMaand.${pm.maand}`, 'gemiddeldWerkdagen')));
  o.groep(db.verdeling.map((v) => o.cel(v, 'aantal', `doorlooptijdBeoordeling.verdeling.${v.werkdagen}`)));
  const dd = r.doorlooptijdDiensten;
  termijn(dd, 'doorlooptijdDiensten', 'gemiddeldWeken');
  delen(dd.perSoort.map((s) => termijn(s, `doorlooptijdDiensten.perSoort.${s.code}`, 'gemiddeldWeken')));
  delen(dd.perMaand.map((pm) => termijn(pm, `doorlooptijdDiensten.perMaand.${pm.maand}`, 'gemiddeldWeken')));

  const af = r.afhandeling;
  o.cel(af, 'casussen', 'afhandeling.casussen');
  const besl = o.cel(af, 'besluiten', 'afhandeling.besluiten');
  const ov = o.cel(af, 'overdrachten', 'afhandeling.overdrachten');
  const as = o.cel(af, 'afsluitingen', 'afhandeling.afsluitingen');
  o.groep([ov, as]);
  o.groep(pctVan(af.groepen, besl, 'afhandeling.groepen'));
  o.groep(pctVan(af.perOntvanger, ov, 'afhandeling.perOntvanger'));
  o.groep(pctVan(af.perAfsluitreden, as, 'afhandeling.perAfsluitreden'));
  const crN = o.cel(af.casusregie, 'overdrachten', 'afhandeling.casusregie.overdrachten');
  const crD = o.cel(af.casusregie, 'directNaBeoordeling', 'afhandeling.casusregie.directNaBeoordeling');
  const crNa = o.cel(af.casusregie, 'naDienst', 'afhandeling.casusregie.naDienst');
  o.groep([crD, crNa]);
  o.hangtAf([crN, crD, crNa], [{ obj: af.casusregie, key: 'percentageDirectNaBeoordeling' }]);
  const ltN = o.cel(af.lokaalTeam, 'overdrachten', 'afhandeling.lokaalTeam.overdrachten');
  const ltB = o.cel(af.lokaalTeam, 'reedsBekend', 'afhandeling.lokaalTeam.reedsBekend');
  const ltNb = o.cel(af.lokaalTeam, 'nietBekend', 'afhandeling.lokaalTeam.nietBekend');
  o.groep([ltB, ltNb]);
  o.hangtAf([ltN, ltB, ltNb], [{ obj: af.lokaalTeam, key: 'percentageReedsBekend' }]);

  // The region's rates per 1,000 households reveal the region's counts (times the households).
  o.hangtAf([mc.eigenRegio!], [{ obj: r.per1000, key: 'totaal' }]);
  o.hangtAf([mc.metKinderen!], [{ obj: r.per1000, key: 'metKinderen' }]);
  o.hangtAf([mc.zonderKinderen!], [{ obj: r.per1000, key: 'zonderKinderen' }]);
  return o.pasToe();
}
