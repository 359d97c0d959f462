import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxApp, type SandboxApp } from './app.ts';
import type { Sandbox } from './options.ts';
import { startSandbox } from './start.ts';
import { call } from './test-support.ts';

describe('faults through app.request()', () => {
  let sandbox: SandboxApp;
  let token: string;
  beforeAll(async () => {
    sandbox = createSandboxApp();
    token = await sandbox.issueToken();
  });
  beforeEach(() => sandbox.reset());

  it('delays answers by latencyMs', async () => {
    sandbox.setFaults({ latencyMs: 150 });
    const started = performance.now();
    const res = await call(sandbox, token, 'GET', '/api/v1/users');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('forces a status with an errors body, before auth, on /api/v1 only by default', async () => {
    sandbox.setFaults({ status: 503 });
    const res = await sandbox.app.request('/api/v1/users');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('SANDBOX_FAULT');
    const jwks = await sandbox.app.request('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
  });

  it('limits faults to pathPrefix when one is set', async () => {
    sandbox.setFaults({ status: 500, pathPrefix: '/api/v1/roles' });
    expect((await call(sandbox, token, 'GET', '/api/v1/roles')).status).toBe(500);
    expect((await call(sandbox, token, 'GET', '/api/v1/users')).status).toBe(200);
  });

  it('can fail the token endpoint too when the prefix covers it', async () => {
    sandbox.setFaults({ status: 502, pathPrefix: '/oauth2/' });
    const res = await sandbox.app.request('/oauth2/token', { method: 'POST' });
    expect(res.status).toBe(502);
  });

  it('answers a body that is not JSON', async () => {
    sandbox.setFaults({ invalidJson: true });
    const res = await call(sandbox, token, 'GET', '/api/v1/users');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    await expect(res.json()).rejects.toThrow();
  });

  it('streams a JSON users body of about the asked size', async () => {
    sandbox.setFaults({ largeBodyBytes: 300_000 });
    const res = await call(sandbox, token, 'GET', '/api/v1/users');
    const text = await res.text();
    expect(text.length).toBeGreaterThanOrEqual(300_000);
    expect(text.length).toBeLessThan(301_000);
    const parsed = JSON.parse(text) as { users: { email: string }[] };
    expect(parsed.users.length).toBeGreaterThan(100);
  });

  it('makes app.request() reject on a reset, since there is no socket to destroy', async () => {
    sandbox.setFaults({ reset: true });
    await expect(call(sandbox, token, 'GET', '/api/v1/users')).rejects.toThrow(/connection reset/);
  });

  it('reset() clears faults', async () => {
    sandbox.setFaults({ status: 500 });
    sandbox.reset();
    expect((await call(sandbox, token, 'GET', '/api/v1/users')).status).toBe(200);
  });
});

describe('faults over a real socket', () => {
  let sandbox: Sandbox;
  let auth: Record<string, string>;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    auth = { authorization: `Bearer ${await sandbox.issueToken()}` };
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('destroys the connection on reset', async () => {
    sandbox.setFaults({ reset: true });
    await expect(fetch(`${sandbox.url}/api/v1/users`, { headers: auth })).rejects.toThrow();
    sandbox.setFaults({ reset: false });
    expect((await fetch(`${sandbox.url}/api/v1/users`, { headers: auth })).status).toBe(200);
  });

  it('streams a 100 MB body', async () => {
    const size = 100 * 1024 * 1024;
    sandbox.setFaults({ largeBodyBytes: size });
    const res = await fetch(`${sandbox.url}/api/v1/users`, { headers: auth });
    expect(res.headers.get('content-length')).toBeNull();
    let received = 0;
    for await (const chunk of res.body!) received += (chunk as Uint8Array).byteLength;
    expect(received).toBeGreaterThanOrEqual(size);
    expect(received).toBeLessThan(size + 1024);
  });
});
