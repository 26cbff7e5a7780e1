// The SQL of the werkvoorraad: the facts of meldingen that their clocks and workflow need (mapped to
// the domain's MeldingFacts here, the one place a row becomes facts), the process and clock state
// of a melding in SQL, and the list's own queries.
import type { InformeringFacts, LocalDate, MeldingFacts, MeldingStatus, Verlenging } from '@voordeur/domain';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';

type Ts = Date | string;

/** A row of MELDING_FACTS_SQL. */
export interface MeldingFactsRow {
  id: number;
  casus_id: number;
  status: MeldingStatus;
  behandelaar_id: number | null;
  ontvangen_op: Ts;
  geregistreerd_op: Ts;
  met_kinderen: boolean;
  afgesloten_op: Ts | null;
  beoordeeld_op: Ts | null;
  beoordeling_uitkomst: string | null;
  dienst_soort: 'voorwaarden_en_vervolg' | 'onderzoek' | null;
  dienst_afgesloten_op: Ts | null;
  onderzoek_uitkomsten: unknown[] | null;
  tk_beoordeling_op: Ts | null;
  tk_onderzoek_op: Ts | null;
  overgedragen_op: Ts | null;
  laatste_monitoringcontact_op: Ts | null;
}

/** The facts of meldingen (filter with `where` over alias m). */
export const MELDING_FACTS_SQL = sql`
  select m.id, m.casus_id, m.status, m.behandelaar_id, m.ontvangen_op, m.geregistreerd_op, m.met_kinderen,
         m.afgesloten_op, vb.vastgesteld_op as beoordeeld_op, vb.uitkomst as beoordeling_uitkomst,
         d.soort as dienst_soort, d.afgesloten_op as dienst_afgesloten_op, d.onderzoek_uitkomsten,
         (select gedaan_op from terugkoppeling t where t.melding_id = m.id and t.moment = 'na_beoordeling') as tk_beoordeling_op,
         (select gedaan_op from terugkoppeling t where t.melding_id = m.id and t.moment = 'na_onderzoek') as tk_onderzoek_op,
         (select overgedragen_op from overdracht o where o.melding_id = m.id) as overgedragen_op,
         (select max(gedaan_op) from monitoringcontact mc where mc.melding_id = m.id) as laatste_monitoringcontact_op
  from melding m
  left join veiligheidsbeoordeling vb on vb.melding_id = m.id
  left join dienst d on d.melding_id = m.id`;

/** A row of the melding's facts → the domain's MeldingFacts. */
export function meldingFacts(r: MeldingFactsRow): MeldingFacts {
  return {
    status: r.status,
    ontvangenOp: r.ontvangen_op,
    geregistreerdOp: r.geregistreerd_op,
    metKinderen: r.met_kinderen,
    heeftBehandelaar: r.behandelaar_id != null,
    beoordeeldOp: r.beoordeeld_op,
    beoordelingUitkomst: r.beoordeling_uitkomst,
    dienstSoort: r.dienst_soort,
    dienstAfgeslotenOp: r.dienst_afgesloten_op,
    onderzoekUitkomsten: r.onderzoek_uitkomsten,
    terugkoppelingNaBeoordelingOp: r.tk_beoordeling_op,
    terugkoppelingNaOnderzoekOp: r.tk_onderzoek_op,
    overgedragenOp: r.overgedragen_op,
    laatsteMonitoringcontactOp: r.laatste_monitoringcontact_op,
    afgeslotenOp: r.afgesloten_op,
  };
}

/** A row of informering (as far as the informing clock needs it). */
export interface InformeringRow {
  melding_id: number;
  persoon_id: number;
  verlengingen: Verlenging[] | null;
  geinformeerd_op: Ts | null;
}

export function informeringFacts(i: InformeringRow): InformeringFacts {
  return {
    persoonId: i.persoon_id,
    verlengingen: Array.isArray(i.verlengingen) ? i.verlengingen : [],
    geinformeerdOp: i.geinformeerd_op,
  };
}

/** The facts rows of the meldingen matching `where`, by id after `afterId` (paged). */
export async function meldingFactsRows(db: Db, where: RawBuilder<unknown>, afterId = 0, limit = 2000) {
  return (
    await sql<MeldingFactsRow>`${MELDING_FACTS_SQL} where ${where} and m.id > ${afterId} order by m.id limit ${limit}`.execute(
      db,
    )
  ).rows;
}

/** The informing facts of these meldingen, per melding (only the open ones when `alleenOpen`). */
export async function informeringPerMelding(
  db: Db,
  meldingIds: number[],
  alleenOpen = false,
): Promise<Map<number, InformeringFacts[]>> {
  const out = new Map<number, InformeringFacts[]>();
  if (!meldingIds.length) return out;
  const rows = (
    await sql<InformeringRow>`select melding_id, persoon_id, verlengingen, geinformeerd_op from informering
      where melding_id = any(${meldingIds}) ${alleenOpen ? sql`and geinformeerd_op is null` : sql``}`.execute(db)
  ).rows;
  for (const i of rows) out.set(i.melding_id, [...(out.get(i.melding_id) ?? []), informeringFacts(i)]);
  return out;
}

/** Store the derived deadline dates of these meldingen (with the version of the rules). */
export async function slaTermijnenOp(
  db: Db,
  ids: number[],
  t: Array<{ sortering: LocalDate | null; openDue: LocalDate | null; risicoVanaf: LocalDate | null }>,
  versie: number,
) {
  await sql`
    update melding m set termijn_sortering = u.sortering, termijn_open_due = u.open_due,
      termijn_risico_vanaf = u.risico_vanaf, termijn_versie = ${versie}
    from unnest(${ids}::int[], ${t.map((x) => x.sortering)}::date[], ${t.map((x) => x.openDue)}::date[], ${t.map((x) => x.risicoVanaf)}::date[])
      as u(id, sortering, open_due, risico_vanaf)
    where m.id = u.id`.execute(db);
}

/** SQL for the clock state of a melding on `today`, from the stored deadline columns. */
export const klokStatusSql = (today: LocalDate) => sql`(case
  when m.termijn_open_due is null then 'met'
  when m.termijn_open_due < ${today}::date then 'overdue'
  when m.termijn_risico_vanaf <= ${today}::date then 'at_risk'
  else 'on_time' end)`;

/**
 * SQL for the werkvoorraad process of a melding: the domain's procesVan, in SQL so the list can
 * filter and page on it. werkvoorraad/proces.int.test.ts compares the two on every status.
 */
export const procesSql = sql`(case
  when m.status = 'ontvangen' and m.behandelaar_id is null then 'bureaudienst'
  when m.status in ('ontvangen', 'beoordeeld') then 'veiligheidsbeoordeling'
  when m.status in ('dienst_vv', 'dienst_onderzoek') then 'diensten'
  when m.status = 'overgedragen' then 'monitoring' end)`;

// ---------------------------------------------------------------- the list

type Telling = Record<'overdue' | 'at_risk' | 'on_time' | 'met', number>;

/**
 * Counts per status × worker with one column per clock state, in one aggregate on the partial index
 * of the open meldingen (`scope`); `zichtbaar` says whether the user may see them listed.
 */
export async function groepenPerStatusEnBehandelaar(
  db: Db,
  scope: RawBuilder<unknown>,
  zichtbaar: RawBuilder<boolean>,
  today: LocalDate,
) {
  return (
    await sql<{ status: MeldingStatus; behandelaar_id: number | null; zichtbaar: boolean } & Telling>`
      select m.status, m.behandelaar_id, ${zichtbaar} as zichtbaar,
        count(*) filter (where m.termijn_open_due < ${today}::date)::int as overdue,
        count(*) filter (where m.termijn_open_due >= ${today}::date and m.termijn_risico_vanaf <= ${today}::date)::int as at_risk,
        count(*) filter (where m.termijn_open_due >= ${today}::date and m.termijn_risico_vanaf > ${today}::date)::int as on_time,
        count(*) filter (where m.termijn_open_due is null)::int as met
      from melding m where ${scope} group by 1, 2, 3`.execute(db)
  ).rows;
}

/** Names of these users. */
export async function gebruikerNamen(db: Db, ids: number[]): Promise<Array<[number, string]>> {
  if (!ids.length) return [];
  return (
    await sql<{ id: number; naam: string }>`select id, naam from gebruiker where id = any(${ids})`.execute(db)
  ).rows.map((u) => [u.id, u.naam]);
}

export interface PaginaRij {
  id: number;
  nummer: string;
  casus_id: number;
  status: MeldingStatus;
  behandelaar_id: number | null;
  ontvangen_op: Ts;
  geregistreerd_op: Ts;
}

/** One page of the list, in list order: first statutory deadline, then receipt. */
export async function paginaRijen(db: Db, filters: RawBuilder<unknown>[], limit: number, offset: number) {
  return (
    await sql<PaginaRij>`
      select m.id, m.nummer, m.casus_id, m.status, m.behandelaar_id, m.ontvangen_op, m.geregistreerd_op
      from melding m where ${sql.join(filters, sql` and `)}
      order by m.termijn_sortering nulls last, m.ontvangen_op, m.id limit ${limit} offset ${offset}`.execute(db)
  ).rows;
}

export interface PaginaCasusRij {
  id: number;
  nummer: string;
  versie: number;
  veiligheidsvlaggen: string[] | null;
  straat: string | null;
  huisnummer: string | null;
  toevoeging: string | null;
  postcode: string | null;
  woonplaats: string | null;
}

/**
 * What the page's clocks and lines need. Small keyed queries (cheap to plan, run side by side on a
 * server pool) instead of one wide join.
 */
export async function paginaDetails(db: Db, page: number[], casusIds: number[]) {
  if (!page.length) return { vb: [], dn: [], tk: [], cs: [], inf: [], mon: [] };
  const [vb, dn, tk, cs, inf, mon] = await Promise.all([
    sql<{
      melding_id: number;
      vastgesteld_op: Ts;
    }>`select melding_id, vastgesteld_op from veiligheidsbeoordeling where melding_id = any(${page})`.execute(db),
    sql<{
      melding_id: number;
      soort: 'voorwaarden_en_vervolg' | 'onderzoek';
      gestart_op: Ts;
      afgesloten_op: Ts | null;
      onderzoek_uitkomsten: unknown[] | null;
    }>`select melding_id, soort, gestart_op, afgesloten_op, onderzoek_uitkomsten from dienst where melding_id = any(${page})`.execute(
      db,
    ),
    sql<{
      melding_id: number;
      moment: string;
      gedaan_op: Ts;
    }>`select melding_id, moment, gedaan_op from terugkoppeling where melding_id = any(${page})`.execute(db),
    sql<PaginaCasusRij>`select c.id, c.nummer, c.versie, c.veiligheidsvlaggen, h.straat, h.huisnummer, h.toevoeging, h.postcode, h.woonplaats
             from casus c join huishouden h on h.id = c.huishouden_id where c.id = any(${casusIds})`.execute(db),
    sql<InformeringRow>`select melding_id, persoon_id, verlengingen, geinformeerd_op from informering where melding_id = any(${page}) and geinformeerd_op is null`.execute(
      db,
    ),
    sql<{
      melding_id: number;
      overgedragen_op: Ts;
      laatste: Ts | null;
    }>`select o.melding_id, o.overgedragen_op, (select max(gedaan_op) from monitoringcontact mc where mc.melding_id = o.melding_id) as laatste
             from overdracht o where o.melding_id = any(${page})`.execute(db),
  ]);
  return { vb: vb.rows, dn: dn.rows, tk: tk.rows, cs: cs.rows, inf: inf.rows, mon: mon.rows };
}

/** The open meldingen of a team, or of every team of the organisation. */
export const scopeSql = (teamId: number | null | undefined, organisatieId: number) =>
  teamId != null
    ? sql`m.status <> 'afgesloten' and m.team_id = ${teamId}`
    : sql`m.status <> 'afgesloten' and m.team_id in (select id from team where organisatie_id = ${organisatieId})`;

/** The list's filters over alias m: scope, visibility, process, worker (null: nobody), clock state today. */
export function lijstFilters(
  scope: RawBuilder<unknown>,
  zichtbaar: RawBuilder<boolean> | null | undefined,
  proces: string | undefined,
  behandelaarId: number | null | undefined,
  klok: string | undefined,
  today: LocalDate,
): RawBuilder<unknown>[] {
  const filters: RawBuilder<unknown>[] = [scope];
  if (zichtbaar) filters.push(zichtbaar);
  if (proces) filters.push(sql`${procesSql} = ${proces}`);
  if (behandelaarId !== undefined)
    filters.push(behandelaarId === null ? sql`m.behandelaar_id is null` : sql`m.behandelaar_id = ${behandelaarId}`);
  if (klok) filters.push(sql`${klokStatusSql(today)} = ${klok}`);
  return filters;
}
