// The Fastify application: security headers, error mapping, the route table, the web app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { HttpError, ValidationError } from './http/errors.ts';
import { registerRoutes, type Deps, type RouteDef } from './http/route.ts';
import { allRoutes } from './routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.resolve(here, '../../web/dist');

export async function buildApp(deps: Deps, opts: { routes?: RouteDef[]; logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ? { level: deps.config.logLevel } : false, bodyLimit: 1024 * 1024, trustProxy: false });
  const routes = opts.routes ?? allRoutes();

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'");
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
      return reply.code(400).send({ error: err.code, message: err.message, fields: err.fields });
    }
    if (err instanceof HttpError) {
      return reply.code(err.status).send({ error: err.code, message: err.message, ...err.details });
    }
    if (err?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err?.statusCode === 400) {
      return reply.code(400).send({ error: 'validatie', message: 'Ongeldig verzoek: verwacht een JSON-body', fields: [{ field: 'body', rule: 'json', message: 'Geen geldige JSON' }] });
    }
    if (err?.statusCode === 413) return reply.code(413).send({ error: 'te_groot', message: 'Verzoek te groot (maximaal 1 MB)' });
    // Never leak stack traces or SQL to the client.
    req.log.error(err);
    if (!opts.logger) console.error(err);
    return reply.code(500).send({ error: 'interne_fout', message: 'Er ging iets mis op de server. De wijziging is niet opgeslagen.' });
  });

  registerRoutes(app, routes, deps);

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    // Files are looked up per request (a rebuilt app is served without a restart). A missing
    // asset is a 404; any other page path gets the app (client-side routing), for GET and HEAD.
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true });
    app.setNotFoundHandler((req, reply) => {
      const pathname = req.url.split('?')[0]!;
      const isPage = !pathname.startsWith('/api/') && !pathname.startsWith('/assets/') && !/\.[a-z0-9]+$/i.test(pathname);
      if ((req.method === 'GET' || req.method === 'HEAD') && isPage) return reply.type('text/html').sendFile('index.html');
      return reply.code(404).send({ error: 'niet_gevonden', message: `Geen route ${req.method} ${pathname}` });
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'niet_gevonden', message: `Geen route ${req.method} ${req.url}` }));
  }
  return app;
}
