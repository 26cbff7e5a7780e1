// The SQL of the casus: one loader for the aggregate (a casus, its household, its meldingen with
// their facts and steps in a few set-based queries), the names of the users it references, and the
// writes of the workflow steps. Row types are declared here; the rest of casus/ reads no SQL.
import type { MeldingStatus, Verlenging } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { MELDING_FACTS_SQL, type InformeringRow, type MeldingFactsRow } from '../werkvoorraad/queries.ts';

type Ts = string; // timestamps inside JSON aggregates arrive as ISO strings

export interface CasusRow {
  id: number;
  nummer: string;
  status: 'open' | 'gesloten';
  versie: number;
  team_id: number;
  team_naam: string;
  organisatie_id: number;
  huishouden_id: number;
  geopend_op: Date | string;
  gesloten_op: Date | string | null;
  veiligheidsvlaggen: string[] | null;
  veiligheidsvlag_toelichting: string | null;
  huishouden: {
    id: number;
    straat: string | null;
    huisnummer: string | null;
    toevoeging: string | null;
    postcode: string | null;
    woonplaats: string | null;
    gemeente_code: string | null;
  };
}

export interface LidRow {
  id: number;
  huishouden_rol: string;
  achternaam: string;
  tussenvoegsel: string | null;
  voornamen: string | null;
  geboortedatum: string | null;
  geslacht: string;
  bsn: string | null;
}

export interface BeoordelingRow {
  acute_onveiligheid: boolean;
  structurele_onveiligheid: boolean;
  uitkomst: string;
  motivering: string;
  bronnen: string[];
  besloten_door: number;
  getoetst_door: number;
  vastgesteld_op: Ts;
}
export interface DienstRow {
  soort: 'voorwaarden_en_vervolg' | 'onderzoek';
  gestart_op: Ts;
  gestart_door: number | null;
  toelichting: string | null;
  veiligheidsvoorwaarden: Array<{ tekst: string; op: string; door: number }> | null;
  onderzoek_uitkomsten: Array<{ type: string; uitkomst: string }> | null;
  afgesloten_op: Ts | null;
}
export interface OverdrachtRow {
  ontvanger_type: string;
  ontvanger_naam: string;
  reeds_bekend: boolean;
  warm: boolean;
  moment: string;
  overgedragen_op: Ts;
  door: number | null;
  monitoring_afspraken: string | null;
}
export interface AfsluitingRow {
  reden: string;
  toelichting: string | null;
  moment: string;
  afgesloten_op: Ts;
  door: number | null;
}
export interface TerugkoppelingRow {
  moment: 'na_beoordeling' | 'na_onderzoek';
  inhoud: string;
  gedaan_op: Ts;
  door: number | null;
}
export interface InformeringStapRow extends Omit<InformeringRow, 'verlengingen'> {
  verlengingen: Array<Verlenging & { door?: number; op?: string }> | null;
  wijze: string | null;
  door: number | null;
}
export interface RvdkRow {
  motivering: string;
  verzocht_op: Ts;
  door: number | null;
}
export interface MonitoringcontactRow {
  gedaan_op: Ts;
  bevindingen: string;
  hulp_gestart: 'ja' | 'nee' | 'onbekend';
  veilig: 'ja' | 'nee' | 'twijfel';
  door: number | null;
}
export interface MelderRow {
  naam: string | null;
  organisatie: string | null;
  functie: string | null;
  telefoon: string | null;
  email: string | null;
  wil_onbekend_blijven: boolean;
}
export interface BetrokkeneRow {
  persoon_id: number;
  rol: string;
  achternaam: string;
  tussenvoegsel: string | null;
  voornamen: string | null;
}

/** A melding of the casus with its facts and every step recorded about it. */
export interface MeldingRow {
  id: number;
  nummer: string;
  status: MeldingStatus;
  ontvangen_op: Date | string;
  geregistreerd_op: Date | string;
  geregistreerd_door: number | null;
  binnenkomst: string;
  melder_hoedanigheid: string;
  regio: string;
  gemeente_code: string | null;
  aanleiding: string[];
  aard: string[];
  signalen: string[] | null;
  omschrijving: string;
  met_kinderen: boolean;
  behandelaar_id: number | null;
  adviesvraag_id: number | null;
  /** The MELDING_FACTS_SQL row of this melding (as JSON: timestamps as ISO strings). */
  feiten: MeldingFactsRow;
  beoordeling: BeoordelingRow | null;
  dienst: DienstRow | null;
  overdracht: OverdrachtRow | null;
  afsluiting: AfsluitingRow | null;
  /** Only loaded when the user may read the melder (still encrypted). */
  melder: MelderRow | null;
  betrokkenen: BetrokkeneRow[];
  terugkoppelingen: TerugkoppelingRow[];
  informering: InformeringStapRow[];
  rvdk_verzoeken: RvdkRow[];
  monitoringcontacten: MonitoringcontactRow[];
}

/** The casus with its team and household (one row), or undefined. */
export async function casusRij(db: Db, casusId: number): Promise<CasusRow | undefined> {
  return (
    await sql<CasusRow>`
      select c.*, t.naam as team_naam, t.organisatie_id, row_to_json(h) as huishouden
      from casus c join team t on t.id = c.team_id join huishouden h on h.id = c.huishouden_id
      where c.id = ${casusId}`.execute(db)
  ).rows[0];
}

/** The members of a household, youngest last (by date of birth, unknown last). */
export async function ledenVan(db: Db, huishoudenId: number): Promise<LidRow[]> {
  return (
    await sql<LidRow>`
      select l.rol as huishouden_rol, p.id, p.achternaam, p.tussenvoegsel, p.voornamen, p.geboortedatum, p.geslacht, p.bsn
      from huishouden_lid l join persoon p on p.id = l.persoon_id
      where l.huishouden_id = ${huishoudenId} order by p.geboortedatum nulls last`.execute(db)
  ).rows;
}

/** The meldingen of a casus in order of receipt, each with its facts and steps (one query). */
export async function meldingenVanCasus(db: Db, casusId: number, metMelder: boolean): Promise<MeldingRow[]> {
  const lijst = (tabel: string, volgorde: string) =>
    sql`coalesce((select json_agg(x order by ${sql.raw(volgorde)}) from ${sql.table(tabel)} x where x.melding_id = m.id), '[]')`;
  const een = (tabel: string) => sql`(select row_to_json(x) from ${sql.table(tabel)} x where x.melding_id = m.id)`;
  return (
    await sql<MeldingRow>`
      with f as (${MELDING_FACTS_SQL} where m.casus_id = ${casusId})
      select m.*, row_to_json(f) as feiten,
        ${een('veiligheidsbeoordeling')} as beoordeling,
        ${een('dienst')} as dienst,
        ${een('overdracht')} as overdracht,
        ${een('afsluiting')} as afsluiting,
        ${metMelder ? een('melder') : sql`null`} as melder,
        coalesce((select json_agg(json_build_object('persoon_id', b.persoon_id, 'rol', b.rol, 'achternaam', p.achternaam,
                    'tussenvoegsel', p.tussenvoegsel, 'voornamen', p.voornamen) order by b.persoon_id)
                  from melding_betrokkene b join persoon p on p.id = b.persoon_id where b.melding_id = m.id), '[]') as betrokkenen,
        ${lijst('terugkoppeling', 'x.id')} as terugkoppelingen,
        ${lijst('informering', 'x.persoon_id')} as informering,
        ${lijst('rvdk_verzoek', 'x.id')} as rvdk_verzoeken,
        ${lijst('monitoringcontact', 'x.gedaan_op, x.id')} as monitoringcontacten
      from melding m join f on f.id = m.id
      order by m.ontvangen_op`.execute(db)
  ).rows;
}

/** Names of these users (only the ones a casus references, never all). */
export async function gebruikerNamen(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const r = await sql<{ id: number; naam: string }>`select id, naam from gebruiker where id = any(${ids})`.execute(db);
  return new Map(r.rows.map((g) => [g.id, g.naam]));
}

/** Person ids of a casus (for the access log). */
export async function casusClientIds(db: Db, casusId: number): Promise<number[]> {
  const r = await sql<{
    persoon_id: number;
  }>`select l.persoon_id from casus c join huishouden_lid l on l.huishouden_id = c.huishouden_id where c.id = ${casusId}`.execute(
    db,
  );
  return r.rows.map((x) => x.persoon_id);
}

export async function casusIdVanMelding(db: Db, meldingId: number): Promise<number | undefined> {
  return (await sql<{ casus_id: number }>`select casus_id from melding where id = ${meldingId}`.execute(db)).rows[0]
    ?.casus_id;
}

export interface CasusZoekRow {
  id: number;
  nummer: string;
  status: string;
  straat: string | null;
  huisnummer: string | null;
  toevoeging: string | null;
  postcode: string | null;
  woonplaats: string | null;
}

/** Casussen by casus number or by the number of one of their meldingen. */
export async function zoekCasusRijen(db: Db, term: string): Promise<CasusZoekRow[]> {
  return (
    await sql<CasusZoekRow>`
      select c.id, c.nummer, c.status, h.straat, h.huisnummer, h.toevoeging, h.postcode, h.woonplaats
      from casus c join huishouden h on h.id = c.huishouden_id
      where c.nummer = ${term} or exists (select 1 from melding m where m.casus_id = c.id and m.nummer = ${term.toUpperCase()})
      limit 20`.execute(db)
  ).rows;
}

// ---------------------------------------------------------------- the workflow's reads and writes

export async function actieveGebruiker(db: Db, id: number): Promise<boolean> {
  return (await sql`select 1 from gebruiker where id = ${id} and actief`.execute(db)).rows.length > 0;
}

/** The facts of one melding (MELDING_FACTS_SQL). */
export async function meldingFeiten(db: Db, meldingId: number): Promise<MeldingFactsRow | undefined> {
  return (await sql<MeldingFactsRow>`${MELDING_FACTS_SQL} where m.id = ${meldingId}`.execute(db)).rows[0];
}

export async function meldingKern(db: Db, meldingId: number) {
  return (
    await sql<{
      id: number;
      casus_id: number;
      status: MeldingStatus;
    }>`select id, casus_id, status from melding where id = ${meldingId}`.execute(db)
  ).rows[0];
}

/** The casus version, locking the casus row until the end of the transaction. */
export async function casusVersieVoorWijziging(db: Db, casusId: number): Promise<number> {
  return (await sql<{ versie: number }>`select versie from casus where id = ${casusId} for update`.execute(db)).rows[0]!
    .versie;
}

/** The household members of a casus, as far as "met kinderen" needs them. */
export async function ledenVanCasus(db: Db, casusId: number) {
  return (
    await sql<{ geboortedatum: string | null; huishoudenRol: string | null }>`
      select l.rol as "huishoudenRol", p.geboortedatum
      from casus c join huishouden_lid l on l.huishouden_id = c.huishouden_id join persoon p on p.id = l.persoon_id
      where c.id = ${casusId}`.execute(db)
  ).rows;
}

export async function voegBeoordelingToe(
  db: Db,
  meldingId: number,
  i: {
    acuteOnveiligheid: boolean;
    structureleOnveiligheid: boolean;
    uitkomst: string;
    motivering: string;
    bronnen: string[];
    getoetstDoor: number;
  },
  door: number,
  op: string,
) {
  await sql`insert into veiligheidsbeoordeling (melding_id, acute_onveiligheid, structurele_onveiligheid, uitkomst, motivering, bronnen, besloten_door, getoetst_door, vastgesteld_op)
            values (${meldingId}, ${i.acuteOnveiligheid}, ${i.structureleOnveiligheid}, ${i.uitkomst}, ${i.motivering}, ${i.bronnen}, ${door}, ${i.getoetstDoor}, ${op})`.execute(
    db,
  );
}

export async function zetBehandelaar(db: Db, meldingId: number, behandelaarId: number | null) {
  await sql`update melding set behandelaar_id = ${behandelaarId} where id = ${meldingId}`.execute(db);
}

export async function voegDienstToe(
  db: Db,
  meldingId: number,
  soort: 'onderzoek' | 'voorwaarden_en_vervolg',
  op: string,
  door: number,
  toelichting: string | null,
) {
  await sql`insert into dienst (melding_id, soort, gestart_op, gestart_door, toelichting)
            values (${meldingId}, ${soort}, ${op}, ${door}, ${toelichting})`.execute(db);
}

export async function voegOverdrachtToe(
  db: Db,
  meldingId: number,
  i: {
    ontvangerType: string;
    ontvangerNaam: string;
    reedsBekend: boolean;
    warm: boolean;
    monitoringAfspraken?: string | null | undefined;
  },
  moment: 'na_beoordeling' | 'na_dienst',
  op: string,
  door: number,
) {
  await sql`insert into overdracht (melding_id, ontvanger_type, ontvanger_naam, reeds_bekend, warm, moment, overgedragen_op, door, monitoring_afspraken)
            values (${meldingId}, ${i.ontvangerType}, ${i.ontvangerNaam}, ${i.reedsBekend}, ${i.warm}, ${moment}, ${op}, ${door}, ${i.monitoringAfspraken ?? null})`.execute(
    db,
  );
}

/** End the running dienst (if any) at `op`. */
export async function sluitDienst(db: Db, meldingId: number, op: string) {
  await sql`update dienst set afgesloten_op = ${op} where melding_id = ${meldingId} and afgesloten_op is null`.execute(
    db,
  );
}

export async function voegAfsluitingToe(
  db: Db,
  meldingId: number,
  reden: string,
  toelichting: string | null,
  moment: 'na_beoordeling' | 'na_monitoring' | 'na_dienst',
  op: string,
  door: number,
) {
  await sql`insert into afsluiting (melding_id, reden, toelichting, moment, afgesloten_op, door)
            values (${meldingId}, ${reden}, ${toelichting}, ${moment}, ${op}, ${door})`.execute(db);
}

export async function sluitMelding(db: Db, meldingId: number, op: string) {
  await sql`update melding set afgesloten_op = ${op} where id = ${meldingId}`.execute(db);
}

export async function zetOnderzoekUitkomsten(
  db: Db,
  meldingId: number,
  uitkomsten: Array<{ type: string; uitkomst: string }>,
) {
  await sql`update dienst set onderzoek_uitkomsten = ${JSON.stringify(uitkomsten)}::jsonb where melding_id = ${meldingId}`.execute(
    db,
  );
}

export async function voegVeiligheidsvoorwaardenToe(
  db: Db,
  meldingId: number,
  add: Array<{ tekst: string; op: string; door: number }>,
) {
  await sql`update dienst set veiligheidsvoorwaarden = veiligheidsvoorwaarden || ${JSON.stringify(add)}::jsonb where melding_id = ${meldingId}`.execute(
    db,
  );
}

export async function terugkoppelingBestaat(db: Db, meldingId: number, moment: string): Promise<boolean> {
  return (
    (await sql`select 1 from terugkoppeling where melding_id = ${meldingId} and moment = ${moment}`.execute(db)).rows
      .length > 0
  );
}

export async function voegTerugkoppelingToe(
  db: Db,
  meldingId: number,
  moment: string,
  inhoud: string,
  op: string,
  door: number,
) {
  await sql`insert into terugkoppeling (melding_id, moment, inhoud, gedaan_op, door) values (${meldingId}, ${moment}, ${inhoud}, ${op}, ${door})`.execute(
    db,
  );
}

/** The informing of one person of a melding, locked for the change. */
export async function informeringVoorWijziging(db: Db, meldingId: number, persoonId: number) {
  return (
    await sql<InformeringStapRow>`select * from informering where melding_id = ${meldingId} and persoon_id = ${persoonId} for update`.execute(
      db,
    )
  ).rows[0];
}

export async function zetVerlengingen(db: Db, meldingId: number, persoonId: number, verlengingen: unknown[]) {
  await sql`update informering set verlengingen = ${JSON.stringify(verlengingen)}::jsonb where melding_id = ${meldingId} and persoon_id = ${persoonId}`.execute(
    db,
  );
}

export async function zetGeinformeerd(
  db: Db,
  meldingId: number,
  persoonId: number,
  op: string,
  wijze: string | null,
  door: number,
) {
  await sql`update informering set geinformeerd_op = ${op}, wijze = ${wijze}, door = ${door} where melding_id = ${meldingId} and persoon_id = ${persoonId}`.execute(
    db,
  );
}

export async function voegMonitoringcontactToe(
  db: Db,
  meldingId: number,
  i: { gedaanOp: string; bevindingen: string; hulpGestart: string; veilig: string },
  door: number,
  vastgelegdOp: string,
) {
  await sql`insert into monitoringcontact (melding_id, gedaan_op, bevindingen, hulp_gestart, veilig, door, vastgelegd_op)
            values (${meldingId}, ${new Date(i.gedaanOp).toISOString()}, ${i.bevindingen}, ${i.hulpGestart}, ${i.veilig}, ${door}, ${vastgelegdOp})`.execute(
    db,
  );
}

export async function voegRvdkVerzoekToe(db: Db, meldingId: number, motivering: string, op: string, door: number) {
  await sql`insert into rvdk_verzoek (melding_id, motivering, verzocht_op, door) values (${meldingId}, ${motivering}, ${op}, ${door})`.execute(
    db,
  );
}

export async function zetStatus(db: Db, meldingId: number, status: MeldingStatus) {
  await sql`update melding set status = ${status} where id = ${meldingId}`.execute(db);
}

/**
 * After a step: the casus closes when all its meldingen are closed, at the moment its last melding
 * closed (a later side action keeps that moment); the version goes up. Returns the new version.
 */
export async function werkCasusBij(db: Db, casusId: number, now: Date): Promise<number> {
  const open = await sql`select 1 from melding where casus_id = ${casusId} and status <> 'afgesloten' limit 1`.execute(
    db,
  );
  const u = await sql<{ versie: number }>`
    update casus set versie = versie + 1,
      status = ${open.rows.length ? 'open' : 'gesloten'},
      gesloten_op = ${open.rows.length ? null : sql`coalesce(gesloten_op, (select max(afgesloten_op) from melding where casus_id = ${casusId}), ${now.toISOString()}::timestamptz)`}
    where id = ${casusId} returning versie`.execute(db);
  return u.rows[0]!.versie;
}

export async function verhoogCasusVersie(db: Db, casusId: number): Promise<number> {
  return (
    await sql<{ versie: number }>`update casus set versie = versie + 1 where id = ${casusId} returning versie`.execute(
      db,
    )
  ).rows[0]!.versie;
}

/** The persons a melding is about (for the access log). */
export async function betrokkenenVanMelding(db: Db, meldingId: number): Promise<number[]> {
  return (
    await sql<{
      persoon_id: number;
    }>`select persoon_id from melding_betrokkene where melding_id = ${meldingId}`.execute(db)
  ).rows.map((r) => r.persoon_id);
}
