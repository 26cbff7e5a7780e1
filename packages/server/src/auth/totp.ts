// TOTP second factor (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 30-second steps, 6 digits,
// with node:crypto only. Secrets are 20 random bytes, exchanged as base32 (RFC 4648) in an
// otpauth:// URI that authenticator apps read from a QR code or by typing the base32 text.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one (clock drift between phone and server). */
export const TOTP_WINDOW = 1;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Buffer {
  const clean = s.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error(`invalid base32 character '${ch}'`);
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP with dynamic truncation. */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/** The time step (RFC 6238 "T") of a moment. */
export const timeStep = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);

/** The code for a moment; `secret` as raw bytes or base32. */
export function totp(secret: Uint8Array | string, at: Date, digits = TOTP_DIGITS): string {
  const key = typeof secret === 'string' ? base32Decode(secret) : secret;
  return hotp(key, timeStep(at), digits);
}

/**
 * The time step the code belongs to, within ±TOTP_WINDOW of `at`, or null. Replay protection is
 * the caller's: a step at or before the last accepted one must be refused.
 */
export function matchStep(secretBase32: string, code: string, at: Date): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const key = base32Decode(secretBase32);
  const now = timeStep(at);
  const given = Buffer.from(code);
  let found: number | null = null;
  // Check every step in the window (no early exit) so timing does not reveal which one matched.
  for (let s = now - TOTP_WINDOW; s <= now + TOTP_WINDOW; s++) {
    if (timingSafeEqual(Buffer.from(hotp(key, s)), given) && found === null) found = s;
  }
  return found;
}

export function newSecret(): string {
  return base32Encode(randomBytes(20));
}

/**
 * DEMO ONLY: a fixed, published secret derived from the user name, so that anyone running the
 * demo can produce codes (`npm run voordeur -- demo-totp <user>`). Never used for real accounts:
 * only the demo seed enrols users with it.
 */
export function demoSecret(gebruikersnaam: string): string {
  return base32Encode(createHash('sha1').update(`voordeur-demo-totp:${gebruikersnaam}`).digest());
}

export function otpauthUri(secretBase32: string, gebruikersnaam: string, issuer = 'Voordeur'): string {
  const label = encodeURIComponent(`${issuer}:${gebruikersnaam}`);
  const q = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${q.toString()}`;
}

// ---- recovery codes: 16 base32 characters (80 bits) in groups of four; stored as SHA-256.

export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, () => base32Encode(randomBytes(10)).toLowerCase().match(/.{4}/g)!.join('-'));
}

export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

export const hashRecoveryCode = (code: string) =>
  createHash('sha256')
    .update(`voordeur-herstelcode:${normaliseRecoveryCode(code)}`)
    .digest('hex');

export const looksLikeRecoveryCode = (code: string) => /^[a-z2-7]{16}$/.test(normaliseRecoveryCode(code));
