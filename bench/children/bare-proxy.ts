import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import httpProxy from 'http-proxy';

/**
 * The baseline for the relay: the least a reverse proxy does — forward to the sandbox over
 * keep-alive connections and set the bearer header. No validation, no body handling, no logging.
 */
const target = process.env.BENCH_TARGET;
const token = process.env.BENCH_TOKEN;
if (!target || !token) throw new Error('BENCH_TARGET and BENCH_TOKEN are required');

const proxy = httpProxy.createProxyServer({ target, agent: new Agent({ keepAlive: true, maxSockets: 256 }), changeOrigin: true });
proxy.on('proxyReq', (proxyReq) => proxyReq.setHeader('authorization', `Bearer ${token}`));
proxy.on('error', (_err, _req, res) => {
  if ('writeHead' in res && !res.headersSent) res.writeHead(502);
  res.end();
});

const server = createServer((req, res) => proxy.web(req, res));
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${port}` })}\n`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
