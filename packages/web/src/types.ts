// Web-side types of API answers. The shapes the server builds and the web reads live in the domain
// package (packages/domain/src/api/) and are re-exported here for the pages that import them from
// this file. Still here: the casus answer (Casus, Melding, CasusClock, Veiligheidsvlag) and the
// casus search hit, which are being reshaped in casus/ and move to the domain afterwards.
import type {
  Actie,
  ClockState,
  ContactItem,
  HuisbezoekItem,
  HuisbezoekProtocol,
  MeldingKlok,
  MeldingStatus,
  WorkflowContext,
} from '@voordeur/domain';

export type {
  Adviesvraag,
  CodelijstItem as CodeItem,
  Gebruiker,
  GelijkgesteldeDag,
  Kandidaat,
  MeldingAangemaakt,
  RadarMelding,
  Referentie,
  SessieAntwoord,
  Werkvoorraad,
  WerkItem,
} from '@voordeur/domain';

/** A clock of a melding: informing per person, terugkoppeling per moment (domain MeldingKlok). */
export type CasusClock = MeldingKlok;

export interface Melding {
  id: number;
  nummer: string;
  status: MeldingStatus;
  statusLabel: string;
  ontvangenOp: string;
  binnenkomst: string;
  melderHoedanigheid: string;
  regio: string;
  gemeenteCode: string | null;
  aanleiding: string[];
  aard: string[];
  signalen?: string[];
  omschrijving: string;
  metKinderen: boolean;
  behandelaar: { id: number; naam: string } | null;
  adviesvraagId: number | null;
  betrokkenen: Array<{ persoonId: number; naam: string; rol: string }>;
  melder: {
    naam: string | null;
    organisatie: string | null;
    functie: string | null;
    telefoon: string | null;
    email: string | null;
    wilOnbekendBlijven: boolean;
  } | null;
  beoordeling: {
    acuteOnveiligheid: boolean;
    structureleOnveiligheid: boolean;
    uitkomst: string;
    motivering: string;
    bronnen: string[];
    beslotenDoor: string | null;
    getoetstDoor: string | null;
    vastgesteldOp: string;
  } | null;
  dienst: {
    soort: 'voorwaarden_en_vervolg' | 'onderzoek';
    gestartOp: string;
    afgeslotenOp: string | null;
    veiligheidsvoorwaarden: Array<{ tekst: string; op: string; door: number }> | null;
    onderzoekUitkomsten: Array<{ type: string; uitkomst: string }> | null;
  } | null;
  overdracht: {
    ontvangerType: string;
    ontvangerNaam: string;
    reedsBekend: boolean;
    warm: boolean;
    moment: string;
    overgedragenOp: string;
    monitoringAfspraken: string | null;
  } | null;
  afsluiting: { reden: string; toelichting: string | null; moment: string; afgeslotenOp: string } | null;
  terugkoppelingen: Array<{ moment: string; inhoud: string; gedaanOp: string; door: string | null }>;
  informering: Array<{
    persoonId: number;
    geinformeerdOp: string | null;
    wijze: string | null;
    verlengingen: Array<{ weken: number; reden: string }> | null;
  }>;
  rvdkVerzoeken: Array<{ motivering: string; verzochtOp: string }>;
  /** Monitoringcontacten after the overdracht, oldest first. */
  monitoringcontacten: Array<{
    gedaanOp: string;
    bevindingen: string;
    hulpGestart: 'ja' | 'nee' | 'onbekend';
    veilig: 'ja' | 'nee' | 'twijfel';
    door: string | null;
  }>;
  clocks: CasusClock[];
  ergsteKlok: ClockState;
  /** The inputs of the workflow's guards as the server derived them (domain workflowContext). */
  workflow: Required<WorkflowContext>;
  /** The facts the closing rule needs (domain afsluitenContext). */
  afsluiten: { beoordelingUitkomst: string | null; dienstOfOverdracht: boolean };
  acties: Array<{ actie: Actie; label: string }>;
}

export interface Casus {
  id: number;
  nummer: string;
  status: 'open' | 'gesloten';
  versie: number;
  team: { id: number; naam: string };
  geopendOp: string;
  geslotenOp: string | null;
  /** Safety flag of the household (codes of list 'veiligheidsvlag'); no codes = no flag. */
  veiligheidsvlag?: Veiligheidsvlag | null;
  huishouden: {
    id: number;
    adres: string;
    gemeenteCode: string | null;
    leden: Array<{
      id: number;
      naam: string;
      rol: string;
      geboortedatum: string | null;
      geboortedatumLabel: string | null;
      leeftijd: number | null;
      geslacht: string;
      bsn: string | null;
    }>;
  };
  meldingen: Melding[];
  /** The contact journal, oldest first, and the planned home visits (domain api/contact.ts). */
  contacten?: ContactItem[];
  huisbezoeken?: HuisbezoekItem[];
  huisbezoekprotocol?: { protocol: HuisbezoekProtocol; label: string };
  /** Veiligheidsbeoordelingen that rest on remote contact only, with what was not seen. */
  alleenOpAfstand?: Array<{ meldingId: number; meldingNummer: string; nietGezien: string[] }>;
  timeline: Array<{
    at: string;
    soort: string;
    titel: string;
    tekst?: string | null;
    meldingNummer: string;
    door?: string | null;
  }>;
}

export interface Veiligheidsvlag {
  vlaggen: string[];
  toelichting: string | null;
}

export interface CasusZoekResultaat {
  id: number;
  nummer: string;
  status: string;
  adres: string;
  /** Not (yet) in the search answer; shown when the server sends it. */
  veiligheidsvlaggen?: string[];
}
