import { describe, expect, it } from 'vitest';
import { controleerContact, correctieVan, isOpslaanToets, leegContact, naarInvoer } from './CasusContactModel.ts';

const NOW = new Date('2026-03-10T09:00:00+01:00');
const ctx = { persoonIds: [1, 2], meldingIds: [10], contactIds: [100], medewerkerIds: [7, 8] };

describe('the contact journal form', () => {
  it('starts now, by the user, about the given melding', () => {
    expect(leegContact(7, 10, NOW)).toMatchObject({
      datum: '10-03-2026',
      tijd: '09:00',
      medewerkerIds: ['7'],
      meldingId: '10',
    });
  });
  it('sends a filled-in entry as the API input', () => {
    const d = {
      ...leegContact(7, 10, NOW),
      soort: 'telefoon' as const,
      persoonIds: ['1'],
      gezegd: ' Moeder belt terug. ',
      tijd: '08:15',
      duur: '20',
    };
    const r = controleerContact(d, ctx, NOW);
    expect(r.errors).toEqual({});
    expect(r.data).toMatchObject({
      soort: 'telefoon',
      begin: '2026-03-10T07:15:00.000Z',
      duurMinuten: 20,
      persoonIds: [1],
      medewerkerIds: [7],
      gezegd: 'Moeder belt terug.',
      meldingId: 10,
      professionals: [],
    });
  });
  it('names what is missing before sending: kind, with whom, content, a time in the future', () => {
    const r = controleerContact({ ...leegContact(7, 10, NOW), tijd: '10:30' }, ctx, NOW);
    expect(Object.keys(r.errors)).toContain('soort');
    const r2 = controleerContact({ ...leegContact(7, 10, NOW), soort: 'telefoon', tijd: '10:30' }, ctx, NOW);
    expect(r2.errors).toMatchObject({
      begin: [expect.stringContaining('nadat')],
      persoonIds: [expect.stringContaining('Met wie')],
      gezegd: [expect.stringContaining('gezegd, gezien of afgesproken')],
    });
    expect(r2.data).toBeNull();
    expect(controleerContact({ ...leegContact(7, 10, NOW), tijd: '25:00' }, ctx, NOW).errors.tijd).toBeTruthy();
  });
  it('a professional counts as "with whom" only with organisation and function', () => {
    const d = {
      ...leegContact(7, null, NOW),
      soort: 'telefoon' as const,
      gezegd: 'Overleg.',
      professional: { naam: '', organisatie: 'School', functie: '' },
    };
    expect(controleerContact(d, ctx, NOW).errors['professionals[0].functie']).toBeTruthy();
    d.professional.functie = 'Intern begeleider';
    expect(controleerContact(d, ctx, NOW).errors).toEqual({});
  });
  it('a correction refers to the old entry, keeps its who and when, and starts with empty content', () => {
    const d = correctieVan(
      {
        id: 100,
        meldingId: 10,
        soort: 'huisbezoek',
        begin: '2026-03-09T13:00:00.000Z',
        duurMinuten: 45,
        personen: [{ id: 1 }, { id: 2 }],
        metMelder: false,
        medewerkers: [{ id: 7 }, { id: 8 }],
        politie: false,
      },
      'aanvulling',
    );
    expect(d).toMatchObject({
      correctieVan: 100,
      correctieSoort: 'aanvulling',
      datum: '09-03-2026',
      tijd: '14:00',
      gezegd: '',
    });
    expect(naarInvoer({ ...d, gezien: 'Ook gezien: lege koelkast.' })).toMatchObject({
      correctieVan: 100,
      correctieSoort: 'aanvulling',
      persoonIds: [1, 2],
    });
    expect(controleerContact({ ...d, gezien: 'x' }, { ...ctx, contactIds: [] }, NOW).errors.correctieVan).toBeTruthy();
  });
  it('Ctrl+Enter or Cmd+Enter saves', () => {
    expect(isOpslaanToets({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isOpslaanToets({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isOpslaanToets({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
  });
});
