// Relation-based access to a casus: the role says WHAT a user may do (policy/decide), the relation
// says WHICH casussen. Checked in one place — the route wrapper (http/route.ts) calls
// bepaalToegang() for every route that declares `relatie` — and described in docs/security.md
// ("Access to a casus").
import { TIME_ZONE, toLocalDate } from '@voordeur/domain';
import type { RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import { notFound } from '../http/errors.ts';
import { kalender } from '../referentie/service.ts';
import { casusIdVanMelding, toegangFeiten, werkrelatieConditie, type NoodtoegangJson } from './queries.ts';

/**
 * Why a user may open a casus.
 * - eigen_team: the user's team is the team of an open melding of the casus (or, when all are
 *   closed, of the last melding);
 * - behandelaar: the user is (or was) behandelaar of a melding of the casus;
 * - mdo: the user is consulted about the casus in an MDO (active consultation);
 * - registratie: the user registered a melding of the casus that is still in status 'ontvangen'
 *   (who took the call can triage it and see the casus a hermelding joined);
 * - triage: bureaudienst/crisisdienst and the casus has a melding still in status 'ontvangen';
 * - crisisdienst: crisisdienst outside office hours (region-wide);
 * - noodtoegang: emergency access ("break the glass") granted to this user in this session.
 */
export type Relatie = 'eigen_team' | 'behandelaar' | 'registratie' | 'mdo' | 'triage' | 'crisisdienst' | 'noodtoegang';

export const RELATIE_LABEL: Record<Relatie, string> = {
  eigen_team: 'eigen team',
  behandelaar: 'behandelaar van een melding',
  registratie: 'registratie van een nieuwe melding',
  mdo: 'geconsulteerd in een MDO',
  triage: 'triage van een nieuwe melding (bureaudienst/crisisdienst)',
  crisisdienst: 'crisisdienst buiten kantooruren',
  noodtoegang: 'noodtoegang',
};

/** Relations of people who work on the casus: they may record and end MDO consultations. */
export const WERKRELATIES: readonly Relatie[] = ['eigen_team', 'behandelaar', 'registratie', 'triage', 'crisisdienst'];

export interface Toegang {
  casusId: number;
  /** Every relation the user has with the casus ([] = no access). */
  relaties: Relatie[];
  /** The emergency access in use, when it is the only relation. */
  noodtoegang: { id: number; reden: string; verleendOp: string; verlooptOp: string } | null;
  /** The user works on the casus (may record MDO consultations). */
  werkrelatie: boolean;
}

export interface ToegangSubject {
  id: number;
  rollen: string[];
  teamId: number | null;
  organisatieId: number;
}

/** Office hours: on werkdagen from `van` to `tot` (minutes after local midnight, Europe/Amsterdam). */
export interface Kantooruren {
  van: number;
  tot: number;
}

export const DEFAULT_KANTOORUREN = '08:00-17:00';

/** VOORDEUR_KANTOORUREN, e.g. `08:00-17:00`; a wrong value fails loudly with the variable's name. */
export function kantooruren(env: NodeJS.ProcessEnv = process.env): Kantooruren {
  const v = (env.VOORDEUR_KANTOORUREN?.trim() || DEFAULT_KANTOORUREN).replace(/\s/g, '');
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/.exec(v);
  const van = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  const tot = m ? Number(m[3]) * 60 + Number(m[4]) : NaN;
  if (!m || tot <= van || tot > 24 * 60)
    throw new Error(`configuration: VOORDEUR_KANTOORUREN must be HH:MM-HH:MM with the end after the start, got '${v}'`);
  return { van, tot };
}

const hm = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
});

/** Is `now` within office hours (a werkdag, between the configured times, Europe/Amsterdam)? */
export async function binnenKantooruren(db: Db, now: Date, uren: Kantooruren = kantooruren()): Promise<boolean> {
  const k = await kalender(db);
  if (!k.isWerkdag(toLocalDate(now))) return false;
  const parts = Object.fromEntries(hm.formatToParts(now).map((p) => [p.type, p.value]));
  const min = (Number(parts.hour) % 24) * 60 + Number(parts.minute);
  return min >= uren.van && min < uren.tot;
}

const heeftRol = (u: ToegangSubject, ...rollen: string[]) => u.rollen.some((r) => rollen.includes(r));

/** The casus a melding belongs to (404 when the melding does not exist). */
export async function casusVanMelding(db: Db, meldingId: number): Promise<number> {
  const casusId = await casusIdVanMelding(db, meldingId);
  if (casusId === undefined) throw notFound('Melding');
  return casusId;
}

/**
 * Every relation `user` has with the casus. A casus that does not exist (or no longer: destroyed)
 * gives the same answer as one the user has no relation with — no relations — so the 403
 * geen_relatie of the route wrapper does not tell whether a casus id exists. One query; the time
 * rule for the crisisdienst only asks the calendar when it matters.
 */
export async function bepaalToegang(
  db: Db,
  user: ToegangSubject,
  sessieId: string | null,
  casusId: number,
  now: Date,
): Promise<Toegang> {
  return (
    (await bestaandeToegang(db, user, sessieId, casusId, now)) ?? {
      casusId,
      relaties: [],
      noodtoegang: null,
      werkrelatie: false,
    }
  );
}

/** bepaalToegang, or null when the casus does not exist (for acts that need the casus itself). */
export async function bestaandeToegang(
  db: Db,
  user: ToegangSubject,
  sessieId: string | null,
  casusId: number,
  now: Date,
): Promise<Toegang | null> {
  const r = await toegangFeiten(db, user, sessieId, casusId, now);
  if (!r) return null;
  const relaties: Relatie[] = [];
  if (r.organisatie_id === user.organisatieId) {
    if (user.teamId !== null && r.eigen_team) relaties.push('eigen_team');
    if (r.behandelaar) relaties.push('behandelaar');
    if (r.registratie) relaties.push('registratie');
    if (r.mdo) relaties.push('mdo');
    if (r.ontvangen && heeftRol(user, 'bureaudienst', 'crisisdienst')) relaties.push('triage');
    if (heeftRol(user, 'crisisdienst') && !(await binnenKantooruren(db, now))) relaties.push('crisisdienst');
  }
  const nood: NoodtoegangJson | null = r.noodtoegang
    ? typeof r.noodtoegang === 'string'
      ? (JSON.parse(r.noodtoegang) as NoodtoegangJson)
      : r.noodtoegang
    : null;
  // Emergency access counts only when nothing else gives access: then every request is an emergency event.
  const viaNood = relaties.length === 0 && nood && r.organisatie_id === user.organisatieId;
  if (viaNood) relaties.push('noodtoegang');
  return {
    casusId: r.id,
    relaties,
    noodtoegang: viaNood
      ? {
          id: nood.id,
          reden: nood.reden,
          verleendOp: new Date(nood.verleendOp).toISOString(),
          verlooptOp: new Date(nood.verlooptOp).toISOString(),
        }
      : null,
    werkrelatie: relaties.some((x) => WERKRELATIES.includes(x)),
  };
}

/**
 * The werkvoorraad's version of the relation rules, per melding (alias `m`) as SQL: a melding is
 * listed with its address only for a user with a relation to it — own team, behandelaar,
 * registrant or bureaudienst/crisisdienst while it is in triage ('ontvangen'), an active MDO
 * consultation about its casus, or the crisisdienst outside office hours. `null` = every melding
 * of the user's organisation (the crisisdienst at night). Counts stay for the whole scope: they
 * hold no personal data.
 */
export async function werkrelatieMeldingSql(
  db: Db,
  user: ToegangSubject,
  now: Date,
): Promise<RawBuilder<boolean> | null> {
  if (heeftRol(user, 'crisisdienst') && !(await binnenKantooruren(db, now))) return null;
  const triage = heeftRol(user, 'bureaudienst', 'crisisdienst');
  return werkrelatieConditie(user, triage, now);
}
