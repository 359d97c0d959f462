import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandboxApp } from './app.ts';
import { DEFAULTS, type Sandbox, type SandboxOptions } from './options.ts';
import { loadSpec } from './spec/load-spec.ts';

/** Starts the sandbox on a real loopback port (0 = ephemeral) and resolves once it listens. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const specSource = opts.spec === undefined ? process.env.KINDE_SPEC : opts.spec;
  // Fetch a spec URL up front so the app itself can be built synchronously.
  const spec = specSource ? await loadSpec(specSource) : null;
  const sandbox = createSandboxApp({ ...opts, spec });
  const host = opts.host ?? DEFAULTS.host;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: sandbox.app.fetch, hostname: host, port: opts.port ?? DEFAULTS.port }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  opts.logger?.(`Kinde sandbox listening on ${url}`);
  return {
    url,
    port,
    app: sandbox.app,
    stats: sandbox.stats,
    setFaults: sandbox.setFaults,
    reset: sandbox.reset,
    issueToken: (o = {}) => sandbox.issueToken({ origin: url, ...o }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets would hold close() open; the sandbox owns them, so end them.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
