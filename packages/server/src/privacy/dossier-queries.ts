// The SQL of a person's dossier (dossier.ts): one loader that reads the person's households, the
// meldingen about them with every step, and the other persons who share a melding or a household.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';

export type DossierHuishoudenRij = Row<'huishouden'> & Pick<Row<'huishouden_lid'>, 'rol' | 'sinds'>;
export type DossierMeldingRij = Row<'melding'> & { uw_rol: string; casus_nummer: string };
/** A dienst with its json columns as the workflow writes them. */
export type DossierDienstRij = Omit<Row<'dienst'>, 'veiligheidsvoorwaarden' | 'onderzoek_uitkomsten'> & {
  veiligheidsvoorwaarden: Array<{ tekst: string }> | null;
  onderzoek_uitkomsten: Array<{ type: string; uitkomst: string }> | null;
};

export interface DossierGegevens {
  huishoudens: DossierHuishoudenRij[];
  meldingen: DossierMeldingRij[];
  /** Every other person who shares a melding or a household with this one (bsn still sealed). */
  anderen: Row<'persoon'>[];
  betrokkenen: Array<Pick<Row<'melding_betrokkene'>, 'melding_id' | 'persoon_id'>>;
  beoordelingen: Row<'veiligheidsbeoordeling'>[];
  diensten: DossierDienstRij[];
  overdrachten: Row<'overdracht'>[];
  afsluitingen: Row<'afsluiting'>[];
  terugkoppelingen: Row<'terugkoppeling'>[];
  /** The informing of this person only. */
  informering: Row<'informering'>[];
  rvdk: Row<'rvdk_verzoek'>[];
  monitoring: Row<'monitoringcontact'>[];
}

/** Everything of the dossier of one person that comes from the database (melder status aside). */
export async function dossierGegevens(db: Db, persoonId: number): Promise<DossierGegevens> {
  const huishoudens = (
    await sql<DossierHuishoudenRij>`select l.rol, l.sinds, h.* from huishouden_lid l join huishouden h on h.id = l.huishouden_id where l.persoon_id = ${persoonId} order by l.sinds`.execute(
      db,
    )
  ).rows;
  const meldingen = (
    await sql<DossierMeldingRij>`select m.*, mb.rol as uw_rol, c.nummer as casus_nummer from melding_betrokkene mb join melding m on m.id = mb.melding_id join casus c on c.id = m.casus_id
      where mb.persoon_id = ${persoonId} order by m.ontvangen_op`.execute(db)
  ).rows;
  const mIds = meldingen.map((m) => m.id);
  const hIds = huishoudens.map((h) => h.id);
  const anderen = (
    await sql<Row<'persoon'>>`select distinct p.* from persoon p where p.id <> ${persoonId} and (
        p.id in (select persoon_id from melding_betrokkene where melding_id = any(${mIds.length ? mIds : [0]}))
        or p.id in (select persoon_id from huishouden_lid where huishouden_id = any(${hIds.length ? hIds : [0]})))`.execute(
      db,
    )
  ).rows;
  const q = async <T>(s: ReturnType<typeof sql<T>>): Promise<T[]> => (mIds.length ? (await s.execute(db)).rows : []);
  const [
    betrokkenen,
    beoordelingen,
    diensten,
    overdrachten,
    afsluitingen,
    terugkoppelingen,
    informering,
    rvdk,
    monitoring,
  ] = await Promise.all([
    q(
      sql<
        Pick<Row<'melding_betrokkene'>, 'melding_id' | 'persoon_id'>
      >`select melding_id, persoon_id from melding_betrokkene where melding_id = any(${mIds})`,
    ),
    q(sql<Row<'veiligheidsbeoordeling'>>`select * from veiligheidsbeoordeling where melding_id = any(${mIds})`),
    q(sql<DossierDienstRij>`select * from dienst where melding_id = any(${mIds})`),
    q(sql<Row<'overdracht'>>`select * from overdracht where melding_id = any(${mIds})`),
    q(sql<Row<'afsluiting'>>`select * from afsluiting where melding_id = any(${mIds})`),
    q(sql<Row<'terugkoppeling'>>`select * from terugkoppeling where melding_id = any(${mIds}) order by gedaan_op`),
    q(sql<Row<'informering'>>`select * from informering where melding_id = any(${mIds}) and persoon_id = ${persoonId}`),
    q(sql<Row<'rvdk_verzoek'>>`select * from rvdk_verzoek where melding_id = any(${mIds}) order by verzocht_op`),
    q(
      sql<
        Row<'monitoringcontact'>
      >`select * from monitoringcontact where melding_id = any(${mIds}) order by gedaan_op, id`,
    ),
  ]);
  return {
    huishoudens,
    meldingen,
    anderen,
    betrokkenen,
    beoordelingen,
    diensten,
    overdrachten,
    afsluitingen,
    terugkoppelingen,
    informering,
    rvdk,
    monitoring,
  };
}
