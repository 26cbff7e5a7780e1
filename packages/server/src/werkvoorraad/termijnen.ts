// The werkvoorraad's deadline columns on melding: what sorting, filtering and counting by clock
// state need, as three dates that depend only on the melding's data and the werkdagen calendar
// (never on "today"):
//   termijn_sortering    the due day of the leading clock (the list is sorted by it)
//   termijn_open_due     the earliest due day of the open clocks  → overdue when today > it
//   termijn_risico_vanaf the earliest day an open clock is at risk → at risk when today >= it
// The clocks themselves stay computed from the data (casus/service.ts meldingClocks); these
// columns are derived from exactly that function, in the same transaction as every write that
// can change them, for all open meldingen when the calendar changes, and after migrations for
// rows computed by an older TERMIJN_VERSIE (so a change of the clock rules recomputes them).
import { addDays, toLocalDate, type ClockPolicy, type LocalDate, type WerkdagKalender } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { MELDING_FACTS_SQL, meldingClockFns, type MeldingFacts } from '../casus/service.ts';
import { kalender } from '../referentie/service.ts';
import { klokBeleid } from '../casus/klokbeleid.ts';

/**
 * Bump when meldingClocks or the clock policy changes: stored deadlines are then recomputed.
 * 2: the monitoring clock after an overdracht.
 */
export const TERMIJN_VERSIE = 2;

/**
 * The version stored with the deadlines: the rules (TERMIJN_VERSIE) and the configured monitoring
 * interval (VOORDEUR_MONITORING_WEKEN), so a changed interval also recomputes them on the next start.
 */
export function termijnVersie(): number {
  return TERMIJN_VERSIE * 1000 + klokBeleid().monitoringWeken;
}

export interface Termijnen {
  sortering: LocalDate | null;
  openDue: LocalDate | null;
  risicoVanaf: LocalDate | null;
}

type Informering = Array<{ persoon_id: number; verlengingen: any; geinformeerd_op: any }>;

const op = (d: LocalDate) => new Date(`${d}T10:00:00Z`); // within day d in Amsterdam, summer and winter

/** The three deadline dates of one melding, derived from its clocks. */
export function termijnenVan(k: WerkdagKalender, m: MeldingFacts, informering: Informering, p: ClockPolicy = klokBeleid()): Termijnen {
  if (m.status === 'afgesloten') return { sortering: null, openDue: null, risicoVanaf: null };
  const start = toLocalDate(new Date(m.ontvangen_op as string));
  const fns = meldingClockFns(k, m, informering, p);
  const clocks = fns.map((f) => f(op(start)));
  const open = clocks.map((c, i) => ({ c, i })).filter(({ c }) => !c.metAt);
  const leading =
    open.map(({ c }) => c.due).sort()[0] ??
    (m.status === 'beoordeeld' ? clocks.find((c) => c.kind === 'veiligheidsbeoordeling')?.due ?? null : null);
  if (!open.length) return { sortering: leading, openDue: null, risicoVanaf: null };
  let openDue: LocalDate | null = null;
  let risico: LocalDate | null = null;
  for (const { c, i } of open) {
    if (!openDue || c.due < openDue) openDue = c.due;
    // The first day this clock is at risk: walk back from its due day while the clock, evaluated
    // on that day, says at_risk (its state only moves on_time → at_risk → overdue).
    let first: LocalDate = addDays(c.due, 1);
    for (let d = c.due, n = 0; n < 60; d = addDays(d, -1), n++) {
      if (fns[i]!(op(d)).state !== 'at_risk') break;
      first = d;
    }
    if (!risico || first < risico) risico = first;
  }
  return { sortering: leading, openDue, risicoVanaf: risico };
}

/**
 * Recompute and store the deadline columns of these meldingen (or of all open ones). Call inside
 * the transaction of the write that changed them.
 */
export async function bijwerkenTermijnen(db: Db, meldingIds: number[] | 'alle_open' | 'verouderd'): Promise<number> {
  if (Array.isArray(meldingIds) && !meldingIds.length) return 0;
  const k = await kalender(db);
  const p = klokBeleid();
  const versie = termijnVersie();
  let done = 0;
  let afterId = 0;
  for (;;) {
    const where =
      meldingIds === 'alle_open'
        ? sql`m.status <> 'afgesloten'`
        : meldingIds === 'verouderd'
          ? sql`m.status <> 'afgesloten' and m.termijn_versie is distinct from ${versie}`
          : sql`m.id = any(${meldingIds})`;
    const rows = (await sql<any>`${MELDING_FACTS_SQL} where ${where} and m.id > ${afterId} order by m.id limit 2000`.execute(db)).rows;
    if (!rows.length) break;
    const ids = rows.map((r) => r.id as number);
    const inf = (await sql<any>`select melding_id, persoon_id, verlengingen, geinformeerd_op from informering where melding_id = any(${ids})`.execute(db)).rows;
    const infBy = new Map<number, Informering>();
    for (const i of inf) infBy.set(i.melding_id, [...(infBy.get(i.melding_id) ?? []), i]);
    const t = rows.map((r) => termijnenVan(k, r, infBy.get(r.id) ?? [], p));
    await sql`
      update melding m set termijn_sortering = u.sortering, termijn_open_due = u.open_due,
        termijn_risico_vanaf = u.risico_vanaf, termijn_versie = ${versie}
      from unnest(${ids}::int[], ${t.map((x) => x.sortering)}::date[], ${t.map((x) => x.openDue)}::date[], ${t.map((x) => x.risicoVanaf)}::date[])
        as u(id, sortering, open_due, risico_vanaf)
      where m.id = u.id`.execute(db);
    done += rows.length;
    afterId = ids[ids.length - 1]!;
    if (rows.length < 2000) break;
  }
  return done;
}

/** SQL for the clock state of a melding on `today`, from the stored deadline columns. */
export const klokStatusSql = (today: LocalDate) => sql`(case
  when m.termijn_open_due is null then 'met'
  when m.termijn_open_due < ${today}::date then 'overdue'
  when m.termijn_risico_vanaf <= ${today}::date then 'at_risk'
  else 'on_time' end)`;

/** SQL for the werkvoorraad process of a melding (domain procesVan). */
export const procesSql = sql`(case
  when m.status = 'ontvangen' and m.behandelaar_id is null then 'bureaudienst'
  when m.status in ('ontvangen', 'beoordeeld') then 'veiligheidsbeoordeling'
  when m.status in ('dienst_vv', 'dienst_onderzoek') then 'diensten'
  when m.status = 'overgedragen' then 'monitoring' end)`;
