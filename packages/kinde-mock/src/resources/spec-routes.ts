import { Hono } from 'hono';
import { checkScope } from '../auth/scope.ts';
import type { AppEnv } from '../context.ts';
import { errorBody, routeNotFoundBody } from '../errors.ts';
import { exampleFromSchema } from '../spec/generate.ts';
import type { OpenApiDoc } from '../spec/load-spec.ts';
import { matchOperation, type SpecOperation } from '../spec/operations.ts';
import { deref } from '../spec/resolve-ref.ts';

interface CannedResponse {
  status: number;
  contentType: string | null;
  body: string | null;
}

type Media = { schema?: unknown; example?: unknown; examples?: Record<string, { value?: unknown }> };

// Generating a body walks the schema tree; do it once per operation and document.
const cache = new WeakMap<OpenApiDoc, Map<string, CannedResponse>>();

function pickMedia(content: Record<string, Media> | undefined): [string, Media] | null {
  if (!content) return null;
  const entries = Object.entries(content);
  return entries.find(([t]) => t === 'application/json') ?? entries.find(([t]) => t.includes('json')) ?? entries[0] ?? null;
}

function buildResponse(doc: OpenApiDoc, op: SpecOperation): CannedResponse {
  const responses = deref<Record<string, unknown>>(doc, op.raw.responses) ?? {};
  const response = deref<{ content?: Record<string, Media> }>(doc, responses[String(op.successStatus)]);
  const media = pickMedia(response?.content);
  if (!media || op.successStatus === 204) return { status: op.successStatus, contentType: null, body: null };
  const [type, m] = media;
  const firstNamed = m.examples ? Object.values(m.examples)[0] : undefined;
  const value = m.example ?? deref<{ value?: unknown }>(doc, firstNamed)?.value ?? exampleFromSchema(doc, m.schema);
  return { status: op.successStatus, contentType: type, body: JSON.stringify(value) };
}

/** The success response documented for an operation, generated once and cached. */
export function cannedResponse(doc: OpenApiDoc, op: SpecOperation): CannedResponse {
  let byOp = cache.get(doc);
  if (!byOp) cache.set(doc, (byOp = new Map()));
  const key = `${op.method} ${op.path}`;
  let canned = byOp.get(key);
  if (!canned) byOp.set(key, (canned = buildResponse(doc, op)));
  return canned;
}

/** Operations Kinde documents as callable without a token (API key verification). */
export function isPublicOperation(doc: OpenApiDoc | null, method: string, path: string): boolean {
  if (!doc || !path.startsWith('/api/v1/')) return false;
  const { match } = matchOperation(doc, method, path);
  if (!match) return false;
  const op = match.operation;
  return !op.secured || /no authentication required/i.test(String(op.raw.description ?? ''));
}

/** Every operation of the spec the stateful routes do not own: its documented success response. */
export function specRoutes(doc: OpenApiDoc) {
  return new Hono<AppEnv>().all('/api/v1/*', (c) => {
    const { match, pathMatched } = matchOperation(doc, c.req.method, c.req.path);
    if (!match) {
      if (pathMatched) return c.json(errorBody('METHOD_NOT_ALLOWED', `${c.req.method} is not supported on ${c.req.path}.`), 405);
      return c.json(routeNotFoundBody(), 404);
    }
    const denied = checkScope(c, match.operation.scope);
    if (denied) return denied;
    const canned = cannedResponse(doc, match.operation);
    if (canned.body === null) return c.body(null, canned.status as 200);
    return c.body(canned.body, canned.status as 200, { 'content-type': canned.contentType ?? 'application/json' });
  });
}
