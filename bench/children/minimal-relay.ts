import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';

/**
 * The floor for the relay's design: the same JSON API shape as POST /api/send (a JSON request
 * naming the call, a JSON answer carrying status, headers and the body as a string) on the same
 * stack (Hono on @hono/node-server, undici), with nothing else: no validation, variables, target
 * check, redaction, history or logging. The gap between this and the bare proxy is what the API
 * shape costs; the gap between this and the explorer is what its features cost.
 */
const target = process.env.BENCH_TARGET;
const token = process.env.BENCH_TOKEN;
if (!target || !token) throw new Error('BENCH_TARGET and BENCH_TOKEN are required');

const agent = new Agent({ keepAliveTimeout: 10_000 });
const app = new Hono<{ Bindings: { incoming: IncomingMessage } }>().post('/send', async (c) => {
  // Read from Node's request: `c.req.json()` would make @hono/node-server build a WHATWG Request
  // and a web stream first, which alone costs ~0.25 ms of CPU per request (the explorer avoids it too).
  const text = await new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    c.env.incoming.on('data', (d: Buffer) => chunks.push(d)).on('end', () => resolve(Buffer.concat(chunks).toString()));
  });
  const { path } = JSON.parse(text) as { path: string };
  const res = await agent.request({ origin: target, path, method: 'GET', headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  const chunks: Buffer[] = [];
  for await (const chunk of res.body as AsyncIterable<Buffer>) chunks.push(chunk);
  const headers = Object.entries(res.headers).map(([key, value]) => ({ key, value: String(value) }));
  return c.json({ status: res.statusCode, statusText: STATUS_CODES[res.statusCode] ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
});

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.BENCH_PORT ?? 0) }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${info.port}` })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
