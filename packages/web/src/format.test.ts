import { describe, expect, it } from 'vitest';
import { clockLabel, daysLeftText, formatDag, formatDatum, formatTijdstip, leeftijdText } from './format.ts';

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
    expect(daysLeftText({ metAt: null, state: 'overdue', daysLeft: -3, unit: 'werkdagen' })).toBe('3 werkdagen te laat');
    expect(daysLeftText({ metAt: null, state: 'overdue', daysLeft: -1, unit: 'werkdagen' })).toBe('1 werkdag te laat');
    expect(daysLeftText({ metAt: null, state: 'overdue', daysLeft: -10, unit: 'dagen' })).toBe('10 dagen te laat');
  });
  it('shows when a met clock was met (Amsterdam day), and how late when it was late', () => {
    // 23:30 UTC on 27 November is already 28 November in Amsterdam.
    expect(daysLeftText({ metAt: '2026-11-27T23:30:00Z', state: 'met', daysLeft: 2, unit: 'werkdagen' })).toBe('afgerond op 28-11-2026');
    expect(daysLeftText({ metAt: '2026-08-28T13:00:00Z', state: 'met_late', daysLeft: -4, unit: 'werkdagen' })).toBe('afgerond op 28-08-2026, 4 werkdagen te laat');
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
