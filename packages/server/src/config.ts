// All configuration comes from environment variables (documented in README.md).
import path from 'node:path';
import { ROLLEN } from './policy/index.ts';
import { monitoringWekenUit } from './referentie/klokbeleid.ts';

export interface Config {
  /** Weeks between monitoringcontacten after an overdracht (VOORDEUR_MONITORING_WEKEN, referentie/klokbeleid.ts). */
  monitoringWeken: number;
  port: number;
  host: string;
  /** postgres://… runs against a PostgreSQL server; absent = embedded PGlite in dataDir. */
  databaseUrl: string | null;
  /**
   * PostgreSQL server: the schema owner's URL for migrations (then DATABASE_URL is the application's
   * own, non-owner role; see db/rollen.ts). Absent: migrations run over DATABASE_URL.
   */
  migrationDatabaseUrl: string | null;
  /** With migrationDatabaseUrl: the application role that gets its rights after each migration. */
  appRol: string | null;
  dataDir: string;
  /** Load the demo organisation, users and cases when the database is empty. */
  demo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Secure cookies (set when served behind TLS). */
  secureCookies: boolean;
  /**
   * Which reverse proxies to believe for the client address (X-Forwarded-For): false (direct), or
   * the proxies' addresses/CIDR ranges. The per-address login and SSO limits need the real client.
   */
  trustProxy: false | string[];
  logLevel: string;
  /** Second factor (TOTP) required for every role that sees personal data (default true). */
  requireTotp: boolean;
  /** Failed logins (password or code) before an account is locked; each further failure locks again, twice as long. */
  loginMaxFailures: number;
  /** First lock duration in minutes (doubles with every further failure, capped at 24 hours). */
  loginLockMinutes: number;
  /** Failed logins per client IP address in 15 minutes before the login routes answer 429. */
  loginIpMaxFailures: number;
  /** Searches of personal data per user per minute (burst and sustained rate); 429 beyond. */
  rateSearchPerMinute: number;
  /** Exports and prints of personal data per user per hour (burst: a quarter of it); 429 beyond. */
  rateExportPerHour: number;
  /** Starts of a single sign-on per client IP address per minute (each stores a pending request); 429 beyond. */
  rateSsoStartPerMinute: number;
  /** Drafts (concepten): maximum size of one draft in bytes and days kept after the last change. */
  draftMaxBytes: number;
  draftDays: number;
  /** OpenID Connect single sign-on; null when not configured. */
  oidc: OidcConfig | null;
  /** Directory of the access log's signed head anchors, outside the database (VOORDEUR_AUDIT_ANCHOR_DIR, audit/anker.ts). */
  auditAnchorDir: string;
  /** Seconds between signed anchors written by the server (VOORDEUR_AUDIT_ANCHOR_INTERVAL_SECONDS; 0 = none). */
  auditAnchorSeconds: number;
  /** Bearer token for GET /api/metrics (VOORDEUR_METRICS_TOKEN, at least 24 characters); null = metrics off. */
  metricsToken: string | null;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  redirectUri: string;
  /** Claim in the ID token (or userinfo) holding the user's groups/roles at the identity provider. */
  roleClaim: string;
  /** Claim value → Voordeur roles. */
  roleMap: Record<string, string[]>;
  /** Optional claim naming the Voordeur team (matched on the team's name). */
  teamClaim: string | null;
  scope: string;
  /** `amr` values that count as multi-factor authentication at the identity provider. */
  mfaAmr: string[];
  /** Where the browser goes after a successful SSO login. */
  afterLoginPath: string;
}

/**
 * VOORDEUR_TRUST_PROXY: empty/false = no proxy; otherwise a comma-separated list of the reverse
 * proxies' addresses or CIDR ranges (e.g. `10.0.0.5` or `10.0.0.0/24,127.0.0.1`). 'true' (trust
 * anyone) is refused: any client could then choose its own address and escape the limits.
 */
function trustProxy(env: NodeJS.ProcessEnv): false | string[] {
  const v = env.VOORDEUR_TRUST_PROXY?.trim();
  if (!v || v === 'false') return false;
  const items = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const ok = (x: string) => /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/.test(x) || /^[0-9a-fA-F:]+(\/\d{1,3})?$/.test(x);
  if (v === 'true' || items.length === 0 || !items.every(ok)) {
    throw new Error(
      `configuration: VOORDEUR_TRUST_PROXY must be false or the reverse proxies' addresses/CIDR ranges (comma-separated), got '${v}'`,
    );
  }
  return items;
}

function int(name: string, def: number, env: NodeJS.ProcessEnv): number {
  const v = env[name];
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`configuration: ${name} must be a non-negative integer, got '${v}'`);
  return n;
}

const bool = (name: string, def: boolean, env: NodeJS.ProcessEnv) => {
  const v = env[name]?.trim();
  if (v === undefined || v === '') return def;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new Error(`configuration: ${name} must be true or false, got '${v}'`);
};

const KNOWN_ROLES: readonly string[] = ROLLEN;

function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.VOORDEUR_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const need = (name: string) => {
    const v = env[name]?.trim();
    if (!v) throw new Error(`configuration: ${name} is required when VOORDEUR_OIDC_ISSUER is set`);
    return v;
  };
  const clientId = need('VOORDEUR_OIDC_CLIENT_ID');
  const redirectUri = need('VOORDEUR_OIDC_REDIRECT_URI');
  for (const [name, v] of [
    ['VOORDEUR_OIDC_ISSUER', issuer],
    ['VOORDEUR_OIDC_REDIRECT_URI', redirectUri],
  ] as const) {
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      throw new Error(`configuration: ${name} must be a URL, got '${v}'`);
    }
    const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local))
      throw new Error(`configuration: ${name} must use https (http only for localhost), got '${v}'`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(env.VOORDEUR_OIDC_ROLE_MAP?.trim() || '{}');
  } catch {
    throw new Error(
      'configuration: VOORDEUR_OIDC_ROLE_MAP must be JSON, e.g. {"vt-backoffice":"backoffice","vt-arts":["vertrouwensarts"]}',
    );
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error('configuration: VOORDEUR_OIDC_ROLE_MAP must be a JSON object of claim value → role(s)');
  const roleMap: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const roles = Array.isArray(v) ? v : [v];
    for (const r of roles) {
      if (typeof r !== 'string' || !KNOWN_ROLES.includes(r))
        throw new Error(
          `configuration: VOORDEUR_OIDC_ROLE_MAP maps '${k}' to unknown role ${JSON.stringify(r)} (known: ${KNOWN_ROLES.join(', ')})`,
        );
    }
    roleMap[k] = roles as string[];
  }
  if (Object.keys(roleMap).length === 0)
    throw new Error('configuration: VOORDEUR_OIDC_ROLE_MAP must map at least one claim value to a role');
  return {
    issuer,
    clientId,
    clientSecret: env.VOORDEUR_OIDC_CLIENT_SECRET?.trim() || null,
    redirectUri,
    roleClaim: env.VOORDEUR_OIDC_ROLE_CLAIM?.trim() || 'roles',
    roleMap,
    teamClaim: env.VOORDEUR_OIDC_TEAM_CLAIM?.trim() || null,
    scope: env.VOORDEUR_OIDC_SCOPE?.trim() || 'openid profile email',
    mfaAmr: (env.VOORDEUR_OIDC_MFA_AMR?.trim() || 'mfa,otp')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    afterLoginPath: '/',
  };
}

/** Does the listen address only accept connections from this machine? */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('configuration: DATABASE_URL must start with postgres:// or postgresql://');
  }
  const dataDir = path.resolve(env.VOORDEUR_DATA_DIR?.trim() || './data');
  return {
    port: int('PORT', 3000, env),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    migrationDatabaseUrl: env.VOORDEUR_MIGRATION_DATABASE_URL?.trim() || null,
    appRol: env.VOORDEUR_APP_ROLE?.trim() || null,
    dataDir,
    // Demo data only on the embedded database unless asked for explicitly: a first start on an empty
    // production PostgreSQL database must never create accounts with the published demo password.
    demo: bool('VOORDEUR_DEMO', !databaseUrl, env),
    sessionIdleMinutes: int('VOORDEUR_SESSION_IDLE_MINUTES', 30, env),
    sessionAbsoluteHours: int('VOORDEUR_SESSION_ABSOLUTE_HOURS', 12, env),
    // Secure cookies (and HSTS) by default whenever Voordeur listens beyond loopback: then it runs behind
    // a TLS proxy. Local development on 127.0.0.1 keeps plain HTTP working.
    secureCookies: bool('VOORDEUR_SECURE_COOKIES', !isLoopback(env.HOST?.trim() || '127.0.0.1'), env),
    trustProxy: trustProxy(env),
    logLevel: env.LOG_LEVEL?.trim() || 'warn',
    requireTotp: bool('VOORDEUR_REQUIRE_TOTP', true, env),
    loginMaxFailures: Math.max(1, int('VOORDEUR_LOGIN_MAX_FAILURES', 5, env)),
    loginLockMinutes: Math.max(1, int('VOORDEUR_LOGIN_LOCK_MINUTES', 15, env)),
    loginIpMaxFailures: Math.max(1, int('VOORDEUR_LOGIN_IP_MAX_FAILURES', 30, env)),
    rateSearchPerMinute: Math.max(1, int('VOORDEUR_RATE_SEARCH_PER_MINUTE', 120, env)),
    rateExportPerHour: Math.max(1, int('VOORDEUR_RATE_EXPORT_PER_HOUR', 60, env)),
    rateSsoStartPerMinute: Math.max(1, int('VOORDEUR_RATE_SSO_START_PER_MINUTE', 30, env)),
    draftMaxBytes: Math.max(1024, int('VOORDEUR_DRAFT_MAX_BYTES', 65_536, env)),
    draftDays: Math.max(1, int('VOORDEUR_DRAFT_DAYS', 30, env)),
    oidc: oidcConfig(env),
    monitoringWeken: monitoringWekenUit(env),
    metricsToken: metricsToken(env),
    auditAnchorDir: path.resolve(env.VOORDEUR_AUDIT_ANCHOR_DIR?.trim() || path.join(dataDir, 'audit-anchors')),
    auditAnchorSeconds: int('VOORDEUR_AUDIT_ANCHOR_INTERVAL_SECONDS', 60, env),
  };
}

function metricsToken(env: NodeJS.ProcessEnv): string | null {
  const v = env.VOORDEUR_METRICS_TOKEN?.trim();
  if (!v) return null;
  if (v.length < 24) throw new Error('configuration: VOORDEUR_METRICS_TOKEN must be at least 24 characters');
  return v;
}
