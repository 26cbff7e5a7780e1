import { describe, expect, it } from 'vitest';
import { sporenVan, sporenWisser } from './vernietiging-sporen.ts';

const M = '[x]';

describe('the traces of a person', () => {
  const sporen = sporenVan(
    {
      bsn: '111222333',
      voornamen: 'Karim Ahmed',
      tussenvoegsel: null,
      achternaam: 'Benali',
      geboortedatum: '19850102',
    },
    [
      { veld: 'bsn', oude_waarde: '123456782' },
      { veld: 'achternaam', oude_waarde: 'Bennani' },
      { veld: 'geboortedatum', oude_waarde: '19850101' },
    ],
  );
  const wis = sporenWisser(sporen, (t) => t, M);
  const naamRe = new RegExp(sporen.names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

  it('every name it ever had, with initials', () => {
    for (const n of [
      'Karim Ahmed Bennani',
      'Karim Bennani',
      'Bennani, Karim Ahmed',
      'K.A. Bennani',
      'K. Benali',
      'KA Bennani',
    ])
      expect(sporen.names, n).toContain(n);
    expect(naamRe.test('Samira Bennani')).toBe(false);
  });

  it('the date of birth in the usual Dutch forms, only next to the person', () => {
    for (const d of [
      '1-1-1985',
      '01-01-1985',
      '01/01/85',
      '1.1.1985',
      '1 januari 1985',
      '1 jan. 1985',
      '1985-01-01',
      '02-01-1985',
    ])
      expect(wis(`Karim, geboren ${d}.`), d).toBe(`Karim, geboren ${M}.`);
    expect(wis('Op 01-01-1985 verhuisd.')).toBe('Op 01-01-1985 verhuisd.');
    expect(wis('Karim, 11-01-1985')).toBe('Karim, 11-01-1985');
  });

  it('prefilter patterns match the spaced BSN and the dates', () => {
    const re = sporen.prefilter.map((p) => new RegExp(p, 'i'));
    for (const t of ['BSN 1234 56 782', 'geb. 1 jan 1985', 'meneer Bennani'])
      expect(
        re.some((r) => r.test(t)),
        t,
      ).toBe(true);
  });
});
