// The one authorization decision point. Every route declares a resource and an action; the
// decision is taken here from the written policy table (docs/security.md shows the same table,
// generated from POLICY by `voordeur policy-table`).
export const ROLLEN = [
  'bureaudienst',
  'backoffice',
  'gedragswetenschapper',
  'vertrouwensarts',
  'teammanager',
  'crisisdienst',
  'privacy_officer',
  'beleidsmedewerker',
  'onderzoeker',
  'functioneel_beheerder',
] as const;
export type Rol = (typeof ROLLEN)[number];

export const ROL_LABEL: Record<Rol, string> = {
  bureaudienst: 'Bureaudienst / frontoffice',
  backoffice: 'Backoffice-medewerker',
  gedragswetenschapper: 'Gedragswetenschapper',
  vertrouwensarts: 'Vertrouwensarts',
  teammanager: 'Teammanager',
  crisisdienst: 'Crisisdienst',
  privacy_officer: 'Privacy officer (FG)',
  beleidsmedewerker: 'Beleidsmedewerker',
  onderzoeker: 'Onderzoeker',
  functioneel_beheerder: 'Functioneel beheerder',
};

export const RESOURCES = [
  'sessie', // own session
  'referentie', // code lists, gemeenten, teams, users list (names only)
  'persoon', // persons and households (personal data)
  'melding', // meldingen, casussen and their workflow (personal data)
  'melder', // melder identity (protected part of the record)
  'adviesvraag', // adviesvragen (no identifying data of persons)
  'werkvoorraad', // work queues (personal data: names of households)
  'werkvoorraad_toewijzen', // (re)assigning work
  'beheer', // configuration: equated holidays, reference data
  'eigen_account', // own account: password, second factor, drafts
  'gebruikers', // user administration (no case content)
  'toegangslog', // the NEN 7513 access log and the review of emergency accesses (privacy officer)
  'rechten', // rights of persons: inzage, correctie, vernietiging, bewaartermijnen
  'rapportage', // aggregated figures only: half-year report, CBS delivery, monitoring
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ['read', 'search', 'create', 'update', 'transition', 'export', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

type Table = Record<Rol, Partial<Record<Resource, readonly Action[]>>>;
const R = ['read'] as const;
const RS = ['read', 'search'] as const;
const ALL = ['read', 'search', 'create', 'update', 'transition'] as const;
const OWN = ['read', 'update'] as const;
const CASE_WORKER = {
  sessie: R,
  eigen_account: OWN,
  referentie: R,
  persoon: ALL,
  melding: ALL,
  melder: R,
  adviesvraag: ALL,
  werkvoorraad: R,
} as const;

/** role × resource → allowed actions. Anything not listed is refused. */
export const POLICY: Table = {
  bureaudienst: CASE_WORKER,
  backoffice: CASE_WORKER,
  crisisdienst: CASE_WORKER,
  gedragswetenschapper: { sessie: R, eigen_account: OWN, referentie: R, persoon: RS, melding: ['read', 'search', 'update', 'transition'], melder: R, adviesvraag: RS, werkvoorraad: R },
  vertrouwensarts: { sessie: R, eigen_account: OWN, referentie: R, persoon: RS, melding: ['read', 'search', 'update', 'transition'], melder: R, adviesvraag: RS, werkvoorraad: R },
  teammanager: { ...CASE_WORKER, werkvoorraad_toewijzen: ['update'], rapportage: ['read', 'export'] },
  privacy_officer: { sessie: R, eigen_account: OWN, referentie: R, toegangslog: ['read', 'search', 'update', 'export'], rechten: ['read', 'search', 'create', 'update', 'export', 'delete'] },
  beleidsmedewerker: { sessie: R, eigen_account: OWN, referentie: R, rapportage: ['read', 'export'] },
  onderzoeker: { sessie: R, eigen_account: OWN, referentie: R },
  functioneel_beheerder: { sessie: R, eigen_account: OWN, referentie: R, beheer: ['read', 'update'], gebruikers: ['read', 'create', 'update'] },
};

export interface Subject {
  id: number;
  rollen: string[];
}

export interface Decision {
  allow: boolean;
  reason: string;
}

export function decide(subject: Subject | null, resource: Resource, action: Action): Decision {
  if (!subject) return { allow: false, reason: 'niet ingelogd' };
  for (const r of subject.rollen) {
    const allowed = POLICY[r as Rol]?.[resource];
    if (allowed?.includes(action)) return { allow: true, reason: `rol ${r}` };
  }
  return { allow: false, reason: `geen van de rollen (${subject.rollen.join(', ') || 'geen'}) mag ${action} op ${resource}` };
}
