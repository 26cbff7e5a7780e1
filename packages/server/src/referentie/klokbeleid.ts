// The clock policy of this installation: the statutory terms from the domain, plus the monitoring
// interval after an overdracht, which is organisation policy (the Handelingsprotocol fixes no
// check-in schedule; monitoring lasts on average 1.5 years) and so configurable:
// VOORDEUR_MONITORING_WEKEN, default 13 weeks (about 3 months).
//
// An environment variable rather than reference data: the interval is one number per organisation
// that changes rarely and by decision of the organisation, not a code list the functioneel beheerder
// edits daily; and the stored werkvoorraad deadlines depend on it, so a change must reach every open
// melding at once. The version of the stored deadlines includes the interval (termijnVersie), so the
// next start after a change recomputes them (migrate → bijwerkenTermijnen('verouderd')).
import { DEFAULT_CLOCK_POLICY, type ClockPolicy } from '@voordeur/domain';

export const MONITORING_WEKEN_MAX = 104;

/** VOORDEUR_MONITORING_WEKEN: whole weeks 1–104; unset or empty = 13. Throws on anything else. */
export function monitoringWekenUit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.VOORDEUR_MONITORING_WEKEN?.trim();
  if (!raw) return DEFAULT_CLOCK_POLICY.monitoringWeken;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MONITORING_WEKEN_MAX) {
    throw new Error(
      `configuration: VOORDEUR_MONITORING_WEKEN must be a whole number of weeks from 1 to ${MONITORING_WEKEN_MAX}, got '${raw}'`,
    );
  }
  return n;
}

/** The clock policy in force (read on every call, so a test can set the variable). */
export function klokBeleid(env: NodeJS.ProcessEnv = process.env): ClockPolicy {
  return { ...DEFAULT_CLOCK_POLICY, monitoringWeken: monitoringWekenUit(env) };
}
