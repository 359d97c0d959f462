import type { KeyValue, RequestBody, RequestTemplate } from '../model/request.ts';
import { err, ok } from '../result.ts';
import { createInterpolator, type InterpolateOptions, type InterpolationResult } from './interpolate.ts';

/**
 * Resolves the variables of a request's URL, query, headers and body (every mode) at once.
 * Disabled rows are not sent, so they are left as written and cannot fail the request.
 * Fails with the union of all unresolved names across the request.
 */
export function interpolateRequest(
  request: RequestTemplate,
  vars: Record<string, string>,
  options?: InterpolateOptions,
): InterpolationResult<RequestTemplate> {
  const { expand, failure } = createInterpolator(vars, options);
  const rows = (list: KeyValue[] | undefined) =>
    list?.map((row) => (row.enabled === false ? row : { ...row, key: expand(row.key), value: expand(row.value) }));

  const resolved: RequestTemplate = { ...request, url: expand(request.url) };
  if (request.query) resolved.query = rows(request.query);
  if (request.headers) resolved.headers = rows(request.headers);
  if (request.body) resolved.body = interpolateBody(request.body, expand, rows);

  const problem = failure();
  if (!problem) return ok(resolved);
  const { errors, ...detail } = problem;
  return err(errors, detail);
}

function interpolateBody(
  body: RequestBody,
  expand: (text: string) => string,
  rows: (list: KeyValue[]) => KeyValue[] | undefined,
): RequestBody {
  switch (body.mode) {
    case 'none':
      return body;
    case 'json':
      // Values go in verbatim, as in Postman: `"{{name}}"` in quotes makes a JSON string.
      return { ...body, json: expand(body.json) };
    case 'text':
      return { ...body, text: expand(body.text), ...(body.contentType !== undefined ? { contentType: expand(body.contentType) } : {}) };
    case 'urlencoded':
      return { ...body, urlencoded: rows(body.urlencoded) ?? [] };
    case 'multipart':
      return {
        ...body,
        multipart: body.multipart.map((part) => {
          if (part.enabled === false) return part;
          // A file part's value is its content (possibly base64): never rewritten.
          if (part.fileName !== undefined) return { ...part, key: expand(part.key), fileName: expand(part.fileName) };
          return { ...part, key: expand(part.key), value: expand(part.value) };
        }),
      };
  }
}
