import { defineConfig } from 'vitest/config';

// Test files run in parallel, each in its own process (forks), each integration test file on its own database
// copied from one migrated template (vitest.global-setup.ts, packages/server/src/testing-template.ts).
// Workers: 2 on the 2-core machine (1, 2 and 3 measured: docs/architecture.md "Tests"); VOORDEUR_TEST_WORKERS
// overrides it. A PGlite instance takes some 300–800 MB, so memory is not what limits the count.
const workers = Number(process.env.VOORDEUR_TEST_WORKERS) || 2;

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    exclude: ['e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['./vitest.global-setup.ts'],
    pool: 'forks',
    maxWorkers: workers,
    fileParallelism: workers > 1,
  },
});
