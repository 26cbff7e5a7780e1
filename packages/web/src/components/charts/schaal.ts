// Pure helpers for the charts: axis scaling, Dutch number formatting, and the text summary that a
// chart carries as its accessible name. No React, no DOM: tested in src/charts.test.tsx.

/** A value in a chart or table: a number, or null with the reason it is missing. */
export interface Punt {
  waarde: number | null;
  /**
   * Why `waarde` is null: withheld as a small cell, nothing to compute (e.g. a percentage of 0), or
   * a month or week that has not come yet in a running period ('nogNiet': not 0, just not yet).
   */
  status?: 'onderdrukt' | 'nvt' | 'nogNiet' | null;
}

export type Eenheid = 'aantal' | 'procent' | 'per1000' | 'werkdagen' | 'weken';

/**
 * The top of the value axis and its ticks: the smallest "nice" step (1, 2, 2.5, 5 × 10^k) such that
 * `stappen` steps reach at least `max`. Counts get whole steps. `max` ≤ 0 gives [0, 1].
 */
export function schaal(
  max: number,
  opts: { stappen?: number; geheel?: boolean } = {},
): { max: number; ticks: number[] } {
  const stappen = opts.stappen ?? 4;
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, ticks: [0, 1] };
  const ruw = max / stappen;
  const mag = 10 ** Math.floor(Math.log10(ruw));
  const norm = ruw / mag;
  let stap = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
  if (opts.geheel && stap < 1) stap = 1;
  if (opts.geheel && !Number.isInteger(stap)) stap = Math.ceil(stap);
  const top = Math.ceil(max / stap - 1e-9) * stap;
  const ticks: number[] = [];
  for (let t = 0; t <= top + stap / 1e6; t += stap) ticks.push(Math.round(t * 1e6) / 1e6);
  return { max: top, ticks };
}

/** The largest number among the points (and extra values such as band edges); 0 when none. */
export function grootste(...lijsten: Array<ReadonlyArray<number | null | undefined>>): number {
  let m = 0;
  for (const l of lijsten) for (const v of l) if (typeof v === 'number' && Number.isFinite(v) && v > m) m = v;
  return m;
}

/** Position of `v` on an axis from 0 to `max`, as a fraction 0–1 (clamped). */
export function fractie(v: number, max: number): number {
  if (!(max > 0)) return 0;
  return Math.min(1, Math.max(0, v / max));
}

const NL = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const NL1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 5824 → '5.824', 12.34 → '12,3'. */
export function getal(v: number): string {
  return NL.format(v);
}

const EENHEID_TEKST: Record<Eenheid, string> = {
  aantal: '',
  procent: '%',
  per1000: ' per 1.000',
  werkdagen: ' werkdagen',
  weken: ' weken',
};

/** A value with its unit: '12,3%', '6,0 werkdagen', '5.824'; missing values in words. */
export function waardeTekst(p: Punt, eenheid: Eenheid, opts: { kort?: boolean } = {}): string {
  if (p.waarde === null)
    return p.status === 'onderdrukt' ? 'onderdrukt' : p.status === 'nogNiet' ? 'nog niet' : 'n.v.t.';
  const n = eenheid === 'aantal' ? getal(p.waarde) : NL1.format(p.waarde);
  if (opts.kort && eenheid !== 'procent') return n;
  return `${n}${EENHEID_TEKST[eenheid]}`;
}

/** Same as waardeTekst, for a table cell (no unit words; the column header names the unit). */
export function celTekst(p: Punt, eenheid: Eenheid): string {
  return waardeTekst(p, eenheid, { kort: true });
}

/**
 * The accessible name of a chart: what it shows and every value, so a screen-reader user gets the
 * same information as a sighted one ('Staafdiagram: Meldingen per gemeente. Amsterdam: 120; …').
 */
export function samenvatting(
  soort: string,
  titel: string,
  rijen: Array<{ label: string; waarden: Punt[] }>,
  reeksen: string[],
  eenheid: Eenheid,
): string {
  const delen = rijen.map((r) => {
    if (reeksen.length <= 1) return `${r.label}: ${waardeTekst(r.waarden[0] ?? { waarde: null }, eenheid)}`;
    return `${r.label}: ${r.waarden.map((w, i) => `${reeksen[i]} ${waardeTekst(w, eenheid)}`).join(', ')}`;
  });
  return `${soort}: ${titel}. ${delen.join('; ')}.`;
}

/** Split a long label over two lines at a space near the middle (SVG text does not wrap). */
export function labelRegels(label: string, max = 34): string[] {
  if (label.length <= max) return [label];
  const midden = Math.min(max, Math.ceil(label.length / 2));
  let best = -1;
  for (let i = 0; i < label.length; i++) {
    if (label[i] !== ' ') continue;
    if (i <= max && (best < 0 || Math.abs(i - midden) < Math.abs(best - midden))) best = i;
  }
  if (best < 0) return [label];
  return [label.slice(0, best), label.slice(best + 1)];
}

/** Which x-axis labels to show so that at most about `ruimte` fit: every k-th and always the last. */
export function zichtbareLabels(n: number, ruimte = 8): boolean[] {
  const k = Math.max(1, Math.ceil(n / ruimte));
  const toon = Array.from({ length: n }, (_, i) => i % k === 0);
  if (n > 0) {
    const laatste = n - 1;
    const vorige = laatste - (laatste % k);
    toon[laatste] = true;
    // The last one too close to the one before it: drop that one (never the first).
    if (vorige !== laatste && vorige !== 0 && laatste - vorige < Math.ceil(k / 2)) toon[vorige] = false;
  }
  return toon;
}
