// Every CSV export of the server goes through the one writer (http/csv.ts) and so neutralises
// formulas: text that a user or the data controls (a gemeente's name, a user's name) and that
// starts with = + - @ arrives in the file prefixed with ', for every export.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing.ts';

let env: TestEnv;
const FORMULE = '=HYPERLINK("http://x";"klik")';
let code = '';

beforeAll(async () => {
  env = await createTestEnv();
  const db = env.database.db;
  code = (await sql<{ code: string }>`select min(code) as code from gemeente`.execute(db)).rows[0]!.code;
  await sql`update gemeente set naam = ${FORMULE} where code = ${code}`.execute(db);
  await sql`update gebruiker set naam = ${'@' + FORMULE.slice(1)} where gebruikersnaam = 'privacy'`.execute(db);
});
afterAll(async () => {
  await env?.close();
});

/** The cells of a CSV file (enough for these files: quoted cells hold no line breaks). */
function cells(csv: string): string[] {
  return csv
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .flatMap((l) => l.match(/("([^"]|"")*"|[^;]*)(?=;|$)/g) ?? []);
}
const formulaCells = (csv: string) =>
  cells(csv)
    .map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c))
    .filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(,\d+)?$/.test(c));

describe('formula cells in every CSV export are neutralised', () => {
  it('the half-year report (GET /api/rapportage/halfjaar/csv)', async () => {
    const beleid = await env.as('beleid');
    const r = await beleid.get(`/api/rapportage/halfjaar/csv?halfjaar=2026H1&gemeente=${code}`);
    expect(r.status).toBe(200);
    const csv = String(r.body);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"";""klik"") (${code})"`);
    expect(formulaCells(csv)).toEqual([]);
  });
  it('the access log (GET /api/toegangslog/export)', async () => {
    const privacy = await env.as('privacy');
    await privacy.get('/api/toegangslog?limit=5');
    const r = await privacy.get('/api/toegangslog/export');
    expect(r.status).toBe(200);
    const csv = String(r.body);
    expect(csv).toContain(`"'@HYPERLINK(""http://x"";""klik"")"`);
    expect(formulaCells(csv)).toEqual([]);
  });
  it('no CSV is written outside the one writer', () => {
    // Any server file that sends text/csv or builds ';'-joined lines must use http/csv.ts.
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const files = fs
      .readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.') && !f.endsWith('csv.ts'));
    const offenders = files.filter((f) => {
      const text = fs.readFileSync(path.join(src, f), 'utf8');
      const writesCsv = /\.join\(';'\)|\\ufeff/.test(text);
      // The CBS delivery (rapportage/cbs.ts) is a fixed-format .txt record file of codes for CBS, not a spreadsheet CSV.
      return (
        writesCsv && !f.endsWith(path.join('rapportage', 'cbs.ts')) && !/from '\.\.?\/(http\/)?csv\.ts'/.test(text)
      );
    });
    expect(offenders).toEqual([]);
  });
});
