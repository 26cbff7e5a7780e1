import { describe, expect, it } from 'vitest';
import { ValidationError } from '../http/errors.ts';
import { halfjaarPeriode, periodeUit } from './periode.ts';

describe('half-years', () => {
  it('gives the calendar days of a half-year', () => {
    expect(halfjaarPeriode('2026H1')).toEqual({ van: '2026-01-01', tot: '2026-06-30', halfjaar: '2026H1' });
    expect(halfjaarPeriode('2019H2')).toEqual({ van: '2019-07-01', tot: '2019-12-31', halfjaar: '2019H2' });
  });
  it('refuses a year outside 2000–2100 with a 400 naming query.halfjaar', () => {
    for (const h of ['9999H1', '0000H2', '1999H2', '2101H1']) {
      let err: unknown;
      try {
        periodeUit({ halfjaar: h }, '2026-12-05');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fields).toEqual([
        expect.objectContaining({ field: 'query.halfjaar', rule: 'bereik' }),
      ]);
    }
  });
});
