// The login steps: password, then (when needed) the second factor; account lockout with a
// growing lock, and a limit on failed logins per client address. All state is in the database
// (app nodes are stateless); times come from the server clock (deps.now).
import { open, seal } from '../crypto/veld.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { POLICY, type Resource, type Rol } from '../policy/index.ts';
import {
  createSession,
  logout,
  PRE_AUTH_MINUTES,
  toUser,
  verifyDummy,
  verifyPassword,
  type PreAuthSession,
  type Session,
  type SessionUser,
} from './session.ts';
import {
  blokkeren,
  gebruikerById,
  gebruikerByNaam,
  heeftTotp,
  herstelcodeBestaat,
  herstelcodeGebruiken,
  herstelcodesOver,
  herstelcodesVervangen,
  mislukkingenWissen,
  mislukkingTellen,
  mislukteLoginsVanaf,
  mislukteLoginVastleggen,
  nieuwTotpGeheim,
  totp,
  totpBevestigen,
  totpStapGebruiken,
  wachtwoordHash,
} from './queries.ts';
import { hashRecoveryCode, looksLikeRecoveryCode, matchStep, newRecoveryCodes, newSecret, otpauthUri } from './totp.ts';

/** Resources with personal data: a role that has any of them must use a second factor. */
export const PERSONAL_DATA_RESOURCES: Resource[] = [
  'persoon',
  'melding',
  'melder',
  'werkvoorraad',
  'toegangslog',
  'rechten',
  'cbs_levering',
];

/** Roles that see personal data, decided from the policy table. */
export const TOTP_ROLES: Rol[] = (Object.keys(POLICY) as Rol[]).filter((r) =>
  PERSONAL_DATA_RESOURCES.some((res) => (POLICY[r][res]?.length ?? 0) > 0),
);

export function totpRequired(rollen: string[], config: Pick<Config, 'requireTotp'>): boolean {
  return config.requireTotp && rollen.some((r) => (TOTP_ROLES as string[]).includes(r));
}

const IP_WINDOW_MINUTES = 15;
const PENDING_MINUTES = 30;
const MAX_LOCK_MINUTES = 24 * 60;

export type Denied = {
  kind: 'denied';
  status: 401 | 429;
  code: 'inloggen_mislukt' | 'geblokkeerd' | 'te_veel_pogingen' | 'code_onjuist' | 'niet_ingelogd';
  message: string;
  /** For the access log (never typed text). */
  reason: string;
  userId: number | null;
  retryAfterSeconds?: number;
};
export type Done = {
  kind: 'done';
  token: string;
  session: Session;
  herstelcodes?: string[];
  herstelcodesOver?: number;
};
export type NeedsSecondFactor = { kind: 'stap'; stap: 'totp' | 'totp_inschrijven'; token: string; userId: number };
export type LoginOutcome = Denied | Done | NeedsSecondFactor;

const WRONG = 'Gebruikersnaam of wachtwoord onjuist';

function lockedMessage(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Te veel mislukte inlogpogingen: dit account is tijdelijk geblokkeerd. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`;
}

// ---- per client address

export async function ipBlocked(db: Db, ip: string, now: Date, config: Config): Promise<Denied | null> {
  const since = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000);
  const { n, eerste } = await mislukteLoginsVanaf(db, ip, since);
  if (n < config.loginIpMaxFailures) return null;
  const retry = eerste
    ? Math.max(1, Math.ceil((new Date(eerste).getTime() + IP_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000))
    : IP_WINDOW_MINUTES * 60;
  return {
    kind: 'denied',
    status: 429,
    code: 'te_veel_pogingen',
    message: 'Te veel mislukte inlogpogingen vanaf dit adres. Wacht een kwartier en probeer het opnieuw.',
    reason: 'te veel mislukte pogingen vanaf dit adres',
    userId: null,
    retryAfterSeconds: retry,
  };
}

async function recordIpFailure(db: Db, ip: string, now: Date): Promise<void> {
  await mislukteLoginVastleggen(db, ip, now, new Date(now.getTime() - 24 * 3600_000));
}

// ---- per account

function lockedUntil(u: { geblokkeerd_tot: string | Date | null }, now: Date): Date | null {
  if (!u.geblokkeerd_tot) return null;
  const t = new Date(u.geblokkeerd_tot);
  return t.getTime() > now.getTime() ? t : null;
}

/**
 * Count a failed attempt. From the `loginMaxFailures`-th consecutive failure on, every failure
 * locks the account: 15 minutes (configurable), then 30, 60, … up to 24 hours.
 */
async function registerFailure(db: Db, userId: number, now: Date, config: Config): Promise<Date | null> {
  const n = await mislukkingTellen(db, userId);
  if (n < config.loginMaxFailures) return null;
  const minutes = Math.min(MAX_LOCK_MINUTES, config.loginLockMinutes * 2 ** Math.min(20, n - config.loginMaxFailures));
  const until = new Date(now.getTime() + minutes * 60_000);
  await blokkeren(db, userId, until);
  return until;
}

async function resetFailures(db: Db, userId: number): Promise<void> {
  await mislukkingenWissen(db, userId);
}

/** Whether the user has a confirmed TOTP secret. */
export async function totpEnrolled(db: Db, userId: number): Promise<boolean> {
  return heeftTotp(db, userId);
}

/**
 * After the first factor (password or SSO): the second-factor step this user must take, or
 * null when none (optional role without enrolment, or the identity provider did MFA).
 */
export async function secondFactorStep(
  db: Db,
  user: SessionUser,
  config: Config,
): Promise<'totp' | 'totp_inschrijven' | null> {
  if (await totpEnrolled(db, user.id)) return 'totp';
  return totpRequired(user.rollen, config) ? 'totp_inschrijven' : null;
}

/** Complete a login: reset the failure counter and create the usable session. */
export async function finishLogin(db: Db, u: SessionUser, methode: string, config: Config): Promise<Done> {
  await resetFailures(db, u.id);
  const s = await createSession(db, u.id, {
    stap: 'actief',
    lifetimeMinutes: config.sessionAbsoluteHours * 60,
    methode,
  });
  return { kind: 'done', token: s.token, session: { id: s.id, csrfToken: s.csrfToken, user: u, methode } };
}

/** After the first factor: a pre-authentication session when a second factor is needed, else the session itself. */
export async function afterFirstFactor(
  db: Db,
  u: SessionUser,
  methode: string,
  config: Config,
): Promise<Done | NeedsSecondFactor> {
  const stap = await secondFactorStep(db, u, config);
  if (!stap) return finishLogin(db, u, methode, config);
  const s = await createSession(db, u.id, { stap, lifetimeMinutes: PRE_AUTH_MINUTES, methode });
  return { kind: 'stap', stap, token: s.token, userId: u.id };
}

/** Step 1: user name and password. */
export async function passwordLogin(
  db: Db,
  config: Config,
  input: { gebruikersnaam: string; wachtwoord: string; ip: string; now: Date },
): Promise<LoginOutcome> {
  const { now, ip } = input;
  const ipDenied = await ipBlocked(db, ip, now, config);
  if (ipDenied) return ipDenied;
  const u = await gebruikerByNaam(db, input.gebruikersnaam);
  const deny = async (reason: string, userId: number | null): Promise<Denied> => {
    await recordIpFailure(db, ip, now);
    return { kind: 'denied', status: 401, code: 'inloggen_mislukt', message: WRONG, reason, userId };
  };
  if (!u) {
    await verifyDummy(input.wachtwoord);
    return deny('onbekende gebruiker', null);
  }
  if (!u.actief) {
    await verifyDummy(input.wachtwoord);
    return deny('account niet actief', u.id);
  }
  const locked = lockedUntil(u, now);
  if (locked) {
    await recordIpFailure(db, ip, now);
    return {
      kind: 'denied',
      status: 429,
      code: 'geblokkeerd',
      message: lockedMessage(locked, now),
      reason: 'account geblokkeerd',
      userId: u.id,
      retryAfterSeconds: Math.ceil((locked.getTime() - now.getTime()) / 1000),
    };
  }
  if (!u.wachtwoord_hash) {
    await verifyDummy(input.wachtwoord);
    return deny('geen wachtwoord (account via single sign-on)', u.id);
  }
  if (!(await verifyPassword(u.wachtwoord_hash, input.wachtwoord))) {
    const until = await registerFailure(db, u.id, now, config);
    return deny(
      until ? `wachtwoord onjuist; account geblokkeerd tot ${until.toISOString()}` : 'wachtwoord onjuist',
      u.id,
    );
  }
  return afterFirstFactor(db, toUser(u), 'wachtwoord', config);
}

/** A new pending TOTP secret for enrolment (replaces an earlier pending one). */
export async function startEnrolment(
  db: Db,
  user: { id: number; gebruikersnaam: string },
  now: Date,
): Promise<{ geheim: string; otpauthUri: string }> {
  const geheim = newSecret();
  await nieuwTotpGeheim(db, user.id, seal(geheim, 'totp.geheim'), now);
  return { geheim, otpauthUri: otpauthUri(geheim, user.gebruikersnaam) };
}

/** Ten new recovery codes (the old ones stop working); returned once, stored hashed. */
export async function replaceRecoveryCodes(db: Db, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await herstelcodesVervangen(db, userId, codes.map(hashRecoveryCode));
  return codes;
}

export async function recoveryCodesLeft(db: Db, userId: number): Promise<number> {
  return herstelcodesOver(db, userId);
}

export type CodeCheck =
  | { ok: true; via: 'totp' | 'herstelcode' }
  | { ok: false; reason: 'code onjuist' | 'code al gebruikt' | 'geen inschrijving' };

/**
 * Check a code against the user's confirmed secret (or, with `pending`, the secret being
 * enrolled). A TOTP code is accepted once: its time step must be later than the last accepted
 * one (the update is atomic, so two requests with the same code cannot both pass).
 * A recovery code is accepted once (not for enrolment).
 */
export async function checkCode(
  db: Db,
  userId: number,
  code: string,
  now: Date,
  opts: { pending?: boolean } = {},
): Promise<CodeCheck> {
  const row = await totp(db, userId);
  // A pending secret must be confirmed within PENDING_MINUTES of being shown.
  const pendingFresh =
    row?.nieuw_aangemaakt_op && new Date(row.nieuw_aangemaakt_op).getTime() > now.getTime() - PENDING_MINUTES * 60_000;
  // Secrets are stored encrypted: the stored value guards the update, the plain one checks the code.
  const stored: string | null = opts.pending ? (pendingFresh ? row.nieuw_geheim : null) : (row?.geheim ?? null);
  const secret = open(stored, 'totp.geheim');
  const clean = code.replace(/\s/g, '');
  if (secret && /^[0-9]{6}$/.test(clean)) {
    const step = matchStep(secret, clean, now);
    if (step === null) return { ok: false, reason: 'code onjuist' };
    if (opts.pending) {
      return (await totpBevestigen(db, userId, stored, step, now))
        ? { ok: true, via: 'totp' }
        : { ok: false, reason: 'code onjuist' };
    }
    return (await totpStapGebruiken(db, userId, stored, step))
      ? { ok: true, via: 'totp' }
      : { ok: false, reason: 'code al gebruikt' };
  }
  if (!opts.pending && row?.geheim && looksLikeRecoveryCode(clean)) {
    if (await herstelcodeGebruiken(db, userId, hashRecoveryCode(clean), now)) return { ok: true, via: 'herstelcode' };
    const used = await herstelcodeBestaat(db, userId, hashRecoveryCode(clean));
    return { ok: false, reason: used ? 'code al gebruikt' : 'code onjuist' };
  }
  return { ok: false, reason: secret ? 'code onjuist' : 'geen inschrijving' };
}

/** Step 2: the TOTP code (or a recovery code) for a pre-authentication session. */
export async function secondFactorLogin(
  db: Db,
  config: Config,
  pre: PreAuthSession | null,
  input: { code: string; ip: string; now: Date },
): Promise<LoginOutcome> {
  const { now, ip } = input;
  if (!pre) {
    return {
      kind: 'denied',
      status: 401,
      code: 'niet_ingelogd',
      message: 'Geen inlogpoging gevonden of de tijd is verstreken. Log opnieuw in met uw wachtwoord.',
      reason: 'geen of verlopen voorlopige sessie',
      userId: null,
    };
  }
  const ipDenied = await ipBlocked(db, ip, now, config);
  if (ipDenied) return { ...ipDenied, userId: pre.userId };
  const u = await gebruikerById(db, pre.userId);
  if (!u) throw new Error(`pre-authentication session of a user that does not exist (${pre.userId})`);
  const locked = lockedUntil(u, now);
  if (locked) {
    // A locked account cannot finish a login that was started before the lock.
    await logout(db, pre.id);
    await recordIpFailure(db, ip, now);
    return {
      kind: 'denied',
      status: 429,
      code: 'geblokkeerd',
      message: lockedMessage(locked, now),
      reason: 'account geblokkeerd',
      userId: u.id,
      retryAfterSeconds: Math.ceil((locked.getTime() - now.getTime()) / 1000),
    };
  }
  const check = await checkCode(db, u.id, input.code, now, { pending: pre.stap === 'totp_inschrijven' });
  if (!check.ok) {
    const until = await registerFailure(db, u.id, now, config);
    await recordIpFailure(db, ip, now);
    if (until) await logout(db, pre.id);
    return {
      kind: 'denied',
      status: 401,
      code: 'code_onjuist',
      message:
        check.reason === 'code al gebruikt'
          ? 'Deze code is al gebruikt. Wacht op de volgende code van uw app.'
          : 'De code is onjuist. Controleer de tijd op uw telefoon of gebruik een herstelcode.',
      reason: check.reason,
      userId: u.id,
    };
  }
  // Rotation: the pre-authentication session ends, a new session (new id and CSRF token) starts.
  await logout(db, pre.id);
  const done = await finishLogin(db, toUser(u), `${pre.methode ?? 'wachtwoord'}+${check.via}`, config);
  if (pre.stap === 'totp_inschrijven') done.herstelcodes = await replaceRecoveryCodes(db, u.id);
  if (check.via === 'herstelcode') done.herstelcodesOver = await recoveryCodesLeft(db, u.id);
  return done;
}

/** Verify a user's current password (own-account routes); failures count towards the lock. */
export async function confirmPassword(
  db: Db,
  userId: number,
  wachtwoord: string,
  now: Date,
  config: Config,
): Promise<boolean> {
  const hash = await wachtwoordHash(db, userId);
  if (await verifyPassword(hash, wachtwoord)) return true;
  if (hash) await registerFailure(db, userId, now, config);
  return false;
}
