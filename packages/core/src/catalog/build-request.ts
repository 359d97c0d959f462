import type { KeyValue, RequestBody, RequestTemplate } from '../model/request.ts';
import type { SchemaObject } from '../openapi/types.ts';
import type { OperationDetail, OperationRequest, PathParam } from './catalog-schema.ts';
import { parameterSample } from './sample-value.ts';
import { schemaSkeleton } from './schema-sample.ts';

/** Every request starts from the environment's Kinde domain, resolved at send time. */
export const BASE_URL_VARIABLE = '{{business_domain}}';

// `{name}` but not `{{name}}`: path tokens of the spec, not environment variables.
const PATH_TOKEN = /(?<!\{)\{([A-Za-z_][A-Za-z0-9_.-]*)\}(?!\})/g;

/**
 * A ready-to-send request for an operation: `{{business_domain}}` + the spec path with its
 * `{param}` tokens kept (filled from `pathParams` by `applyPathParams`), optional query
 * parameters as disabled rows to switch on, required ones with a sample value, and a body that
 * can be sent as it opens where the schema allows it (see `schemaSkeleton`).
 */
export function buildRequestFromOperation(op: OperationDetail): OperationRequest {
  const pathParams: PathParam[] = op.parameters
    .filter((p) => p.in === 'path')
    .map((p) => ({ key: p.name, value: '', required: true, description: p.description }));
  const query: KeyValue[] = op.parameters
    .filter((p) => p.in === 'query')
    .map((p) => ({
      key: p.name,
      value: p.required ? parameterSample(p.name, p.schema) : p.schema.default !== undefined && p.schema.default !== null ? String(p.schema.default) : '',
      enabled: p.required,
      ...(p.description ? { description: p.description } : {}),
    }));
  const headers: KeyValue[] = op.parameters
    .filter((p) => p.in === 'header')
    .map((p) => ({ key: p.name, value: '', enabled: p.required, ...(p.description ? { description: p.description } : {}) }));

  const request: RequestTemplate = {
    method: op.method,
    url: `${BASE_URL_VARIABLE}${op.path}`,
    ...(query.length > 0 ? { query } : {}),
    ...(headers.length > 0 ? { headers } : {}),
    body: bodyFor(op),
    auth: op.authRequired ? 'kinde-m2m' : 'none',
  };
  return { request, pathParams };
}

function bodyFor(op: OperationDetail): RequestBody {
  const body = op.requestBody;
  if (!body) return { mode: 'none' };
  const schema = (body.schema ?? undefined) as SchemaObject | undefined;
  if (/json/i.test(body.contentType)) {
    return { mode: 'json', json: schemaSkeleton(schema, { whenNoneRequired: op.method === 'PATCH' ? 'none' : 'all' }) };
  }
  const properties = Object.entries(schema?.properties ?? {});
  const required = new Set(schema?.required ?? []);
  if (/x-www-form-urlencoded/i.test(body.contentType)) {
    return { mode: 'urlencoded', urlencoded: properties.map(([key]) => ({ key, value: '', enabled: required.has(key) })) };
  }
  if (/multipart\/form-data/i.test(body.contentType)) {
    return { mode: 'multipart', multipart: properties.map(([key]) => ({ key, value: '', enabled: required.has(key) })) };
  }
  return { mode: 'text', text: '', contentType: body.contentType };
}

/** The `{param}` names in a URL, in order (`{{variables}}` are not path params). */
export function findPathParams(url: string): string[] {
  return [...new Set([...url.matchAll(PATH_TOKEN)].map((m) => m[1]!))];
}

/**
 * Fills `{param}` tokens with URL-encoded values. `{{variables}}` inside a value are kept intact
 * for interpolation; a param with an empty value leaves its token, so the UI can flag it.
 */
export function applyPathParams(url: string, params: readonly Pick<PathParam, 'key' | 'value'>[]): string {
  const values = new Map(params.map((p) => [p.key, p.value]));
  return url.replace(PATH_TOKEN, (token, name: string) => {
    const value = values.get(name);
    return value ? encodeKeepingVariables(value) : token;
  });
}

function encodeKeepingVariables(value: string): string {
  return value
    .split(/(\{\{[^{}]*\}\})/)
    .map((part, i) => (i % 2 === 1 ? part : encodeURIComponent(part)))
    .join('');
}
