// OpenAPI 3.1 document generated from the route table: the same zod schemas validate requests.
import { ANTWOORD_SCHEMAS } from '@voordeur/domain';
import { z } from 'zod';
import type { RouteDef } from './route.ts';

function jsonSchema(s: z.ZodType, io: 'input' | 'output' = 'input') {
  const j = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete j.$schema;
  return j;
}

export function openApiDocument(routes: RouteDef[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: s,
        });
      }
    }
    const policy = 'public' in r.policy ? { public: r.policy.public } : r.policy;
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      tags: r.tags,
      'x-voordeur-policy': policy,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } }
        : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: r.response ?? 'OK',
          // The answer's schema where the domain declares one (packages/domain/src/api/antwoorden.ts).
          ...(ANTWOORD_SCHEMAS[`${r.method} ${r.url}`]
            ? {
                content: {
                  'application/json': { schema: jsonSchema(ANTWOORD_SCHEMAS[`${r.method} ${r.url}`]!, 'output') },
                },
              }
            : {}),
        },
        ...(r.body || r.query || r.params
          ? {
              '400': {
                description: 'Ongeldige invoer: elk veld met de geschonden regel',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Fout' } } },
              },
            }
          : {}),
        ...('public' in r.policy
          ? {}
          : { '401': { description: 'Niet ingelogd' }, '403': { description: 'Geen toegang volgens het beleid' } }),
        ...(r.method !== 'GET' && !('public' in r.policy)
          ? { '409': { description: 'Conflict: niet toegestane stap in het protocol of gewijzigde versie' } }
          : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Voordeur API',
      version,
      description: 'Case management for Veilig Thuis. Every operation states its access policy in x-voordeur-policy.',
    },
    components: {
      securitySchemes: {
        sessie: { type: 'apiKey', in: 'cookie', name: 'vd_sessie' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
      },
      schemas: {
        Fout: {
          type: 'object',
          properties: {
            error: { type: 'string' },
            message: { type: 'string' },
            fields: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    security: [{ sessie: [], csrf: [] }],
    paths,
  };
}
