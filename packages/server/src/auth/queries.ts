// The SQL of the auth module: accounts (gebruiker), sessions, second factor, recovery codes,
// single sign-on requests and drafts. Raw SQL in Kysely `sql` templates, typed with the row types
// of db/schema.ts; the rules live in session.ts, login.ts, oidc.ts and drafts.ts.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';

type Gebruiker = Row<'gebruiker'>;
type Sessie = Row<'sessie'>;

// ---- accounts

export async function gebruikerById(db: Db, id: number): Promise<Gebruiker | undefined> {
  return (await sql<Gebruiker>`select * from gebruiker where id = ${id}`.execute(db)).rows[0];
}

export async function actieveGebruiker(db: Db, id: number): Promise<Gebruiker | undefined> {
  return (await sql<Gebruiker>`select * from gebruiker where id = ${id} and actief`.execute(db)).rows[0];
}

export async function gebruikerByNaam(db: Db, gebruikersnaam: string): Promise<Gebruiker | undefined> {
  return (await sql<Gebruiker>`select * from gebruiker where gebruikersnaam = ${gebruikersnaam}`.execute(db)).rows[0];
}

export async function gebruikerIdByNaam(db: Db, gebruikersnaam: string): Promise<number | null> {
  const r = await sql<Pick<Gebruiker, 'id'>>`select id from gebruiker where gebruikersnaam = ${gebruikersnaam}`.execute(
    db,
  );
  return r.rows[0]?.id ?? null;
}

export async function geblokkeerdTot(db: Db, id: number): Promise<Date | null> {
  const r = await sql<
    Pick<Gebruiker, 'geblokkeerd_tot'>
  >`select geblokkeerd_tot from gebruiker where id = ${id}`.execute(db);
  return r.rows[0]?.geblokkeerd_tot ?? null;
}

export async function wachtwoordHash(db: Db, id: number): Promise<string | null> {
  const r = await sql<
    Pick<Gebruiker, 'wachtwoord_hash'>
  >`select wachtwoord_hash from gebruiker where id = ${id}`.execute(db);
  return r.rows[0]?.wachtwoord_hash ?? null;
}

export async function accountGegevens(
  db: Db,
  id: number,
): Promise<Pick<Gebruiker, 'wachtwoord_hash' | 'oidc_sub' | 'wachtwoord_gewijzigd_op'> | undefined> {
  return (
    await sql<
      Pick<Gebruiker, 'wachtwoord_hash' | 'oidc_sub' | 'wachtwoord_gewijzigd_op'>
    >`select wachtwoord_hash, oidc_sub, wachtwoord_gewijzigd_op from gebruiker where id = ${id}`.execute(db)
  ).rows[0];
}

export async function zetWachtwoord(db: Db, id: number, hash: string, op: Date): Promise<void> {
  await sql`update gebruiker set wachtwoord_hash = ${hash}, wachtwoord_gewijzigd_op = ${op.toISOString()} where id = ${id}`.execute(
    db,
  );
}

export async function ssoGebruikerId(db: Db, issuer: string, sub: string): Promise<number | null> {
  const r = await sql<
    Pick<Gebruiker, 'id'>
  >`select id from gebruiker where oidc_issuer = ${issuer} and oidc_sub = ${sub}`.execute(db);
  return r.rows[0]?.id ?? null;
}

export async function rollenIntrekken(db: Db, id: number): Promise<void> {
  await sql`update gebruiker set rollen = '{}' where id = ${id}`.execute(db);
}

/** Remove the second factor of a user: the TOTP secret and the recovery codes. */
export async function tweedeFactorVerwijderen(db: Db, gebruikerId: number): Promise<void> {
  await sql`delete from herstelcode where gebruiker_id = ${gebruikerId}`.execute(db);
  await sql`delete from totp where gebruiker_id = ${gebruikerId}`.execute(db);
}

// ---- sessions

export async function sessieInvoegen(
  db: Db,
  s: Pick<Sessie, 'id' | 'gebruiker_id' | 'csrf_token' | 'verloopt_op' | 'stap' | 'methode'>,
): Promise<void> {
  await sql`insert into sessie (id, gebruiker_id, csrf_token, verloopt_op, stap, methode)
            values (${s.id}, ${s.gebruiker_id}, ${s.csrf_token}, ${s.verloopt_op.toISOString()}, ${s.stap}, ${s.methode})`.execute(
    db,
  );
}

export type SessieMetGebruiker = Gebruiker &
  Pick<Sessie, 'csrf_token' | 'laatst_actief_op' | 'verloopt_op' | 'beeindigd_op' | 'stap' | 'methode'> & {
    sessie_id: string;
  };

export async function sessieMetGebruiker(db: Db, sessieId: string): Promise<SessieMetGebruiker | undefined> {
  return (
    await sql<SessieMetGebruiker>`
    select s.id as sessie_id, s.csrf_token, s.laatst_actief_op, s.verloopt_op, s.beeindigd_op, s.stap, s.methode, g.*
    from sessie s join gebruiker g on g.id = s.gebruiker_id
    where s.id = ${sessieId}`.execute(db)
  ).rows[0];
}

export async function sessieAanraken(db: Db, sessieId: string): Promise<void> {
  await sql`update sessie set laatst_actief_op = now() where id = ${sessieId}`.execute(db);
}

export type PreAuthRij = Pick<Sessie, 'id' | 'gebruiker_id' | 'stap' | 'methode' | 'verloopt_op' | 'beeindigd_op'> &
  Pick<Gebruiker, 'actief'>;

export async function preAuthSessie(db: Db, sessieId: string): Promise<PreAuthRij | undefined> {
  return (
    await sql<PreAuthRij>`
    select s.id, s.gebruiker_id, s.stap, s.methode, s.verloopt_op, s.beeindigd_op, g.actief
    from sessie s join gebruiker g on g.id = s.gebruiker_id where s.id = ${sessieId}`.execute(db)
  ).rows[0];
}

export async function sessieBeeindigen(db: Db, sessieId: string): Promise<void> {
  await sql`update sessie set beeindigd_op = now() where id = ${sessieId} and beeindigd_op is null`.execute(db);
}

/** End every open session of a user except `behalve`; returns how many were ended. */
export async function sessiesBeeindigen(db: Db, gebruikerId: number, behalve: string | null): Promise<number> {
  const r = await sql<Pick<Sessie, 'id'>>`
    update sessie set beeindigd_op = now()
    where gebruiker_id = ${gebruikerId} and beeindigd_op is null and verloopt_op > now() and id is distinct from ${behalve}
    returning id`.execute(db);
  return r.rows.length;
}

// ---- drafts (concept)

type Concept = Row<'concept'>;

export async function conceptenVerlopen(db: Db, voor: Date): Promise<number> {
  const r = await sql<
    Pick<Concept, 'sleutel'>
  >`delete from concept where bijgewerkt_op < ${voor.toISOString()} returning sleutel`.execute(db);
  return r.rows.length;
}

export async function eigenConceptenVerlopen(db: Db, gebruikerId: number, voor: Date): Promise<void> {
  await sql`delete from concept where gebruiker_id = ${gebruikerId} and bijgewerkt_op < ${voor.toISOString()}`.execute(
    db,
  );
}

export async function concepten(
  db: Db,
  gebruikerId: number,
): Promise<Array<Pick<Concept, 'sleutel' | 'persoon_ids' | 'bijgewerkt_op'>>> {
  return (
    await sql<
      Pick<Concept, 'sleutel' | 'persoon_ids' | 'bijgewerkt_op'>
    >`select sleutel, persoon_ids, bijgewerkt_op from concept where gebruiker_id = ${gebruikerId} order by bijgewerkt_op desc`.execute(
      db,
    )
  ).rows;
}

export async function concept(db: Db, gebruikerId: number, sleutel: string): Promise<Concept | undefined> {
  return (
    await sql<Concept>`select * from concept where gebruiker_id = ${gebruikerId} and sleutel = ${sleutel}`.execute(db)
  ).rows[0];
}

export async function aantalAndereConcepten(db: Db, gebruikerId: number, sleutel: string): Promise<number> {
  return (
    await sql<{
      n: number;
    }>`select count(*)::int as n from concept where gebruiker_id = ${gebruikerId} and sleutel <> ${sleutel}`.execute(db)
  ).rows[0]!.n;
}

export async function conceptOpslaan(
  db: Db,
  c: { gebruikerId: number; sleutel: string; inhoud: unknown; persoonIds: number[]; op: Date },
): Promise<Concept> {
  // JSON is passed as text and cast, so both drivers store the same jsonb value.
  const r = await sql<Concept>`
    insert into concept (gebruiker_id, sleutel, inhoud, persoon_ids, bijgewerkt_op)
    values (${c.gebruikerId}, ${c.sleutel}, ${JSON.stringify(c.inhoud)}::jsonb, ${c.persoonIds}, ${c.op.toISOString()})
    on conflict (gebruiker_id, sleutel) do update set inhoud = excluded.inhoud, persoon_ids = excluded.persoon_ids, bijgewerkt_op = excluded.bijgewerkt_op
    returning *`.execute(db);
  return r.rows[0]!;
}

/** Delete a draft; its persons, or undefined when there was none. */
export async function conceptVerwijderen(
  db: Db,
  gebruikerId: number,
  sleutel: string,
): Promise<Pick<Concept, 'persoon_ids'> | undefined> {
  return (
    await sql<
      Pick<Concept, 'persoon_ids'>
    >`delete from concept where gebruiker_id = ${gebruikerId} and sleutel = ${sleutel} returning persoon_ids`.execute(
      db,
    )
  ).rows[0];
}

/** The betrokkenen of all meldingen of a casus. */
export async function betrokkenenVanCasus(db: Db, casusId: number): Promise<number[]> {
  const r = await sql<
    Pick<Row<'melding_betrokkene'>, 'persoon_id'>
  >`select distinct b.persoon_id from melding_betrokkene b join melding x on x.id = b.melding_id where x.casus_id = ${casusId}`.execute(
    db,
  );
  return r.rows.map((x) => x.persoon_id);
}

/** The betrokkenen of one melding. */
export async function betrokkenenVanMelding(db: Db, meldingId: number): Promise<number[]> {
  const r = await sql<
    Pick<Row<'melding_betrokkene'>, 'persoon_id'>
  >`select persoon_id from melding_betrokkene where melding_id = ${meldingId}`.execute(db);
  return r.rows.map((x) => x.persoon_id);
}

// ---- failed logins and account lock

/** Failed logins from an address since a moment: how many, and the first. */
export async function mislukteLoginsVanaf(
  db: Db,
  ip: string,
  sinds: Date,
): Promise<{ n: number; eerste: Date | null }> {
  return (
    await sql<{
      n: number;
      eerste: Date | null;
    }>`select count(*)::int as n, min(op) as eerste from login_mislukt where ip = ${ip} and op > ${sinds.toISOString()}`.execute(
      db,
    )
  ).rows[0]!;
}

/** Record a failed login from an address and forget those older than `vergeetVoor`. */
export async function mislukteLoginVastleggen(db: Db, ip: string, op: Date, vergeetVoor: Date): Promise<void> {
  await sql`insert into login_mislukt (ip, op) values (${ip}, ${op.toISOString()})`.execute(db);
  await sql`delete from login_mislukt where op < ${vergeetVoor.toISOString()}`.execute(db);
}

/** One more failed attempt on an account; the new count (0 when the account does not exist). */
export async function mislukkingTellen(db: Db, gebruikerId: number): Promise<number> {
  const r = await sql<{
    n: number;
  }>`update gebruiker set mislukte_pogingen = mislukte_pogingen + 1 where id = ${gebruikerId} returning mislukte_pogingen as n`.execute(
    db,
  );
  return r.rows[0]?.n ?? 0;
}

export async function blokkeren(db: Db, gebruikerId: number, tot: Date): Promise<void> {
  await sql`update gebruiker set geblokkeerd_tot = ${tot.toISOString()} where id = ${gebruikerId}`.execute(db);
}

export async function mislukkingenWissen(db: Db, gebruikerId: number): Promise<void> {
  await sql`update gebruiker set mislukte_pogingen = 0, geblokkeerd_tot = null where id = ${gebruikerId} and (mislukte_pogingen <> 0 or geblokkeerd_tot is not null)`.execute(
    db,
  );
}

// ---- second factor (totp, herstelcode)

type Totp = Row<'totp'>;

export async function totp(db: Db, gebruikerId: number): Promise<Totp | undefined> {
  return (await sql<Totp>`select * from totp where gebruiker_id = ${gebruikerId}`.execute(db)).rows[0];
}

export async function heeftTotp(db: Db, gebruikerId: number): Promise<boolean> {
  const r = await sql`select 1 from totp where gebruiker_id = ${gebruikerId} and geheim is not null`.execute(db);
  return r.rows.length > 0;
}

/** A new pending secret (already sealed), replacing an earlier pending one. */
export async function nieuwTotpGeheim(db: Db, gebruikerId: number, geheim: string | null, op: Date): Promise<void> {
  await sql`insert into totp (gebruiker_id, nieuw_geheim, nieuw_aangemaakt_op) values (${gebruikerId}, ${geheim}, ${op.toISOString()})
            on conflict (gebruiker_id) do update set nieuw_geheim = excluded.nieuw_geheim, nieuw_aangemaakt_op = excluded.nieuw_aangemaakt_op`.execute(
    db,
  );
}

/** Confirm the pending secret `nieuwGeheim` (stored value); false when it is no longer pending. */
export async function totpBevestigen(
  db: Db,
  gebruikerId: number,
  nieuwGeheim: string | null,
  stap: number,
  op: Date,
): Promise<boolean> {
  const r =
    await sql`update totp set geheim = nieuw_geheim, bevestigd_op = ${op.toISOString()}, laatste_stap = ${stap}, nieuw_geheim = null, nieuw_aangemaakt_op = null
                          where gebruiker_id = ${gebruikerId} and nieuw_geheim = ${nieuwGeheim} returning gebruiker_id`.execute(
      db,
    );
  return r.rows.length > 0;
}

/** Accept a TOTP time step once: false when this or a later step was accepted before. */
export async function totpStapGebruiken(
  db: Db,
  gebruikerId: number,
  geheim: string | null,
  stap: number,
): Promise<boolean> {
  const r =
    await sql`update totp set laatste_stap = ${stap} where gebruiker_id = ${gebruikerId} and geheim = ${geheim} and (laatste_stap is null or laatste_stap < ${stap}) returning gebruiker_id`.execute(
      db,
    );
  return r.rows.length > 0;
}

export async function herstelcodesVervangen(db: Db, gebruikerId: number, hashes: string[]): Promise<void> {
  await sql`delete from herstelcode where gebruiker_id = ${gebruikerId}`.execute(db);
  for (const h of hashes)
    await sql`insert into herstelcode (gebruiker_id, code_hash) values (${gebruikerId}, ${h})`.execute(db);
}

export async function herstelcodesOver(db: Db, gebruikerId: number): Promise<number> {
  return (
    await sql<{
      n: number;
    }>`select count(*)::int as n from herstelcode where gebruiker_id = ${gebruikerId} and gebruikt_op is null`.execute(
      db,
    )
  ).rows[0]!.n;
}

/** Use an unused recovery code once; false when there is no such unused code. */
export async function herstelcodeGebruiken(db: Db, gebruikerId: number, hash: string, op: Date): Promise<boolean> {
  const r =
    await sql`update herstelcode set gebruikt_op = ${op.toISOString()} where gebruiker_id = ${gebruikerId} and code_hash = ${hash} and gebruikt_op is null returning id`.execute(
      db,
    );
  return r.rows.length > 0;
}

export async function herstelcodeBestaat(db: Db, gebruikerId: number, hash: string): Promise<boolean> {
  const r = await sql`select 1 from herstelcode where gebruiker_id = ${gebruikerId} and code_hash = ${hash}`.execute(
    db,
  );
  return r.rows.length > 0;
}

// ---- single sign-on (oidc_aanvraag, accounts by issuer and subject)

type OidcAanvraag = Row<'oidc_aanvraag'>;

/** Remove expired requests; then the number still open. */
export async function oidcAanvragenOpruimen(db: Db, nu: Date): Promise<number> {
  await sql`delete from oidc_aanvraag where verloopt_op < ${nu.toISOString()}`.execute(db);
  return (await sql<{ n: number }>`select count(*)::int as n from oidc_aanvraag`.execute(db)).rows[0]!.n;
}

export async function oidcAanvraagInvoegen(db: Db, a: OidcAanvraag): Promise<void> {
  await sql`insert into oidc_aanvraag (state, binding_hash, nonce, code_verifier, verloopt_op)
            values (${a.state}, ${a.binding_hash}, ${a.nonce}, ${a.code_verifier}, ${a.verloopt_op.toISOString()})`.execute(
    db,
  );
}

/** Take a request out (single use): the removed row, or undefined when there was none. */
export async function oidcAanvraagNemen(db: Db, state: string): Promise<OidcAanvraag | undefined> {
  return (await sql<OidcAanvraag>`delete from oidc_aanvraag where state = ${state} returning *`.execute(db)).rows[0];
}

export async function teamIdByNaam(db: Db, naam: string): Promise<number | null> {
  return (await sql<Pick<Row<'team'>, 'id'>>`select id from team where naam = ${naam}`.execute(db)).rows[0]?.id ?? null;
}

export async function ssoGebruiker(db: Db, issuer: string, sub: string): Promise<Gebruiker | undefined> {
  return (await sql<Gebruiker>`select * from gebruiker where oidc_issuer = ${issuer} and oidc_sub = ${sub}`.execute(db))
    .rows[0];
}

export async function ssoGebruikerBijwerken(
  db: Db,
  id: number,
  v: Pick<Gebruiker, 'naam' | 'rollen' | 'team_id'>,
): Promise<Gebruiker> {
  return (
    await sql<Gebruiker>`update gebruiker set naam = ${v.naam}, rollen = ${v.rollen}, team_id = ${v.team_id} where id = ${id} returning *`.execute(
      db,
    )
  ).rows[0]!;
}

export async function eersteOrganisatieId(db: Db): Promise<number | null> {
  return (
    (await sql<Pick<Row<'organisatie'>, 'id'>>`select id from organisatie order by id limit 1`.execute(db)).rows[0]
      ?.id ?? null
  );
}

/** A new single sign-on account; undefined when the login name (or the subject) is taken. */
export async function ssoGebruikerInvoegen(
  db: Db,
  g: Pick<Gebruiker, 'organisatie_id' | 'gebruikersnaam' | 'naam' | 'rollen' | 'team_id' | 'oidc_issuer' | 'oidc_sub'>,
): Promise<Gebruiker | undefined> {
  return (
    await sql<Gebruiker>`
      insert into gebruiker (organisatie_id, gebruikersnaam, naam, wachtwoord_hash, rollen, team_id, oidc_issuer, oidc_sub)
      values (${g.organisatie_id}, ${g.gebruikersnaam}, ${g.naam}, ${null}, ${g.rollen}, ${g.team_id}, ${g.oidc_issuer}, ${g.oidc_sub})
      on conflict do nothing returning *`.execute(db)
  ).rows[0];
}
