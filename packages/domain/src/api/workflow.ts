// The URL of each workflow action of the handelingsprotocol: one table, used by the server (which
// registers POST /api/meldingen/:id/<path> per action) and the web app (which posts to it).
import type { Actie } from '../workflow.ts';

/** API path segment per action. */
export const ACTIE_PATH: Record<Actie, string> = {
  veiligheidsbeoordeling: 'veiligheidsbeoordeling',
  dienst_voorwaarden_en_vervolg: 'dienst-voorwaarden-en-vervolg',
  dienst_onderzoek: 'dienst-onderzoek',
  overdragen: 'overdracht',
  afsluiten: 'afsluiten',
  onderzoek_uitkomst: 'onderzoek-uitkomst',
  veiligheidsvoorwaarden: 'veiligheidsvoorwaarden',
  terugkoppeling: 'terugkoppeling',
  informeren: 'informeren',
  rvdk_verzoek: 'rvdk-verzoek',
  monitoringcontact: 'monitoringcontact',
};

/** The URL of a workflow action on a melding; the server passes ':id' to get its route pattern. */
export function actieUrl(meldingId: number | ':id', actie: Actie): string {
  return `/api/meldingen/${meldingId}/${ACTIE_PATH[actie]}`;
}
