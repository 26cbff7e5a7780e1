// The casus page without the screen: who may assign work, the colleagues to assign to, and what the
// page says about a melding — read from the casus answer, not derived again.
import type { CasusClock, Gebruiker, Melding } from '../types.ts';
import { CASE_ROLES } from '../roles.ts';

/** Who may assign work to someone else: policy werkvoorraad_toewijzen (update), i.e. the teammanager. */
export const mayToewijzen = (rollen: readonly string[]) => rollen.includes('teammanager');

type Medewerker = Pick<Gebruiker, 'id' | 'naam' | 'rollen'> & { teamId?: number | null };

/** Colleagues who handle meldingen, the casus's own team first, then by name. */
export function collegasVoor<M extends Medewerker>(medewerkers: readonly M[], teamId: number): M[] {
  return medewerkers
    .filter((x) => x.rollen.some((r) => (CASE_ROLES as readonly string[]).includes(r)))
    .sort((a, b) => Number(b.teamId === teamId) - Number(a.teamId === teamId) || a.naam.localeCompare(b.naam));
}

/** The name of whom a melding goes to (null: back to the werkvoorraad). */
export function toewijzingNaam(medewerkers: readonly Medewerker[], id: number | null): string {
  return id === null
    ? 'niemand (terug naar de werkvoorraad)'
    : (medewerkers.find((x) => x.id === id)?.naam ?? `medewerker ${id}`);
}

/** The moment of a terugkoppeling clock, as the server names it (after the beoordeling or after the onderzoek). */
export function terugkoppelingMoment(k: Pick<CasusClock, 'moment'>): string {
  return k.moment === 'na_onderzoek' ? 'na onderzoek' : 'na beoordeling';
}

/**
 * Say why an RvdK-verzoek is not offered: an open melding of a household without minor children
 * (the workflow context of the casus answer; the state machine offers it in every open state otherwise).
 */
export function rvdkNietMogelijk(m: Pick<Melding, 'status' | 'workflow'>): boolean {
  return m.status !== 'afgesloten' && !m.workflow.huishoudenMetKinderen;
}
