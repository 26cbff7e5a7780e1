import { describe, expect, it } from 'vitest';
import { collegasVoor, mayToewijzen, rvdkNietMogelijk, terugkoppelingMoment, toewijzingNaam } from './CasusModel.ts';

const workflow = (huishoudenMetKinderen: boolean) => ({
  onderzoekUitkomstVastgelegd: false,
  huishoudenMetKinderen,
  openTerugkoppelingMomenten: [],
});

describe('CasusModel', () => {
  it('only the teammanager assigns work to someone else', () => {
    expect(mayToewijzen(['teammanager'])).toBe(true);
    expect(mayToewijzen(['backoffice'])).toBe(false);
  });

  it('colleagues who handle meldingen, own team first, then by name; names for the choice', () => {
    const mw = [
      { id: 1, naam: 'Zoë', rollen: ['backoffice'], teamId: 1 },
      { id: 2, naam: 'Anna', rollen: ['backoffice'], teamId: 2 },
      { id: 3, naam: 'Bert', rollen: ['beheer'], teamId: 1 },
      { id: 4, naam: 'Cor', rollen: ['bureaudienst'], teamId: 1 },
    ];
    expect(collegasVoor(mw, 1).map((x) => x.naam)).toEqual(['Cor', 'Zoë', 'Anna']);
    expect(toewijzingNaam(mw, 2)).toBe('Anna');
    expect(toewijzingNaam(mw, 9)).toBe('medewerker 9');
    expect(toewijzingNaam(mw, null)).toBe('niemand (terug naar de werkvoorraad)');
  });

  it('the terugkoppeling clock is named by the moment the server gives it', () => {
    expect(terugkoppelingMoment({ moment: 'na_beoordeling' })).toBe('na beoordeling');
    expect(terugkoppelingMoment({ moment: 'na_onderzoek' })).toBe('na onderzoek');
  });

  it('says the RvdK-verzoek is not possible for an open melding of a household without minors (from the answer)', () => {
    expect(rvdkNietMogelijk({ status: 'beoordeeld', workflow: workflow(false) })).toBe(true);
    expect(rvdkNietMogelijk({ status: 'beoordeeld', workflow: workflow(true) })).toBe(false);
    expect(rvdkNietMogelijk({ status: 'afgesloten', workflow: workflow(false) })).toBe(false);
  });
});
