// What each role sees: the navigation and the start page after login. The server decides what is
// allowed (the policy table POLICY in packages/domain/src/policy.ts, enforced by
// packages/server/src/policy); the role groups here are derived from that same table, so the UI
// offers a page exactly to the roles the server lets use it.
import { rollenDieMogen, rollenMogen, type Action, type Resource } from '@voordeur/domain';
import type { Route } from './router.tsx';

export type NavPage =
  'werkvoorraad' | 'intake' | 'adviesvragen' | 'zoeken' | 'beheer' | 'privacy' | 'start' | 'rapportage' | 'cbs';

export interface NavItem {
  to: string;
  label: string;
  page: NavPage;
  /** Other pages under this item (it is marked current on them too). */
  pages?: string[];
}

/**
 * The capabilities the web app offers, each as the policy permissions it needs (all of them).
 * A role has the capability exactly when the policy table allows every listed permission.
 */
export const CAPABILITIES = {
  /** Handles meldingen: werkvoorraad, zoeken, casus (melding read/transition, werkvoorraad read). */
  casuswerk: [
    ['werkvoorraad', 'read'],
    ['melding', 'read'],
    ['melding', 'transition'],
  ],
  /** Registers meldingen and adviesvragen (melding create). */
  intake: [['melding', 'create']],
  /** Beheer: configuration and user administration. */
  beheer: [['beheer', 'read']],
  /** The privacy officer's page: access log and rights of persons. */
  privacy: [
    ['toegangslog', 'read'],
    ['rechten', 'read'],
  ],
  /** Aggregated management information. */
  rapportage: [['rapportage', 'read']],
  /** The CBS delivery carries BSN: its own permission (functioneel beheerder, privacy officer). */
  cbs: [['cbs_levering', 'export']],
} as const satisfies Record<string, ReadonlyArray<readonly [Resource, Action]>>;
export type Capability = keyof typeof CAPABILITIES;

/** Does a user with these roles have the capability? (One role must hold all its permissions.) */
export function hasCapability(rollen: readonly string[], cap: Capability): boolean {
  return rollen.some((r) => CAPABILITIES[cap].every(([res, act]) => rollenMogen([r], res, act)));
}

/** The roles that have the capability, in the order of the policy's role list. */
export function rolesWith(cap: Capability): string[] {
  const [first, ...rest] = CAPABILITIES[cap];
  return rollenDieMogen(first[0], first[1]).filter((r) => rest.every(([res, act]) => rollenMogen([r], res, act)));
}

/** Roles that handle meldingen (derived from the policy table). */
export const CASE_ROLES: readonly string[] = rolesWith('casuswerk');

export const isCaseWorker = (rollen: readonly string[]) => hasCapability(rollen, 'casuswerk');
export const mayIntake = (rollen: readonly string[]) => hasCapability(rollen, 'intake');
export const isBeheerder = (rollen: readonly string[]) => hasCapability(rollen, 'beheer');
export const isPrivacyOfficer = (rollen: readonly string[]) => hasCapability(rollen, 'privacy');
export const mayRapportage = (rollen: readonly string[]) => hasCapability(rollen, 'rapportage');
export const mayCbs = (rollen: readonly string[]) => hasCapability(rollen, 'cbs');

/** The main navigation for a user with these roles (a user can have several). */
export function navItems(rollen: readonly string[]): NavItem[] {
  const out: NavItem[] = [];
  if (isCaseWorker(rollen)) out.push({ to: '/werkvoorraad', label: 'Werkvoorraad', page: 'werkvoorraad' });
  if (mayIntake(rollen)) {
    out.push({ to: '/meldingen/nieuw', label: 'Nieuwe melding', page: 'intake' });
    out.push({ to: '/adviesvragen', label: 'Adviesvraag', page: 'adviesvragen' });
  }
  if (isCaseWorker(rollen)) out.push({ to: '/zoeken', label: 'Zoeken', page: 'zoeken' });
  if (isBeheerder(rollen)) out.push({ to: '/beheer', label: 'Beheer', page: 'beheer' });
  if (isPrivacyOfficer(rollen)) out.push({ to: '/privacy', label: 'Privacy', page: 'privacy' });
  // One item for the management information; its pages have their own navigation.
  if (mayRapportage(rollen))
    out.push({
      to: '/rapportage',
      label: 'Rapportage',
      page: 'rapportage',
      pages: ['monitoring', 'coordinatie', 'cbs'],
    });
  // The CBS delivery (BSN) for its own roles (functioneel beheerder, privacy officer).
  else if (mayCbs(rollen)) out.push({ to: '/cbs', label: 'CBS-levering', page: 'cbs' });
  // Roles without case work keep the overview of what their role offers (and the reference data);
  // a role with no page of its own (onderzoeker) starts there.
  if (!isCaseWorker(rollen) && !isBeheerder(rollen))
    out.push({ to: '/start', label: out.length ? 'Overzicht' : 'Start', page: 'start', pages: ['referentie'] });
  return out;
}

/**
 * Where a user lands after login (and on '/'): the page of the role's own work. Case workers →
 * werkvoorraad; beheer → Beheer; privacy officer → Privacy; beleid (and the teammanager, a case
 * worker first) → Rapportage; a role without pages of its own (onderzoeker) → the start page.
 */
export function startPath(rollen: readonly string[]): string {
  if (isCaseWorker(rollen)) return '/werkvoorraad';
  if (isBeheerder(rollen)) return '/beheer';
  if (isPrivacyOfficer(rollen)) return '/privacy';
  if (mayRapportage(rollen)) return '/rapportage';
  return '/start';
}

/** The name of the start page in a sentence ("Ga naar …"). */
export function startLabel(rollen: readonly string[]): string {
  const to = startPath(rollen);
  return navItems(rollen).find((n) => n.to === to)?.label ?? 'Start';
}

/**
 * The pages of the web app and who may open them: the same rule as the navigation (and as the
 * server's policy). A page outside it is not rendered at all; the user gets "Deze pagina hoort
 * niet bij uw rol" with a link to the own start page. The server refuses the API calls anyway.
 */
export type PageName = Route['page'];

const EVERYONE = () => true;
const PAGE_RULE: Record<PageName, (rollen: readonly string[]) => boolean> = {
  home: EVERYONE,
  start: EVERYONE,
  referentie: EVERYONE,
  account: EVERYONE,
  niet_gevonden: EVERYONE,
  werkvoorraad: isCaseWorker,
  zoeken: isCaseWorker,
  casus: isCaseWorker,
  intake: mayIntake,
  adviesvragen: mayIntake,
  beheer: isBeheerder,
  privacy: isPrivacyOfficer,
  rapportage: mayRapportage,
  monitoring: mayRapportage,
  coordinatie: mayRapportage,
  cbs: mayCbs,
};

export function mayOpen(page: PageName, rollen: readonly string[]): boolean {
  return PAGE_RULE[page](rollen);
}

/** What the start page tells roles without case work: their own page, what it offers now, and what comes later. */
export const ROLE_INFO: Record<string, { pagina?: { to: string; label: string }; nu: string[]; later: string[] }> = {
  privacy_officer: {
    pagina: { to: '/privacy', label: 'Privacy' },
    nu: [
      'Privacy: het toegangslog (NEN 7513) doorzoeken en exporteren als CSV, met de controle van de hashketen.',
      'Per persoon een overzicht van wie diens gegevens heeft ingezien (ook als PDF, voor een inzageverzoek).',
      'Verzoeken van betrokkenen: inzage en afschrift (met de weigeringsgronden van Wmo 2015 art. 5.3.2), correctie met historie, vernietiging met de termijn van 3 maanden, en bewaartermijnen met bewaarblokkades.',
    ],
    later: [],
  },
  beleidsmedewerker: {
    pagina: { to: '/rapportage', label: 'Rapportage' },
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
  functioneel_beheerder: {
    pagina: { to: '/beheer', label: 'Beheer' },
    nu: [
      'Beheer: gelijkgestelde dagen voor de wettelijke termijnen, en de referentiegegevens.',
      'Gebruikers en teams: accounts aanmaken, rollen en team wijzigen, deactiveren en een tweede factor resetten.',
    ],
    later: [],
  },
};
