// Operations: Prometheus metrics, request ids, liveness and readiness (docs/operations.md, "Monitoring").
// The metrics hold counts and durations per route pattern only — never ids, names or other personal data.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { sql } from 'kysely';
import { poolStats, type Db } from '../db/index.ts';
import { LATEST_MIGRATION, migrationVersion } from '../db/migrate.ts';
import { HttpError } from './errors.ts';

/** One registry per process: several apps in one process (tests) share its counters. */
let registry: Registry | null = null;
let httpDuration: Histogram<'method' | 'route' | 'status'>;
let httpErrors: Counter<'method' | 'route'>;
let accessLogWrite: Histogram;
/** The database the gauges below read at scrape time (the app's; set by instrument). */
let scrapeDb: Db | null = null;
let scrapeNow: () => Date = () => new Date();

/** Time to write one request's access-log entry (http/route.ts). */
export function observeAccessLogWrite(seconds: number): void {
  accessLogWrite?.observe(seconds);
}

function metrics(version: string): Registry {
  if (registry) return registry;
  registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'voordeur_' });
  httpDuration = new Histogram({
    name: 'voordeur_http_request_duration_seconds',
    help: 'Duration of HTTP requests by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  httpErrors = new Counter({
    name: 'voordeur_http_server_errors_total',
    help: 'Requests answered with a 5xx status, by method and route pattern',
    labelNames: ['method', 'route'],
    registers: [registry],
  });
  accessLogWrite = new Histogram({
    name: 'voordeur_access_log_write_seconds',
    help: "Time to write a request's access-log entry (NEN 7513), including the wait for its chain head",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  new Gauge({
    name: 'voordeur_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting requests); absent on the embedded database',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const p = scrapeDb ? poolStats(scrapeDb) : null;
      this.reset();
      if (p) for (const [state, n] of Object.entries(p)) this.labels(state).set(n);
    },
  });
  new Gauge({
    name: 'voordeur_termijnen_verlopen',
    help: 'Open meldingen whose first open statutory deadline has passed, by status (process step)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      if (!scrapeDb) return;
      const vandaag = scrapeNow().toISOString().slice(0, 10);
      const rows = (
        await sql<{ status: string; n: number }>`select status, count(*)::int as n from melding
          where status <> 'afgesloten' and termijn_open_due < ${vandaag} group by status`.execute(scrapeDb)
      ).rows;
      for (const r of rows) this.labels(r.status).set(Number(r.n));
    },
  });
  new Gauge({
    name: 'voordeur_build_info',
    help: 'The running Voordeur version (value always 1)',
    labelNames: ['version'],
    registers: [registry],
  })
    .labels(version)
    .set(1);
  return registry;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * A request id per request: the proxy's X-Request-Id when it is a plain token (so one id follows a request
 * through proxy and app logs), else a new UUID. Anything else in the header is ignored, not logged.
 */
export function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const h = req.headers['x-request-id'];
  return typeof h === 'string' && REQUEST_ID.test(h) ? h : randomUUID();
}

/** Request ids on every response and request durations in the metrics. */
export function instrument(app: FastifyInstance, version: string, db?: Db, now?: () => Date): void {
  metrics(version);
  if (db) scrapeDb = db;
  if (now) scrapeNow = now;
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    // The route pattern (`/api/casussen/:id`), never the URL with its ids; unknown paths share one label.
    const route = req.routeOptions?.url ?? 'onbekend';
    const status = reply.statusCode;
    httpDuration.labels(req.method, route, String(status)).observe(reply.elapsedTime / 1000);
    if (status >= 500) httpErrors.labels(req.method, route).inc();
  });
}

function tokenMatches(expected: string, header: string | undefined): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /api/metrics: the Prometheus text format, only with `Authorization: Bearer <VOORDEUR_METRICS_TOKEN>`.
 * Without a configured token the endpoint does not exist (404), so a default installation exposes nothing.
 */
export async function metricsAnswer(
  token: string | null,
  req: FastifyRequest,
  reply: FastifyReply,
  version: string,
): Promise<string> {
  if (!token) throw new HttpError(404, 'niet_gevonden', 'Metrics staan uit (VOORDEUR_METRICS_TOKEN is niet gezet).');
  if (!tokenMatches(token, req.headers.authorization)) {
    reply.header('WWW-Authenticate', 'Bearer realm="voordeur-metrics"');
    throw new HttpError(401, 'niet_geautoriseerd', 'Metrics vragen een geldig token (Authorization: Bearer …).');
  }
  const reg = metrics(version);
  reply.header('Content-Type', reg.contentType);
  return reg.metrics();
}

/**
 * Readiness: the database answers and has this version's schema (an app node started against an older schema,
 * or while a migration runs elsewhere, takes no traffic). 503 with the reason otherwise.
 */
export async function readiness(
  db: Db,
  reply: FastifyReply,
): Promise<{ status: 'gereed' | 'niet_gereed'; reden?: string; migration?: string }> {
  try {
    await sql`select 1`.execute(db);
    const migration = await migrationVersion(db);
    if (migration !== LATEST_MIGRATION) {
      reply.code(503);
      return { status: 'niet_gereed', reden: `databaseschema ${migration}, verwacht ${LATEST_MIGRATION}`, migration };
    }
    return { status: 'gereed', migration };
  } catch {
    reply.code(503);
    return { status: 'niet_gereed', reden: 'database niet bereikbaar' };
  }
}
