import type { RequestTemplate } from '@kinde-explorer/core';
import { upstreamBody, type UpstreamBody } from './upstream-body.ts';
import { upstreamHeaders, type OutgoingHeaders } from './upstream-headers.ts';

/**
 * What goes on the wire for an interpolated request, built once per send and validated before any
 * token is spent (a bad header is a 400 with nothing sent). With the M2M token the headers hold an
 * empty `authorization` slot that `withBearer` fills per attempt; the snippet service reads the
 * same headers so its code sends what the relay sends.
 */
export interface OutgoingRequest {
  headers: OutgoingHeaders;
  body: UpstreamBody['body'];
  /** True when the environment's M2M token authorises the call (`auth: 'kinde-m2m'`, the default). */
  usesToken: boolean;
}

/** Headers and body of an interpolated request. */
export function outgoingRequest(request: RequestTemplate): OutgoingRequest {
  const usesToken = (request.auth ?? 'kinde-m2m') === 'kinde-m2m';
  const { body, contentType } = upstreamBody(request.method, request.body);
  const headers = upstreamHeaders(request.headers, { bearer: usesToken ? '' : undefined, bodyContentType: contentType });
  return { headers, body, usesToken };
}

/** The headers of one attempt: the token in the slot `outgoingRequest` kept for it. */
export function withBearer(headers: OutgoingHeaders, bearer: string | undefined): OutgoingHeaders {
  return bearer === undefined ? headers : { ...headers, authorization: `Bearer ${bearer}` };
}
