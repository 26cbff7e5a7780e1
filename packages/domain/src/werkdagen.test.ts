import { describe, it, expect } from 'vitest';
import {
  addDays,
  createKalender,
  daysBetween,
  easterSunday,
  endOfLocalDay,
  feestdagen,
  isLocalDate,
  startOfLocalDay,
  toLocalDate,
  type LocalDate,
} from './werkdagen.ts';

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('rejects years outside the Gregorian range', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe('feestdagen', () => {
  it('lists the Algemene termijnenwet feestdagen of 2026, sorted', () => {
    expect(feestdagen(2026)).toEqual([
      { date: '2026-01-01', naam: 'Nieuwjaarsdag' },
      { date: '2026-04-03', naam: 'Goede Vrijdag' },
      { date: '2026-04-05', naam: 'Eerste Paasdag' },
      { date: '2026-04-06', naam: 'Tweede Paasdag' },
      { date: '2026-04-27', naam: 'Koningsdag' },
      { date: '2026-05-05', naam: 'Bevrijdingsdag' },
      { date: '2026-05-14', naam: 'Hemelvaartsdag' },
      { date: '2026-05-24', naam: 'Eerste Pinksterdag' },
      { date: '2026-05-25', naam: 'Tweede Pinksterdag' },
      { date: '2026-12-25', naam: 'Eerste Kerstdag' },
      { date: '2026-12-26', naam: 'Tweede Kerstdag' },
    ]);
  });

  const on = (year: number, naam: string) => feestdagen(year).find((f) => f.naam === naam)?.date;

  it('moves Koningsdag to 26 April when the 27th is a Sunday', () => {
    expect(on(2025, 'Koningsdag')).toBe('2025-04-26');
    expect(on(2014, 'Koningsdag')).toBe('2014-04-26');
    expect(on(2024, 'Koningsdag')).toBe('2024-04-27');
  });

  it('uses Koninginnedag on 30 April (29th when the 30th is a Sunday) before 2014', () => {
    expect(on(2013, 'Koninginnedag')).toBe('2013-04-30');
    expect(on(2006, 'Koninginnedag')).toBe('2006-04-29');
    expect(on(2013, 'Koningsdag')).toBeUndefined();
  });

  it('has Goede Vrijdag, Hemelvaart and Pinkstermaandag relative to Easter', () => {
    expect(on(2026, 'Goede Vrijdag')).toBe('2026-04-03');
    expect(on(2026, 'Hemelvaartsdag')).toBe('2026-05-14');
    expect(on(2026, 'Tweede Pinksterdag')).toBe('2026-05-25');
    expect(on(2024, 'Hemelvaartsdag')).toBe('2024-05-09');
    expect(on(2025, 'Tweede Paasdag')).toBe('2025-04-21');
  });

  it('keeps both names when two feestdagen coincide (Hemelvaart on 5 May 2005)', () => {
    const k = createKalender();
    expect(k.feestdagOf('2005-05-05')).toBe('Bevrijdingsdag / Hemelvaartsdag');
  });
});

describe('WerkdagKalender', () => {
  const k = createKalender();

  it('knows werkdagen, weekends and feestdagen', () => {
    expect(k.isWerkdag('2026-03-09')).toBe(true); // Monday
    expect(k.isWerkdag('2026-03-13')).toBe(true); // Friday
    expect(k.isWerkdag('2026-03-14')).toBe(false); // Saturday
    expect(k.isWerkdag('2026-03-15')).toBe(false); // Sunday
    expect(k.isWerkdag('2026-04-03')).toBe(false); // Goede Vrijdag
    expect(k.isWerkdag('2026-05-05')).toBe(false); // 5 mei on a Tuesday counts every year
    expect(k.isWerkdag('2026-05-14')).toBe(false); // Hemelvaartsdag
    expect(k.isWerkdag('2026-05-15')).toBe(true); // the Friday after is only a werkdag-closure when equated
    expect(k.isWerkdag('2025-04-26')).toBe(false); // Koningsdag on Saturday
    expect(k.isWerkdag('2025-04-28')).toBe(true); // no substitute day in the Atw
  });

  it('names feestdagen, also on weekends', () => {
    expect(k.feestdagOf('2026-05-05')).toBe('Bevrijdingsdag');
    expect(k.feestdagOf('2026-04-05')).toBe('Eerste Paasdag');
    expect(k.feestdagOf('2026-05-06')).toBeNull();
  });

  it('addWerkdagen: day 0 never counts, n = 0 returns the day itself', () => {
    expect(k.addWerkdagen('2026-03-09', 0)).toBe('2026-03-09');
    expect(k.addWerkdagen('2026-03-14', 0)).toBe('2026-03-14');
    expect(k.addWerkdagen('2026-03-09', 1)).toBe('2026-03-10');
    expect(k.addWerkdagen('2026-03-13', 1)).toBe('2026-03-16');
    expect(k.addWerkdagen('2026-03-09', 5)).toBe('2026-03-16');
  });

  it('addWerkdagen with a negative n counts back', () => {
    expect(k.addWerkdagen('2026-04-07', -1)).toBe('2026-04-02'); // over Easter
    expect(k.addWerkdagen('2026-03-16', -5)).toBe('2026-03-09');
  });

  it.each<[string, LocalDate, LocalDate]>([
    ['Easter (Goede Vrijdag, Tweede Paasdag)', '2026-04-02', '2026-04-13'],
    ['Koningsdag (Monday)', '2026-04-23', '2026-05-01'],
    ['5 mei (Tuesday)', '2026-04-30', '2026-05-08'],
    ['Hemelvaartsdag', '2026-05-11', '2026-05-19'],
    ['Pinksteren', '2026-05-20', '2026-05-28'],
    ['Christmas and New Year', '2025-12-24', '2026-01-05'],
    ['receipt on Saturday', '2026-03-07', '2026-03-13'],
    ['receipt on Sunday', '2026-03-08', '2026-03-13'],
  ])('5 werkdagen term around %s: %s → %s', (_label, start, due) => {
    expect(k.addWerkdagen(start, 5)).toBe(due);
    expect(k.werkdagenTussen(start, due)).toBe(5);
  });

  it('an equated day (Atw art. 3 lid 3) shifts the due date by one werkdag', () => {
    const withBridge = createKalender([{ date: '2026-05-15', naam: 'Vrijdag na Hemelvaart' }]);
    expect(withBridge.isWerkdag('2026-05-15')).toBe(false);
    expect(withBridge.feestdagOf('2026-05-15')).toBe('Vrijdag na Hemelvaart');
    expect(withBridge.addWerkdagen('2026-05-11', 5)).toBe('2026-05-20');
    expect(k.addWerkdagen('2026-05-11', 5)).toBe('2026-05-19');
    expect(withBridge.werkdagenTussen('2026-05-11', '2026-05-19')).toBe(4);
  });

  it('rejects an invalid equated day', () => {
    expect(() => createKalender([{ date: '2026-02-30', naam: 'x' }])).toThrow(RangeError);
  });

  it('werkdagenTussen counts from < w <= to, and 0 when to <= from', () => {
    expect(k.werkdagenTussen('2026-03-09', '2026-03-09')).toBe(0);
    expect(k.werkdagenTussen('2026-03-09', '2026-03-10')).toBe(1);
    expect(k.werkdagenTussen('2026-03-13', '2026-03-15')).toBe(0); // Fri → Sun
    expect(k.werkdagenTussen('2026-03-10', '2026-03-09')).toBe(0);
    expect(k.werkdagenTussen('2026-03-06', '2026-03-07')).toBe(0);
    expect(k.werkdagenTussen('2025-12-31', '2026-01-02')).toBe(1); // 1 January excluded
  });

  it('werkdagenTussen agrees with counting day by day, over years and weekday closures', () => {
    const naive = (from: LocalDate, to: LocalDate) => {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (k.isWerkdag(d)) n++;
      return n;
    };
    // 2026 has 253 werkdagen: 261 weekdays minus the 8 feestdagen on a weekday (Tweede Kerstdag
    // is a Saturday).
    expect(k.werkdagenTussen('2025-12-31', '2026-12-31')).toBe(naive('2025-12-31', '2026-12-31'));
    expect(k.werkdagenTussen('2025-12-31', '2026-12-31')).toBe(253);
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 200; i++) {
      const from = addDays('2023-06-01', rand(1200));
      const to = addDays(from, rand(90) - 5);
      expect(k.werkdagenTussen(from, to), `${from} → ${to}`).toBe(naive(from, to));
    }
  });

  it('addWerkdagen and werkdagenTussen are inverse', () => {
    for (let i = 0; i < 60; i++) {
      const d = addDays('2025-12-01', i * 3);
      for (const n of [1, 5, 23]) expect(k.werkdagenTussen(d, k.addWerkdagen(d, n))).toBe(n);
    }
  });

  it('rejects invalid input', () => {
    expect(() => k.isWerkdag('2026-3-9')).toThrow(RangeError);
    expect(() => k.addWerkdagen('2026-03-09', 1.5)).toThrow(RangeError);
  });
});

describe('Amsterdam calendar days', () => {
  it('takes the Amsterdam day, not the UTC day', () => {
    expect(toLocalDate(new Date('2026-03-05T23:30:00Z'))).toBe('2026-03-06'); // 00:30 CET
    expect(toLocalDate(new Date('2026-03-05T22:30:00Z'))).toBe('2026-03-05'); // 23:30 CET
    expect(toLocalDate('2026-07-01T22:30:00Z')).toBe('2026-07-02'); // 00:30 CEST
    expect(toLocalDate('2026-07-01T21:59:59.999Z')).toBe('2026-07-01');
    expect(toLocalDate('2026-07-01T22:00:00+02:00')).toBe('2026-07-01');
  });

  it('returns a LocalDate string unchanged and rejects garbage', () => {
    expect(toLocalDate('2026-03-05')).toBe('2026-03-05');
    expect(() => toLocalDate('yesterday')).toThrow(RangeError);
    expect(() => toLocalDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('handles the spring DST switch (29 March 2026, a 23-hour day)', () => {
    expect(startOfLocalDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfLocalDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(startOfLocalDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(toLocalDate('2026-03-29T22:30:00Z')).toBe('2026-03-30');
    expect(toLocalDate('2026-03-29T21:30:00Z')).toBe('2026-03-29');
  });

  it('handles the autumn DST switch (25 October 2026, a 25-hour day)', () => {
    expect(startOfLocalDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(endOfLocalDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
    expect(toLocalDate('2026-10-25T22:30:00Z')).toBe('2026-10-25'); // 23:30 CET
    expect(toLocalDate('2026-10-25T23:30:00Z')).toBe('2026-10-26');
    expect(toLocalDate('2026-10-24T22:30:00Z')).toBe('2026-10-25'); // 00:30 CEST
  });

  it('startOfLocalDay and endOfLocalDay bound the day', () => {
    for (const d of ['2026-01-15', '2026-03-29', '2026-07-15', '2026-10-25', '2024-02-29']) {
      expect(toLocalDate(startOfLocalDay(d))).toBe(d);
      expect(toLocalDate(new Date(startOfLocalDay(d).getTime() - 1))).toBe(addDays(d, -1));
      expect(toLocalDate(endOfLocalDay(d))).toBe(d);
      expect(toLocalDate(new Date(endOfLocalDay(d).getTime() + 1))).toBe(addDays(d, 1));
    }
  });

  it('addDays and daysBetween', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-29', 70)).toBe('2026-06-07');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-01', '2026-03-29')).toBe(28);
    expect(daysBetween('2026-03-29', '2026-03-01')).toBe(-28);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('isLocalDate is strict', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-04-31')).toBe(false);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('2025-00-10')).toBe(false);
    expect(isLocalDate('2025-1-01')).toBe(false);
    expect(isLocalDate('2025-01-01T00:00')).toBe(false);
    expect(isLocalDate(' 2025-01-01')).toBe(false);
    expect(isLocalDate('')).toBe(false);
  });
});
