// PostgreSQL server only: a connection the server terminates (restart, failover, an operator's
// pg_terminate_backend) must not crash the process; the next request gets a fresh connection.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, testDatabaseKind, type TestEnv } from '../testing.ts';

const onServer = testDatabaseKind() === 'postgresql';
let env: TestEnv;

beforeAll(async () => {
  if (onServer) env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe.skipIf(!onServer)('connection pool on a PostgreSQL server', () => {
  it('survives the server terminating its idle connections', async () => {
    const bo = await env.as('backoffice');
    // Several requests at once so the pool holds more than one connection.
    const first = await Promise.all([1, 2, 3, 4].map(() => bo.get('/api/werkvoorraad')));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const { rows } = await sql<{ n: number }>`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`.execute(env.database.db);
      expect(rows[0]!.n).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200));
      // Next requests work (the pool replaces the dead clients; at most one request may meet a dead one).
      let ok = 0;
      for (let i = 0; i < 6; i++) if ((await bo.get('/api/werkvoorraad')).status === 200) ok++;
      expect(ok).toBeGreaterThanOrEqual(5);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
