// The route × role matrix: every route with a session, called by a user of every role, must answer
// 403 exactly where the WRITTEN policy table in docs/security.md says the role is refused. The
// table is read from the docs (not from POLICY), and the docs must equal what POLICY and the route
// table generate — so code, docs and behaviour cannot drift apart unnoticed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../demo/demo.ts';
import type { RouteDef } from '../http/route.ts';
import { allRoutes } from '../routes.ts';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { ROLLEN, type Rol } from './index.ts';
import { extractPolicyBlock, parseRouteTable, policyDocBlock } from './table.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const DOC = path.resolve(here, '../../../../docs/security.md');
const FIX = 'run `npm run voordeur -- policy-table --write docs/security.md` and review the change';

const ROUTES = allRoutes();
const key = (r: RouteDef) => `${r.method} ${r.url}`;
const isPublic = (r: RouteDef) => 'public' in r.policy;
const WITH_SESSION = ROUTES.filter((r) => !isPublic(r));
/** Ids that do not exist: an allowed request answers 400/404 (403 geen_relatie for a casus) and changes nothing. */
const concreteUrl = (url: string) => url.replace(/:(id|consultatieId)\b/g, '999999');
const endsSession = (r: RouteDef) => key(r) === 'DELETE /api/sessie' || key(r) === 'DELETE /api/sessie/alle';

/** One demo user per role (the demo set has one for every role). */
function userFor(rol: Rol): string {
  const u = DEMO_USERS.find((x) => x.rollen.length === 1 && x.rollen[0] === rol);
  if (!u) throw new Error(`no demo user with only the role ${rol}`);
  return u.gebruikersnaam;
}

let env: TestEnv;
const doc = fs.readFileSync(DOC, 'utf8');

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('the written policy table (docs/security.md)', () => {
  it('equals the table generated from POLICY and the route table', () => {
    const written = extractPolicyBlock(doc);
    expect(written, `docs/security.md has no policy-table markers: ${FIX}`).not.toBeNull();
    expect(written, `docs/security.md's policy table is out of date: ${FIX}`).toBe(policyDocBlock(ROUTES));
  });

  it('lists every route with a session exactly once, and nothing else', () => {
    const table = parseRouteTable(doc);
    expect([...table.keys()].sort(), FIX).toEqual(WITH_SESSION.map(key).sort());
    expect(table.size).toBe(ROUTES.length - ROUTES.filter(isPublic).length);
  });

  it('the parser reads ✓ per role column (a hand edit is seen)', () => {
    const table = parseRouteTable(doc);
    expect([...table.get('GET /api/casussen/:id')!].sort()).toEqual([
      'backoffice',
      'bureaudienst',
      'crisisdienst',
      'gedragswetenschapper',
      'teammanager',
      'vertrouwensarts',
    ]);
    expect([...table.get('POST /api/toegangslog/noodtoegang/:id/beoordeling')!]).toEqual(['privacy_officer']);
    // Removing the privacy officer's ✓ from a row changes what the parser returns.
    const edited = doc.replace(/(\| `POST \/api\/toegangslog\/noodtoegang\/:id\/beoordeling` \|[^\n]*?)✓/, '$1 ');
    expect(edited).not.toBe(doc);
    expect(parseRouteTable(edited).get('POST /api/toegangslog/noodtoegang/:id/beoordeling')!.size).toBe(0);
  });
});

describe('route × role: 403 exactly where the written table refuses', () => {
  const table = parseRouteTable(doc);
  it.each(ROLLEN.map((r) => [r]))('%s', async (rol) => {
    const login = userFor(rol);
    const first: TestClient = await env.as(login);
    const routes = [...WITH_SESSION].sort((a, b) => Number(endsSession(a)) - Number(endsSession(b)));
    const tested = new Set<string>();
    const mismatches: string[] = [];
    for (const r of routes) {
      const allowed = table.get(key(r))?.has(rol);
      if (allowed === undefined) {
        mismatches.push(`${key(r)}: not in the written table`);
        continue;
      }
      // Logging out (here, everywhere) last and each from a fresh session.
      const client = endsSession(r) ? await env.as(login) : first;
      const url = concreteUrl(r.url);
      const res =
        r.method === 'GET'
          ? await client.get(url)
          : r.method === 'DELETE'
            ? await client.del(url)
            : r.method === 'PUT'
              ? await client.put(url, {})
              : await client.post(url, {});
      tested.add(key(r));
      const refused = res.status === 403 && res.body?.error === 'geen_toegang';
      // The relation check comes on top of the table: a casus id that does not exist answers like a
      // casus without a relation (403 geen_relatie, so the answer does not tell whether it exists).
      const geenRelatie = res.status === 403 && res.body?.error === 'geen_relatie';
      if (allowed && ((res.status === 403 && !geenRelatie) || res.status === 401))
        mismatches.push(`${key(r)}: table allows ${rol}, route answered ${res.status} ${JSON.stringify(res.body)}`);
      if (!allowed && !refused)
        mismatches.push(
          `${key(r)}: table refuses ${rol}, route answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
        );
      if (res.status >= 500) mismatches.push(`${key(r)}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    expect(mismatches).toEqual([]);
    // No route untested: every route with a session was called for this role.
    expect(tested.size).toBe(ROUTES.length - ROUTES.filter(isPublic).length);
  });
});
