import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientAddress, parseTrustedProxies } from '../http/client-address.ts';
import { requestHeader } from '../http/node-request.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The client's address (X-Forwarded-For only from a trusted proxy); set by `clientAddressOf`. */
    clientAddress: string;
  }
}

function peerOf(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}

/**
 * Works out who the client is once per request, for the sign-in limits, the audit log and log
 * lines: the direct peer, or, from a peer in `EXPLORER_TRUSTED_PROXIES`, the address that proxy
 * put in X-Forwarded-For. Anyone else's X-Forwarded-For is ignored (it would let a guesser pick
 * a fresh address per attempt, or pin their guesses on someone else's).
 */
export function clientAddressOf(trustedProxies: readonly string[]): MiddlewareHandler {
  const { trust, entries } = parseTrustedProxies(trustedProxies.join(','));
  // Without trusted proxies the header is never believed: not even read. When it is, from Node's
  // parsed headers (`c.req.header()` would build a WHATWG Headers object on every request).
  const forwardedFor = entries.length === 0 ? () => undefined : (c: Context) => requestHeader(c, 'x-forwarded-for');
  return async (c, next) => {
    c.set('clientAddress', clientAddress(peerOf(c), forwardedFor(c), trust));
    await next();
  };
}

/** The client's address for per-client limits and the audit log (`unknown` without a socket). */
export function clientKey(c: Context): string {
  return c.get('clientAddress') ?? clientAddress(peerOf(c), undefined, () => false);
}
