import { describe, expect, it } from 'vitest';
import {
  clockLabel,
  datumVoorApi,
  daysLeftText,
  formatDag,
  formatDatum,
  formatTijdstip,
  leeftijdText,
  leesDatum,
} from './format.ts';

describe('daysLeftText', () => {
  const open = { metAt: null, state: 'on_time' as const };
  it('counts down in werkdagen and dagen, singular and plural', () => {
    expect(daysLeftText({ ...open, daysLeft: 2, unit: 'werkdagen' })).toBe('nog 2 werkdagen');
    expect(daysLeftText({ ...open, daysLeft: 1, unit: 'werkdagen' })).toBe('nog 1 werkdag');
    expect(daysLeftText({ ...open, daysLeft: 28, unit: 'dagen' })).toBe('nog 28 dagen');
    expect(daysLeftText({ ...open, daysLeft: 1, unit: 'dagen' })).toBe('nog 1 dag');
  });
  it('says the due day is today', () => {
    expect(daysLeftText({ ...open, daysLeft: 0, unit: 'werkdagen', state: 'at_risk' })).toBe('laatste dag: vandaag');
  });
  it('says how late an open clock is', () => {
    expect(daysLeftText({ metAt: null, state: 'overdue', daysLeft: -3, unit: 'werkdagen' })).toBe(
      '3 werkdagen te laat',
    );
    expect(daysLeftText({ metAt: null, state: 'overdue', daysLeft: -1, unit: 'werkdagen' })).toBe('1 werkdag te laat');
    expect(daysLeftText({ metAt: null, state: 'overdue', daysLeft: -10, unit: 'dagen' })).toBe('10 dagen te laat');
  });
  it('shows when a met clock was met (Amsterdam day), and how late when it was late', () => {
    // 23:30 UTC on 27 November is already 28 November in Amsterdam.
    expect(daysLeftText({ metAt: '2026-11-27T23:30:00Z', state: 'met', daysLeft: 2, unit: 'werkdagen' })).toBe(
      'afgerond op 28-11-2026',
    );
    expect(daysLeftText({ metAt: '2026-08-28T13:00:00Z', state: 'met_late', daysLeft: -4, unit: 'werkdagen' })).toBe(
      'afgerond op 28-08-2026, 4 werkdagen te laat',
    );
  });
});

describe('dates', () => {
  it('formats a local date as dd-mm-jjjj', () => {
    expect(formatDatum('2026-03-09')).toBe('09-03-2026');
    expect(formatDatum('onzin')).toBe('onzin');
  });
  it('formats instants in Amsterdam time, also across DST', () => {
    expect(formatTijdstip('2026-07-01T10:05:00Z')).toBe('01-07-2026 12:05');
    expect(formatTijdstip('2026-01-01T10:05:00Z')).toBe('01-01-2026 11:05');
    expect(formatDag('2026-12-31T23:30:00Z')).toBe('01-01-2027');
    expect(formatDag(null)).toBe('');
  });
});

describe('labels', () => {
  it('names a clock, with the person for informeren', () => {
    expect(clockLabel({ kind: 'veiligheidsbeoordeling' })).toBe('Veiligheidsbeoordeling');
    expect(clockLabel({ kind: 'informeren' }, 'Esra Jansen')).toBe('Informeren betrokkenen: Esra Jansen');
  });
  it('describes an age', () => {
    expect(leeftijdText(0)).toBe('jonger dan 1 jaar');
    expect(leeftijdText(36)).toBe('36 jaar');
    expect(leeftijdText(null)).toBe('leeftijd onbekend');
  });
});

describe('leesDatum (a typed date → JJJJ-MM-DD)', () => {
  it('accepts the format the app shows: dd-mm-jjjj, also without leading zeros or with / . or a space', () => {
    expect(leesDatum('22-11-2026')).toBe('2026-11-22');
    expect(leesDatum(' 1-2-2026 ')).toBe('2026-02-01');
    expect(leesDatum('01/02/2026')).toBe('2026-02-01');
    expect(leesDatum('1.2.2026')).toBe('2026-02-01');
    expect(leesDatum('22 11 2026')).toBe('2026-11-22');
  });
  it('accepts JJJJ-MM-DD and eight digits (ddmmjjjj or jjjjmmdd)', () => {
    expect(leesDatum('2026-11-22')).toBe('2026-11-22');
    expect(leesDatum('22112026')).toBe('2026-11-22');
    expect(leesDatum('20261122')).toBe('2026-11-22');
    expect(leesDatum('01022026')).toBe('2026-02-01');
  });
  it('refuses what is no real date', () => {
    for (const x of [
      '',
      'gisteren',
      '31-02-2026',
      '29-02-2025',
      '2026-13-01',
      '00-01-2026',
      '22-11-26',
      '2026/11/22x',
      '123',
    ])
      expect(leesDatum(x), x).toBeNull();
    expect(leesDatum('29-02-2028')).toBe('2028-02-29');
  });
  it('gives the API the normalised date, or the text as typed for the server to refuse', () => {
    expect(datumVoorApi('22-11-2026')).toBe('2026-11-22');
    expect(datumVoorApi(' onzin ')).toBe('onzin');
  });
  it('reads back what formatDatum shows', () => {
    for (const d of ['2026-01-01', '2026-12-31', '2028-02-29']) expect(leesDatum(formatDatum(d))).toBe(d);
  });
});
