// Werkvoorraad: open meldingen per team and process, sorted by the first statutory deadline,
// with counts per clock state and the load per worker for the team manager.
import { procesVan, toLocalDate, worstState, type Clock, type ClockState, type Proces } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { MELDING_FACTS_SQL, meldingClocks } from '../casus/service.ts';
import { adresLabel } from '../personen/service.ts';
import { kalender } from '../referentie/service.ts';

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
  const rows = (
    await sql<any>`
      with m as (${MELDING_FACTS_SQL} where m.status <> 'afgesloten'
                 and (${f.teamId ?? null}::int is null or m.team_id = ${f.teamId ?? null}))
      select m.*, c.nummer as casus_nummer, c.versie as casus_versie, c.veiligheidsvlaggen, h.straat, h.huisnummer, h.toevoeging, h.postcode, h.woonplaats, g.naam as behandelaar_naam
      from m join casus c on c.id = m.casus_id join huishouden h on h.id = c.huishouden_id
      left join gebruiker g on g.id = m.behandelaar_id`.execute(db)
  ).rows;
  const ids = rows.map((r: any) => r.id);
  const inf = ids.length ? (await sql<any>`select melding_id, persoon_id, verlengingen, geinformeerd_op from informering where melding_id = any(${ids}) and geinformeerd_op is null`.execute(db)).rows : [];
  const infBy = new Map<number, any[]>();
  for (const i of inf) infBy.set(i.melding_id, [...(infBy.get(i.melding_id) ?? []), i]);

  const all: WerkItem[] = [];
  for (const r of rows) {
    const proces = procesVan(r.status, !!r.behandelaar_id);
    if (!proces) continue;
    const clocks = meldingClocks(k, r, infBy.get(r.id) ?? [], now);
    const open = clocks.filter((c) => !c.metAt).sort((a, b) => a.due.localeCompare(b.due));
    // A beoordeeld melding waits for its besluit: with nothing else open it keeps its place by
    // the beoordeling deadline instead of sinking to the end.
    const leading = open[0] ?? (r.status === 'beoordeeld' ? clocks.find((c) => c.kind === 'veiligheidsbeoordeling') ?? null : null);
    all.push({
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
  // Counts per process and clock state (before the process/worker filters: the manager's overview).
  const counts: Record<string, Record<ClockState, number>> = {};
  for (const it of all) {
    counts[it.proces] ??= Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ClockState, number>;
    counts[it.proces]![it.klokStatus]++;
  }
  const perBehandelaar = new Map<string, { behandelaarId: number | null; naam: string; aantal: number; teLaat: number }>();
  for (const it of all) {
    const key = String(it.behandelaar?.id ?? 'geen');
    const e = perBehandelaar.get(key) ?? { behandelaarId: it.behandelaar?.id ?? null, naam: it.behandelaar?.naam ?? 'Niet toegewezen', aantal: 0, teLaat: 0 };
    e.aantal++;
    if (it.klokStatus === 'overdue') e.teLaat++;
    perBehandelaar.set(key, e);
  }
  let items = all;
  if (f.proces) items = items.filter((i) => i.proces === f.proces);
  if (f.behandelaarId !== undefined) items = items.filter((i) => (i.behandelaar?.id ?? null) === f.behandelaarId);
  if (f.klok) items = items.filter((i) => i.klokStatus === f.klok);
  items.sort((a, b) => (a.eerstvolgende?.due ?? '9999').localeCompare(b.eerstvolgende?.due ?? '9999') || a.ontvangenOp.localeCompare(b.ontvangenOp));
  const total = items.length;
  const offset = f.offset ?? 0;
  const limit = f.limit ?? 100;
  return {
    vandaag: toLocalDate(now),
    totaal: total,
    items: items.slice(offset, offset + limit),
    tellingen: counts,
    perBehandelaar: [...perBehandelaar.values()].sort((a, b) => b.aantal - a.aantal),
  };
}
