// The SQL of the reference data: code lists, gemeenten, teams, medewerkers and equated days.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

export interface CodeLijstItemRow {
  lijst: string;
  versie: string;
  code: string;
  label: string;
  groep: string | null;
  subgroep: string | null;
}

export async function codelijstVersieBestaat(db: Db, lijst: string, versie: string): Promise<boolean> {
  return (
    (await sql`select 1 from codelijst_versie where lijst = ${lijst} and versie = ${versie}`.execute(db)).rows.length >
    0
  );
}

export async function voegCodelijstVersieToe(db: Db, lijst: string, versie: string, omschrijving: string) {
  await sql`insert into codelijst_versie (lijst, versie, omschrijving, geldig_van) values (${lijst}, ${versie}, ${omschrijving}, '2019-01-01')`.execute(
    db,
  );
}

export async function voegCodelijstItemToe(
  db: Db,
  lijst: string,
  versie: string,
  it: { code: string; label: string; groep?: string | null; subgroep?: string | null; cbs2015?: string | null },
  volgorde: number,
) {
  await sql`insert into codelijst_item (lijst, versie, code, label, groep, subgroep, cbs2015, volgorde)
            values (${lijst}, ${versie}, ${it.code}, ${it.label}, ${it.groep ?? null}, ${it.subgroep ?? null}, ${it.cbs2015 ?? null}, ${volgorde})`.execute(
    db,
  );
}

/** The items of the code lists in force today (latest version with geldig_van <= today), in list order. */
export async function geldendeCodelijstItems(db: Db): Promise<CodeLijstItemRow[]> {
  return (
    await sql<CodeLijstItemRow>`
      with cur as (
        select distinct on (lijst) lijst, versie from codelijst_versie
        where geldig_van <= current_date order by lijst, geldig_van desc)
      select i.lijst, i.versie, i.code, i.label, i.groep, i.subgroep
      from codelijst_item i join cur using (lijst, versie)
      order by i.lijst, i.volgorde`.execute(db)
  ).rows;
}

export async function gelijkgesteldeDagRijen(db: Db) {
  return (
    await sql<{ datum: string; naam: string }>`select datum, naam from gelijkgestelde_dag order by datum`.execute(db)
  ).rows;
}

export async function zetGelijkgesteldeDag(db: Db, datum: string, naam: string) {
  await sql`insert into gelijkgestelde_dag (datum, naam) values (${datum}, ${naam}) on conflict (datum) do update set naam = excluded.naam`.execute(
    db,
  );
}

/** Remove an equated day; true when there was one. */
export async function verwijderGelijkgesteldeDagRij(db: Db, datum: string): Promise<boolean> {
  return (await sql`delete from gelijkgestelde_dag where datum = ${datum} returning datum`.execute(db)).rows.length > 0;
}

export async function gemeenteRijen(db: Db) {
  return (
    await sql<{
      code: string;
      naam: string;
      teamId: number | null;
    }>`select g.code, g.naam, g.team_id as "teamId" from gemeente g order by g.naam`.execute(db)
  ).rows;
}

export async function teamRijen(db: Db) {
  return (await sql<{ id: number; naam: string }>`select id, naam from team order by naam`.execute(db)).rows;
}

export async function medewerkerRijen(db: Db) {
  return (
    await sql<{
      id: number;
      naam: string;
      rollen: string[];
      teamId: number | null;
    }>`select id, naam, rollen, team_id as "teamId" from gebruiker where actief order by naam`.execute(db)
  ).rows;
}
