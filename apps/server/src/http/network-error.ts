/**
 * Naming a failed network call, for every outbound call the server makes (the token exchange
 * and the relay): undici and fetch hide the useful part (ECONNREFUSED, ENOTFOUND) in `cause`.
 */

/** The most useful short reason of a network failure, e.g. `ECONNREFUSED`. */
export function networkReason(err: unknown): string {
  // fetch wraps the socket error in `cause`; undici's `request` throws it with its own `code`.
  const e = err as { code?: unknown; cause?: { code?: string; message?: string } } | undefined;
  const own = typeof e?.code === 'string' && !e.code.startsWith('UND_ERR_ABORT') ? e.code : undefined;
  return e?.cause?.code ?? own ?? e?.cause?.message ?? (err instanceof Error ? err.message : String(err));
}

const RESET_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/** True when the connection was closed under the request (e.g. a kept-alive socket the peer had dropped). */
export function isSocketReset(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' && RESET_CODES.has(code);
}
