// `npm start`: build the web app when needed, then run the server (embedded database by default).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'packages/web');
const dist = path.join(web, 'dist/index.html');
const newest = (dir) => {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
};
const srcDirs = [path.join(web, 'src'), path.join(root, 'packages/domain/src')];
if (!fs.existsSync(dist) || Math.max(...srcDirs.map(newest)) > fs.statSync(dist).mtimeMs) {
  console.log('Building the web app…');
  const b = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', web, '--logLevel', 'warn'],
    { stdio: 'inherit', cwd: root },
  );
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const r = spawnSync(
  process.execPath,
  [tsx, path.join(root, 'packages/server/src/cli/main.ts'), 'serve', ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
);
process.exit(r.status ?? 1);
