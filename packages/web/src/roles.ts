// What each role sees: the navigation and the start page after login. The server decides what is
// allowed (policy table in packages/server/src/policy); this only keeps the UI from offering pages
// a role cannot use.

export type NavPage = 'werkvoorraad' | 'intake' | 'adviesvragen' | 'zoeken' | 'beheer' | 'start';

export interface NavItem {
  to: string;
  label: string;
  page: NavPage;
}

/** Roles that handle meldingen (policy: melding read/transition, werkvoorraad read). */
export const CASE_ROLES = ['bureaudienst', 'backoffice', 'crisisdienst', 'gedragswetenschapper', 'vertrouwensarts', 'teammanager'] as const;
/** Roles that register meldingen and adviesvragen (policy: melding create). */
const INTAKE_ROLES = ['bureaudienst', 'backoffice', 'crisisdienst', 'teammanager'];
const BEHEER_ROLES = ['functioneel_beheerder'];

const has = (rollen: readonly string[], list: readonly string[]) => rollen.some((r) => list.includes(r));

export const isCaseWorker = (rollen: readonly string[]) => has(rollen, CASE_ROLES);
export const isBeheerder = (rollen: readonly string[]) => has(rollen, BEHEER_ROLES);

/** The main navigation for a user with these roles (a user can have several). */
export function navItems(rollen: readonly string[]): NavItem[] {
  const out: NavItem[] = [];
  if (isCaseWorker(rollen)) out.push({ to: '/werkvoorraad', label: 'Werkvoorraad', page: 'werkvoorraad' });
  if (has(rollen, INTAKE_ROLES)) {
    out.push({ to: '/meldingen/nieuw', label: 'Nieuwe melding', page: 'intake' });
    out.push({ to: '/adviesvragen', label: 'Adviesvraag', page: 'adviesvragen' });
  }
  if (isCaseWorker(rollen)) out.push({ to: '/zoeken', label: 'Zoeken', page: 'zoeken' });
  if (isBeheerder(rollen)) out.push({ to: '/beheer', label: 'Beheer', page: 'beheer' });
  if (!out.length) out.push({ to: '/start', label: 'Start', page: 'start' });
  return out;
}

/** Where a user lands after login (and on '/'): case workers → werkvoorraad; beheer → beheer; others → start. */
export function startPath(rollen: readonly string[]): string {
  if (isCaseWorker(rollen)) return '/werkvoorraad';
  if (isBeheerder(rollen)) return '/beheer';
  return '/start';
}

/** What the start page tells roles without case work: available now, and what comes later. */
export const ROLE_INFO: Record<string, { nu: string[]; later: string[] }> = {
  privacy_officer: {
    nu: [],
    later: ['Het toegangslog (NEN 7513) doorzoeken en exporteren.', 'Per persoon een overzicht van wie diens gegevens heeft ingezien.', 'Verzoeken van betrokkenen: inzage, correctie, vernietiging en bewaartermijnen.'],
  },
  beleidsmedewerker: {
    nu: [],
    later: ['Halfjaarrapportage en CBS-aanlevering (alleen geaggregeerde cijfers).', 'Monitoring van termijnen per team en proces.'],
  },
  onderzoeker: {
    nu: [],
    later: ['Geaggregeerde en gepseudonimiseerde gegevens voor onderzoek, na toestemming van de privacy officer.'],
  },
};
