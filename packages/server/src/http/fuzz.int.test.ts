// Malformed input over the whole route table: no request, however malformed, makes the server answer
// 5xx. Every operation is called by a user whose role the policy allows (so the input reaches the
// handler), with broken path parameters, query strings and bodies; and anonymously, where every
// non-public route must answer 401 whatever is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_USERS } from '../demo/demo.ts';
import { decide, type Action, type Resource } from '../policy/index.ts';
import { allRoutes } from '../routes.ts';
import { createTestEnv, type TestEnv } from '../testing.ts';
import type { RouteDef } from './route.ts';

const ROUTES = allRoutes();
const key = (r: RouteDef) => `${r.method} ${r.url}`;
const isPublic = (r: RouteDef) => 'public' in r.policy;
/** Routes that end the caller's own session: called last, with a fresh login. */
const endsSession = (r: RouteDef) => /^DELETE \/api\/sessie/.test(key(r));

const nest = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

/** Values that break a schema or a database column in one way or another. */
const BAD_VALUES: unknown[] = [
  'a\u0000b',
  2_147_483_648,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1,
  1.5,
  '',
  'x'.repeat(20_000),
  [],
  [null],
  {},
  null,
  true,
  '2147483648',
  '9999-99-99',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  nest(40),
];
/** The subset tried on each field alone (the full set goes into all fields at once). */
const PER_FIELD: unknown[] = ['a\u0000b', 2_147_483_648, [], nest(40)];
const BAD_PARAMS = [
  '2147483648',
  '-1',
  '0',
  '%00',
  'a%00b',
  'abc',
  '1e3',
  '1.5',
  'x'.repeat(600),
  '99999999999999999999',
];
const BAD_QUERY = ['a%00b', '2147483648', 'x'.repeat(3000), '9999H1', '2026-13-45'];

/** The field names a zod object schema knows (first level), for targeted bad values. */
function shapeKeys(s: z.ZodType | undefined): string[] {
  const def = (s as { def?: { type?: string; shape?: Record<string, unknown>; innerType?: z.ZodType; in?: z.ZodType } })
    ?.def;
  if (!def) return [];
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.innerType) return shapeKeys(def.innerType);
  if (def.in) return shapeKeys(def.in);
  return [];
}

function userFor(r: RouteDef): string | null {
  if (isPublic(r)) return null;
  const p = r.policy as { resource: Resource; action: Action };
  const u = DEMO_USERS.find((x) => decide({ rollen: x.rollen } as never, p.resource, p.action).allow);
  return u?.gebruikersnaam ?? null;
}

let env: TestEnv;
const sessions = new Map<string, { cookie: string; csrfToken: string }>();
async function headersFor(login: string | null, fresh = false): Promise<Record<string, string>> {
  if (!login) return {};
  if (fresh || !sessions.has(login)) sessions.set(login, await env.session(login));
  const s = sessions.get(login)!;
  return { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
}

type Probe = { url: string; payload?: string; contentType?: string; what: string };

function probes(r: RouteDef): Probe[] {
  const out: Probe[] = [];
  const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  // Ids of things that exist only where the route is about a casus or melding (so the relation check
  // passes and the body is read); elsewhere ids that do not exist, so that a probe that happens to be
  // valid (a deactivation without a body, say) changes nothing.
  const id = r.relatie === 'casus' || r.relatie === 'melding' ? '1' : '999999';
  const base = r.url.replace(/:(\w+)/g, id);
  for (const p of params)
    for (const v of BAD_PARAMS)
      out.push({
        url: r.url.replace(new RegExp(`:${p}\\b`), v).replace(/:(\w+)/g, id),
        what: `param ${p}=${v.slice(0, 20)}`,
      });
  const qKeys = [...shapeKeys(r.query), 'onbekend'];
  for (const k of qKeys)
    for (const v of BAD_QUERY) out.push({ url: `${base}?${k}=${v}`, what: `query ${k}=${v.slice(0, 20)}` });
  if (r.method !== 'GET') {
    const json = (v: unknown) => JSON.stringify(v);
    for (const v of [null, [], 'x', 0, {}, nest(1000), nest(40)])
      out.push({ url: base, payload: json(v), what: `body ${json(v).slice(0, 20)}` });
    out.push({ url: base, payload: '{"a":', what: 'body invalid JSON' });
    out.push({ url: base, payload: '', what: 'body empty with JSON type' });
    out.push({
      url: base,
      payload: 'a=b',
      contentType: 'application/x-www-form-urlencoded',
      what: 'body form-encoded',
    });
    out.push({ url: base, payload: '{"a":"\\u0000"}', what: 'body NUL escape' });
    const keys = shapeKeys(r.body);
    for (const k of keys)
      for (const v of PER_FIELD)
        out.push({ url: base, payload: json({ [k]: v }), what: `body.${k}=${json(v).slice(0, 20)}` });
    // Every field at once with the same bad value (gets past "required" errors to the others).
    for (const v of BAD_VALUES)
      out.push({
        url: base,
        payload: json(Object.fromEntries(keys.map((k) => [k, v]))),
        what: `all fields=${json(v).slice(0, 20)}`,
      });
  }
  return out;
}

beforeAll(async () => {
  env = await createTestEnv({
    demoCases: true,
    // No rate limits or lockouts: the probes must reach the input checks, not a 429.
    config: {
      rateSearchPerMinute: 1_000_000,
      rateExportPerHour: 1_000_000,
      rateSsoStartPerMinute: 1_000_000,
      loginMaxFailures: 1_000_000,
    },
  });
}, 240_000);
afterAll(async () => {
  await env?.close();
});

describe('malformed input never gets a 5xx', () => {
  it('anonymous callers get 401 on every non-public route, whatever they send', async () => {
    const wrong: string[] = [];
    for (const r of ROUTES.filter((x) => !isPublic(x))) {
      const url = r.url.replace(/:(\w+)/g, '1');
      const sends: Array<{ payload?: string; contentType?: string }> = [
        {},
        { payload: '', contentType: 'application/json' },
        { payload: '{"a":', contentType: 'application/json' },
        { payload: 'null', contentType: 'application/json' },
        { payload: 'x', contentType: 'text/plain' },
      ];
      for (const s of sends) {
        const res = await env.app.inject({
          method: r.method,
          url,
          ...(s.payload !== undefined ? { payload: s.payload } : {}),
          headers: s.contentType ? { 'content-type': s.contentType } : {},
        });
        if (res.statusCode !== 401) wrong.push(`${key(r)} ${JSON.stringify(s)} → ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every operation, called by an allowed role with broken parameters, queries and bodies', async () => {
    const fives: string[] = [];
    let calls = 0;
    const ordered = [...ROUTES.filter((r) => !endsSession(r)), ...ROUTES.filter(endsSession)];
    for (const r of ordered) {
      const login = userFor(r);
      for (const p of probes(r)) {
        let headers = await headersFor(login);
        const send = () =>
          env.app.inject({
            method: r.method,
            url: p.url,
            ...(p.payload !== undefined ? { payload: p.payload } : {}),
            headers: {
              ...headers,
              ...(p.payload !== undefined ? { 'content-type': p.contentType ?? 'application/json' } : {}),
            },
          });
        let res = await send();
        calls++;
        if (res.statusCode === 401 && login) {
          // A probe that ended the session (or a lockout-free re-login): log in again and repeat it.
          headers = await headersFor(login, true);
          res = await send();
        }
        if (res.statusCode >= 500) fives.push(`${key(r)} ${p.what} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    console.log(`fuzz: ${ROUTES.length} operations, ${calls} malformed requests, ${fives.length} answered 5xx`);
    expect(fives).toEqual([]);
    expect(calls).toBeGreaterThan(2000);
  }, 600_000);

  it('names the field and the rule for NUL characters, out-of-range ids, top-level arrays and deep nesting', async () => {
    const bureau = await env.as('bureau');
    const nul = await env.app.inject({
      method: 'POST',
      url: '/api/sessie',
      payload: { gebruikersnaam: 'a\u0000b', wachtwoord: 'x' },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().fields).toContainEqual(
      expect.objectContaining({ field: 'gebruikersnaam', rule: 'geen_nul_teken' }),
    );

    const big = await bureau.get('/api/casussen/2147483648');
    expect(big.status).toBe(400);
    expect(big.body.fields).toContainEqual(expect.objectContaining({ field: 'params.id', rule: 'bereik' }));

    const q = await bureau.get('/api/casussen?q=%00');
    expect(q.status).toBe(400);
    expect(q.body.fields).toContainEqual(expect.objectContaining({ field: 'query.q', rule: 'geen_nul_teken' }));

    const arr = await bureau.post('/api/adviesvragen', []);
    expect(arr.status).toBe(400);
    expect(arr.body.fields.every((f: { field: string }) => f.field !== '')).toBe(true);
    expect(arr.body.fields).toContainEqual(expect.objectContaining({ field: 'body' }));

    const deep = await bureau.put('/api/concepten/fuzz', { inhoud: nest(1000) });
    expect(deep.status).toBe(400);
    expect(deep.body.fields).toContainEqual(expect.objectContaining({ rule: 'te_diep' }));
  });
});
