import { describe, it, expect } from 'vitest';
import {
  beoordelingClock,
  CLOCK_KIND_LABEL,
  CLOCK_STATE_LABEL,
  DEFAULT_CLOCK_POLICY,
  dienstClock,
  doorlooptijdWerkdagen,
  informerenClock,
  monitoringClock,
  dienstTermijnEinde,
  terugkoppelingClock,
  worstState,
  type ClockState,
} from './clocks.ts';
import { atwEinde, atwVanToepassing, createKalender } from './werkdagen.ts';

const k = createKalender();

/** An instant given as Amsterdam wall-clock time in winter (CET, UTC+1). */
const cet = (local: string) => new Date(`${local}+01:00`);
/** An instant given as Amsterdam wall-clock time in summer (CEST, UTC+2). */
const cest = (local: string) => new Date(`${local}+02:00`);

describe('beoordelingClock: due date (5 werkdagen after the day of receipt)', () => {
  it.each([
    ['Easter: Thu, Goede Vrijdag and Tweede Paasdag skipped', cest('2026-04-02T10:00'), '2026-04-13'],
    ['Koningsdag on Monday 27 April', cest('2026-04-23T10:00'), '2026-05-01'],
    ['5 mei on a Tuesday', cest('2026-04-30T10:00'), '2026-05-08'],
    ['Hemelvaartsdag', cest('2026-05-11T10:00'), '2026-05-19'],
    ['Tweede Pinksterdag', cest('2026-05-20T10:00'), '2026-05-28'],
    ['Christmas and New Year', cet('2025-12-24T16:00'), '2026-01-05'],
    ['receipt on Saturday', cet('2026-03-07T11:00'), '2026-03-13'],
    ['receipt on Sunday', cet('2026-03-08T11:00'), '2026-03-13'],
    ['receipt at 23:30 Amsterdam time', cet('2026-03-05T23:30'), '2026-03-12'],
    ['receipt at 00:30 Amsterdam time (still the previous day in UTC)', cet('2026-03-06T00:30'), '2026-03-13'],
    ['receipt just after the spring DST switch night (UTC still Sunday)', cest('2026-03-30T00:30'), '2026-04-08'],
    ['receipt on the autumn DST switch day (Sunday), 23:30', cet('2026-10-25T23:30'), '2026-10-30'],
    ['receipt at 00:30 on the next day after the autumn switch', cet('2026-10-26T00:30'), '2026-11-02'],
    ['receipt at 00:30 on the autumn DST switch day (UTC still Saturday)', cest('2026-10-25T00:30'), '2026-10-30'],
  ])('%s → due %s', (_label, receivedAt, due) => {
    const c = beoordelingClock(k, receivedAt, null, receivedAt);
    expect(c.due).toBe(due);
    expect(c.kind).toBe('veiligheidsbeoordeling');
    expect(c.unit).toBe('werkdagen');
    expect(c.startedAt).toBe(receivedAt.toISOString());
  });

  it('dueAt is the end of the due day in Amsterdam (summer and winter time)', () => {
    expect(beoordelingClock(k, cest('2026-04-02T10:00'), null, cest('2026-04-02T10:00')).dueAt).toBe(
      '2026-04-13T21:59:59.999Z',
    );
    expect(beoordelingClock(k, cet('2025-12-24T16:00'), null, cet('2025-12-24T16:00')).dueAt).toBe(
      '2026-01-05T22:59:59.999Z',
    );
  });

  it('an equated day shifts the due date by one werkdag', () => {
    const bridge = createKalender([{ date: '2026-05-15', naam: 'Vrijdag na Hemelvaart' }]);
    const at = cest('2026-05-11T10:00');
    expect(beoordelingClock(k, at, null, at).due).toBe('2026-05-19');
    expect(beoordelingClock(bridge, at, null, at).due).toBe('2026-05-20');
  });

  it('follows a policy with another term', () => {
    const at = cet('2026-03-02T10:00');
    const c = beoordelingClock(k, at, null, at, { ...DEFAULT_CLOCK_POLICY, beoordelingWerkdagen: 3 });
    expect(c.due).toBe('2026-03-05');
  });
});

describe('beoordelingClock: states (received Mon 2 March 2026, due Mon 9 March)', () => {
  const received = cet('2026-03-02T10:00');

  it('on_time with 4 werkdagen left on Tuesday', () => {
    const c = beoordelingClock(k, received, null, cet('2026-03-03T09:00'));
    expect(c).toMatchObject({ due: '2026-03-09', state: 'on_time', daysLeft: 4, elapsed: 1, metAt: null });
  });

  it('on_time with 2 werkdagen left on Thursday', () => {
    expect(beoordelingClock(k, received, null, cet('2026-03-05T09:00')).state).toBe('on_time');
  });

  it('at_risk with 1 werkdag left on Friday, and over the weekend', () => {
    expect(beoordelingClock(k, received, null, cet('2026-03-06T09:00'))).toMatchObject({
      state: 'at_risk',
      daysLeft: 1,
      elapsed: 4,
    });
    expect(beoordelingClock(k, received, null, cet('2026-03-08T12:00'))).toMatchObject({
      state: 'at_risk',
      daysLeft: 1,
    });
  });

  it('at_risk with 0 left on the due day, until 23:59 Amsterdam time', () => {
    expect(beoordelingClock(k, received, null, cet('2026-03-09T23:59'))).toMatchObject({
      state: 'at_risk',
      daysLeft: 0,
      elapsed: 5,
    });
  });

  it('overdue from 00:00 Amsterdam time after the due day (UTC still the due day)', () => {
    const c = beoordelingClock(k, received, null, cet('2026-03-10T00:30'));
    expect(c).toMatchObject({ state: 'overdue', daysLeft: -1, elapsed: 6 });
  });

  it('daysLeft counts werkdagen late', () => {
    expect(beoordelingClock(k, received, null, cet('2026-03-12T12:00')).daysLeft).toBe(-3);
    expect(beoordelingClock(k, received, null, cet('2026-03-16T12:00')).daysLeft).toBe(-5);
  });

  it('is negative on the weekend right after a Friday due day', () => {
    const thu = cet('2026-03-05T10:00'); // due Thu 12 March
    const fri = cet('2026-03-06T10:00'); // due Fri 13 March
    expect(beoordelingClock(k, thu, null, cet('2026-03-13T10:00'))).toMatchObject({ state: 'overdue', daysLeft: -1 });
    expect(beoordelingClock(k, fri, null, cet('2026-03-14T10:00'))).toMatchObject({ state: 'overdue', daysLeft: -1 });
    expect(beoordelingClock(k, fri, null, cet('2026-03-16T10:00'))).toMatchObject({ state: 'overdue', daysLeft: -1 });
    expect(beoordelingClock(k, fri, null, cet('2026-03-17T10:00'))).toMatchObject({ state: 'overdue', daysLeft: -2 });
  });

  it('met on the due day, whatever now is', () => {
    const met = cet('2026-03-09T17:00');
    const c = beoordelingClock(k, received, met, cet('2026-04-20T10:00'));
    expect(c).toMatchObject({ state: 'met', daysLeft: 0, elapsed: 5, metAt: met.toISOString() });
  });

  it('met early keeps the werkdagen that were left', () => {
    const c = beoordelingClock(k, received, cet('2026-03-03T11:00'), cet('2026-03-20T10:00'));
    expect(c).toMatchObject({ state: 'met', daysLeft: 4, elapsed: 1 });
  });

  it('met_late the day after, with a negative daysLeft', () => {
    const c = beoordelingClock(k, received, cet('2026-03-10T08:00'), cet('2026-03-20T10:00'));
    expect(c).toMatchObject({ state: 'met_late', daysLeft: -1, elapsed: 6 });
  });

  it('met_late is judged on the Amsterdam day of the beoordeling', () => {
    // 23:30 UTC on the due day is 00:30 the next day in Amsterdam.
    const c = beoordelingClock(k, received, new Date('2026-03-09T23:30:00Z'), cet('2026-03-20T10:00'));
    expect(c.state).toBe('met_late');
    const d = beoordelingClock(k, received, new Date('2026-03-09T22:30:00Z'), cet('2026-03-20T10:00'));
    expect(d.state).toBe('met');
  });

  it('is plain JSON', () => {
    const c = beoordelingClock(k, received, null, cet('2026-03-03T09:00'));
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

describe('dienstClock (10 weeks from the beoordeling, calendar days)', () => {
  const beoordeeld = cet('2026-03-09T15:00');

  it('is due 70 days after the day of the beoordeling', () => {
    const c = dienstClock(k, beoordeeld, null, cet('2026-03-10T09:00'));
    expect(c).toMatchObject({
      kind: 'dienst',
      unit: 'dagen',
      due: '2026-05-18',
      daysLeft: 69,
      elapsed: 1,
      state: 'on_time',
    });
    expect(c.dueAt).toBe('2026-05-18T21:59:59.999Z');
  });

  it('at_risk from 14 days left', () => {
    expect(dienstClock(k, beoordeeld, null, cest('2026-05-03T12:00'))).toMatchObject({
      state: 'on_time',
      daysLeft: 15,
    });
    expect(dienstClock(k, beoordeeld, null, cest('2026-05-04T12:00'))).toMatchObject({
      state: 'at_risk',
      daysLeft: 14,
    });
  });

  it('overdue after the due day, with negative daysLeft', () => {
    expect(dienstClock(k, beoordeeld, null, cest('2026-05-20T12:00'))).toMatchObject({
      state: 'overdue',
      daysLeft: -2,
      elapsed: 72,
    });
  });

  it('met and met_late', () => {
    expect(dienstClock(k, beoordeeld, cest('2026-05-18T23:00'), cest('2026-06-01T12:00'))).toMatchObject({
      state: 'met',
      daysLeft: 0,
      elapsed: 70,
    });
    expect(dienstClock(k, beoordeeld, cest('2026-05-19T08:00'), cest('2026-06-01T12:00'))).toMatchObject({
      state: 'met_late',
      daysLeft: -1,
    });
  });
});

describe('informerenClock (4 weeks, extensions of at most 2 weeks with reason)', () => {
  const recorded = cet('2026-03-02T10:00');

  it('is due 28 days after the day of recording', () => {
    expect(informerenClock(k, recorded, [], null, cet('2026-03-02T10:00'))).toMatchObject({
      kind: 'informeren',
      unit: 'dagen',
      due: '2026-03-30',
      daysLeft: 28,
      state: 'on_time',
    });
  });

  it('an extension of 2 weeks adds 14 days; extensions add up', () => {
    expect(informerenClock(k, recorded, [{ weken: 2, reden: 'Melder nog niet bereikt' }], null, recorded).due).toBe(
      '2026-04-13',
    );
    const two = [
      { weken: 2, reden: 'Melder nog niet bereikt' },
      { weken: 1, reden: 'Gezin op vakantie' },
    ];
    expect(informerenClock(k, recorded, two, null, recorded).due).toBe('2026-04-20');
  });

  it('rejects an extension of 3 weeks, 0 weeks or part of a week', () => {
    expect(() => informerenClock(k, recorded, [{ weken: 3, reden: 'x' }], null, recorded)).toThrow(Error);
    expect(() => informerenClock(k, recorded, [{ weken: 0, reden: 'x' }], null, recorded)).toThrow(Error);
    expect(() => informerenClock(k, recorded, [{ weken: 1.5, reden: 'x' }], null, recorded)).toThrow(Error);
  });

  it('rejects an extension without reason', () => {
    expect(() => informerenClock(k, recorded, [{ weken: 2, reden: '' }], null, recorded)).toThrow(/reden/);
    expect(() => informerenClock(k, recorded, [{ weken: 2, reden: '   ' }], null, recorded)).toThrow(/reden/);
  });

  it('at_risk from 7 days left, overdue after, met', () => {
    expect(informerenClock(k, recorded, [], null, cest('2026-03-22T12:00')).state).toBe('on_time');
    expect(informerenClock(k, recorded, [], null, cest('2026-03-23T12:00'))).toMatchObject({
      state: 'at_risk',
      daysLeft: 7,
    });
    expect(informerenClock(k, recorded, [], null, cest('2026-04-01T12:00'))).toMatchObject({
      state: 'overdue',
      daysLeft: -2,
    });
    expect(informerenClock(k, recorded, [], cest('2026-03-30T12:00'), cest('2026-04-01T12:00')).state).toBe('met');
  });
});

describe('terugkoppelingClock (5 werkdagen after the trigger, policy)', () => {
  it('counts werkdagen like the beoordeling', () => {
    const trigger = cest('2026-04-02T10:00');
    const c = terugkoppelingClock(k, trigger, null, cest('2026-04-10T10:00'));
    expect(c).toMatchObject({
      kind: 'terugkoppeling',
      unit: 'werkdagen',
      due: '2026-04-13',
      daysLeft: 1,
      state: 'at_risk',
    });
    expect(terugkoppelingClock(k, trigger, cest('2026-04-14T10:00'), cest('2026-04-20T10:00')).state).toBe('met_late');
  });
});

describe('monitoringClock (13 weeks after the overdracht or the last monitoringcontact, calendar days)', () => {
  const overgedragen = cet('2026-03-03T10:00'); // Tuesday 3 March 2026

  it.each([
    ['overdracht Tue 3 March (CET), no contact', cet('2026-03-03T10:00'), null, '2026-06-02'],
    ['overdracht at 23:30 Amsterdam time', cet('2026-03-03T23:30'), null, '2026-06-02'],
    ['contact Mon 20 April (CEST) restarts the term', overgedragen, cest('2026-04-20T14:00'), '2026-07-20'],
    ['contact at 00:30 CEST (UTC still the previous day)', overgedragen, cest('2026-04-20T00:30'), '2026-07-20'],
    ['a contact before the overdracht is ignored', overgedragen, cet('2026-02-20T10:00'), '2026-06-02'],
    ['overdracht in summer, due after the autumn DST switch', cest('2026-09-01T10:00'), null, '2026-12-01'],
  ])('%s → due %s', (_label, ov, contact, due) => {
    const c = monitoringClock(ov, contact, null, ov);
    expect(c.kind).toBe('monitoring');
    expect(c.unit).toBe('dagen');
    expect(c.due).toBe(due);
    expect(c.startedAt).toBe((contact && contact > ov ? contact : ov).toISOString());
  });

  it('on time, at risk in the last 14 days, overdue after the due day', () => {
    expect(monitoringClock(overgedragen, null, null, cest('2026-05-18T12:00'))).toMatchObject({
      state: 'on_time',
      daysLeft: 15,
    });
    expect(monitoringClock(overgedragen, null, null, cest('2026-05-19T12:00'))).toMatchObject({
      state: 'at_risk',
      daysLeft: 14,
    });
    expect(monitoringClock(overgedragen, null, null, cest('2026-06-02T23:59'))).toMatchObject({
      state: 'at_risk',
      daysLeft: 0,
    });
    expect(monitoringClock(overgedragen, null, null, cest('2026-06-03T00:01'))).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
    });
    expect(monitoringClock(overgedragen, null, null, cest('2026-06-12T12:00'))).toMatchObject({
      state: 'overdue',
      daysLeft: -10,
      elapsed: 101,
    });
  });

  it('a contact brings an overdue clock back on time', () => {
    const now = cest('2026-06-12T12:00');
    expect(monitoringClock(overgedragen, cest('2026-06-10T09:00'), null, now)).toMatchObject({
      state: 'on_time',
      due: '2026-09-09',
      daysLeft: 89,
      elapsed: 2,
    });
  });

  it('met when the melding is closed: on time or late', () => {
    expect(monitoringClock(overgedragen, null, cest('2026-06-01T16:00'), cest('2026-07-01T12:00'))).toMatchObject({
      state: 'met',
      daysLeft: 1,
      metAt: cest('2026-06-01T16:00').toISOString(),
    });
    expect(monitoringClock(overgedragen, null, cest('2026-06-10T16:00'), cest('2026-07-01T12:00'))).toMatchObject({
      state: 'met_late',
      daysLeft: -8,
    });
  });

  it('the interval is policy: 26 weeks, or 4 weeks with at risk from 7 days', () => {
    expect(
      monitoringClock(overgedragen, null, null, overgedragen, { ...DEFAULT_CLOCK_POLICY, monitoringWeken: 26 }).due,
    ).toBe('2026-09-01');
    const p = { ...DEFAULT_CLOCK_POLICY, monitoringWeken: 4, monitoringAtRisk: 7 };
    expect(monitoringClock(overgedragen, null, null, cet('2026-03-23T12:00'), p)).toMatchObject({
      due: '2026-03-31',
      state: 'on_time',
      daysLeft: 8,
    });
    expect(monitoringClock(overgedragen, null, null, cest('2026-03-31T12:00'), p)).toMatchObject({
      state: 'at_risk',
      daysLeft: 0,
    });
  });

  it('refuses an interval that is not a positive whole number of weeks', () => {
    expect(() =>
      monitoringClock(overgedragen, null, null, overgedragen, { ...DEFAULT_CLOCK_POLICY, monitoringWeken: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      monitoringClock(overgedragen, null, null, overgedragen, { ...DEFAULT_CLOCK_POLICY, monitoringWeken: 1.5 }),
    ).toThrow(RangeError);
  });
});

describe('doorlooptijdWerkdagen', () => {
  it('counts werkdagen from the day of receipt to the day of the beoordeling', () => {
    const received = cest('2026-04-02T10:00');
    expect(doorlooptijdWerkdagen(k, received, cest('2026-04-02T16:00'))).toBe(0);
    expect(doorlooptijdWerkdagen(k, received, cest('2026-04-07T16:00'))).toBe(1);
    expect(doorlooptijdWerkdagen(k, received, cest('2026-04-13T16:00'))).toBe(5);
    expect(doorlooptijdWerkdagen(k, received, cest('2026-04-14T00:10'))).toBe(6);
  });
});

describe('worstState and labels', () => {
  it('orders overdue > at_risk > on_time > met_late > met', () => {
    expect(worstState(['met', 'overdue', 'at_risk'])).toBe('overdue');
    expect(worstState(['met', 'on_time', 'at_risk'])).toBe('at_risk');
    expect(worstState(['met_late', 'on_time'])).toBe('on_time');
    expect(worstState(['met', 'met_late'])).toBe('met_late');
    expect(worstState(['met'])).toBe('met');
    expect(worstState([])).toBe('met');
  });

  it('has Dutch labels for every state and kind', () => {
    const states: ClockState[] = ['on_time', 'at_risk', 'overdue', 'met_late', 'met'];
    expect(states.map((s) => CLOCK_STATE_LABEL[s])).toEqual([
      'op tijd',
      'dreigt te laat',
      'te laat',
      'te laat afgerond',
      'op tijd afgerond',
    ]);
    expect(CLOCK_KIND_LABEL).toEqual({
      veiligheidsbeoordeling: 'Veiligheidsbeoordeling',
      dienst: 'Dienst (10 weken)',
      informeren: 'Informeren betrokkenen',
      terugkoppeling: 'Terugkoppeling melder',
      monitoring: 'Monitoring',
    });
  });

  it('default policy matches the statutory terms (and the monitoring policy default)', () => {
    expect(DEFAULT_CLOCK_POLICY).toEqual({
      beoordelingWerkdagen: 5,
      beoordelingAtRisk: 1,
      dienstWeken: 10,
      dienstAtRisk: 14,
      informerenWeken: 4,
      informerenMaxVerlengingWeken: 2,
      informerenAtRisk: 7,
      terugkoppelingWerkdagen: 5,
      terugkoppelingAtRisk: 1,
      monitoringWeken: 13,
      monitoringAtRisk: 14,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Algemene termijnenwet (Atw) art. 1 and 4A, checked against a calculation written independently of
// werkdagen.ts: the feestdagen of art. 3 for 2019–2028 typed in by hand from the calendar, the days
// walked one by one on UTC dates.

/** Atw art. 3 lid 1 and 2 for 2019–2028, by hand (Koningsdag 2025 on Saturday the 26th: the 27th was a Sunday). */
const FEESTDAGEN_2019_2028 = new Set(
  [
    // Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, Tweede Pinksterdag, Kerst
    ['2019-01-01', '2019-04-19', '2019-04-22', '2019-04-27', '2019-05-05', '2019-05-30', '2019-06-10'],
    ['2020-01-01', '2020-04-10', '2020-04-13', '2020-04-27', '2020-05-05', '2020-05-21', '2020-06-01'],
    ['2021-01-01', '2021-04-02', '2021-04-05', '2021-04-27', '2021-05-05', '2021-05-13', '2021-05-24'],
    ['2022-01-01', '2022-04-15', '2022-04-18', '2022-04-27', '2022-05-05', '2022-05-26', '2022-06-06'],
    ['2023-01-01', '2023-04-07', '2023-04-10', '2023-04-27', '2023-05-05', '2023-05-18', '2023-05-29'],
    ['2024-01-01', '2024-03-29', '2024-04-01', '2024-04-27', '2024-05-05', '2024-05-09', '2024-05-20'],
    ['2025-01-01', '2025-04-18', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-09'],
    ['2026-01-01', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25'],
    ['2027-01-01', '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17'],
    ['2028-01-01', '2028-04-14', '2028-04-17', '2028-04-27', '2028-05-05', '2028-05-25', '2028-06-05'],
  ].flatMap((y) => [...y, `${y[0]!.slice(0, 4)}-12-25`, `${y[0]!.slice(0, 4)}-12-26`]),
);
/** Days equated by decree (art. 3 lid 3) for the test: the Friday after Hemelvaartsdag, 2019–2027. */
const GELIJKGESTELD = [
  '2019-05-31',
  '2020-05-22',
  '2021-05-14',
  '2022-05-27',
  '2023-05-19',
  '2024-05-10',
  '2025-05-30',
  '2026-05-15',
  '2027-05-07',
];

const utc = (d: string) => new Date(`${d}T00:00:00Z`);
const dag = (t: Date) => t.toISOString().slice(0, 10);
const plusDagen = (d: string, n: number) => dag(new Date(utc(d).getTime() + n * 86_400_000));
const vrij = (d: string, gelijk: Set<string>) =>
  [0, 6].includes(utc(d).getUTCDay()) || FEESTDAGEN_2019_2028.has(d) || gelijk.has(d);
/** The law by hand: start + weeks; while that day is a Saturday, Sunday, feestdag or equated day, the next day. */
function wettelijkEinde(start: string, weken: number, gelijk: Set<string>): string {
  let d = plusDagen(start, weken * 7);
  if (weken > 12) return d;
  while (vrij(d, gelijk)) d = plusDagen(d, 1);
  return d;
}
const startDagen: string[] = [];
for (let d = '2019-01-01'; d <= '2027-12-31'; d = plusDagen(d, 1)) startDagen.push(d);
/** 12:00 Amsterdam on day d (13:00 CET / 14:00 CEST are both still day d). */
const middag = (d: string) => new Date(`${d}T10:00:00Z`);

describe('Algemene termijnenwet: a statutory term ending on a Saturday, Sunday or feestdag runs on', () => {
  const kGelijk = createKalender(GELIJKGESTELD.map((date) => ({ date, naam: 'Vrijdag na Hemelvaartsdag' })));
  const gelijk = new Set(GELIJKGESTELD);

  it.each([
    ['10-week dienst term', 10],
    ['4-week informeren term', 4],
    ['6-week informeren term (one extension of 2 weeks)', 6],
  ])('%s: every start day of 2019–2027, without and with equated days', (_label, weken) => {
    let weekendOfFeestdag = 0;
    for (const [kal, gl] of [
      [k, new Set<string>()],
      [kGelijk, gelijk],
    ] as const) {
      for (const start of startDagen) {
        const verwacht = wettelijkEinde(start, weken, gl);
        const due =
          weken === 10
            ? dienstClock(kal, middag(start), null, middag(start)).due
            : informerenClock(
                kal,
                middag(start),
                weken === 6 ? [{ weken: 2, reden: 'Betrokkene nog niet bereikt' }] : [],
                null,
                middag(start),
              ).due;
        if (due !== verwacht) expect(`${start}: ${due}`).toBe(`${start}: ${verwacht}`);
        if (verwacht !== plusDagen(start, weken * 7)) weekendOfFeestdag++;
      }
    }
    // Every weekday start gives a weekday end, so about 2/7 of the ends (plus the feestdagen) move.
    expect(weekendOfFeestdag).toBeGreaterThan((2 * 2 * startDagen.length) / 7);
  });

  it('the issue examples: Eerste Kerstdag 2019, a beoordeling on a Saturday', () => {
    // Beoordeling Wednesday 16-10-2019: 70 days later is Wednesday 25-12-2019 (Eerste Kerstdag), then
    // Tweede Kerstdag: due Friday 27-12-2019, and closing that day is on time (it was late).
    const c = dienstClock(k, cet('2019-10-16T14:00'), cet('2019-12-27T16:00'), cet('2020-01-02T09:00'));
    expect(c).toMatchObject({ due: '2019-12-27', state: 'met', daysLeft: 0 });
    // Beoordeling Saturday 19-10-2019: the term ends Saturday 28-12-2019 and runs on to Monday 30-12-2019,
    // so a dienst closed on Monday 30-12 is on time and one closed on Tuesday 31-12 is late.
    expect(dienstClock(k, cet('2019-10-19T11:00'), cet('2019-12-30T16:00'), cet('2020-01-02T09:00'))).toMatchObject({
      due: '2019-12-30',
      state: 'met',
    });
    expect(dienstClock(k, cet('2019-10-19T11:00'), cet('2019-12-31T09:00'), cet('2020-01-02T09:00')).state).toBe(
      'met_late',
    );
    // Beoordeling Saturday 7 March 2026: 10 weeks is Saturday 16 May → Monday 18 May.
    expect(dienstClock(k, cet('2026-03-07T11:00'), null, cet('2026-03-07T11:00')).due).toBe('2026-05-18');
    // …and with 15 May 2026 equated it is still Monday 18 May; a term ending on Friday 15 May runs on to 18 May.
    expect(dienstClock(kGelijk, cet('2026-03-06T11:00'), null, cet('2026-03-06T11:00')).due).toBe('2026-05-18');
    expect(dienstClock(k, cet('2026-03-06T11:00'), null, cet('2026-03-06T11:00')).due).toBe('2026-05-15');
  });

  it('an equated day at the end of a term moves it; Koningsdag on the 26th when the 27th is a Sunday', () => {
    // Recorded Friday 17 April 2026: 4 weeks is Friday 15 May 2026, equated in kGelijk → Monday 18 May.
    expect(informerenClock(k, cest('2026-04-17T10:00'), [], null, cest('2026-04-17T10:00')).due).toBe('2026-05-15');
    expect(informerenClock(kGelijk, cest('2026-04-17T10:00'), [], null, cest('2026-04-17T10:00')).due).toBe(
      '2026-05-18',
    );
    // 10 weeks after Saturday 15 February 2025 is Saturday 26 April 2025 (Koningsdag that year) → Monday 28 April.
    expect(dienstClock(k, cet('2025-02-15T10:00'), null, cet('2025-02-15T10:00')).due).toBe('2025-04-28');
  });

  it('the 12-week boundary (art. 4A): a term of 12 weeks runs on, one longer does not', () => {
    // Recorded Saturday 3 January 2026. 4 + 4 × 2 = 12 weeks ends Saturday 28 March → Monday 30 March.
    const rec = cet('2026-01-03T10:00');
    const verl = (n: number) => Array.from({ length: n }, () => ({ weken: 2, reden: 'Nog niet bereikt' }));
    expect(informerenClock(k, rec, verl(4), null, rec).due).toBe('2026-03-30');
    // 4 + 5 × 2 = 14 weeks ends Saturday 11 April: longer than 12 weeks, not extended.
    expect(informerenClock(k, rec, verl(5), null, rec).due).toBe('2026-04-11');
    // A 13-week policy for the dienst (not the law's 10) is not extended either; 12 weeks is.
    expect(dienstClock(k, rec, null, rec, { ...DEFAULT_CLOCK_POLICY, dienstWeken: 13 }).due).toBe('2026-04-04');
    expect(dienstClock(k, rec, null, rec, { ...DEFAULT_CLOCK_POLICY, dienstWeken: 12 }).due).toBe('2026-03-30');
    expect(atwVanToepassing({ weken: 12 })).toBe(true);
    expect(atwVanToepassing({ weken: 13 })).toBe(false);
    expect(atwVanToepassing({ dagen: 90 })).toBe(true);
    expect(atwVanToepassing({ dagen: 91 })).toBe(false);
    expect(atwVanToepassing({ maanden: 3 })).toBe(true);
    expect(atwVanToepassing({ maanden: 4 })).toBe(false);
    expect(atwEinde(k, '2026-04-04', { maanden: 3 })).toBe('2026-04-07'); // Saturday, Sunday, Tweede Paasdag
    expect(atwEinde(k, '2026-04-04', { dagen: 91 })).toBe('2026-04-04');
  });

  it('the monitoring interval (organisation policy) is not extended', () => {
    // Overdracht Saturday 7 February 2026 + 12 weeks = Saturday 2 May: stays Saturday.
    const ov = cet('2026-02-07T10:00');
    expect(monitoringClock(ov, null, null, ov, { ...DEFAULT_CLOCK_POLICY, monitoringWeken: 12 }).due).toBe(
      '2026-05-02',
    );
  });

  it('over the 3,287 start days of 2019–2027, 1,004 dienst due dates move (without equated days)', () => {
    const verschoven = startDagen.filter((d) => dienstTermijnEinde(k, d) !== plusDagen(d, 70));
    expect(startDagen).toHaveLength(3287);
    expect(verschoven).toHaveLength(1004);
  });

  it('the report and the clock share one end day (dienstTermijnEinde)', () => {
    for (const start of startDagen.filter((_, i) => i % 11 === 0))
      expect(dienstTermijnEinde(k, start)).toBe(dienstClock(k, middag(start), null, middag(start)).due);
  });
});
