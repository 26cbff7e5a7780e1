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
  terugkoppelingClock,
  worstState,
  type ClockState,
} from './clocks.ts';
import { createKalender } from './werkdagen.ts';

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
    const c = dienstClock(beoordeeld, null, cet('2026-03-10T09:00'));
    expect(c).toMatchObject({ kind: 'dienst', unit: 'dagen', due: '2026-05-18', daysLeft: 69, elapsed: 1, state: 'on_time' });
    expect(c.dueAt).toBe('2026-05-18T21:59:59.999Z');
  });

  it('at_risk from 14 days left', () => {
    expect(dienstClock(beoordeeld, null, cest('2026-05-03T12:00'))).toMatchObject({ state: 'on_time', daysLeft: 15 });
    expect(dienstClock(beoordeeld, null, cest('2026-05-04T12:00'))).toMatchObject({ state: 'at_risk', daysLeft: 14 });
  });

  it('overdue after the due day, with negative daysLeft', () => {
    expect(dienstClock(beoordeeld, null, cest('2026-05-20T12:00'))).toMatchObject({
      state: 'overdue',
      daysLeft: -2,
      elapsed: 72,
    });
  });

  it('met and met_late', () => {
    expect(dienstClock(beoordeeld, cest('2026-05-18T23:00'), cest('2026-06-01T12:00'))).toMatchObject({
      state: 'met',
      daysLeft: 0,
      elapsed: 70,
    });
    expect(dienstClock(beoordeeld, cest('2026-05-19T08:00'), cest('2026-06-01T12:00'))).toMatchObject({
      state: 'met_late',
      daysLeft: -1,
    });
  });
});

describe('informerenClock (4 weeks, extensions of at most 2 weeks with reason)', () => {
  const recorded = cet('2026-03-02T10:00');

  it('is due 28 days after the day of recording', () => {
    expect(informerenClock(recorded, [], null, cet('2026-03-02T10:00'))).toMatchObject({
      kind: 'informeren',
      unit: 'dagen',
      due: '2026-03-30',
      daysLeft: 28,
      state: 'on_time',
    });
  });

  it('an extension of 2 weeks adds 14 days; extensions add up', () => {
    expect(informerenClock(recorded, [{ weken: 2, reden: 'Melder nog niet bereikt' }], null, recorded).due).toBe(
      '2026-04-13',
    );
    const two = [
      { weken: 2, reden: 'Melder nog niet bereikt' },
      { weken: 1, reden: 'Gezin op vakantie' },
    ];
    expect(informerenClock(recorded, two, null, recorded).due).toBe('2026-04-20');
  });

  it('rejects an extension of 3 weeks, 0 weeks or part of a week', () => {
    expect(() => informerenClock(recorded, [{ weken: 3, reden: 'x' }], null, recorded)).toThrow(Error);
    expect(() => informerenClock(recorded, [{ weken: 0, reden: 'x' }], null, recorded)).toThrow(Error);
    expect(() => informerenClock(recorded, [{ weken: 1.5, reden: 'x' }], null, recorded)).toThrow(Error);
  });

  it('rejects an extension without reason', () => {
    expect(() => informerenClock(recorded, [{ weken: 2, reden: '' }], null, recorded)).toThrow(/reden/);
    expect(() => informerenClock(recorded, [{ weken: 2, reden: '   ' }], null, recorded)).toThrow(/reden/);
  });

  it('at_risk from 7 days left, overdue after, met', () => {
    expect(informerenClock(recorded, [], null, cest('2026-03-22T12:00')).state).toBe('on_time');
    expect(informerenClock(recorded, [], null, cest('2026-03-23T12:00'))).toMatchObject({ state: 'at_risk', daysLeft: 7 });
    expect(informerenClock(recorded, [], null, cest('2026-04-01T12:00'))).toMatchObject({ state: 'overdue', daysLeft: -2 });
    expect(informerenClock(recorded, [], cest('2026-03-30T12:00'), cest('2026-04-01T12:00')).state).toBe('met');
  });
});

describe('terugkoppelingClock (5 werkdagen after the trigger, policy)', () => {
  it('counts werkdagen like the beoordeling', () => {
    const trigger = cest('2026-04-02T10:00');
    const c = terugkoppelingClock(k, trigger, null, cest('2026-04-10T10:00'));
    expect(c).toMatchObject({ kind: 'terugkoppeling', unit: 'werkdagen', due: '2026-04-13', daysLeft: 1, state: 'at_risk' });
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
    expect(monitoringClock(overgedragen, null, null, cest('2026-05-18T12:00'))).toMatchObject({ state: 'on_time', daysLeft: 15 });
    expect(monitoringClock(overgedragen, null, null, cest('2026-05-19T12:00'))).toMatchObject({ state: 'at_risk', daysLeft: 14 });
    expect(monitoringClock(overgedragen, null, null, cest('2026-06-02T23:59'))).toMatchObject({ state: 'at_risk', daysLeft: 0 });
    expect(monitoringClock(overgedragen, null, null, cest('2026-06-03T00:01'))).toMatchObject({ state: 'overdue', daysLeft: -1 });
    expect(monitoringClock(overgedragen, null, null, cest('2026-06-12T12:00'))).toMatchObject({ state: 'overdue', daysLeft: -10, elapsed: 101 });
  });

  it('a contact brings an overdue clock back on time', () => {
    const now = cest('2026-06-12T12:00');
    expect(monitoringClock(overgedragen, cest('2026-06-10T09:00'), null, now)).toMatchObject({ state: 'on_time', due: '2026-09-09', daysLeft: 89, elapsed: 2 });
  });

  it('met when the melding is closed: on time or late', () => {
    expect(monitoringClock(overgedragen, null, cest('2026-06-01T16:00'), cest('2026-07-01T12:00'))).toMatchObject({ state: 'met', daysLeft: 1, metAt: cest('2026-06-01T16:00').toISOString() });
    expect(monitoringClock(overgedragen, null, cest('2026-06-10T16:00'), cest('2026-07-01T12:00'))).toMatchObject({ state: 'met_late', daysLeft: -8 });
  });

  it('the interval is policy: 26 weeks, or 4 weeks with at risk from 7 days', () => {
    expect(monitoringClock(overgedragen, null, null, overgedragen, { ...DEFAULT_CLOCK_POLICY, monitoringWeken: 26 }).due).toBe('2026-09-01');
    const p = { ...DEFAULT_CLOCK_POLICY, monitoringWeken: 4, monitoringAtRisk: 7 };
    expect(monitoringClock(overgedragen, null, null, cet('2026-03-23T12:00'), p)).toMatchObject({ due: '2026-03-31', state: 'on_time', daysLeft: 8 });
    expect(monitoringClock(overgedragen, null, null, cest('2026-03-31T12:00'), p)).toMatchObject({ state: 'at_risk', daysLeft: 0 });
  });

  it('refuses an interval that is not a positive whole number of weeks', () => {
    expect(() => monitoringClock(overgedragen, null, null, overgedragen, { ...DEFAULT_CLOCK_POLICY, monitoringWeken: 0 })).toThrow(RangeError);
    expect(() => monitoringClock(overgedragen, null, null, overgedragen, { ...DEFAULT_CLOCK_POLICY, monitoringWeken: 1.5 })).toThrow(RangeError);
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
