import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.ts';

/** Over a real socket: the header is read from Node's request, as it is in the server. */
async function addressSeen(trustedProxies: string[], headers: Record<string, string>): Promise<string> {
  const app = new Hono().use(clientAddressOf(trustedProxies)).get('/', (c) => c.text(c.get('clientAddress')));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => server.once('listening', () => r()));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
    return await res.text();
  } finally {
    await new Promise((r) => server.close(r));
  }
}

describe('clientAddressOf on a real connection', () => {
  it("believes X-Forwarded-For from a trusted proxy, the right-most address that is not one", async () => {
    expect(await addressSeen(['127.0.0.1'], { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' })).toBe('203.0.113.9');
  });

  it('ignores it from anyone else, and without trusted proxies', async () => {
    expect(await addressSeen(['10.0.0.0/8'], { 'x-forwarded-for': '203.0.113.9' })).toBe('127.0.0.1');
    expect(await addressSeen([], { 'x-forwarded-for': '203.0.113.9' })).toBe('127.0.0.1');
  });
});
