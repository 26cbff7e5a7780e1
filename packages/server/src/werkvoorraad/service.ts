// Werkvoorraad: open meldingen per team and process, sorted by the first statutory deadline,
// with counts per clock state and the load per worker for the team manager.
import { procesVan, toLocalDate, worstState, type Clock, type ClockState, type Proces } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { MELDING_FACTS_SQL, meldingClocks } from '../casus/service.ts';
import { adresLabel } from '../personen/service.ts';
import { kalender } from '../referentie/service.ts';
import { klokStatusSql, procesSql } from './termijnen.ts';

export interface WerkvoorraadFilter {
  teamId?: number | null;
  proces?: Proces;
  behandelaarId?: number | null;
  klok?: ClockState;
  limit?: number;
  offset?: number;
}

export interface WerkItem {
  meldingId: number;
  nummer: string;
  casusId: number;
  casusNummer: string;
  /** The casus version, for an action straight from the list (e.g. oppakken). */
  casusVersie: number;
  /** Safety flags of the household's casus (codes of list veiligheidsvlag). */
  veiligheidsvlaggen: string[];
  adres: string;
  status: string;
  proces: Proces;
  behandelaar: { id: number; naam: string } | null;
  ontvangenOp: string;
  eerstvolgende: Clock | null;
  klokStatus: ClockState;
  openKlokken: Clock[];
}

const STATES: ClockState[] = ['overdue', 'at_risk', 'on_time', 'met_late', 'met'];

export async function werkvoorraad(db: Db, f: WerkvoorraadFilter, now: Date) {
  const k = await kalender(db);
  const today = toLocalDate(now);
  const klok = klokStatusSql(today);
  // The open meldingen in scope (team), on the partial index melding_werkvoorraad(_alle).
  const scope = f.teamId != null ? sql`m.status <> 'afgesloten' and m.team_id = ${f.teamId}` : sql`m.status <> 'afgesloten'`;

  // Counts per process × clock state × worker in one aggregate: the manager's overview (before
  // the process/worker/clock filters), the load per worker and the filtered total.
  const groups = (
    await sql<{ proces: Proces; klok: ClockState; behandelaar_id: number | null; n: number }>`
      select ${procesSql} as proces, ${klok} as klok, m.behandelaar_id, count(*)::int as n
      from melding m where ${scope} group by 1, 2, 3`.execute(db)
  ).rows;
  const counts: Record<string, Record<ClockState, number>> = {};
  const perBehandelaar = new Map<string, { behandelaarId: number | null; naam: string; aantal: number; teLaat: number }>();
  let total = 0;
  for (const g of groups) {
    if (!g.proces) continue;
    counts[g.proces] ??= Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ClockState, number>;
    counts[g.proces]![g.klok] += g.n;
    const key = String(g.behandelaar_id ?? 'geen');
    const e = perBehandelaar.get(key) ?? { behandelaarId: g.behandelaar_id, naam: 'Niet toegewezen', aantal: 0, teLaat: 0 };
    e.aantal += g.n;
    if (g.klok === 'overdue') e.teLaat += g.n;
    perBehandelaar.set(key, e);
    if (f.proces && g.proces !== f.proces) continue;
    if (f.behandelaarId !== undefined && g.behandelaar_id !== f.behandelaarId) continue;
    if (f.klok && g.klok !== f.klok) continue;
    total += g.n;
  }
  const ids = [...perBehandelaar.values()].map((e) => e.behandelaarId).filter((x): x is number => x != null);
  if (ids.length) {
    for (const u of (await sql<{ id: number; naam: string }>`select id, naam from gebruiker where id = any(${ids})`.execute(db)).rows) {
      perBehandelaar.get(String(u.id))!.naam = u.naam;
    }
  }

  // The page, in list order: first statutory deadline, then receipt.
  const filters = [scope];
  if (f.proces) filters.push(sql`${procesSql} = ${f.proces}`);
  if (f.behandelaarId !== undefined) filters.push(f.behandelaarId === null ? sql`m.behandelaar_id is null` : sql`m.behandelaar_id = ${f.behandelaarId}`);
  if (f.klok) filters.push(sql`${klok} = ${f.klok}`);
  const offset = f.offset ?? 0;
  const limit = f.limit ?? 100;
  const page = (
    await sql<{ id: number }>`
      select m.id from melding m where ${sql.join(filters, sql` and `)}
      order by m.termijn_sortering nulls last, m.ontvangen_op, m.id limit ${limit} offset ${offset}`.execute(db)
  ).rows.map((r) => r.id);

  // Only the page's clocks are computed (from the data, as on the casus page).
  const rows = page.length
    ? (
        await sql<any>`
          with m as (${MELDING_FACTS_SQL} where m.id = any(${page}))
          select m.*, c.nummer as casus_nummer, c.versie as casus_versie, c.veiligheidsvlaggen, h.straat, h.huisnummer, h.toevoeging, h.postcode, h.woonplaats, g.naam as behandelaar_naam
          from m join casus c on c.id = m.casus_id join huishouden h on h.id = c.huishouden_id
          left join gebruiker g on g.id = m.behandelaar_id`.execute(db)
      ).rows
    : [];
  const inf = page.length ? (await sql<any>`select melding_id, persoon_id, verlengingen, geinformeerd_op from informering where melding_id = any(${page}) and geinformeerd_op is null`.execute(db)).rows : [];
  const infBy = new Map<number, any[]>();
  for (const i of inf) infBy.set(i.melding_id, [...(infBy.get(i.melding_id) ?? []), i]);
  const byId = new Map(rows.map((r: any) => [r.id as number, r]));

  const items: WerkItem[] = [];
  for (const id of page) {
    const r = byId.get(id);
    if (!r) continue;
    const proces = procesVan(r.status, !!r.behandelaar_id);
    if (!proces) continue;
    const clocks = meldingClocks(k, r, infBy.get(r.id) ?? [], now);
    const open = clocks.filter((c) => !c.metAt).sort((a, b) => a.due.localeCompare(b.due));
    // A beoordeeld melding waits for its besluit: with nothing else open it keeps its place by
    // the beoordeling deadline instead of sinking to the end.
    const leading = open[0] ?? (r.status === 'beoordeeld' ? clocks.find((c) => c.kind === 'veiligheidsbeoordeling') ?? null : null);
    items.push({
      meldingId: r.id,
      nummer: r.nummer,
      casusId: r.casus_id,
      casusNummer: r.casus_nummer,
      casusVersie: r.casus_versie,
      veiligheidsvlaggen: r.veiligheidsvlaggen ?? [],
      adres: adresLabel(r),
      status: r.status,
      proces,
      behandelaar: r.behandelaar_id ? { id: r.behandelaar_id, naam: r.behandelaar_naam } : null,
      ontvangenOp: new Date(r.ontvangen_op).toISOString(),
      eerstvolgende: leading,
      klokStatus: open.length ? worstState(open.map((c) => c.state)) : 'met',
      openKlokken: open,
    });
  }
  return {
    vandaag: today,
    totaal: total,
    items,
    tellingen: counts,
    perBehandelaar: [...perBehandelaar.values()].sort((a, b) => b.aantal - a.aantal),
  };
}
