// Rounding of the report's averages, percentages and rates: half up to one decimal, exactly (issue 12).
// The reference below works on decimal strings of the exact quotient (long division), independent of
// breuk1's formula.
import { describe, expect, it } from 'vitest';
import { breuk1, beoordelingDoorlooptijd, dienstDoorlooptijd, pct } from './halfjaar.ts';
import { csvWaarde } from './export.ts';

/** teller ÷ noemer half up to one decimal, by long division to two decimals and a look at the rest. */
function referentie(teller: number, noemer: number): string {
  const heel = Math.floor(teller / noemer);
  let rest = teller - heel * noemer;
  const cijfers: number[] = [];
  for (let i = 0; i < 2; i++) {
    rest *= 10;
    cijfers.push(Math.floor(rest / noemer));
    rest -= cijfers[i]! * noemer;
  }
  // Half up: the second decimal ≥ 5 rounds the first up (what follows it only adds).
  const tienden = heel * 10 + cijfers[0]! + (cijfers[1]! >= 5 ? 1 : 0);
  return `${Math.floor(tienden / 10)}.${tienden % 10}`;
}

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('exact half-up rounding', () => {
  it('the issue examples: 2,674 days over 40 diensten = 9.55 weeks → 9.6; 189 over 20 = 1.35 → 1.4', () => {
    expect(dienstDoorlooptijd({ n: 40, som: 2674, binnen: 20 }).gemiddeldWeken).toBe(9.6);
    expect(dienstDoorlooptijd({ n: 20, som: 189, binnen: 20 }).gemiddeldWeken).toBe(1.4);
    // What dividing twice in floating point gave: 9.5 and 1.3.
    expect(Math.round((2674 / 40 / 7) * 10) / 10).toBe(9.5);
    expect(Math.round((189 / 20 / 7) * 10) / 10).toBe(1.3);
    // In the CSV (and the XLSX, which takes the same number) with a decimal comma.
    expect(csvWaarde(dienstDoorlooptijd({ n: 40, som: 2674, binnen: 20 }).gemiddeldWeken)).toBe('9,6');
  });

  it('every average, percentage and rate over many sums and counts equals the decimal reference', () => {
    const r = rng(12);
    const fout: string[] = [];
    const check = (wat: string, kreeg: number | null, t: number, n: number) => {
      if (kreeg !== Number(referentie(t, n))) fout.push(`${wat} ${t}/${n}: ${kreeg} ≠ ${referentie(t, n)}`);
    };
    for (let i = 0; i < 100_000; i++) {
      const n = 1 + Math.floor(r() * (i % 3 === 0 ? 100_000 : 400));
      const som = Math.floor(r() * n * 120);
      const binnen = Math.floor(r() * (n + 1));
      const d = dienstDoorlooptijd({ n, som, binnen });
      const b = beoordelingDoorlooptijd({ n, som, binnen });
      check('weken', d.gemiddeldWeken, som, 7 * n);
      check('werkdagen', b.gemiddeldWerkdagen, som, n);
      check('procent', b.percentageBinnenTermijn, 100 * binnen, n);
    }
    // The exact halves themselves, systematically: (2k+1)/20 as weeks (n = 20 diensten), werkdagen and percentages.
    for (let k = 0; k < 5000; k++) {
      const half = (Math.floor((2 * k + 1) / 2) + 1) / 10; // (2k+1)/20 rounded up: k = 13 → 1.35 → 1.4
      const d = dienstDoorlooptijd({ n: 20, som: 7 * (2 * k + 1), binnen: 0 }).gemiddeldWeken;
      if (d !== half) fout.push(`weken ${7 * (2 * k + 1)}/140: ${d} ≠ ${half}`);
      if (breuk1(2 * k + 1, 20) !== half) fout.push(`werkdagen ${2 * k + 1}/20`);
      if (pct(2 * k + 1, 2000) !== half) fout.push(`procent ${2 * k + 1}/2000`);
    }
    expect(fout.slice(0, 10)).toEqual([]);
  });

  it('refuses what is not a fraction of counts', () => {
    expect(() => breuk1(1.5, 2)).toThrow(RangeError);
    expect(() => breuk1(1, 0)).toThrow(RangeError);
    expect(() => breuk1(-1, 2)).toThrow(RangeError);
    expect(pct(0, 0)).toBeNull();
  });
});
