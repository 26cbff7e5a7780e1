// What each role sees: the navigation and the start page after login. The server decides what is
// allowed (policy table in packages/server/src/policy); this only keeps the UI from offering pages
// a role cannot use.

export type NavPage = 'werkvoorraad' | 'intake' | 'adviesvragen' | 'zoeken' | 'beheer' | 'privacy' | 'start' | 'rapportage';

export interface NavItem {
  to: string;
  label: string;
  page: NavPage;
  /** Other pages under this item (it is marked current on them too). */
  pages?: string[];
}

/** Roles that handle meldingen (policy: melding read/transition, werkvoorraad read). */
export const CASE_ROLES = ['bureaudienst', 'backoffice', 'crisisdienst', 'gedragswetenschapper', 'vertrouwensarts', 'teammanager'] as const;
/** Roles that register meldingen and adviesvragen (policy: melding create). */
const INTAKE_ROLES = ['bureaudienst', 'backoffice', 'crisisdienst', 'teammanager'];
const BEHEER_ROLES = ['functioneel_beheerder'];
/** The privacy officer: access log and rights of persons (policy: toegangslog, rechten). */
const PRIVACY_ROLES = ['privacy_officer'];
/** Roles that see aggregated management information (policy: rapportage read/export). */
const RAPPORTAGE_ROLES = ['beleidsmedewerker', 'teammanager'];

const has = (rollen: readonly string[], list: readonly string[]) => rollen.some((r) => list.includes(r));

export const isCaseWorker = (rollen: readonly string[]) => has(rollen, CASE_ROLES);
export const isBeheerder = (rollen: readonly string[]) => has(rollen, BEHEER_ROLES);
export const isPrivacyOfficer = (rollen: readonly string[]) => has(rollen, PRIVACY_ROLES);
export const mayRapportage = (rollen: readonly string[]) => has(rollen, RAPPORTAGE_ROLES);
/** The CBS delivery carries BSN: rapportage export and werkvoorraad_toewijzen update, i.e. the teammanager. */
export const mayCbs = (rollen: readonly string[]) => has(rollen, ['teammanager']);

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
  if (isPrivacyOfficer(rollen)) out.push({ to: '/start', label: 'Start', page: 'start' }, { to: '/privacy', label: 'Privacy', page: 'privacy' });
  // One item for the management information; its pages have their own navigation.
  if (mayRapportage(rollen)) {
    // Without case work (beleid) the start page stays in the navigation, as for the privacy officer.
    if (!isCaseWorker(rollen) && !out.some((i) => i.page === 'start')) out.push({ to: '/start', label: 'Start', page: 'start' });
    out.push({ to: '/rapportage', label: 'Rapportage', page: 'rapportage', pages: ['monitoring', 'coordinatie', 'cbs'] });
  }
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
    nu: [
      'Privacy: het toegangslog (NEN 7513) doorzoeken en exporteren als CSV, met de controle van de hashketen.',
      'Per persoon een overzicht van wie diens gegevens heeft ingezien (ook als PDF, voor een inzageverzoek).',
      'Verzoeken van betrokkenen: inzage en afschrift (met de weigeringsgronden van Wmo 2015 art. 5.3.2), correctie met historie, vernietiging met de termijn van 3 maanden, en bewaartermijnen met bewaarblokkades.',
    ],
    later: [],
  },
  beleidsmedewerker: {
    nu: [
      'Rapportage: de halfjaarrapportage voor elke periode, de regio of één gemeente, met grafieken; af te drukken als PDF en te downloaden als CSV en Excel (alleen geaggregeerde cijfers).',
      'Monitoring: de wekelijkse instroom per bron en type tegen de verwachte band, met signalen als een bron twee weken buiten de band valt, en het aandeel per signaal.',
      'Coördinatie: het overzicht voor het coördinatieteam van de gemeente (alleen cijfers en trends).',
    ],
    later: ['Monitoring van termijnen per team en proces.'],
  },
  onderzoeker: {
    nu: [],
    later: ['Geaggregeerde en gepseudonimiseerde gegevens voor onderzoek, na toestemming van de privacy officer.'],
  },
};
