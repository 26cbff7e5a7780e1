// Shapes of the API answers the web app reads (see packages/server/src/routes.ts and services).
import type { Actie, Clock, ClockState, MeldingStatus, Proces } from '@voordeur/domain';

export interface Gebruiker {
  id: number;
  gebruikersnaam: string;
  naam: string;
  rollen: string[];
  rolLabels?: string[];
  teamId: number | null;
}

export interface SessieAntwoord {
  gebruiker: Gebruiker;
  csrfToken: string;
}

export interface CodeItem {
  code: string;
  label: string;
  groep: string | null;
  subgroep: string | null;
}

export interface Referentie {
  codelijsten: Record<string, { versie: string; items: CodeItem[] }>;
  gemeenten: Array<{ code: string; naam: string; teamId: number | null }>;
  teams: Array<{ id: number; naam: string }>;
  medewerkers: Array<{ id: number; naam: string; rollen: string[]; teamId: number | null }>;
  processen: Proces[];
}

export interface Kandidaat {
  id: number;
  naam: string;
  bsn: string | null;
  geboortedatum: string | null;
  geboortedatumLabel: string | null;
  geslacht: string;
  score: number;
  redenen: string[];
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

export type CasusClock = Clock & { persoonId?: number };

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
  melder: { naam: string | null; organisatie: string | null; functie: string | null; telefoon: string | null; email: string | null; wilOnbekendBlijven: boolean } | null;
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
  informering: Array<{ persoonId: number; geinformeerdOp: string | null; wijze: string | null; verlengingen: Array<{ weken: number; reden: string }> | null }>;
  rvdkVerzoeken: Array<{ motivering: string; verzochtOp: string }>;
  /** Monitoringcontacten after the overdracht, oldest first. */
  monitoringcontacten: Array<{ gedaanOp: string; bevindingen: string; hulpGestart: 'ja' | 'nee' | 'onbekend'; veilig: 'ja' | 'nee' | 'twijfel'; door: string | null }>;
  clocks: CasusClock[];
  ergsteKlok: ClockState;
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
    leden: Array<{ id: number; naam: string; rol: string; geboortedatum: string | null; geboortedatumLabel: string | null; leeftijd: number | null; geslacht: string; bsn: string | null }>;
  };
  meldingen: Melding[];
  timeline: Array<{ at: string; soort: string; titel: string; tekst?: string | null; meldingNummer: string; door?: string | null }>;
}

export interface Veiligheidsvlag {
  vlaggen: string[];
  toelichting: string | null;
}

export interface WerkItem {
  meldingId: number;
  nummer: string;
  casusId: number;
  casusNummer: string;
  adres: string;
  status: MeldingStatus;
  proces: Proces;
  behandelaar: { id: number; naam: string } | null;
  ontvangenOp: string;
  eerstvolgende: Clock | null;
  klokStatus: ClockState;
  openKlokken: Clock[];
  /** The casus version, for Oppakken without reading the casus first. */
  casusVersie: number;
  /** Safety flags of the household's casus. */
  veiligheidsvlaggen?: string[];
}

export interface Werkvoorraad {
  vandaag: string;
  totaal: number;
  /** Meldingen matching the filters that are not listed: no relation with them (another team). */
  nietGetoond?: number;
  items: WerkItem[];
  tellingen: Partial<Record<Proces, Record<ClockState, number>>>;
  perBehandelaar: Array<{ behandelaarId: number | null; naam: string; aantal: number; teLaat: number }>;
}

export interface CasusZoekResultaat {
  id: number;
  nummer: string;
  status: string;
  adres: string;
  /** Not (yet) in the search answer; shown when the server sends it. */
  veiligheidsvlaggen?: string[];
}

export interface GelijkgesteldeDag {
  datum: string;
  naam: string;
}
