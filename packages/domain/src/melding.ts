// The model of one melding: the facts recorded about it, and what follows from them — its clocks,
// the inputs of the workflow's guards, whether the household has children, its werkvoorraad process
// and the three stored deadline dates of the werkvoorraad. Pure: the server maps its rows to
// MeldingFacts, the web reads what the server derived from them.
import {
  beoordelingClock,
  dienstClock,
  informerenClock,
  monitoringClock,
  terugkoppelingClock,
  type Clock,
  type ClockPolicy,
  type Verlenging,
} from './clocks.ts';
import { isMinderjarigOp } from './names.ts';
import { addDays, toLocalDate, type LocalDate, type WerkdagKalender } from './werkdagen.ts';
import {
  terugkoppelingMomenten,
  type MeldingStatus,
  type TerugkoppelingMoment,
  type WorkflowContext,
} from './workflow.ts';

type Moment = Date | string;

/** What is recorded about a melding, as far as its clocks and workflow depend on it. */
export interface MeldingFacts {
  status: MeldingStatus;
  /** Receipt: the beoordeling clock runs from here. */
  ontvangenOp: Moment;
  /** Registration: the informing clocks run from here. */
  geregistreerdOp: Moment;
  /** The melding says the household has minor children (on the day of receipt). */
  metKinderen: boolean;
  /** Someone picked the melding up (for the werkvoorraad process). */
  heeftBehandelaar: boolean;
  beoordeeldOp: Moment | null;
  /** Outcome of the veiligheidsbeoordeling (code list beoordeling_uitkomst), null before it. */
  beoordelingUitkomst: string | null;
  dienstSoort: 'voorwaarden_en_vervolg' | 'onderzoek' | null;
  dienstAfgeslotenOp: Moment | null;
  /** Onderzoek: the outcomes recorded per type of violence (empty or null: none yet). */
  onderzoekUitkomsten: readonly unknown[] | null;
  /** Terugkoppeling to the melder per moment: when it was done, null while not done. */
  terugkoppelingNaBeoordelingOp: Moment | null;
  terugkoppelingNaOnderzoekOp: Moment | null;
  overgedragenOp: Moment | null;
  laatsteMonitoringcontactOp: Moment | null;
  /** The melding's closing moment, null while open. */
  afgeslotenOp: Moment | null;
}

/** Informing one person involved (Wmo 2015 art. 5.3.1). */
export interface InformeringFacts {
  persoonId: number;
  verlengingen: readonly Verlenging[];
  geinformeerdOp: Moment | null;
}

/** A clock of a melding: informing is per person, terugkoppeling per moment. */
export type MeldingKlok = Clock & { persoonId?: number; moment?: TerugkoppelingMoment };

const datum = (x: Moment | null): Date | null => (x === null || x === '' ? null : new Date(x));
const moet = (x: Moment): Date => new Date(x);

/** The clocks of one melding as functions of "now" (the same clocks, in the same order, as meldingClocks). */
export function meldingClockFns(
  k: WerkdagKalender,
  m: MeldingFacts,
  informering: readonly InformeringFacts[],
  p: ClockPolicy,
): Array<(now: Date) => MeldingKlok> {
  const fns: Array<(now: Date) => MeldingKlok> = [
    (now) => beoordelingClock(k, moet(m.ontvangenOp), datum(m.beoordeeldOp), now, p),
  ];
  if (m.beoordeeldOp) {
    const beoordeeld = moet(m.beoordeeldOp);
    if (m.dienstSoort) fns.push((now) => dienstClock(k, beoordeeld, datum(m.dienstAfgeslotenOp), now, p));
    fns.push((now) => ({
      ...terugkoppelingClock(k, beoordeeld, datum(m.terugkoppelingNaBeoordelingOp), now, p),
      moment: 'na_beoordeling',
    }));
  }
  if (m.dienstSoort === 'onderzoek' && m.dienstAfgeslotenOp) {
    const einde = moet(m.dienstAfgeslotenOp);
    fns.push((now) => ({
      ...terugkoppelingClock(k, einde, datum(m.terugkoppelingNaOnderzoekOp), now, p),
      moment: 'na_onderzoek',
    }));
  }
  // Monitoring after an overdracht: the next contact is due an interval after the overdracht or the
  // last monitoringcontact; met when the melding is closed.
  if (m.overgedragenOp) {
    const overgedragen = moet(m.overgedragenOp);
    fns.push((now) =>
      monitoringClock(overgedragen, datum(m.laatsteMonitoringcontactOp), datum(m.afgeslotenOp), now, p),
    );
  }
  for (const inf of informering) {
    const verl = inf.verlengingen.map((v) => ({ weken: v.weken, reden: v.reden }));
    fns.push((now) => ({
      ...informerenClock(k, moet(m.geregistreerdOp), verl, datum(inf.geinformeerdOp), now, p),
      persoonId: inf.persoonId,
    }));
  }
  return fns;
}

/** All clocks of one melding on `now`, computed from its facts. */
export function meldingClocks(
  k: WerkdagKalender,
  m: MeldingFacts,
  informering: readonly InformeringFacts[],
  now: Date,
  p: ClockPolicy,
): MeldingKlok[] {
  return meldingClockFns(k, m, informering, p).map((f) => f(now));
}

/** Dienst Onderzoek: is an outcome recorded? */
export function onderzoekKlaar(m: Pick<MeldingFacts, 'onderzoekUitkomsten'>): boolean {
  return Array.isArray(m.onderzoekUitkomsten) && m.onderzoekUitkomsten.length > 0;
}

/** A member of the household, as far as "met kinderen" needs it. */
export interface HuishoudenLidFacts {
  /** YYYYMMDD as the registry gives it (unknown parts 00), null when unknown. */
  geboortedatum: string | null;
  /** Role in the household ('kind', ...), used when the date of birth is unknown. */
  huishoudenRol?: string | null;
}

/**
 * Does the household have minor children: the melding says so (any minor on the day of receipt),
 * or a member is a minor today (by date of birth; without one, by the household role 'kind').
 */
export function metKinderen(
  melding: Pick<MeldingFacts, 'metKinderen'>,
  leden: readonly HuishoudenLidFacts[],
  today: LocalDate,
): boolean {
  return (
    !!melding.metKinderen ||
    leden.some((l) => (l.geboortedatum ? isMinderjarigOp(l.geboortedatum, today) : l.huishoudenRol === 'kind'))
  );
}

/** The terugkoppeling moments recorded for this melding. */
export function gedaneTerugkoppelingen(m: MeldingFacts): TerugkoppelingMoment[] {
  const out: TerugkoppelingMoment[] = [];
  if (m.terugkoppelingNaBeoordelingOp) out.push('na_beoordeling');
  if (m.terugkoppelingNaOnderzoekOp) out.push('na_onderzoek');
  return out;
}

/** The facts the state machine's guards need (allowedActions, transition), for one melding. */
export function workflowContext(m: MeldingFacts, huishoudenMetKinderen: boolean): Required<WorkflowContext> {
  return {
    onderzoekUitkomstVastgelegd: onderzoekKlaar(m),
    huishoudenMetKinderen,
    openTerugkoppelingMomenten: terugkoppelingMomenten({
      beoordeeld: !!m.beoordeeldOp,
      onderzoekUitkomstVastgelegd: m.dienstSoort === 'onderzoek' && onderzoekKlaar(m),
      gedaan: gedaneTerugkoppelingen(m),
    }),
  };
}

/** The facts afsluitenRegel needs (what closing this melding may give as reason). */
export function afsluitenContext(m: MeldingFacts): { beoordelingUitkomst: string | null; dienstOfOverdracht: boolean } {
  return {
    beoordelingUitkomst: m.beoordelingUitkomst,
    dienstOfOverdracht: !!m.dienstSoort || m.status === 'overgedragen',
  };
}

// ---- Werkvoorraad processes -------------------------------------------------------------

export const PROCESSEN = ['bureaudienst', 'veiligheidsbeoordeling', 'diensten', 'monitoring'] as const;
export type Proces = (typeof PROCESSEN)[number];
export const PROCES_LABEL: Record<Proces, string> = {
  bureaudienst: 'Bureaudienst / triage',
  veiligheidsbeoordeling: 'Veiligheidsbeoordeling',
  diensten: 'Diensten',
  monitoring: 'Monitoring',
};

/**
 * The werkvoorraad process a melding belongs to. A received melding without a behandelaar
 * waits in the bureaudienst (triage: who takes it); once assigned it is in the
 * veiligheidsbeoordeling until the besluit is taken. The server computes the same in SQL
 * (werkvoorraad procesSql); a test compares the two on every status.
 */
export function procesVan(status: MeldingStatus, heeftBehandelaar: boolean): Proces | null {
  switch (status) {
    case 'ontvangen':
      return heeftBehandelaar ? 'veiligheidsbeoordeling' : 'bureaudienst';
    case 'beoordeeld':
      return 'veiligheidsbeoordeling';
    case 'dienst_vv':
    case 'dienst_onderzoek':
      return 'diensten';
    case 'overgedragen':
      return 'monitoring';
    case 'afgesloten':
      return null;
  }
}

// ---- Stored werkvoorraad deadlines ------------------------------------------------------

/**
 * The werkvoorraad's deadline dates of a melding — dates that depend only on its facts and the
 * calendar, never on "today", so they can be stored and sorted and counted on in SQL:
 *   sortering   the due day of the leading clock (the list is sorted by it)
 *   openDue     the earliest due day of the open clocks  → overdue when today > it
 *   risicoVanaf the earliest day an open clock is at risk → at risk when today >= it
 */
export interface Termijnen {
  sortering: LocalDate | null;
  openDue: LocalDate | null;
  risicoVanaf: LocalDate | null;
}

const op = (d: LocalDate) => new Date(`${d}T10:00:00Z`); // within day d in Amsterdam, summer and winter

/** The three deadline dates of one melding, derived from its clocks (meldingClockFns). */
export function termijnenVan(
  k: WerkdagKalender,
  m: MeldingFacts,
  informering: readonly InformeringFacts[],
  p: ClockPolicy,
): Termijnen {
  if (m.status === 'afgesloten') return { sortering: null, openDue: null, risicoVanaf: null };
  const start = toLocalDate(new Date(m.ontvangenOp));
  const fns = meldingClockFns(k, m, informering, p);
  const clocks = fns.map((f) => f(op(start)));
  const open = clocks.map((c, i) => ({ c, i })).filter(({ c }) => !c.metAt);
  // A beoordeeld melding waits for its besluit: with nothing else open it keeps its place by the
  // beoordeling deadline instead of sinking to the end.
  const leading =
    open.map(({ c }) => c.due).sort()[0] ??
    (m.status === 'beoordeeld' ? (clocks.find((c) => c.kind === 'veiligheidsbeoordeling')?.due ?? null) : null);
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
