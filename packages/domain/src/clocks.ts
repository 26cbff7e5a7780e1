// The statutory clocks of a Veilig Thuis case. They are computed from the case data (moments of
// receipt, beoordeling, closing, …) every time they are shown, never stored, so a change of the
// calendar or the policy is reflected everywhere at once.
//
// A term always ends at the end of its last day (Amsterdam time): `due` is that day, `dueAt` the
// instant 23:59:59.999 of it. The statutory terms counted in weeks (dienst, informeren) follow the
// Algemene termijnenwet: one that ends on a Saturday, Sunday or feestdag runs on to the next werkdag
// (werkdagen.ts atwEinde; not for terms longer than 12 weeks, art. 4A).

import {
  addDays,
  atwEinde,
  daysBetween,
  endOfLocalDay,
  toLocalDate,
  type LocalDate,
  type WerkdagKalender,
} from './werkdagen.ts';

export type ClockKind = 'veiligheidsbeoordeling' | 'dienst' | 'informeren' | 'terugkoppeling' | 'monitoring';
export type ClockState = 'on_time' | 'at_risk' | 'overdue' | 'met_late' | 'met';

export interface Clock {
  kind: ClockKind;
  /** ISO instant the clock started. */
  startedAt: string;
  /** Last day of the term (the term ends at the end of this day, Amsterdam time). */
  due: LocalDate;
  /** ISO instant = endOfLocalDay(due). */
  dueAt: string;
  /** ISO instant when satisfied, or null. */
  metAt: string | null;
  unit: 'werkdagen' | 'dagen';
  /**
   * In `unit`, from today (Amsterdam day of `now`) to due; 0 on the due day; negative when overdue
   * (-2 = two werkdagen/dagen late; for werkdagen a weekend or feestdag right after the due day
   * already counts as -1). When met: the days left on the day it was met.
   */
  daysLeft: number;
  /** In `unit`: from the start day to the met day (or to today while open). */
  elapsed: number;
  state: ClockState;
}

export interface ClockPolicy {
  /** Veiligheidsbeoordeling within 5 werkdagen of receipt (Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 1). */
  beoordelingWerkdagen: number;
  /** Werkdagen left at which the beoordeling clock is at risk. */
  beoordelingAtRisk: number;
  /** Dienst closed within 10 weeks of the veiligheidsbeoordeling (art. 4.1.7 lid 2). */
  dienstWeken: number;
  /** Dagen left at which the dienst clock is at risk. */
  dienstAtRisk: number;
  /** Informing persons whose data came from others: within 4 weeks of recording (Wmo 2015 art. 5.3.1). */
  informerenWeken: number;
  /** Each extension of the informing term at most 2 weeks, with a reason (art. 5.3.1). */
  informerenMaxVerlengingWeken: number;
  /** Dagen left at which the informing clock is at risk. */
  informerenAtRisk: number;
  /** Feedback to the melder within 5 werkdagen of the trigger: organisation policy, not a statutory term. */
  terugkoppelingWerkdagen: number;
  /** Werkdagen left at which the terugkoppeling clock is at risk. */
  terugkoppelingAtRisk: number;
  /**
   * Monitoring after an overdracht: the next check (has help started, is it safe?) is due this many
   * weeks after the overdracht or the last monitoringcontact. Organisation policy, not a statutory
   * term; the server reads it from VOORDEUR_MONITORING_WEKEN (default 13 weeks, about 3 months).
   */
  monitoringWeken: number;
  /** Dagen left at which the monitoring clock is at risk. */
  monitoringAtRisk: number;
}

export const DEFAULT_CLOCK_POLICY: ClockPolicy = Object.freeze({
  beoordelingWerkdagen: 5,
  beoordelingAtRisk: 1,
  dienstWeken: 10,
  dienstAtRisk: 14,
  informerenWeken: 4,
  informerenMaxVerlengingWeken: 2,
  informerenAtRisk: 7,
  terugkoppelingWerkdagen: 5,
  terugkoppelingAtRisk: 1,
  monitoringWeken: 13,
  monitoringAtRisk: 14,
});

export interface Verlenging {
  weken: number;
  reden: string;
}

// ---------------------------------------------------------------------------------------------

function iso(d: Date, what: string): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`Invalid ${what}: ${String(d)}`);
  return d.toISOString();
}

interface ClockInput {
  kind: ClockKind;
  start: Date;
  met: Date | null;
  now: Date;
  due: LocalDate;
  atRisk: number;
}

/** A clock counted in werkdagen of the calendar `k`. */
function werkdagenClock(k: WerkdagKalender, c: ClockInput): Clock {
  const startDay = toLocalDate(c.start);
  const refDay = toLocalDate(c.met ?? c.now);
  const daysLeft =
    refDay <= c.due
      ? k.werkdagenTussen(refDay, c.due)
      : // Past the due day: the number of werkdagen late, at least 1 (also on a weekend right after).
        -Math.max(1, k.werkdagenTussen(c.due, refDay));
  return finish(c, 'werkdagen', daysLeft, k.werkdagenTussen(startDay, refDay), refDay);
}

/** A clock counted in calendar days. */
function dagenClock(c: ClockInput): Clock {
  const startDay = toLocalDate(c.start);
  const refDay = toLocalDate(c.met ?? c.now);
  return finish(c, 'dagen', daysBetween(refDay, c.due), Math.max(0, daysBetween(startDay, refDay)), refDay);
}

function finish(c: ClockInput, unit: Clock['unit'], daysLeft: number, elapsed: number, refDay: LocalDate): Clock {
  let state: ClockState;
  if (c.met) state = refDay <= c.due ? 'met' : 'met_late';
  else if (refDay > c.due) state = 'overdue';
  else if (daysLeft <= c.atRisk) state = 'at_risk';
  else state = 'on_time';
  return {
    kind: c.kind,
    startedAt: iso(c.start, 'start'),
    due: c.due,
    dueAt: endOfLocalDay(c.due).toISOString(),
    metAt: c.met ? iso(c.met, 'met moment') : null,
    unit,
    daysLeft,
    elapsed,
    state,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Veiligheidsbeoordeling: within 5 werkdagen of receipt of the melding (Uitvoeringsbesluit Wmo 2015
 * art. 4.1.7 lid 1). The day of receipt is day 0; the term ends at the end of the 5th werkdag after it.
 */
export function beoordelingClock(
  k: WerkdagKalender,
  receivedAt: Date,
  beoordeeldAt: Date | null,
  now: Date,
  p: ClockPolicy = DEFAULT_CLOCK_POLICY,
): Clock {
  const due = k.addWerkdagen(toLocalDate(receivedAt), p.beoordelingWerkdagen);
  return werkdagenClock(k, {
    kind: 'veiligheidsbeoordeling',
    start: receivedAt,
    met: beoordeeldAt,
    now,
    due,
    atRisk: p.beoordelingAtRisk,
  });
}

/**
 * The last day of the dienst term for a veiligheidsbeoordeling on day `beoordeelDag`: the day of the
 * beoordeling + `weken` × 7 calendar days (Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 2, an AMvB),
 * run on to the next werkdag when that day is a Saturday, Sunday or feestdag (Algemene termijnenwet
 * art. 1; a term of more than 12 weeks is not extended, art. 4A). Used by the clock and the report.
 */
export function dienstTermijnEinde(
  k: WerkdagKalender,
  beoordeelDag: LocalDate,
  weken: number = DEFAULT_CLOCK_POLICY.dienstWeken,
): LocalDate {
  return atwEinde(k, addDays(beoordeelDag, weken * 7), { weken });
}

/**
 * Dienst (Voorwaarden en Vervolg / Onderzoek): closed within 10 weeks of the veiligheidsbeoordeling
 * (Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 2). Counted in calendar days: day of beoordeling + 70,
 * extended to the next werkdag by the Algemene termijnenwet (dienstTermijnEinde).
 */
export function dienstClock(
  k: WerkdagKalender,
  beoordeeldAt: Date,
  closedAt: Date | null,
  now: Date,
  p: ClockPolicy = DEFAULT_CLOCK_POLICY,
): Clock {
  const due = dienstTermijnEinde(k, toLocalDate(beoordeeldAt), p.dienstWeken);
  return dagenClock({ kind: 'dienst', start: beoordeeldAt, met: closedAt, now, due, atRisk: p.dienstAtRisk });
}

/**
 * Informing the persons whose data Veilig Thuis received from others: within 4 weeks of recording,
 * extendable each time by at most 2 weeks, with a reason (Wmo 2015 art. 5.3.1). The term with its
 * extensions is one term of 4 + the extension weeks, counted from the day of recording; when it ends
 * on a Saturday, Sunday or feestdag it runs on to the next werkdag (Algemene termijnenwet art. 1),
 * unless it has become longer than 12 weeks (art. 4A: from the fifth extension of 2 weeks).
 * Throws an Error for an extension of less than 1 or more than the maximum weeks, or without reason.
 */
export function informerenClock(
  k: WerkdagKalender,
  recordedAt: Date,
  verlengingen: Verlenging[],
  informedAt: Date | null,
  now: Date,
  p: ClockPolicy = DEFAULT_CLOCK_POLICY,
): Clock {
  let extraWeeks = 0;
  for (const v of verlengingen) {
    if (!Number.isInteger(v.weken) || v.weken < 1 || v.weken > p.informerenMaxVerlengingWeken) {
      throw new Error(
        `Verlenging moet 1 tot en met ${p.informerenMaxVerlengingWeken} hele weken zijn (niet ${v.weken})`,
      );
    }
    if (typeof v.reden !== 'string' || v.reden.trim() === '') {
      throw new Error('Een verlenging vereist een reden');
    }
    extraWeeks += v.weken;
  }
  const weken = p.informerenWeken + extraWeeks;
  const due = atwEinde(k, addDays(toLocalDate(recordedAt), weken * 7), { weken });
  return dagenClock({ kind: 'informeren', start: recordedAt, met: informedAt, now, due, atRisk: p.informerenAtRisk });
}

/**
 * Terugkoppeling to the melder: within 5 werkdagen of the trigger (organisation policy, not a
 * statutory term). Counted like the beoordeling: the trigger day is day 0.
 */
export function terugkoppelingClock(
  k: WerkdagKalender,
  triggerAt: Date,
  doneAt: Date | null,
  now: Date,
  p: ClockPolicy = DEFAULT_CLOCK_POLICY,
): Clock {
  const due = k.addWerkdagen(toLocalDate(triggerAt), p.terugkoppelingWerkdagen);
  return werkdagenClock(k, {
    kind: 'terugkoppeling',
    start: triggerAt,
    met: doneAt,
    now,
    due,
    atRisk: p.terugkoppelingAtRisk,
  });
}

/**
 * Monitoring after an overdracht: the next monitoringcontact is due `monitoringWeken` weeks after the
 * overdracht, or after the last recorded monitoringcontact (each contact restarts the term). Counted
 * in calendar days: start day + weeks × 7. Met when the melding is closed. Not extended by the
 * Algemene termijnenwet: the interval is organisation policy, not a term set in a law or an AMvB
 * (and at the default 13 weeks it is longer than the 12 weeks of art. 4A anyway).
 * `laatsteContactAt` before the overdracht is ignored (the term never starts before the overdracht).
 */
export function monitoringClock(
  overgedragenAt: Date,
  laatsteContactAt: Date | null,
  afgeslotenAt: Date | null,
  now: Date,
  p: ClockPolicy = DEFAULT_CLOCK_POLICY,
): Clock {
  if (!Number.isInteger(p.monitoringWeken) || p.monitoringWeken < 1) {
    throw new RangeError(`monitoringWeken moet een positief geheel aantal weken zijn (niet ${p.monitoringWeken})`);
  }
  const start =
    laatsteContactAt && laatsteContactAt.getTime() > overgedragenAt.getTime() ? laatsteContactAt : overgedragenAt;
  const due = addDays(toLocalDate(start), p.monitoringWeken * 7);
  return dagenClock({ kind: 'monitoring', start, met: afgeslotenAt, now, due, atRisk: p.monitoringAtRisk });
}

/**
 * Werkdagen from receipt to veiligheidsbeoordeling: a beoordeling on werkdag N after the day of
 * receipt took N werkdagen; N <= 5 is within the term. Used for the half-year figures.
 */
export function doorlooptijdWerkdagen(k: WerkdagKalender, receivedAt: Date, beoordeeldAt: Date): number {
  return k.werkdagenTussen(toLocalDate(receivedAt), toLocalDate(beoordeeldAt));
}

const STATE_SEVERITY: Record<ClockState, number> = {
  overdue: 4,
  at_risk: 3,
  on_time: 2,
  met_late: 1,
  met: 0,
};

/** The most urgent state: overdue > at_risk > on_time > met_late > met. 'met' for an empty list. */
export function worstState(states: ClockState[]): ClockState {
  let worst: ClockState = 'met';
  for (const s of states) if (STATE_SEVERITY[s] > STATE_SEVERITY[worst]) worst = s;
  return worst;
}

export const CLOCK_STATE_LABEL: Record<ClockState, string> = Object.freeze({
  on_time: 'op tijd',
  at_risk: 'dreigt te laat',
  overdue: 'te laat',
  met_late: 'te laat afgerond',
  met: 'op tijd afgerond',
});

export const CLOCK_KIND_LABEL: Record<ClockKind, string> = Object.freeze({
  veiligheidsbeoordeling: 'Veiligheidsbeoordeling',
  dienst: 'Dienst (10 weken)',
  informeren: 'Informeren betrokkenen',
  terugkoppeling: 'Terugkoppeling melder',
  monitoring: 'Monitoring',
});
