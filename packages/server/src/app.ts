// The Fastify application: security headers, error mapping, the route table, the web app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { HttpError, isDatabaseOnbereikbaar, ValidationError } from './http/errors.ts';
import { bodyAlsTekst } from './http/invoer.ts';
import { instrument, requestId } from './http/metrics.ts';
import { registerRoutes, type Deps, type RouteDef } from './http/route.ts';
import { allRoutes, API_VERSION } from './routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.resolve(here, '../../web/dist');

export async function buildApp(
  deps: Deps,
  opts: { routes?: RouteDef[]; logger?: boolean; webDist?: string } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: deps.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    // One id per request in the logs, in the X-Request-Id response header and in a 500 answer (http/metrics.ts).
    genReqId: requestId,
  });
  instrument(app, API_VERSION, deps.db, deps.now);
  const routes = opts.routes ?? allRoutes();

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
    );
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (deps.config.secureCookies) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (String(_req.url).startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err: any, req, reply) => {
    if (err instanceof ValidationError) {
      // Extra details (e.g. the alternatives to a refused home visit) travel along with the fields.
      return reply.code(400).send({ ...err.details, error: err.code, message: err.message, fields: err.fields });
    }
    if (err instanceof HttpError) {
      return reply.code(err.status).send({ error: err.code, message: err.message, ...err.details });
    }
    if (
      err?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
      err?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      err?.statusCode === 400
    ) {
      return reply.code(400).send({
        error: 'validatie',
        message: 'Ongeldig verzoek: verwacht een JSON-body',
        fields: [{ field: 'body', rule: 'json', message: 'Geen geldige JSON' }],
      });
    }
    if (err?.statusCode === 413)
      return reply.code(413).send({ error: 'te_groot', message: 'Verzoek te groot (maximaal 1 MB)' });
    if (isDatabaseOnbereikbaar(err)) {
      req.log.warn({ err: String(err?.message ?? err) }, 'database not reachable');
      return reply.code(503).header('Retry-After', '5').send({
        error: 'database_onbereikbaar',
        message:
          'De database is even niet bereikbaar. De wijziging is niet opgeslagen; probeer het over een paar seconden opnieuw.',
        requestId: req.id,
      });
    }
    // Never leak stack traces or SQL to the client.
    req.log.error(err);
    if (!opts.logger) console.error(err);
    return reply.code(500).send({
      error: 'interne_fout',
      message: `Er ging iets mis op de server. De wijziging is niet opgeslagen. Meld dit met code ${req.id}.`,
      requestId: req.id,
    });
  });

  // Bodies are kept as text and parsed by the route wrapper after the policy decision (http/invoer.ts).
  bodyAlsTekst(app);
  registerRoutes(app, routes, deps);

  const webDist = opts.webDist ?? WEB_DIST;
  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    // Files are looked up per request (a rebuilt app is served without a restart). Every other
    // GET/HEAD path outside /api/ gets the app (client-side routing). A rebuild empties the
    // directory first and takes seconds: meanwhile pages get the last complete build, held in
    // memory (WebBuild), and its assets come from there too — never a bare 404 for a deep link.
    const build = new WebBuild(webDist);
    // Only files (scripts, styles, images) are looked up on disk; a page path goes to the handler below.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: false,
      allowedPath: (pathname) => isAssetPath(pathname),
    });
    app.setNotFoundHandler(async (req, reply) => {
      const pathname = req.url.split('?')[0]!;
      const isApi = pathname === '/api' || pathname.startsWith('/api/');
      if ((req.method === 'GET' || req.method === 'HEAD') && !isApi) {
        if (isAssetPath(pathname)) {
          const asset = build.asset(pathname);
          if (asset)
            return reply
              .type(contentType(pathname))
              .header('Cache-Control', 'public, max-age=31536000, immutable')
              .send(asset);
        } else {
          const index = await build.index();
          if (index)
            return reply.code(200).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(index);
        }
      }
      return reply.code(404).send({ error: 'niet_gevonden', message: `Geen route ${req.method} ${pathname}` });
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.code(404).send({ error: 'niet_gevonden', message: `Geen route ${req.method} ${req.url.split('?')[0]}` }),
    );
  }
  return app;
}

/** A file of the build (a script, style sheet, image, font), not a page of the app. */
const ASSET_EXT = /\.(js|mjs|css|map|svg|png|jpe?g|gif|ico|webp|woff2?|ttf|txt|json|webmanifest|html)$/i;
function isAssetPath(pathname: string): boolean {
  return pathname.startsWith('/assets/') || ASSET_EXT.test(pathname);
}

const CONTENT_TYPE: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};
function contentType(pathname: string): string {
  return CONTENT_TYPE[pathname.slice(pathname.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The last complete build of the web app in memory: index.html and every file its build wrote
 * (about 0.7 MB). It is refreshed when index.html changes on disk, and only once all assets the
 * new index.html names can be read — half a build (vite empties the directory and writes the new
 * files over several seconds) never replaces a complete one. The assets of the previous build
 * stay too, for pages loaded just before the rebuild.
 */
export class WebBuild {
  private indexHtml: Buffer | null = null;
  private stamp = '';
  private assets = new Map<string, Buffer>();
  private previous = new Map<string, Buffer>();
  private refreshing: Promise<void> | null = null;

  constructor(private readonly root: string) {
    this.refreshSync();
  }

  /** index.html of the last complete build (after checking the disk for a newer one). */
  async index(): Promise<Buffer | null> {
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
    await this.refreshing;
    return this.indexHtml;
  }

  /** A file of the current or the previous build ('/assets/index-abc.js', '/favicon.svg'). */
  asset(pathname: string): Buffer | null {
    return this.assets.get(pathname) ?? this.previous.get(pathname) ?? null;
  }

  private refreshSync(): void {
    try {
      const st = fs.statSync(path.join(this.root, 'index.html'));
      const html = fs.readFileSync(path.join(this.root, 'index.html'));
      const files = new Map<string, Buffer>();
      for (const rel of listFiles(this.root))
        if (rel !== '/index.html') files.set(rel, fs.readFileSync(path.join(this.root, rel)));
      this.accept(html, files, `${st.mtimeMs}:${st.size}`);
    } catch {
      // Served from disk as far as it goes; the next page request tries again.
    }
  }

  private async refresh(): Promise<void> {
    try {
      const file = path.join(this.root, 'index.html');
      const st = await fs.promises.stat(file);
      const stamp = `${st.mtimeMs}:${st.size}`;
      if (stamp === this.stamp || st.size === 0) return;
      const html = await fs.promises.readFile(file);
      const files = new Map<string, Buffer>();
      for (const rel of listFiles(this.root))
        if (rel !== '/index.html') files.set(rel, await fs.promises.readFile(path.join(this.root, rel)));
      this.accept(html, files, stamp);
    } catch {
      // Mid-rebuild (a file vanished or is not there yet): keep the complete build we have.
    }
  }

  private accept(html: Buffer, files: Map<string, Buffer>, stamp: string): void {
    const named = [...html.toString('utf8').matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!.split('?')[0]!);
    if (!html.length || named.some((n) => !files.has(n))) return;
    if (this.assets.size) this.previous = this.assets;
    this.assets = files;
    this.indexHtml = html;
    this.stamp = stamp;
  }
}

/** Every file under a directory, as '/sub/name' paths. */
function listFiles(root: string, sub = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, sub), { withFileTypes: true })) {
    const rel = `${sub}/${e.name}`;
    if (e.isDirectory()) out.push(...listFiles(root, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}
