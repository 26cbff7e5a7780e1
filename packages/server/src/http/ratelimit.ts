// Rate limits on searching and exporting personal data, per user: a token bucket per user and kind,
// in memory of this process. Searching (find before create, the access log, …) allows a burst of
// `perMinute` and refills at that rate; exports (prints, dossiers, CSV/XLSX, the CBS delivery, the
// access-log export) allow a burst of a quarter of `perHour` and refill at `perHour`. A refused
// request gets 429 with Retry-After and is written to the access log as denied. Limits are per
// app process: with several nodes behind a load balancer a user gets the limit per node.
// Public routes that write something for an anonymous caller (the start of a single sign-on stores
// state, nonce and PKCE verifier) are limited per client IP address instead (`sso_start`).
export type LimitKind = 'zoeken' | 'export' | 'sso_start';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  constructor(private readonly limits: Record<LimitKind, { capacity: number; perMs: number }>) {}

  static fromConfig(c: {
    rateSearchPerMinute: number;
    rateExportPerHour: number;
    rateSsoStartPerMinute: number;
  }): RateLimiter {
    return new RateLimiter({
      zoeken: { capacity: c.rateSearchPerMinute, perMs: c.rateSearchPerMinute / 60_000 },
      export: { capacity: Math.max(1, Math.ceil(c.rateExportPerHour / 4)), perMs: c.rateExportPerHour / 3_600_000 },
      sso_start: { capacity: c.rateSsoStartPerMinute, perMs: c.rateSsoStartPerMinute / 60_000 },
    });
  }

  /** Take one token for a user id (or a client IP); returns 0 when allowed, otherwise the seconds until the next token. */
  take(who: number | string, kind: LimitKind, now: number): number {
    const l = this.limits[kind];
    const key = `${who}:${kind}`;
    const b = this.buckets.get(key) ?? { tokens: l.capacity, at: now };
    b.tokens = Math.min(l.capacity, b.tokens + (now - b.at) * l.perMs);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.prune(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / l.perMs / 1000 - 1e-9));
  }

  private prune(now: number) {
    for (const [k, b] of this.buckets) if (now - b.at > 3_600_000) this.buckets.delete(k);
  }
}
