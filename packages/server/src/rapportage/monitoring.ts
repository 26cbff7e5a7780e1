// Monitoring: weekly inflow of meldingen and adviesvragen per source and per type against the
// band expected from the same ISO weeks in earlier years, a flag when a series is outside its band
// two weeks running, and the share of each coded signal per week next to the total.
// Method and definitions: docs/statistics.md, "Monitoring".
import {
  addDays,
  daysBetween,
  startOfLocalDay,
  type Band,
  type Coordinatie,
  type LocalDate,
  type Monitoring,
  type Reeks,
  type WeekPunt,
} from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { ValidationError } from '../http/errors.ts';
import { bron, BRONNEN, lijsten, TYPE_GROEPEN, typeGroepen } from './codes.ts';
import { isoWeek, mondayOf, mondayOfDate, weekKey, weekMondays, weeksInIsoYear } from './periode.ts';
import { breuk1, r1 } from './halfjaar.ts';

export interface MonitoringOpties {
  van?: LocalDate;
  tot?: LocalDate;
  /** Earlier years that make the band (default 5). */
  jaren: number;
  /** Weeks either side of the same ISO week in each earlier year (default 1). */
  venster: number;
  /** Band = mean ± breedte × sd (default 2). */
  breedte: number;
  /** At least this many earlier years with data, else no band (default 2). */
  minimumJaren: number;
  drempel: number;
}

export const MONITORING_STANDAARD = { jaren: 5, venster: 1, breedte: 2, minimumJaren: 2, weken: 13 };

/** The expected band from earlier observations (null when too few earlier years). */
export function band(
  waarnemingen: Array<{ jaar: number; aantal: number }>,
  breedte: number,
  minimumJaren: number,
): Band | null {
  const jaren = new Set(waarnemingen.map((w) => w.jaar)).size;
  if (jaren < minimumJaren || waarnemingen.length === 0) return null;
  const n = waarnemingen.length;
  const gemiddelde = waarnemingen.reduce((s, w) => s + w.aantal, 0) / n;
  const sd = n > 1 ? Math.sqrt(waarnemingen.reduce((s, w) => s + (w.aantal - gemiddelde) ** 2, 0) / (n - 1)) : 0;
  // Counts vary at least like a Poisson count: a flat history must not make every wobble a flag.
  const sdEff = Math.max(sd, Math.sqrt(gemiddelde));
  return {
    gemiddelde,
    sd: sdEff,
    laag: Math.max(0, gemiddelde - breedte * sdEff),
    hoog: gemiddelde + breedte * sdEff,
    jaren,
    waarnemingen: n,
  };
}

/** Mondays of the same ISO week (± venster weeks) in earlier year `jaar`. */
function vergelijkMaandagen(
  maandag: LocalDate,
  terug: number,
  venster: number,
): Array<{ jaar: number; maandag: LocalDate }> {
  const w = isoWeek(maandag);
  const jaar = w.jaar - terug;
  const base = mondayOf(jaar, Math.min(w.week, weeksInIsoYear(jaar)));
  const out = [];
  for (let o = -venster; o <= venster; o++) out.push({ jaar, maandag: addDays(base, 7 * o) });
  return out;
}

/** The default weeks: the `weken` complete weeks before the current week, and the current (running) week up to today. */
export function standaardWeken(
  today: LocalDate,
  weken = MONITORING_STANDAARD.weken,
): { van: LocalDate; tot: LocalDate } {
  const zondag = addDays(mondayOfDate(today), -1);
  return { van: addDays(zondag, -7 * weken + 1), tot: today };
}

export async function monitoring(db: Db, o: MonitoringOpties, today: LocalDate): Promise<Monitoring> {
  const std = standaardWeken(today);
  const van = o.van ?? std.van;
  if (o.tot && o.tot < van)
    throw new ValidationError([
      { field: 'query.tot', rule: 'volgorde', message: 'De einddatum ligt vóór de begindatum' },
    ]);
  // Weeks after the current one have no figures yet: the range stops at today.
  const tot = (o.tot ?? std.tot) > today ? today : (o.tot ?? std.tot);
  if (tot < van)
    throw new ValidationError([
      {
        field: 'query.van',
        rule: 'toekomst',
        message: 'De begindatum ligt na vandaag: daar zijn nog geen cijfers van',
      },
    ]);
  const maandagen = weekMondays(van, tot);
  if (maandagen.length > 160)
    throw new ValidationError([{ field: 'query.tot', rule: 'maximum', message: 'Maximaal 160 weken' }]);
  const l = await lijsten(db);

  // Weeks to count: the period, the week before it (for a flag in its first week) and the comparison weeks.
  const vooraf = addDays(maandagen[0]!, -7);
  const nodig = new Set<LocalDate>([vooraf, ...maandagen]);
  const vergelijk = new Map<LocalDate, Array<{ jaar: number; maandag: LocalDate }>>();
  for (const m of [vooraf, ...maandagen]) {
    const v: Array<{ jaar: number; maandag: LocalDate }> = [];
    for (let j = 1; j <= o.jaren; j++) v.push(...vergelijkMaandagen(m, j, o.venster));
    vergelijk.set(m, v);
    for (const x of v) nodig.add(x.maandag);
  }
  // Merge the weeks into ranges of instants for an index-friendly query.
  const sorted = [...nodig].sort();
  const ranges: Array<[LocalDate, LocalDate]> = [];
  for (const m of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === m) last[1] = addDays(m, 7);
    else ranges.push([m, addDays(m, 7)]);
  }
  // The weeks as a list of instant ranges joined to the table: one index-only range scan per range.
  const bereik = sql.join(
    ranges.map(
      ([a, b]) =>
        sql`(${startOfLocalDay(a).toISOString()}::timestamptz, ${startOfLocalDay(b).toISOString()}::timestamptz)`,
    ),
  );
  const periode = [
    startOfLocalDay(maandagen[0]!).toISOString(),
    startOfLocalDay(addDays(maandagen[maandagen.length - 1]!, 7)).toISOString(),
  ] as const;
  const q = <T>(s: ReturnType<typeof sql>) => s.execute(db).then((r) => r.rows as T[]);
  // Grouped by Amsterdam day (cheap to hash); days are mapped to ISO weeks below.
  const dag = sql.raw(`(x.ontvangen_op at time zone 'Europe/Amsterdam')::date`);
  const uitBereik = (tabel: 'melding' | 'adviesvraag', kolom: string) =>
    q<{ dag: string; k: any; n: number }>(sql`
      select ${dag} as dag, ${sql.raw(`x.${kolom}`)} as k, count(*)::int as n
      from (values ${bereik}) as r(van, tot) join ${sql.table(tabel)} x on x.ontvangen_op >= r.van and x.ontvangen_op < r.tot
      group by 1, 2`);
  const perSignaal = (tabel: 'melding' | 'adviesvraag') =>
    q<{ dag: string; k: string[]; n: number }>(sql`
      select ${dag} as dag, x.signalen as k, count(*)::int as n
      from ${sql.table(tabel)} x where x.ontvangen_op >= ${periode[0]} and x.ontvangen_op < ${periode[1]} group by 1, 2`);

  const [mB, mT, aB, aT, mS, aS, start] = await Promise.all([
    uitBereik('melding', 'melder_hoedanigheid'),
    uitBereik('melding', 'aanleiding'),
    uitBereik('adviesvraag', 'hoedanigheid'),
    uitBereik('adviesvraag', 'aanleiding'),
    perSignaal('melding'),
    perSignaal('adviesvraag'),
    q<{ d: string | null }>(
      sql`select to_char(least((select min(ontvangen_op) from melding), (select min(ontvangen_op) from adviesvraag)) at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as d`,
    ),
  ]);
  const weekVan = new Map<string, string>();
  const wkDag = (d: string) => weekVan.get(d) ?? weekVan.set(d, weekKey(isoWeek(d))).get(d)!;
  const mSig = mS.map((r) => ({ week: wkDag(r.dag), signalen: r.k, n: r.n }));
  const aSig = aS.map((r) => ({ week: wkDag(r.dag), signalen: r.k, n: r.n }));
  const dataVanaf = start[0]?.d ?? null;
  // The current week, when it is in the range, is running: counted up to today (`dagen` days, Monday = 1).
  const laatsteMaandag = maandagen[maandagen.length - 1]!;
  const lopendeDagen = addDays(laatsteMaandag, 6) >= today ? daysBetween(laatsteMaandag, today) + 1 : null;

  // counts[soort][dimensie:sleutel][day] = n (days, so that a running week compares with the same days of earlier weeks)
  type Tel = Map<string, Map<string, number>>;
  const tellingen: Record<'meldingen' | 'adviesvragen', Tel> = { meldingen: new Map(), adviesvragen: new Map() };
  const add = (t: Tel, serie: string, wk: string, n: number) => {
    const s = t.get(serie) ?? t.set(serie, new Map()).get(serie)!;
    s.set(wk, (s.get(wk) ?? 0) + n);
  };
  for (const [soort, bronRows, typeRows] of [
    ['meldingen', mB, mT],
    ['adviesvragen', aB, aT],
  ] as const) {
    for (const r of bronRows) {
      add(tellingen[soort], 'totaal:totaal', r.dag, r.n);
      add(tellingen[soort], `bron:${bron(l, r.k as string)}`, r.dag, r.n);
    }
    for (const r of typeRows)
      for (const g of typeGroepen(l, r.k as string[])) add(tellingen[soort], `type:${g}`, r.dag, r.n);
  }

  const wk = (m: LocalDate) => weekKey(isoWeek(m));
  const beschikbaar = (m: LocalDate) => dataVanaf !== null && m >= dataVanaf;
  const reeksen: Reeks[] = [];
  const dims: Array<{ dimensie: Reeks['dimensie']; sleutel: string; label: string }> = [
    { dimensie: 'totaal', sleutel: 'totaal', label: 'Totaal' },
    ...BRONNEN.map((b) => ({ dimensie: 'bron' as const, sleutel: b.code, label: b.label })),
    ...TYPE_GROEPEN.map((t) => ({ dimensie: 'type' as const, sleutel: t.code, label: t.label })),
  ];
  for (const soort of ['meldingen', 'adviesvragen'] as const) {
    for (const d of dims) {
      const tel = tellingen[soort].get(`${d.dimensie}:${d.sleutel}`);
      // 'Onbekend' and 'nog niet geregistreerd' only when they occur.
      if (!tel && (d.sleutel === 'onbekend' || d.sleutel === 'nog_niet_geregistreerd')) continue;
      /** The count of the first `dagen` days of the week of Monday `m` (7: the whole week). */
      const count = (m: LocalDate, dagen = 7) => {
        let n = 0;
        for (let i = 0; i < dagen; i++) n += tel?.get(addDays(m, i)) ?? 0;
        return n;
      };
      // A running week (`dagen` < 7 or up to today) is compared with the same days (Monday up to the
      // same weekday) of the comparison weeks: a band for the week so far, not for a whole week.
      const punt = (m: LocalDate, dagen = 7): WeekPunt => {
        const obs = vergelijk
          .get(m)!
          .filter((x) => beschikbaar(x.maandag))
          .map((x) => ({ jaar: x.jaar, aantal: count(x.maandag, dagen) }));
        const b = band(obs, o.breedte, o.minimumJaren);
        const n = count(m, dagen);
        const afwijking = b ? (n < b.laag ? 'onder' : n > b.hoog ? 'boven' : null) : null;
        return {
          week: wk(m),
          maandag: m,
          aantal: n,
          // The mean is a fraction of counts (rounded exactly); sd and the edges are not (square roots).
          verwacht: b
            ? {
                ...b,
                gemiddelde: breuk1(
                  obs.reduce((s, x) => s + x.aantal, 0),
                  b.waarnemingen,
                ),
                sd: r1(b.sd),
                laag: r1(b.laag),
                hoog: r1(b.hoog),
              }
            : null,
          afwijking,
          signaal: false,
        };
      };
      const voor = punt(vooraf);
      const weken = maandagen.map((m, i) =>
        i === maandagen.length - 1 && lopendeDagen !== null
          ? { ...punt(m, lopendeDagen), lopend: { dagen: lopendeDagen, tot: today } }
          : punt(m),
      );
      const signaleringen: Reeks['signaleringen'] = [];
      let vorige = voor;
      for (const p of weken) {
        // The running week is shown against its band for the days so far, but raises no flag (it is not complete).
        if (p.lopend) break;
        if (p.afwijking && p.afwijking === vorige.afwijking) {
          p.signaal = true;
          const run = signaleringen[signaleringen.length - 1];
          if (run && run.tot === vorige.week && run.richting === p.afwijking) {
            run.tot = p.week;
            run.weken++;
          } else signaleringen.push({ vanaf: vorige.week, tot: p.week, richting: p.afwijking, weken: 2 });
        }
        vorige = p;
      }
      reeksen.push({ soort, ...d, weken, signaleringen });
    }
  }

  // ---- signals: share of contacts (meldingen + adviesvragen) per week carrying each signal
  const codes = [...(l.get('signaal')?.values() ?? [])].map((i) => ({ code: i.code, label: i.label }));
  const sig = new Map<
    string,
    { meldingen: number; adviesvragen: number; m: Map<string, number>; a: Map<string, number> }
  >();
  for (const [soort, rows] of [
    ['meldingen', mSig],
    ['adviesvragen', aSig],
  ] as const) {
    for (const r of rows) {
      const w =
        sig.get(r.week) ?? sig.set(r.week, { meldingen: 0, adviesvragen: 0, m: new Map(), a: new Map() }).get(r.week)!;
      w[soort] += r.n;
      for (const c of new Set(r.signalen)) {
        const t = soort === 'meldingen' ? w.m : w.a;
        t.set(c, (t.get(c) ?? 0) + r.n);
        if (!codes.some((x) => x.code === c)) codes.push({ code: c, label: c });
      }
    }
  }
  const signalen: Monitoring['signalen'] = {
    codes,
    weken: maandagen.map((m) => {
      const w = sig.get(wk(m)) ?? { meldingen: 0, adviesvragen: 0, m: new Map(), a: new Map() };
      const totaal = w.meldingen + w.adviesvragen;
      return {
        week: wk(m),
        maandag: m,
        meldingen: w.meldingen,
        adviesvragen: w.adviesvragen,
        totaal,
        items: codes.map((c) => {
          const am = w.m.get(c.code) ?? 0;
          const aa = w.a.get(c.code) ?? 0;
          return {
            code: c.code,
            aantalMeldingen: am,
            aantalAdviesvragen: aa,
            aantal: am + aa,
            aandeel: totaal ? breuk1(100 * (am + aa), totaal) : null,
          };
        }),
      };
    }),
  };

  const laatste = maandagen.length - 1;
  // Current flags: those of the last complete week (the running week raises none).
  const laatsteVolledig = lopendeDagen !== null ? laatste - 1 : laatste;
  const actueleSignaleringen = reeksen
    .filter((r) => laatsteVolledig >= 0 && r.weken[laatsteVolledig]?.signaal)
    .map((r) => ({
      soort: r.soort,
      dimensie: r.dimensie,
      sleutel: r.sleutel,
      label: r.label,
      richting: r.weken[laatsteVolledig]!.afwijking!,
      sinds: r.signaleringen[r.signaleringen.length - 1]!.vanaf,
    }));

  const result: Monitoring = {
    periode: {
      van: maandagen[0]!,
      tot: lopendeDagen !== null ? today : addDays(maandagen[laatste]!, 6),
      weken: maandagen.map(wk),
      ...(lopendeDagen !== null ? { lopend: { week: wk(laatsteMaandag), peildatum: today, dagen: lopendeDagen } } : {}),
    },
    methode: {
      jaren: o.jaren,
      venster: o.venster,
      breedte: o.breedte,
      minimumJaren: o.minimumJaren,
      beschrijving: `Verwachte band per ISO-week: gemiddelde ± ${o.breedte} × standaardafwijking van dezelfde week (± ${o.venster} week) in de ${o.jaren} voorgaande jaren met gegevens (minstens ${o.minimumJaren} jaren); standaardafwijking minstens √gemiddelde. Signaal: twee weken achtereen buiten de band aan dezelfde kant. De lopende week telt tot en met vandaag en wordt vergeleken met dezelfde dagen (maandag tot en met dezelfde weekdag) van de vergelijkingsweken; ze geeft nog geen signaal.`,
    },
    dataVanaf,
    onderdrukking: { drempel: o.drempel, cellen: [] },
    reeksen,
    signalen,
    actueleSignaleringen,
  };
  result.onderdrukking.cellen = onderdrukMonitoring(result, o.drempel);
  return result;
}

/** Weekly counts below the threshold become null (with the shares computed from them). */
function onderdrukMonitoring(r: Monitoring, drempel: number): string[] {
  if (drempel <= 1) return [];
  const klein = (v: number | null) => typeof v === 'number' && v > 0 && v < drempel;
  const cellen: string[] = [];
  for (const s of r.reeksen) {
    for (const p of s.weken) {
      if (klein(p.aantal)) {
        p.aantal = null;
        cellen.push(`reeksen.${s.soort}.${s.dimensie}.${s.sleutel}.${p.week}`);
      }
    }
  }
  for (const w of r.signalen.weken) {
    for (const k of ['meldingen', 'adviesvragen', 'totaal'] as const) {
      if (klein(w[k])) {
        w[k] = null;
        cellen.push(`signalen.${w.week}.${k}`);
      }
    }
    for (const it of w.items) {
      const weg = klein(it.aantal) || w.totaal === null;
      for (const k of ['aantalMeldingen', 'aantalAdviesvragen'] as const) if (klein(it[k]) || weg) it[k] = null;
      if (weg) {
        it.aantal = null;
        it.aandeel = null;
        cellen.push(`signalen.${w.week}.${it.code}`);
      }
    }
  }
  return cellen;
}

/** The coordination view: totals, sources and signals per week, flags — figures only. */
export function coordinatieOverzicht(m: Monitoring): Coordinatie {
  const reeks = (soort: string, dimensie: string, sleutel: string) =>
    m.reeksen.find((r) => r.soort === soort && r.dimensie === dimensie && r.sleutel === sleutel);
  const tm = reeks('meldingen', 'totaal', 'totaal');
  const ta = reeks('adviesvragen', 'totaal', 'totaal');
  return {
    periode: m.periode,
    methode: m.methode,
    onderdrukking: m.onderdrukking,
    weken: m.periode.weken.map((w, i) => ({
      week: w,
      ...(m.periode.lopend?.week === w ? { lopend: true } : {}),
      meldingen: tm?.weken[i]?.aantal ?? null,
      meldingenVerwacht: tm?.weken[i]?.verwacht ?? null,
      adviesvragen: ta?.weken[i]?.aantal ?? null,
      adviesvragenVerwacht: ta?.weken[i]?.verwacht ?? null,
    })),
    bronnen: m.reeksen
      .filter((r) => r.soort === 'meldingen' && r.dimensie === 'bron')
      .map((r) => ({
        sleutel: r.sleutel,
        label: r.label,
        weken: r.weken.map((p) => ({
          week: p.week,
          aantal: p.aantal,
          laag: p.verwacht?.laag ?? null,
          hoog: p.verwacht?.hoog ?? null,
          signaal: p.signaal,
          ...(p.lopend ? { lopend: true } : {}),
        })),
      })),
    signalen: m.signalen,
    actueleSignaleringen: m.actueleSignaleringen,
    toelichting: 'Alleen geaggregeerde aantallen per week; geen persoonsgegevens.',
  };
}
