// Faults lose nothing (issue 10; docs/operations.md "Faults"): run against a PostgreSQL server.
//
//   npx tsx scripts/ops/fault-check.ts <postgres-url> [--pg-restart "<command that restarts PostgreSQL>"]
//
// 1. kill -9 under load: a fresh database, Voordeur started on it, concurrent clients registering
//    meldingen; the server is killed with SIGKILL mid-load and started again. Every melding that was
//    acknowledged (201) is there, no melding is half-written (each has its casus, melder and
//    betrokkenen), and `voordeur audit verify` finds the access-log chain intact.
// 2. PostgreSQL restart under load (with --pg-restart): while clients keep writing, the database server
//    is restarted. Requests during the restart fail cleanly (503, never another 5xx), requests after it
//    succeed again without restarting Voordeur, and again nothing acknowledged is lost.
// Prints the figures; exits 1 on any violation.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const adminUrl = process.argv[2];
const restartIdx = process.argv.indexOf('--pg-restart');
const restartCommand = restartIdx > 0 ? process.argv[restartIdx + 1] : undefined;
if (!adminUrl?.startsWith('postgres')) {
  console.error('usage: tsx scripts/ops/fault-check.ts <postgres-url> [--pg-restart "<command>"]');
  process.exit(2);
}

const problems: string[] = [];
const fail = (m: string) => {
  problems.push(m);
  console.log(`  FAULT CHECK FAILED: ${m}`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dbName = `voordeur_fault_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voordeur-fault-'));
fs.chmodSync(dataDir, 0o700);
const port = 3400 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  DATABASE_URL: dbUrl,
  VOORDEUR_DEMO: 'true',
  VOORDEUR_REQUIRE_TOTP: 'false',
  VOORDEUR_DATA_DIR: dataDir,
  PORT: String(port),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
};
// Node itself runs the server (tsx as an import hook, not its CLI, which would start a second process
// that a SIGKILL of the first leaves running).
const nodeArgs = ['--import', 'tsx', 'packages/server/src/cli/main.ts'];
const cli = (args: string[]) =>
  spawnSync(process.execPath, [...nodeArgs, ...args], { cwd: root, env, encoding: 'utf8' });

let server: ChildProcess | undefined;
async function startServer(): Promise<void> {
  const log = fs.openSync(path.join(dataDir, 'serve.log'), 'a');
  server = spawn(process.execPath, [...nodeArgs, 'serve'], { cwd: root, env, stdio: ['ignore', log, log] });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error(`Voordeur did not become ready:\n${fs.readFileSync(path.join(dataDir, 'serve.log'), 'utf8')}`);
}

async function login(gebruikersnaam: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/sessie`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam, wachtwoord: process.env.VOORDEUR_DEMO_PASSWORD ?? 'Voordeur-demo-2026' }),
  });
  const body = (await r.json()) as { csrfToken?: string };
  if (!r.ok || !body.csrfToken) throw new Error(`login ${gebruikersnaam}: ${r.status} ${JSON.stringify(body)}`);
  return { cookie: String(r.headers.get('set-cookie')).split(';')[0]!, csrf: body.csrfToken };
}

let seq = 0;
/** A surname per melding without digits (names are compared without them): Storing-aab, Storing-aac, … */
const letters = (n: number) => {
  let s = '';
  for (let i = 0; i < 4; i++, n = Math.floor(n / 26)) s = String.fromCharCode(97 + (n % 26)) + s;
  return s;
};
function melding() {
  seq++;
  const naam = `Storing-${letters(seq)}`;
  return {
    binnenkomst: 'telefoon',
    melder: {
      hoedanigheid: 'buurtbewoner',
      naam: `Melder Fout${seq}`,
      telefoon: '020 555 0100',
      wilOnbekendBlijven: true,
    },
    huishouden: {
      straat: 'Storingstraat',
      huisnummer: String(seq),
      postcode: '1053DX',
      woonplaats: 'Amsterdam',
      gemeenteCode: 'GM0363',
    },
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    betrokkenen: [
      {
        persoon: { voornamen: 'Noa', achternaam: naam, geboortedatum: '19880101', geslacht: 'V' },
        rol: 'slachtoffer',
        nieuwBevestigd: true,
      },
      {
        persoon: { voornamen: 'Sem', achternaam: naam, geboortedatum: '20190202', geslacht: 'M' },
        rol: 'kind',
        nieuwBevestigd: true,
      },
    ],
    aanleiding: ['km_anders'],
    aard: ['psychisch_geweld'],
    omschrijving: 'Buren horen geschreeuw en een huilend kind; storingsproef.',
  };
}

const firstError = new Map<string, string>();
/** Wait until `n` meldingen are acknowledged; fail with the answers seen when that takes over a minute. */
async function waitForAcks(l: Load, n: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (l.acked.length < n) {
    if (Date.now() > deadline) {
      await l.stop();
      throw new Error(
        `only ${l.acked.length} of ${n} meldingen acknowledged in 60 s: ${JSON.stringify(Object.fromEntries(l.statuses))} ${JSON.stringify(Object.fromEntries(firstError))}`,
      );
    }
    await sleep(50);
  }
}

interface Load {
  acked: number[];
  statuses: Map<string, number>;
  stop: () => Promise<void>;
}
/** `clients` loops, each registering meldingen one after another until stopped. */
function load(session: { cookie: string; csrf: string }, clients: number): Load {
  const acked: number[] = [];
  const statuses = new Map<string, number>();
  let running = true;
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      let key: string;
      try {
        const r = await fetch(`${base}/api/meldingen`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
          body: JSON.stringify(melding()),
          signal: AbortSignal.timeout(15_000),
        });
        key = String(r.status);
        if (r.status === 201) acked.push(((await r.json()) as { meldingId: number }).meldingId);
        else {
          const body = await r.text();
          if (!firstError.has(key)) firstError.set(key, body.slice(0, 300));
        }
      } catch {
        key = 'no answer';
        await sleep(100);
      }
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
  });
  return {
    acked,
    statuses,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function checkNothingLost(db: pg.Client, acked: number[], label: string): Promise<void> {
  const present = new Set(
    (await db.query<{ id: number }>('select id from melding where id = any($1::int[])', [acked])).rows.map((r) => r.id),
  );
  const lost = acked.filter((id) => !present.has(id));
  const half = (
    await db.query<{ id: number }>(`select m.id from melding m
      where not exists (select 1 from casus c where c.id = m.casus_id)
         or not exists (select 1 from melder md where md.melding_id = m.id)
         or (select count(*) from melding_betrokkene b where b.melding_id = m.id) < 2`)
  ).rows.map((r) => r.id);
  console.log(`  ${label}: ${acked.length} acknowledged, ${lost.length} lost, ${half.length} half-written`);
  if (lost.length) fail(`${label}: acknowledged meldingen missing: ${lost.slice(0, 10).join(', ')}`);
  if (half.length) fail(`${label}: half-written meldingen: ${half.slice(0, 10).join(', ')}`);
  const verify = cli(['audit', 'verify']);
  console.log(
    `  ${label}: audit verify → exit ${verify.status}: ${verify.stdout.trim().split('\n').slice(-1)[0] ?? ''}`,
  );
  if (verify.status !== 0) fail(`${label}: access-log chain does not verify:\n${verify.stdout}${verify.stderr}`);
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
await admin.end();
let db: pg.Client | undefined;
try {
  console.log('fault check 1: kill -9 of the server during concurrent writes');
  await startServer();
  let s = await login('backoffice');
  let l = load(s, 8);
  await waitForAcks(l, 40);
  server!.kill('SIGKILL');
  await new Promise((r) => server!.once('exit', r));
  await l.stop();
  console.log(`  answers during the load: ${JSON.stringify(Object.fromEntries(l.statuses))}`);
  await startServer();
  db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  await checkNothingLost(db, l.acked, 'after kill -9 and restart');
  await db.end();
  db = undefined;

  if (restartCommand) {
    console.log('fault check 2: PostgreSQL restart during concurrent writes');
    s = await login('backoffice');
    l = load(s, 4);
    await waitForAcks(l, 10);
    const before = l.acked.length;
    const r = spawnSync('bash', ['-c', restartCommand], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`restart command failed: ${r.stdout}${r.stderr}`);
    // Voordeur is not restarted: writes must succeed again on their own.
    const deadline = Date.now() + 60_000;
    const afterRestart = l.acked.length;
    while (l.acked.length < afterRestart + 10 && Date.now() < deadline) await sleep(100);
    await l.stop();
    const answers = Object.fromEntries(l.statuses);
    console.log(
      `  answers: ${JSON.stringify(answers)} (acknowledged before the restart ${before}, after ${l.acked.length - afterRestart})`,
    );
    for (const [status, n] of l.statuses)
      if (status.startsWith('5') && status !== '503')
        fail(`answered ${status} ${n}× during the database restart (503 expected)`);
    if (l.statuses.get('no answer')) fail(`${l.statuses.get('no answer')} requests got no answer`);
    if (l.acked.length < afterRestart + 10) fail('writes did not succeed again within 60 s after the database restart');
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    await checkNothingLost(db, l.acked, 'after the PostgreSQL restart');
    await db.end();
    db = undefined;
  }
} catch (e) {
  fail(String((e as Error).stack ?? e));
} finally {
  server?.kill('SIGKILL');
  await db?.end().catch(() => {});
  const a = new pg.Client({ connectionString: adminUrl });
  for (let i = 0; i < 30; i++) {
    try {
      await a.connect();
      break;
    } catch {
      await sleep(1000);
    }
  }
  await a.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await a.end().catch(() => {});
  if (problems.length && fs.existsSync(path.join(dataDir, 'serve.log')))
    console.log(
      `--- server log (last 40 lines)\n${fs.readFileSync(path.join(dataDir, 'serve.log'), 'utf8').split('\n').slice(-40).join('\n')}`,
    );
  fs.rmSync(dataDir, { recursive: true, force: true });
}
if (problems.length) {
  console.log(`fault check: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('fault check: nothing acknowledged was lost');
