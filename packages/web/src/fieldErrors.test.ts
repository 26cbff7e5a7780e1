import { meldingInputSchema } from '@voordeur/domain';
import { describe, expect, it } from 'vitest';
import {
  dutchMessage,
  errorsFor,
  fieldId,
  fromServerFields,
  fromZodIssues,
  parentKeys,
  pathKey,
} from './fieldErrors.ts';

describe('field error keys', () => {
  it('builds the same keys as the server (zodFields)', () => {
    expect(pathKey(['betrokkenen', 0, 'persoon', 'achternaam'])).toBe('betrokkenen[0].persoon.achternaam');
    expect(pathKey(['aanleiding', 2])).toBe('aanleiding[2]');
    expect(pathKey(['melder', 'hoedanigheid'])).toBe('melder.hoedanigheid');
    expect(pathKey([])).toBe('');
  });

  it('maps browser validation of the shared schema to the server keys', () => {
    const r = meldingInputSchema.safeParse({
      binnenkomst: 'telefoon',
      melder: { hoedanigheid: '', wilOnbekendBlijven: false },
      regio: 'eigen',
      betrokkenen: [{ persoon: { achternaam: '', geslacht: 'O' }, rol: 'kind' }],
      aanleiding: [],
      omschrijving: '',
    });
    expect(r.success).toBe(false);
    const errors = fromZodIssues(r.error!.issues);
    expect(errors['omschrijving']).toEqual(['Minimaal 10 tekens']);
    expect(errors['melder.hoedanigheid']).toEqual(['Kies een waarde']);
    expect(errors['betrokkenen[0].persoon.achternaam']).toEqual(['Verplicht veld']);
    expect(errors['betrokkenen[0].persoon.geboortedatum']?.[0]).toMatch(/Zonder BSN is de geboortedatum verplicht/);
    expect(errors['gemeenteCode']).toEqual(['Kies de gemeente (regio is eigen regio)']);
    expect(errors['aanleiding']).toEqual(['Kies minstens één aanleiding']);
  });

  it('takes the server fields and translates zod’s English defaults', () => {
    const errors = fromServerFields([
      {
        field: 'betrokkenen[1].rol',
        rule: 'codelijst',
        message: "'x' staat niet in de codelijst betrokkene_rol (versie v2-2019)",
      },
      { field: 'binnenkomst', rule: 'invalid_type', message: 'Invalid input: expected string, received undefined' },
      { field: 'aanleiding[1]', rule: 'codelijst', message: "'y' staat niet in de codelijst aanleiding" },
      { field: 'aanleiding[1]', rule: 'codelijst', message: "'y' staat niet in de codelijst aanleiding" },
    ]);
    expect(errors['binnenkomst']).toEqual(['Kies of vul een waarde in']);
    expect(errors['betrokkenen[1].rol']![0]).toMatch(/codelijst/);
    expect(errors['aanleiding[1]']).toHaveLength(1);
    expect(dutchMessage('too_small', 'Minimaal 10 tekens')).toBe('Minimaal 10 tekens');
  });

  it('shows list-item errors at the list, nested errors only when asked', () => {
    const errors = {
      aanleiding: ['a'],
      'aanleiding[1]': ['b'],
      'betrokkenen[0].persoon': ['c'],
      'betrokkenen[0].persoon.achternaam': ['d'],
      aard: ['e'],
    };
    expect(errorsFor(errors, 'aanleiding')).toEqual(['a', 'b']);
    expect(errorsFor(errors, 'aan')).toEqual([]);
    expect(errorsFor(errors, 'betrokkenen[0]')).toEqual([]);
    expect(errorsFor(errors, 'betrokkenen[0]', { nested: true })).toEqual(['c', 'd']);
    expect(
      errorsFor(errors, 'betrokkenen[0]', { nested: true, exclude: ['betrokkenen[0].persoon.achternaam'] }),
    ).toEqual(['c']);
  });

  it('derives DOM ids and parent keys', () => {
    expect(fieldId('betrokkenen[0].persoon.achternaam')).toBe('f-betrokkenen-0-persoon-achternaam');
    expect(fieldId('aanleiding[2]')).toBe('f-aanleiding-2');
    expect(parentKeys('betrokkenen[0].persoon.achternaam')).toEqual([
      'betrokkenen[0].persoon',
      'betrokkenen[0]',
      'betrokkenen',
    ]);
    expect(parentKeys('omschrijving')).toEqual([]);
  });
});
