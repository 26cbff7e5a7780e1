// Intake answers: person search candidates (GET /api/personen/zoeken), the radar of earlier
// meldingen, the new melding (POST /api/meldingen) and adviesvragen.
import type { MeldingStatus } from '../workflow.ts';

export interface Kandidaat {
  id: number;
  naam: string;
  bsn: string | null;
  geboortedatum: string | null;
  geboortedatumLabel: string | null;
  geslacht: string;
  score: number;
  redenen: string[];
  /** The score reaches MOGELIJK_DUBBEL_DREMPEL (persoonMatch.ts): likely the same person. */
  mogelijkDubbel?: boolean;
  /** veiligheidsvlaggen: not (yet) in the search answer; shown when the server sends it. */
  huishoudens: Array<{ id: number; adres: string; gemeenteCode: string | null; veiligheidsvlaggen?: string[] }>;
  eerdereMeldingen: number;
}

export interface RadarMelding {
  id: number;
  nummer: string;
  ontvangenOp: string;
  status: MeldingStatus;
  aanleiding: string[];
  casusId: number;
  casusNummer: string;
  persoonIds: number[];
  beoordelingUitkomst: string | null;
  /** Flags of the melding's casus: not (yet) in the radar answer; shown when the server sends them. */
  veiligheidsvlaggen?: string[];
  /**
   * A melding about a person confirmed at intake as another than one asked about ("toch nieuwe
   * persoon"): shown as "mogelijk dezelfde persoon" (the person asked about, and the other).
   */
  mogelijkDezelfdePersoon?: Array<{ persoonId: number; kandidaatId: number }>;
}

export interface MeldingAangemaakt {
  meldingId: number;
  nummer: string;
  casusId: number;
  casusNummer: string;
  hermelding: boolean;
  huishoudenId: number;
  persoonIds: number[];
  gekoppeldePersonen: number[];
  eerdereMeldingen: RadarMelding[];
}

export interface Adviesvraag {
  id: number;
  nummer: string;
  ontvangenOp: string;
  hoedanigheid: string;
  aanleiding: string[];
  aard: string[];
  /** Codes from the list 'signaal'. */
  signalen?: string[];
  regio: 'eigen' | 'andere' | 'onbekend';
  gemeenteCode: string | null;
  vraag: string;
  advies: string;
  afgeslotenOp: string | null;
  omgezetInMeldingId: number | null;
}
