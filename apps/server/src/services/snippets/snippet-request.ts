import type { KeyValue, RequestTemplate, SnippetRequest } from '@kinde-explorer/core';
import { appendQuery, upstreamBody } from '../relay/upstream-body.ts';
import { upstreamHeaders } from '../relay/upstream-headers.ts';

/**
 * The request a snippet should send, built with the relay's own helpers so the code matches what
 * `/api/send` puts on the wire: the same query string, the same headers (hop-by-hop ones dropped,
 * the implied content type and `accept: application/json` added) and no body on GET or HEAD.
 * The token is left to the snippet generator, which writes a placeholder for it.
 */
export function toSnippetRequest(resolved: RequestTemplate): SnippetRequest {
  const useToken = (resolved.auth ?? 'kinde-m2m') === 'kinde-m2m';
  const body = upstreamBody(resolved.method, resolved.body);
  const headers: KeyValue[] = [];
  // An empty bearer only marks "the token is ours"; the generator adds the real header.
  const outgoing = upstreamHeaders(resolved.headers, { bearer: useToken ? '' : undefined, bodyContentType: body.contentType });
  for (const key of Object.keys(outgoing).sort()) {
    if (key !== 'authorization') headers.push({ key, value: outgoing[key]! });
  }
  const sendsBody = body.body !== undefined;
  return {
    method: resolved.method,
    url: appendQuery(resolved.url, resolved.query),
    headers,
    ...(sendsBody && resolved.body ? { body: resolved.body } : {}),
    auth: useToken ? 'kinde-m2m' : 'none',
  };
}

// Placeholders such as `<org_code>` or `[redacted]` are not valid in a URL and the generator
// refuses them; they are percent-encoded here and written back readable by `readablePlaceholders`.
const UNSAFE_IN_URL = /[<>[\]{}|\\^`"\s]/g;

/** Percent-encodes what a URL cannot hold as written, so placeholders pass the generator's check. */
export function encodeUnsafe(url: string): string {
  return url.replace(UNSAFE_IN_URL, (c) => encodeURIComponent(c));
}

/** Undoes `encodeUnsafe` for placeholders in generated code: `%3Corg_code%3E` → `<org_code>`. */
export function readablePlaceholders(code: string): string {
  return code.replace(/%3C([\w.$-]+)%3E/gi, '<$1>').replace(/%5Bredacted%5D/gi, '[redacted]');
}
