// The casus: one household's story (meldingen, beoordelingen, besluiten, diensten,
// overdrachten, terugkoppelingen) with its statutory clocks, and the workflow actions.
import { open, openMelder } from '../crypto/veld.ts';
import {
  afsluitenRegel,
  allowedActions,
  beoordelingClock,
  beoordelingRegel,
  dienstClock,
  geboortedatumLabel,
  informerenClock,
  isMinderjarigOp,
  leeftijdOp,
  monitoringClock,
  terugkoppelingClock,
  terugkoppelingMomenten,
  toLocalDate,
  transition,
  volledigeNaam,
  worstState,
  ACTIE_LABEL,
  MELDING_STATUS_LABEL,
  HULP_GESTART_LABEL,
  VEILIG_LABEL,
  type Actie,
  type Clock,
  type ClockPolicy,
  type LocalDate,
  type MeldingStatus,
  type WerkdagKalender,
  type WorkflowContext,
} from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { HttpError, notFound, ValidationError, versionConflict, type FieldError } from '../http/errors.ts';
import { adresLabel, radar } from '../personen/service.ts';
import { openbaarheidPerMelding } from '../privacy/melder.ts';
import { checkCodes, kalender } from '../referentie/service.ts';
import { bijwerkenTermijnen } from '../werkvoorraad/termijnen.ts';
import { klokBeleid } from './klokbeleid.ts';

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

export interface MeldingFacts {
  id: number;
  status: MeldingStatus;
  ontvangen_op: Date | string;
  geregistreerd_op: Date | string;
  beoordeeld_op: Date | string | null;
  dienst_soort: string | null;
  dienst_gestart_op: Date | string | null;
  dienst_afgesloten_op: Date | string | null;
  onderzoek_uitkomsten: unknown;
  tk_beoordeling_op: Date | string | null;
  tk_onderzoek_op: Date | string | null;
  /** The melding's closing moment (melding.afsluiten), null while open. */
  afgesloten_op: Date | string | null;
  /** Moment of the overdracht, null without one. */
  overgedragen_op: Date | string | null;
  /** Moment of the last monitoringcontact, null without one. */
  laatste_monitoringcontact_op: Date | string | null;
}

type MeldingClock = Clock & { persoonId?: number; moment?: 'na_beoordeling' | 'na_onderzoek' };
type Informering = Array<{ persoon_id: number; verlengingen: any; geinformeerd_op: any }>;

/** All clocks of one melding, computed from its data. */
export function meldingClocks(k: WerkdagKalender, m: MeldingFacts, informering: Informering, now: Date, p: ClockPolicy = klokBeleid()): MeldingClock[] {
  return meldingClockFns(k, m, informering, p).map((f) => f(now));
}

/** The clocks of one melding as functions of "now" (the same clocks, in the same order, as meldingClocks). */
export function meldingClockFns(k: WerkdagKalender, m: MeldingFacts, informering: Informering, p: ClockPolicy = klokBeleid()): Array<(now: Date) => MeldingClock> {
  const d = (x: unknown) => (x ? new Date(x as string) : null);
  const fns: Array<(now: Date) => MeldingClock> = [(now) => beoordelingClock(k, d(m.ontvangen_op)!, d(m.beoordeeld_op), now)];
  if (m.beoordeeld_op) {
    if (m.dienst_soort) fns.push((now) => dienstClock(d(m.beoordeeld_op)!, d(m.dienst_afgesloten_op), now));
    fns.push((now) => ({ ...terugkoppelingClock(k, d(m.beoordeeld_op)!, d(m.tk_beoordeling_op), now), moment: 'na_beoordeling' }));
  }
  if (m.dienst_soort === 'onderzoek' && m.dienst_afgesloten_op) {
    fns.push((now) => ({ ...terugkoppelingClock(k, d(m.dienst_afgesloten_op)!, d(m.tk_onderzoek_op), now), moment: 'na_onderzoek' }));
  }
  // Monitoring after an overdracht: the next contact is due an interval after the overdracht or the
  // last monitoringcontact; met when the melding is closed.
  if (m.overgedragen_op) {
    fns.push((now) => monitoringClock(d(m.overgedragen_op)!, d(m.laatste_monitoringcontact_op), d(m.afgesloten_op), now, p));
  }
  for (const inf of informering) {
    const verl = Array.isArray(inf.verlengingen) ? inf.verlengingen : [];
    fns.push((now) => ({ ...informerenClock(d(m.geregistreerd_op)!, verl.map((v: any) => ({ weken: v.weken, reden: v.reden })), d(inf.geinformeerd_op), now), persoonId: inf.persoon_id }));
  }
  return fns;
}

export const MELDING_FACTS_SQL = sql`
  select m.*, vb.vastgesteld_op as beoordeeld_op, d.soort as dienst_soort, d.gestart_op as dienst_gestart_op,
         d.afgesloten_op as dienst_afgesloten_op, d.onderzoek_uitkomsten,
         (select gedaan_op from terugkoppeling t where t.melding_id = m.id and t.moment = 'na_beoordeling') as tk_beoordeling_op,
         (select gedaan_op from terugkoppeling t where t.melding_id = m.id and t.moment = 'na_onderzoek') as tk_onderzoek_op,
         (select overgedragen_op from overdracht o where o.melding_id = m.id) as overgedragen_op,
         (select max(gedaan_op) from monitoringcontact mc where mc.melding_id = m.id) as laatste_monitoringcontact_op
  from melding m
  left join veiligheidsbeoordeling vb on vb.melding_id = m.id
  left join dienst d on d.melding_id = m.id`;

function onderzoekKlaar(m: { onderzoek_uitkomsten: unknown }): boolean {
  return Array.isArray(m.onderzoek_uitkomsten) && m.onderzoek_uitkomsten.length > 0;
}

/**
 * Does the household have minor children: the melding says so (any minor on the day of receipt),
 * or a member is a minor today (by date of birth; without one, by the household role 'kind').
 */
export function metKinderen(melding: { met_kinderen: boolean }, leden: Array<{ geboortedatum: string | null; huishouden_rol?: string | null }>, today: LocalDate): boolean {
  return !!melding.met_kinderen || leden.some((l) => (l.geboortedatum ? isMinderjarigOp(l.geboortedatum, today) : l.huishouden_rol === 'kind'));
}

/** The facts the state machine's guards need, for one melding (MELDING_FACTS_SQL row). */
function workflowContext(m: any, kinderen: boolean, gedaan: string[]): WorkflowContext {
  return {
    onderzoekUitkomstVastgelegd: onderzoekKlaar(m),
    huishoudenMetKinderen: kinderen,
    openTerugkoppelingMomenten: terugkoppelingMomenten({ beoordeeld: !!m.beoordeeld_op, onderzoekUitkomstVastgelegd: m.dienst_soort === 'onderzoek' && onderzoekKlaar(m), gedaan }),
  };
}

/**
 * melderZichtbaar: the user may read the melder resource (identity on screen, logged by the route).
 * beschermdeMelderVerbergen: for prints and exports — a melder without a decision allowing
 * disclosure to the family (art. 4.1.8 lid 3 Uitvoeringsbesluit Wmo 2015) is left out.
 */
export async function casusDetail(db: Db, casusId: number, now: Date, opts: { melderZichtbaar: boolean; beschermdeMelderVerbergen?: boolean }) {
  const c = (await sql<any>`select c.*, t.naam as team_naam, t.organisatie_id from casus c join team t on t.id = c.team_id where c.id = ${casusId}`.execute(db)).rows[0];
  if (!c) throw notFound('Casus');
  const k = await kalender(db);
  const h = (await sql<any>`select * from huishouden where id = ${c.huishouden_id}`.execute(db)).rows[0];
  const leden = (await sql<any>`select l.rol as huishouden_rol, p.* from huishouden_lid l join persoon p on p.id = l.persoon_id where l.huishouden_id = ${c.huishouden_id} order by p.geboortedatum nulls last`.execute(db)).rows;
  const meldingen = (await sql<any>`${MELDING_FACTS_SQL} where m.casus_id = ${casusId} order by m.ontvangen_op`.execute(db)).rows;
  const mIds = meldingen.map((m: any) => m.id);
  const q = async (s: ReturnType<typeof sql>) => (mIds.length ? (await s.execute(db)).rows : []) as any[];
  const [betrokkenen, beoordelingen, diensten, overdrachten, afsluitingen, terugkoppelingen, informering, rvdk, melders, gebruikers, monitoringcontacten] = await Promise.all([
    q(sql`select b.*, p.achternaam, p.tussenvoegsel, p.voornamen from melding_betrokkene b join persoon p on p.id = b.persoon_id where b.melding_id = any(${mIds})`),
    q(sql`select * from veiligheidsbeoordeling where melding_id = any(${mIds})`),
    q(sql`select * from dienst where melding_id = any(${mIds})`),
    q(sql`select * from overdracht where melding_id = any(${mIds})`),
    q(sql`select * from afsluiting where melding_id = any(${mIds})`),
    q(sql`select * from terugkoppeling where melding_id = any(${mIds})`),
    q(sql`select * from informering where melding_id = any(${mIds})`),
    q(sql`select * from rvdk_verzoek where melding_id = any(${mIds})`),
    opts.melderZichtbaar ? q(sql`select * from melder where melding_id = any(${mIds})`).then((rows) => rows.map(openMelder)) : Promise.resolve([]),
    sql<any>`select id, naam from gebruiker`.execute(db).then((r) => r.rows),
    q(sql`select * from monitoringcontact where melding_id = any(${mIds}) order by gedaan_op, id`),
  ]);
  const openbaarheid = await openbaarheidPerMelding(db, mIds);
  const naamVan = (id: number | null) => (id ? (gebruikers.find((g: any) => g.id === id)?.naam ?? `#${id}`) : null);
  const today = toLocalDate(now);

  const timeline: Array<{ at: string; soort: string; titel: string; tekst?: string | null; meldingNummer: string; door?: string | null }> = [];
  const meldingenOut = meldingen.map((m: any) => {
    const vb = beoordelingen.find((x) => x.melding_id === m.id);
    const dn = diensten.find((x) => x.melding_id === m.id);
    const ov = overdrachten.find((x) => x.melding_id === m.id);
    const af = afsluitingen.find((x) => x.melding_id === m.id);
    const tks = terugkoppelingen.filter((x) => x.melding_id === m.id);
    const inf = informering.filter((x) => x.melding_id === m.id);
    const rv = rvdk.filter((x) => x.melding_id === m.id);
    const mcs = monitoringcontacten.filter((x) => x.melding_id === m.id);
    const melderOpenbaarheid = openbaarheid.get(m.id) ?? null;
    const melderBeschermd = !(melderOpenbaarheid?.openbaar ?? false);
    const melder = opts.beschermdeMelderVerbergen && melderBeschermd ? undefined : melders.find((x) => x.melding_id === m.id);
    const clocks = meldingClocks(k, m, inf, now);
    timeline.push({ at: iso(m.ontvangen_op)!, soort: 'melding', titel: `Melding ${m.nummer} ontvangen`, tekst: m.omschrijving, meldingNummer: m.nummer, door: naamVan(m.geregistreerd_door) });
    // Registered more than an hour after receipt (a night call, a CORV batch): both moments are shown; the clock runs from receipt.
    if (Math.abs(new Date(m.geregistreerd_op).getTime() - new Date(m.ontvangen_op).getTime()) > 3600_000) timeline.push({ at: iso(m.geregistreerd_op)!, soort: 'registratie', titel: `Melding ${m.nummer} geregistreerd`, tekst: 'Later geregistreerd dan ontvangen: de termijn loopt vanaf het ontvangstmoment.', meldingNummer: m.nummer, door: naamVan(m.geregistreerd_door) });
    if (vb) timeline.push({ at: iso(vb.vastgesteld_op)!, soort: 'beoordeling', titel: 'Veiligheidsbeoordeling', tekst: vb.motivering, meldingNummer: m.nummer, door: `${naamVan(vb.besloten_door)} (getoetst door ${naamVan(vb.getoetst_door)})` });
    if (dn) {
      timeline.push({ at: iso(dn.gestart_op)!, soort: 'dienst', titel: dn.soort === 'onderzoek' ? 'Dienst Onderzoek gestart' : 'Dienst Voorwaarden en Vervolg gestart', tekst: dn.toelichting, meldingNummer: m.nummer, door: naamVan(dn.gestart_door) });
      for (const v of dn.veiligheidsvoorwaarden ?? []) timeline.push({ at: v.op, soort: 'voorwaarden', titel: 'Veiligheidsvoorwaarde', tekst: v.tekst, meldingNummer: m.nummer, door: naamVan(v.door) });
      if (dn.afgesloten_op) timeline.push({ at: iso(dn.afgesloten_op)!, soort: 'dienst', titel: 'Dienst afgerond', meldingNummer: m.nummer });
    }
    if (ov) timeline.push({ at: iso(ov.overgedragen_op)!, soort: 'overdracht', titel: `Overgedragen aan ${ov.ontvanger_naam}${ov.warm ? ' (warme overdracht)' : ''}`, tekst: ov.monitoring_afspraken, meldingNummer: m.nummer, door: naamVan(ov.door) });
    if (af) timeline.push({ at: iso(af.afgesloten_op)!, soort: 'afsluiting', titel: 'Afgesloten', tekst: af.toelichting, meldingNummer: m.nummer, door: naamVan(af.door) });
    for (const t of tks) timeline.push({ at: iso(t.gedaan_op)!, soort: 'terugkoppeling', titel: `Terugkoppeling aan melder (${t.moment === 'na_onderzoek' ? 'na onderzoek' : 'na beoordeling'})`, tekst: t.inhoud, meldingNummer: m.nummer, door: naamVan(t.door) });
    for (const x of mcs) {
      timeline.push({
        at: iso(x.gedaan_op)!,
        soort: 'monitoring',
        titel: `Monitoringcontact: hulp gestart ${HULP_GESTART_LABEL[x.hulp_gestart as 'ja'].toLowerCase()}, veilig ${VEILIG_LABEL[x.veilig as 'ja'].toLowerCase()}`,
        tekst: x.bevindingen,
        meldingNummer: m.nummer,
        door: naamVan(x.door),
      });
    }
    for (const r of rv) timeline.push({ at: iso(r.verzocht_op)!, soort: 'rvdk', titel: 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming', tekst: r.motivering, meldingNummer: m.nummer, door: naamVan(r.door) });
    for (const i of inf) if (i.geinformeerd_op) timeline.push({ at: iso(i.geinformeerd_op)!, soort: 'informeren', titel: `Betrokkene geïnformeerd${i.wijze ? ` (${i.wijze})` : ''}`, meldingNummer: m.nummer, door: naamVan(i.door) });
    const ctx = workflowContext(m, metKinderen(m, leden, today), tks.map((t) => t.moment));
    return {
      id: m.id,
      nummer: m.nummer,
      status: m.status as MeldingStatus,
      statusLabel: MELDING_STATUS_LABEL[m.status as MeldingStatus],
      ontvangenOp: iso(m.ontvangen_op),
      binnenkomst: m.binnenkomst,
      melderHoedanigheid: m.melder_hoedanigheid,
      regio: m.regio,
      gemeenteCode: m.gemeente_code,
      aanleiding: m.aanleiding,
      aard: m.aard,
      signalen: m.signalen,
      omschrijving: m.omschrijving,
      metKinderen: m.met_kinderen,
      behandelaar: m.behandelaar_id ? { id: m.behandelaar_id, naam: naamVan(m.behandelaar_id) } : null,
      adviesvraagId: m.adviesvraag_id,
      betrokkenen: betrokkenen.filter((b) => b.melding_id === m.id).map((b) => ({ persoonId: b.persoon_id, naam: volledigeNaam(b), rol: b.rol })),
      melder: melder
        ? { naam: melder.naam, organisatie: melder.organisatie, functie: melder.functie, telefoon: melder.telefoon, email: melder.email, wilOnbekendBlijven: melder.wil_onbekend_blijven }
        : null,
      melderBeschermd,
      melderOpenbaarheid,
      beoordeling: vb
        ? { acuteOnveiligheid: vb.acute_onveiligheid, structureleOnveiligheid: vb.structurele_onveiligheid, uitkomst: vb.uitkomst, motivering: vb.motivering, bronnen: vb.bronnen, beslotenDoor: naamVan(vb.besloten_door), getoetstDoor: naamVan(vb.getoetst_door), vastgesteldOp: iso(vb.vastgesteld_op) }
        : null,
      dienst: dn ? { soort: dn.soort, gestartOp: iso(dn.gestart_op), afgeslotenOp: iso(dn.afgesloten_op), veiligheidsvoorwaarden: dn.veiligheidsvoorwaarden, onderzoekUitkomsten: dn.onderzoek_uitkomsten } : null,
      overdracht: ov ? { ontvangerType: ov.ontvanger_type, ontvangerNaam: ov.ontvanger_naam, reedsBekend: ov.reeds_bekend, warm: ov.warm, moment: ov.moment, overgedragenOp: iso(ov.overgedragen_op), monitoringAfspraken: ov.monitoring_afspraken } : null,
      afsluiting: af ? { reden: af.reden, toelichting: af.toelichting, moment: af.moment, afgeslotenOp: iso(af.afgesloten_op) } : null,
      terugkoppelingen: tks.map((t) => ({ moment: t.moment, inhoud: t.inhoud, gedaanOp: iso(t.gedaan_op), door: naamVan(t.door) })),
      informering: inf.map((i) => ({ persoonId: i.persoon_id, geinformeerdOp: iso(i.geinformeerd_op), wijze: i.wijze, verlengingen: i.verlengingen })),
      rvdkVerzoeken: rv.map((r) => ({ motivering: r.motivering, verzochtOp: iso(r.verzocht_op) })),
      monitoringcontacten: mcs.map((x) => ({ gedaanOp: iso(x.gedaan_op), bevindingen: x.bevindingen, hulpGestart: x.hulp_gestart as 'ja' | 'nee' | 'onbekend', veilig: x.veilig as 'ja' | 'nee' | 'twijfel', door: naamVan(x.door) })),
      clocks,
      ergsteKlok: worstState(clocks.map((x) => x.state)),
      acties: allowedActions(m.status, ctx).map((a) => ({ actie: a, label: ACTIE_LABEL[a] })),
    };
  });
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  // The radar: meldingen about any person of this casus in other casussen (numbers and status only,
  // not their content). Prints and exports (beschermdeMelderVerbergen) leave it out: it is about
  // other casussen and only serves the screen.
  const persoonIds = [...new Set([...leden.map((p: any) => p.id as number), ...betrokkenen.map((b) => b.persoon_id as number)])];
  const radarOut = (opts.beschermdeMelderVerbergen ? [] : await radar(db, persoonIds, undefined, c.organisatie_id))
    .filter((r) => r.casusId !== c.id)
    .map((r) => ({
      meldingId: r.id,
      nummer: r.nummer,
      ontvangenOp: r.ontvangenOp,
      status: r.status as MeldingStatus,
      statusLabel: MELDING_STATUS_LABEL[r.status as MeldingStatus] ?? r.status,
      beoordelingUitkomst: r.beoordelingUitkomst ?? null,
      casusId: r.casusId,
      casusNummer: r.casusNummer,
      persoonIds: r.persoonIds,
    }));
  return {
    id: c.id,
    nummer: c.nummer,
    status: c.status,
    versie: c.versie,
    team: { id: c.team_id, naam: c.team_naam },
    geopendOp: iso(c.geopend_op),
    geslotenOp: iso(c.gesloten_op),
    veiligheidsvlag: { vlaggen: c.veiligheidsvlaggen ?? [], toelichting: c.veiligheidsvlag_toelichting },
    huishouden: {
      id: h.id,
      adres: adresLabel(h),
      gemeenteCode: h.gemeente_code,
      leden: leden.map((p: any) => ({
        id: p.id,
        naam: volledigeNaam(p),
        rol: p.huishouden_rol,
        geboortedatum: p.geboortedatum,
        geboortedatumLabel: p.geboortedatum ? geboortedatumLabel(p.geboortedatum) : null,
        leeftijd: p.geboortedatum ? leeftijdOp(p.geboortedatum, today) : null,
        geslacht: p.geslacht,
        bsn: open(p.bsn, 'persoon.bsn'),
      })),
    },
    meldingen: meldingenOut,
    timeline,
    radar: radarOut,
    clientIds: persoonIds,
  };
}

/** Person ids of a casus (for the access log). */
export async function casusClientIds(db: Db, casusId: number): Promise<number[]> {
  const r = await sql<{ persoon_id: number }>`select l.persoon_id from casus c join huishouden_lid l on l.huishouden_id = c.huishouden_id where c.id = ${casusId}`.execute(db);
  return r.rows.map((x) => x.persoon_id);
}

// ---------------------------------------------------------------- workflow actions

export interface ActionResult {
  meldingId: number;
  casusId: number;
  status: MeldingStatus;
  versie: number;
  clientIds: number[];
}

const when = (s: string | undefined | null, now: Date) => (s ? new Date(s) : now);

async function ensureUser(db: Db, id: number, field: string, errors: FieldError[]) {
  const r = await sql`select 1 from gebruiker where id = ${id} and actief`.execute(db);
  if (!r.rows.length) errors.push({ field, rule: 'bestaat', message: `Medewerker ${id} bestaat niet of is niet actief` });
}

/**
 * Code-list checks of a workflow step. Tolerant of raw (unvalidated) input, so the route can
 * report unknown codes together with schema errors in one 400.
 */
export function actionCodeErrors(db: Db, actie: Actie, raw: unknown): Promise<FieldError[]> {
  const b = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  switch (actie) {
    case 'veiligheidsbeoordeling':
      return checkCodes(db, [['uitkomst', 'beoordeling_uitkomst', str(b.uitkomst)]]);
    case 'overdragen':
      return checkCodes(db, [['ontvangerType', 'overdracht_ontvanger', str(b.ontvangerType)]]);
    case 'afsluiten':
      return checkCodes(db, [['reden', 'afsluitreden', str(b.reden)]]);
    case 'onderzoek_uitkomst':
      return checkCodes(
        db,
        (Array.isArray(b.uitkomsten) ? b.uitkomsten : []).flatMap((u: any, i: number) => [
          [`uitkomsten[${i}].type`, 'geweld_type', str(u?.type)] as [string, 'geweld_type', string | undefined],
          [`uitkomsten[${i}].uitkomst`, 'onderzoek_uitkomst', str(u?.uitkomst)] as [string, 'onderzoek_uitkomst', string | undefined],
        ]),
      );
    default:
      return Promise.resolve([]);
  }
}

/**
 * Perform a workflow action on a melding: one transaction that checks the casus version,
 * asks the state machine, writes the step, moves the state and bumps the version.
 */
export async function performAction(db: Db, meldingId: number, actie: Actie, input: any, userId: number, now: Date): Promise<ActionResult> {
  // Validation that needs the database but not the lock: collect every field error first.
  const errors: FieldError[] = [];
  errors.push(...(await actionCodeErrors(db, actie, input)));
  if (actie === 'veiligheidsbeoordeling') {
    if (input.getoetstDoor === userId) errors.push({ field: 'getoetstDoor', rule: 'vier_ogen', message: 'De toetser moet een andere medewerker zijn dan wie de beoordeling vastlegt' });
    else await ensureUser(db, input.getoetstDoor, 'getoetstDoor', errors);
  }
  if (actie === 'veiligheidsbeoordeling') {
    const fout = beoordelingRegel(input);
    if (fout) errors.push(fout);
  }
  if (actie === 'onderzoek_uitkomst' && new Set((input.uitkomsten as any[]).map((u) => u.type)).size !== input.uitkomsten.length) {
    errors.push({ field: 'uitkomsten', rule: 'uniek', message: 'Eén uitkomst per type geweld' });
  }
  for (const f of ['vastgesteldOp', 'overgedragenOp', 'afgeslotenOp', 'gestartOp', 'gedaanOp', 'geinformeerdOp', 'verzochtOp']) {
    if (input[f] && new Date(input[f]).getTime() > now.getTime() + 5 * 60_000) errors.push({ field: f, rule: 'niet_in_toekomst', message: 'Dit moment ligt in de toekomst' });
  }
  if (errors.length) throw new ValidationError(errors);

  return db.transaction().execute(async (tx) => {
    const m = (await sql<any>`${MELDING_FACTS_SQL} where m.id = ${meldingId}`.execute(tx)).rows[0];
    if (!m) throw notFound('Melding');
    const c = (await sql<any>`select id, versie from casus where id = ${m.casus_id} for update`.execute(tx)).rows[0];
    if (c.versie !== input.versie) throw versionConflict(c.versie, input.versie);
    const leden = (await sql<any>`select l.rol as huishouden_rol, p.geboortedatum from casus c join huishouden_lid l on l.huishouden_id = c.huishouden_id join persoon p on p.id = l.persoon_id where c.id = ${m.casus_id}`.execute(tx)).rows;
    const gedaan = (await sql<{ moment: string }>`select moment from terugkoppeling where melding_id = ${meldingId}`.execute(tx)).rows.map((r) => r.moment);
    const t = transition(m.status, actie, workflowContext(m, metKinderen(m, leden, toLocalDate(now)), gedaan));
    if (!t.ok) {
      throw new HttpError(409, 'niet_toegestaan', t.reason, {
        currentState: t.from,
        currentStateLabel: MELDING_STATUS_LABEL[t.from],
        allowedActions: t.allowed,
      });
    }
    const ts = (f: string) => when(input[f], now).toISOString();
    const fieldErr = (field: string, rule: string, message: string) => new ValidationError([{ field, rule, message }]);
    switch (actie) {
      case 'veiligheidsbeoordeling': {
        if (new Date(ts('vastgesteldOp')) < new Date(m.ontvangen_op)) throw fieldErr('vastgesteldOp', 'na_ontvangst', 'De beoordeling kan niet vóór de ontvangst van de melding liggen');
        await sql`insert into veiligheidsbeoordeling (melding_id, acute_onveiligheid, structurele_onveiligheid, uitkomst, motivering, bronnen, besloten_door, getoetst_door, vastgesteld_op)
                  values (${meldingId}, ${input.acuteOnveiligheid}, ${input.structureleOnveiligheid}, ${input.uitkomst}, ${input.motivering}, ${input.bronnen}, ${userId}, ${input.getoetstDoor}, ${ts('vastgesteldOp')})`.execute(tx);
        if (!m.behandelaar_id) await sql`update melding set behandelaar_id = ${userId} where id = ${meldingId}`.execute(tx);
        break;
      }
      case 'dienst_voorwaarden_en_vervolg':
      case 'dienst_onderzoek': {
        await sql`insert into dienst (melding_id, soort, gestart_op, gestart_door, toelichting)
                  values (${meldingId}, ${actie === 'dienst_onderzoek' ? 'onderzoek' : 'voorwaarden_en_vervolg'}, ${ts('gestartOp')}, ${userId}, ${input.toelichting ?? null})`.execute(tx);
        break;
      }
      case 'overdragen': {
        const moment = m.status === 'beoordeeld' ? 'na_beoordeling' : 'na_dienst';
        await sql`insert into overdracht (melding_id, ontvanger_type, ontvanger_naam, reeds_bekend, warm, moment, overgedragen_op, door, monitoring_afspraken)
                  values (${meldingId}, ${input.ontvangerType}, ${input.ontvangerNaam}, ${input.reedsBekend}, ${input.warm}, ${moment}, ${ts('overgedragenOp')}, ${userId}, ${input.monitoringAfspraken ?? null})`.execute(tx);
        await sql`update dienst set afgesloten_op = ${ts('overgedragenOp')} where melding_id = ${meldingId} and afgesloten_op is null`.execute(tx);
        break;
      }
      case 'afsluiten': {
        const vb = (await sql<{ uitkomst: string }>`select uitkomst from veiligheidsbeoordeling where melding_id = ${meldingId}`.execute(tx)).rows[0];
        const fout = afsluitenRegel({ reden: input.reden, beoordelingUitkomst: vb?.uitkomst, dienstOfOverdracht: !!m.dienst_soort || m.status === 'overgedragen' });
        if (fout) throw new ValidationError([fout]);
        const moment = m.status === 'beoordeeld' ? 'na_beoordeling' : m.status === 'overgedragen' ? 'na_monitoring' : 'na_dienst';
        await sql`insert into afsluiting (melding_id, reden, toelichting, moment, afgesloten_op, door)
                  values (${meldingId}, ${input.reden}, ${input.toelichting ?? null}, ${moment}, ${ts('afgeslotenOp')}, ${userId})`.execute(tx);
        await sql`update dienst set afgesloten_op = ${ts('afgeslotenOp')} where melding_id = ${meldingId} and afgesloten_op is null`.execute(tx);
        await sql`update melding set afgesloten_op = ${ts('afgeslotenOp')} where id = ${meldingId}`.execute(tx);
        break;
      }
      case 'onderzoek_uitkomst': {
        await sql`update dienst set onderzoek_uitkomsten = ${JSON.stringify(input.uitkomsten)}::jsonb where melding_id = ${meldingId}`.execute(tx);
        break;
      }
      case 'veiligheidsvoorwaarden': {
        const add = (input.voorwaarden as string[]).map((tekst) => ({ tekst, op: now.toISOString(), door: userId }));
        await sql`update dienst set veiligheidsvoorwaarden = veiligheidsvoorwaarden || ${JSON.stringify(add)}::jsonb where melding_id = ${meldingId}`.execute(tx);
        break;
      }
      case 'terugkoppeling': {
        if (input.moment === 'na_onderzoek' && !(m.dienst_soort === 'onderzoek' && onderzoekKlaar(m))) {
          throw fieldErr('moment', 'na_onderzoek', 'Terugkoppeling na onderzoek kan pas als de uitkomst van het onderzoek is vastgelegd');
        }
        const exists = await sql`select 1 from terugkoppeling where melding_id = ${meldingId} and moment = ${input.moment}`.execute(tx);
        if (exists.rows.length) throw new HttpError(409, 'al_vastgelegd', 'Deze terugkoppeling is al vastgelegd');
        await sql`insert into terugkoppeling (melding_id, moment, inhoud, gedaan_op, door) values (${meldingId}, ${input.moment}, ${input.inhoud}, ${ts('gedaanOp')}, ${userId})`.execute(tx);
        break;
      }
      case 'informeren': {
        const inf = (await sql<any>`select * from informering where melding_id = ${meldingId} and persoon_id = ${input.persoonId} for update`.execute(tx)).rows[0];
        if (!inf) throw fieldErr('persoonId', 'betrokkene', 'Deze persoon is geen betrokkene van de melding');
        if (inf.geinformeerd_op) throw new HttpError(409, 'al_vastgelegd', 'Deze betrokkene is al geïnformeerd');
        if (input.verlenging) {
          const verl = [...(inf.verlengingen ?? []), { ...input.verlenging, door: userId, op: now.toISOString() }];
          // The domain rule validates each extension (at most 2 weeks, with a reason).
          informerenClock(new Date(m.geregistreerd_op), verl, null, now);
          await sql`update informering set verlengingen = ${JSON.stringify(verl)}::jsonb where melding_id = ${meldingId} and persoon_id = ${input.persoonId}`.execute(tx);
        } else {
          await sql`update informering set geinformeerd_op = ${ts('geinformeerdOp')}, wijze = ${input.wijze ?? null}, door = ${userId} where melding_id = ${meldingId} and persoon_id = ${input.persoonId}`.execute(tx);
        }
        break;
      }
      case 'monitoringcontact': {
        if (!m.overgedragen_op) throw fieldErr('gedaanOp', 'na_overdracht', 'Een monitoringcontact kan pas na een overdracht');
        if (new Date(input.gedaanOp) < new Date(m.overgedragen_op)) throw fieldErr('gedaanOp', 'na_overdracht', 'Het monitoringcontact kan niet vóór de overdracht liggen');
        await sql`insert into monitoringcontact (melding_id, gedaan_op, bevindingen, hulp_gestart, veilig, door, vastgelegd_op)
                  values (${meldingId}, ${new Date(input.gedaanOp).toISOString()}, ${input.bevindingen}, ${input.hulpGestart}, ${input.veilig}, ${userId}, ${now.toISOString()})`.execute(tx);
        break;
      }
      case 'rvdk_verzoek': {
        await sql`insert into rvdk_verzoek (melding_id, motivering, verzocht_op, door) values (${meldingId}, ${input.motivering}, ${ts('verzochtOp')}, ${userId})`.execute(tx);
        break;
      }
    }
    if (t.to !== m.status) await sql`update melding set status = ${t.to} where id = ${meldingId}`.execute(tx);
    await bijwerkenTermijnen(tx, [meldingId]);
    // The casus closes when all its meldingen are closed, at the moment its last melding closed;
    // a later side action (e.g. terugkoppeling on a closed melding) keeps that moment.
    const open = await sql`select 1 from melding where casus_id = ${m.casus_id} and status <> 'afgesloten' limit 1`.execute(tx);
    const u = await sql<{ versie: number }>`
      update casus set versie = versie + 1,
        status = ${open.rows.length ? 'open' : 'gesloten'},
        gesloten_op = ${open.rows.length ? null : sql`coalesce(gesloten_op, (select max(afgesloten_op) from melding where casus_id = ${m.casus_id}), ${now.toISOString()}::timestamptz)`}
      where id = ${m.casus_id} returning versie`.execute(tx);
    const clients = await sql<{ persoon_id: number }>`select persoon_id from melding_betrokkene where melding_id = ${meldingId}`.execute(tx);
    return { meldingId, casusId: m.casus_id, status: t.to, versie: u.rows[0]!.versie, clientIds: clients.rows.map((r) => r.persoon_id) };
  });
}

export async function assignBehandelaar(db: Db, meldingId: number, behandelaarId: number | null, versie: number): Promise<ActionResult> {
  if (behandelaarId) {
    const errors: FieldError[] = [];
    await ensureUser(db, behandelaarId, 'behandelaarId', errors);
    if (errors.length) throw new ValidationError(errors);
  }
  return db.transaction().execute(async (tx) => {
    const m = (await sql<any>`select id, casus_id, status from melding where id = ${meldingId}`.execute(tx)).rows[0];
    if (!m) throw notFound('Melding');
    const c = (await sql<any>`select versie from casus where id = ${m.casus_id} for update`.execute(tx)).rows[0];
    if (c.versie !== versie) throw versionConflict(c.versie, versie);
    if (m.status === 'afgesloten') throw new HttpError(409, 'niet_toegestaan', 'Een afgesloten melding kan niet worden toegewezen', { currentState: m.status, allowedActions: allowedActions(m.status) });
    await sql`update melding set behandelaar_id = ${behandelaarId} where id = ${meldingId}`.execute(tx);
    const u = await sql<{ versie: number }>`update casus set versie = versie + 1 where id = ${m.casus_id} returning versie`.execute(tx);
    const clients = await sql<{ persoon_id: number }>`select persoon_id from melding_betrokkene where melding_id = ${meldingId}`.execute(tx);
    return { meldingId, casusId: m.casus_id, status: m.status, versie: u.rows[0]!.versie, clientIds: clients.rows.map((r) => r.persoon_id) };
  });
}

export async function casusIdOfMelding(db: Db, meldingId: number): Promise<number> {
  const r = await sql<{ casus_id: number }>`select casus_id from melding where id = ${meldingId}`.execute(db);
  if (!r.rows[0]) throw notFound('Melding');
  return r.rows[0].casus_id;
}

export async function zoekCasussen(db: Db, term: string) {
  const t = term.trim();
  const r = await sql<any>`
    select c.id, c.nummer, c.status, h.straat, h.huisnummer, h.toevoeging, h.postcode, h.woonplaats
    from casus c join huishouden h on h.id = c.huishouden_id
    where c.nummer = ${t} or exists (select 1 from melding m where m.casus_id = c.id and m.nummer = ${t.toUpperCase()})
    limit 20`.execute(db);
  return r.rows.map((x: any) => ({ id: x.id, nummer: x.nummer, status: x.status, adres: adresLabel(x) }));
}
