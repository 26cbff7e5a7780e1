// The logic of the user administration page, kept apart from the components for unit tests:
// browser validation (the same rules as the server's POST /api/beheer/gebruikers; the password
// policy itself is checked by the server and shown beside the field), status texts, filtering
// and the history in words. The API shapes (users, teams, roles, history) are declared once in
// @voordeur/domain (api/beheer.ts).
import type { GebruikerOverzicht, HistorieRegel, RolOptie } from '@voordeur/domain';
import { z } from 'zod';

export interface GebruikerForm {
  gebruikersnaam: string;
  naam: string;
  rollen: string[];
  teamId: string;
  wachtwoord: string;
}

export const EMPTY_GEBRUIKER: GebruikerForm = { gebruikersnaam: '', naam: '', rollen: [], teamId: '', wachtwoord: '' };

const gebruikersnaam = z
  .string()
  .trim()
  .min(2, 'Minimaal 2 tekens')
  .max(64, 'Maximaal 64 tekens')
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'Alleen kleine letters, cijfers, punt, streepje of liggend streepje; begin met een letter of cijfer',
  );
const naam = z.string().trim().min(2, 'Minimaal 2 tekens').max(200, 'Maximaal 200 tekens');
const rollen = z.array(z.string()).min(1, 'Kies minstens één rol');

/** Browser check of the new-user form; the body for the API when valid. */
export function checkNieuweGebruiker(
  f: GebruikerForm,
  opties: RolOptie[],
):
  | {
      ok: true;
      body: { gebruikersnaam: string; naam: string; rollen: string[]; teamId: number | null; wachtwoord: string };
    }
  | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const add = (k: string, m: string) => (errors[k] ??= []).push(m);
  const g = gebruikersnaam.safeParse(f.gebruikersnaam);
  if (!g.success) add('gebruikersnaam', g.error.issues[0]!.message);
  const n = naam.safeParse(f.naam);
  if (!n.success) add('naam', n.error.issues[0]!.message);
  const r = rollen.safeParse(f.rollen);
  if (!r.success) add('rollen', r.error.issues[0]!.message);
  const teamId = f.teamId ? Number(f.teamId) : null;
  const teamErr = teamFout(f.rollen, teamId, opties);
  if (teamErr) add('teamId', teamErr);
  if (!f.wachtwoord) add('wachtwoord', 'Verplicht veld');
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    body: {
      gebruikersnaam: f.gebruikersnaam.trim(),
      naam: f.naam.trim(),
      rollen: f.rollen,
      teamId,
      wachtwoord: f.wachtwoord,
    },
  };
}

/** A case role needs a team (as the server checks). */
export function teamFout(rollen: string[], teamId: number | null, opties: RolOptie[]): string | null {
  if (teamId !== null) return null;
  const nodig = opties.filter((o) => o.teamNodig && rollen.includes(o.code));
  return nodig.length ? `Verplicht voor de rol ${nodig.map((o) => o.label).join(', ')}` : null;
}

export function statusTekst(g: Pick<GebruikerOverzicht, 'actief' | 'geblokkeerdTot'>): string {
  if (!g.actief) return 'Gedeactiveerd';
  if (g.geblokkeerdTot) return 'Geblokkeerd';
  return 'Actief';
}

/** Filter on name or login (case-insensitive); inactive accounts only when asked. */
export function filterGebruikers(list: GebruikerOverzicht[], q: string, metInactief: boolean): GebruikerOverzicht[] {
  const s = q.trim().toLowerCase();
  return list.filter(
    (g) =>
      (metInactief || g.actief) &&
      (!s || g.naam.toLowerCase().includes(s) || g.gebruikersnaam.toLowerCase().includes(s)),
  );
}

/** A history row in words: 'rollen gewijzigd: Backoffice-medewerker → Backoffice-medewerker, Teammanager'. */
export function historieTekst(
  h: HistorieRegel,
  opts: { rolLabel: (r: string) => string; teamNaam: (id: number | null) => string },
): string {
  const rol = (v: unknown) => (Array.isArray(v) ? v.map((r) => opts.rolLabel(String(r))).join(', ') : '');
  switch (h.actie) {
    case 'rollen_gewijzigd':
      return `${h.actieLabel}: ${rol(h.oud)} → ${rol(h.nieuw)}`;
    case 'team_gewijzigd':
      return `${h.actieLabel}: ${opts.teamNaam(h.oud as number | null)} → ${opts.teamNaam(h.nieuw as number | null)}`;
    case 'naam_gewijzigd':
    case 'team_hernoemd':
      return `${h.actieLabel}: ${String(h.oud)} → ${String(h.nieuw)}`;
    case 'team_aangemaakt':
      return `${h.actieLabel}: ${String(h.nieuw)}`;
    case 'gebruiker_aangemaakt': {
      const n = (h.nieuw ?? {}) as { rollen?: string[]; teamId?: number | null };
      return `${h.actieLabel} met rol ${rol(n.rollen)}${n.teamId ? ` in ${opts.teamNaam(n.teamId)}` : ''}`;
    }
    default: {
      const n = (h.nieuw ?? {}) as { sessiesBeeindigd?: number };
      return `${h.actieLabel}${typeof n.sessiesBeeindigd === 'number' ? ` (${n.sessiesBeeindigd} ${n.sessiesBeeindigd === 1 ? 'sessie' : 'sessies'} beëindigd)` : ''}`;
    }
  }
}

/** What deactivating an account does, for the confirmation step. */
export function deactiverenGevolgen(naam: string, toelichting: string): string[] {
  return [
    `${naam} kan niet meer inloggen.`,
    `Alle sessies van ${naam} eindigen direct, ook op andere apparaten.`,
    'Rollen, team en historie blijven bewaard; u kunt het account later weer actief maken.',
    ...(toelichting.trim() ? [`In de historie komt: “${toelichting.trim()}”.`] : []),
  ];
}

/** What resetting the second factor does, for the confirmation step. */
export function resetGevolgen(naam: string, toelichting: string): string[] {
  return [
    `Het geheim in de authenticator-app en alle herstelcodes van ${naam} vervallen, en alle sessies eindigen direct.`,
    `Bij de volgende login stelt ${naam} een nieuwe tweede factor in: wie het wachtwoord kent, kan dat. Reset alleen als u zeker weet dat u met ${naam} zelf spreekt.`,
    ...(toelichting.trim() ? [`In de historie komt: “${toelichting.trim()}”.`] : []),
  ];
}
