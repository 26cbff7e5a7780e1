// Single sign-on against a REAL OpenID Connect provider started inside the test (oidc-provider,
// in-process on a random port): authorization code + PKCE, state and nonce, the ID token's
// signature against the provider's JWKS, roles from a claim (released at userinfo), users
// matched by sub, MFA from `amr` or TOTP otherwise. Only the user at the provider is scripted
// (who logs in, with which methods); the protocol is the provider's own.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, type JWK } from 'jose';
import { sql } from 'kysely';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type OidcConfig } from '../config.ts';
import { createTestEnv, type TestEnv } from '../testing.ts';
import { clearOidcCache, SSO_MAX_OPEN, verifyIdToken } from './oidc.ts';
import { totp } from './totp.ts';

const REDIRECT = 'http://127.0.0.1:3000/api/sso/callback';
let env: TestEnv;
let server: http.Server;
let provider: InstanceType<typeof Provider>;
let issuer: string;
let oidc: OidcConfig;

/** The person at the identity provider: who logs in next, and how (amr). */
const accounts: Record<string, Record<string, unknown>> = {
  'sub-anna': { name: 'Anna de Wit', preferred_username: 'anna', email: 'anna@vt.example', groepen: ['vt-beleid'] },
  'sub-bram': {
    name: 'Bram Oost',
    preferred_username: 'bram',
    email: 'bram@vt.example',
    groepen: ['vt-backoffice', 'iets-anders'],
  },
  'sub-cees': { name: 'Cees Noord', preferred_username: 'cees', groepen: ['vt-teamleiding'] },
  // A name already used by a local (demo) account: must not take it over.
  'sub-bureau': { name: 'Andere Bureau', preferred_username: 'bureau', groepen: ['vt-beleid'] },
  'sub-zonder': { name: 'Zonder Rol', preferred_username: 'zonder', groepen: ['iets-anders'] },
};
let next: { accountId: string; amr: string[] } = { accountId: 'sub-anna', amr: ['pwd'] };

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-1', alg: 'RS256', use: 'sig' };
  // The handler catches its own errors (try/catch below), so the returned promise is safe to drop.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  server = http.createServer(async (req, res) => {
    try {
      if (req.url?.startsWith('/interaction/')) {
        // The login and consent pages: the scripted user logs in (with next.amr) and consents.
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: next.accountId, amr: next.amr } },
            { mergeWithLastSubmission: false },
          );
        } else {
          const grant = new provider.Grant({
            accountId: details.session!.accountId,
            clientId: details.params.client_id as string,
          });
          grant.addOIDCScope(String(details.params.scope));
          await provider.interactionFinished(
            req,
            res,
            { consent: { grantId: await grant.save() } },
            { mergeWithLastSubmission: true },
          );
        }
        return;
      }
      provider.callback()(req, res);
    } catch (e) {
      res.statusCode = 500;
      res.end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'voordeur',
        client_secret: 'test-client-secret-voordeur',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk as JWK & { kid: string }] } as any,
    pkce: { methods: ['S256'], required: () => true },
    // amr is released in the ID token with the openid scope (oidc-provider's default releases only sub).
    claims: { openid: ['sub', 'amr'], profile: ['name', 'preferred_username'], email: ['email'], groepen: ['groepen'] },
    scopes: ['openid', 'profile', 'email', 'groepen'],
    findAccount: async (_ctx: unknown, id: string) =>
      accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key-voordeur'] },
  } as any);
  clearOidcCache();
  oidc = loadConfig({
    VOORDEUR_OIDC_ISSUER: issuer,
    VOORDEUR_OIDC_CLIENT_ID: 'voordeur',
    VOORDEUR_OIDC_CLIENT_SECRET: 'test-client-secret-voordeur',
    VOORDEUR_OIDC_REDIRECT_URI: REDIRECT,
    VOORDEUR_OIDC_ROLE_CLAIM: 'groepen',
    VOORDEUR_OIDC_SCOPE: 'openid profile email groepen',
    VOORDEUR_OIDC_ROLE_MAP: JSON.stringify({
      'vt-beleid': 'beleidsmedewerker',
      'vt-backoffice': 'backoffice',
      'vt-teamleiding': ['teammanager', 'backoffice'],
    }),
  }).oidc!;
  env = await createTestEnv({ config: { oidc } });
});
afterAll(async () => {
  await env?.close();
  await new Promise((r) => server?.close(r));
});

// ---- a browser: cookies per origin, redirects followed by hand until they come back to Voordeur

class Browser {
  providerCookies = new Map<string, string>();
  voordeurCookies = new Map<string, string>();
  private store(jar: Map<string, string>, setCookies: string[]) {
    for (const c of setCookies) {
      const [pair, ...attrs] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (
        attrs.some((a) => /^\s*max-age=0$/i.test(a)) ||
        attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) ||
        value === ''
      )
        jar.delete(name);
      else jar.set(name, value);
    }
  }
  private header(jar: Map<string, string>) {
    return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  /** GET a Voordeur URL through app.inject. */
  async voordeur(url: string) {
    const res = await env.app.inject({
      method: 'GET',
      url,
      headers: this.voordeurCookies.size ? { cookie: this.header(this.voordeurCookies) } : {},
    });
    const sc = res.headers['set-cookie'];
    this.store(this.voordeurCookies, sc === undefined ? [] : Array.isArray(sc) ? sc : [sc]);
    return res;
  }
  /** Follow the provider's redirects from `url` until it sends the browser back to Voordeur. */
  async atProvider(url: string): Promise<URL> {
    let current = url;
    for (let hop = 0; hop < 20; hop++) {
      if (current.startsWith(REDIRECT)) return new URL(current);
      const res = await fetch(current, { redirect: 'manual', headers: { cookie: this.header(this.providerCookies) } });
      this.store(this.providerCookies, res.headers.getSetCookie());
      const location = res.headers.get('location');
      if (!location)
        throw new Error(
          `provider answered ${res.status} without redirect at ${current}: ${(await res.text()).slice(0, 300)}`,
        );
      current = new URL(location, current).toString();
    }
    throw new Error('too many redirects');
  }
  /** Start at Voordeur, log in at the provider, come back: the callback URL (not yet visited). */
  async toCallback(): Promise<{ callback: URL; authorize: URL }> {
    const start = await this.voordeur('/api/sso/start');
    expect(start.statusCode).toBe(302);
    const authorize = new URL(String(start.headers.location));
    return { callback: await this.atProvider(authorize.toString()), authorize };
  }
  async login(as: { accountId: string; amr: string[] }) {
    next = as;
    const { callback } = await this.toCallback();
    return this.voordeur(callback.pathname + callback.search);
  }
}

async function logSince(id: number) {
  return (await sql<any>`select * from access_log where id > ${id} order by id`.execute(env.database.db)).rows;
}
async function lastLogId(): Promise<number> {
  return Number(
    (await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(env.database.db)).rows[0]!.id ?? 0,
  );
}
const ssoUser = async (sub: string) =>
  (await sql<any>`select * from gebruiker where oidc_sub = ${sub}`.execute(env.database.db)).rows[0];

describe('SSO with a real OIDC provider', () => {
  it('start: redirect to the provider with code flow, S256 PKCE, state and nonce kept server-side; a browser-binding cookie', async () => {
    const b = new Browser();
    const start = await b.voordeur('/api/sso/start');
    expect(start.statusCode).toBe(302);
    const u = new URL(String(start.headers.location));
    expect(`${u.origin}${u.pathname}`).toBe(`${issuer}/auth`);
    const p = Object.fromEntries(u.searchParams);
    expect(p).toMatchObject({
      response_type: 'code',
      client_id: 'voordeur',
      redirect_uri: REDIRECT,
      scope: 'openid profile email groepen',
      code_challenge_method: 'S256',
    });
    expect(p.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = (await sql<any>`select * from oidc_aanvraag where state = ${p.state}`.execute(env.database.db)).rows[0];
    expect(row.nonce).toBe(p.nonce);
    // The verifier never leaves the server; the challenge is its SHA-256.
    expect(u.toString()).not.toContain(row.code_verifier);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(row.code_verifier).digest('base64url')).toBe(p.code_challenge);
    expect(String(start.headers['set-cookie'])).toMatch(
      /^vd_sso=[A-Za-z0-9_-]{43}; Path=\/api\/sso; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );
  });

  it('a user with MFA at the provider (amr) and a role mapped from the claim gets a session; created once, matched by sub after', async () => {
    const b = new Browser();
    const before = await lastLogId();
    const cb = await b.login({ accountId: 'sub-bram', amr: ['pwd', 'mfa'] });
    expect(cb.statusCode).toBe(302);
    expect(cb.headers.location).toBe('/');
    expect(b.voordeurCookies.has('vd_sessie')).toBe(true);
    expect(b.voordeurCookies.has('vd_sso')).toBe(false);
    const s = await b.voordeur('/api/sessie');
    expect(s.statusCode).toBe(200);
    expect(s.json().gebruiker).toMatchObject({ gebruikersnaam: 'bram', naam: 'Bram Oost', rollen: ['backoffice'] });
    const u = await ssoUser('sub-bram');
    expect(u).toMatchObject({ oidc_issuer: issuer, wachtwoord_hash: null, rollen: ['backoffice'] });
    const rows = await logSince(before);
    expect(rows[0]).toMatchObject({
      action: 'login',
      route: 'GET /api/sso/callback',
      outcome: 'success',
      purpose: 'sso+idp-mfa',
      user_id: u.id,
    });
    expect((await b.voordeur('/api/account')).json()).toMatchObject({
      sso: true,
      lokaalWachtwoord: false,
      sessie: { methode: 'sso+idp-mfa' },
    });

    // Second login: the same user, roles follow the provider.
    accounts['sub-bram']!.groepen = ['vt-teamleiding'];
    const again = new Browser();
    expect((await again.login({ accountId: 'sub-bram', amr: ['mfa'] })).headers.location).toBe('/');
    expect((await again.voordeur('/api/sessie')).json().gebruiker).toMatchObject({
      id: u.id,
      rollen: ['backoffice', 'teammanager'],
    });
    expect(
      (
        await sql<{ n: number }>`select count(*)::int as n from gebruiker where oidc_sub = 'sub-bram'`.execute(
          env.database.db,
        )
      ).rows[0]!.n,
    ).toBe(1);
    // A local password login is impossible for an SSO account.
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: '/api/sessie',
          payload: { gebruikersnaam: 'bram', wachtwoord: '' + 'x'.repeat(12) },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('without MFA at the provider, a role with personal data must enrol and use TOTP in Voordeur', async () => {
    const b = new Browser();
    const cb = await b.login({ accountId: 'sub-cees', amr: ['pwd'] });
    expect(cb.headers.location).toBe('/?stap=totp_inschrijven');
    // The pre-authentication session can do nothing else.
    expect((await b.voordeur('/api/sessie')).statusCode).toBe(401);
    const cookie = `vd_sessie=${b.voordeurCookies.get('vd_sessie')}`;
    const e = await env.app.inject({ method: 'POST', url: '/api/sessie/totp/inschrijving', headers: { cookie } });
    const { geheim } = e.json();
    const done = await env.app.inject({
      method: 'POST',
      url: '/api/sessie/totp',
      headers: { cookie },
      payload: { code: totp(geheim, env.clock.now) },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().gebruiker).toMatchObject({ gebruikersnaam: 'cees', rollen: ['backoffice', 'teammanager'] });
    expect(done.json().herstelcodes).toHaveLength(10);

    // Next time the code is asked; with MFA at the provider it is not.
    expect((await new Browser().login({ accountId: 'sub-cees', amr: ['pwd'] })).headers.location).toBe('/?stap=totp');
    expect((await new Browser().login({ accountId: 'sub-cees', amr: ['pwd', 'otp'] })).headers.location).toBe('/');
  });

  it('a role without personal data logs in without a second factor; a local account is never taken over by name', async () => {
    const b = new Browser();
    expect((await b.login({ accountId: 'sub-anna', amr: ['pwd'] })).headers.location).toBe('/');
    expect((await b.voordeur('/api/sessie')).json().gebruiker).toMatchObject({
      gebruikersnaam: 'anna',
      rollen: ['beleidsmedewerker'],
    });

    const c = new Browser();
    expect((await c.login({ accountId: 'sub-bureau', amr: ['pwd'] })).headers.location).toBe('/');
    const g = (await c.voordeur('/api/sessie')).json().gebruiker;
    expect(g.gebruikersnaam).toBe('bureau-sso');
    expect(g.id).not.toBe(env.users.get('bureau'));
    expect(g.rollen).toEqual(['beleidsmedewerker']);
  });

  it('no mapped role: refused and logged; an existing SSO user who lost the role loses it in Voordeur too', async () => {
    const before = await lastLogId();
    const b = new Browser();
    const cb = await b.login({ accountId: 'sub-zonder', amr: ['mfa'] });
    expect(cb.headers.location).toBe('/?sso=mislukt');
    expect(b.voordeurCookies.has('vd_sessie')).toBe(false);
    expect(await ssoUser('sub-zonder')).toBeUndefined();
    expect((await logSince(before)).at(-1)).toMatchObject({
      route: 'GET /api/sso/callback',
      outcome: 'denied',
      purpose: 'sso: geen Voordeur-rol in de claims',
      user_id: null,
    });

    const anna = new Browser();
    await anna.login({ accountId: 'sub-anna', amr: ['pwd'] });
    expect((await anna.voordeur('/api/sessie')).statusCode).toBe(200);
    accounts['sub-anna']!.groepen = [];
    expect((await new Browser().login({ accountId: 'sub-anna', amr: ['pwd'] })).headers.location).toBe('/?sso=mislukt');
    expect((await ssoUser('sub-anna')).rollen).toEqual([]);
    // Her open session has no rights left.
    expect((await anna.voordeur('/api/sessie')).statusCode).toBe(403);
    accounts['sub-anna']!.groepen = ['vt-beleid'];
  });
});

describe('SSO refusals', () => {
  async function refused(b: Browser, url: string, reason: string) {
    const before = await lastLogId();
    const res = await b.voordeur(url);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/?sso=mislukt');
    expect(b.voordeurCookies.has('vd_sessie')).toBe(false);
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ route: 'GET /api/sso/callback', outcome: 'denied', purpose: `sso: ${reason}` });
  }

  it('a wrong or unknown state', async () => {
    next = { accountId: 'sub-bram', amr: ['mfa'] };
    const b = new Browser();
    const { callback } = await b.toCallback();
    callback.searchParams.set('state', `${callback.searchParams.get('state')!.slice(0, -2)}xx`);
    await refused(b, callback.pathname + callback.search, 'onbekende of al gebruikte state');
    await refused(b, '/api/sso/callback?code=abc', 'state ontbreekt');
  });

  it('a state started in another browser (login CSRF): the binding cookie does not match', async () => {
    next = { accountId: 'sub-bram', amr: ['mfa'] };
    const attacker = new Browser();
    const { callback } = await attacker.toCallback();
    const victim = new Browser();
    await refused(victim, callback.pathname + callback.search, 'state hoort niet bij deze browser');
  });

  it('the callback used twice (replay): refused the second time', async () => {
    next = { accountId: 'sub-bram', amr: ['mfa'] };
    const b = new Browser();
    const { callback } = await b.toCallback();
    const sso = b.voordeurCookies.get('vd_sso')!;
    expect((await b.voordeur(callback.pathname + callback.search)).headers.location).toBe('/');
    b.voordeurCookies.delete('vd_sessie');
    b.voordeurCookies.set('vd_sso', sso);
    await refused(b, callback.pathname + callback.search, 'onbekende of al gebruikte state');
  });

  it('a wrong nonce in the ID token', async () => {
    next = { accountId: 'sub-bram', amr: ['mfa'] };
    const b = new Browser();
    const { callback } = await b.toCallback();
    await sql`update oidc_aanvraag set nonce = 'een-andere-nonce' where state = ${callback.searchParams.get('state')}`.execute(
      env.database.db,
    );
    await refused(b, callback.pathname + callback.search, 'ID-token ongeldig: nonce wijkt af');
  });

  it('a wrong PKCE verifier: the provider refuses the code exchange', async () => {
    next = { accountId: 'sub-bram', amr: ['mfa'] };
    const b = new Browser();
    const { callback } = await b.toCallback();
    await sql`update oidc_aanvraag set code_verifier = ${'v'.repeat(43)} where state = ${callback.searchParams.get('state')}`.execute(
      env.database.db,
    );
    await refused(b, callback.pathname + callback.search, 'tokenuitwisseling mislukt (400: invalid_grant)');
  });

  it('an expired request, an error from the provider, and a response naming another issuer (RFC 9207)', async () => {
    next = { accountId: 'sub-bram', amr: ['mfa'] };
    const b1 = new Browser();
    const { callback: c1 } = await b1.toCallback();
    await sql`update oidc_aanvraag set verloopt_op = ${new Date(env.clock.now.getTime() - 1000).toISOString()} where state = ${c1.searchParams.get('state')}`.execute(
      env.database.db,
    );
    await refused(b1, c1.pathname + c1.search, 'aanvraag verlopen');

    const b2 = new Browser();
    const { callback: c2 } = await b2.toCallback();
    c2.searchParams.set('iss', 'https://idp.aanvaller.example');
    await refused(b2, c2.pathname + c2.search, 'iss in het antwoord wijkt af');

    const b3 = new Browser();
    const start = await b3.voordeur('/api/sso/start');
    const state = new URL(String(start.headers.location)).searchParams.get('state');
    await refused(b3, `/api/sso/callback?state=${state}&error=access_denied`, 'identity provider: access_denied');
  });

  it('without SSO configured the routes answer 404', async () => {
    const plain = await createTestEnv();
    try {
      expect((await plain.app.inject({ method: 'GET', url: '/api/sso/start' })).json()).toMatchObject({
        error: 'sso_niet_ingesteld',
      });
      expect((await plain.app.inject({ method: 'GET', url: '/api/sso/callback?code=x&state=y' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('ID token validation', () => {
  const cfg = (): OidcConfig => ({ ...oidc, issuer: 'https://idp.example', clientId: 'voordeur' });
  let keys: ReturnType<typeof createLocalJWKSet>;
  let key: CryptoKey;
  let otherKey: CryptoKey;
  beforeAll(async () => {
    const a = await generateKeyPair('RS256', { extractable: true });
    const b = await generateKeyPair('RS256');
    key = a.privateKey;
    otherKey = b.privateKey;
    keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(a.publicKey)), kid: 'k1', alg: 'RS256' }] });
  });
  const token = (claims: Record<string, unknown>, opts: { signWith?: CryptoKey; alg?: string; exp?: number } = {}) =>
    new SignJWT({ nonce: 'n-1', ...claims })
      .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: 'k1' })
      .setIssuer(String(claims.iss ?? 'https://idp.example'))
      .setAudience((claims.aud as string | string[]) ?? 'voordeur')
      .setSubject('sub-1')
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(opts.signWith ?? key);

  it('accepts a valid token and refuses a wrong signature, issuer, audience, azp, nonce or an expired token', async () => {
    await expect(verifyIdToken(await token({}), cfg(), keys, 'n-1')).resolves.toMatchObject({ sub: 'sub-1' });
    await expect(verifyIdToken(await token({}, { signWith: otherKey }), cfg(), keys, 'n-1')).rejects.toThrow(
      /ID-token ongeldig: ERR_JWS_SIGNATURE_VERIFICATION_FAILED/,
    );
    await expect(verifyIdToken(await token({ iss: 'https://andere.example' }), cfg(), keys, 'n-1')).rejects.toThrow(
      /ERR_JWT_CLAIM_VALIDATION_FAILED/,
    );
    await expect(verifyIdToken(await token({ aud: 'andere-client' }), cfg(), keys, 'n-1')).rejects.toThrow(
      /ERR_JWT_CLAIM_VALIDATION_FAILED/,
    );
    await expect(
      verifyIdToken(await token({ aud: ['voordeur', 'andere-client'] }), cfg(), keys, 'n-1'),
    ).rejects.toThrow(/azp/);
    await expect(
      verifyIdToken(await token({ aud: ['voordeur', 'andere-client'], azp: 'voordeur' }), cfg(), keys, 'n-1'),
    ).resolves.toBeTruthy();
    await expect(verifyIdToken(await token({}), cfg(), keys, 'n-2')).rejects.toThrow(/nonce wijkt af/);
    await expect(
      verifyIdToken(await token({}, { exp: Math.floor(Date.now() / 1000) - 3600 }), cfg(), keys, 'n-1'),
    ).rejects.toThrow(/ERR_JWT_EXPIRED/);
    // An unsigned token (alg none) is never accepted.
    const [, payload] = (await token({})).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    await expect(verifyIdToken(none, cfg(), keys, 'n-1')).rejects.toThrow(/ID-token ongeldig/);
  });

  it('configuration: issuer and redirect URI must be https (http only on localhost), the role map must name known roles', () => {
    const base = {
      VOORDEUR_OIDC_ISSUER: 'https://idp.example',
      VOORDEUR_OIDC_CLIENT_ID: 'v',
      VOORDEUR_OIDC_REDIRECT_URI: 'https://voordeur.example/api/sso/callback',
      VOORDEUR_OIDC_ROLE_MAP: '{"g":"backoffice"}',
    };
    expect(loadConfig(base).oidc).toMatchObject({
      issuer: 'https://idp.example',
      roleClaim: 'roles',
      roleMap: { g: ['backoffice'] },
      mfaAmr: ['mfa', 'otp'],
    });
    expect(() => loadConfig({ ...base, VOORDEUR_OIDC_ISSUER: 'http://idp.example' })).toThrow(/must use https/);
    expect(() => loadConfig({ ...base, VOORDEUR_OIDC_CLIENT_ID: '' })).toThrow(/VOORDEUR_OIDC_CLIENT_ID is required/);
    expect(() => loadConfig({ ...base, VOORDEUR_OIDC_ROLE_MAP: '{"g":"baas"}' })).toThrow(/unknown role "baas"/);
    expect(() => loadConfig({ ...base, VOORDEUR_OIDC_ROLE_MAP: 'nee' })).toThrow(/must be JSON/);
    expect(loadConfig({}).oidc).toBeNull();
  });
});

describe('starting a sign-on is bounded (it stores a pending request for an anonymous caller)', () => {
  const start = (ip: string) => env.app.inject({ method: 'GET', url: '/api/sso/start', remoteAddress: ip });

  it('per client address: 429 with Retry-After beyond VOORDEUR_RATE_SSO_START_PER_MINUTE, other addresses unaffected', async () => {
    const limit = loadConfig({}).rateSsoStartPerMinute;
    expect(limit).toBe(30); // the default; the test env does not change it
    expect(loadConfig({ VOORDEUR_RATE_SSO_START_PER_MINUTE: '5' }).rateSsoStartPerMinute).toBe(5);
    const pending = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from oidc_aanvraag`.execute(env.database.db)).rows[0]!.n;
    const before = await pending();
    for (let i = 0; i < limit; i++) expect((await start('203.0.113.7')).statusCode).toBe(302);
    const refused = await start('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json()).toMatchObject({ error: 'te_veel_verzoeken' });
    // The refused start stored nothing; another address still gets through.
    expect(await pending()).toBe(before + limit);
    expect((await start('203.0.113.8')).statusCode).toBe(302);
  });

  it('in total: with SSO_MAX_OPEN sign-ons pending a start is 503, and works again when they expire', async () => {
    const db = env.database.db;
    const later = new Date(Date.now() + 5 * 60_000).toISOString();
    await sql`insert into oidc_aanvraag (state, binding_hash, nonce, code_verifier, verloopt_op)
              select 'flood-' || i, 'x', 'x', 'x', ${later}::timestamptz from generate_series(1, ${SSO_MAX_OPEN}) i`.execute(
      db,
    );
    const r = await start('198.51.100.1');
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ error: 'sso_te_druk' });
    // Expired by the app's clock (the test clock stands still; the database's now() does not).
    await sql`update oidc_aanvraag set verloopt_op = ${new Date(env.clock.now.getTime() - 60_000).toISOString()} where state like 'flood-%'`.execute(
      db,
    );
    expect((await start('198.51.100.1')).statusCode).toBe(302);
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from oidc_aanvraag where state like 'flood-%'`.execute(db))
        .rows[0]!.n,
    ).toBe(0);
  });
});

describe('behind a reverse proxy (VOORDEUR_TRUST_PROXY)', () => {
  it('counts the client address the trusted proxy forwards, and ignores a forged header from anyone else', async () => {
    const proxied = await createTestEnv({ config: { oidc, trustProxy: ['10.0.0.5'] } });
    try {
      const start = (remoteAddress: string, forwardedFor: string) =>
        proxied.app.inject({
          method: 'GET',
          url: '/api/sso/start',
          remoteAddress,
          headers: { 'x-forwarded-for': forwardedFor },
        });
      const limit = loadConfig({}).rateSsoStartPerMinute;
      // Through the proxy: every employee has an own bucket, so a busy morning is no 429.
      for (let i = 0; i < limit + 5; i++) expect((await start('10.0.0.5', `192.0.2.${i + 1}`)).statusCode).toBe(302);
      // A client that is not the proxy cannot pick its address with the header.
      for (let i = 0; i < limit; i++) expect((await start('198.51.100.77', `192.0.2.${100 + i}`)).statusCode).toBe(302);
      expect((await start('198.51.100.77', '192.0.2.250')).statusCode).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('configuration: false or a list of addresses/CIDR ranges; "true" is refused', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ VOORDEUR_TRUST_PROXY: '10.0.0.0/24, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/24',
      '127.0.0.1',
    ]);
    expect(() => loadConfig({ VOORDEUR_TRUST_PROXY: 'true' })).toThrow(/VOORDEUR_TRUST_PROXY/);
    expect(() => loadConfig({ VOORDEUR_TRUST_PROXY: 'proxy.example' })).toThrow(/VOORDEUR_TRUST_PROXY/);
  });
});
