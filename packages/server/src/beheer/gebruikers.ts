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
import { z } from 'zod';
import { checkPassword } from '../auth/password-policy.ts';
import { hashPassword, logoutEverywhere } from '../auth/session.ts';
import type { Db } from '../db/index.ts';
import { HttpError, notFound, ValidationError, type FieldError } from '../http/errors.ts';
import { ROL_LABEL, ROLLEN, type Rol } from '../policy/index.ts';
import {
  adviesslot,
  andereActieveMetRol,
  deblokkeren,
  gebruikerActiveren,
  gebruikerBijwerken,
  gebruikerDeactiveren,
  gebruikerInvoegen,
  gebruikerRij,
  gebruikersnaamBestaat,
  gebruikersVan,
  gebruikerVoorWijziging,
  heeftTotpRij,
  historieInvoegen,
  historieVan,
  teamHernoemen,
  teamInOrganisatie,
  teamInvoegen,
  teamNaamBezet,
  teamsVan,
  teamVoorWijziging,
  wachtwoordInstellen,
  type GebruikerRij,
} from './queries.ts';
import { tweedeFactorVerwijderen } from '../auth/queries.ts';

/** Roles that work on cases: they need a team (werkvoorraad, casus team). */
export const ROLLEN_MET_TEAM: readonly Rol[] = [
  'bureaudienst',
  'backoffice',
  'crisisdienst',
  'gedragswetenschapper',
  'vertrouwensarts',
  'teammanager',
];
export const BEHEERDER: Rol = 'functioneel_beheerder';

/** One advisory lock for all user-administration changes: "the last beheerder" cannot race. */
const LOCK = 74302;

export const gebruikersnaamSchema = z
  .string({ message: 'Verplicht veld' })
  .trim()
  .min(2, 'Minimaal 2 tekens')
  .max(64, 'Maximaal 64 tekens')
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'Alleen kleine letters, cijfers, punt, streepje of liggend streepje; begin met een letter of cijfer',
  );
export const naamSchema = z
  .string({ message: 'Verplicht veld' })
  .trim()
  .min(2, 'Minimaal 2 tekens')
  .max(200, 'Maximaal 200 tekens');
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
  wachtwoord: z
    .string({ message: 'Verplicht veld' })
    .min(1, 'Verplicht veld')
    .max(1000, 'Maximaal 1000 tekens')
    .describe('beginwachtwoord; moet voldoen aan het wachtwoordbeleid'),
});
export type GebruikerInput = z.infer<typeof gebruikerInputSchema>;

export const gebruikerWijzigingSchema = z
  .object({ naam: naamSchema.optional(), rollen: rollenSchema.optional(), teamId: teamIdSchema.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, {
    message: 'Geef minstens één wijziging (naam, rollen of team)',
    path: ['naam'],
  });
export type GebruikerWijziging = z.infer<typeof gebruikerWijzigingSchema>;

export const toelichtingSchema = z.object({
  toelichting: z.string().trim().max(1000, 'Maximaal 1000 tekens').optional().nullable(),
});
export const wachtwoordSchema = z.object({
  wachtwoord: z.string({ message: 'Verplicht veld' }).min(1, 'Verplicht veld').max(1000, 'Maximaal 1000 tekens'),
});
export const teamInputSchema = z.object({
  naam: z.string({ message: 'Verplicht veld' }).trim().min(2, 'Minimaal 2 tekens').max(100, 'Maximaal 100 tekens'),
});

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

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const fe = (field: string, rule: string, message: string): FieldError => ({ field, rule, message });

function toOverzicht(r: GebruikerRij, now: Date): GebruikerOverzicht {
  const geblokkeerd =
    r.geblokkeerd_tot && new Date(r.geblokkeerd_tot).getTime() > now.getTime() ? iso(r.geblokkeerd_tot) : null;
  return {
    id: r.id,
    gebruikersnaam: r.gebruikersnaam,
    naam: r.naam,
    rollen: r.rollen ?? [],
    rolLabels: (r.rollen ?? []).map((x) => ROL_LABEL[x as Rol] ?? x),
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

export async function listGebruikers(db: Db, organisatieId: number, now: Date): Promise<GebruikerOverzicht[]> {
  // Only account fields: no case content, no password hashes or secrets.
  return (await gebruikersVan(db, organisatieId)).map((x) => toOverzicht(x, now));
}

export async function getGebruiker(db: Db, id: number, organisatieId: number, now: Date): Promise<GebruikerOverzicht> {
  const r = await gebruikerRij(db, id, organisatieId);
  if (!r) throw notFound('Gebruiker');
  return toOverzicht(r, now);
}

export async function listTeams(db: Db, organisatieId: number): Promise<TeamOverzicht[]> {
  return (await teamsVan(db, organisatieId)).map((t) => ({
    id: t.id,
    naam: t.naam,
    leden: t.leden,
    actieveLeden: t.actieve_leden,
    gemeenten: t.gemeenten,
  }));
}

async function historie(
  db: Db,
  e: {
    door: number;
    gebruikerId?: number | null;
    teamId?: number | null;
    actie: HistorieActie;
    oud?: unknown;
    nieuw?: unknown;
    toelichting?: string | null;
    now: Date;
  },
) {
  await historieInvoegen(db, {
    op: e.now,
    door: e.door,
    gebruiker_id: e.gebruikerId ?? null,
    team_id: e.teamId ?? null,
    actie: e.actie,
    oud: e.oud,
    nieuw: e.nieuw,
    toelichting: e.toelichting ?? null,
  });
}

async function locked<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await adviesslot(tx, LOCK);
    return fn(tx);
  });
}

/** Field errors for roles + team together (a case role needs a team of this organisation). */
async function teamErrors(
  db: Db,
  organisatieId: number,
  rollen: readonly string[],
  teamId: number | null,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (teamId !== null) {
    if (!(await teamInOrganisatie(db, teamId, organisatieId)))
      errors.push(fe('teamId', 'bestaat_niet', 'Team: dit team bestaat niet'));
  } else {
    const nodig = rollen.filter((r) => (ROLLEN_MET_TEAM as readonly string[]).includes(r));
    if (nodig.length)
      errors.push(
        fe(
          'teamId',
          'verplicht_voor_rol',
          `Team: verplicht voor de rol ${nodig.map((r) => ROL_LABEL[r as Rol]).join(', ')}`,
        ),
      );
  }
  return errors;
}

/** Refuse a change that leaves no active functioneel beheerder. */
async function guardLastBeheerder(db: Db, organisatieId: number, gebruikerId: number): Promise<void> {
  if ((await andereActieveMetRol(db, organisatieId, BEHEERDER, gebruikerId)) === 0) {
    throw new HttpError(
      409,
      'laatste_beheerder',
      'Dit is de laatste actieve functioneel beheerder: maak eerst iemand anders functioneel beheerder.',
    );
  }
}

async function rowFor(db: Db, id: number, organisatieId: number) {
  const r = await gebruikerVoorWijziging(db, id, organisatieId);
  if (!r) throw notFound('Gebruiker');
  return r;
}

export async function createGebruiker(
  db: Db,
  input: GebruikerInput,
  door: { id: number; organisatieId: number },
  now: Date,
): Promise<GebruikerOverzicht> {
  const id = await locked(db, async (tx) => {
    const errors: FieldError[] = [];
    if (await gebruikersnaamBestaat(tx, input.gebruikersnaam))
      errors.push(fe('gebruikersnaam', 'uniek', 'Gebruikersnaam: bestaat al; kies een andere'));
    errors.push(...(await teamErrors(tx, door.organisatieId, input.rollen, input.teamId)));
    errors.push(
      ...checkPassword(input.wachtwoord, {
        gebruikersnaam: input.gebruikersnaam,
        field: 'wachtwoord',
        label: 'Wachtwoord',
      }),
    );
    if (errors.length) throw new ValidationError(errors);
    const hash = await hashPassword(input.wachtwoord);
    const nieuw = await gebruikerInvoegen(tx, {
      organisatie_id: door.organisatieId,
      gebruikersnaam: input.gebruikersnaam,
      naam: input.naam,
      wachtwoord_hash: hash,
      rollen: input.rollen,
      team_id: input.teamId,
      aangemaakt_op: now,
    });
    await historie(tx, {
      door: door.id,
      gebruikerId: nieuw,
      actie: 'gebruiker_aangemaakt',
      nieuw: { gebruikersnaam: input.gebruikersnaam, naam: input.naam, rollen: input.rollen, teamId: input.teamId },
      now,
    });
    return nieuw;
  });
  return getGebruiker(db, id, door.organisatieId, now);
}

/** Change name, roles and/or team. Removing the beheerder role of the last beheerder is refused. */
export async function wijzigGebruiker(
  db: Db,
  id: number,
  input: GebruikerWijziging,
  door: { id: number; organisatieId: number },
  now: Date,
): Promise<{ gebruiker: GebruikerOverzicht; gewijzigd: string[] }> {
  const gewijzigd = await locked(db, async (tx) => {
    const u = await rowFor(tx, id, door.organisatieId);
    const rollen: string[] = input.rollen ?? u.rollen;
    const teamId: number | null = input.teamId !== undefined ? input.teamId : u.team_id;
    const errors = await teamErrors(tx, door.organisatieId, rollen, teamId);
    if (errors.length) throw new ValidationError(errors);
    const changes: string[] = [];
    if (input.naam !== undefined && input.naam !== u.naam) {
      await historie(tx, {
        door: door.id,
        gebruikerId: id,
        actie: 'naam_gewijzigd',
        oud: u.naam,
        nieuw: input.naam,
        now,
      });
      changes.push('naam');
    }
    const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
    if (input.rollen !== undefined && !same(input.rollen, u.rollen)) {
      if (u.actief && u.rollen.includes(BEHEERDER) && !input.rollen.includes(BEHEERDER))
        await guardLastBeheerder(tx, door.organisatieId, id);
      await historie(tx, {
        door: door.id,
        gebruikerId: id,
        actie: 'rollen_gewijzigd',
        oud: u.rollen,
        nieuw: input.rollen,
        now,
      });
      changes.push('rollen');
    }
    if (input.teamId !== undefined && input.teamId !== u.team_id) {
      await historie(tx, {
        door: door.id,
        gebruikerId: id,
        actie: 'team_gewijzigd',
        oud: u.team_id,
        nieuw: input.teamId,
        now,
      });
      changes.push('team');
    }
    if (!changes.length)
      throw new ValidationError([
        fe('naam', 'geen_wijziging', 'Er is niets gewijzigd: de nieuwe waarden zijn gelijk aan de huidige'),
      ]);
    await gebruikerBijwerken(tx, id, { naam: input.naam ?? u.naam, rollen, team_id: teamId });
    // New roles take effect on the next request (sessions read the user row); nothing else to end.
    return changes;
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now), gewijzigd };
}

/** Deactivate: the account cannot log in and every session ends now. */
export async function deactiveer(
  db: Db,
  id: number,
  toelichting: string | null | undefined,
  door: { id: number; organisatieId: number },
  now: Date,
) {
  const beeindigd = await locked(db, async (tx) => {
    const u = await rowFor(tx, id, door.organisatieId);
    if (id === door.id)
      throw new HttpError(
        409,
        'eigen_account',
        'U kunt uw eigen account niet deactiveren; vraag een andere functioneel beheerder.',
      );
    if (!u.actief) throw new HttpError(409, 'al_inactief', 'Dit account is al gedeactiveerd.');
    if (u.rollen.includes(BEHEERDER)) await guardLastBeheerder(tx, door.organisatieId, id);
    await gebruikerDeactiveren(tx, id, now);
    const n = await logoutEverywhere(tx, id);
    await historie(tx, {
      door: door.id,
      gebruikerId: id,
      actie: 'gedeactiveerd',
      toelichting,
      nieuw: { sessiesBeeindigd: n },
      now,
    });
    return n;
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now), sessiesBeeindigd: beeindigd };
}

export async function activeer(
  db: Db,
  id: number,
  toelichting: string | null | undefined,
  door: { id: number; organisatieId: number },
  now: Date,
) {
  await locked(db, async (tx) => {
    const u = await rowFor(tx, id, door.organisatieId);
    if (u.actief) throw new HttpError(409, 'al_actief', 'Dit account is al actief.');
    await gebruikerActiveren(tx, id);
    await historie(tx, { door: door.id, gebruikerId: id, actie: 'geactiveerd', toelichting, now });
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now) };
}

/** Remove the TOTP secret and recovery codes and end the sessions: the next login enrols again. */
export async function resetTweedeFactor(
  db: Db,
  id: number,
  toelichting: string | null | undefined,
  door: { id: number; organisatieId: number },
  now: Date,
) {
  const n = await locked(db, async (tx) => {
    await rowFor(tx, id, door.organisatieId);
    const had = await heeftTotpRij(tx, id);
    if (!had) throw new HttpError(409, 'geen_tweede_factor', 'Dit account heeft geen tweede factor ingesteld.');
    await tweedeFactorVerwijderen(tx, id);
    const ended = await logoutEverywhere(tx, id);
    await historie(tx, {
      door: door.id,
      gebruikerId: id,
      actie: 'tweede_factor_gereset',
      toelichting,
      nieuw: { sessiesBeeindigd: ended },
      now,
    });
    return ended;
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now), sessiesBeeindigd: n };
}

/** Set a new password for a user (lost password): policy-checked; unlocks; ends the sessions. */
export async function stelWachtwoordIn(
  db: Db,
  id: number,
  wachtwoord: string,
  door: { id: number; organisatieId: number },
  now: Date,
) {
  const n = await locked(db, async (tx) => {
    const u = await rowFor(tx, id, door.organisatieId);
    if (u.oidc_sub && !u.wachtwoord_hash)
      throw new HttpError(409, 'sso', 'Dit account logt in via single sign-on en heeft geen Voordeur-wachtwoord.');
    const errors = checkPassword(wachtwoord, {
      gebruikersnaam: u.gebruikersnaam,
      field: 'wachtwoord',
      label: 'Wachtwoord',
    });
    if (errors.length) throw new ValidationError(errors);
    const hash = await hashPassword(wachtwoord);
    // wachtwoord_gewijzigd_op stays as it was: it records the user's own changes.
    await wachtwoordInstellen(tx, id, hash);
    const ended = await logoutEverywhere(tx, id);
    await historie(tx, {
      door: door.id,
      gebruikerId: id,
      actie: 'wachtwoord_ingesteld',
      nieuw: { sessiesBeeindigd: ended },
      now,
    });
    return ended;
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now), sessiesBeeindigd: n };
}

export async function deblokkeer(db: Db, id: number, door: { id: number; organisatieId: number }, now: Date) {
  await locked(db, async (tx) => {
    const u = await rowFor(tx, id, door.organisatieId);
    if (!u.geblokkeerd_tot && !u.mislukte_pogingen)
      throw new HttpError(409, 'niet_geblokkeerd', 'Dit account is niet geblokkeerd.');
    await deblokkeren(tx, id);
    await historie(tx, {
      door: door.id,
      gebruikerId: id,
      actie: 'gedeblokkeerd',
      oud: { mislukte_pogingen: u.mislukte_pogingen, geblokkeerd_tot: iso(u.geblokkeerd_tot) },
      now,
    });
  });
  return { gebruiker: await getGebruiker(db, id, door.organisatieId, now) };
}

async function teamNaamVrij(db: Db, organisatieId: number, naam: string, behalve: number | null): Promise<void> {
  if (await teamNaamBezet(db, organisatieId, naam, behalve))
    throw new ValidationError([fe('naam', 'uniek', 'Naam: er is al een team met deze naam')]);
}

export async function createTeam(
  db: Db,
  naam: string,
  door: { id: number; organisatieId: number },
  now: Date,
): Promise<TeamOverzicht> {
  const id = await locked(db, async (tx) => {
    await teamNaamVrij(tx, door.organisatieId, naam, null);
    const teamId = await teamInvoegen(tx, door.organisatieId, naam);
    await historie(tx, { door: door.id, teamId, actie: 'team_aangemaakt', nieuw: naam, now });
    return teamId;
  });
  return (await listTeams(db, door.organisatieId)).find((t) => t.id === id)!;
}

export async function renameTeam(
  db: Db,
  id: number,
  naam: string,
  door: { id: number; organisatieId: number },
  now: Date,
): Promise<TeamOverzicht> {
  await locked(db, async (tx) => {
    const t = await teamVoorWijziging(tx, id, door.organisatieId);
    if (!t) throw notFound('Team');
    if (t.naam === naam) throw new ValidationError([fe('naam', 'geen_wijziging', 'Naam: gelijk aan de huidige naam')]);
    await teamNaamVrij(tx, door.organisatieId, naam, id);
    await teamHernoemen(tx, id, naam);
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
export async function historieLijst(
  db: Db,
  organisatieId: number,
  q: z.infer<typeof historieQuerySchema>,
): Promise<HistorieRegel[]> {
  return (await historieVan(db, organisatieId, q)).map((h) => ({
    id: Number(h.id),
    op: iso(h.op)!,
    // The names come from joins on foreign keys to not-null columns: present whenever the id is.
    door: h.door ? { id: h.door, naam: h.door_naam! } : null,
    gebruiker: h.gebruiker_id
      ? { id: h.gebruiker_id, naam: h.gebruiker_naam!, gebruikersnaam: h.gebruikersnaam! }
      : null,
    team: h.team_id ? { id: h.team_id, naam: h.team_naam! } : null,
    actie: h.actie,
    actieLabel: HISTORIE_LABEL[h.actie] ?? h.actie,
    oud: h.oud,
    nieuw: h.nieuw,
    toelichting: h.toelichting,
  }));
}

export const rolOpties = (): RolOptie[] =>
  ROLLEN.map((r) => ({ code: r, label: ROL_LABEL[r], teamNodig: (ROLLEN_MET_TEAM as readonly string[]).includes(r) }));
