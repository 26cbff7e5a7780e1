// The session answer (GET/POST /api/sessie): the signed-in user and the CSRF token.

export interface Gebruiker {
  id: number;
  gebruikersnaam: string;
  naam: string;
  rollen: string[];
  rolLabels?: string[];
  teamId: number | null;
}

export interface SessieAntwoord {
  gebruiker: Gebruiker;
  csrfToken: string;
}
