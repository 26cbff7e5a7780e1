import { describe, expect, it } from 'vitest';
import {
  adviesvraagIdentificatieFouten,
  huishoudenRollen,
  amsterdamDatumTijd,
  amsterdamMoment,
  identificerendeGegevens,
  melderFouten,
  parseDatumInvoer,
  parseTijdInvoer,
} from './intakeRegels.ts';

const today = '2026-11-22';

describe('identificerendeGegevens', () => {
  it('finds an elfproef BSN, also grouped, and not another 9-digit number', () => {
    expect(identificerendeGegevens('BSN 123456782 bekend', today)).toEqual([
      { soort: 'bsn', tekst: 'een BSN (eindigend op 782)' },
    ]);
    expect(identificerendeGegevens('bsn 1234.56.782', today).map((g) => g.soort)).toEqual(['bsn']);
    expect(identificerendeGegevens('dossier 123456789', today)).toEqual([]);
  });
  it('finds a postcode with a house number before or after it, not a postcode alone', () => {
    expect(identificerendeGegevens('woont op 1234 AB 5', today).map((g) => g.tekst)).toEqual([
      'een postcode met huisnummer (1234 AB)',
    ]);
    expect(identificerendeGegevens('Kastanjelaan 4, 1234ab Diemen', today).map((g) => g.soort)).toEqual(['adres']);
    expect(identificerendeGegevens('ergens in 1094HB', today)).toEqual([]);
  });
  it('finds dates of birth: after "geboren", or full dates older than a year', () => {
    expect(identificerendeGegevens('kind geboren op 3-4-2026', today).map((g) => g.soort)).toEqual(['geboortedatum']);
    expect(identificerendeGegevens('moeder (12 maart 1988) belt', today).map((g) => g.soort)).toEqual([
      'geboortedatum',
    ]);
    expect(identificerendeGegevens('geb. 20150312', today).map((g) => g.soort)).toEqual(['geboortedatum']);
    expect(identificerendeGegevens('op 20-11-2026 was er ruzie', today)).toEqual([]);
    expect(identificerendeGegevens('sinds 2019 gescheiden, 4 kinderen', today)).toEqual([]);
  });
  it('names the field, the rule and what was found', () => {
    const f = adviesvraagIdentificatieFouten(
      { vraag: 'Buurvrouw Fatima (Kastanjelaan 4, 1234 AB, BSN 123456782)', advies: 'Bel terug.' },
      today,
    );
    expect(f).toEqual([expect.objectContaining({ field: 'vraag', rule: 'geen_identificerende_gegevens' })]);
    expect(f[0]!.message).toContain('een BSN (eindigend op 782) en een postcode met huisnummer (1234 AB)');
    expect(f[0]!.message).toContain('registreer een melding als dat nodig is');
  });
});

describe('melderFouten', () => {
  it('requires a name and an organisation or contact', () => {
    expect(melderFouten({ hoedanigheid: 'politie' }).map((f) => [f.field, f.rule])).toEqual([
      ['melder.naam', 'melder_bekend'],
      ['melder.organisatie', 'melder_bereikbaar'],
    ]);
    expect(melderFouten({ naam: 'M. Verhoeven', telefoon: '020 555 0199' })).toEqual([]);
    expect(melderFouten({ naam: 'A', email: 'a@b.nl' })).toEqual([]);
    expect(melderFouten({ naam: 'A', organisatie: 'Politie' })).toEqual([]);
  });
});

describe('ontvangstmoment as Amsterdam date and time', () => {
  it('parses and round-trips, also across the change to winter time', () => {
    expect(parseDatumInvoer('22-11-2026')).toBe('2026-11-22');
    expect(parseDatumInvoer('31-11-2026')).toBeNull();
    expect(parseTijdInvoer('9:05')).toBe(545);
    expect(parseTijdInvoer('24:00')).toBeNull();
    expect(amsterdamMoment('2026-11-22', 14 * 60 + 30).toISOString()).toBe('2026-11-22T13:30:00.000Z');
    expect(amsterdamMoment('2026-07-01', 14 * 60 + 30).toISOString()).toBe('2026-07-01T12:30:00.000Z');
    expect(amsterdamMoment('2026-10-25', 12 * 60).toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(amsterdamMoment('2026-03-29', 12 * 60).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(amsterdamDatumTijd(new Date('2026-11-22T13:30:00Z'))).toEqual({ datum: '22-11-2026', tijd: '14:30' });
  });
});

describe('huishoudenRollen (the household diagram)', () => {
  const volw = (rol: string) => ({ rol, minderjarig: false });
  const minder = (rol: string) => ({ rol, minderjarig: true });
  const geen = { aanleiding: [] as string[], minderjarigInHuishouden: false };
  const partnergeweld = { aanleiding: ['partnergeweld'], minderjarigInHuishouden: false };
  it.each([
    ['slachtoffer + pleger, adults, no children', [volw('slachtoffer'), volw('pleger')], geen, ['partner', 'partner']],
    [
      'slachtoffer + pleger + kind',
      [volw('slachtoffer'), volw('pleger'), volw('kind')],
      geen,
      ['ouder_verzorger', 'ouder_verzorger', 'kind'],
    ],
    [
      'slachtoffer + pleger, a child already in the household',
      [volw('slachtoffer'), volw('pleger')],
      { aanleiding: [], minderjarigInHuishouden: true },
      ['ouder_verzorger', 'ouder_verzorger'],
    ],
    ['minor slachtoffer + adult pleger', [minder('slachtoffer'), volw('pleger')], geen, ['kind', 'ouder_verzorger']],
    ['adult slachtoffer alone, partnergeweld', [volw('slachtoffer')], partnergeweld, ['partner']],
    ['adult pleger alone, partnergeweld', [volw('pleger')], partnergeweld, ['partner']],
    ['adult slachtoffer alone, no partnergeweld', [volw('slachtoffer')], geen, ['overig']],
    ['pleger + kind', [volw('pleger'), volw('kind')], geen, ['ouder_verzorger', 'kind']],
    [
      'slachtoffer + getuige + kind',
      [volw('slachtoffer'), volw('getuige'), volw('kind')],
      geen,
      ['ouder_verzorger', 'overig', 'kind'],
    ],
    ['minor getuige + adult slachtoffer', [volw('slachtoffer'), minder('getuige')], geen, ['ouder_verzorger', 'kind']],
    ['minor pleger + adult slachtoffer', [volw('slachtoffer'), minder('pleger')], geen, ['ouder_verzorger', 'kind']],
    ['adult overig', [volw('overig'), volw('slachtoffer'), volw('pleger')], geen, ['overig', 'partner', 'partner']],
    [
      'ouderenmishandeling: slachtoffer + pleger',
      [volw('slachtoffer'), volw('pleger')],
      { aanleiding: ['ouderenmishandeling'], minderjarigInHuishouden: false },
      ['overig', 'overig'],
    ],
    [
      'geweld tegen ouders: the parent is slachtoffer, the adult child pleger',
      [volw('slachtoffer'), volw('pleger')],
      { aanleiding: ['geweld_tegen_ouders'], minderjarigInHuishouden: false },
      ['ouder_verzorger', 'overig'],
    ],
    [
      'unknown ages: slachtoffer + pleger + kind',
      [
        { rol: 'slachtoffer', minderjarig: null },
        { rol: 'pleger', minderjarig: null },
        { rol: 'kind', minderjarig: null },
      ],
      geen,
      ['ouder_verzorger', 'ouder_verzorger', 'kind'],
    ],
    [
      'a role chosen at intake is kept',
      [{ ...volw('slachtoffer'), huishoudenRol: 'overig' }, volw('pleger'), volw('kind')],
      geen,
      ['overig', 'ouder_verzorger', 'kind'],
    ],
  ])('%s', (_naam, betrokkenen, ctx, verwacht) => {
    expect(huishoudenRollen(betrokkenen, ctx)).toEqual(verwacht);
  });
});
