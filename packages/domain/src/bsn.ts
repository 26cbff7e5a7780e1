// Burgerservicenummer (BSN). Veilig Thuis identifies persons by BSN where it has one (Wmo 2015
// art. 5.2.9). A BSN has 9 digits and passes the elfproef (11-check). CBS uses two special values
// in its deliveries; they are codes, not BSNs.

/** CBS special value: BSN unknown. */
export const BSN_ONBEKEND = '000000000';
/** CBS special value: unborn child. */
export const BSN_ONGEBOREN = '999999999';

const NINE_DIGITS = /^\d{9}$/;

/** Elfproef sum: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 for a 9-digit string. */
function elfproefSum(s: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (s.charCodeAt(i) - 48);
  return sum - (s.charCodeAt(8) - 48);
}

/** Exactly 9 digits passing the elfproef; the CBS special values (and all zeros) are not BSNs. */
export function isValidBsn(s: string): boolean {
  return bsnError(s) === null;
}

/** Dutch message why `s` is not a valid BSN, or null when it is. */
export function bsnError(s: string): string | null {
  if (typeof s !== 'string' || !NINE_DIGITS.test(s)) return 'BSN moet uit 9 cijfers bestaan';
  if (s === BSN_ONBEKEND || s === BSN_ONGEBOREN) {
    return 'Dit is een CBS-code (onbekend of ongeboren), geen BSN';
  }
  if (elfproefSum(s) % 11 !== 0) return 'BSN voldoet niet aan de elfproef';
  return null;
}

// Prefixes are spread with an affine permutation of 0..10^7−1 (the multiplier is coprime with 10),
// so consecutive seeds do not give consecutive-looking numbers.
const PREFIX_SPACE = 10_000_000;
const PREFIX_MULTIPLIER = 7_368_787;
const PREFIX_OFFSET = 1_234_567;

/**
 * A deterministic valid BSN for demo and benchmark data. Distinct seeds give distinct numbers for
 * all seeds 0 … 8·10^7 − 1; larger seeds wrap around.
 *
 * Construction: the first 7 digits are a permutation of `seed mod 10^7`; the 8th digit is chosen
 * (by `seed / 10^7`) among the values for which a check digit 0–9 exists; the 9th digit is that
 * check digit. Different prefixes or different 8th digits always give different numbers.
 */
export function generateBsn(seed: number): string {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`generateBsn: seed must be a non-negative integer, got ${seed}`);
  }
  const prefixNumber = ((seed % PREFIX_SPACE) * PREFIX_MULTIPLIER + PREFIX_OFFSET) % PREFIX_SPACE;
  const prefix = String(prefixNumber).padStart(7, '0');
  let sum7 = 0;
  for (let i = 0; i < 7; i++) sum7 += (9 - i) * (prefix.charCodeAt(i) - 48);

  // d9 = (sum7 + 2·d8) mod 11 must be a digit (not 10). At most one d8 in 0..9 fails, so there are
  // 9 or 10 candidates; for the all-zero prefix d8 = 0 is dropped too (000000000 is not a BSN).
  const candidates: number[] = [];
  for (let d8 = 0; d8 <= 9; d8++) {
    if ((sum7 + 2 * d8) % 11 === 10) continue;
    if (prefixNumber === 0 && d8 === 0) continue;
    candidates.push(d8);
  }
  const d8 = candidates[Math.floor(seed / PREFIX_SPACE) % candidates.length]!;
  const d9 = (sum7 + 2 * d8) % 11;
  return `${prefix}${d8}${d9}`;
}
