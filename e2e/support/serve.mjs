// Start Voordeur for the e2e tests (Playwright's webServer): `node scripts/start.mjs` with a fresh
// temporary data directory (PGlite), or, when E2E_DATABASE_URL names a PostgreSQL server, a fresh
// database `vd_e2e_<random>` on it (DATABASE_URL). Both are removed when Playwright stops the
// server (SIGTERM). This lives in the web server command rather than in a globalSetup because
// Playwright starts the web server before globalSetup runs.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voordeur-e2e-'));
const env = { ...process.env, VOORDEUR_DATA_DIR: dataDir, VOORDEUR_DEMO: 'true' };
delete env.DATABASE_URL;

async function admin(sql) {
  const c = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

let dbName = null;
if (process.env.E2E_DATABASE_URL) {
  dbName = `vd_e2e_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${dbName}`);
  const url = new URL(process.env.E2E_DATABASE_URL);
  url.pathname = `/${dbName}`;
  env.DATABASE_URL = url.toString();
  console.log(`e2e: fresh PostgreSQL database ${dbName}`);
} else {
  console.log(`e2e: fresh PGlite data directory ${dataDir}`);
}

const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { env, cwd: root, stdio: 'inherit' });

let done = false;
async function cleanup(code) {
  if (done) return;
  done = true;
  // Give the server a moment to close its connections after the signal.
  await new Promise((r) => setTimeout(r, 500));
  if (dbName) {
    try {
      await admin(`drop database if exists ${dbName} with (force)`);
      console.log(`e2e: dropped database ${dbName}`);
    } catch (e) {
      console.error(`e2e: could not drop database ${dbName}: ${e instanceof Error ? e.message : e}`);
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    if (child.exitCode === null) child.kill(sig);
  });
}
child.on('exit', (code, signal) => cleanup(signal ? 0 : (code ?? 1)));
