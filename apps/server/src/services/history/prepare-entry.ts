import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { HistoryTable } from '../storage/schema.ts';
import type { SentRecord } from '../relay/relay.ts';
import { sanitizeWith, secretScrubber } from '../collections/sanitize-request.ts';
import type { HistoryResponse } from './schemas.ts';

/** Default cap of a stored response body. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
// Cut before redacting, with room for a secret straddling the cap; keeps a 64 MB body cheap to scrub.
const REDACT_MARGIN_CHARS = 4096;
// Response headers whose values are credentials of some kind; history keeps the name only.
const CREDENTIAL_HEADERS = new Set(['set-cookie', 'authorization', 'proxy-authorization', 'www-authenticate', 'proxy-authenticate']);

/** A history row as written, every text already redacted and the body capped. */
export type HistoryRow = Selectable<HistoryTable>;

/** Cuts the response body early (called when the record arrives, so the big string can be freed). */
export function precut(record: SentRecord, maxBodyBytes: number): SentRecord {
  const r = record.response;
  if (!r || r.body.length <= maxBodyBytes + REDACT_MARGIN_CHARS) return record;
  return { ...record, response: { ...r, body: r.body.slice(0, maxBodyBytes + REDACT_MARGIN_CHARS), truncated: true } };
}

/**
 * Turns what the relay reported into a row: the relay already redacted the environment's secrets
 * and its token; this scrubs again with every secret the server knows and any JWT, drops
 * credential headers, then caps the body.
 */
export function prepareEntry(record: SentRecord, knownSecrets: readonly string[], maxBodyBytes: number): HistoryRow {
  const scrub = scrubberFor(knownSecrets);
  const text = (s: string) => scrub(s).text;
  const { request } = sanitizeWith(record.request, scrub);
  const r = record.response;
  let response: HistoryResponse | null = null;
  if (r) {
    // Base64 bodies were scrubbed byte-wise by the relay; text patterns mean nothing there.
    const body = r.bodyEncoding === 'utf8' ? text(r.body) : r.body;
    const capped = capBody(body, r.bodyEncoding, maxBodyBytes);
    response = {
      status: r.status,
      statusText: text(r.statusText),
      headers: r.headers.map((h) => ({ key: h.key, value: CREDENTIAL_HEADERS.has(h.key.toLowerCase()) ? '[redacted]' : text(h.value) })),
      body: capped.body,
      bodyEncoding: r.bodyEncoding,
      bodyTruncated: capped.truncated || r.truncated,
      size: r.size,
      timings: r.timings,
    };
  }
  return {
    id: randomUUID(),
    environment_id: record.environmentId,
    created_at: record.sentAt,
    method: request.method,
    url: request.url,
    resolved_url: r ? text(r.url) : null,
    status: r ? r.status : null,
    duration_ms: r ? r.timings.totalMs : null,
    size: r ? r.size : null,
    error_code: record.error?.code ?? null,
    error_message: record.error ? text(record.error.message) : null,
    // sanitizeWith has already scrubbed every string of the request.
    request_json: JSON.stringify(request),
    response_json: response ? JSON.stringify(response) : null,
  };
}

// A batch of entries shares one secrets array: compile its pattern once, not per entry.
const scrubbers = new WeakMap<readonly string[], ReturnType<typeof secretScrubber>>();

function scrubberFor(knownSecrets: readonly string[]): ReturnType<typeof secretScrubber> {
  let scrub = scrubbers.get(knownSecrets);
  if (!scrub) {
    scrub = secretScrubber({ byKey: {}, others: knownSecrets });
    scrubbers.set(knownSecrets, scrub);
  }
  return scrub;
}

/** Keeps at most `maxBytes` of a body (UTF-8 bytes, or base64 characters on a 4-char boundary). */
export function capBody(body: string, encoding: 'utf8' | 'base64', maxBytes: number): { body: string; truncated: boolean } {
  if (encoding === 'base64') {
    if (body.length <= maxBytes) return { body, truncated: false };
    return { body: body.slice(0, maxBytes - (maxBytes % 4)), truncated: true };
  }
  if (body.length * 3 <= maxBytes) return { body, truncated: false }; // cannot exceed: at most 3 bytes per UTF-16 unit
  const bytes = Buffer.from(body, 'utf8');
  if (bytes.byteLength <= maxBytes) return { body, truncated: false };
  let end = maxBytes;
  // Step back to a character boundary (continuation bytes are 10xxxxxx).
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return { body: bytes.subarray(0, end).toString('utf8'), truncated: true };
}
