// `npm test`: type check, format check, lint, architecture check, unit + API integration tests (vitest: test files
// in parallel, each on a copy of one migrated template database), browser tests (Playwright in Debian's Chromium).
// The database for integration tests: PGlite in memory by default, a PostgreSQL server when
// VOORDEUR_TEST_DATABASE_URL is set (e2e: E2E_DATABASE_URL).
// Ends with one line "N passed, N failed" over all suites.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'voordeur-test-'));
const bin = (p) => path.join(root, 'node_modules', p);
const run = (label, args, env = {}) => {
  console.log(`\n=== ${label}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  return r.status ?? 1;
};
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

// 1. Type check
if (run('typecheck (tsc --noEmit)', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']) !== 0) {
  failed++;
  problems.push('typecheck');
} else passed++;

// 1b. Format and lint: Prettier's check (no file differs from its formatting) and ESLint (correctness rules,
// type-aware where a type matters, accessibility rules for the JSX). `npm run format` fixes the first.
if (run('format (prettier --check)', [bin('prettier/bin/prettier.cjs'), '--check', '--log-level=warn', '.']) !== 0) {
  failed++;
  problems.push('format');
} else passed++;
if (run('lint (eslint)', [bin('eslint/bin/eslint.js'), '--max-warnings=0', '.']) !== 0) {
  failed++;
  problems.push('lint');
} else passed++;

// 1c. Architecture: no import circle and no import from a lower layer to a higher one (.dependency-cruiser.cjs,
// docs/architecture.md "Layers"); `npm run depcheck` runs the same.
if (
  run('architecture (dependency-cruiser)', [
    bin('dependency-cruiser/bin/dependency-cruise.mjs'),
    'packages/domain/src',
    'packages/server/src',
    'packages/web/src',
    '--config',
    '.dependency-cruiser.cjs',
  ]) !== 0
) {
  failed++;
  problems.push('architecture');
} else passed++;

// 2. vitest: domain unit tests, server API integration tests, web logic tests
const vitestJson = path.join(tmp, 'vitest.json');
const db = process.env.VOORDEUR_TEST_DATABASE_URL ? 'PostgreSQL server' : 'PGlite (embedded)';
const vs = run(`vitest (integration database: ${db})`, [
  bin('vitest/vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const j = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  if (j.numFailedTests || vs !== 0) problems.push('vitest');
} else {
  failed++;
  problems.push('vitest (no report)');
}

// 3. Playwright in Debian's Chromium
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium) && process.getuid?.() === 0) {
  console.log('Chromium is missing: installing Debian package chromium');
  spawnSync('bash', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium'], { stdio: 'inherit' });
}
if (!fs.existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)`,
  );
  failed++;
  problems.push('e2e (no chromium)');
} else if (process.env.VOORDEUR_SKIP_E2E === '1') {
  console.log('\n=== playwright skipped (VOORDEUR_SKIP_E2E=1)');
} else {
  const pwJson = path.join(tmp, 'playwright.json');
  const ps = run('playwright (Chromium)', [bin('@playwright/test/cli.js'), 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  if (fs.existsSync(pwJson)) {
    const s = JSON.parse(fs.readFileSync(pwJson, 'utf8')).stats ?? {};
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
    skipped += s.skipped ?? 0;
    if (s.unexpected || ps !== 0) problems.push('playwright');
  } else {
    failed++;
    problems.push('playwright (no report)');
  }
}

console.log(`\n${problems.length ? `Failed: ${problems.join(', ')}` : 'All suites green'}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || problems.length ? 1 : 0);
