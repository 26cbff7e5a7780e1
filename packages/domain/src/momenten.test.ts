import { describe, expect, it } from 'vitest';
import { dagInToekomst, ligtInToekomst, nietInToekomstFout, TOEKOMST_MARGE_MS } from './momenten.ts';

const now = new Date('2026-03-10T12:00:00Z');

describe('moments in the future', () => {
  it('allows the margin for clock skew and refuses beyond it', () => {
    expect(ligtInToekomst(new Date(now.getTime() + TOEKOMST_MARGE_MS), now)).toBe(false);
    expect(ligtInToekomst(new Date(now.getTime() + TOEKOMST_MARGE_MS + 1), now)).toBe(true);
    expect(ligtInToekomst('2026-03-10T11:00:00Z', now)).toBe(false);
  });
  it('gives the field error with rule niet_in_toekomst, or null', () => {
    expect(nietInToekomstFout('gedaanOp', '2026-03-11T12:00:00Z', now)).toEqual({
      field: 'gedaanOp',
      rule: 'niet_in_toekomst',
      message: 'Dit moment ligt in de toekomst',
    });
    expect(nietInToekomstFout('gedaanOp', undefined, now)).toBeNull();
    expect(nietInToekomstFout('gedaanOp', '2026-03-10T12:00:00Z', now)).toBeNull();
  });
  it('compares days in Amsterdam time', () => {
    // 23:30 UTC on 10 March is already 11 March in Amsterdam.
    const lateEvening = new Date('2026-03-10T23:30:00Z');
    expect(dagInToekomst('2026-03-11', lateEvening)).toBe(false);
    expect(dagInToekomst('2026-03-12', lateEvening)).toBe(true);
  });
});
