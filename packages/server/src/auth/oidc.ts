// OpenID Connect single sign-on (relying party): authorization code flow with PKCE (S256),
// state and nonce kept server-side in the database (stateless app nodes) and bound to the
// browser by a cookie; the ID token's signature is checked against the issuer's JWKS and its
// iss, aud, azp, exp, iat and nonce are validated (jose). Users are matched by (issuer, sub),
// created on first login, and get their Voordeur roles from a claim through a configured map.
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { OidcConfig } from '../config.ts';
import type { Db } from '../db/index.ts';
import { HttpError } from '../http/errors.ts';
import {
  eersteOrganisatieId,
  oidcAanvraagInvoegen,
  oidcAanvraagNemen,
  oidcAanvragenOpruimen,
  ssoGebruiker,
  ssoGebruikerBijwerken,
  ssoGebruikerInvoegen,
  teamIdByNaam,
} from './queries.ts';
import { sha256, toUser, type SessionUser } from './session.ts';

export const SSO_COOKIE = 'vd_sso';
/** Time between /api/sso/start and the callback. */
export const SSO_REQUEST_MINUTES = 10;
/** At most this many sign-ons may be pending (started, not returned, not expired) at once. */
export const SSO_MAX_OPEN = 10_000;

const b64url = (b: Buffer) => b.toString('base64url');
const random = () => b64url(randomBytes(32));

/** A refusal with a reason for the access log (never echoed with provider text to the user). */
export class SsoError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
}

const discoveryCache = new Map<string, { doc: Discovery; jwks: ReturnType<typeof createRemoteJWKSet>; at: number }>();

async function discover(cfg: OidcConfig): Promise<{ doc: Discovery; jwks: ReturnType<typeof createRemoteJWKSet> }> {
  const cached = discoveryCache.get(cfg.issuer);
  if (cached && cached.at > Date.now() - 3600_000) return cached;
  const url = `${cfg.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new SsoError(`discovery ${res.status}`);
  const doc = (await res.json()) as Discovery;
  // OIDC Discovery 1.0 §4.3: the issuer in the document must be identical to the configured one.
  if (doc.issuer !== cfg.issuer) throw new SsoError('discovery: issuer wijkt af van de configuratie');
  for (const k of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const)
    if (typeof doc[k] !== 'string') throw new SsoError(`discovery: ${k} ontbreekt`);
  const entry = { doc, jwks: createRemoteJWKSet(new URL(doc.jwks_uri)), at: Date.now() };
  discoveryCache.set(cfg.issuer, entry);
  return entry;
}

/** Forget cached discovery documents and keys (tests start a new provider per file). */
export function clearOidcCache(): void {
  discoveryCache.clear();
}

/** Step 1: the authorization URL and the browser-binding token (cookie). */
export async function startSso(db: Db, cfg: OidcConfig, now: Date): Promise<{ url: string; binding: string }> {
  const { doc } = await discover(cfg);
  const state = random();
  const nonce = random();
  const verifier = random();
  const binding = random();
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  // Pending requests are bounded: a flood of starts from many addresses cannot fill the table.
  const open = await oidcAanvragenOpruimen(db, now);
  if (open >= SSO_MAX_OPEN)
    throw new HttpError(
      503,
      'sso_te_druk',
      'Er lopen nu te veel aanmeldingen tegelijk. Probeer het over enkele minuten opnieuw.',
    );
  await oidcAanvraagInvoegen(db, {
    state,
    binding_hash: sha256(binding),
    nonce,
    code_verifier: verifier,
    verloopt_op: new Date(now.getTime() + SSO_REQUEST_MINUTES * 60_000),
  });
  const u = new URL(doc.authorization_endpoint);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('client_id', cfg.clientId);
  u.searchParams.set('redirect_uri', cfg.redirectUri);
  u.searchParams.set('scope', cfg.scope);
  u.searchParams.set('state', state);
  u.searchParams.set('nonce', nonce);
  u.searchParams.set('code_challenge', challenge);
  u.searchParams.set('code_challenge_method', 'S256');
  return { url: u.toString(), binding };
}

/** Validate an ID token: signature (issuer's JWKS), iss, aud, azp, exp/iat, nonce, sub. */
export async function verifyIdToken(
  idToken: string,
  cfg: OidcConfig,
  keys: Parameters<typeof jwtVerify>[1],
  nonce: string,
): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keys, {
      issuer: cfg.issuer,
      audience: cfg.clientId,
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
      requiredClaims: ['exp', 'iat', 'sub'],
      clockTolerance: 60,
      maxTokenAge: '1h',
    }));
  } catch (e) {
    throw new SsoError(`ID-token ongeldig: ${(e as { code?: string }).code ?? (e as Error).message}`);
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== cfg.clientId)
    throw new SsoError('ID-token ongeldig: azp');
  if (payload.nonce !== nonce) throw new SsoError('ID-token ongeldig: nonce wijkt af');
  if (typeof payload.sub !== 'string' || !payload.sub) throw new SsoError('ID-token ongeldig: sub ontbreekt');
  return payload;
}

/** Step 2: check state and binding, exchange the code (with the PKCE verifier), validate the ID token. */
export async function finishSso(
  db: Db,
  cfg: OidcConfig,
  input: { state?: string; code?: string; error?: string; iss?: string; binding?: string; now: Date },
): Promise<JWTPayload> {
  if (!input.state) throw new SsoError('state ontbreekt');
  // Single use: the request is removed whatever the outcome.
  const row = await oidcAanvraagNemen(db, input.state);
  if (!row) throw new SsoError('onbekende of al gebruikte state');
  if (new Date(row.verloopt_op).getTime() < input.now.getTime()) throw new SsoError('aanvraag verlopen');
  if (!input.binding || sha256(input.binding) !== row.binding_hash)
    throw new SsoError('state hoort niet bij deze browser');
  // RFC 9207: when the provider names itself in the response, it must be the configured one (mix-up defence).
  if (input.iss !== undefined && input.iss !== cfg.issuer) throw new SsoError('iss in het antwoord wijkt af');
  if (input.error) throw new SsoError(`identity provider: ${input.error.slice(0, 60)}`);
  if (!input.code) throw new SsoError('code ontbreekt');
  const { doc, jwks } = await discover(cfg);
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: cfg.redirectUri,
    code_verifier: row.code_verifier,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (cfg.clientSecret) {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(cfg.clientId)}:${encodeURIComponent(cfg.clientSecret)}`).toString('base64')}`;
  } else form.set('client_id', cfg.clientId);
  const res = await fetch(doc.token_endpoint, {
    method: 'POST',
    headers,
    body: form,
    signal: AbortSignal.timeout(10_000),
  });
  const tokens = (await res.json().catch(() => ({}))) as { id_token?: string; access_token?: string; error?: string };
  if (!res.ok || !tokens.id_token)
    throw new SsoError(
      `tokenuitwisseling mislukt (${res.status}${tokens.error ? `: ${String(tokens.error).slice(0, 40)}` : ''})`,
    );
  const claims = await verifyIdToken(tokens.id_token, cfg, jwks, row.nonce);
  // Roles may be released only at the userinfo endpoint.
  if (claimAt(claims, cfg.roleClaim) === undefined && doc.userinfo_endpoint && tokens.access_token) {
    const ui = await fetch(doc.userinfo_endpoint, {
      headers: { authorization: `Bearer ${tokens.access_token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    if (ui.ok) {
      const info = (await ui.json()) as Record<string, unknown>;
      // Userinfo must be about the same subject (OIDC Core §5.3.2); the ID token's claims win.
      if (info.sub === claims.sub) return { ...info, ...claims };
    }
  }
  return claims;
}

/** A claim by name or dotted path (e.g. Keycloak's realm_access.roles). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let v: unknown = claims;
  for (const p of path.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** Voordeur roles from the role claim through the configured map (unknown values are ignored). */
export function mapRoles(claims: Record<string, unknown>, cfg: OidcConfig): string[] {
  const v = claimAt(claims, cfg.roleClaim);
  const values = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : [];
  const roles = new Set<string>();
  for (const x of values) for (const r of cfg.roleMap[String(x)] ?? []) roles.add(r);
  return [...roles].sort();
}

export function hasIdpMfa(claims: Record<string, unknown>, cfg: OidcConfig): boolean {
  const amr = claims.amr;
  return Array.isArray(amr) && amr.some((a) => cfg.mfaAmr.includes(String(a)));
}

/**
 * The Voordeur user for these claims: matched on (issuer, sub), created on first login. Roles
 * (and team, when a team claim is configured) follow the identity provider at every login.
 * A local account is never taken over by name: a name already in use gets a suffix.
 */
export async function upsertSsoUser(
  db: Db,
  cfg: OidcConfig,
  claims: JWTPayload,
  rollen: string[],
): Promise<SessionUser | 'inactief'> {
  const sub = claims.sub!;
  const naam = String(
    claims.name ??
      ([claims.given_name, claims.family_name].filter(Boolean).join(' ') ||
        claims.preferred_username ||
        claims.email ||
        sub),
  ).slice(0, 200);
  let teamId: number | null | undefined;
  if (cfg.teamClaim) {
    const t = claimAt(claims, cfg.teamClaim);
    teamId = typeof t === 'string' ? await teamIdByNaam(db, t) : null;
  }
  const existing = await ssoGebruiker(db, cfg.issuer, sub);
  if (existing) {
    if (!existing.actief) return 'inactief';
    return toUser(
      await ssoGebruikerBijwerken(db, existing.id, {
        naam,
        rollen,
        team_id: teamId === undefined ? existing.team_id : teamId,
      }),
    );
  }
  const organisatieId = await eersteOrganisatieId(db);
  if (organisatieId === null) throw new SsoError('geen organisatie ingericht');
  const base =
    String(claims.preferred_username ?? claims.email ?? `sso-${sub}`)
      .trim()
      .slice(0, 90) || `sso-${sub.slice(0, 40)}`;
  for (let i = 0; i < 50; i++) {
    const gebruikersnaam = i === 0 ? base : `${base}-sso${i === 1 ? '' : i}`;
    const nieuw = await ssoGebruikerInvoegen(db, {
      organisatie_id: organisatieId,
      gebruikersnaam,
      naam,
      rollen,
      team_id: teamId ?? null,
      oidc_issuer: cfg.issuer,
      oidc_sub: sub,
    });
    if (nieuw) return toUser(nieuw);
    // A concurrent first login of the same sub created it meanwhile.
    const again = await ssoGebruiker(db, cfg.issuer, sub);
    if (again) return toUser(again);
  }
  throw new SsoError('geen vrije gebruikersnaam');
}
