// Privacy configuration from the environment (documented in docs/privacy.md). Read when used, so
// a wrong value fails the request or command that needs it with a clear message.
export interface PrivacyConfig {
  /** Access-log retention in years (NEN 7513: at least 5). */
  logRetentionYears: number;
  /** Dossier retention in years after the casus was last closed. */
  retentionYears: number;
  /** Keep a casus at least until its youngest child is 18. */
  retentionUntilYoungestAdult: boolean;
}

export const MIN_LOG_RETENTION_YEARS = 5;

function years(env: NodeJS.ProcessEnv, name: string, def: number, min: number): number {
  const v = env[name]?.trim();
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > 200)
    throw new Error(`configuration: ${name} must be a whole number of years of at least ${min}, got '${v}'`);
  return n;
}

export function privacyConfig(env: NodeJS.ProcessEnv = process.env): PrivacyConfig {
  const flag = env.VOORDEUR_RETENTION_UNTIL_YOUNGEST_ADULT?.trim();
  if (flag && flag !== 'true' && flag !== 'false')
    throw new Error(`configuration: VOORDEUR_RETENTION_UNTIL_YOUNGEST_ADULT must be true or false, got '${flag}'`);
  return {
    logRetentionYears: years(env, 'VOORDEUR_LOG_RETENTION_YEARS', 5, MIN_LOG_RETENTION_YEARS),
    retentionYears: years(env, 'VOORDEUR_RETENTION_YEARS', 20, 1),
    retentionUntilYoungestAdult: flag === 'true',
  };
}

/** The same calendar day `n` years later (29 February becomes 28 February in a common year). */
export function addYears(d: string, n: number): string {
  const y = Number(d.slice(0, 4)) + n;
  const m = Number(d.slice(5, 7));
  let day = Number(d.slice(8, 10));
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (day > dim) day = dim;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The same calendar day `n` months later, clamped to the end of a shorter month. */
export function addMonths(d: string, n: number): string {
  const total = Number(d.slice(0, 4)) * 12 + (Number(d.slice(5, 7)) - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  let day = Number(d.slice(8, 10));
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (day > dim) day = dim;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
