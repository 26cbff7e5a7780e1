// `npm run build`: the production build. Builds the web app once (Vite) and compiles the server and its
// CLI into one ES module (esbuild) that plain Node runs without tsx or any devDependency:
//
//   packages/server/dist/voordeur.mjs   the `voordeur` command (serve, migrate, seed, audit, import, export, …)
//   packages/server/dist/data/          files the server reads at run time (demo household counts)
//   packages/web/dist/                  the web app, served by the server
//
// Each output sits in its own package, so Node resolves the server's dependencies from the server's
// node_modules as in development. Run it with production dependencies only:
// `npm ci --omit=dev && node packages/server/dist/voordeur.mjs serve`
// (see docs/operations.md). The packages of the npm workspaces (@voordeur/domain) are compiled in; every
// other package stays an import that node_modules resolves, so native and WASM packages (argon2, PGlite)
// load as they do in development.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'packages/server/dist');
const pkg = (p) => JSON.parse(fs.readFileSync(path.join(root, p, 'package.json'), 'utf8'));

fs.rmSync(dist, { recursive: true, force: true });

console.log('web app (vite build)…');
const vite = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', 'packages/web', '--logLevel', 'warn'],
  { stdio: 'inherit', cwd: root },
);
if (vite.status !== 0) process.exit(vite.status ?? 1);

console.log('server (esbuild)…');
const external = [
  ...new Set(['.', 'packages/server', 'packages/domain'].flatMap((p) => Object.keys(pkg(p).dependencies ?? {}))),
].filter((name) => !name.startsWith('@voordeur/'));
await build({
  entryPoints: [path.join(root, 'packages/server/src/cli/main.ts')],
  outfile: path.join(dist, 'voordeur.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  // CommonJS packages bundled into an ES module still call require().
  banner: {
    js: "import { createRequire as __vdRequire } from 'node:module'; const require = __vdRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
fs.cpSync(path.join(root, 'packages/server/src/demo/data'), path.join(dist, 'data'), { recursive: true });
fs.writeFileSync(
  path.join(dist, 'BUILD.json'),
  JSON.stringify({ version: pkg('.').version, node: process.version, builtAt: new Date().toISOString() }, null, 2) +
    '\n',
);
console.log('built — run: node packages/server/dist/voordeur.mjs serve');
