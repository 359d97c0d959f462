import { interpolateRequest, type SendResult } from '@kinde-explorer/core';
import type { RunSend } from '../types.ts';

/**
 * Test support only: a plain fetch `send` with a fixed bearer token, so the engine's own tests
 * need no server. The product's sends go through the server's relay (apps/server `relaySendForRun`).
 */
export function fetchSend(origin: string, token: string, calls: string[] = []): RunSend {
  return async ({ request, variables }, signal) => {
    const resolved = interpolateRequest(request, { ...variables, business_domain: origin });
    if (!resolved.ok) return { ok: false, error: { code: 'unresolved_variable', message: resolved.errors.join('; ') } };
    const r = resolved.value;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    for (const h of r.headers ?? []) if (h.enabled !== false) headers[h.key.toLowerCase()] = h.value;
    let body: string | undefined;
    if (r.body?.mode === 'json') {
      body = r.body.json;
      headers['content-type'] ??= 'application/json';
    } else if (r.body?.mode === 'text') body = r.body.text;
    const t0 = performance.now();
    calls.push(`${r.method} ${r.url}`);
    try {
      const res = await fetch(r.url, { method: r.method, headers, ...(body !== undefined ? { body } : {}), signal });
      const text = await res.text();
      const ms = performance.now() - t0;
      const response: SendResult = {
        status: res.status,
        statusText: res.statusText,
        headers: [...res.headers.entries()].map(([key, value]) => ({ key, value })),
        body: text,
        bodyEncoding: 'utf8',
        size: Buffer.byteLength(text),
        truncated: false,
        timings: { tokenMs: 0, upstreamMs: ms, totalMs: ms },
        url: r.url,
      };
      return { ok: true, response };
    } catch (err) {
      return { ok: false, error: { code: signal.aborted ? 'cancelled' : 'upstream_unreachable', message: (err as Error).message } };
    }
  };
}
