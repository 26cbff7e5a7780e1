// The SQL of user and team management (beheer): raw SQL in Kysely `sql` templates, typed with the
// row types of db/schema.ts; the rules live in gebruikers.ts and routes.ts.
import type { HistorieActie } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';

/** Whether a login name is taken, ignoring case. */
export async function gebruikersnaamBestaat(db: Db, gebruikersnaam: string): Promise<boolean> {
  const r = await sql`select 1 from gebruiker where lower(gebruikersnaam) = lower(${gebruikersnaam})`.execute(db);
  return r.rows.length > 0;
}

/** Whether a team belongs to an organisation. */
export async function teamInOrganisatie(db: Db, teamId: number, organisatieId: number): Promise<boolean> {
  const r = await sql<
    Pick<Row<'team'>, 'id'>
  >`select id from team where id = ${teamId} and organisatie_id = ${organisatieId}`.execute(db);
  return r.rows.length > 0;
}

type Gebruiker = Row<'gebruiker'>;
type Team = Row<'team'>;
type Historie = Row<'gebruikersbeheer_historie'>;

/** One advisory lock (`key`) for the rest of the transaction. */
export async function adviesslot(tx: Db, key: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${key})`.execute(tx);
}

// ---- users

/** A user as the administration lists it: account fields only, no hashes or secrets. */
export type GebruikerRij = Pick<
  Gebruiker,
  | 'id'
  | 'gebruikersnaam'
  | 'naam'
  | 'rollen'
  | 'team_id'
  | 'actief'
  | 'gedeactiveerd_op'
  | 'oidc_sub'
  | 'geblokkeerd_tot'
  | 'aangemaakt_op'
> & { team_naam: string | null; tweede_factor: boolean; laatste_login: Date | null };

const SELECT_GEBRUIKER = sql`
  select g.id, g.gebruikersnaam, g.naam, g.rollen, g.team_id, t.naam as team_naam, g.actief, g.gedeactiveerd_op, g.oidc_sub,
         g.geblokkeerd_tot, g.aangemaakt_op,
         exists (select 1 from totp x where x.gebruiker_id = g.id and x.geheim is not null) as tweede_factor,
         (select max(s.aangemaakt_op) from sessie s where s.gebruiker_id = g.id and s.stap = 'actief') as laatste_login
  from gebruiker g left join team t on t.id = g.team_id`;

export async function gebruikersVan(db: Db, organisatieId: number): Promise<GebruikerRij[]> {
  return (
    await sql<GebruikerRij>`${SELECT_GEBRUIKER} where g.organisatie_id = ${organisatieId} order by g.actief desc, lower(g.naam), g.id`.execute(
      db,
    )
  ).rows;
}

export async function gebruikerRij(db: Db, id: number, organisatieId: number): Promise<GebruikerRij | undefined> {
  return (
    await sql<GebruikerRij>`${SELECT_GEBRUIKER} where g.id = ${id} and g.organisatie_id = ${organisatieId}`.execute(db)
  ).rows[0];
}

/** The full row of a user of the organisation, locked for the rest of the transaction. */
export async function gebruikerVoorWijziging(
  tx: Db,
  id: number,
  organisatieId: number,
): Promise<Gebruiker | undefined> {
  return (
    await sql<Gebruiker>`select * from gebruiker where id = ${id} and organisatie_id = ${organisatieId} for update`.execute(
      tx,
    )
  ).rows[0];
}

/** Active functioneel beheerders of the organisation other than `behalve`. */
export async function andereActieveMetRol(
  db: Db,
  organisatieId: number,
  rol: string,
  behalve: number,
): Promise<number> {
  return (
    await sql<{ n: number }>`
    select count(*)::int as n from gebruiker
    where organisatie_id = ${organisatieId} and actief and ${rol} = any(rollen) and id <> ${behalve}`.execute(db)
  ).rows[0]!.n;
}

export async function gebruikerInvoegen(
  tx: Db,
  g: Pick<
    Gebruiker,
    'organisatie_id' | 'gebruikersnaam' | 'naam' | 'wachtwoord_hash' | 'rollen' | 'team_id' | 'aangemaakt_op'
  >,
): Promise<number> {
  return (
    await sql<Pick<Gebruiker, 'id'>>`
      insert into gebruiker (organisatie_id, gebruikersnaam, naam, wachtwoord_hash, rollen, team_id, aangemaakt_op)
      values (${g.organisatie_id}, ${g.gebruikersnaam}, ${g.naam}, ${g.wachtwoord_hash}, ${g.rollen}, ${g.team_id}, ${g.aangemaakt_op.toISOString()})
      returning id`.execute(tx)
  ).rows[0]!.id;
}

export async function gebruikerBijwerken(
  tx: Db,
  id: number,
  v: Pick<Gebruiker, 'naam' | 'rollen' | 'team_id'>,
): Promise<void> {
  await sql`update gebruiker set naam = ${v.naam}, rollen = ${v.rollen}, team_id = ${v.team_id} where id = ${id}`.execute(
    tx,
  );
}

export async function gebruikerDeactiveren(tx: Db, id: number, op: Date): Promise<void> {
  await sql`update gebruiker set actief = false, gedeactiveerd_op = ${op.toISOString()} where id = ${id}`.execute(tx);
}

export async function gebruikerActiveren(tx: Db, id: number): Promise<void> {
  await sql`update gebruiker set actief = true, gedeactiveerd_op = null where id = ${id}`.execute(tx);
}

export async function heeftTotpRij(tx: Db, gebruikerId: number): Promise<boolean> {
  return (await sql`select 1 from totp where gebruiker_id = ${gebruikerId}`.execute(tx)).rows.length > 0;
}

/** A new password set by the beheerder: also unlocks the account. */
export async function wachtwoordInstellen(tx: Db, id: number, hash: string): Promise<void> {
  await sql`update gebruiker set wachtwoord_hash = ${hash}, mislukte_pogingen = 0, geblokkeerd_tot = null where id = ${id}`.execute(
    tx,
  );
}

export async function deblokkeren(tx: Db, id: number): Promise<void> {
  await sql`update gebruiker set mislukte_pogingen = 0, geblokkeerd_tot = null where id = ${id}`.execute(tx);
}

// ---- teams

export type TeamRij = Pick<Team, 'id' | 'naam'> & { leden: number; actieve_leden: number; gemeenten: number };

export async function teamsVan(db: Db, organisatieId: number): Promise<TeamRij[]> {
  return (
    await sql<TeamRij>`
    select t.id, t.naam,
      (select count(*)::int from gebruiker g where g.team_id = t.id) as leden,
      (select count(*)::int from gebruiker g where g.team_id = t.id and g.actief) as actieve_leden,
      (select count(*)::int from gemeente m where m.team_id = t.id) as gemeenten
    from team t where t.organisatie_id = ${organisatieId} order by lower(t.naam), t.id`.execute(db)
  ).rows;
}

/** Whether another team of the organisation (not `behalve`) has this name, ignoring case. */
export async function teamNaamBezet(
  db: Db,
  organisatieId: number,
  naam: string,
  behalve: number | null,
): Promise<boolean> {
  const r =
    await sql`select 1 from team where organisatie_id = ${organisatieId} and lower(naam) = lower(${naam}) and id is distinct from ${behalve}`.execute(
      db,
    );
  return r.rows.length > 0;
}

export async function teamInvoegen(tx: Db, organisatieId: number, naam: string): Promise<number> {
  return (
    await sql<
      Pick<Team, 'id'>
    >`insert into team (organisatie_id, naam) values (${organisatieId}, ${naam}) returning id`.execute(tx)
  ).rows[0]!.id;
}

export async function teamVoorWijziging(tx: Db, id: number, organisatieId: number): Promise<Team | undefined> {
  return (
    await sql<Team>`select * from team where id = ${id} and organisatie_id = ${organisatieId} for update`.execute(tx)
  ).rows[0];
}

export async function teamHernoemen(tx: Db, id: number, naam: string): Promise<void> {
  await sql`update team set naam = ${naam} where id = ${id}`.execute(tx);
}

// ---- history

/** A history row; `oud`/`nieuw` undefined are stored as SQL null, any other value as JSON (null too). */
export async function historieInvoegen(
  tx: Db,
  h: Omit<Historie, 'id' | 'actie' | 'oud' | 'nieuw'> & { actie: HistorieActie; oud?: unknown; nieuw?: unknown },
): Promise<void> {
  // JSON is passed as text and cast, so both drivers store the same jsonb value.
  await sql`insert into gebruikersbeheer_historie (op, door, gebruiker_id, team_id, actie, oud, nieuw, toelichting)
            values (${h.op.toISOString()}, ${h.door}, ${h.gebruiker_id}, ${h.team_id}, ${h.actie},
                    ${h.oud === undefined ? null : JSON.stringify(h.oud)}::jsonb, ${h.nieuw === undefined ? null : JSON.stringify(h.nieuw)}::jsonb, ${h.toelichting})`.execute(
    tx,
  );
}

/** A history row with names; `actie` is a HistorieActie (only historieInvoegen writes the table). */
export type HistorieRij = Omit<Historie, 'actie'> & {
  actie: HistorieActie;
  door_naam: string | null;
  gebruiker_naam: string | null;
  gebruikersnaam: string | null;
  team_naam: string | null;
};

export async function historieVan(
  db: Db,
  organisatieId: number,
  f: { gebruikerId?: number; teamId?: number; limit: number },
): Promise<HistorieRij[]> {
  return (
    await sql<HistorieRij>`
    select h.*, d.naam as door_naam, g.naam as gebruiker_naam, g.gebruikersnaam, t.naam as team_naam
    from gebruikersbeheer_historie h
    left join gebruiker d on d.id = h.door left join gebruiker g on g.id = h.gebruiker_id left join team t on t.id = h.team_id
    where coalesce(g.organisatie_id, t.organisatie_id) = ${organisatieId}
      ${f.gebruikerId ? sql`and h.gebruiker_id = ${f.gebruikerId}` : sql``}
      ${f.teamId ? sql`and h.team_id = ${f.teamId}` : sql``}
    order by h.id desc limit ${f.limit}`.execute(db)
  ).rows;
}
