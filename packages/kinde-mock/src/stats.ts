import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import type { RecordedRequest, SandboxStats } from './options.ts';

const KEEP = 200;
const BODY_LIMIT = 64 * 1024;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function redactHeaders(headers: Headers): { headers: Record<string, string>; hasBearer: boolean } {
  const out: Record<string, string> = {};
  let hasBearer = false;
  headers.forEach((value, key) => {
    if (key === 'authorization') {
      const scheme = /^(\w+)\s/.exec(value)?.[1] ?? '';
      hasBearer = scheme.toLowerCase() === 'bearer';
      out[key] = `${scheme || 'Credentials'} <redacted>`;
    } else if (key === 'cookie') {
      out[key] = '<redacted>';
    } else {
      out[key] = value;
    }
  });
  return { headers: out, hasBearer };
}

/** Token requests carry the client secret (form or, wrongly, JSON): never keep it. */
function redactBody(text: string): string {
  return text
    .replace(/(client_secret=)[^&]*/g, '$1<redacted>')
    .replace(/("client_secret"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"<redacted>"');
}

/** Counts token exchanges and API calls and keeps the last requests for tests to inspect. */
export class StatsRecorder {
  private tokenRequests = 0;
  private apiRequests = 0;
  private requests: RecordedRequest[] = [];

  countTokenRequest(): void {
    this.tokenRequests++;
  }

  snapshot(): SandboxStats {
    return { tokenRequests: this.tokenRequests, apiRequests: this.apiRequests, requests: [...this.requests] };
  }

  clear(): void {
    this.tokenRequests = 0;
    this.apiRequests = 0;
    this.requests = [];
  }

  /** Records every request except the control surface's own. */
  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const path = c.req.path;
      if (path.startsWith('/__sandbox')) return next();
      if (path.startsWith('/api/v1/')) this.apiRequests++;
      const { headers, hasBearer } = redactHeaders(c.req.raw.headers);
      let body = '';
      if (BODY_METHODS.has(c.req.method) && c.req.raw.body) {
        // Hono caches the text, so the route can still read the body afterwards.
        body = redactBody(await c.req.text()).slice(0, BODY_LIMIT);
      }
      const record: RecordedRequest = { method: c.req.method, path, query: c.req.query(), headers, hasBearer, body, at: new Date().toISOString() };
      this.requests.push(record);
      if (this.requests.length > KEEP) this.requests.splice(0, this.requests.length - KEEP);
      await next();
      record.status = c.res.status;
    };
  }
}
