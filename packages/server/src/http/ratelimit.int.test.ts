// Rate limits on searching and exporting personal data: per user, 429 with Retry-After and a
// Dutch message, logged as denied; other users and other kinds are not affected; tokens refill.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing.ts';
import { RateLimiter } from './ratelimit.ts';

let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv({ config: { rateSearchPerMinute: 3, rateExportPerHour: 4 } });
});
afterAll(async () => {
  await env?.close();
});

describe('rate limits', () => {
  it('searches: the fourth within the minute is refused with 429 and logged; another user still searches', async () => {
    const bureau = await env.as('bureau');
    for (let i = 0; i < 3; i++) expect((await bureau.get('/api/personen?naam=Jansen')).status).toBe(200);
    const refused = await env.app.inject({
      method: 'GET',
      url: '/api/personen?naam=Jansen',
      headers: { cookie: (await env.session('bureau')).cookie },
    });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().message).toMatch(/Te veel zoekopdrachten/);
    const log = (
      await sql<any>`select outcome, purpose from access_log where route = 'GET /api/personen' order by id desc limit 1`.execute(
        env.database.db,
      )
    ).rows[0];
    expect(log).toMatchObject({ outcome: 'denied', purpose: 'geweigerd: limiet voor zoeken bereikt' });
    // Reading (not searching) is not limited; another user has their own bucket.
    expect((await bureau.get('/api/referentie')).status).toBe(200);
    const bo = await env.as('backoffice');
    expect((await bo.get('/api/personen?naam=Jansen')).status).toBe(200);
  });

  it('exports: a burst of a quarter of the hourly limit, then 429', async () => {
    const privacy = await env.as('privacy');
    expect((await privacy.get('/api/toegangslog/export')).status).toBe(200);
    const r = await privacy.get('/api/toegangslog/export');
    expect(r.status).toBe(429);
    expect(r.body.message).toMatch(/Te veel exports/);
    // Searching the log is a different bucket.
    expect((await privacy.get('/api/toegangslog')).status).toBe(200);
  });

  it('tokens refill at the configured rate', () => {
    const l = RateLimiter.fromConfig({ rateSearchPerMinute: 2, rateExportPerHour: 4, rateSsoStartPerMinute: 1 });
    const t0 = 1_000_000;
    expect(l.take(1, 'zoeken', t0)).toBe(0);
    expect(l.take(1, 'zoeken', t0)).toBe(0);
    const wait = l.take(1, 'zoeken', t0);
    expect(wait).toBe(30);
    expect(l.take(1, 'zoeken', t0 + 29_000)).toBeGreaterThan(0);
    expect(l.take(1, 'zoeken', t0 + 61_000)).toBe(0);
    expect(l.take(1, 'export', t0)).toBe(0);
    expect(l.take(1, 'export', t0)).toBe(900);
    // Per client address for public routes; kinds and keys are separate buckets.
    expect(l.take('203.0.113.9', 'sso_start', t0)).toBe(0);
    expect(l.take('203.0.113.9', 'sso_start', t0)).toBe(60);
    expect(l.take('203.0.113.10', 'sso_start', t0)).toBe(0);
  });
});
