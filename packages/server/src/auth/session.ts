// Passwords (argon2id) and server-side sessions in the database. A session is usable by the
// route wrapper only in step 'actief'; a session in step 'totp' or 'totp_inschrijven' is the
// pre-authentication state between the password (or SSO) and the second factor, and is seen
// only by the second-factor routes (preAuthFromToken).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';
import {
  actieveGebruiker,
  gebruikerIdByNaam,
  preAuthSessie,
  sessieAanraken,
  sessieBeeindigen,
  sessieInvoegen,
  sessieMetGebruiker,
  sessiesBeeindigen,
} from './queries.ts';

export const SESSION_COOKIE = 'vd_sessie';
/** Lifetime of a pre-authentication session (time to type the second factor). */
export const PRE_AUTH_MINUTES = 10;

export type SessionStap = 'actief' | 'totp' | 'totp_inschrijven';

export interface SessionUser {
  id: number;
  gebruikersnaam: string;
  naam: string;
  rollen: string[];
  teamId: number | null;
  organisatieId: number;
}

export interface Session {
  id: string;
  csrfToken: string;
  user: SessionUser;
  /** How the session was authenticated, e.g. 'wachtwoord+totp', 'sso+idp-mfa'. */
  methode: string | null;
}

export interface PreAuthSession {
  id: string;
  userId: number;
  stap: Exclude<SessionStap, 'actief'>;
  methode: string | null;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function hashPassword(pw: string): Promise<string> {
  // argon2id is the library's default algorithm.
  return argonHash(pw);
}

export async function verifyPassword(hash: string | null, pw: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argonVerify(hash, pw);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when there is nothing to verify, so timing does not reveal it.
let dummyHash: Promise<string> | null = null;
export async function verifyDummy(pw: string): Promise<void> {
  dummyHash ??= hashPassword('voordeur-dummy-password');
  await verifyPassword(await dummyHash, pw);
}

export function toUser(
  u: Pick<Row<'gebruiker'>, 'id' | 'gebruikersnaam' | 'naam' | 'rollen' | 'team_id' | 'organisatie_id'>,
): SessionUser {
  return {
    id: u.id,
    gebruikersnaam: u.gebruikersnaam,
    naam: u.naam,
    rollen: u.rollen,
    teamId: u.team_id,
    organisatieId: u.organisatie_id,
  };
}

export async function loadUser(db: Db, id: number): Promise<SessionUser | null> {
  const u = await actieveGebruiker(db, id);
  return u ? toUser(u) : null;
}

/** A new session; the token goes into the cookie, only its hash is stored. */
export async function createSession(
  db: Db,
  userId: number,
  opts: { stap: SessionStap; lifetimeMinutes: number; methode: string },
): Promise<{ token: string; id: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = sha256(token);
  const verloopt = new Date(Date.now() + opts.lifetimeMinutes * 60_000);
  await sessieInvoegen(db, {
    id,
    gebruiker_id: userId,
    csrf_token: csrfToken,
    verloopt_op: verloopt,
    stap: opts.stap,
    methode: opts.methode,
  });
  return { token, id, csrfToken };
}

/**
 * Look up an active session by its cookie token; enforces idle and absolute timeouts and
 * touches it. A pre-authentication session (second factor not yet given) is no session here.
 */
export async function sessionFromToken(
  db: Db,
  token: string | undefined,
  idleMinutes: number,
): Promise<Session | null> {
  if (!token) return null;
  const id = sha256(token);
  const s = await sessieMetGebruiker(db, id);
  if (!s || s.beeindigd_op || !s.actief || s.stap !== 'actief') return null;
  const now = Date.now();
  if (new Date(s.verloopt_op).getTime() < now) return null;
  if (new Date(s.laatst_actief_op).getTime() + idleMinutes * 60_000 < now) return null;
  // Touch at most once a minute to keep reads cheap.
  if (new Date(s.laatst_actief_op).getTime() < now - 60_000) {
    await sessieAanraken(db, id);
  }
  return { id, csrfToken: s.csrf_token, user: toUser(s), methode: s.methode };
}

/** The pre-authentication session of a cookie token (only for the second-factor routes). */
export async function preAuthFromToken(db: Db, token: string | undefined): Promise<PreAuthSession | null> {
  if (!token) return null;
  const id = sha256(token);
  const s = await preAuthSessie(db, id);
  if (!s || s.beeindigd_op || !s.actief || s.stap === 'actief') return null;
  if (new Date(s.verloopt_op).getTime() < Date.now()) return null;
  return { id, userId: s.gebruiker_id, stap: s.stap as PreAuthSession['stap'], methode: s.methode };
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await sessieBeeindigen(db, sessionId);
}

/** End every open session of a user (optionally except one); returns how many were ended. */
export async function logoutEverywhere(db: Db, userId: number, exceptSessionId: string | null = null): Promise<number> {
  return sessiesBeeindigen(db, userId, exceptSessionId);
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function accountId(db: Db, gebruikersnaam: string): Promise<number | null> {
  return gebruikerIdByNaam(db, gebruikersnaam);
}

export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}
