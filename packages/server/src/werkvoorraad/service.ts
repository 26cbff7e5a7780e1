// Werkvoorraad: open meldingen per team and process, sorted by the first statutory deadline,
// with counts per clock state and the load per worker for the team manager.
import {
  meldingClocks,
  procesVan,
  toLocalDate,
  worstState,
  type Clock,
  type ClockState,
  type Proces,
} from '@voordeur/domain';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import { adresLabel } from '../personen/service.ts';
import { klokBeleid } from '../referentie/klokbeleid.ts';
import { kalender } from '../referentie/service.ts';
import {
  gebruikerNamen,
  groepenPerStatusEnBehandelaar,
  informeringFacts,
  lijstFilters,
  meldingFacts,
  paginaDetails,
  paginaRijen,
  scopeSql,
  type InformeringRow,
  type MeldingFactsRow,
} from './queries.ts';

export interface WerkvoorraadFilter {
  /** The organisation whose meldingen are in scope (a server may hold several regions). */
  organisatieId: number;
  teamId?: number | null;
  /**
   * Which meldingen of the scope may be listed (with their address): SQL over alias `m`, from
   * toegang/relatie.ts werkrelatieMeldingSql(). Absent or null: all of them. The counts per
   * process and worker always cover the whole scope; `totaal` and the page only the listed ones.
   */
  zichtbaar?: RawBuilder<boolean> | null;
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
  const policy = klokBeleid();
  const today = toLocalDate(now);
  // The open meldingen in scope (team), on the partial index melding_werkvoorraad(_alle).
  const scope = scopeSql(f.teamId, f.organisatieId);
  const zichtbaar = f.zichtbaar ?? sql<boolean>`true`;

  // Counts per status × worker with one column per clock state, in one aggregate on the index:
  // the manager's overview (before the process/worker/clock filters), the load per worker and
  // the filtered total.
  const groups = await groepenPerStatusEnBehandelaar(db, scope, zichtbaar, today);
  const counts: Record<string, Record<ClockState, number>> = {};
  const perBehandelaar = new Map<
    string,
    { behandelaarId: number | null; naam: string; aantal: number; teLaat: number }
  >();
  let total = 0;
  let verborgen = 0;
  for (const g of groups) {
    const proces = procesVan(g.status, g.behandelaar_id != null);
    if (!proces) continue;
    const c = (counts[proces] ??= Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ClockState, number>);
    const n = g.overdue + g.at_risk + g.on_time + g.met;
    for (const s of ['overdue', 'at_risk', 'on_time', 'met'] as const) c[s] += g[s];
    const key = String(g.behandelaar_id ?? 'geen');
    const e = perBehandelaar.get(key) ?? {
      behandelaarId: g.behandelaar_id,
      naam: 'Niet toegewezen',
      aantal: 0,
      teLaat: 0,
    };
    e.aantal += n;
    e.teLaat += g.overdue;
    perBehandelaar.set(key, e);
    if (f.proces && proces !== f.proces) continue;
    if (f.behandelaarId !== undefined && g.behandelaar_id !== f.behandelaarId) continue;
    if (!g.zichtbaar) {
      verborgen += !f.klok ? n : f.klok === 'met_late' ? 0 : g[f.klok];
      continue;
    }
    total += !f.klok ? n : f.klok === 'met_late' ? 0 : g[f.klok];
  }
  const ids = [...perBehandelaar.values()].map((e) => e.behandelaarId).filter((x): x is number => x != null);
  for (const [id, naam] of await gebruikerNamen(db, ids)) perBehandelaar.get(String(id))!.naam = naam;

  // The page, in list order: first statutory deadline, then receipt.
  const filters = lijstFilters(scope, f.zichtbaar, f.proces, f.behandelaarId, f.klok, today);
  const offset = f.offset ?? 0;
  const limit = f.limit ?? 100;
  const pageRows = await paginaRijen(db, filters, limit, offset);
  const page = pageRows.map((r) => r.id);

  // Only the page's clocks are computed, from the data as on the casus page. Small keyed queries
  // (cheap to plan, run side by side on a server pool) instead of one wide join.
  const casusIds = [...new Set(pageRows.map((r) => r.casus_id))];
  const { vb, dn, tk, cs, inf, mon } = await paginaDetails(db, page, casusIds);
  const monBy = new Map(mon.map((x) => [x.melding_id, x]));
  const vbBy = new Map(vb.map((x) => [x.melding_id, x]));
  const dnBy = new Map(dn.map((x) => [x.melding_id, x]));
  const tkBy = new Map(tk.map((x) => [`${x.melding_id}:${x.moment}`, x.gedaan_op]));
  const csBy = new Map(cs.map((x) => [x.id, x]));
  const infBy = new Map<number, InformeringRow[]>();
  for (const i of inf) infBy.set(i.melding_id, [...(infBy.get(i.melding_id) ?? []), i]);
  const byId = new Map(
    pageRows.map((m) => {
      const d = dnBy.get(m.id);
      const c = csBy.get(m.casus_id);
      const facts: MeldingFactsRow = {
        id: m.id,
        casus_id: m.casus_id,
        status: m.status,
        behandelaar_id: m.behandelaar_id,
        ontvangen_op: m.ontvangen_op,
        geregistreerd_op: m.geregistreerd_op,
        met_kinderen: false, // not a clock fact; the list shows no workflow
        beoordeeld_op: vbBy.get(m.id)?.vastgesteld_op ?? null,
        beoordeling_uitkomst: null,
        dienst_soort: d?.soort ?? null,
        dienst_afgesloten_op: d?.afgesloten_op ?? null,
        onderzoek_uitkomsten: d?.onderzoek_uitkomsten ?? null,
        tk_beoordeling_op: tkBy.get(`${m.id}:na_beoordeling`) ?? null,
        tk_onderzoek_op: tkBy.get(`${m.id}:na_onderzoek`) ?? null,
        afgesloten_op: null, // the werkvoorraad lists open meldingen only
        overgedragen_op: monBy.get(m.id)?.overgedragen_op ?? null,
        laatste_monitoringcontact_op: monBy.get(m.id)?.laatste ?? null,
      };
      const naam = m.behandelaar_id != null ? perBehandelaar.get(String(m.behandelaar_id))?.naam : undefined;
      return [
        m.id as number,
        {
          ...facts,
          ...c,
          id: m.id,
          nummer: m.nummer,
          casus_id: m.casus_id,
          behandelaar_id: m.behandelaar_id,
          casus_nummer: c?.nummer,
          casus_versie: c?.versie,
          behandelaar_naam: naam,
        } as any,
      ];
    }),
  );

  const items: WerkItem[] = [];
  for (const id of page) {
    const r = byId.get(id);
    if (!r) continue;
    const proces = procesVan(r.status, !!r.behandelaar_id);
    if (!proces) continue;
    const clocks = meldingClocks(k, meldingFacts(r), (infBy.get(r.id) ?? []).map(informeringFacts), now, policy);
    const open = clocks.filter((c) => !c.metAt).sort((a, b) => a.due.localeCompare(b.due));
    // A beoordeeld melding waits for its besluit: with nothing else open it keeps its place by
    // the beoordeling deadline instead of sinking to the end.
    const leading =
      open[0] ?? (r.status === 'beoordeeld' ? (clocks.find((c) => c.kind === 'veiligheidsbeoordeling') ?? null) : null);
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
    /** Meldingen that match the filters but are not listed: no relation with them (see zichtbaar). */
    nietGetoond: verborgen,
    items,
    tellingen: counts,
    perBehandelaar: [...perBehandelaar.values()].sort((a, b) => b.aantal - a.aantal),
  };
}
