import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import httpProxy from 'http-proxy';

export interface RoundRobinProxy {
  url: string;
  /** How many requests each target answered (by target URL). */
  counts: () => Record<string, number>;
  close: () => Promise<void>;
}

/**
 * A load balancer on loopback for tests and benchmarks, as nginx does it in docs/team-server.md:
 * round robin, the Host header passed through, and a target that refused a connection skipped for
 * a while (`max_fails=1 fail_timeout`). A request already sent to a target that dies fails (502):
 * like nginx, non-idempotent requests are not retried elsewhere.
 */
export async function startRoundRobinProxy(targets: string[], opts: { port?: number; failTimeoutMs?: number } = {}): Promise<RoundRobinProxy> {
  const proxy = httpProxy.createProxyServer({ xfwd: false, ws: false });
  const failTimeout = opts.failTimeoutMs ?? 5000;
  const downUntil = new Map<string, number>();
  const counts: Record<string, number> = Object.fromEntries(targets.map((t) => [t, 0]));
  let next = 0;
  const pick = () => {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[next++ % targets.length]!;
      if ((downUntil.get(target) ?? 0) <= Date.now()) return target;
    }
    return targets[next++ % targets.length]!;
  };
  const server: Server = createServer((req, res) => {
    const target = pick();
    counts[target]!++;
    proxy.web(req, res, { target }, (err) => {
      if ((err as NodeJS.ErrnoException).code === 'ECONNREFUSED' || (err as NodeJS.ErrnoException).code === 'ECONNRESET') downUntil.set(target, Date.now() + failTimeout);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'bad_gateway', message: `the balancer could not reach ${target}: ${err.message}` } }));
    });
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
