import { describe, expect, it } from 'vitest';
import { checkFilter, checkInzageBesluit, EMPTY_FILTER, logQuery, termijnTekst } from './PrivacyModel.ts';
import { formatDatum } from '../format.ts';

describe('access-log filter', () => {
  it('builds the query with the API names, leaving empty values out', () => {
    expect(logQuery({ ...EMPTY_FILTER, van: '2026-01-01', persoonId: ' 12 ', actie: 'read' }, { limit: 50, offset: 0 })).toBe('?van=2026-01-01&persoonId=12&actie=read&limit=50&offset=0');
    expect(logQuery(EMPTY_FILTER)).toBe('');
  });
  it('refuses a period that runs backwards and a non-numeric person id', () => {
    expect(checkFilter({ ...EMPTY_FILTER, van: '2026-02-01', tot: '2026-01-01', persoonId: 'Jansen' })).toEqual({
      'log.tot': ['De einddatum ligt vóór de begindatum'],
      'log.persoonId': ['Een persoon-id is een getal'],
    });
    expect(checkFilter({ ...EMPTY_FILTER, van: '1-1-2026' })).toEqual({ 'log.van': ['Geef een datum als JJJJ-MM-DD'] });
  });
});

describe('destruction clock', () => {
  it('says the days left, the last day, or how late — in words', () => {
    expect(termijnTekst({ uiterlijkOp: '2026-04-01', dagenResterend: 20, status: 'lopend' }, formatDatum)).toBe('nog 20 dagen, uiterlijk 01-04-2026');
    expect(termijnTekst({ uiterlijkOp: '2026-04-01', dagenResterend: 0, status: 'bijna' }, formatDatum)).toBe('laatste dag: vandaag (01-04-2026)');
    expect(termijnTekst({ uiterlijkOp: '2026-04-01', dagenResterend: -1, status: 'verlopen' }, formatDatum)).toBe('termijn verlopen: 1 dag te laat (uiterlijk 01-04-2026)');
    expect(termijnTekst({ uiterlijkOp: '2026-04-01', dagenResterend: null, status: 'afgehandeld' }, formatDatum)).toBe('afgehandeld (uiterlijk 01-04-2026)');
  });
});

describe('inzage decision (Wmo 2015 art. 5.3.2)', () => {
  it('a refusal needs a ground and a motivation', () => {
    expect(Object.keys(checkInzageBesluit({ besluit: 'afgewezen', weigeringsgronden: [], motivering: '' }, []))).toEqual(['besluit.weigeringsgronden', 'besluit.motivering']);
    expect(checkInzageBesluit({ besluit: 'afgewezen', weigeringsgronden: ['bescherming_ander'], motivering: 'Gegevens van de moeder staan erin.' }, [])).toEqual({});
  });
  it('a grant has no ground, and needs a motivation against a child signal', () => {
    expect(checkInzageBesluit({ besluit: 'toegewezen', weigeringsgronden: ['bescherming_ander'], motivering: '' }, [])).toHaveProperty('besluit.weigeringsgronden');
    expect(checkInzageBesluit({ besluit: 'toegewezen', weigeringsgronden: [], motivering: '' }, ['kind_jonger_dan_12'])).toHaveProperty('besluit.motivering');
    expect(checkInzageBesluit({ besluit: 'toegewezen', weigeringsgronden: [], motivering: '' }, ['gegevens_van_anderen'])).toEqual({});
    expect(checkInzageBesluit({ besluit: '', weigeringsgronden: [], motivering: '' }, [])).toHaveProperty('besluit.besluit');
  });
});
