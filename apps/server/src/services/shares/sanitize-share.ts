import { maskPersonalDataInText, redact, type RequestTemplate } from '@kinde-explorer/core';
import { mapStrings, sanitizeRequest } from '../collections/sanitize-request.ts';
import type { ShareCreate, StoredResponse } from './schemas.ts';

export const REDACTED = '[redacted]';
/** A share is for reading, not for archiving exports: bodies are kept up to this many characters. */
export const MAX_SHARED_BODY_CHARS = 2 * 1024 * 1024;

// Anything shaped like a JWT, whoever issued it: access tokens, ID tokens, signed links.
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/g;
// Credentials of some kind: a share drops the whole header, not only its value.
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

export type Scrub = (text: string) => string;

/** Replaces every known secret (raw, JSON-escaped or percent-encoded) and every JWT by `[redacted]`. */
export function shareScrubber(secrets: readonly string[]): Scrub {
  const list = [...new Set(secrets)];
  return (text) => redact(text, list).replace(JWT, REDACTED);
}

const isCredentialHeader = (key: string) => CREDENTIAL_HEADERS.has(key.trim().toLowerCase());

/**
 * The request as it will be stored: Authorization and Cookie headers dropped, a secret of the
 * environment typed literally turned back into its `{{variable}}`, any other secret or JWT redacted.
 */
export function sanitizeShareRequest(template: RequestTemplate, secretsByKey: Record<string, string>, scrub: Scrub): RequestTemplate {
  const { request } = sanitizeRequest(template, { byKey: secretsByKey, others: [] });
  const headers = request.headers?.filter((h) => !isCredentialHeader(h.key));
  return mapStrings({ ...request, ...(headers ? { headers } : {}) }, scrub);
}

/**
 * The response as it will be stored: credential headers dropped, secrets and JWTs redacted, personal
 * data masked when asked, the body capped. A binary body is left out: it cannot be checked for secrets.
 */
export function sanitizeShareResponse(
  response: ShareCreate['response'],
  scrub: Scrub,
  opts: { maskPersonalData: boolean; maxBodyChars?: number },
): StoredResponse {
  const max = opts.maxBodyChars ?? MAX_SHARED_BODY_CHARS;
  // The requested URL may carry an email in its query (`?email=…`).
  const maskIf = (text: string) => (opts.maskPersonalData ? maskPersonalDataInText(text).text : text);
  const binary = response.bodyEncoding === 'base64';
  let body = binary ? '' : scrub(response.body);
  // Masked before cutting, so the JSON still parses and names are masked, not just emails.
  if (opts.maskPersonalData && body !== '') body = maskPersonalDataInText(body).text;
  const truncated = body.length > max;
  if (truncated) body = body.slice(0, max);
  return {
    status: response.status,
    statusText: scrub(response.statusText ?? ''),
    headers: (response.headers ?? []).filter((h) => !isCredentialHeader(h.key)).map((h) => ({ key: h.key, value: scrub(h.value) })),
    body,
    bodyEncoding: 'utf8',
    bodyTruncated: truncated || response.truncated === true,
    bodyOmitted: binary && response.body !== '',
    size: response.size ?? null,
    timings: response.timings ?? {},
    url: response.url ? maskIf(scrub(response.url)) : null,
  };
}
