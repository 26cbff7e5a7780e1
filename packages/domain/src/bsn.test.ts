import { describe, it, expect } from 'vitest';
import { BSN_ONBEKEND, BSN_ONGEBOREN, bsnError, generateBsn, isValidBsn } from './bsn.ts';

describe('isValidBsn', () => {
  it.each(['111222333', '123456782', '999996356'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
    expect(bsnError(bsn)).toBeNull();
  });

  it.each(['123456789', '111222334', '123456783'])('rejects %s (elfproef)', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
    expect(bsnError(bsn)).toBe('BSN voldoet niet aan de elfproef');
  });

  it.each(['12345678', '1234567820', 'abc', '', '12345678a', ' 123456782', '123 456 782', '１２３４５６７８２'])(
    'rejects %j (not 9 digits)',
    (bsn) => {
      expect(isValidBsn(bsn)).toBe(false);
      expect(bsnError(bsn)).toBe('BSN moet uit 9 cijfers bestaan');
    },
  );

  it('does not accept the CBS special values as BSN', () => {
    expect(BSN_ONBEKEND).toBe('000000000');
    expect(BSN_ONGEBOREN).toBe('999999999');
    expect(isValidBsn(BSN_ONBEKEND)).toBe(false); // passes the elfproef arithmetically
    expect(isValidBsn(BSN_ONGEBOREN)).toBe(false);
    expect(bsnError(BSN_ONBEKEND)).toMatch(/CBS/);
  });

  it('weights the check digit with -1', () => {
    // 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8 = 156 ≡ 2 (mod 11): the check digit must be 2.
    for (let d = 0; d <= 9; d++) expect(isValidBsn(`12345678${d}`)).toBe(d === 2);
  });
});

describe('generateBsn', () => {
  it('is deterministic', () => {
    expect(generateBsn(42)).toBe(generateBsn(42));
    expect(generateBsn(0)).not.toBe(generateBsn(1));
  });

  it('gives 10,000 distinct valid BSNs', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 10_000; seed++) {
      const bsn = generateBsn(seed);
      expect(isValidBsn(bsn), `seed ${seed}: ${bsn}`).toBe(true);
      seen.add(bsn);
    }
    expect(seen.size).toBe(10_000);
  });

  it('stays valid and distinct for seeds spread over 0..10^8', () => {
    const seen = new Set<string>();
    const seeds: number[] = [];
    for (let i = 0; i < 5_000; i++) seeds.push(i * 15_991 + (i % 7) * 10_000_000);
    for (const seed of [...seeds, 9_999_999, 10_000_000, 79_999_999]) {
      const bsn = generateBsn(seed);
      expect(isValidBsn(bsn), `seed ${seed}: ${bsn}`).toBe(true);
      seen.add(bsn);
    }
    expect(seen.size).toBe(new Set([...seeds, 9_999_999, 10_000_000, 79_999_999]).size);
  });

  it('never produces 000000000, also for the all-zero prefix', () => {
    // Find the seed whose 7-digit prefix is 0000000 and try all of its 8th-digit variants.
    let zeroSeed = -1;
    for (let s = 0; s < 10_000_000 && zeroSeed < 0; s++) if (generateBsn(s).startsWith('0000000')) zeroSeed = s;
    expect(zeroSeed).toBeGreaterThanOrEqual(0);
    const variants = new Set<string>();
    for (let q = 0; q < 8; q++) {
      const bsn = generateBsn(zeroSeed + q * 10_000_000);
      expect(bsn).not.toBe('000000000');
      expect(isValidBsn(bsn)).toBe(true);
      variants.add(bsn);
    }
    expect(variants.size).toBe(8);
  });

  it('rejects negative or fractional seeds', () => {
    expect(() => generateBsn(-1)).toThrow(RangeError);
    expect(() => generateBsn(1.5)).toThrow(RangeError);
  });
});
