import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox, SandboxStats } from './options.ts';
import { startSandbox } from './start.ts';

describe('/__sandbox control surface', () => {
  let sandbox: Sandbox;
  const post = (path: string, body?: unknown) =>
    fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it('sets faults from another process and reports them', async () => {
    const res = await post('/__sandbox/faults', { status: 503, pathPrefix: '/api/v1/users' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 503, pathPrefix: '/api/v1/users', latencyMs: 0 });
    expect((await fetch(`${sandbox.url}/api/v1/users`)).status).toBe(503);
    await post('/__sandbox/reset');
    expect((await fetch(`${sandbox.url}/api/v1/users`)).status).toBe(401);
  });

  it('refuses unknown or mistyped fault fields with 400', async () => {
    expect((await post('/__sandbox/faults', { latency: 5 })).status).toBe(400);
    expect((await post('/__sandbox/faults', { status: 'boom' })).status).toBe(400);
  });

  it('reports stats without counting its own calls, and reset clears them', async () => {
    await post('/__sandbox/reset');
    const { access_token } = (await (await post('/__sandbox/token', { scopes: ['read:users'] })).json()) as { access_token: string };
    await fetch(`${sandbox.url}/api/v1/users`, { headers: { authorization: `Bearer ${access_token}` } });
    const stats = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as SandboxStats;
    expect(stats.apiRequests).toBe(1);
    expect(stats.requests).toHaveLength(1);
    expect(stats.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/users', hasBearer: true });
    expect(JSON.stringify(stats)).not.toContain(access_token);
    await post('/__sandbox/reset');
    expect(((await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as SandboxStats).apiRequests).toBe(0);
  });

  it('issues expired tokens that the API then refuses', async () => {
    const { access_token } = (await (await post('/__sandbox/token', { expiresInSeconds: -5 })).json()) as { access_token: string };
    const res = await fetch(`${sandbox.url}/api/v1/users`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(res.status).toBe(401);
  });
});
