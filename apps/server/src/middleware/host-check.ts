import type { MiddlewareHandler } from 'hono';
import { apiError } from '../errors.ts';
import { requestHeader } from '../http/node-request.ts';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

/** Splits a Host header value into a lower-case hostname (IPv6 kept in brackets) and port. */
export function parseHost(value: string): { hostname: string; port: string } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  return m ? { hostname: m[1]!.toLowerCase(), port: m[2] ?? '' } : null;
}

/**
 * Whether a Host header names this server. Loopback names are always accepted (any port, so a
 * port-forward such as docker's still works); the defence against DNS rebinding is the hostname:
 * an attacker's domain resolving to 127.0.0.1 arrives with the attacker's name in Host.
 */
export function isAllowedHost(host: string, opts: { bindHost: string; allowedHosts: string[] }): boolean {
  const parsed = parseHost(host);
  if (!parsed) return false;
  const { hostname, port } = parsed;
  if (LOOPBACK_NAMES.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname)) return true;
  const bind = opts.bindHost.toLowerCase();
  const bindName = bind.includes(':') && !bind.startsWith('[') ? `[${bind}]` : bind;
  if (!WILDCARD_BINDS.has(bind) && hostname === bindName) return true;
  const full = port ? `${hostname}:${port}` : hostname;
  return opts.allowedHosts.some((h) => h === full || h === hostname);
}

/** Refuses requests whose Host header is not this server's (421 Misdirected Request). */
export function hostCheck(opts: { bindHost: string; allowedHosts: string[] }): MiddlewareHandler {
  return async (c, next) => {
    const host = requestHeader(c, 'host') ?? new URL(c.req.url).host;
    if (!isAllowedHost(host, opts)) {
      throw apiError(
        421,
        'forbidden',
        `Host "${host}" is not served here. Open the explorer via http://127.0.0.1 or localhost, ` +
          'or add the name to EXPLORER_ALLOWED_HOSTS.',
      );
    }
    await next();
  };
}
