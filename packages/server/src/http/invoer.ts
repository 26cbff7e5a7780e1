// Request input before it reaches a handler. Two jobs:
//
// 1. The body is read as text by Fastify and parsed here, inside the route wrapper, AFTER the session
//    and the policy decision: an anonymous caller gets 401 whatever it sends (malformed JSON, another
//    content type, an empty body), and learns nothing from validation messages.
// 2. Values that no schema should have to think about are refused with a 400 that names the field, so
//    they never reach the database as an error (a 500): a NUL character in any text (PostgreSQL text
//    cannot hold it), a whole number outside the database's 32-bit integer range (every id and count
//    in a request is an `integer` column), and JSON nested deeper than any form of Voordeur produces.
//
// Hand-written rather than a library: the rules are three small walks over parsed JSON, specific to
// what PostgreSQL accepts, and tested over the whole route table (fuzz.int.test.ts).
import type { FastifyInstance } from 'fastify';
import { HttpError, ValidationError, type FieldError } from './errors.ts';

/** PostgreSQL `integer`: the range of every id and number a request may carry. */
export const INT_MIN = -2_147_483_648;
export const INT_MAX = 2_147_483_647;
/** Deepest nesting a request body may have (forms and drafts need about 6). */
export const MAX_DIEPTE = 32;

/** A body as Fastify received it: text, parsed by `leesBody` once the caller is known. */
export class RuweBody {
  constructor(
    readonly tekst: string,
    readonly contentType: string | undefined,
  ) {}
}

/** Fastify keeps every body as text; the route wrapper parses it after the policy decision. */
export function bodyAlsTekst(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (req, body, done) => {
    done(null, new RuweBody(String(body), req.headers['content-type']));
  });
}

const isJsonType = (ct: string | undefined) => !ct || /^application\/([\w.+-]*\+)?json\b/i.test(ct.trim());

/** The JSON body of a request (undefined when there is none), or a 400/415 that says what is wrong. */
export function leesBody(raw: unknown): unknown {
  if (!(raw instanceof RuweBody)) return raw;
  if (raw.tekst.trim() === '') return undefined;
  if (!isJsonType(raw.contentType)) {
    throw new HttpError(415, 'mediatype', 'Stuur de gegevens als JSON (Content-Type: application/json)', {
      fields: [{ field: 'body', rule: 'json', message: 'Verwacht application/json' }],
    });
  }
  try {
    return JSON.parse(raw.tekst) as unknown;
  } catch {
    throw new ValidationError([{ field: 'body', rule: 'json', message: 'Geen geldige JSON' }]);
  }
}

const pad = (prefix: string, key: string | number) =>
  typeof key === 'number' ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;

/**
 * NUL characters and nesting depth, on raw input (body, query string, path parameters). Returns at
 * most one error per field; `prefix` is '' for the body (fields as the schemas name them), else
 * 'query' or 'params'.
 */
export function ruweInvoerFouten(value: unknown, prefix: string): FieldError[] {
  const fouten: FieldError[] = [];
  const walk = (v: unknown, at: string, diepte: number): void => {
    if (fouten.length >= 20) return;
    if (typeof v === 'string') {
      if (v.includes('\u0000'))
        fouten.push({ field: at || 'body', rule: 'geen_nul_teken', message: 'Tekst met een NUL-teken (\\u0000)' });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (diepte > MAX_DIEPTE) {
      fouten.push({
        field: at || 'body',
        rule: 'te_diep',
        message: `Te diep genest (maximaal ${MAX_DIEPTE} niveaus)`,
      });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, pad(at, i), diepte + 1));
    else
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k.includes('\u0000'))
          fouten.push({ field: at || 'body', rule: 'geen_nul_teken', message: 'Veldnaam met een NUL-teken' });
        else walk(x, pad(at, k), diepte + 1);
      }
  };
  walk(value, prefix, 0);
  return fouten;
}

/** Whole numbers outside PostgreSQL's integer range, on validated input (after zod's coercion). */
export function bereikFouten(value: unknown, prefix: string): FieldError[] {
  const fouten: FieldError[] = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'number') {
      if (Number.isInteger(v) && (v > INT_MAX || v < INT_MIN))
        fouten.push({
          field: at || 'body',
          rule: 'bereik',
          message: `Getal buiten het bereik ${INT_MIN} tot en met ${INT_MAX}`,
        });
      return;
    }
    if (v === null || typeof v !== 'object' || v instanceof Date) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, pad(at, i)));
    else for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, pad(at, k));
  };
  walk(value, prefix);
  return fouten;
}

/** Throws one 400 with every field that `ruweInvoerFouten` finds. */
export function weigerRuweInvoer(value: unknown, prefix: string): void {
  const f = ruweInvoerFouten(value, prefix);
  if (f.length) throw new ValidationError(f);
}

/** Throws one 400 with every field that `bereikFouten` finds. */
export function weigerBuitenBereik(value: unknown, prefix: string): void {
  const f = bereikFouten(value, prefix);
  if (f.length) throw new ValidationError(f);
}
