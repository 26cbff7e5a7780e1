import { describe, expect, it } from 'vitest';
import { checkWachtwoord, herstelcodesStatus } from './AccountModel.ts';

describe('new password, checked in the browser', () => {
  it('names the length rule and a wrong repeat together', () => {
    expect(checkWachtwoord({ huidig: 'x', nieuw: 'kort', herhaal: 'korte' })).toEqual({
      'pw.nieuwWachtwoord': ['Minstens 12 tekens (nu 4)'],
      'pw.herhaal': ['Komt niet overeen met het nieuwe wachtwoord'],
    });
  });
  it('asks for the repeat when it is empty, and counts characters as the server does', () => {
    expect(checkWachtwoord({ huidig: 'x', nieuw: 'Fietsen langs de Amstel', herhaal: '' })).toEqual({
      'pw.herhaal': ['Herhaal het nieuwe wachtwoord'],
    });
    expect(checkWachtwoord({ huidig: 'x', nieuw: '😀😀😀😀😀😀😀😀😀😀😀', herhaal: '😀' })).toEqual({
      'pw.nieuwWachtwoord': ['Minstens 12 tekens (nu 11)'],
      'pw.herhaal': ['Komt niet overeen met het nieuwe wachtwoord'],
    });
  });
  it('leaves a repeated password to the server, which names every rule it breaks at once', () => {
    expect(checkWachtwoord({ huidig: 'x', nieuw: 'beleid2026', herhaal: 'beleid2026' })).toEqual({});
  });
  it('passes a long enough, repeated password (the server checks the rest)', () => {
    expect(
      checkWachtwoord({ huidig: 'x', nieuw: 'Fietsen langs de Amstel', herhaal: 'Fietsen langs de Amstel' }),
    ).toEqual({});
    expect(checkWachtwoord({ huidig: '', nieuw: '', herhaal: '' })).toEqual({
      'pw.huidigWachtwoord': ['Verplicht veld'],
      'pw.nieuwWachtwoord': ['Verplicht veld'],
    });
  });
});

describe('recovery codes left', () => {
  it('warns with what to do when none are left', () => {
    const s = herstelcodesStatus(0);
    expect(s.soort).toBe('op');
    expect(s.tekst).toMatch(/geen ongebruikte herstelcodes meer/);
    expect(s.tekst).toMatch(/Maak nu nieuwe herstelcodes/);
    expect(s.tekst).not.toMatch(/\b0\b/);
  });
  it('warns when few are left, and is plain otherwise', () => {
    expect(herstelcodesStatus(1)).toEqual({
      soort: 'weinig',
      tekst: 'U heeft nog maar 1 ongebruikte herstelcode. Maak nieuwe herstelcodes voordat ze op zijn.',
    });
    expect(herstelcodesStatus(2).soort).toBe('weinig');
    expect(herstelcodesStatus(7)).toEqual({ soort: 'ok', tekst: 'U heeft nog 7 ongebruikte herstelcodes.' });
  });
});

describe('after logging in with a recovery code', () => {
  it('says how many are left, and what to do with the last one used', async () => {
    const { herstelcodeLoginTekst } = await import('./Login.tsx');
    expect(herstelcodeLoginTekst(7)).toBe('U heeft met een herstelcode ingelogd; u heeft er nog 7.');
    expect(herstelcodeLoginTekst(2)).toMatch(/nog 2\. Maak via Mijn account nieuwe herstelcodes aan\.$/);
    expect(herstelcodeLoginTekst(0)).toMatch(
      /^U heeft met uw laatste herstelcode ingelogd\. Maak nu via Mijn account nieuwe herstelcodes aan/,
    );
  });
});
