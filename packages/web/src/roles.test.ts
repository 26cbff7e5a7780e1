import { describe, expect, it } from 'vitest';
import { POLICY, ROLLEN, type Action, type Resource, type Rol } from '@voordeur/domain';
import {
  CAPABILITIES,
  CASE_ROLES,
  hasCapability,
  mayCbs,
  mayOpen,
  navItems,
  ROLE_INFO,
  rolesWith,
  startLabel,
  startPath,
  type Capability,
  type PageName,
} from './roles.ts';

const pages = (rollen: string[]) => navItems(rollen).map((n) => n.page);

describe('start page per role', () => {
  it('sends case workers to the werkvoorraad', () => {
    for (const r of [
      'bureaudienst',
      'backoffice',
      'crisisdienst',
      'gedragswetenschapper',
      'vertrouwensarts',
      'teammanager',
    ])
      expect(startPath([r])).toBe('/werkvoorraad');
  });
  it('sends the functioneel beheerder to beheer', () => {
    expect(startPath(['functioneel_beheerder'])).toBe('/beheer');
  });
  it('sends privacy to Privacy and beleid to Rapportage: their own page, not a start page', () => {
    expect(startPath(['privacy_officer'])).toBe('/privacy');
    expect(startPath(['beleidsmedewerker'])).toBe('/rapportage');
    expect(startLabel(['privacy_officer'])).toBe('Privacy');
    expect(startLabel(['beleidsmedewerker'])).toBe('Rapportage');
    expect(startLabel(['functioneel_beheerder'])).toBe('Beheer');
    expect(startLabel(['bureaudienst'])).toBe('Werkvoorraad');
  });
  it('sends the onderzoeker (no page of its own yet) and a user without roles to the start page', () => {
    expect(startPath(['onderzoeker'])).toBe('/start');
    expect(startPath([])).toBe('/start');
    expect(startLabel(['onderzoeker'])).toBe('Start');
  });
  it('the start page of every role is a page the role may open, and in its navigation', () => {
    for (const r of [
      'bureaudienst',
      'backoffice',
      'crisisdienst',
      'gedragswetenschapper',
      'vertrouwensarts',
      'teammanager',
      'privacy_officer',
      'beleidsmedewerker',
      'onderzoeker',
      'functioneel_beheerder',
    ]) {
      const to = startPath([r]);
      expect(navItems([r]).map((n) => n.to)).toContain(to);
      expect(mayOpen(to.slice(1) as PageName, [r])).toBe(true);
    }
  });
  it('prefers case work when a user has several roles', () => {
    expect(startPath(['functioneel_beheerder', 'backoffice'])).toBe('/werkvoorraad');
  });
});

describe('privacy officer', () => {
  it('gets the privacy page and the overview, and lands on the privacy page', () => {
    expect(pages(['privacy_officer'])).toEqual(['privacy', 'cbs', 'start']);
    expect(navItems(['privacy_officer']).map((n) => n.label)).toEqual(['Privacy', 'CBS-levering', 'Overzicht']);
    expect(startPath(['privacy_officer'])).toBe('/privacy');
  });
  it('has no later items left on the start page', () => {
    expect(ROLE_INFO.privacy_officer!.later).toEqual([]);
    expect(ROLE_INFO.privacy_officer!.nu.join(' ')).toMatch(/toegangslog/);
  });
});

describe('navigation per role', () => {
  it('offers intake only to roles that register meldingen', () => {
    expect(pages(['backoffice'])).toEqual(['werkvoorraad', 'intake', 'adviesvragen', 'zoeken']);
    expect(pages(['gedragswetenschapper'])).toEqual(['werkvoorraad', 'zoeken']);
  });
  it('gives the beheerder only beheer and the CBS delivery, others without case work an overview next to their page', () => {
    expect(pages(['functioneel_beheerder'])).toEqual(['beheer', 'cbs']);
    expect(pages(['privacy_officer'])).toEqual(['privacy', 'cbs', 'start']);
    expect(navItems(['onderzoeker']).map((n) => n.label)).toEqual(['Start']);
  });
  it('combines roles', () => {
    expect(pages(['teammanager', 'functioneel_beheerder'])).toEqual([
      'werkvoorraad',
      'intake',
      'adviesvragen',
      'zoeken',
      'beheer',
      'rapportage',
    ]);
  });
  it('offers the management information to the roles the policy allows (rapportage: beleid, teammanager)', () => {
    expect(pages(['beleidsmedewerker'])).toEqual(['rapportage', 'start']);
    expect(pages(['teammanager'])).toEqual(['werkvoorraad', 'intake', 'adviesvragen', 'zoeken', 'rapportage']);
    for (const r of [
      'bureaudienst',
      'backoffice',
      'crisisdienst',
      'gedragswetenschapper',
      'vertrouwensarts',
      'privacy_officer',
      'onderzoeker',
      'functioneel_beheerder',
    ]) {
      expect(pages([r])).not.toContain('rapportage');
    }
    // One item; monitoring, coördinatie and CBS are pages under it.
    expect(navItems(['beleidsmedewerker'])[0]!.pages).toEqual(['monitoring', 'coordinatie', 'cbs']);
  });
  it('offers the CBS delivery (BSN) to the functioneel beheerder and the privacy officer only', () => {
    expect(mayCbs(['functioneel_beheerder'])).toBe(true);
    expect(mayCbs(['privacy_officer'])).toBe(true);
    expect(mayCbs(['teammanager'])).toBe(false);
    expect(mayCbs(['beleidsmedewerker'])).toBe(false);
    expect(navItems(['functioneel_beheerder']).map((n) => n.to)).toContain('/cbs');
  });
  it('no longer announces the report pages as coming later', () => {
    const b = ROLE_INFO.beleidsmedewerker!;
    expect(b.nu.join(' ')).toMatch(/halfjaarrapportage/i);
    expect(b.later.join(' ')).not.toMatch(/halfjaarrapportage|CBS/i);
  });
});

describe('route guard: which role may open which page', () => {
  const open = (rollen: string[]) =>
    (
      [
        'werkvoorraad',
        'intake',
        'adviesvragen',
        'zoeken',
        'casus',
        'beheer',
        'privacy',
        'rapportage',
        'monitoring',
        'coordinatie',
        'cbs',
      ] as PageName[]
    ).filter((p) => mayOpen(p, rollen));
  it('gives each role exactly the pages of its work', () => {
    expect(open(['privacy_officer'])).toEqual(['privacy', 'cbs']);
    expect(open(['beleidsmedewerker'])).toEqual(['rapportage', 'monitoring', 'coordinatie']);
    expect(open(['onderzoeker'])).toEqual([]);
    expect(open(['functioneel_beheerder'])).toEqual(['beheer', 'cbs']);
    expect(open(['gedragswetenschapper'])).toEqual(['werkvoorraad', 'zoeken', 'casus']);
    expect(open(['backoffice'])).toEqual(['werkvoorraad', 'intake', 'adviesvragen', 'zoeken', 'casus']);
    expect(open(['teammanager'])).toEqual([
      'werkvoorraad',
      'intake',
      'adviesvragen',
      'zoeken',
      'casus',
      'rapportage',
      'monitoring',
      'coordinatie',
    ]);
    expect(open(['teammanager', 'functioneel_beheerder', 'privacy_officer'])).toHaveLength(11);
  });
  it('lets everyone open the start page, the reference data, the own account and "not found"', () => {
    for (const r of [[], ['onderzoeker'], ['privacy_officer'], ['backoffice']]) {
      for (const p of ['home', 'start', 'referentie', 'account', 'niet_gevonden'] as PageName[])
        expect(mayOpen(p, r)).toBe(true);
    }
  });
  it('every navigation item is a page the role may open', () => {
    for (const r of [
      'bureaudienst',
      'gedragswetenschapper',
      'teammanager',
      'privacy_officer',
      'beleidsmedewerker',
      'onderzoeker',
      'functioneel_beheerder',
    ]) {
      for (const n of navItems([r])) expect(mayOpen(n.page, [r]), `${r} ${n.page}`).toBe(true);
    }
  });
});

describe('role capabilities come from the policy table', () => {
  const allows = (rol: Rol, res: Resource, act: Action) => POLICY[rol][res]?.includes(act) ?? false;
  const caps = Object.keys(CAPABILITIES) as Capability[];

  it('every capability the web shows equals what the policy table allows, for every role', () => {
    for (const rol of ROLLEN)
      for (const cap of caps) {
        const policySays = CAPABILITIES[cap].every(([res, act]) => allows(rol, res, act));
        expect(hasCapability([rol], cap), `${rol} · ${cap}`).toBe(policySays);
        expect(rolesWith(cap).includes(rol), `${rol} · ${cap}`).toBe(policySays);
      }
  });

  it('a page is offered to a role exactly when the policy allows what the page needs', () => {
    const needs: Partial<Record<PageName, Capability>> = {
      werkvoorraad: 'casuswerk',
      zoeken: 'casuswerk',
      casus: 'casuswerk',
      intake: 'intake',
      adviesvragen: 'intake',
      beheer: 'beheer',
      privacy: 'privacy',
      rapportage: 'rapportage',
      monitoring: 'rapportage',
      coordinatie: 'rapportage',
      cbs: 'cbs',
    };
    for (const rol of ROLLEN)
      for (const [page, cap] of Object.entries(needs) as Array<[PageName, Capability]>)
        expect(mayOpen(page, [rol]), `${rol} · ${page}`).toBe(
          CAPABILITIES[cap].every(([res, act]) => allows(rol, res, act)),
        );
  });

  it('the derived role groups are the ones the web app offered before (pinned)', () => {
    expect(rolesWith('casuswerk').sort()).toEqual(
      ['backoffice', 'bureaudienst', 'crisisdienst', 'gedragswetenschapper', 'teammanager', 'vertrouwensarts'].sort(),
    );
    expect([...CASE_ROLES].sort()).toEqual(rolesWith('casuswerk').sort());
    expect(rolesWith('intake').sort()).toEqual(['backoffice', 'bureaudienst', 'crisisdienst', 'teammanager']);
    expect(rolesWith('beheer')).toEqual(['functioneel_beheerder']);
    expect(rolesWith('privacy')).toEqual(['privacy_officer']);
    expect(rolesWith('rapportage').sort()).toEqual(['beleidsmedewerker', 'teammanager']);
    expect(rolesWith('cbs')).toEqual(['privacy_officer', 'functioneel_beheerder']);
  });

  it('unknown roles get nothing', () => {
    for (const cap of caps) expect(hasCapability(['onbekend'], cap)).toBe(false);
  });
});
