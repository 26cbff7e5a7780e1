// Architecture check: `npm run depcheck`, and a suite of `npm test`. Two kinds of rule over packages/*/src (tests
// excluded): no import circle, and no import from a lower layer to a higher one. The layers, low to high
// (docs/architecture.md, "Layers"):
//   1. packages/domain               pure rules and shapes; imports nothing but itself and zod
//   2. foundation (server)           db/, crypto/, http/errors.ts, policy/index.ts
//   3. services (server)             every other module file: <module>/service.ts, queries, rules with I/O, config.ts
//   4. routes (server)               <module>/routes.ts, the route wrapper http/route.ts, http/openapi.ts, policy/table.ts
//   5. application (server)          routes.ts, app.ts, server.ts, startup.ts, cli/, <module>/cli.ts, demo/, test support
// A file may import its own layer and the ones below it. The web app imports the domain, never the server.
const S = '^packages/server/src/';
const TEST_SUPPORT = `${S}(testing|testing-template)\\.ts$|${S}privacy/testfixture\\.ts$|${S}rapportage/fixture\\.ts$`;
const APPLICATION = `${S}(routes|app|server|startup)\\.ts$|${S}(cli|demo)/|${S}[^/]+/cli\\.ts$|${TEST_SUPPORT}`;
const ROUTES = `${S}[^/]+/routes\\.ts$|${S}http/(route|openapi)\\.ts$|${S}policy/table\\.ts$`;
const FOUNDATION = `${S}(db|crypto)/|${S}http/errors\\.ts$|${S}policy/index\\.ts$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: modules that need each other are one module in two files, or a layer mix-up.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'packages/domain is pure TypeScript: it imports only itself and zod (no server, web, Node or I/O).',
      from: { path: '^packages/domain/src/' },
      to: { pathNot: ['^packages/domain/src/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'web-not-to-server',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP; shared shapes and rules live in packages/domain.',
      from: { path: '^packages/web/src/' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'server-not-to-web',
      severity: 'error',
      comment: 'The server serves the built web app as files; it imports none of its code.',
      from: { path: '^packages/server/src/' },
      to: { path: '^packages/web/' },
    },
    {
      name: 'foundation-not-up',
      severity: 'error',
      comment:
        'db/, crypto/, http/errors.ts and policy/index.ts sit below every module: they import only each other and the domain.',
      from: { path: FOUNDATION },
      to: { path: S, pathNot: FOUNDATION },
    },
    {
      name: 'services-not-to-routes-or-application',
      severity: 'error',
      comment:
        'A service (use case, queries, module rules) does not import routes, the app, the CLI, demo data or test support.',
      from: { path: S, pathNot: [APPLICATION, ROUTES, FOUNDATION] },
      to: { path: [APPLICATION, ROUTES] },
    },
    {
      name: 'routes-not-to-application',
      severity: 'error',
      comment: 'Routes do not import the route table, the app, the server, the CLI, demo data or test support.',
      from: { path: ROUTES },
      to: { path: APPLICATION },
    },
    {
      name: 'no-test-support-in-the-application',
      severity: 'error',
      comment: 'Test support (testing.ts, fixtures) is for tests only.',
      from: { path: S, pathNot: TEST_SUPPORT },
      to: { path: TEST_SUPPORT },
    },
  ],
  options: {
    exclude: { path: ['\\.test\\.tsx?$', '(^|/)node_modules/'] },
    doNotFollow: { path: '(^|/)node_modules/' },
    // Type-only imports count: a lower layer that needs a higher layer's types depends on it all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
