import type { KeyValue, RequestTemplate } from '@kinde-explorer/core';

/** Secrets a stored request must not contain: the environment's by variable key, and any other known one. */
export interface SecretSet {
  /** Secret variables of the environment: a literal value becomes `{{key}}`, so the request still works. */
  byKey: Record<string, string>;
  /** Other secret values (tokens, other environments' secrets): replaced by `[redacted]`. */
  others: readonly string[];
}

export const REDACTED_MARK = '[redacted]';
const NO_HITS: ReadonlySet<string> = new Set();
// A JWT (header and payload both base64url JSON objects, so both start with `eyJ`).
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
// A header value made only of `{{variables}}` (optionally after a scheme) holds no credential itself.
const ONLY_VARIABLES = /^(?:[A-Za-z]+\s+)?(?:\{\{[^{}]+\}\}\s*)+$/;
const MIN_SECRET_LENGTH = 4;

/** Replaces secrets inside any string; compiled once per save, applied to every string of a request. */
export function secretScrubber(secrets: SecretSet): (text: string) => { text: string; hits: ReadonlySet<string> } {
  const replacements = new Map<string, string>();
  const add = (value: string, replacement: string) => {
    if (value.length < MIN_SECRET_LENGTH || replacements.has(value)) return;
    replacements.set(value, replacement);
    replacements.set(JSON.stringify(value).slice(1, -1), replacement);
    try {
      replacements.set(encodeURIComponent(value), replacement);
    } catch {
      // a lone surrogate cannot appear percent-encoded
    }
  };
  for (const [key, value] of Object.entries(secrets.byKey)) add(value, `{{${key}}}`);
  for (const value of secrets.others) add(value, REDACTED_MARK);
  const needles = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const pattern = needles.length > 0 ? new RegExp(needles.map(escapeRegExp).join('|'), 'g') : undefined;
  // Most strings hold nothing to replace: one test each (no /g, so no lastIndex to reset) is cheaper
  // than replacing with a callback and collecting hits.
  const anything = new RegExp(pattern ? `${pattern.source}|${JWT.source}` : JWT.source);
  return (text) => {
    if (!anything.test(text)) return { text, hits: NO_HITS };
    const hits = new Set<string>();
    let out = pattern ? text.replace(pattern, (m) => (hits.add(replacements.get(m)!), replacements.get(m)!)) : text;
    out = out.replace(JWT, () => (hits.add('a JWT'), REDACTED_MARK));
    return { text: out, hits };
  };
}

/**
 * Makes a request template safe to store: a literal `Authorization` value is removed (a Bearer
 * one switches the request to the environment's Kinde M2M token), secret values become their
 * `{{variable}}` or `[redacted]`, and JWTs are redacted. `notices` says what changed, for the user.
 */
export function sanitizeRequest(template: RequestTemplate, secrets: SecretSet): { request: RequestTemplate; notices: string[] } {
  return sanitizeWith(template, secretScrubber(secrets));
}

/** `sanitizeRequest` with a scrubber built once (imports sanitise many requests with the same secrets). */
export function sanitizeWith(
  template: RequestTemplate,
  scrub: ReturnType<typeof secretScrubber>,
): { request: RequestTemplate; notices: string[] } {
  const notices: string[] = [];
  let auth = template.auth;
  const headers: KeyValue[] = [];
  for (const h of template.headers ?? []) {
    const value = h.value.trim();
    if (h.key.trim().toLowerCase() !== 'authorization' || value === '' || ONLY_VARIABLES.test(value)) {
      headers.push(h);
    } else if (/^bearer\s/i.test(value)) {
      notices.push('The Authorization: Bearer header was not saved (tokens are never stored); the request uses the environment’s Kinde M2M token.');
      auth = 'kinde-m2m';
    } else {
      notices.push('The Authorization header value was not saved (credentials are never stored); use a {{variable}} for it.');
    }
  }
  const base: RequestTemplate = { ...template, ...(template.headers ? { headers } : {}), ...(auth !== undefined ? { auth } : {}) };
  const hits = new Set<string>();
  const request = mapStrings(base, (s) => {
    const r = scrub(s);
    for (const h of r.hits) hits.add(h);
    return r.text;
  });
  for (const h of hits) notices.push(noticeFor(h));
  return { request, notices };
}

/** What the user is told about one kind of replacement the scrubber made. */
export function noticeFor(hit: string): string {
  return hit.startsWith('{{') ? `A secret value was replaced by ${hit}.` : hit === REDACTED_MARK ? 'A secret value was redacted.' : `${capital(hit)} was redacted.`;
}

/** Applies `fn` to every string in a JSON-like value, keys excluded. */
export function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)])) as T;
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
