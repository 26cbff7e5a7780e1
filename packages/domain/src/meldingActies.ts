// The input of each workflow action on a melding, from the request schemas: one schema per action
// (the route table validates with it) and the typed step the server performs.
import type { z } from 'zod';
import {
  afsluitenInputSchema,
  beoordelingInputSchema,
  dienstStartInputSchema,
  informerenInputSchema,
  monitoringcontactInputSchema,
  onderzoekUitkomstInputSchema,
  overdrachtInputSchema,
  rvdkInputSchema,
  terugkoppelingInputSchema,
  veiligheidsvoorwaardenInputSchema,
} from './schemas.ts';
import type { Actie } from './workflow.ts';

/** The request schema of every workflow action. */
export const ACTIE_SCHEMA = {
  veiligheidsbeoordeling: beoordelingInputSchema,
  dienst_voorwaarden_en_vervolg: dienstStartInputSchema,
  dienst_onderzoek: dienstStartInputSchema,
  overdragen: overdrachtInputSchema,
  afsluiten: afsluitenInputSchema,
  onderzoek_uitkomst: onderzoekUitkomstInputSchema,
  veiligheidsvoorwaarden: veiligheidsvoorwaardenInputSchema,
  terugkoppeling: terugkoppelingInputSchema,
  informeren: informerenInputSchema,
  rvdk_verzoek: rvdkInputSchema,
  monitoringcontact: monitoringcontactInputSchema,
} as const satisfies Record<Actie, z.ZodType>;

/** The validated input of action A. */
export type ActieInput<A extends Actie = Actie> = z.infer<(typeof ACTIE_SCHEMA)[A]>;

/** A workflow step: the action and its input, discriminated by `actie`. */
export type WorkflowStap = { [A in Actie]: { actie: A; input: ActieInput<A> } }[Actie];
