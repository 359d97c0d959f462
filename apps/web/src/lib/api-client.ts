import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '@kinde-explorer/server';
import { errorFromResponse, errorFromThrown } from './api-error.ts';

export { ApiClientError } from './api-error.ts';

/** The typed Hono client for the explorer server; same origin, so relative URLs. */
export const client = hc<AppType>('/');

/** The body type of the 2xx answers a route declares. */
type SuccessBody<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;

/**
 * Awaits a client call and returns its 2xx JSON body; anything else becomes an ApiClientError,
 * so call sites never check status codes themselves.
 */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(call: Promise<R>): Promise<SuccessBody<R>> {
  let res: R;
  try {
    res = await call;
  } catch (thrown) {
    throw errorFromThrown(thrown);
  }
  if (!res.ok) throw await errorFromResponse(res as unknown as Response);
  if (res.status === 204) return undefined as SuccessBody<R>;
  try {
    return (await res.json()) as SuccessBody<R>;
  } catch (thrown) {
    throw errorFromThrown(thrown);
  }
}
