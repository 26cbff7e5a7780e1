// The management-information pages' pure logic: period selection, the status of a missing
// figure, and the words for bands and flags. The API shapes (GET /api/rapportage/…) are declared
// once in @voordeur/domain (api/rapportage.ts). Tested in src/rapportage.test.ts.
import type { Reeks, Signalering } from '@voordeur/domain';
import type { Punt } from '../components/charts/schaal.ts';

// ---------------------------------------------------------------- periods

const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const MAANDEN_KORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** '2026-11-22' → '2026H2'. */
export function halfjaarVan(datum: string): string {
  return `${datum.slice(0, 4)}H${Number(datum.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** '2026H1' → 1 January – 30 June 2026. */
export function halfjaarPeriode(h: string): { van: string; tot: string } | null {
  const m = /^(\d{4})H([12])$/.exec(h);
  if (!m) return null;
  return m[2] === '1' ? { van: `${m[1]}-01-01`, tot: `${m[1]}-06-30` } : { van: `${m[1]}-07-01`, tot: `${m[1]}-12-31` };
}

/** '2026H2' → 'tweede halfjaar 2026'. */
export function halfjaarNaam(h: string): string {
  const m = /^(\d{4})H([12])$/.exec(h);
  return m ? `${m[2] === '1' ? 'eerste' : 'tweede'} halfjaar ${m[1]}` : h;
}

/** The half-year containing `vandaag` and the `aantal − 1` before it, newest first. */
export function halfjaarOpties(vandaag: string, aantal = 8): Array<{ value: string; label: string }> {
  let jaar = Number(vandaag.slice(0, 4));
  let helft = Number(vandaag.slice(5, 7)) <= 6 ? 1 : 2;
  const out: Array<{ value: string; label: string }> = [];
  for (let i = 0; i < aantal; i++) {
    const h = `${jaar}H${helft}`;
    const naam = halfjaarNaam(h);
    out.push({ value: h, label: `${naam[0]!.toUpperCase()}${naam.slice(1)}${i === 0 ? ' (lopend)' : ''}` });
    if (helft === 2) helft = 1;
    else {
      helft = 2;
      jaar--;
    }
  }
  return out;
}

/** '2026-07-01' → '1 juli 2026'. */
export function datumLang(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? `${Number(m[3])} ${MAANDEN[Number(m[2]) - 1]} ${m[1]}` : d;
}

/** '2026-07' → 'juli 2026' (lang) or 'jul' (kort). */
export function maandNaam(maand: string, kort = false): string {
  const m = /^(\d{4})-(\d{2})$/.exec(maand);
  if (!m) return maand;
  return kort ? MAANDEN_KORT[Number(m[2]) - 1]! : `${MAANDEN[Number(m[2]) - 1]} ${m[1]}`;
}

/**
 * Every month of the period with its state: 'klaar', 'lopend' (the current month of a running
 * period: figures up to today) or 'nogNiet' (after today: no figures, never 0).
 */
export function periodeMaanden(p: {
  maanden: string[];
  lopend?: { peildatum: string; nogNiet: string[] };
}): Array<{ maand: string; staat: 'klaar' | 'lopend' | 'nogNiet' }> {
  const huidige = p.lopend?.peildatum.slice(0, 7);
  return [
    ...p.maanden.map((maand) => ({ maand, staat: maand === huidige ? ('lopend' as const) : ('klaar' as const) })),
    ...(p.lopend?.nogNiet ?? []).map((maand) => ({ maand, staat: 'nogNiet' as const })),
  ];
}

/** A month's row label: 'november 2026 (lopend)'; a month not yet come is named plainly (its cells say 'nog niet'). */
export function maandLabel(m: { maand: string; staat: 'klaar' | 'lopend' | 'nogNiet' }): string {
  return m.staat === 'lopend' ? `${maandNaam(m.maand)} (lopend)` : maandNaam(m.maand);
}

/** The period in words: '1 juli 2026 t/m 31 december 2026 (tweede halfjaar 2026)'. */
export function periodeTekst(p: { van: string; tot: string; halfjaar?: string | null }): string {
  return `${datumLang(p.van)} t/m ${datumLang(p.tot)}${p.halfjaar ? ` (${halfjaarNaam(p.halfjaar)})` : ''}`;
}

/** What the report form asks for; kept in the URL so a link, reload or print shows the same. */
export interface RapportKeuze {
  soort: 'halfjaar' | 'periode';
  halfjaar: string;
  van: string;
  tot: string;
  gemeente: string;
  /** '' = the organisation's setting (VOORDEUR_SUPPRESS_BELOW); otherwise the threshold. */
  suppress: string;
}

export const DREMPEL_OPTIES = [
  { value: '', label: 'Standaardinstelling van de organisatie' },
  { value: '0', label: 'Niets weglaten (intern gebruik)' },
  { value: '5', label: 'Aantallen kleiner dan 5 weglaten' },
  { value: '10', label: 'Aantallen kleiner dan 10 weglaten (publicatie)' },
];

const isDatum = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** The choice from the page URL, with defaults: the current half-year, the whole region. */
export function keuzeUitUrl(search: URLSearchParams, vandaag: string): RapportKeuze {
  const van = search.get('van') ?? '';
  const tot = search.get('tot') ?? '';
  const h = search.get('halfjaar') ?? '';
  const periode = !h && (van || tot);
  const suppress = search.get('suppress') ?? '';
  return {
    soort: periode ? 'periode' : 'halfjaar',
    halfjaar: halfjaarPeriode(h) ? h : halfjaarVan(vandaag),
    van,
    tot,
    gemeente: /^GM\d{4}$/.test(search.get('gemeente') ?? '') ? search.get('gemeente')! : '',
    suppress: /^\d{1,3}$/.test(suppress) ? suppress : '',
  };
}

/** Errors of a period choice by field (empty when valid). */
export function keuzeFouten(k: RapportKeuze): Record<string, string[]> {
  if (k.soort === 'halfjaar') return {};
  const f: Record<string, string[]> = {};
  if (!isDatum(k.van)) f.van = ['Vul een begindatum in (dag, maand, jaar)'];
  if (!isDatum(k.tot)) f.tot = ['Vul een einddatum in (dag, maand, jaar)'];
  if (!f.van && !f.tot && k.tot < k.van) f.tot = ['De einddatum ligt vóór de begindatum'];
  return f;
}

/** The query string for the API and the page URL (only what differs from the defaults is left out by the server). */
export function rapportQuery(k: RapportKeuze): string {
  const q = new URLSearchParams();
  if (k.soort === 'halfjaar') q.set('halfjaar', k.halfjaar);
  else {
    q.set('van', k.van);
    q.set('tot', k.tot);
  }
  if (k.gemeente) q.set('gemeente', k.gemeente);
  if (k.suppress !== '') q.set('suppress', k.suppress);
  return q.toString();
}

// ---------------------------------------------------------------- missing values

/**
 * A figure as a chart/table point: a null is 'onderdrukt' when any count it is or comes from was
 * suppressed (paths in onderdrukking.cellen, as the CSV's status column), else 'n.v.t.'.
 */
export function punt(waarde: number | null | undefined, onderdrukt: ReadonlySet<string>, ...paden: string[]): Punt {
  if (waarde !== null && waarde !== undefined) return { waarde };
  return { waarde: null, status: paden.some((p) => onderdrukt.has(p)) ? 'onderdrukt' : 'nvt' };
}

/** The note the page shows about suppression. */
export function onderdrukkingTekst(o: { drempel: number; cellen: string[] }): string {
  if (o.drempel <= 1) return 'Er is niets onderdrukt: alle aantallen worden getoond.';
  const n = o.cellen.length;
  return `Cellen kleiner dan ${o.drempel} zijn onderdrukt, en cellen waaruit die terug te rekenen zijn ook (${n === 1 ? '1 cel' : `${n} cellen`}). Er staat dan ‘onderdrukt’ in plaats van een getal; percentages en gemiddelden daaruit ook.`;
}

// ---------------------------------------------------------------- weeks, bands and flags

/** '2026-W07' → 'week 7 (2026)', kort: 'W7'. */
export function weekNaam(week: string, kort = false): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return week;
  return kort ? `W${Number(m[2])}` : `week ${Number(m[2])} (${m[1]})`;
}

/** A run of weeks outside the band in words: 'onderwijs: 2 weken onder de verwachte band (week 12 t/m 13, 2026)'. */
export function signaleringTekst(
  label: string,
  s: { vanaf: string; tot: string; richting: 'onder' | 'boven'; weken: number },
): string {
  const a = /^(\d{4})-W(\d{2})$/.exec(s.vanaf);
  const b = /^(\d{4})-W(\d{2})$/.exec(s.tot);
  const weken =
    a && b
      ? a[1] === b[1]
        ? `week ${Number(a[2])} t/m ${Number(b[2])}, ${a[1]}`
        : `week ${Number(a[2])} (${a[1]}) t/m week ${Number(b[2])} (${b[1]})`
      : `${s.vanaf} t/m ${s.tot}`;
  return `${label.toLowerCase()}: ${s.weken} weken ${s.richting} de verwachte band (${weken})`;
}

/** The current flag of a series (in the last complete week; a running week raises none): its run. */
export function actueleRun(r: Reeks): Signalering | null {
  const last = r.weken.filter((w) => !w.lopend).at(-1);
  if (!last?.signaal) return null;
  return r.signaleringen[r.signaleringen.length - 1] ?? null;
}

/** A band in words: '1,1 – 10,9', or 'geen band' (too few earlier years; the page explains why). */
export function bandTekst(b: { laag: number | null; hoog: number | null } | null): string {
  if (!b || b.laag === null || b.hoog === null) return 'geen band';
  const f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${f.format(b.laag)} – ${f.format(b.hoog)}`;
}

/** A week's status in words, for tables: 'binnen de band', 'onder de band', 'onder de band — signaal'. */
export function weekStatus(p: {
  laag: number | null;
  hoog: number | null;
  afwijking?: 'onder' | 'boven' | null;
  signaal?: boolean;
}): string {
  if (p.laag === null || p.hoog === null) return 'geen band';
  if (!p.afwijking) return 'binnen de band';
  return `${p.afwijking} de band${p.signaal ? ' — signaal' : ''}`;
}

/** The coordination view's source rows have no `afwijking`: derive it from the count and the band. */
export function afwijkingVan(
  aantal: number | null,
  laag: number | null,
  hoog: number | null,
): 'onder' | 'boven' | null {
  if (aantal === null || laag === null || hoog === null) return null;
  return aantal < laag ? 'onder' : aantal > hoog ? 'boven' : null;
}

/** Series with a flag anywhere in the period, flagged-now first, then by label. */
export function gesignaleerd(reeksen: Reeks[]): Reeks[] {
  return reeksen
    .filter((r) => r.signaleringen.length)
    .sort((a, b) => Number(!!actueleRun(b)) - Number(!!actueleRun(a)) || a.label.localeCompare(b.label, 'nl'));
}

/**
 * Runs of flagged weeks from per-week flags (the coordination view sends `signaal` per week, not
 * the runs): a run starts the week before its first flagged week (that week was outside the band
 * too), as the server's `signaleringen`.
 */
export function runsUitWeken(
  weken: Array<{ week: string; signaal: boolean; afwijking: 'onder' | 'boven' | null }>,
): Signalering[] {
  const out: Signalering[] = [];
  for (let i = 0; i < weken.length; i++) {
    const w = weken[i]!;
    if (!w.signaal) continue;
    const richting = w.afwijking ?? 'onder';
    const run = out[out.length - 1];
    if (run && i > 0 && run.tot === weken[i - 1]!.week && weken[i - 1]!.signaal && run.richting === richting) {
      run.tot = w.week;
      run.weken++;
    } else out.push({ vanaf: i > 0 ? weken[i - 1]!.week : vorigeWeek(w.week), tot: w.week, richting, weken: 2 });
  }
  return out;
}

/** Number of ISO weeks in an ISO year (52 or 53): the week of 28 December. */
export function isoWekenIn(jaar: number): number {
  const d = new Date(Date.UTC(jaar, 11, 28));
  const dag = (d.getUTCDay() + 6) % 7; // 0 = Monday
  d.setUTCDate(d.getUTCDate() - dag + 3); // Thursday of that week
  const jan1 = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return Math.floor((d.getTime() - jan1.getTime()) / 86_400_000 / 7) + 1;
}

/** '2026-W01' → '2025-W52'; '2021-W01' → '2020-W53'. */
export function vorigeWeek(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return week;
  const jaar = Number(m[1]);
  const w = Number(m[2]);
  if (w > 1) return `${jaar}-W${String(w - 1).padStart(2, '0')}`;
  return `${jaar - 1}-W${String(isoWekenIn(jaar - 1)).padStart(2, '0')}`;
}

/** Werkdagen of the distribution in a few bins (one row per value would be long). */
const BAKKEN: Array<[number, number, string]> = [
  [0, 0, '0 werkdagen'],
  [1, 1, '1 werkdag'],
  [2, 2, '2 werkdagen'],
  [3, 3, '3 werkdagen'],
  [4, 4, '4 werkdagen'],
  [5, 5, '5 werkdagen (termijn)'],
  [6, 10, '6–10 werkdagen'],
  [11, 15, '11–15 werkdagen'],
  [16, 20, '16–20 werkdagen'],
  [21, 30, '21–30 werkdagen'],
  [31, Infinity, 'meer dan 30 werkdagen'],
];

export function verdelingInBakken(
  v: Array<{ werkdagen: number; aantal: number | null }>,
  o: ReadonlySet<string>,
): Array<{ label: string; p: Punt }> {
  return BAKKEN.map(([van, tot, label]) => {
    const leden = v.filter((x) => x.werkdagen >= van && x.werkdagen <= tot);
    if (leden.some((x) => x.aantal === null))
      return {
        label,
        p: {
          waarde: null,
          status: leden.some((x) => o.has(`doorlooptijdBeoordeling.verdeling.${x.werkdagen}`)) ? 'onderdrukt' : 'nvt',
        } as Punt,
      };
    return { label, p: { waarde: leden.reduce((s, x) => s + (x.aantal ?? 0), 0) } };
  });
}
