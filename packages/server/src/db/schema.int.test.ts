// db/schema.ts holds the row types of every table: it must be what the migrations make. Regenerated
// here from a freshly migrated database (PGlite, or the PostgreSQL server when
// VOORDEUR_TEST_DATABASE_URL is set: the same text on both) and compared with the committed file.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing.ts';
import { generateSchemaSource } from './schema-gen.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('db/schema.ts', () => {
  it('matches the migrated schema (otherwise: run npm run db:types)', async () => {
    const generated = await generateSchemaSource(env.database.db);
    const committed = fs.readFileSync(new URL('./schema.ts', import.meta.url), 'utf8');
    expect(committed, 'db/schema.ts differs from the migrated schema: run npm run db:types').toBe(generated);
  });

  it('has a row type for every table, with nullable and defaulted columns marked', () => {
    const committed = fs.readFileSync(new URL('./schema.ts', import.meta.url), 'utf8');
    expect(committed).toContain('export interface GebruikerTable {\n  id: Generated<number>;');
    expect(committed).toContain('\n  access_log: AccessLogTable;\n');
    expect(committed).toContain('\n  schema_migration: SchemaMigrationTable;\n');
    expect(committed).toMatch(/\n {2}afgesloten_op: Date \| null;\n/);
  });
});
