// Route table: every route declares its policy (resource + action, or an explicit public
// reason), its schemas and its audit object. One wrapper takes the authorization decision,
// validates input, runs the handler and writes the access log — no route can bypass it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditAction } from '../audit/index.ts';
import { ToegangslogFout, writeAccessLog } from '../audit/index.ts';
import { observeAccessLogWrite } from './metrics.ts';
import type { SessionUser, Session } from '../auth/session.ts';
import { csrfMatches, SESSION_COOKIE, sessionFromToken } from '../auth/session.ts';
import type { Config } from '../config.ts';
import type { Db, DbKind } from '../db/index.ts';
import { inVerzoekTransactie } from '../db/verzoektransactie.ts';
import type { Action, Resource } from '../policy/index.ts';
import { ACTIONS, decide, RESOURCES } from '../policy/index.ts';
import { bepaalToegang, casusVanMelding, type Toegang } from '../toegang/relatie.ts';
import { leesBody, weigerBuitenBereik, weigerRuweInvoer } from './invoer.ts';
import { RateLimiter } from './ratelimit.ts';
import { HttpError, ValidationError, zodFields, type FieldError } from './errors.ts';

export type Policy = { resource: Resource; action: Action } | { public: string };

/**
 * What the route is about, for the relation check (docs/security.md, "Access to a casus"):
 * 'casus' — params.id is a casus id; 'melding' — params.id is a melding id (its casus counts);
 * { geen: reason } — the route is under a casus or melding but deliberately needs no relation
 * (e.g. asking for emergency access). The wrapper checks the relation after decide().
 */
export type RelatieDecl = 'casus' | 'melding' | { geen: string };

/** Resources whose routes under /api/casussen/:id or /api/meldingen/:id must declare `relatie`. */
export const RELATIE_RESOURCES: readonly Resource[] = ['melding', 'melder'];

export interface Deps {
  db: Db;
  dbKind: DbKind;
  config: Config;
  now: () => Date;
}

export interface AuditCollector {
  /** Persons (clients) whose data this request touched. */
  clients(ids: Iterable<number>): void;
  object(type: string, id: string | number | null): void;
  action(a: AuditAction): void;
  purpose(p: string): void;
}

export interface Ctx<B = any, Q = any, P = any> extends Deps {
  user: SessionUser;
  session: Session;
  body: B;
  query: Q;
  params: P;
  audit: AuditCollector;
  /** The user's relation with the casus the route is about (routes that declare `relatie`), else null. */
  toegang: Toegang | null;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDef<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  policy: Policy;
  /** The casus this route is about; the wrapper refuses (403 geen_relatie) without a relation. */
  relatie?: RelatieDecl;
  body?: B;
  query?: Q;
  params?: P;
  /**
   * Checks against reference data (code lists) that also run when the body fails its schema,
   * so one 400 names every offending field; errors on fields the schema already refused are dropped.
   */
  bodyCheck?: (db: Db, rawBody: unknown) => Promise<FieldError[]>;
  /** Public routes only: a rate limit per client IP address (http/ratelimit.ts). */
  ipLimiet?: 'sso_start';
  /** Response description for the OpenAPI document. */
  response?: string;
  status?: number;
  handler: (ctx: Ctx<z.output<B>, z.output<Q>, z.output<P>>) => Promise<unknown>;
}

export function route<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
>(def: RouteDef<B, Q, P>): RouteDef {
  return def as unknown as RouteDef;
}

export function getCookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/**
 * The access log could not be written (NEN 7513: no change without its entry, no personal data
 * without one): an honest 503, nothing changed, nothing shown.
 */
export function toegangslogOnbeschikbaar(wijziging: boolean): HttpError {
  return new HttpError(
    503,
    'toegangslog_onbeschikbaar',
    wijziging
      ? 'De wijziging is niet opgeslagen: het toegangslog is niet beschikbaar. Probeer het later opnieuw.'
      : 'De gegevens worden niet getoond: het toegangslog is niet beschikbaar. Probeer het later opnieuw.',
  );
}

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const GEEN_RELATIE_MELDING =
  'U heeft geen relatie met deze casus: hij hoort niet bij uw team, u bent geen behandelaar en u bent niet geconsulteerd in een MDO. ' +
  'Heeft u de gegevens nu nodig voor de veiligheid van een cliënt, vraag dan noodtoegang aan met een reden; die wordt gelogd en beoordeeld door de privacy officer.';

const DEFAULT_PURPOSE: Partial<Record<AuditAction, string>> = {
  read: 'inzien',
  change: 'wijzigen',
  create: 'vastleggen',
  export: 'afdrukken/exporteren',
  search: 'zoeken',
  delete: 'verwijderen',
};

const DEFAULT_AUDIT: Record<Action, AuditAction> = {
  read: 'read',
  search: 'search',
  create: 'create',
  update: 'change',
  transition: 'change',
  export: 'export',
  delete: 'delete',
};

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, prefix: string): z.output<T> | undefined {
  if (!schema) return undefined;
  const r = schema.safeParse(value ?? (prefix === 'body' ? undefined : {}));
  if (!r.success) throw new ValidationError(zodFields(r.error, prefix === 'body' ? '' : prefix));
  return r.data;
}

async function parseBody(def: RouteDef, value: unknown, db: Db): Promise<unknown> {
  if (!def.body) return undefined;
  const r = def.body.safeParse(value);
  if (r.success) return r.data;
  // An error about the body as a whole (a top-level array or null) names the field 'body'.
  const fields = zodFields(r.error).map((f) => (f.field ? f : { ...f, field: 'body' }));
  if (def.bodyCheck) {
    const seen = new Set(fields.map((f) => f.field));
    for (const f of await def.bodyCheck(db, value)) if (!seen.has(f.field)) fields.push(f);
  }
  throw new ValidationError(fields);
}

/** Refuse to start with a route that declares no policy or an unknown one. */
export function checkRouteTable(routes: RouteDef[]): void {
  const seen = new Set<string>();
  for (const r of routes) {
    const key = `${r.method} ${r.url}`;
    if (seen.has(key)) throw new Error(`route ${key} is declared twice`);
    seen.add(key);
    const p = r.policy as any;
    if (!p) throw new Error(`route ${key} declares no policy`);
    if ('public' in p) {
      if (typeof p.public !== 'string' || p.public.length < 5)
        throw new Error(`route ${key} is public without a reason`);
    } else if (
      !(RESOURCES as readonly string[]).includes(p.resource) ||
      !(ACTIONS as readonly string[]).includes(p.action)
    ) {
      throw new Error(`route ${key} declares an unknown policy ${JSON.stringify(p)}`);
    }
    const rel = r.relatie as unknown;
    if (rel !== undefined) {
      if ('public' in p) throw new Error(`route ${key} is public and cannot declare a relation`);
      if (typeof rel === 'object' && rel !== null && 'geen' in rel) {
        if (typeof (rel as { geen: unknown }).geen !== 'string' || (rel as { geen: string }).geen.length < 5)
          throw new Error(`route ${key} declares no relation without a reason`);
      } else if (rel !== 'casus' && rel !== 'melding') {
        throw new Error(`route ${key} declares an unknown relation ${JSON.stringify(rel)}`);
      } else if (!/\/:id(\/|$)/.test(r.url)) {
        throw new Error(`route ${key} declares relation '${rel}' but has no :id parameter`);
      }
    } else if (
      !('public' in p) &&
      RELATIE_RESOURCES.includes(p.resource) &&
      /^\/api\/(casussen|meldingen)\/:id(\/|$)/.test(r.url)
    ) {
      // Everything under a casus or melding needs a relation: a new route cannot forget it.
      throw new Error(
        `route ${key} is about a casus or melding and declares no relation (relatie: 'casus' | 'melding' | { geen: reason })`,
      );
    }
  }
}

export function registerRoutes(app: FastifyInstance, routes: RouteDef[], deps: Deps): void {
  checkRouteTable(routes);
  const limiter = RateLimiter.fromConfig(deps.config);
  for (const def of routes) {
    app.route({
      method: def.method,
      url: def.url,
      handler: async (req, reply) => {
        const isPublic = 'public' in def.policy;
        let session: Session | null = null;
        const clients = new Set<number>();
        const pol = def.policy as { resource: Resource; action: Action };
        let auditAction: AuditAction = isPublic ? 'read' : DEFAULT_AUDIT[pol.action];
        let objectType: string = isPublic ? 'public' : pol.resource;
        let objectId: string | null = null;
        let purpose: string | null = null;
        let toegang: Toegang | null = null;
        const audit: AuditCollector = {
          clients: (ids) => {
            for (const i of ids) clients.add(i);
          },
          object: (t, id) => {
            objectType = t;
            objectId = id === null ? null : String(id);
          },
          action: (a) => (auditAction = a),
          purpose: (p) => (purpose = p),
        };
        const wijziging = def.method !== 'GET';
        const log = async (outcome: 'success' | 'denied' | 'failure', db: Db = deps.db) => {
          // Every request under emergency access is an emergency event (NEN 7513), whatever it does.
          const nood = toegang?.noodtoegang;
          const action: AuditAction = nood ? 'emergency' : auditAction;
          const why = nood
            ? `noodtoegang #${nood.id}: ${purpose ?? `${DEFAULT_PURPOSE[auditAction] ?? auditAction} ${objectType}`}`
            : purpose;
          const start = process.hrtime.bigint();
          try {
            await writeAccessLog(db, [
              {
                userId: session?.user.id ?? null,
                clientIds: [...clients],
                action,
                objectType,
                objectId,
                purpose: why,
                route: `${def.method} ${def.url}`,
                outcome,
                requestId: String(req.id),
              },
            ]);
            observeAccessLogWrite(Number(process.hrtime.bigint() - start) / 1e9);
          } catch (e) {
            req.log.error(e);
            throw e instanceof ToegangslogFout ? toegangslogOnbeschikbaar(wijziging) : e;
          }
        };

        if (isPublic && def.ipLimiet) {
          const wait = limiter.take(req.ip, def.ipLimiet, Date.now());
          if (wait) {
            reply.header('retry-after', String(wait));
            throw new HttpError(
              429,
              'te_veel_verzoeken',
              `Te veel verzoeken vanaf dit adres in korte tijd; probeer het over ${wait} seconden opnieuw.`,
              { retryAfterSeconds: wait },
            );
          }
        }
        if (!isPublic) {
          session = await sessionFromToken(deps.db, getCookie(req, SESSION_COOKIE), deps.config.sessionIdleMinutes);
          if (!session) {
            throw new HttpError(
              401,
              'niet_ingelogd',
              'U bent niet (meer) ingelogd. Log opnieuw in; uw concept blijft bewaard.',
            );
          }
          const d = decide(session.user, pol.resource, pol.action);
          if (!d.allow) {
            await log('denied');
            throw new HttpError(403, 'geen_toegang', `Geen toegang: ${d.reason}`);
          }
          if (
            def.method !== 'GET' &&
            !csrfMatches(session.csrfToken, req.headers['x-csrf-token'] as string | undefined)
          ) {
            await log('denied');
            throw new HttpError(403, 'csrf', 'Ongeldig of ontbrekend CSRF-token (header x-csrf-token)');
          }
          // Searching and exporting personal data are rate-limited per user (http/ratelimit.ts).
          const kind = pol.action === 'search' ? 'zoeken' : pol.action === 'export' ? 'export' : null;
          const wait = kind ? limiter.take(session.user.id, kind, Date.now()) : 0;
          if (kind && wait) {
            purpose = `geweigerd: limiet voor ${kind === 'zoeken' ? 'zoeken' : 'exporteren'} bereikt`;
            await log('denied');
            reply.header('retry-after', String(wait));
            throw new HttpError(
              429,
              'te_veel_verzoeken',
              `Te veel ${kind === 'zoeken' ? 'zoekopdrachten' : 'exports'} in korte tijd; probeer het over ${wait} seconden opnieuw.`,
              { retryAfterSeconds: wait },
            );
          }
        }
        let result: unknown;
        let gelogd = false;
        try {
          // Input is read only now, after the session and the policy decision (http/invoer.ts).
          weigerRuweInvoer(req.params, 'params');
          const params = parse(def.params, req.params, 'params');
          weigerBuitenBereik(params, 'params');
          if (session && (def.relatie === 'casus' || def.relatie === 'melding')) {
            // The relation check: after the role (decide) and before the input, so a user
            // without a relation learns nothing from validation messages.
            const id = (params as { id: number }).id;
            const casusId = def.relatie === 'casus' ? id : await casusVanMelding(deps.db, id);
            toegang = await bepaalToegang(deps.db, session.user, session.id, casusId, deps.now());
            if (toegang.relaties.length === 0) {
              objectType = 'casus';
              objectId = String(casusId);
              purpose = 'geweigerd: geen relatie met de casus (eigen team, behandelaar, MDO, triage)';
              throw new HttpError(403, 'geen_relatie', GEEN_RELATIE_MELDING, { casusId, noodtoegangMogelijk: true });
            }
          }
          weigerRuweInvoer(req.query, 'query');
          const query = parse(def.query, req.query, 'query');
          weigerBuitenBereik(query, 'query');
          const rawBody = def.body ? leesBody(req.body) : undefined;
          weigerRuweInvoer(rawBody, '');
          const body = await parseBody(def, rawBody, deps.db);
          weigerBuitenBereik(body, '');
          const run = (db: Db) =>
            def.handler({
              ...deps,
              db,
              user: session?.user as SessionUser,
              session: session as Session,
              params,
              query,
              body,
              audit,
              toegang,
              req,
              reply,
            });
          if (!isPublic && wijziging) {
            // A change and the entry that records it commit together (one transaction; the use
            // case's own transactions are savepoints in it): a failed log write keeps nothing.
            let weigering: HttpError | null = null;
            result = await inVerzoekTransactie(deps.db, async (db) => {
              let r: unknown;
              try {
                r = await run(db);
              } catch (e) {
                // An intended refusal (4xx): keep what the handler deliberately kept (a use case that
                // failed has rolled back its own savepoint; e.g. a counted failed attempt stays), with
                // its entry in the same transaction. Anything else rolls the whole request back.
                if (!(e instanceof HttpError) || e.status >= 500) throw e;
                try {
                  await log(e.status === 403 || e.status === 401 ? 'denied' : 'failure', db);
                } catch {
                  // The transaction cannot take the entry (log unavailable, or aborted by a failed
                  // statement): keep nothing; the entry is tried again outside it, below.
                  throw e;
                }
                weigering = e;
                return undefined;
              }
              await log('success', db);
              return r;
            });
            if (weigering) {
              gelogd = true;
              throw weigering;
            }
          } else {
            result = await run(deps.db);
            // A read: the entry is written before any personal data leaves the server, or nothing leaves.
            if (!isPublic) await log('success');
          }
        } catch (e) {
          if (e instanceof ToegangslogFout) {
            // Written by the handler itself (writeAccessLog): the same honest answer.
            req.log.error(e);
            throw toegangslogOnbeschikbaar(wijziging);
          }
          if (!isPublic && !gelogd && !(e instanceof HttpError && e.code === 'toegangslog_onbeschikbaar'))
            await log(e instanceof HttpError && (e.status === 403 || e.status === 401) ? 'denied' : 'failure').catch(
              () => {},
            );
          throw e;
        }
        if (def.status) reply.code(def.status);
        return result ?? { ok: true };
      },
    });
  }
}
