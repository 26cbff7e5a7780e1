// The JSON the management-information routes send (GET /api/rapportage/…): declared once here,
// built by packages/server/src/rapportage (halfjaar.ts, monitoring.ts, cbs.ts) and read by the
// web pages (packages/web/src/pages/RapportageModel.ts and the pages that use it). Types only.
// A count is null when it was suppressed (onderdrukking.cellen names the paths) or does not apply.
import type { LocalDate } from '../werkdagen.ts';

// ---------------------------------------------------------------- half-year report (GET /api/rapportage/halfjaar)

export interface Telling {
  code: string;
  label: string;
  aantal: number | null;
  percentage: number | null;
}
export interface Verdeling {
  n: number | null;
  items: Telling[];
}
export interface Doorlooptijd {
  n: number | null;
  binnenTermijn: number | null;
  buitenTermijn: number | null;
  percentageBinnenTermijn: number | null;
}
export interface BeoordelingDoorlooptijd extends Doorlooptijd {
  gemiddeldWerkdagen: number | null;
}
export interface DienstDoorlooptijd extends Doorlooptijd {
  gemiddeldWeken: number | null;
}
/** The CBS household count of a gemeente used for the rates (the report's year or the last before it). */
export interface Huishoudens {
  jaar: number;
  totaal: number;
  metKinderen: number;
  zonderKinderen: number;
}
export interface GemeenteRij {
  code: string;
  naam: string;
  meldingen: number | null;
  metKinderen: number | null;
  zonderKinderen: number | null;
  adviesvragen: number | null;
  huishoudens: Huishoudens | null;
  per1000: { totaal: number | null; metKinderen: number | null; zonderKinderen: number | null } | null;
}
export interface MelderVerdeling {
  n: number | null;
  groepen: Telling[];
  professionals: Telling[];
  burgers: Telling[];
}
/** The report's three groups: all meldingen, those with and those without children. */
export type KindGroep = 'totaal' | 'metKinderen' | 'zonderKinderen';
/** Which cells were suppressed, as paths ('meldingen.perMaand.2026-03.totaal'), and below what. */
export interface Onderdrukking {
  drempel: number;
  cellen: string[];
}

export interface HalfjaarRapport {
  /**
   * `maanden`: the months with figures. A period that runs past today (`lopend`) has figures up to
   * and including the current month (`peildatum` = today); the months after it are in `nogNiet`
   * and in no per-month series (they are not 0, they have not happened yet).
   */
  periode: {
    van: LocalDate;
    tot: LocalDate;
    halfjaar: string | null;
    maanden: string[];
    lopend?: { peildatum: LocalDate; nogNiet: string[] };
  };
  gemeente: { code: string; naam: string } | null;
  regels: { meldingen: string; huishoudensJaar: number };
  onderdrukking: Onderdrukking;
  meldingen: {
    totaal: number | null;
    metKinderen: number | null;
    zonderKinderen: number | null;
    eigenRegio: number | null;
    andereRegio: number | null;
    regioOnbekend: number | null;
    eigenRegioGemeenteOnbekend: number | null;
    perMaand: Array<{
      maand: string;
      totaal: number | null;
      metKinderen: number | null;
      zonderKinderen: number | null;
    }>;
  };
  adviesvragen: {
    totaal: number | null;
    eigenRegio: number | null;
    andereRegio: number | null;
    regioOnbekend: number | null;
    omgezetInMelding: number | null;
    perMaand: Array<{ maand: string; totaal: number | null }>;
  };
  perGemeente: GemeenteRij[];
  per1000: {
    totaal: number | null;
    metKinderen: number | null;
    zonderKinderen: number | null;
    huishoudensJaren: number[];
    gemeentenZonderTelling: string[];
  };
  typeGeweld: Record<KindGroep, Verdeling>;
  melders: Record<KindGroep, MelderVerdeling>;
  veiligheidsbeoordeling: Record<KindGroep, Verdeling>;
  doorlooptijdBeoordeling: BeoordelingDoorlooptijd & {
    termijnWerkdagen: number;
    perMaand: Array<BeoordelingDoorlooptijd & { maand: string }>;
    verdeling: Array<{ werkdagen: number; aantal: number | null }>;
  };
  doorlooptijdDiensten: DienstDoorlooptijd & {
    termijnWeken: number;
    perSoort: Array<DienstDoorlooptijd & { code: string; label: string }>;
    perMaand: Array<DienstDoorlooptijd & { maand: string }>;
  };
  afhandeling: {
    casussen: number | null;
    besluiten: number | null;
    overdrachten: number | null;
    afsluitingen: number | null;
    groepen: Telling[];
    perOntvanger: Telling[];
    perAfsluitreden: Telling[];
    casusregie: {
      overdrachten: number | null;
      directNaBeoordeling: number | null;
      naDienst: number | null;
      percentageDirectNaBeoordeling: number | null;
    };
    lokaalTeam: {
      overdrachten: number | null;
      reedsBekend: number | null;
      nietBekend: number | null;
      percentageReedsBekend: number | null;
    };
  };
}

// ---------------------------------------------------------------- monitoring (GET /api/rapportage/monitoring, /coordinatie)

/** The band expected for a week from the same ISO weeks in earlier years. */
export interface Band {
  gemiddelde: number;
  sd: number;
  laag: number;
  hoog: number;
  jaren: number;
  waarnemingen: number;
}
export interface WeekPunt {
  week: string;
  maandag: LocalDate;
  aantal: number | null;
  verwacht: Band | null;
  afwijking: 'onder' | 'boven' | null;
  signaal: boolean;
  /**
   * The current week, counted up to today (`dagen` days from Monday); its band is for the same days
   * of the comparison weeks, and it raises no flag (signaal stays false) until it is complete.
   */
  lopend?: { dagen: number; tot: LocalDate };
}
/** A run of weeks outside the band on the same side ('2026-W11' … '2026-W13'). */
export interface Signalering {
  vanaf: string;
  tot: string;
  richting: 'onder' | 'boven';
  weken: number;
}
export interface Reeks {
  soort: 'meldingen' | 'adviesvragen';
  dimensie: 'totaal' | 'bron' | 'type';
  sleutel: string;
  label: string;
  weken: WeekPunt[];
  signaleringen: Signalering[];
}
export interface SignaalWeek {
  week: string;
  maandag: LocalDate;
  meldingen: number | null;
  adviesvragen: number | null;
  totaal: number | null;
  items: Array<{
    code: string;
    aantalMeldingen: number | null;
    aantalAdviesvragen: number | null;
    aantal: number | null;
    aandeel: number | null;
  }>;
}
/** A series flagged in the last complete week of the period. */
export interface ActueleSignalering {
  soort: string;
  dimensie: string;
  sleutel: string;
  label: string;
  richting: 'onder' | 'boven';
  sinds: string;
}
export interface Methode {
  jaren: number;
  venster: number;
  breedte: number;
  minimumJaren: number;
  beschrijving: string;
}
export interface Monitoring {
  /** `lopend`: the last week is the current one, counted up to `peildatum` (today), `dagen` days. */
  periode: {
    van: LocalDate;
    tot: LocalDate;
    weken: string[];
    lopend?: { week: string; peildatum: LocalDate; dagen: number };
  };
  methode: Methode;
  dataVanaf: LocalDate | null;
  onderdrukking: Onderdrukking;
  reeksen: Reeks[];
  signalen: { codes: Array<{ code: string; label: string }>; weken: SignaalWeek[] };
  /** Series flagged in the last week of the period. */
  actueleSignaleringen: ActueleSignalering[];
}
/** The coordination view: totals, sources and signals per week, flags — figures only. */
export interface Coordinatie {
  periode: Monitoring['periode'];
  methode: Methode;
  onderdrukking: Onderdrukking;
  weken: Array<{
    week: string;
    lopend?: boolean;
    meldingen: number | null;
    meldingenVerwacht: Band | null;
    adviesvragen: number | null;
    adviesvragenVerwacht: Band | null;
  }>;
  bronnen: Array<{
    sleutel: string;
    label: string;
    weken: Array<{
      week: string;
      aantal: number | null;
      laag: number | null;
      hoog: number | null;
      signaal: boolean;
      lopend?: boolean;
    }>;
  }>;
  signalen: Monitoring['signalen'];
  actueleSignaleringen: ActueleSignalering[];
  toelichting: string;
}

// ---------------------------------------------------------------- CBS delivery (GET /api/rapportage/cbs, …/cbs/protocollen)

export interface CbsProtocol {
  versie: string;
  omschrijving: string;
  zorgmeldingenPolitie: boolean;
}
/** A protocol version with every value Voordeur can deliver and its CBS code (null = not mapped yet). */
export interface CbsProtocolKoppeling extends CbsProtocol {
  velden: Array<{ veld: string; waarden: Array<{ code: string; label: string; cbsCode: string | null }> }>;
  /** true: the protocol's own options carry the codes (v2); each value is delivered as its option's code. */
  metOpties?: boolean;
  /** The options of a protocol with options, in protocol order, with the Voordeur values delivered as each. */
  opties?: Array<{ veld: string; optie: string; label: string; cbsCode: string | null; waarden: string[] }>;
}

export interface CbsPersoon {
  persoonId: number;
  bsn: string;
  geboortedatum: string;
  geslacht: string;
}
export interface CbsAdvies {
  nummer: string;
  aanleiding: string[];
  aard: string[];
  hoedanigheid: string;
}
export interface CbsMelding {
  nummer: string;
  hoofdnummer: string | null;
  aanleiding: string[];
  aard: string[];
  datumMelding: string;
  hoedanigheid: string;
  triagebesluit: string;
  datumTriagebesluit: string;
  directeOverdracht: string[];
  onderzoeksnummer: string | null;
  /** v1 §3.7.2 "datum start inzetten vervolgtraject" (vervolg 02 only; null under v2). */
  datumStartVervolgtraject: string | null;
  /** v1 §3.7.3 "datum einde bemoeienis" (vervolg 02 only; null under v2). */
  datumEindeBemoeienis: string | null;
  personen: CbsPersoon[];
}
export interface CbsOnderzoek {
  nummer: string;
  meldingnummer: string;
  aanleiding: string[];
  datumStart: string;
  datumAfronding: string;
  uitkomst: string[];
  aard: string[];
  vervolg: string[];
  personen: CbsPersoon[];
}
export interface CbsLevering {
  halfjaar: string;
  periode: { van: string; tot: string };
  protocol: CbsProtocol;
  organisatie: string;
  aangemaaktOp: string;
  aantallen: {
    adviezen: number;
    meldingen: number;
    onderzoeken: number;
    personen: number;
    nietLeverbaar: number;
    uitgesloten: number;
  };
  records: { adviezen: CbsAdvies[]; meldingen: CbsMelding[]; onderzoeken: CbsOnderzoek[] };
  nietLeverbaar: Array<{ soort: 'advies' | 'melding' | 'onderzoek'; nummer: string; redenen: string[] }>;
  uitgesloten: Array<{ soort: 'melding' | 'onderzoek'; nummer: string; reden: string }>;
  bestand: { naam: string; inhoud: string };
}
