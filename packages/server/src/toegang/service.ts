// Emergency access ("break the glass") with the privacy officer's review, and MDO consultations.
// See docs/security.md ("Access to a casus").
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { HttpError, notFound, ValidationError } from '../http/errors.ts';
import { decide } from '../policy/index.ts';
import { bepaalToegang, type Toegang, type ToegangSubject } from './relatie.ts';

/** Emergency access lasts for the session in which it was granted, and at most this long. */
export const NOODTOEGANG_UREN = 12;
/** An MDO consultation gives access for at most this many days (unless ended earlier). */
export const MDO_DAGEN = 90;
export const NOODTOEGANG_REDEN_MIN = 20;

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

export const noodtoegangInputSchema = z.object({
  reden: z
    .string({ error: 'Verplicht veld' })
    .trim()
    .min(NOODTOEGANG_REDEN_MIN, `Minimaal ${NOODTOEGANG_REDEN_MIN} tekens: beschrijf waarom u deze casus nu moet inzien`)
    .max(1000, 'Maximaal 1000 tekens'),
});

export const beoordelingInputSchema = z.object({
  oordeel: z.enum(['gerechtvaardigd', 'niet_gerechtvaardigd'], { error: 'Kies gerechtvaardigd of niet_gerechtvaardigd' }),
  notitie: z.string({ error: 'Verplicht veld' }).trim().min(10, 'Minimaal 10 tekens').max(2000, 'Maximaal 2000 tekens'),
});

export const noodtoegangLijstSchema = z.object({
  beoordeeld: z.enum(['ja', 'nee', 'alle'], { error: 'Kies ja, nee of alle' }).default('nee'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const consultatieInputSchema = z.object({
  gebruikerId: z.number({ error: 'Kies een medewerker' }).int().positive('Kies een medewerker'),
  toelichting: z.string({ error: 'Verplicht veld' }).trim().min(10, 'Minimaal 10 tekens: waarover wordt de collega geconsulteerd?').max(1000, 'Maximaal 1000 tekens'),
});

export interface NoodtoegangOut {
  id: number;
  casusId: number;
  reden: string;
  verleendOp: string;
  verlooptOp: string;
}

/**
 * Grant emergency access to a casus for this user and session: until the session ends, at most
 * NOODTOEGANG_UREN hours. Refused (409) when the user already has a relation; an active
 * emergency access of this session is returned as is (idempotent).
 */
export async function vraagNoodtoegang(db: Db, user: ToegangSubject, sessieId: string, casusId: number, reden: string, now: Date): Promise<NoodtoegangOut & { nieuw: boolean }> {
  const t = await bepaalToegang(db, user, sessieId, casusId, now);
  if (t.noodtoegang) return { id: t.noodtoegang.id, casusId, reden: t.noodtoegang.reden, verleendOp: t.noodtoegang.verleendOp, verlooptOp: t.noodtoegang.verlooptOp, nieuw: false };
  if (t.relaties.length) throw new HttpError(409, 'relatie_bestaat', 'U heeft al toegang tot deze casus; noodtoegang is niet nodig', { relaties: t.relaties });
  const s = (await sql<{ verloopt_op: string }>`select verloopt_op from sessie where id = ${sessieId}`.execute(db)).rows[0];
  // Sessions run on the server clock; the remaining session time bounds the emergency access.
  const rest = s ? new Date(s.verloopt_op).getTime() - Date.now() : Infinity;
  const einde = new Date(now.getTime() + Math.max(60_000, Math.min(NOODTOEGANG_UREN * 3600_000, rest)));
  const r = (
    await sql<{ id: number }>`insert into noodtoegang (casus_id, gebruiker_id, sessie_id, reden, verleend_op, verloopt_op)
      values (${casusId}, ${user.id}, ${sessieId}, ${reden}, ${now.toISOString()}, ${einde.toISOString()}) returning id`.execute(db)
  ).rows[0]!;
  return { id: r.id, casusId, reden, verleendOp: now.toISOString(), verlooptOp: einde.toISOString(), nieuw: true };
}

/** Emergency accesses for the privacy officer, newest first, with how often each was used. */
export async function noodtoegangLijst(db: Db, f: z.output<typeof noodtoegangLijstSchema>) {
  const where = f.beoordeeld === 'ja' ? sql`n.beoordeeld_op is not null` : f.beoordeeld === 'nee' ? sql`n.beoordeeld_op is null` : sql`true`;
  const rows = (
    await sql<any>`
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
  const totaal = (await sql<{ n: number }>`select count(*)::int as n from noodtoegang n where ${where}`.execute(db)).rows[0]!.n;
  const open = (await sql<{ n: number }>`select count(*)::int as n from noodtoegang where beoordeeld_op is null`.execute(db)).rows[0]!.n;
  return {
    totaal,
    nietBeoordeeld: open,
    items: rows.map((n) => ({
      id: n.id,
      casus: { id: n.casus_id, nummer: n.casus_nummer },
      gebruiker: { id: n.gebruiker_id, naam: n.gebruiker_naam, gebruikersnaam: n.gebruikersnaam, rollen: n.rollen },
      reden: n.reden,
      verleendOp: iso(n.verleend_op),
      verlooptOp: iso(n.verloopt_op),
      /** Access-log entries written under this emergency access (the request itself excluded). */
      gebruik: n.gebruik,
      beoordeeld: n.beoordeeld_op !== null,
      beoordeling: n.beoordeeld_op ? { oordeel: n.oordeel, notitie: n.beoordeling_notitie, door: { id: n.beoordeeld_door, naam: n.beoordelaar_naam }, op: iso(n.beoordeeld_op) } : null,
    })),
  };
}

/** The privacy officer's review of one emergency access (once; a user never reviews their own). */
export async function beoordeelNoodtoegang(db: Db, id: number, input: z.output<typeof beoordelingInputSchema>, door: number, now: Date) {
  return db.transaction().execute(async (tx) => {
    const n = (await sql<any>`select * from noodtoegang where id = ${id} for update`.execute(tx)).rows[0];
    if (!n) throw notFound('Noodtoegang');
    if (n.gebruiker_id === door) throw new HttpError(403, 'eigen_noodtoegang', 'U kunt uw eigen noodtoegang niet beoordelen');
    if (n.beoordeeld_op) throw new HttpError(409, 'al_beoordeeld', `Deze noodtoegang is al beoordeeld (${n.oordeel})`);
    await sql`update noodtoegang set beoordeeld_op = ${now.toISOString()}, beoordeeld_door = ${door}, oordeel = ${input.oordeel}, beoordeling_notitie = ${input.notitie} where id = ${id}`.execute(tx);
    return { id, casusId: n.casus_id as number, gebruikerId: n.gebruiker_id as number, oordeel: input.oordeel, notitie: input.notitie, beoordeeldOp: now.toISOString() };
  });
}

// ---------------------------------------------------------------- MDO consultations

export async function consultaties(db: Db, casusId: number, now: Date) {
  const r = await sql<any>`
    select k.*, g.naam, g.rollen, t.naam as team_naam, v.naam as vastgelegd_door_naam, e.naam as beeindigd_door_naam
    from mdo_consultatie k
    join gebruiker g on g.id = k.gebruiker_id
    left join team t on t.id = g.team_id
    join gebruiker v on v.id = k.vastgelegd_door
    left join gebruiker e on e.id = k.beeindigd_door
    where k.casus_id = ${casusId}
    order by k.vastgelegd_op desc, k.id desc`.execute(db);
  return r.rows.map((k) => ({
    id: k.id,
    gebruiker: { id: k.gebruiker_id, naam: k.naam, rollen: k.rollen, team: k.team_naam },
    toelichting: k.toelichting,
    vastgelegdDoor: k.vastgelegd_door_naam,
    vastgelegdOp: iso(k.vastgelegd_op),
    geldigTot: iso(k.geldig_tot),
    beeindigdOp: iso(k.beeindigd_op),
    beeindigdDoor: k.beeindigd_door_naam,
    actief: !k.beeindigd_op && new Date(k.geldig_tot).getTime() > now.getTime(),
  }));
}

function eisWerkrelatie(t: Toegang): void {
  if (!t.werkrelatie) {
    throw new HttpError(403, 'geen_werkrelatie', 'Alleen wie aan de casus werkt (eigen team, behandelaar, bureaudienst of crisisdienst) legt een MDO-consultatie vast of beëindigt die');
  }
}

/** Record that a colleague is consulted in an MDO about this casus (gives them access to it). */
export async function consulteer(db: Db, t: Toegang, input: z.output<typeof consultatieInputSchema>, door: { id: number; organisatieId: number }, now: Date) {
  eisWerkrelatie(t);
  const g = (await sql<any>`select id, naam, rollen, organisatie_id, actief from gebruiker where id = ${input.gebruikerId}`.execute(db)).rows[0];
  if (!g || !g.actief || g.organisatie_id !== door.organisatieId) {
    throw new ValidationError([{ field: 'gebruikerId', rule: 'bestaat', message: `Medewerker ${input.gebruikerId} bestaat niet of is niet actief` }]);
  }
  if (!decide({ id: g.id, rollen: g.rollen }, 'melding', 'read').allow) {
    throw new ValidationError([{ field: 'gebruikerId', rule: 'rol', message: `${g.naam} heeft geen rol die casussen mag inzien; consultatie geeft dan geen toegang` }]);
  }
  const geldigTot = new Date(now.getTime() + MDO_DAGEN * 86_400_000);
  const r = await sql<{ id: number }>`
    insert into mdo_consultatie (casus_id, gebruiker_id, toelichting, vastgelegd_door, vastgelegd_op, geldig_tot)
    select ${t.casusId}, ${g.id}, ${input.toelichting}, ${door.id}, ${now.toISOString()}, ${geldigTot.toISOString()}
    where not exists (select 1 from mdo_consultatie where casus_id = ${t.casusId} and gebruiker_id = ${g.id} and beeindigd_op is null and geldig_tot > ${now.toISOString()})
    on conflict do nothing
    returning id`.execute(db);
  if (!r.rows[0]) {
    // An expired consultation still occupies the "one active" slot until it is ended: end it now.
    const ended = await sql`update mdo_consultatie set beeindigd_op = geldig_tot where casus_id = ${t.casusId} and gebruiker_id = ${g.id} and beeindigd_op is null and geldig_tot <= ${now.toISOString()}`.execute(db);
    if (Number(ended.numAffectedRows ?? 0) > 0) return consulteer(db, t, input, door, now);
    throw new HttpError(409, 'al_geconsulteerd', `${g.naam} is al geconsulteerd over deze casus`);
  }
  return { id: r.rows[0].id, casusId: t.casusId, gebruiker: { id: g.id, naam: g.naam as string }, geldigTot: geldigTot.toISOString() };
}

export async function beeindigConsultatie(db: Db, t: Toegang, consultatieId: number, door: number, now: Date) {
  eisWerkrelatie(t);
  const k = (await sql<any>`select * from mdo_consultatie where id = ${consultatieId} and casus_id = ${t.casusId}`.execute(db)).rows[0];
  if (!k) throw notFound('Consultatie');
  if (k.beeindigd_op) throw new HttpError(409, 'al_beeindigd', 'Deze consultatie is al beëindigd');
  await sql`update mdo_consultatie set beeindigd_op = ${now.toISOString()}, beeindigd_door = ${door} where id = ${consultatieId} and beeindigd_op is null`.execute(db);
  return { id: consultatieId, casusId: t.casusId, beeindigdOp: now.toISOString() };
}
