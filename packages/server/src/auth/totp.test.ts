// TOTP (RFC 6238) and HOTP (RFC 4226) against the RFCs' own test vectors, base32 (RFC 4648),
// the drift window, the otpauth URI, demo secrets and recovery codes; the password policy.
import { describe, expect, it } from 'vitest';
import { TOTP_ROLES } from './login.ts';
import { checkPassword } from './password-policy.ts';
import {
  base32Decode,
  base32Encode,
  demoSecret,
  hashRecoveryCode,
  hotp,
  looksLikeRecoveryCode,
  matchStep,
  newRecoveryCodes,
  newSecret,
  otpauthUri,
  timeStep,
  totp,
} from './totp.ts';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC6238_SHA1: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, SHA-1, 30 s)', () => {
  it.each(RFC6238_SHA1)('T = %i s gives %s (8 digits), and its last 6 digits with 6', (seconds, code) => {
    const at = new Date(seconds * 1000);
    expect(totp(RFC_SEED, at, 8)).toBe(code);
    expect(totp(RFC_SEED, at)).toBe(code.slice(2));
    // The same through the base32 form of the seed.
    expect(totp(base32Encode(RFC_SEED), at, 8)).toBe(code);
  });

  it('HOTP matches RFC 4226 appendix D', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, i) => hotp(RFC_SEED, i))).toEqual(expected);
  });

  it('base32 follows RFC 4648 and round-trips', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, enc] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(enc);
      expect(base32Decode(enc).toString()).toBe(plain);
    }
    expect(base32Decode('mzxw 6ytb-oi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZ1W')).toThrow(/invalid base32/);
    const s = newSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(s)).toHaveLength(20);
  });

  it('accepts one step of drift either side and names the step; refuses anything else', () => {
    const secret = base32Encode(RFC_SEED);
    const at = new Date(1111111111 * 1000);
    const step = timeStep(at);
    expect(matchStep(secret, totp(secret, at), at)).toBe(step);
    expect(matchStep(secret, totp(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(matchStep(secret, totp(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(matchStep(secret, totp(secret, new Date(at.getTime() - 60_000)), at)).toBeNull();
    expect(matchStep(secret, totp(secret, new Date(at.getTime() + 60_000)), at)).toBeNull();
    expect(matchStep(secret, '12345', at)).toBeNull();
    expect(matchStep(secret, 'abcdef', at)).toBeNull();
  });

  it('builds an otpauth:// URI that authenticator apps read', () => {
    const u = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'bureau'));
    expect(u.protocol).toBe('otpauth:');
    expect(u.host).toBe('totp');
    expect(decodeURIComponent(u.pathname)).toBe('/Voordeur:bureau');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Voordeur',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });

  it('demo secrets are fixed per user name and differ between users', () => {
    expect(demoSecret('bureau')).toBe(demoSecret('bureau'));
    expect(demoSecret('bureau')).not.toBe(demoSecret('backoffice'));
    expect(base32Decode(demoSecret('bureau'))).toHaveLength(20);
  });

  it('recovery codes: 10 distinct codes of 80 bits, hashed after normalising', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
      expect(looksLikeRecoveryCode(c)).toBe(true);
      expect(hashRecoveryCode(c.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(c));
    }
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});

describe('second factor per role, from the policy table', () => {
  it('is required exactly for the roles that see personal data', () => {
    expect([...TOTP_ROLES].sort()).toEqual([
      'backoffice',
      'bureaudienst',
      'crisisdienst',
      // Makes the CBS delivery (BSN, date of birth, sex of every client).
      'functioneel_beheerder',
      'gedragswetenschapper',
      'privacy_officer',
      'teammanager',
      'vertrouwensarts',
    ]);
  });
});

describe('password policy', () => {
  const opts = { gebruikersnaam: 'backoffice', field: 'nieuwWachtwoord', label: 'Nieuw wachtwoord' };
  const rules = (pw: string, extra: Partial<typeof opts & { huidig: string }> = {}) =>
    checkPassword(pw, { ...opts, ...extra }).map((e) => e.rule);

  it('accepts a long passphrase', () => {
    expect(checkPassword('paarse fiets onder de brug', opts)).toEqual([]);
  });

  it('names the field and the rule in Dutch', () => {
    expect(checkPassword('kort', opts)).toEqual([
      { field: 'nieuwWachtwoord', rule: 'min_lengte', message: 'Nieuw wachtwoord: minstens 12 tekens (nu 4)' },
    ]);
    expect(checkPassword('x'.repeat(201) + 'yz', opts).map((e) => e.rule)).toContain('max_lengte');
  });

  it('refuses the user name and passwords containing it', () => {
    expect(rules('backoffice')).toEqual(expect.arrayContaining(['min_lengte', 'gebruikersnaam']));
    expect(rules('BackOffice2026!')).toEqual(['gebruikersnaam']);
    expect(checkPassword('BackOffice2026!', opts)[0]!.message).toBe(
      'Nieuw wachtwoord: mag niet uw gebruikersnaam zijn of bevatten',
    );
  });

  it('refuses common passwords, also with digits or punctuation around them', () => {
    expect(rules('wachtwoordwachtwoord')).toEqual(['veelgebruikt']);
    expect(rules('Wachtwoord2026!')).toEqual(['veelgebruikt']);
    expect(rules('123456123456')).toEqual(['veelgebruikt']);
    expect(rules('aaaaaaaaaaaaaa')).toEqual(['veelgebruikt']);
    expect(rules('Veilig Thuis 2026')).toEqual(['veelgebruikt']);
  });

  it('refuses the current password', () => {
    expect(rules('paarse fiets onder de brug', { huidig: 'paarse fiets onder de brug' })).toEqual(['ongewijzigd']);
  });
});
