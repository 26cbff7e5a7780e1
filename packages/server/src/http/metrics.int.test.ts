// Operations endpoints: liveness, readiness (database and schema version), Prometheus metrics behind a
// bearer token, and a request id on every answer (docs/operations.md, "Monitoring").
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_MIGRATION } from '../db/migrate.ts';
import { createTestEnv, type TestEnv } from '../testing.ts';

const TOKEN = 'metrics-token-voor-de-test-0123456789';
let env: TestEnv;
let off: TestEnv;

beforeAll(async () => {
  env = await createTestEnv({ config: { metricsToken: TOKEN } });
  off = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
  await off?.close();
});

describe('liveness and readiness', () => {
  it('live answers without touching the database; ready names the schema version', async () => {
    const live = await env.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await env.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'gereed', migration: LATEST_MIGRATION });
  });

  it('is not ready (503) while the database has an older schema than this version', async () => {
    await sql`delete from schema_migration where name = ${LATEST_MIGRATION}`.execute(env.database.db);
    try {
      const ready = await env.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().status).toBe('niet_gereed');
      expect(ready.json().reden).toContain(LATEST_MIGRATION);
      // Liveness is unaffected: the orchestrator must not restart a process that waits for a migration.
      expect((await env.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    } finally {
      await sql`insert into schema_migration (name) values (${LATEST_MIGRATION})`.execute(env.database.db);
    }
  });
});

describe('metrics', () => {
  it('do not exist without a configured token', async () => {
    const r = await off.app.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(r.statusCode).toBe(404);
  });

  it('need the bearer token: none or a wrong one gets 401 with a Bearer challenge', async () => {
    for (const authorization of [undefined, 'Bearer fout', `Bearer ${TOKEN}x`, TOKEN]) {
      const r = await env.app.inject({
        method: 'GET',
        url: '/api/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(r.statusCode, String(authorization)).toBe(401);
      expect(r.headers['www-authenticate']).toContain('Bearer');
      expect(r.body).not.toContain('voordeur_http_request_duration_seconds');
    }
  });

  it('count requests per route pattern and status, never per id', async () => {
    const c = await env.as('backoffice');
    await c.get('/api/casussen/987123');
    await c.get('/api/werkvoorraad');
    const r = await env.app.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.body).toMatch(/voordeur_http_request_duration_seconds_count\{[^}]*route="\/api\/casussen\/:id"/);
    expect(r.body).toMatch(/voordeur_http_request_duration_seconds_count\{[^}]*route="\/api\/werkvoorraad"/);
    expect(r.body).toMatch(/voordeur_build_info\{version="[^"]+"\} 1/);
    expect(r.body).toContain('voordeur_process_cpu_seconds_total');
    expect(r.body).not.toMatch(/route="[^"]*987123/);
    // Writing the access-log entry is timed; overdue statutory clocks and the pool are gauges read at scrape time.
    expect(r.body).toMatch(/voordeur_access_log_write_seconds_count [1-9]/);
    expect(r.body).toContain('# TYPE voordeur_termijnen_verlopen gauge');
    expect(r.body).toContain('# TYPE voordeur_db_pool_connections gauge');
  });
});

describe('request id', () => {
  it('is on every answer: the proxy’s plain token is kept, anything else replaced by a new id', async () => {
    const kept = await env.app.inject({
      method: 'GET',
      url: '/api/health/live',
      headers: { 'x-request-id': 'proxy-abc.123' },
    });
    expect(kept.headers['x-request-id']).toBe('proxy-abc.123');
    const replaced = await env.app.inject({
      method: 'GET',
      url: '/api/health/live',
      headers: { 'x-request-id': '<script>alert(1)</script> '.repeat(10) },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await env.app.inject({ method: 'GET', url: '/api/onbekend' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("goes into the request's access-log entry, so the entry and the request log find each other", async () => {
    const { cookie } = await env.session('backoffice');
    const r = await env.app.inject({
      method: 'GET',
      url: '/api/werkvoorraad',
      headers: { cookie, 'x-request-id': 'proxy-log-42' },
    });
    expect(r.statusCode).toBe(200);
    const rij = (
      await sql<{
        request_id: string | null;
        route: string;
      }>`select request_id, route from access_log where request_id = 'proxy-log-42'`.execute(env.database.db)
    ).rows;
    expect(rij).toEqual([{ request_id: 'proxy-log-42', route: 'GET /api/werkvoorraad' }]);
  });
});
