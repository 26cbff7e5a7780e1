// The JSON of the user and team administration (GET/POST /api/beheer/gebruikers, /api/beheer/teams,
// /api/beheer/gebruikersbeheer/historie): declared once here, built by
// packages/server/src/beheer/gebruikers.ts and read by packages/web/src/pages/BeheerGebruikers*.
// Account fields only: no case content, no password hashes or secrets. Instants are ISO 8601.

/** A role the beheerder can give, and whether it needs a team (the case roles). */
export interface RolOptie {
  code: string;
  label: string;
  teamNodig: boolean;
}

export interface GebruikerOverzicht {
  id: number;
  gebruikersnaam: string;
  naam: string;
  rollen: string[];
  rolLabels: string[];
  teamId: number | null;
  teamNaam: string | null;
  actief: boolean;
  gedeactiveerdOp: string | null;
  tweedeFactor: boolean;
  sso: boolean;
  /** Only while the lockout lasts. */
  geblokkeerdTot: string | null;
  laatsteLogin: string | null;
  aangemaaktOp: string;
}

export interface TeamOverzicht {
  id: number;
  naam: string;
  leden: number;
  actieveLeden: number;
  gemeenten: number;
}

/** What a history row of the user administration records. */
export const HISTORIE_ACTIES = [
  'gebruiker_aangemaakt',
  'naam_gewijzigd',
  'rollen_gewijzigd',
  'team_gewijzigd',
  'gedeactiveerd',
  'geactiveerd',
  'tweede_factor_gereset',
  'wachtwoord_ingesteld',
  'gedeblokkeerd',
  'team_aangemaakt',
  'team_hernoemd',
] as const;
export type HistorieActie = (typeof HISTORIE_ACTIES)[number];

/** One change in the user administration: who changed what, when (oud/nieuw depend on the actie). */
export interface HistorieRegel {
  id: number;
  op: string;
  door: { id: number; naam: string } | null;
  gebruiker: { id: number; naam: string; gebruikersnaam: string } | null;
  team: { id: number; naam: string } | null;
  actie: HistorieActie;
  actieLabel: string;
  oud: unknown;
  nieuw: unknown;
  toelichting: string | null;
}

/** GET /api/beheer/gebruikers: the users, the teams and the roles to choose from. */
export interface GebruikersLijst {
  gebruikers: GebruikerOverzicht[];
  teams: TeamOverzicht[];
  rollen: RolOptie[];
}
