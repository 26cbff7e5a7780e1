import { describe, expect, it } from 'vitest';
import {
  bewaarGevolgen,
  casusSleutel,
  checkFilter,
  checkInzageBesluit,
  EMPTY_FILTER,
  logQuery,
  termijnTekst,
  vernietigingGevolgen,
} from './PrivacyModel.ts';
import { formatDatum } from '../format.ts';

describe('access-log filter', () => {
  it('builds the query with the API names, leaving empty values out', () => {
    expect(
      logQuery({ ...EMPTY_FILTER, van: '2026-01-01', persoonId: ' 12 ', actie: 'read' }, { limit: 50, offset: 0 }),
    ).toBe('?van=2026-01-01&persoonId=12&actie=read&weergave=dossier&limit=50&offset=0');
    expect(logQuery({ ...EMPTY_FILTER, alleenDossier: false })).toBe('');
  });
  it('refuses a period that runs backwards and a non-numeric person id', () => {
    expect(checkFilter({ ...EMPTY_FILTER, van: '2026-02-01', tot: '2026-01-01', persoonId: 'Jansen' })).toEqual({
      'log.tot': ['De einddatum ligt vóór de begindatum'],
      'log.persoonId': ['Een persoon-id is een getal'],
    });
    expect(checkFilter({ ...EMPTY_FILTER, van: '2026-1-32' })).toEqual({
      'log.van': ['Geef een datum als dd-mm-jjjj, bijvoorbeeld 22-11-2026'],
    });
    expect(checkFilter({ ...EMPTY_FILTER, van: '31-02-2026' })).toEqual({
      'log.van': ['Geef een datum als dd-mm-jjjj, bijvoorbeeld 22-11-2026'],
    });
  });
  it('takes dates as the app shows them (dd-mm-jjjj) and sends JJJJ-MM-DD', () => {
    expect(checkFilter({ ...EMPTY_FILTER, van: '1-1-2026', tot: '22-11-2026' })).toEqual({});
    expect(checkFilter({ ...EMPTY_FILTER, van: '22-11-2026', tot: '2026-11-01' })).toEqual({
      'log.tot': ['De einddatum ligt vóór de begindatum'],
    });
    expect(logQuery({ ...EMPTY_FILTER, van: '22-11-2026', tot: ' 2026-11-23 ', alleenDossier: false })).toBe(
      '?van=2026-11-22&tot=2026-11-23',
    );
  });
});

describe('destruction clock', () => {
  it('says the days left, the last day, or how late — in words', () => {
    expect(termijnTekst({ uiterlijkOp: '2026-04-01', dagenResterend: 20, status: 'lopend' }, formatDatum)).toBe(
      'nog 20 dagen, uiterlijk 01-04-2026',
    );
    expect(termijnTekst({ uiterlijkOp: '2026-04-01', dagenResterend: 0, status: 'bijna' }, formatDatum)).toBe(
      'laatste dag: vandaag (01-04-2026)',
    );
    expect(termijnTekst({ uiterlijkOp: '2026-04-01', dagenResterend: -1, status: 'verlopen' }, formatDatum)).toBe(
      'termijn verlopen: 1 dag te laat (uiterlijk 01-04-2026)',
    );
    expect(termijnTekst({ uiterlijkOp: '2026-04-01', dagenResterend: null, status: 'afgehandeld' }, formatDatum)).toBe(
      'afgehandeld (uiterlijk 01-04-2026)',
    );
  });
});

describe('inzage decision (Wmo 2015 art. 5.3.2)', () => {
  it('a refusal needs a ground and a motivation', () => {
    expect(
      Object.keys(checkInzageBesluit({ besluit: 'afgewezen', weigeringsgronden: [], motivering: '' }, [])),
    ).toEqual(['besluit.weigeringsgronden', 'besluit.motivering']);
    expect(
      checkInzageBesluit(
        {
          besluit: 'afgewezen',
          weigeringsgronden: ['bescherming_ander'],
          motivering: 'Gegevens van de moeder staan erin.',
        },
        [],
      ),
    ).toEqual({});
  });
  it('a grant has no ground, and needs a motivation against a child signal', () => {
    expect(
      checkInzageBesluit({ besluit: 'toegewezen', weigeringsgronden: ['bescherming_ander'], motivering: '' }, []),
    ).toHaveProperty('besluit.weigeringsgronden');
    expect(
      checkInzageBesluit({ besluit: 'toegewezen', weigeringsgronden: [], motivering: '' }, ['kind_jonger_dan_12']),
    ).toHaveProperty('besluit.motivering');
    expect(
      checkInzageBesluit({ besluit: 'toegewezen', weigeringsgronden: [], motivering: '' }, ['gegevens_van_anderen']),
    ).toEqual({});
    expect(checkInzageBesluit({ besluit: '', weigeringsgronden: [], motivering: '' }, [])).toHaveProperty(
      'besluit.besluit',
    );
  });
});

describe('confirmation of destruction: the consequences in words', () => {
  it('sums the chosen casussen (retention)', () => {
    const g = bewaarGevolgen([
      { nummer: '2015-000001', meldingen: 2, personenTeVernietigen: 3 },
      { nummer: '2015-000007', meldingen: 1, personenTeVernietigen: 0 },
    ]);
    expect(g[0]).toBe('2 casussen worden vernietigd: 2015-000001, 2015-000007.');
    expect(g[1]).toBe(
      'Daarmee verdwijnen 3 meldingen en de gegevens van 3 personen die in geen andere casus voorkomen.',
    );
    expect(bewaarGevolgen([{ nummer: '2015-000001', meldingen: 1, personenTeVernietigen: 1 }]).slice(0, 2)).toEqual([
      '1 casus wordt vernietigd: 2015-000001.',
      'Daarmee verdwijnen 1 melding en de gegevens van 1 persoon die in geen andere casus voorkomen.',
    ]);
  });
  it('names the person, where the data is, and a legal hold that will refuse it', () => {
    const g = vernietigingGevolgen('Karim Amrani (persoon 12)', {
      huishoudens: 1,
      meldingen: 2,
      casussen: [{ nummer: '2026-000004' }, { nummer: '2026-000009', blokkade: { reden: 'procedure' } }],
    });
    expect(g[0]).toBe('Alle persoonsgegevens van Karim Amrani (persoon 12) worden overal verwijderd.');
    expect(g[1]).toBe('Het gaat om 2 meldingen en 1 huishouden (casus 2026-000004, 2026-000009).');
    expect(g[2]).toMatch(/^Let op: 2026-000009 heeft een bewaarblokkade/);
    expect(vernietigingGevolgen('persoon 3', null)).toEqual([
      'Alle persoonsgegevens van persoon 3 worden overal verwijderd.',
      'Alleen een grafsteen (datum en grond) en het toegangslog blijven.',
    ]);
  });
});

describe('access log: alleen dossiertoegang', () => {
  it('is on by default and sent as weergave=dossier', () => {
    expect(EMPTY_FILTER.alleenDossier).toBe(true);
    expect(logQuery(EMPTY_FILTER)).toBe('?weergave=dossier');
  });
});

describe('casus for a legal hold', () => {
  it('takes a casusnummer or an id, nothing else', () => {
    expect(casusSleutel(' 2026-000123 ')).toBe('2026-000123');
    expect(casusSleutel('17')).toBe('17');
    for (const x of ['', '0', '2026-123', 'casus 17', '2026000123x']) expect(casusSleutel(x), x).toBeNull();
  });
});
