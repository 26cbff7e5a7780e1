// Row types of every table, generated from the migrated schema by `npm run db:types`
// (packages/server/src/db/schema-gen.ts). Do not edit: change a migration and regenerate;
// db/schema.int.test.ts fails when this file differs from what the migrations make.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface AccessLogTable {
  id: Generated<number>;
  at: Date;
  user_id: number | null;
  on_behalf_of: number | null;
  client_ids: Generated<number[]>;
  action: string;
  object_type: string;
  object_id: string | null;
  purpose: string | null;
  route: string | null;
  outcome: string;
  prev_hash: string;
  hash: string;
  keten: number;
  volgnr: number;
  request_id: string | null;
}

export interface AccessLogAnkerTable {
  id: Generated<number>;
  first_id: number;
  last_id: number;
  last_hash: string;
  aantal: number;
  first_at: Date;
  last_at: Date;
  archief_sha256: string | null;
  gemaakt_op: Generated<Date>;
  prev_hash: string;
  hash: string;
  ketens: unknown | null;
}

export interface AccessLogKetenTable {
  keten: number;
  volgnr: number;
  hash: string;
}

export interface AdviesvraagTable {
  id: Generated<number>;
  nummer: string;
  ontvangen_op: Date;
  geregistreerd_door: number | null;
  team_id: number | null;
  hoedanigheid: string;
  aanleiding: string[];
  aard: string[];
  regio: string;
  gemeente_code: string | null;
  vraag: string;
  advies: string;
  afgesloten_op: Date | null;
  omgezet_in_melding_id: number | null;
  signalen: Generated<string[]>;
}

export interface AfsluitingTable {
  melding_id: number;
  reden: string;
  toelichting: string | null;
  moment: string;
  afgesloten_op: Date;
  door: number | null;
}

export interface BewaarblokkadeTable {
  id: Generated<number>;
  casus_id: number;
  reden: string;
  ingesteld_door: number;
  ingesteld_op: Date;
  opgeheven_op: Date | null;
  opgeheven_door: number | null;
  opheffing_reden: string | null;
}

export interface CasusTable {
  id: Generated<number>;
  nummer: string;
  huishouden_id: number;
  team_id: number;
  status: string;
  versie: Generated<number>;
  geopend_op: Date;
  gesloten_op: Date | null;
  veiligheidsvlaggen: Generated<string[]>;
  veiligheidsvlag_toelichting: string | null;
}

export interface CasusVernietigdTable {
  casus_id: number;
  nummer: string;
  vernietigd_op: Date;
  door: number | null;
  grond: string;
  bewaartermijn_einde: string;
}

export interface CbsCodeTable {
  protocol: string;
  veld: string;
  code: string;
  cbs_code: string;
  gewijzigd_op: Generated<Date>;
  gewijzigd_door: number | null;
}

export interface CbsOptieTable {
  protocol: string;
  veld: string;
  optie: string;
  label: string;
  volgorde: number;
  cbs_code: string | null;
  gewijzigd_op: Date | null;
  gewijzigd_door: number | null;
}

export interface CbsOptieWaardeTable {
  protocol: string;
  veld: string;
  code: string;
  optie: string;
}

export interface CbsProtocolTable {
  versie: string;
  omschrijving: string;
  zorgmeldingen_politie: boolean;
  uit_codelijst_geladen: Generated<boolean>;
  aangemaakt_op: Generated<Date>;
  met_opties: Generated<boolean>;
}

export interface CodelijstItemTable {
  lijst: string;
  versie: string;
  code: string;
  label: string;
  groep: string | null;
  subgroep: string | null;
  cbs2015: string | null;
  volgorde: number;
}

export interface CodelijstVersieTable {
  lijst: string;
  versie: string;
  omschrijving: string;
  geldig_van: string;
}

export interface ConceptTable {
  gebruiker_id: number;
  sleutel: string;
  inhoud: unknown;
  persoon_ids: Generated<number[]>;
  bijgewerkt_op: Date;
}

export interface ContactTable {
  id: Generated<number>;
  casus_id: number;
  melding_id: number | null;
  soort: string;
  begin_op: Date;
  duur_minuten: number | null;
  met_melder: Generated<boolean>;
  professionals: Generated<unknown>;
  medewerker_ids: number[];
  politie: Generated<boolean>;
  gezegd: string | null;
  gezien: string | null;
  afgesproken: string | null;
  correctie_van: number | null;
  correctie_soort: string | null;
  huisbezoek_id: number | null;
  vastgelegd_door: number | null;
  vastgelegd_op: Generated<Date>;
}

export interface ContactPersoonTable {
  contact_id: number;
  persoon_id: number;
}

export interface DataSleutelTable {
  id: number;
  kcv: string;
  aangemaakt_op: Generated<Date>;
}

export interface DienstTable {
  id: Generated<number>;
  melding_id: number;
  soort: string;
  gestart_op: Date;
  gestart_door: number | null;
  toelichting: string | null;
  veiligheidsvoorwaarden: Generated<unknown>;
  onderzoek_uitkomsten: unknown | null;
  afgesloten_op: Date | null;
}

export interface GebruikerTable {
  id: Generated<number>;
  organisatie_id: number;
  gebruikersnaam: string;
  naam: string;
  wachtwoord_hash: string | null;
  rollen: string[];
  team_id: number | null;
  actief: Generated<boolean>;
  aangemaakt_op: Generated<Date>;
  wachtwoord_gewijzigd_op: Date | null;
  mislukte_pogingen: Generated<number>;
  geblokkeerd_tot: Date | null;
  oidc_issuer: string | null;
  oidc_sub: string | null;
  gedeactiveerd_op: Date | null;
}

export interface GebruikersbeheerHistorieTable {
  id: Generated<number>;
  op: Date;
  door: number | null;
  gebruiker_id: number | null;
  team_id: number | null;
  actie: string;
  oud: unknown | null;
  nieuw: unknown | null;
  toelichting: string | null;
}

export interface GelijkgesteldeDagTable {
  datum: string;
  naam: string;
}

export interface GemeenteTable {
  code: string;
  naam: string;
  organisatie_id: number;
  team_id: number | null;
}

export interface HerstelcodeTable {
  id: Generated<number>;
  gebruiker_id: number;
  code_hash: string;
  aangemaakt_op: Generated<Date>;
  gebruikt_op: Date | null;
}

export interface HuisbezoekTable {
  id: Generated<number>;
  casus_id: number;
  melding_id: number | null;
  gepland_op: Date;
  medewerker_ids: number[];
  politie: Generated<boolean>;
  protocol: string;
  reden: string | null;
  toelichting: string | null;
  gezondheidscheck: unknown;
  overrides: Generated<string[]>;
  status: string;
  aangevraagd_door: number | null;
  aangevraagd_op: Date;
  besloten_door: number | null;
  besloten_op: Date | null;
  besluit_toelichting: string | null;
}

export interface HuisbezoekprotocolTable {
  id: Generated<number>;
  organisatie_id: number;
  protocol: string;
  ingang: string;
  reden: string;
  door: number | null;
  vastgelegd_op: Generated<Date>;
}

export interface HuishoudenTable {
  id: Generated<number>;
  straat: string | null;
  huisnummer: string | null;
  toevoeging: string | null;
  postcode: string | null;
  woonplaats: string | null;
  gemeente_code: string | null;
  aangemaakt_op: Generated<Date>;
}

export interface HuishoudenLidTable {
  huishouden_id: number;
  persoon_id: number;
  rol: string;
  sinds: Generated<Date>;
}

export interface HuishoudensTellingTable {
  gemeente_code: string;
  jaar: number;
  totaal: number;
  met_kinderen: number;
  zonder_kinderen: number;
}

export interface InformeringTable {
  melding_id: number;
  persoon_id: number;
  verlengingen: Generated<unknown>;
  geinformeerd_op: Date | null;
  wijze: string | null;
  door: number | null;
}

export interface IntakeGevondenTable {
  sessie_id: string;
  persoon_id: number;
  gevonden_op: Date;
}

export interface InzageverzoekTable {
  id: Generated<number>;
  persoon_id: number;
  soort: string;
  verzoeker_relatie: string;
  verzoeker_naam: string | null;
  ontvangen_op: string;
  toelichting: string | null;
  signalen: Generated<string[]>;
  geregistreerd_door: number;
  geregistreerd_op: Date;
  besluit: string | null;
  weigeringsgronden: Generated<string[]>;
  motivering: string | null;
  besloten_door: number | null;
  besloten_op: Date | null;
  verstrekt_op: Date | null;
  verstrekt_door: number | null;
}

export interface LoginMisluktTable {
  id: Generated<number>;
  ip: string;
  op: Date;
}

export interface MdoConsultatieTable {
  id: Generated<number>;
  casus_id: number;
  gebruiker_id: number;
  toelichting: string;
  vastgelegd_door: number;
  vastgelegd_op: Date;
  geldig_tot: Date;
  beeindigd_op: Date | null;
  beeindigd_door: number | null;
}

export interface MelderTable {
  melding_id: number;
  naam: string | null;
  organisatie: string | null;
  functie: string | null;
  telefoon: string | null;
  email: string | null;
  wil_onbekend_blijven: Generated<boolean>;
  naam_zoek: Generated<string[]>;
}

export interface MelderOpenbaarheidTable {
  id: Generated<number>;
  melding_id: number;
  openbaar: boolean;
  grond: string;
  toestemming: boolean | null;
  toelichting: string | null;
  besloten_door: number;
  besloten_op: Date;
}

export interface MeldingTable {
  id: Generated<number>;
  nummer: string;
  casus_id: number;
  team_id: number;
  behandelaar_id: number | null;
  status: string;
  ontvangen_op: Date;
  geregistreerd_op: Generated<Date>;
  geregistreerd_door: number | null;
  binnenkomst: string;
  melder_hoedanigheid: string;
  regio: string;
  gemeente_code: string | null;
  aanleiding: string[];
  aard: string[];
  omschrijving: string;
  met_kinderen: boolean;
  adviesvraag_id: number | null;
  afgesloten_op: Date | null;
  signalen: Generated<string[]>;
  termijn_sortering: string | null;
  termijn_open_due: string | null;
  termijn_risico_vanaf: string | null;
  termijn_versie: number | null;
}

export interface MeldingBetrokkeneTable {
  melding_id: number;
  persoon_id: number;
  rol: string;
}

export interface MonitoringcontactTable {
  id: Generated<number>;
  melding_id: number;
  gedaan_op: Date;
  bevindingen: string;
  hulp_gestart: string;
  veilig: string;
  door: number | null;
  vastgelegd_op: Generated<Date>;
}

export interface NaamsleutelTable {
  sleutel: string;
  persoon_id: number;
}

export interface NoodtoegangTable {
  id: Generated<number>;
  casus_id: number;
  gebruiker_id: number;
  sessie_id: string;
  reden: string;
  verleend_op: Date;
  verloopt_op: Date;
  beoordeeld_op: Date | null;
  beoordeeld_door: number | null;
  oordeel: string | null;
  beoordeling_notitie: string | null;
}

export interface OidcAanvraagTable {
  state: string;
  binding_hash: string;
  nonce: string;
  code_verifier: string;
  verloopt_op: Date;
}

export interface OrganisatieTable {
  id: Generated<number>;
  code: string;
  naam: string;
}

export interface OverdrachtTable {
  id: Generated<number>;
  melding_id: number;
  ontvanger_type: string;
  ontvanger_naam: string;
  reeds_bekend: boolean;
  warm: boolean;
  moment: string;
  overgedragen_op: Date;
  door: number | null;
  monitoring_afspraken: string | null;
}

export interface PersoonTable {
  id: Generated<number>;
  bsn: string | null;
  achternaam: string;
  tussenvoegsel: string | null;
  voornamen: string | null;
  geboortedatum: string | null;
  geslacht: Generated<string>;
  zoeknaam: string;
  aangemaakt_op: Generated<Date>;
  bsn_hash: string | null;
}

export interface PersoonCorrectieTable {
  id: Generated<number>;
  persoon_id: number;
  veld: string;
  oude_waarde: string | null;
  nieuwe_waarde: string | null;
  reden: string;
  door: number;
  op: Date;
}

export interface PersoonNietDubbelTable {
  id: Generated<number>;
  persoon_id: number;
  kandidaat_id: number;
  score: number;
  redenen: Generated<string[]>;
  melding_id: number | null;
  bevestigd_door: number;
  bevestigd_op: Date;
}

export interface PersoonVernietigdTable {
  persoon_id: number;
  vernietigd_op: Date;
  door: number | null;
  grond: string;
  verzoek_id: number | null;
  casus_id: number | null;
}

export interface RvdkVerzoekTable {
  id: Generated<number>;
  melding_id: number;
  motivering: string;
  verzocht_op: Date;
  door: number | null;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Generated<Date>;
}

export interface SessieTable {
  id: string;
  gebruiker_id: number;
  csrf_token: string;
  aangemaakt_op: Generated<Date>;
  laatst_actief_op: Generated<Date>;
  verloopt_op: Date;
  beeindigd_op: Date | null;
  stap: Generated<string>;
  methode: string | null;
}

export interface TeamTable {
  id: Generated<number>;
  organisatie_id: number;
  naam: string;
}

export interface TerugkoppelingTable {
  id: Generated<number>;
  melding_id: number;
  moment: string;
  inhoud: string;
  gedaan_op: Date;
  door: number | null;
}

export interface TotpTable {
  gebruiker_id: number;
  geheim: string | null;
  bevestigd_op: Date | null;
  nieuw_geheim: string | null;
  nieuw_aangemaakt_op: Date | null;
  laatste_stap: number | null;
}

export interface VeiligheidsbeoordelingTable {
  melding_id: number;
  acute_onveiligheid: boolean;
  structurele_onveiligheid: boolean;
  uitkomst: string;
  motivering: string;
  bronnen: string[];
  besloten_door: number;
  getoetst_door: number;
  vastgesteld_op: Date;
}

export interface VernietigingsverzoekTable {
  id: Generated<number>;
  persoon_id: number;
  verzoeker_relatie: string;
  verzoeker_naam: string | null;
  ontvangen_op: string;
  uiterlijk_op: string;
  toelichting: string | null;
  geregistreerd_door: number;
  geregistreerd_op: Date;
  besluit: string | null;
  weigeringsgrond: string | null;
  motivering: string | null;
  melder_melding_ids: Generated<number[]>;
  besloten_door: number | null;
  besloten_op: Date | null;
  uitgevoerd_op: Date | null;
  uitgevoerd_door: number | null;
}

export interface ZoeknaamTable {
  naam: string;
  aantal: number;
}

/** Table name → row type: the type parameter of Kysely (`Db` in db/index.ts). */
export interface Database {
  access_log: AccessLogTable;
  access_log_anker: AccessLogAnkerTable;
  access_log_keten: AccessLogKetenTable;
  adviesvraag: AdviesvraagTable;
  afsluiting: AfsluitingTable;
  bewaarblokkade: BewaarblokkadeTable;
  casus: CasusTable;
  casus_vernietigd: CasusVernietigdTable;
  cbs_code: CbsCodeTable;
  cbs_optie: CbsOptieTable;
  cbs_optie_waarde: CbsOptieWaardeTable;
  cbs_protocol: CbsProtocolTable;
  codelijst_item: CodelijstItemTable;
  codelijst_versie: CodelijstVersieTable;
  concept: ConceptTable;
  contact: ContactTable;
  contact_persoon: ContactPersoonTable;
  data_sleutel: DataSleutelTable;
  dienst: DienstTable;
  gebruiker: GebruikerTable;
  gebruikersbeheer_historie: GebruikersbeheerHistorieTable;
  gelijkgestelde_dag: GelijkgesteldeDagTable;
  gemeente: GemeenteTable;
  herstelcode: HerstelcodeTable;
  huisbezoek: HuisbezoekTable;
  huisbezoekprotocol: HuisbezoekprotocolTable;
  huishouden: HuishoudenTable;
  huishouden_lid: HuishoudenLidTable;
  huishoudens_telling: HuishoudensTellingTable;
  informering: InformeringTable;
  intake_gevonden: IntakeGevondenTable;
  inzageverzoek: InzageverzoekTable;
  login_mislukt: LoginMisluktTable;
  mdo_consultatie: MdoConsultatieTable;
  melder: MelderTable;
  melder_openbaarheid: MelderOpenbaarheidTable;
  melding: MeldingTable;
  melding_betrokkene: MeldingBetrokkeneTable;
  monitoringcontact: MonitoringcontactTable;
  naamsleutel: NaamsleutelTable;
  noodtoegang: NoodtoegangTable;
  oidc_aanvraag: OidcAanvraagTable;
  organisatie: OrganisatieTable;
  overdracht: OverdrachtTable;
  persoon: PersoonTable;
  persoon_correctie: PersoonCorrectieTable;
  persoon_niet_dubbel: PersoonNietDubbelTable;
  persoon_vernietigd: PersoonVernietigdTable;
  rvdk_verzoek: RvdkVerzoekTable;
  schema_migration: SchemaMigrationTable;
  sessie: SessieTable;
  team: TeamTable;
  terugkoppeling: TerugkoppelingTable;
  totp: TotpTable;
  veiligheidsbeoordeling: VeiligheidsbeoordelingTable;
  vernietigingsverzoek: VernietigingsverzoekTable;
  zoeknaam: ZoeknaamTable;
}

export type TableName = keyof Database;
/** A row as a query returns it. */
export type Row<T extends TableName> = Selectable<Database[T]>;
/** The values an insert takes (columns with a default optional). */
export type NewRow<T extends TableName> = Insertable<Database[T]>;
/** The values an update takes (all optional). */
export type RowUpdate<T extends TableName> = Updateable<Database[T]>;
