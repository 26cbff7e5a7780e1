import { describe, expect, it } from 'vitest';
import { mayCbs, navItems, ROLE_INFO, startPath } from './roles.ts';

const pages = (rollen: string[]) => navItems(rollen).map((n) => n.page);

describe('start page per role', () => {
  it('sends case workers to the werkvoorraad', () => {
    for (const r of ['bureaudienst', 'backoffice', 'crisisdienst', 'gedragswetenschapper', 'vertrouwensarts', 'teammanager']) expect(startPath([r])).toBe('/werkvoorraad');
  });
  it('sends the functioneel beheerder to beheer', () => {
    expect(startPath(['functioneel_beheerder'])).toBe('/beheer');
  });
  it('sends privacy, beleid and onderzoek to the start page', () => {
    for (const r of ['privacy_officer', 'beleidsmedewerker', 'onderzoeker']) expect(startPath([r])).toBe('/start');
    expect(startPath([])).toBe('/start');
  });
  it('prefers case work when a user has several roles', () => {
    expect(startPath(['functioneel_beheerder', 'backoffice'])).toBe('/werkvoorraad');
  });
});

describe('privacy officer', () => {
  it('gets the start page and the privacy page, and still lands on the start page', () => {
    expect(pages(['privacy_officer'])).toEqual(['start', 'privacy']);
    expect(startPath(['privacy_officer'])).toBe('/start');
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
  it('gives the beheerder only beheer, others without case work a start page', () => {
    expect(pages(['functioneel_beheerder'])).toEqual(['beheer']);
    expect(pages(['privacy_officer'])).toEqual(['start', 'privacy']);
  });
  it('combines roles', () => {
    expect(pages(['teammanager', 'functioneel_beheerder'])).toEqual(['werkvoorraad', 'intake', 'adviesvragen', 'zoeken', 'beheer', 'rapportage']);
  });
  it('offers the management information to the roles the policy allows (rapportage: beleid, teammanager)', () => {
    expect(pages(['beleidsmedewerker'])).toEqual(['start', 'rapportage']);
    expect(pages(['teammanager'])).toEqual(['werkvoorraad', 'intake', 'adviesvragen', 'zoeken', 'rapportage']);
    for (const r of ['bureaudienst', 'backoffice', 'crisisdienst', 'gedragswetenschapper', 'vertrouwensarts', 'privacy_officer', 'onderzoeker', 'functioneel_beheerder']) {
      expect(pages([r])).not.toContain('rapportage');
    }
    // One item; monitoring, coördinatie and CBS are pages under it.
    expect(navItems(['beleidsmedewerker'])[1]!.pages).toEqual(['monitoring', 'coordinatie', 'cbs']);
  });
  it('offers the CBS delivery (BSN) to the teammanager only', () => {
    expect(mayCbs(['teammanager'])).toBe(true);
    expect(mayCbs(['beleidsmedewerker'])).toBe(false);
  });
  it('no longer announces the report pages as coming later', () => {
    const b = ROLE_INFO.beleidsmedewerker!;
    expect(b.nu.join(' ')).toMatch(/halfjaarrapportage/i);
    expect(b.later.join(' ')).not.toMatch(/halfjaarrapportage|CBS/i);
  });
});
