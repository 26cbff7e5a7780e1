// Small-cell suppression for publication (see docs/statistics.md, "Onderdrukking").
//
// Primary: a count c with 0 < c < drempel is replaced by null. Zero is published.
// Secondary: in every group of counts that add up to a published total, a single suppressed
// cell could be recomputed by subtraction; then the smallest other cell of that group is
// suppressed too (repeated until no group has exactly one suppressed cell).
// Derived figures (percentages, averages, rates per 1,000 households) are null when a count
// they are computed from is suppressed.

import { onderdrukkingVerplicht } from '@voordeur/domain';

export interface Cel {
  obj: Record<string, any>;
  key: string;
  pad: string;
}

export interface Afgeleid {
  bronnen: Cel[];
  doelen: Array<{ obj: Record<string, any>; key: string }>;
}

export class Onderdrukker {
  private cellen: Cel[] = [];
  private groepen: Cel[][] = [];
  private afgeleid: Afgeleid[] = [];

  constructor(readonly drempel: number) {}

  cel(obj: Record<string, any>, key: string, pad: string): Cel {
    const c = { obj, key, pad };
    this.cellen.push(c);
    return c;
  }

  /** Cells that add up to a published total (the total itself is registered separately). */
  groep(cellen: Cel[]): void {
    if (cellen.length > 1) this.groepen.push(cellen);
  }

  /** `doelen` become null when any of `bronnen` is suppressed. */
  hangtAf(bronnen: Cel[], doelen: Array<{ obj: Record<string, any>; key: string }>): void {
    this.afgeleid.push({ bronnen, doelen });
  }

  /** Apply; returns the paths of suppressed cells (primary and secondary). */
  pasToe(): string[] {
    if (this.drempel <= 1) return [];
    const weg = new Set<Cel>();
    for (const c of this.cellen) {
      const v = c.obj[c.key];
      if (typeof v === 'number' && v > 0 && v < this.drempel) weg.add(c);
    }
    for (let changed = true; changed;) {
      changed = false;
      for (const g of this.groepen) {
        if (g.filter((c) => weg.has(c)).length !== 1) continue;
        const rest = g.filter((c) => !weg.has(c) && typeof c.obj[c.key] === 'number');
        if (!rest.length) continue;
        rest.sort((a, b) => Number(a.obj[a.key] === 0) - Number(b.obj[b.key] === 0) || a.obj[a.key] - b.obj[b.key]);
        weg.add(rest[0]!);
        changed = true;
      }
    }
    for (const a of this.afgeleid) {
      if (a.bronnen.some((c) => weg.has(c))) for (const d of a.doelen) d.obj[d.key] = null;
    }
    for (const c of weg) c.obj[c.key] = null;
    return [...weg].map((c) => c.pad);
  }
}

/** The threshold where suppression cannot be turned off: VOORDEUR_SUPPRESS_BELOW when above 0, else 5. */
export function verplichteDrempel(): number {
  const d = drempelUit(undefined);
  return d > 0 ? d : 5;
}

/**
 * The threshold of a request. For a role that sees figures only (onderdrukkingVerplicht: the
 * beleidsmedewerker) and for the coordination view (shared with the gemeente) suppression is on by
 * default and cannot be lowered below verplichteDrempel(); a higher `suppress` is honoured. Other
 * roles: drempelUit.
 */
export function drempelVoor(rollen: readonly string[], q: number | undefined, verplicht = false): number {
  if (!verplicht && !onderdrukkingVerplicht(rollen)) return drempelUit(q);
  const min = verplichteDrempel();
  return Math.max(q ?? min, min);
}

/** The threshold: query parameter, else VOORDEUR_SUPPRESS_BELOW, else 0 (off). */
export function drempelUit(q: number | undefined): number {
  if (q !== undefined) return q;
  const env = process.env.VOORDEUR_SUPPRESS_BELOW;
  const n = env ? Number(env) : 0;
  return Number.isInteger(n) && n >= 0 ? n : 0;
}
