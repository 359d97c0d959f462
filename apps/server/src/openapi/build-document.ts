import { z } from 'zod';
import { apiErrorSchema, ERROR_CODES } from '@kinde-explorer/core';
import type { RouteDoc } from './route-doc.ts';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (`invalid_json`, `validation_failed`, …)',
  401: 'Sign-in required (`unauthorized`)',
  403: 'Cross-origin request, or a role without access (`forbidden`)',
  404: 'Not found',
  413: 'Request body too large',
  421: 'Host header not served here',
  429: 'Too many attempts (`rate_limited`, with `Retry-After`)',
  502: 'Upstream or token exchange failed',
  503: 'Kinde spec unavailable',
  504: 'Upstream timeout',
};

const toJson = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;

const strip = ({ $schema: _ignored, ...rest }: Record<string, unknown>) => rest;

/** Builds the OpenAPI 3.1 document of the server's own API from the route docs' zod schemas. */
export function buildOpenApiDocument(docs: RouteDoc[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const d of docs) {
    const path = d.path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
    const params = [...d.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(d.responses)) {
      responses[status] = r.schema ? { description: r.description, content: { 'application/json': { schema: strip(toJson(r.schema, 'output')) } } } : { description: r.description };
    }
    for (const status of [400, 403, 421, ...(d.errors ?? [])]) {
      responses[String(status)] ??= { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    (paths[path] ??= {})[d.method] = {
      operationId: d.operationId,
      summary: d.summary,
      ...(d.description ? { description: d.description } : {}),
      tags: [d.tag],
      ...(params.length ? { parameters: params } : {}),
      ...(d.body ? { requestBody: { required: true, content: { 'application/json': { schema: strip(toJson(d.body, 'input')) } } } } : {}),
      responses,
    };
  }
  const errorSchema = strip(toJson(apiErrorSchema, 'output'));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kinde API Explorer server',
      version,
      description:
        'The API the explorer’s web app uses. Every error answers `{ "error": { "code", "message", "details"? } }`; ' +
        `codes: ${ERROR_CODES.join(', ')}. State-changing requests from a browser must be same-origin.`,
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: { Error: errorSchema } },
  };
}
