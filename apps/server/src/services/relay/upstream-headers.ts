import type { KeyValue } from '@kinde-explorer/core';
import { apiError } from '../../errors.ts';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus ones fetch owns. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  // fetch computes the length from the body; a stale one typed by hand would break the request.
  'content-length',
  'expect',
]);

/** With the Kinde token, the server owns these: a user's value must not override or leak beside it. */
const CREDENTIALS = new Set(['authorization', 'cookie']);

export interface UpstreamHeaderOptions {
  /** The M2M token; when set, user Authorization/Cookie headers are dropped in its favour. */
  bearer?: string | undefined;
  /** Content type implied by the body mode, used when the user set none. */
  bodyContentType?: string | undefined;
}

/** Lower-case name → value; a repeated name is joined with ", " as the Fetch standard does. */
export type OutgoingHeaders = Record<string, string>;

// RFC 9110 §5.6.2 token; a value may hold no CR, LF or NUL (§5.5).
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[\r\n\0]/;
const OWS = /^[ \t]+|[ \t]+$/g;

/** Builds the headers sent upstream from the enabled header rows of the (interpolated) request. */
export function upstreamHeaders(rows: KeyValue[] | undefined, options: UpstreamHeaderOptions = {}): OutgoingHeaders {
  const enabled = (rows ?? []).filter((r) => r.enabled !== false && r.key.trim() !== '');
  // `Connection: x-foo` nominates x-foo as hop-by-hop too.
  const nominated = new Set(
    enabled
      .filter((r) => r.key.trim().toLowerCase() === 'connection')
      .flatMap((r) => r.value.split(',').map((v) => v.trim().toLowerCase())),
  );
  const headers: OutgoingHeaders = Object.create(null) as OutgoingHeaders;
  for (const row of enabled) {
    const name = row.key.trim().toLowerCase();
    if (HOP_BY_HOP.has(name) || nominated.has(name) || name.startsWith('proxy-')) continue;
    if (options.bearer !== undefined && CREDENTIALS.has(name)) continue;
    if (!NAME.test(name) || BAD_VALUE.test(row.value)) {
      throw apiError(400, 'bad_request', `The header "${row.key}" has an invalid name or value (control characters or line breaks are not allowed).`);
    }
    const value = row.value.replace(OWS, '');
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  if (options.bodyContentType && !('content-type' in headers)) headers['content-type'] = options.bodyContentType;
  if (!('accept' in headers)) headers.accept = 'application/json';
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  return headers;
}
