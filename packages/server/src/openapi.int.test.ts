// System routes through the API: health (database kind and migration) and the OpenAPI 3.1
// document, which must describe every route of the table with its policy and schemas.
import { PROCESSEN } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_MIGRATION } from './db/migrate.ts';
import type { RouteDef } from './http/route.ts';
import { allRoutes, API_VERSION } from './routes.ts';
import { createTestEnv, testDatabaseKind, type TestEnv } from './testing.ts';

let env: TestEnv;
const ROUTES: RouteDef[] = allRoutes();
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const logCount = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from access_log`.execute(env.database.db)).rows[0]!.n;

describe('GET /api/health', () => {
  it('answers without a session with the database kind and the migration version', async () => {
    const before = await logCount();
    const r = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      status: 'ok',
      database: testDatabaseKind(),
      migration: LATEST_MIGRATION,
      version: API_VERSION,
    });
    expect(LATEST_MIGRATION).toMatch(/^[0-9]{3}_/);
    // The migration reported is the one recorded in the database.
    const recorded = (
      await sql<{ name: string }>`select max(name) as name from schema_migration`.execute(env.database.db)
    ).rows[0]!.name;
    expect(r.json().migration).toBe(recorded);
    // Security headers on every API answer; public routes write no access-log entry.
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(await logCount()).toBe(before);
  });

  it('an unknown API route is a JSON 404', async () => {
    const r = await env.app.inject({ method: 'GET', url: '/api/bestaat-niet' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toBe('niet_gevonden');
  });
});

describe('GET /api/openapi.json', () => {
  let doc: any;
  beforeAll(async () => {
    const r = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    doc = r.json();
  });

  it('is an OpenAPI 3.1 document with the API version', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Voordeur API', version: API_VERSION });
    expect(doc.components.securitySchemes).toMatchObject({
      sessie: { type: 'apiKey', in: 'cookie' },
      csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
    });
  });

  it('describes every route of the table, and nothing else, with its policy', () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]: [string, any]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${openApiPath(r.url)}`).sort());
    for (const r of ROUTES) {
      const op = doc.paths[openApiPath(r.url)][r.method.toLowerCase()];
      const name = `${r.method} ${r.url}`;
      expect(op.summary, name).toBe(r.summary);
      expect(op['x-voordeur-policy'], name).toEqual(r.policy);
      expect(Boolean(op.requestBody), name).toBe(Boolean(r.body));
      if (!('public' in r.policy))
        expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['401', '403']));
      if (r.body || r.query || r.params)
        expect(op.responses['400'].content['application/json'].schema.$ref, name).toBe('#/components/schemas/Fout');
      // Path parameters are declared and required.
      for (const [, p] of r.url.matchAll(/:([A-Za-z]+)/g)) {
        expect(op.parameters, name).toContainEqual(expect.objectContaining({ name: p, in: 'path', required: true }));
      }
    }
    expect(doc.components.schemas.Fout.properties.fields.type).toBe('array');
  });

  it('has a requestBody schema for POST /api/meldingen generated from the validation schema', () => {
    const op = doc.paths['/api/meldingen'].post;
    expect(op.requestBody.required).toBe(true);
    const s = op.requestBody.content['application/json'].schema;
    expect(s.type).toBe('object');
    expect(s.required).toEqual(
      expect.arrayContaining(['binnenkomst', 'melder', 'regio', 'betrokkenen', 'aanleiding', 'omschrijving']),
    );
    expect(s.required).not.toContain('ontvangenOp');
    expect(s.properties.omschrijving).toMatchObject({ type: 'string', minLength: 10 });
    expect(s.properties.regio.enum).toEqual(['eigen', 'andere', 'onbekend']);
    expect(s.properties.betrokkenen).toMatchObject({ type: 'array', minItems: 1 });
    expect(s.properties.aanleiding).toMatchObject({ type: 'array', minItems: 1 });
    expect(s.properties.melder.properties).toHaveProperty('wilOnbekendBlijven');
    expect(s.properties.huishouden.properties.postcode).toBeDefined();
    expect(op.responses['201']).toBeDefined();
  });

  it('documents query parameters with their constraints (werkvoorraad)', () => {
    const params = doc.paths['/api/werkvoorraad'].get.parameters;
    const proces = params.find((p: any) => p.name === 'proces');
    expect(proces).toMatchObject({ in: 'query', required: false });
    expect(proces.schema.enum).toEqual([...PROCESSEN]);
    expect(params.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['team', 'behandelaar', 'klok', 'limit', 'offset']),
    );
  });

  it('every workflow step declares the casus versie in its body (optimistic locking)', () => {
    const steps = ROUTES.filter((r) => r.method === 'POST' && /^\/api\/meldingen\/:id\//.test(r.url));
    expect(steps.length).toBeGreaterThanOrEqual(11);
    for (const r of steps) {
      const s = doc.paths[openApiPath(r.url)].post.requestBody.content['application/json'].schema;
      expect(s.required, r.url).toContain('versie');
      expect(s.properties.versie.type, r.url).toBe('integer');
    }
  });
});
