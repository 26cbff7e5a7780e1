import { describe, it, expect } from 'vitest';
import {
  bewerkAfstand,
  geboortedatumLabel,
  klankSleutel,
  naamSleutels,
  vergelijkNaam,
  zoekSleutels,
  isGeboortedatum,
  isMinderjarigOp,
  leeftijdOp,
  normaliseNaam,
  volledigeNaam,
  zoekNaam,
} from './names.ts';
import { geboortedatumOvereenkomst, MATCH_GEWICHTEN, matchScore, MOGELIJK_DUBBEL_DREMPEL } from './persoonMatch.ts';

describe('normaliseNaam', () => {
  it.each([
    ['Jansen', 'Janssen'],
    ['Mohammed', 'Mohamed'],
    ['Dijkstra', 'Dykstra'],
    ['Ömer', 'Omer'],
    ['Smidt', 'Smit'],
    ['Philips', 'Filips'],
    ['Hendrickx', 'Hendrikx'],
    ['Thijs', 'Tys'],
    ['Schouten', 'Schauten'],
    ['Matthijs', 'Mattijs'],
    ['Chantal', 'Gantal'],
    ['Zoë', 'Zoe'],
    ['François', 'Francois'],
    ['Çelik', 'Celik'],
    ['Ĳsselmuiden', 'IJsselmuiden'],
  ])('%s ≡ %s', (a, b) => {
    expect(normaliseNaam(a)).toBe(normaliseNaam(b));
  });

  it.each([
    ['Jansen', 'jansen'],
    ['Janssen', 'jansen'],
    ['Dijkstra', 'dykstra'],
    ['Ömer', 'omer'],
    ['Mohammed', 'mohamed'],
    ['Schmidt', 'sgmit'],
    ['  Van  der   Berg ', 'van der berg'],
    ['Smit-Jansen', 'smit jansen'],
    ["d'Ancona", 'dancona'],
    ['El-Amrani 2', 'el amrani'],
    ['Strauß', 'straus'],
    ['Søren', 'soren'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(normaliseNaam(input)).toBe(out);
  });

  it('only folds dt at the end of a word', () => {
    expect(normaliseNaam('Smidt Jan')).toBe('smit jan');
    expect(normaliseNaam('Adtema')).toBe('adtema');
  });

  it('keeps different names different', () => {
    expect(normaliseNaam('Jansen')).not.toBe(normaliseNaam('Jonsen'));
    expect(normaliseNaam('de Vries')).not.toBe(normaliseNaam('Vries'));
  });

  it('is idempotent and yields only a-z and single spaces', () => {
    for (const n of ['Janssen', 'Hoeckx', 'Dijkstra-Smidt', 'Ahmed Öztürk', 'Schoutteten', "O'Brien", 'Ĳzerman']) {
      const once = normaliseNaam(n);
      expect(once).toMatch(/^([a-z]+( [a-z]+)*)?$/);
      expect(normaliseNaam(once)).toBe(once);
    }
  });
});

describe('volledigeNaam and zoekNaam', () => {
  it('builds the display name', () => {
    expect(volledigeNaam({ voornamen: 'Fatima', tussenvoegsel: 'el', achternaam: 'Amrani' })).toBe('Fatima el Amrani');
    expect(volledigeNaam({ voornamen: 'Jan Pieter', tussenvoegsel: 'van den', achternaam: 'Berg' })).toBe(
      'Jan Pieter van den Berg',
    );
    expect(volledigeNaam({ voornamen: null, tussenvoegsel: null, achternaam: 'Jansen' })).toBe('Jansen');
    expect(volledigeNaam({ voornamen: '  Piet ', tussenvoegsel: '', achternaam: ' de  Wit' })).toBe('Piet de Wit');
    expect(volledigeNaam({ achternaam: 'Bakker' })).toBe('Bakker');
  });

  it('search key is achternaam + voornamen without tussenvoegsel', () => {
    expect(zoekNaam({ voornamen: 'Jan', tussenvoegsel: 'van den', achternaam: 'Berg' })).toBe('berg jan');
    expect(zoekNaam({ voornamen: 'Jan', tussenvoegsel: 'van den', achternaam: 'Berg' })).toBe(
      zoekNaam({ voornamen: 'Jan', achternaam: 'Berg' }),
    );
    expect(zoekNaam({ voornamen: 'Fatima', tussenvoegsel: 'el', achternaam: 'Amrani' })).toBe('amrani fatima');
    expect(zoekNaam({ voornamen: null, achternaam: 'Janssen' })).toBe('jansen');
    expect(zoekNaam({ voornamen: 'Mohammed', achternaam: 'Dijkstra' })).toBe(normaliseNaam('Dykstra Mohamed'));
  });
});

describe('geboortedatum (CBS JJJJMMDD)', () => {
  it.each(['20150305', '20150300', '20150000', '99999999', '20240229', '19991231'])('%s is valid', (s) => {
    expect(isGeboortedatum(s)).toBe(true);
  });

  it.each(['20250229', '20150431', '20151301', '20150005', '00000000', '2015-03-05', '2015030', 'abcdefgh', ''])(
    '%j is invalid',
    (s) => {
      expect(isGeboortedatum(s)).toBe(false);
    },
  );

  it('labels', () => {
    expect(geboortedatumLabel('20150305')).toBe('05-03-2015');
    expect(geboortedatumLabel('20150300')).toBe('maart 2015');
    expect(geboortedatumLabel('20151200')).toBe('december 2015');
    expect(geboortedatumLabel('20150000')).toBe('2015');
    expect(geboortedatumLabel('99999999')).toBe('ongeboren');
    expect(geboortedatumLabel('nonsense')).toBe('nonsense');
  });
});

describe('leeftijdOp', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(leeftijdOp('20080315', '2026-03-14')).toBe(17);
    expect(leeftijdOp('20080315', '2026-03-15')).toBe(18);
    expect(leeftijdOp('20080315', '2026-12-31')).toBe(18);
    expect(leeftijdOp('20080315', '2008-03-15')).toBe(0);
    expect(leeftijdOp('19500101', '2026-01-01')).toBe(76);
  });

  it('someone born on 29 February gets older on 1 March in a non-leap year', () => {
    expect(leeftijdOp('20080229', '2026-02-28')).toBe(17);
    expect(leeftijdOp('20080229', '2026-03-01')).toBe(18);
    expect(leeftijdOp('20080229', '2028-02-29')).toBe(20);
  });

  it('fills an unknown day with the last day of the month', () => {
    expect(leeftijdOp('20080300', '2026-03-30')).toBe(17);
    expect(leeftijdOp('20080300', '2026-03-31')).toBe(18);
    expect(leeftijdOp('20080200', '2026-02-28')).toBe(17); // 29 Feb 2008 is the latest possible day
    expect(leeftijdOp('20080200', '2026-03-01')).toBe(18);
  });

  it('fills an unknown month and day with 31 December', () => {
    expect(leeftijdOp('20080000', '2026-12-30')).toBe(17);
    expect(leeftijdOp('20080000', '2026-12-31')).toBe(18);
  });

  it('is null when unborn (or certainly not yet born), 0 when birth is possible but uncertain', () => {
    expect(leeftijdOp('99999999', '2026-03-01')).toBeNull();
    expect(leeftijdOp('20260601', '2026-03-01')).toBeNull();
    expect(leeftijdOp('20260000', '2026-03-01')).toBe(0);
    expect(leeftijdOp('20260300', '2026-03-01')).toBe(0);
    expect(leeftijdOp('20260400', '2026-03-01')).toBeNull();
  });

  it('throws on invalid input', () => {
    expect(() => leeftijdOp('20150431', '2026-03-01')).toThrow(RangeError);
    expect(() => leeftijdOp('20150401', '2026-3-1')).toThrow(RangeError);
  });
});

describe('isMinderjarigOp', () => {
  it('on the 18th birthday: adult; the day before: minor', () => {
    expect(isMinderjarigOp('20080315', '2026-03-14')).toBe(true);
    expect(isMinderjarigOp('20080315', '2026-03-15')).toBe(false);
  });

  it('a 17-year-old on their birthday is a minor', () => {
    expect(isMinderjarigOp('20090315', '2026-03-15')).toBe(true);
  });

  it('never misses a possible minor when parts are unknown', () => {
    expect(isMinderjarigOp('20080000', '2026-06-01')).toBe(true);
    expect(isMinderjarigOp('20080600', '2026-06-15')).toBe(true);
    expect(isMinderjarigOp('20080600', '2026-06-30')).toBe(false);
  });

  it('an unborn child counts as a minor', () => {
    expect(isMinderjarigOp('99999999', '2026-03-01')).toBe(true);
  });
});

describe('finding a person despite spelling', () => {
  it('gives the spelling variants, typos in vowels and transliterations one sound key', () => {
    const key = (...ws: string[]) => new Set(ws.map(klankSleutel));
    expect(key('Jansen', 'Janssen', 'Janzen', 'Jansn', 'Jnasen')).toEqual(new Set(['jnsn']));
    expect(key('Meijer', 'Meier', 'Mejer', 'Meyer')).toEqual(new Set(['mr']));
    expect(key('Öztürk', 'Ozturk', 'Oeztuerk')).toEqual(new Set(['astrk']));
    expect(key('Brandt', 'Brand', 'Brant')).toEqual(new Set(['brnt']));
    expect(key('Yilmaz', 'Ylimaz', 'Jilmas')).toEqual(new Set(['jlms']));
    expect(klankSleutel('Bakker')).not.toBe(klankSleutel('Bakels'));
  });

  it('stores a key per surname part and the first voornaam; a transposed consonant still shares one', () => {
    const opgeslagen = naamSleutels({ achternaam: 'Jansen-de Vries', voornamen: 'Anna Maria' });
    expect(opgeslagen).toEqual(expect.arrayContaining(['jnsn', 'frs', 'an']));
    expect(opgeslagen).not.toContain('mr'); // the second voornaam is not a key
    const mulder = naamSleutels({ achternaam: 'Mulder' });
    expect(zoekSleutels('Mudler').some((k) => mulder.includes(k))).toBe(true);
    expect(zoekSleutels('Jong, de')).toEqual(zoekSleutels('de Jong'));
  });

  it('compares a name in any order, with tussenvoegsels anywhere, initials and partner names, and says why', () => {
    const kees = { voornamen: 'Kees', tussenvoegsel: 'de', achternaam: 'Jong' };
    expect(vergelijkNaam('Jong, de', kees)).toEqual({ gelijkenis: 1, reden: 'achternaam gelijk' });
    expect(vergelijkNaam('Kees de Jong', kees).reden).toBe('naam gelijk');
    expect(vergelijkNaam('Jong Kees', kees).reden).toBe('naam gelijk');
    expect(vergelijkNaam('K. de Jong', kees).reden).toBe('naam en voorletter gelijk');
    expect(vergelijkNaam('T. de Jong', kees).gelijkenis).toBeLessThan(vergelijkNaam('K. de Jong', kees).gelijkenis);
    expect(vergelijkNaam('Cees de Jong', kees).reden).toBe('naam gelijk op spelling na');
    expect(vergelijkNaam('Jnasen Pieter', { achternaam: 'Jansen', voornamen: 'Pieter' }).reden).toBe(
      'naam klinkt gelijk',
    );
    const partner = { voornamen: 'Anna', achternaam: 'Jansen-de Vries' };
    expect(vergelijkNaam('Anna de Vries', partner).gelijkenis).toBeGreaterThan(0.9);
    // A different name only looks alike; Tim and Tom share a short key but are not the same name.
    const tim = vergelijkNaam('Tim Visser', { voornamen: 'Tom', achternaam: 'Visser' });
    expect(tim.reden).toMatch(/^naam lijkt \(\d+%\)$/);
    // The same voornaam with another surname is far below the same surname.
    expect(vergelijkNaam('Kees Bakker', kees).gelijkenis).toBeLessThan(0.5);
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(bewerkAfstand('jansen', 'jnasen')).toBe(1);
    expect(bewerkAfstand('mulder', 'mudler')).toBe(1);
    expect(bewerkAfstand('', 'abc')).toBe(3);
  });
});

describe('match score', () => {
  it('adds the weighted signals and compares with the documented threshold', () => {
    const naam = { gelijkenis: 0.9, reden: 'naam klinkt gelijk' };
    const a = matchScore({ naam, geboortedatum: 'gelijk' });
    expect(a.score).toBe(0.9 * MATCH_GEWICHTEN.naam + MATCH_GEWICHTEN.geboortedatumGelijk);
    expect(a.redenen).toEqual(['naam klinkt gelijk', 'geboortedatum gelijk']);
    expect(a.mogelijkDubbel).toBe(true);
    // A name alone, however alike, or a date of birth alone is not enough.
    expect(matchScore({ naam: { gelijkenis: 1, reden: 'naam gelijk' } }).mogelijkDubbel).toBe(false);
    expect(matchScore({ naam: { gelijkenis: 0.3, reden: 'x' }, geboortedatum: 'gelijk' }).mogelijkDubbel).toBe(false);
    expect(matchScore({ naam: { gelijkenis: 1, reden: 'naam gelijk' }, adresGelijk: true }).mogelijkDubbel).toBe(true);
    expect(matchScore({ bsnGelijk: true }).score).toBe(MATCH_GEWICHTEN.bsn);
    expect(MOGELIJK_DUBBEL_DREMPEL).toBeGreaterThan(MATCH_GEWICHTEN.naam);
  });

  it('compares dates of birth with unknown parts and swapped day and month', () => {
    expect(geboortedatumOvereenkomst('20150312', '20150312')).toBe('gelijk');
    expect(geboortedatumOvereenkomst('20151203', '20150312')).toBe('verwisseld');
    expect(geboortedatumOvereenkomst('20150312', '20150300')).toBe('deels');
    expect(geboortedatumOvereenkomst('20150300', '20150312')).toBe('deels');
    expect(geboortedatumOvereenkomst('20150000', '20151224')).toBe('deels');
    expect(geboortedatumOvereenkomst('20150412', '20150312')).toBe('jaar');
    expect(geboortedatumOvereenkomst('20160312', '20150312')).toBeNull();
    expect(geboortedatumOvereenkomst('99999999', '99999999')).toBeNull();
    expect(geboortedatumOvereenkomst('20150312', null)).toBeNull();
  });
});
