// The SQL of access to a casus (toegang): relations, emergency access and MDO consultations. Raw SQL
// in Kysely `sql` templates, typed with the row types of db/schema.ts; the rules live in relatie.ts
// and service.ts.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';

type Noodtoegang = Row<'noodtoegang'>;
type Consultatie = Row<'mdo_consultatie'>;
type Gebruiker = Row<'gebruiker'>;

export async function casusIdVanMelding(db: Db, meldingId: number): Promise<number | undefined> {
  return (await sql<Pick<Row<'melding'>, 'casus_id'>>`select casus_id from melding where id = ${meldingId}`.execute(db))
    .rows[0]?.casus_id;
}

export interface NoodtoegangJson {
  id: number;
  reden: string;
  verleendOp: string;
  verlooptOp: string;
}

/** The facts of bepaalToegang (relatie.ts) about one user and one casus. */
export interface ToegangRij {
  id: number;
  organisatie_id: number;
  behandelaar: boolean;
  ontvangen: boolean;
  registratie: boolean;
  eigen_team: boolean | null;
  mdo: boolean;
  /** The active emergency access of this session (json_build_object: times as text; both drivers parse json). */
  noodtoegang: NoodtoegangJson | string | null;
}

export async function toegangFeiten(
  db: Db,
  user: { id: number; teamId: number | null },
  sessieId: string | null,
  casusId: number,
  now: Date,
): Promise<ToegangRij | undefined> {
  const nowIso = now.toISOString();
  return (
    await sql<ToegangRij>`
      select c.id, t.organisatie_id,
        exists (select 1 from melding m where m.casus_id = c.id and m.behandelaar_id = ${user.id}) as behandelaar,
        exists (select 1 from melding m where m.casus_id = c.id and m.status = 'ontvangen') as ontvangen,
        exists (select 1 from melding m where m.casus_id = c.id and m.status = 'ontvangen' and m.geregistreerd_door = ${user.id}) as registratie,
        case when exists (select 1 from melding m where m.casus_id = c.id and m.status <> 'afgesloten')
             then exists (select 1 from melding m where m.casus_id = c.id and m.status <> 'afgesloten' and m.team_id = ${user.teamId})
             else coalesce((select m.team_id from melding m where m.casus_id = c.id order by m.ontvangen_op desc, m.id desc limit 1), c.team_id) = ${user.teamId}
        end as eigen_team,
        exists (select 1 from mdo_consultatie k where k.casus_id = c.id and k.gebruiker_id = ${user.id} and k.beeindigd_op is null and k.geldig_tot > ${nowIso}) as mdo,
        (select json_build_object('id', n.id, 'reden', n.reden, 'verleendOp', n.verleend_op, 'verlooptOp', n.verloopt_op)
           from noodtoegang n
          where n.casus_id = c.id and n.gebruiker_id = ${user.id} and n.sessie_id = ${sessieId ?? ''} and n.verloopt_op > ${nowIso} and n.verleend_op <= ${nowIso}
          order by n.verloopt_op desc limit 1) as noodtoegang
      from casus c join team t on t.id = c.team_id
      where c.id = ${casusId}`.execute(db)
  ).rows[0];
}

// ---- emergency access

export async function sessieVerloopt(db: Db, sessieId: string): Promise<Date | undefined> {
  return (
    await sql<Pick<Row<'sessie'>, 'verloopt_op'>>`select verloopt_op from sessie where id = ${sessieId}`.execute(db)
  ).rows[0]?.verloopt_op;
}

export async function noodtoegangInvoegen(
  db: Db,
  n: Pick<Noodtoegang, 'casus_id' | 'gebruiker_id' | 'sessie_id' | 'reden' | 'verleend_op' | 'verloopt_op'>,
): Promise<number> {
  return (
    await sql<
      Pick<Noodtoegang, 'id'>
    >`insert into noodtoegang (casus_id, gebruiker_id, sessie_id, reden, verleend_op, verloopt_op)
      values (${n.casus_id}, ${n.gebruiker_id}, ${n.sessie_id}, ${n.reden}, ${n.verleend_op.toISOString()}, ${n.verloopt_op.toISOString()}) returning id`.execute(
      db,
    )
  ).rows[0]!.id;
}

export type NoodtoegangRij = Noodtoegang & {
  casus_nummer: string;
  gebruiker_naam: string;
  gebruikersnaam: string;
  rollen: string[];
  beoordelaar_naam: string | null;
  /** Access-log entries written under this emergency access. */
  gebruik: number;
};

export type Beoordeeld = 'ja' | 'nee' | 'alle';

const beoordeeldWhere = (b: Beoordeeld): RawBuilder<unknown> =>
  b === 'ja' ? sql`n.beoordeeld_op is not null` : b === 'nee' ? sql`n.beoordeeld_op is null` : sql`true`;

export async function noodtoegangen(
  db: Db,
  f: { beoordeeld: Beoordeeld; limit: number; offset: number },
): Promise<{ rows: NoodtoegangRij[]; totaal: number; open: number }> {
  const where = beoordeeldWhere(f.beoordeeld);
  const rows = (
    await sql<NoodtoegangRij>`
      select n.*, c.nummer as casus_nummer, g.naam as gebruiker_naam, g.gebruikersnaam, g.rollen, b.naam as beoordelaar_naam,
        (select count(*)::int from access_log l
          where l.action = 'emergency' and l.user_id = n.gebruiker_id and l.at >= n.verleend_op
            and l.purpose like ${'noodtoegang #'} || n.id || ':%') as gebruik
      from noodtoegang n
      join casus c on c.id = n.casus_id
      join gebruiker g on g.id = n.gebruiker_id
      left join gebruiker b on b.id = n.beoordeeld_door
      where ${where}
      order by n.verleend_op desc, n.id desc
      limit ${f.limit} offset ${f.offset}`.execute(db)
  ).rows;
  const totaal = (await sql<{ n: number }>`select count(*)::int as n from noodtoegang n where ${where}`.execute(db))
    .rows[0]!.n;
  const open = (
    await sql<{ n: number }>`select count(*)::int as n from noodtoegang where beoordeeld_op is null`.execute(db)
  ).rows[0]!.n;
  return { rows, totaal, open };
}

export async function noodtoegangVoorWijziging(tx: Db, id: number): Promise<Noodtoegang | undefined> {
  return (await sql<Noodtoegang>`select * from noodtoegang where id = ${id} for update`.execute(tx)).rows[0];
}

export async function noodtoegangBeoordelen(
  tx: Db,
  id: number,
  b: Pick<Noodtoegang, 'beoordeeld_door' | 'oordeel' | 'beoordeling_notitie'> & { beoordeeld_op: Date },
): Promise<void> {
  await sql`update noodtoegang set beoordeeld_op = ${b.beoordeeld_op.toISOString()}, beoordeeld_door = ${b.beoordeeld_door}, oordeel = ${b.oordeel}, beoordeling_notitie = ${b.beoordeling_notitie} where id = ${id}`.execute(
    tx,
  );
}

// ---- MDO consultations

export type ConsultatieRij = Consultatie & {
  naam: string;
  rollen: string[];
  team_naam: string | null;
  vastgelegd_door_naam: string;
  beeindigd_door_naam: string | null;
};

export async function consultatiesVan(db: Db, casusId: number): Promise<ConsultatieRij[]> {
  return (
    await sql<ConsultatieRij>`
    select k.*, g.naam, g.rollen, t.naam as team_naam, v.naam as vastgelegd_door_naam, e.naam as beeindigd_door_naam
    from mdo_consultatie k
    join gebruiker g on g.id = k.gebruiker_id
    left join team t on t.id = g.team_id
    join gebruiker v on v.id = k.vastgelegd_door
    left join gebruiker e on e.id = k.beeindigd_door
    where k.casus_id = ${casusId}
    order by k.vastgelegd_op desc, k.id desc`.execute(db)
  ).rows;
}

export async function medewerker(
  db: Db,
  id: number,
): Promise<Pick<Gebruiker, 'id' | 'naam' | 'rollen' | 'organisatie_id' | 'actief'> | undefined> {
  return (
    await sql<
      Pick<Gebruiker, 'id' | 'naam' | 'rollen' | 'organisatie_id' | 'actief'>
    >`select id, naam, rollen, organisatie_id, actief from gebruiker where id = ${id}`.execute(db)
  ).rows[0];
}

/** A new consultation, unless one is active (then undefined). */
export async function consultatieInvoegen(
  db: Db,
  k: Pick<
    Consultatie,
    'casus_id' | 'gebruiker_id' | 'toelichting' | 'vastgelegd_door' | 'vastgelegd_op' | 'geldig_tot'
  >,
): Promise<number | undefined> {
  const nu = k.vastgelegd_op.toISOString();
  return (
    await sql<Pick<Consultatie, 'id'>>`
    insert into mdo_consultatie (casus_id, gebruiker_id, toelichting, vastgelegd_door, vastgelegd_op, geldig_tot)
    select ${k.casus_id}, ${k.gebruiker_id}, ${k.toelichting}, ${k.vastgelegd_door}, ${nu}, ${k.geldig_tot.toISOString()}
    where not exists (select 1 from mdo_consultatie where casus_id = ${k.casus_id} and gebruiker_id = ${k.gebruiker_id} and beeindigd_op is null and geldig_tot > ${nu})
    on conflict do nothing
    returning id`.execute(db)
  ).rows[0]?.id;
}

/** End the expired, not yet ended consultations of a user on a casus; how many. */
export async function verlopenConsultatiesBeeindigen(
  db: Db,
  casusId: number,
  gebruikerId: number,
  now: Date,
): Promise<number> {
  const r =
    await sql`update mdo_consultatie set beeindigd_op = geldig_tot where casus_id = ${casusId} and gebruiker_id = ${gebruikerId} and beeindigd_op is null and geldig_tot <= ${now.toISOString()}`.execute(
      db,
    );
  return Number(r.numAffectedRows ?? 0);
}

export async function consultatie(db: Db, id: number, casusId: number): Promise<Consultatie | undefined> {
  return (await sql<Consultatie>`select * from mdo_consultatie where id = ${id} and casus_id = ${casusId}`.execute(db))
    .rows[0];
}

export async function consultatieBeeindigen(db: Db, id: number, door: number, now: Date): Promise<void> {
  await sql`update mdo_consultatie set beeindigd_op = ${now.toISOString()}, beeindigd_door = ${door} where id = ${id} and beeindigd_op is null`.execute(
    db,
  );
}

/** The werkvoorraad's relation rules per melding (alias `m`) as an SQL condition (see relatie.ts). */
export function werkrelatieConditie(
  user: { id: number; teamId: number | null },
  triage: boolean,
  now: Date,
): RawBuilder<boolean> {
  return sql<boolean>`(m.team_id = ${user.teamId ?? -1}
    or m.behandelaar_id = ${user.id}
    or (m.status = 'ontvangen' and (${triage} or m.geregistreerd_door = ${user.id}))
    or exists (select 1 from mdo_consultatie k where k.casus_id = m.casus_id and k.gebruiker_id = ${user.id}
               and k.beeindigd_op is null and k.geldig_tot > ${now.toISOString()}))`;
}
