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

/** Builds the headers sent upstream from the enabled header rows of the (interpolated) request. */
export function upstreamHeaders(rows: KeyValue[] | undefined, options: UpstreamHeaderOptions = {}): Headers {
  const enabled = (rows ?? []).filter((r) => r.enabled !== false && r.key.trim() !== '');
  // `Connection: x-foo` nominates x-foo as hop-by-hop too.
  const nominated = new Set(
    enabled
      .filter((r) => r.key.trim().toLowerCase() === 'connection')
      .flatMap((r) => r.value.split(',').map((v) => v.trim().toLowerCase())),
  );
  const headers = new Headers();
  for (const row of enabled) {
    const name = row.key.trim().toLowerCase();
    if (HOP_BY_HOP.has(name) || nominated.has(name) || name.startsWith('proxy-')) continue;
    if (options.bearer !== undefined && CREDENTIALS.has(name)) continue;
    try {
      headers.append(name, row.value);
    } catch {
      throw apiError(400, 'bad_request', `The header "${row.key}" has an invalid name or value (control characters or line breaks are not allowed).`);
    }
  }
  if (options.bodyContentType && !headers.has('content-type')) headers.set('content-type', options.bodyContentType);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (options.bearer !== undefined) headers.set('authorization', `Bearer ${options.bearer}`);
  return headers;
}
