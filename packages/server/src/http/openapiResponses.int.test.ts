// The OpenAPI document declares the answers of the main GET routes (domain api/antwoorden.ts), and
// real answers of those routes validate against the declared schema.
import { ANTWOORD_SCHEMAS } from '@voordeur/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ demoCases: true });
});
afterAll(async () => {
  await env?.close();
});

const CASES: Array<[string, string, string]> = [
  ['GET /api/werkvoorraad', '/api/werkvoorraad', 'backoffice'],
  ['GET /api/beheer/gebruikers', '/api/beheer/gebruikers', 'beheer'],
  ['GET /api/toegangslog', '/api/toegangslog', 'privacy'],
  ['GET /api/rapportage/halfjaar', '/api/rapportage/halfjaar?halfjaar=2026H1', 'beleid'],
];

describe('response schemas', () => {
  it('the OpenAPI document declares a JSON schema for the main GET answers', async () => {
    const doc = (await (await env.as('beheer')).get('/api/openapi.json')).body;
    for (const key of Object.keys(ANTWOORD_SCHEMAS)) {
      const [method, url] = key.split(' ') as [string, string];
      const op = doc.paths?.[url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(op?.responses?.['200']?.content?.['application/json']?.schema, key).toBeTruthy();
    }
  });
  for (const [key, url, user] of CASES)
    it(`a real answer of ${key} validates against its declared schema`, async () => {
      const r = await (await env.as(user)).get(url);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const check = ANTWOORD_SCHEMAS[key]!.safeParse(r.body);
      expect(check.success, JSON.stringify(check.error?.issues.slice(0, 3))).toBe(true);
    });
  it('a wrong answer does not validate (the schemas are not empty)', () => {
    expect(ANTWOORD_SCHEMAS['GET /api/werkvoorraad']!.safeParse({ items: [] }).success).toBe(false);
    expect(ANTWOORD_SCHEMAS['GET /api/beheer/gebruikers']!.safeParse({ gebruikers: [{ id: 'x' }] }).success).toBe(
      false,
    );
  });
});
