import { STATUS_CODES } from 'node:http';
import { Agent, type Dispatcher } from 'undici';
import type { UpstreamBody } from './upstream-body.ts';
import type { OutgoingHeaders } from './upstream-headers.ts';

/** What the relay needs of an upstream answer; the body is read (and capped) by `readBody`. */
export interface UpstreamResponse {
  status: number;
  statusText: string;
  /** In arrival order; repeated names joined with ", " except set-cookie, one entry per cookie. */
  headers: [string, string][];
  contentType: string | null;
  /** Lower-cased, e.g. `gzip`; the body is still encoded (`readBody` decodes it). */
  contentEncoding: string | undefined;
  /** Declared length of the body as sent (encoded bytes when compressed). */
  contentLength: number | undefined;
  body: Dispatcher.ResponseData['body'];
}

/** Drops a body without reading it; a short one is drained so the connection can be reused. */
export function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  return body.dump({ limit: 64 * 1024 }).catch(() => {});
}

export interface UpstreamRequest {
  method: string;
  headers: OutgoingHeaders;
  body: UpstreamBody['body'];
  signal: AbortSignal;
}

export type UpstreamClient = ReturnType<typeof createUpstreamClient>;

/** What a browser asks for; `readBody` decodes the answer and caps the decoded size. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * The relay's HTTP client: undici's `request` on one keep-alive agent. WHATWG `fetch` (which is
 * undici too) spends ~1 ms more CPU per call building Request/Response objects and web streams;
 * this keeps what the relay relied on fetch for: no redirect is followed, a signal aborts, and
 * compressed answers are asked for (and decoded by `readBody`).
 */
export function createUpstreamClient() {
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });

  async function send(url: URL, init: UpstreamRequest): Promise<UpstreamResponse> {
    let body: string | Buffer | undefined;
    const headers = { ...init.headers };
    if (init.body instanceof FormData) {
      // Serialised the standard way, which also yields the multipart boundary.
      const encoded = new Response(init.body);
      headers['content-type'] = encoded.headers.get('content-type')!;
      body = Buffer.from(await encoded.arrayBuffer());
    } else if (init.body instanceof URLSearchParams) {
      body = init.body.toString();
    } else {
      body = init.body;
    }
    if (!('accept-encoding' in headers)) headers['accept-encoding'] = ACCEPT_ENCODING;

    const res = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: init.method as Dispatcher.HttpMethod,
      headers,
      body,
      signal: init.signal,
    });
    const list = headerList(res.headers);
    const type = res.headers['content-type'];
    const encoding = res.headers['content-encoding'];
    const length = res.headers['content-length'];
    return {
      status: res.statusCode,
      statusText: STATUS_CODES[res.statusCode] ?? '',
      headers: list,
      contentType: typeof type === 'string' ? type : null,
      contentEncoding: typeof encoding === 'string' ? encoding.trim().toLowerCase() : undefined,
      contentLength: typeof length === 'string' ? Number(length) : undefined,
      body: res.body,
    };
  }

  return { send, close: () => dispatcher.close() };
}

function headerList(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (!Array.isArray(value)) out.push([key, value]);
    else if (key === 'set-cookie') for (const v of value) out.push([key, v]);
    else out.push([key, value.join(', ')]);
  }
  return out;
}
