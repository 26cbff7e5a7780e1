import { describe, expect, it } from 'vitest';
import { navItems, startPath } from './roles.ts';

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

describe('navigation per role', () => {
  it('offers intake only to roles that register meldingen', () => {
    expect(pages(['backoffice'])).toEqual(['werkvoorraad', 'intake', 'adviesvragen', 'zoeken']);
    expect(pages(['gedragswetenschapper'])).toEqual(['werkvoorraad', 'zoeken']);
  });
  it('gives the beheerder only beheer, others without case work a start page', () => {
    expect(pages(['functioneel_beheerder'])).toEqual(['beheer']);
    expect(pages(['privacy_officer'])).toEqual(['start']);
  });
  it('combines roles', () => {
    expect(pages(['teammanager', 'functioneel_beheerder'])).toEqual(['werkvoorraad', 'intake', 'adviesvragen', 'zoeken', 'beheer']);
  });
});
