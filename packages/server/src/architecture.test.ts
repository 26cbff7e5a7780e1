// The architecture check (.dependency-cruiser.cjs, `npm run depcheck`) refuses what it should: each case is a
// small tree of files laid out like the repository, cruised with the project's own rules.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration;
let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Cruise a tree given as { file: [imports] } (paths from the repository root); returns the rules violated. */
async function violations(tree: Record<string, string[]>): Promise<string[]> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-depcheck-'));
  for (const [file, imports] of Object.entries(tree)) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const lines = imports.map((i) => {
      const target = i.startsWith('packages/') ? path.relative(path.dirname(full), path.join(dir!, i)) : i;
      return `import '${target.startsWith('.') || !i.startsWith('packages/') ? target : `./${target}`}';`;
    });
    fs.writeFileSync(full, `${lines.join('\n')}\nexport const x = 1;\n`);
  }
  const result = await cruise(['packages'], {
    baseDir: dir,
    validate: true,
    ruleSet: { forbidden: config.forbidden! },
    exclude: config.options!.exclude!,
    doNotFollow: config.options!.doNotFollow!,
  });
  const summary = (result.output as ICruiseResult).summary;
  return [...new Set(summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`))].sort();
}

const S = 'packages/server/src/';

describe('architecture check', () => {
  it('allows imports downwards: routes → services → db → domain', async () => {
    expect(
      await violations({
        [`${S}routes.ts`]: [`${S}casus/routes.ts`],
        [`${S}casus/routes.ts`]: [`${S}casus/service.ts`, `${S}http/route.ts`],
        [`${S}http/route.ts`]: [`${S}http/errors.ts`],
        [`${S}http/errors.ts`]: [],
        [`${S}casus/service.ts`]: [`${S}db/index.ts`, `${S}personen/service.ts`],
        [`${S}personen/service.ts`]: [`${S}db/index.ts`],
        [`${S}db/index.ts`]: ['packages/domain/src/index.ts'],
        'packages/domain/src/index.ts': [],
        'packages/web/src/page.ts': ['packages/domain/src/index.ts'],
      }),
    ).toEqual([]);
  });

  it('refuses db/ (the foundation) importing a module service', async () => {
    expect(
      await violations({
        [`${S}db/migrate.ts`]: [`${S}werkvoorraad/termijnen.ts`],
        [`${S}werkvoorraad/termijnen.ts`]: [],
      }),
    ).toEqual([`foundation-not-up: ${S}db/migrate.ts → ${S}werkvoorraad/termijnen.ts`]);
  });

  it('refuses a service importing routes, the app, demo data or test support', async () => {
    expect(
      await violations({
        [`${S}casus/service.ts`]: [`${S}casus/routes.ts`, `${S}app.ts`, `${S}demo/demo.ts`, `${S}testing.ts`],
        [`${S}casus/routes.ts`]: [],
        [`${S}app.ts`]: [],
        [`${S}demo/demo.ts`]: [],
        [`${S}testing.ts`]: [],
      }),
    ).toEqual([
      `no-test-support-in-the-application: ${S}casus/service.ts → ${S}testing.ts`,
      `services-not-to-routes-or-application: ${S}casus/service.ts → ${S}app.ts`,
      `services-not-to-routes-or-application: ${S}casus/service.ts → ${S}casus/routes.ts`,
      `services-not-to-routes-or-application: ${S}casus/service.ts → ${S}demo/demo.ts`,
      `services-not-to-routes-or-application: ${S}casus/service.ts → ${S}testing.ts`,
    ]);
  });

  it('refuses routes importing the route table or the server', async () => {
    expect(await violations({ [`${S}auth/routes.ts`]: [`${S}routes.ts`], [`${S}routes.ts`]: [] })).toEqual([
      `routes-not-to-application: ${S}auth/routes.ts → ${S}routes.ts`,
    ]);
  });

  it('refuses the domain importing the server, the web app or Node', async () => {
    expect(
      await violations({
        'packages/domain/src/bsn.ts': [`${S}config.ts`, 'packages/web/src/format.ts', 'node:fs'],
        [`${S}config.ts`]: [],
        'packages/web/src/format.ts': [],
      }),
    ).toEqual([
      'domain-is-pure: packages/domain/src/bsn.ts → fs',
      `domain-is-pure: packages/domain/src/bsn.ts → packages/server/src/config.ts`,
      'domain-is-pure: packages/domain/src/bsn.ts → packages/web/src/format.ts',
    ]);
  });

  it('refuses the web app importing the server', async () => {
    expect(
      await violations({ 'packages/web/src/page.ts': [`${S}casus/service.ts`], [`${S}casus/service.ts`]: [] }),
    ).toEqual([`web-not-to-server: packages/web/src/page.ts → ${S}casus/service.ts`]);
  });

  it('refuses every import circle', async () => {
    const found = await violations({
      [`${S}personen/service.ts`]: [`${S}intake/service.ts`],
      [`${S}intake/service.ts`]: [`${S}personen/service.ts`],
    });
    // dependency-cruiser reports a circle once, from one of its modules.
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-circular: packages\/server\/src\/(intake|personen)\/service\.ts → /);
    expect(
      await violations({
        [`${S}casus/detail.ts`]: [`${S}werkvoorraad/termijnen.ts`],
        [`${S}werkvoorraad/termijnen.ts`]: [`${S}referentie/service.ts`],
        [`${S}referentie/service.ts`]: [`${S}casus/detail.ts`],
      }),
    ).toHaveLength(1);
  });
});
