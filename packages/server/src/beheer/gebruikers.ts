// User and team administration for the functioneel beheerder: accounts (login, name, roles,
// team, active), the initial password, resetting the second factor, unlocking, and teams. No
// case content. Every change is one transaction that also writes a history row (who changed
// what, when) into gebruikersbeheer_historie; the route wrapper writes the access-log entry.
//
// Initial password: the beheerder sets it (it must meet the password policy of
// auth/password-policy.ts, checked against the new login name) and hands it over through a
// separate channel; the user changes it on the account page. We chose this over a generated
// one-time password so that the login flow (auth/) stays as it is; see docs/security.md.
import type { GebruikerOverzicht, HistorieActie, HistorieRegel, RolOptie, TeamOverzicht } from '@voordeur/domain';
import { sql } from 'kysely';
import { z } from 'zod';
import { checkPassword } from '../auth/password-policy.ts';
import { hashPassword, logoutEverywhere } from '../auth/session.ts';
import type { Db } from '../db/index.ts';
import { HttpError, notFound, ValidationError, type FieldError } from '../http/errors.ts';
import { ROL_LABEL, ROLLEN, type Rol } from '../policy/index.ts';

/** Roles that work on cases: they need a team (werkvoorraad, casus team). */
export const ROLLEN_MET_TEAM: readonly Rol[] = ['bureaudienst', 'backoffice', 'crisisdienst', 'gedragswetenschapper', 'vertrouwensarts', 'teammanager'];
export const BEHEERDER: Rol = 'functioneel_beheerder';

/** One advisory lock for all user-administration changes: "the last beheerder" cannot race. */
const LOCK = 74302;

export const gebruikersnaamSchema = z
  .string({ message: 'Verplicht veld' })
  .trim()
  .min(2, 'Minimaal 2 tekens')
  .max(64, 'Maximaal 64 tekens')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Alleen kleine letters, cijfers, punt, streepje of liggend streepje; begin met een letter of cijfer');
export const naamSchema = z.string({ message: 'Verplicht veld' }).trim().min(2, 'Minimaal 2 tekens').max(200, 'Maximaal 200 tekens');
export const rollenSchema = z
  .array(z.enum(ROLLEN, { message: 'Onbekende rol' }), { message: 'Kies minstens één rol' })
  .min(1, 'Kies minstens één rol')
  .max(ROLLEN.length)
  .refine((r) => new Set(r).size === r.length, 'Een rol staat er twee keer in');
export const teamIdSchema = z.number({ message: 'Kies een team of geen team' }).int().positive().nullable();

export const gebruikerInputSchema = z.object({
  gebruikersnaam: gebruikersnaamSchema,
  naam: naamSchema,
  rollen: rollenSchema,
  teamId: teamIdSchema.default(null),
  wachtwoord: z.string({ message: 'Verplicht veld' }).min(1, 'Verplicht veld').max(1000, 'Maximaal 1000 tekens').describe('beginwachtwoord; moet voldoen aan het wachtwoordbeleid'),
});
export type GebruikerInput = z.infer<typeof gebruikerInputSchema>;

export const gebruikerWijzigingSchema = z
  .object({ naam: naamSchema.optional(), rollen: rollenSchema.optional(), teamId: teamIdSchema.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Geef minstens één wijziging (naam, rollen of team)', path: ['naam'] });
export type GebruikerWijziging = z.infer<typeof gebruikerWijzigingSchema>;

export const toelichtingSchema = z.object({ toelichting: z.string().trim().max(1000, 'Maximaal 1000 tekens').optional().nullable() });
export const wachtwoordSchema = z.object({ wachtwoord: z.string({ message: 'Verplicht veld' }).min(1, 'Verplicht veld').max(1000, 'Maximaal 1000 tekens') });
export const teamInputSchema = z.object({ naam: z.string({ message: 'Verplicht veld' }).trim().min(2, 'Minimaal 2 tekens').max(100, 'Maximaal 100 tekens') });

export const HISTORIE_LABEL: Record<HistorieActie, string> = {
  gebruiker_aangemaakt: 'account aangemaakt',
  naam_gewijzigd: 'naam gewijzigd',
  rollen_gewijzigd: 'rollen gewijzigd',
  team_gewijzigd: 'team gewijzigd',
  gedeactiveerd: 'gedeactiveerd',
  geactiveerd: 'weer actief gemaakt',
  tweede_factor_gereset: 'tweede factor gereset',
  wachtwoord_ingesteld: 'wachtwoord ingesteld door beheerder',
  gedeblokkeerd: 'blokkade opgeheven',
  team_aangemaakt: 'team aangemaakt',
  team_hernoemd: 'team hernoemd',
};

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
const fe = (field: string, rule: string, message: string): FieldError => ({ field, rule, message });

function toOverzicht(r: any, now: Date): GebruikerOverzicht {
  const geblokkeerd = r.geblokkeerd_tot && new Date(r.geblokkeerd_tot).getTime() > now.getTime() ? iso(r.geblokkeerd_tot) : null;
  return {
    id: r.id,
    gebruikersnaam: r.gebruikersnaam,
    naam: r.naam,
    rollen: r.rollen ?? [],
    rolLabels: (r.rollen ?? []).map((x: string) => ROL_LABEL[x as Rol] ?? x),
    teamId: r.team_id,
    teamNaam: r.team_naam ?? null,
    actief: r.actief,
    gedeactiveerdOp: iso(r.gedeactiveerd_op),
    tweedeFactor: Boolean(r.tweede_factor),
    sso: Boolean(r.oidc_sub),
    geblokkeerdTot: geblokkeerd,
    laatsteLogin: iso(r.laatste_login),
    aangemaaktOp: iso(r.aangemaakt_op)!,
  };
}

// Only account fields: no case content, no password hashes or secrets.
const SELECT = sql`
  select g.id, g.gebruikersnaam, g.naam, g.rollen, g.team_id, t.naam as team_naam, g.actief, g.gedeactiveerd_op, g.oidc_sub,
         g.geblokkeerd_tot, g.aangemaakt_op,
         exists (select 1 from totp x where x.gebruiker_id = g.id and x.geheim is not null) as tweede_factor,
         (select max(s.aangemaakt_op) from sessie s where s.gebruiker_id = g.id and s.stap = 'actief') as laatste_login
  from gebruiker g left join team t on t.id = g.team_id`;

export async function listGebruikers(db: Db, organisatieId: number, now: Date): Promise<GebruikerOverzicht[]> {
  const r = await sql<any>`${SELECT} where g.organisatie_id = ${organisatieId} order by g.actief desc, lower(g.naam), g.id`.execute(db);
  return r.rows.map((x) => toOverzicht(x, now));
}

export async function getGebruiker(db: Db, id: number, organisatieId: number, now: Date): Promise<GebruikerOverzicht> {
  const r = (await sql<any>`${SELECT} where g.id = ${id} and g.organisatie_id = ${organisatieId}`.execute(db)).rows[0];
  if (!r) throw notFound('Gebruiker');
  return toOverzicht(r, now);
}

export async function listTeams(db: Db, organisatieId: number): Promise<TeamOverzicht[]> {
  const r = await sql<any>`
    select t.id, t.naam,
      (select count(*)::int from gebruiker g where g.team_id = t.id) as leden,
      (select count(*)::int from gebruiker g where g.team_id = t.id and g.actief) as actieve_leden,
      (select count(*)::int from gemeente m where m.team_id = t.id) as gemeenten
    from team t where t.organisatie_id = ${organisatieId} order by lower(t.naam), t.id`.execute(db);
  return r.rows.map((t) => ({ id: t.id, naam: t.naam, leden: t.leden, actieveLeden: t.actieve_leden, gemeenten: t.gemeenten }));
}

async function historie(db: Db, e: { door: number; gebruikerId?: number | null; teamId?: number | null; actie: HistorieActie; oud?: unknown; nieuw?: unknown; toelichting?: string | null; now: Date }) {
  await sql`insert into gebruikersbeheer_historie (op, door, gebruiker_id, team_id, actie, oud, nieuw, toelichting)
            values (${e.now.toISOString()}, ${e.door}, ${e.gebruikerId ?? null}, ${e.teamId ?? null}, ${e.actie},
                    ${e.oud === undefined ? null : JSON.stringify(e.oud)}::jsonb, ${e.nieuw === undefined ? null : JSON.stringify(e.nieuw)}::jsonb, ${e.toelichting ?? null})`.execute(db);
}

async function locked<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK})`.execute(tx);
    return fn(tx);
  });
}

/** Field errors for roles + team together (a case role needs a team of this organisation). */
async function teamErrors(db: Db, organisatieId: number, rollen: readonly string[], teamId: number | null): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (teamId !== null) {
    const t = await sql`select 1 from team where id = ${teamId} and organisatie_id = ${organisatieId}`.execute(db);
    if (!t.rows.length) errors.push(fe('teamId', 'bestaat_niet', 'Team: dit team bestaat niet'));
  } else {
    const nodig = rollen.filter((r) => (ROLLEN_MET_TEAM as readonly string[]).includes(r));
    if (nodig.length) errors.push(fe('teamId', 'verplicht_voor_rol', `Team: verplicht voor de rol ${nodig.map((r) => ROL_LABEL[r as Rol]).join(', ')}`));
  }
  return errors;
}

/** Refuse a change that leaves no active functioneel beheerder. */
async function guardLastBeheerder(db: Db, organisatieId: number, gebruikerId: number): Promise<void> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from gebruiker
    where organisatie_id = ${organisatieId} and actief and ${BEHEERDER} = any(rollen) and id <> ${gebruikerId}`.execute(db);
  if (r.rows[0]!.n === 0) {
    throw new HttpError(409, 'laatste_beheerder', 'Dit is de laatste actieve functioneel beheerder: maak eerst iemand anders functioneel beheerder.');
  }
}

async function rowFor(db: Db, id: number, organisatieId: number): Promise<any> {
  const r = (await sql<any>`select * from gebruiker where id = ${id} and organisatie_id = ${organisatieId} for update`.execute(db)).rows[0];
  if (!r) throw notFound('Gebruiker');
  return r;
}

export async function createGebruiker(db: Db, input: GebruikerInput, door: { id: number; organisatieId: number }, now: Date): Promise<GebruikerOverzicht> {
  const id = await locked(db, async (tx) => {
    const errors: FieldError[] = [];
    const bestaat = await sql`select 1 from gebruiker where lower(gebruikersnaam) = lower(${input.gebruikersnaam})`.execute(tx);
    if (bestaat.rows.length) errors.push(fe('gebruikersnaam', 'uniek', 'Gebruikersnaam: bestaat al; kies een andere'));
    errors.push(...(await teamErrors(tx, door.organisatieId, input.rollen, input.teamId)));
    errors.push(...checkPassword(input.wachtwoord, { gebruikersnaam: input.gebruikersnaam, field: 'wachtwoord', label: 'Wachtwoord' }));
    if (errors.length) throw new ValidationError(errors);
    const hash = await hashPassword(input.wachtwoord);
    const r = await sql<{ id: number }>`
      insert into gebruiker (organisatie_id, gebruikersnaam, naam, wachtwoord_hash, rollen, team_id, aangemaakt_op)
      values (${door.organisatieId}, ${input.gebruikersnaam}, ${input.naam}, ${hash}, ${input.rollen}, ${input.teamId}, ${now.toISOString()})
      returning id`.execute(tx);
    const nieuw = r.rows[0]!.id;
    await historie(tx, { door: door.id, gebruikerId: nieuw, actie: 'gebruiker_aangemaakt', nieuw: { gebruikersnaam: input.gebruikersnaam, naam: input.naam, rollen: input.rollen, teamId: input.teamId }, now });
    return nieuw;
  });
  return getGebruiker(db, id, door.organisatieId, now);
}

/** Change name, roles and/or team. Removing the beheerder role of the last beheerder is refused. */
export async function wijzigGebruiker(db: Db, id: number, input: GebruikerWijziging, door: { id: number; organisatieId: number }, now: Date): Promise<{ gebruiker: GebruikerOverzicht; gewijzigd: string[] }> {
  const gewijzigd = await locked(db, async (tx) => {
    const u = await rowFor(tx, id, door.organisatieId);
    const rollen: string[] = input.rollen ?? u.rollen;
    const teamId: number | null = input.teamId !== undefined ? input.teamId : u.team_id;
    const errors = await teamErrors(tx, door.organisatieId, rollen, teamId);
    if (errors.length) throw new ValidationError(errors);
    const changes: string[] = [];
    if (input.naam !== undefined && input.naam !== u.naam) {
      await historie(tx, { door: door.id, gebruikerId: id, actie: 'naam_gewijzigd', oud: u.naam, nieuw: input.naam, now });
      changes.push('naam');
    }
    const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
    if (input.rollen !== undefined && !same(input.rollen, u.rollen)) {
      if (u.actief && u.rollen.includes(BEHEERDER) && !input.rollen.includes(BEHEERDER)) await guardLastBeheerder(tx, door.organisatieId, id);
      await historie(tx, { door: door.id, gebruikerId: id, actie: 'rollen_gewijzigd', oud: u.rollen, nieuw: input.rollen, now });
      changes.push('rollen');
    }
    if (input.teamId !== undefined && input.teamId !== u.team_id) {
      await historie(tx, { door: door.id, gebruikerId: id, actie: 'team_gewijzigd', oud: u.team_id, nieuw: input.teamId, now });
      changes.push('team');
    }
    if (!changes.length) throw new ValidationError([fe('naam', 'geen_wijziging', 'Er is niets gewijzigd: de nieuwe waarden zijn gelijk aan de huidige')]);
    await sql`update gebruiker set naam = ${input.naam ?? u.naam}, rollen = ${rollen}, team_id = ${teamId} where id = ${id}`.execute(tx);
    // New roles take effect on the next request (sessions read the user row); nothing else to end.
    return changes;
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now), gewijzigd };
}

/** Deactivate: the account cannot log in and every session ends now. */
export async function deactiveer(db: Db, id: number, toelichting: string | null | undefined, door: { id: number; organisatieId: number }, now: Date) {
  const beeindigd = await locked(db, async (tx) => {
    const u = await rowFor(tx, id, door.organisatieId);
    if (id === door.id) throw new HttpError(409, 'eigen_account', 'U kunt uw eigen account niet deactiveren; vraag een andere functioneel beheerder.');
    if (!u.actief) throw new HttpError(409, 'al_inactief', 'Dit account is al gedeactiveerd.');
    if (u.rollen.includes(BEHEERDER)) await guardLastBeheerder(tx, door.organisatieId, id);
    await sql`update gebruiker set actief = false, gedeactiveerd_op = ${now.toISOString()} where id = ${id}`.execute(tx);
    const n = await logoutEverywhere(tx, id);
    await historie(tx, { door: door.id, gebruikerId: id, actie: 'gedeactiveerd', toelichting, nieuw: { sessiesBeeindigd: n }, now });
    return n;
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now), sessiesBeeindigd: beeindigd };
}

export async function activeer(db: Db, id: number, toelichting: string | null | undefined, door: { id: number; organisatieId: number }, now: Date) {
  await locked(db, async (tx) => {
    const u = await rowFor(tx, id, door.organisatieId);
    if (u.actief) throw new HttpError(409, 'al_actief', 'Dit account is al actief.');
    await sql`update gebruiker set actief = true, gedeactiveerd_op = null where id = ${id}`.execute(tx);
    await historie(tx, { door: door.id, gebruikerId: id, actie: 'geactiveerd', toelichting, now });
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now) };
}

/** Remove the TOTP secret and recovery codes and end the sessions: the next login enrols again. */
export async function resetTweedeFactor(db: Db, id: number, toelichting: string | null | undefined, door: { id: number; organisatieId: number }, now: Date) {
  const n = await locked(db, async (tx) => {
    await rowFor(tx, id, door.organisatieId);
    const had = (await sql`select 1 from totp where gebruiker_id = ${id}`.execute(tx)).rows.length > 0;
    if (!had) throw new HttpError(409, 'geen_tweede_factor', 'Dit account heeft geen tweede factor ingesteld.');
    await sql`delete from herstelcode where gebruiker_id = ${id}`.execute(tx);
    await sql`delete from totp where gebruiker_id = ${id}`.execute(tx);
    const ended = await logoutEverywhere(tx, id);
    await historie(tx, { door: door.id, gebruikerId: id, actie: 'tweede_factor_gereset', toelichting, nieuw: { sessiesBeeindigd: ended }, now });
    return ended;
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now), sessiesBeeindigd: n };
}

/** Set a new password for a user (lost password): policy-checked; unlocks; ends the sessions. */
export async function stelWachtwoordIn(db: Db, id: number, wachtwoord: string, door: { id: number; organisatieId: number }, now: Date) {
  const n = await locked(db, async (tx) => {
    const u = await rowFor(tx, id, door.organisatieId);
    if (u.oidc_sub && !u.wachtwoord_hash) throw new HttpError(409, 'sso', 'Dit account logt in via single sign-on en heeft geen Voordeur-wachtwoord.');
    const errors = checkPassword(wachtwoord, { gebruikersnaam: u.gebruikersnaam, field: 'wachtwoord', label: 'Wachtwoord' });
    if (errors.length) throw new ValidationError(errors);
    const hash = await hashPassword(wachtwoord);
    // wachtwoord_gewijzigd_op stays as it was: it records the user's own changes.
    await sql`update gebruiker set wachtwoord_hash = ${hash}, mislukte_pogingen = 0, geblokkeerd_tot = null where id = ${id}`.execute(tx);
    const ended = await logoutEverywhere(tx, id);
    await historie(tx, { door: door.id, gebruikerId: id, actie: 'wachtwoord_ingesteld', nieuw: { sessiesBeeindigd: ended }, now });
    return ended;
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now), sessiesBeeindigd: n };
}

export async function deblokkeer(db: Db, id: number, door: { id: number; organisatieId: number }, now: Date) {
  await locked(db, async (tx) => {
    const u = await rowFor(tx, id, door.organisatieId);
    if (!u.geblokkeerd_tot && !u.mislukte_pogingen) throw new HttpError(409, 'niet_geblokkeerd', 'Dit account is niet geblokkeerd.');
    await sql`update gebruiker set mislukte_pogingen = 0, geblokkeerd_tot = null where id = ${id}`.execute(tx);
    await historie(tx, { door: door.id, gebruikerId: id, actie: 'gedeblokkeerd', oud: { mislukte_pogingen: u.mislukte_pogingen, geblokkeerd_tot: iso(u.geblokkeerd_tot) }, now });
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now) };
}

async function teamNaamVrij(db: Db, organisatieId: number, naam: string, behalve: number | null): Promise<void> {
  const r = await sql`select 1 from team where organisatie_id = ${organisatieId} and lower(naam) = lower(${naam}) and id is distinct from ${behalve}`.execute(db);
  if (r.rows.length) throw new ValidationError([fe('naam', 'uniek', 'Naam: er is al een team met deze naam')]);
}

export async function createTeam(db: Db, naam: string, door: { id: number; organisatieId: number }, now: Date): Promise<TeamOverzicht> {
  const id = await locked(db, async (tx) => {
    await teamNaamVrij(tx, door.organisatieId, naam, null);
    const r = await sql<{ id: number }>`insert into team (organisatie_id, naam) values (${door.organisatieId}, ${naam}) returning id`.execute(tx);
    await historie(tx, { door: door.id, teamId: r.rows[0]!.id, actie: 'team_aangemaakt', nieuw: naam, now });
    return r.rows[0]!.id;
  });
  return (await listTeams(db, door.organisatieId)).find((t) => t.id === id)!;
}

export async function renameTeam(db: Db, id: number, naam: string, door: { id: number; organisatieId: number }, now: Date): Promise<TeamOverzicht> {
  await locked(db, async (tx) => {
    const t = (await sql<any>`select * from team where id = ${id} and organisatie_id = ${door.organisatieId} for update`.execute(tx)).rows[0];
    if (!t) throw notFound('Team');
    if (t.naam === naam) throw new ValidationError([fe('naam', 'geen_wijziging', 'Naam: gelijk aan de huidige naam')]);
    await teamNaamVrij(tx, door.organisatieId, naam, id);
    await sql`update team set naam = ${naam} where id = ${id}`.execute(tx);
    await historie(tx, { door: door.id, teamId: id, actie: 'team_hernoemd', oud: t.naam, nieuw: naam, now });
  });
  return (await listTeams(db, door.organisatieId)).find((t) => t.id === id)!;
}

export const historieQuerySchema = z.object({
  gebruikerId: z.coerce.number().int().positive().optional(),
  teamId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The history, newest first (of one user, one team, or everything of the organisation). */
export async function historieLijst(db: Db, organisatieId: number, q: z.infer<typeof historieQuerySchema>): Promise<HistorieRegel[]> {
  const r = await sql<any>`
    select h.*, d.naam as door_naam, g.naam as gebruiker_naam, g.gebruikersnaam, t.naam as team_naam
    from gebruikersbeheer_historie h
    left join gebruiker d on d.id = h.door left join gebruiker g on g.id = h.gebruiker_id left join team t on t.id = h.team_id
    where coalesce(g.organisatie_id, t.organisatie_id) = ${organisatieId}
      ${q.gebruikerId ? sql`and h.gebruiker_id = ${q.gebruikerId}` : sql``}
      ${q.teamId ? sql`and h.team_id = ${q.teamId}` : sql``}
    order by h.id desc limit ${q.limit}`.execute(db);
  return r.rows.map((h) => ({
    id: Number(h.id),
    op: iso(h.op)!,
    door: h.door ? { id: h.door, naam: h.door_naam } : null,
    gebruiker: h.gebruiker_id ? { id: h.gebruiker_id, naam: h.gebruiker_naam, gebruikersnaam: h.gebruikersnaam } : null,
    team: h.team_id ? { id: h.team_id, naam: h.team_naam } : null,
    actie: h.actie,
    actieLabel: HISTORIE_LABEL[h.actie as HistorieActie] ?? h.actie,
    oud: h.oud,
    nieuw: h.nieuw,
    toelichting: h.toelichting,
  }));
}

export const rolOpties = (): RolOptie[] => ROLLEN.map((r) => ({ code: r, label: ROL_LABEL[r], teamNodig: (ROLLEN_MET_TEAM as readonly string[]).includes(r) }));
