// Serving the web app: every page path (a deep link such as /werkvoorraad) gets index.html, unknown
// /api paths a JSON 404, and a rebuild of the web app while the server runs (vite empties the
// directory and writes the new build over several seconds) never turns a page into a bare 404.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

const html = (script: string) =>
  `<!doctype html><html><head><script type="module" src="/assets/${script}"></script><link rel="icon" href="/favicon.svg"></head><body><div id="root"></div></body></html>`;

let dir: string;
let app: FastifyInstance;

function writeBuild(script: string, body: string) {
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'assets', script), body);
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  fs.writeFileSync(path.join(dir, 'index.html'), html(script));
}
function emptyDir() {
  for (const e of fs.readdirSync(dir)) fs.rmSync(path.join(dir, e), { recursive: true, force: true });
}
const get = (url: string, method: 'GET' | 'HEAD' = 'GET') => app.inject({ method, url });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voordeur-web-'));
  writeBuild('app-1.js', 'console.log(1)');
  app = await buildApp(
    { db: null as never, dbKind: 'pglite', config: loadConfig({}), now: () => new Date() },
    { routes: [], webDist: dir },
  );
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the web app and its deep links', () => {
  it('answers every page path with index.html, GET and HEAD, with or without a query', async () => {
    for (const url of [
      '/',
      '/werkvoorraad',
      '/privacy?tab=log',
      '/casussen/12',
      '/beheer',
      '/iets/wat/niet/bestaat',
      '/2026-000123',
    ]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type'], url).toMatch(/^text\/html/);
      expect(r.body, url).toContain('app-1.js');
    }
    expect((await get('/werkvoorraad', 'HEAD')).statusCode).toBe(200);
  });

  it('answers unknown /api paths, and missing files, with a JSON 404', async () => {
    for (const url of ['/api/bestaat-niet', '/api', '/api/werkvoorraad/x/y', '/assets/weg-123.js', '/robots.txt']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json(), url).toMatchObject({ error: 'niet_gevonden' });
    }
  });

  it('serves the build files', async () => {
    const r = await get('/assets/app-1.js');
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe('console.log(1)');
  });

  it('keeps serving the last complete build while the web app is rebuilt', async () => {
    emptyDir();
    // Many requests at once, mid-rebuild: pages and their assets all still work.
    const answers = await Promise.all(
      [...Array(30)].map((_, i) => get(i % 3 === 0 ? '/assets/app-1.js' : i % 3 === 1 ? '/werkvoorraad' : '/')),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(30).fill(200));
    expect(answers[1]!.body).toContain('app-1.js');
    expect((await get('/favicon.svg')).statusCode).toBe(200);

    // Half a build: the new index.html names a script that is not written yet → still the old build.
    fs.writeFileSync(path.join(dir, 'index.html'), html('app-2.js'));
    expect((await get('/werkvoorraad')).body).toContain('app-1.js');

    // The build is complete: the new one, and the old script still there for a page loaded before.
    writeBuild('app-2.js', 'console.log(2)');
    const r = await get('/werkvoorraad');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('app-2.js');
    expect((await get('/assets/app-1.js')).body).toBe('console.log(1)');
    expect((await get('/assets/app-2.js')).body).toBe('console.log(2)');
  });
});
