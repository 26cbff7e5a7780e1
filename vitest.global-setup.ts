// vitest global setup: one migrated and seeded template database for the whole run (PGlite dump or PostgreSQL
// template database, packages/server/src/testing-template.ts), handed to the test files; removed at the end.
import type { TestProject } from 'vitest/node';
import { makeTestTemplate, type TestTemplate } from './packages/server/src/testing-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    voordeurTemplate: TestTemplate | null;
  }
}

export default async function setup(project: TestProject) {
  // A run without integration tests (*.int.test.ts; `vitest run packages/domain`) needs no template: the file filters of the command
  // line decide. Should this guess wrong, a test file without a template migrates its own database (slower only).
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-') && !['run', 'watch', 'dev'].includes(a));
  const { testFiles } = await project.globTestFiles(filters);
  if (!testFiles.some((f) => f.endsWith('.int.test.ts'))) {
    project.provide('voordeurTemplate', null);
    return;
  }
  const started = performance.now();
  const { template, remove } = await makeTestTemplate();
  console.log(
    `test template database (${template.kind}) ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  project.provide('voordeurTemplate', template);
  return remove;
}
