// Where the half-year report spends its time: runs halfjaarRapport (the function behind
// GET /api/rapportage/halfjaar) on a bench database with every query timed, then prints
// EXPLAIN (ANALYZE, BUFFERS) of each query.
//
//   npx tsx bench/explain-rapportage.ts [--db vd_bench_2500k] [--halfjaar 2026H1] [--runs 3] [--gemeente GM0363] [--no-explain]
import { toLocalDate } from '@voordeur/domain';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
// The server's pg type parsers (dates as 'YYYY-MM-DD', int8 as number) come with its db module.
import '../packages/server/src/db/index.ts';
import { halfjaarRapport } from '../packages/server/src/rapportage/halfjaar.ts';
import { halfjaarPeriode, halfjaarVan } from '../packages/server/src/rapportage/periode.ts';
import { benchUrl, flag, fmtMs, intOption, option } from './lib.ts';

const RUNS = intOption('runs', 3);

async function main() {
  const pool = new pg.Pool({ connectionString: benchUrl(), max: 10 });
  pool.on('connect', (c) => {
    c.query("set timezone = 'UTC'").catch(() => {});
  });
  const log: Array<{ sql: string; params: readonly unknown[]; ms: number }> = [];
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') log.push({ sql: e.query.sql, params: e.query.parameters, ms: e.queryDurationMillis });
    },
  });
  const today = toLocalDate(new Date());
  const h0 = halfjaarVan(today);
  const halfjaar =
    option('halfjaar') ?? (h0.endsWith('H2') ? `${h0.slice(0, 4)}H1` : `${Number(h0.slice(0, 4)) - 1}H2`);
  const gemeente = option('gemeente') ?? null;
  const p = halfjaarPeriode(halfjaar);
  for (let i = 0; i < RUNS; i++) {
    log.length = 0;
    const t0 = performance.now();
    await halfjaarRapport(db, p, { drempel: 0, gemeente });
    const total = performance.now() - t0;
    const sqlMs = log.reduce((s, q) => s + q.ms, 0);
    console.log(
      `run ${i + 1}: ${fmtMs(total)} ms total, ${log.length} queries (sum of query times ${fmtMs(sqlMs)} ms; they run side by side)`,
    );
    for (const q of [...log].sort((a, b) => b.ms - a.ms))
      console.log(`  ${fmtMs(q.ms).padStart(7)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 150)}`);
  }
  if (!flag('no-explain')) {
    // Each query alone, with the settings the report sets for it (rapportQuery: no JIT, no parallel workers).
    const c = await pool.connect();
    for (const q of log.filter((x) => x.ms > 5 && /^\s*(select|with)\b/i.test(x.sql))) {
      console.log(`\n---- ${q.sql.replace(/\s+/g, ' ').slice(0, 200)}`);
      await c.query('begin');
      await c.query('set local jit = off');
      await c.query('set local max_parallel_workers_per_gather = 0');
      const r = await c.query(`explain (analyze, buffers) ${q.sql}`, q.params as unknown[]);
      await c.query('commit');
      for (const row of r.rows) console.log(`  ${row['QUERY PLAN']}`);
    }
    c.release();
  }
  await db.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
