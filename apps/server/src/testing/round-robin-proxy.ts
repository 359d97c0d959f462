import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import httpProxy from 'http-proxy';

export interface RoundRobinProxy {
  url: string;
  /** How many requests each target answered (by target URL). */
  counts: () => Record<string, number>;
  close: () => Promise<void>;
}

export interface RoundRobinOptions {
  port?: number;
  failTimeoutMs?: number;
  /**
   * nginx's `proxy_next_upstream error`: a target that refused the connection (so nothing was
   * sent) is skipped and the next one tried, instead of answering 502. Bodies are buffered for it.
   */
  retryRefused?: boolean;
  /** Answers name the target that served them in this header (`host:port`, like nginx's `$upstream_addr`). */
  upstreamHeader?: string;
  /** A request carrying this header with value `n` goes to the n-th target (1-based), round robin otherwise. */
  pinHeader?: string;
}

const hostPort = (target: string) => new URL(target).host;

/**
 * A load balancer on loopback for tests and benchmarks, as nginx does it in docs/team-server.md:
 * round robin, the Host header passed through, and a target that refused a connection skipped for
 * a while (`max_fails=1 fail_timeout`). A request already sent to a target that dies fails (502):
 * like nginx, non-idempotent requests are not retried elsewhere.
 */
export async function startRoundRobinProxy(targets: string[], opts: RoundRobinOptions = {}): Promise<RoundRobinProxy> {
  const proxy = httpProxy.createProxyServer({ xfwd: false, ws: false });
  const failTimeout = opts.failTimeoutMs ?? 5000;
  const downUntil = new Map<string, number>();
  const counts: Record<string, number> = Object.fromEntries(targets.map((t) => [t, 0]));
  const served = new WeakMap<IncomingMessage, string>();
  if (opts.upstreamHeader) {
    const name = opts.upstreamHeader.toLowerCase();
    proxy.on('proxyRes', (proxyRes, req) => {
      const target = served.get(req);
      if (target) proxyRes.headers[name] = hostPort(target);
    });
  }
  let next = 0;
  const pick = (skip: Set<string>) => {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[next++ % targets.length]!;
      if (!skip.has(target) && (downUntil.get(target) ?? 0) <= Date.now()) return target;
    }
    const rest = targets.filter((t) => !skip.has(t));
    return rest.length ? rest[next++ % rest.length]! : undefined;
  };
  const pinned = (req: IncomingMessage) => {
    const value = opts.pinHeader ? req.headers[opts.pinHeader.toLowerCase()] : undefined;
    const n = typeof value === 'string' ? Number(value) : NaN;
    return Number.isInteger(n) && n >= 1 && n <= targets.length ? targets[n - 1] : undefined;
  };
  const readBody = async (req: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  const server: Server = createServer(async (req, res) => {
    const body = opts.retryRefused ? await readBody(req) : undefined;
    const tried = new Set<string>();
    const forward = (target: string) => {
      tried.add(target);
      counts[target]!++;
      served.set(req, target);
      proxy.web(req, res, { target, ...(body ? { buffer: Readable.from([body]) } : {}) }, (err) => {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ECONNREFUSED' || code === 'ECONNRESET') downUntil.set(target, Date.now() + failTimeout);
        const other = code === 'ECONNREFUSED' && opts.retryRefused && !res.headersSent ? pick(tried) : undefined;
        if (other) return forward(other);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'bad_gateway', message: `the balancer could not reach ${target}: ${err.message}` } }));
      });
    };
    forward(pinned(req) ?? pick(tried)!);
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      proxy.close();
    },
  };
}
