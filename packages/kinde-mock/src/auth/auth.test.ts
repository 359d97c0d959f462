import { describe, expect, it } from 'vitest';
import { createSandboxApp } from '../app.ts';
import { call } from '../test-support.ts';

describe('API authentication and limits', () => {
  const sandbox = createSandboxApp();

  it('answers 401 with an errors body when the bearer token is missing', async () => {
    const res = await sandbox.app.request('/api/v1/users');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toEqual({ errors: [{ code: 'UNAUTHORIZED', message: expect.stringContaining('missing') }] });
  });

  it('answers 401 TOKEN_INVALID for an expired token', async () => {
    const expired = await sandbox.issueToken({ expiresInSeconds: -60 });
    const res = await call(sandbox, expired, 'GET', '/api/v1/users');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ code: 'TOKEN_INVALID', message: expect.stringContaining('expired') }] });
  });

  it('answers 401 for a token with another audience or from another sandbox', async () => {
    const otherAudience = await sandbox.issueToken({ origin: 'https://acme.kinde.com' });
    expect((await call(sandbox, otherAudience, 'GET', '/api/v1/users')).status).toBe(401);
    const foreign = await createSandboxApp().issueToken();
    expect((await call(sandbox, foreign, 'GET', '/api/v1/users')).status).toBe(401);
    expect((await call(sandbox, 'not.a.jwt', 'GET', '/api/v1/users')).status).toBe(401);
  });

  it('answers 403 naming the missing x-scope', async () => {
    const token = await sandbox.issueToken({ scopes: ['read:roles'] });
    const res = await call(sandbox, token, 'GET', '/api/v1/users');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ errors: [{ code: 'FORBIDDEN', message: 'Missing scope read:users' }] });
  });

  it('checks scopes that the spec only names in the description', async () => {
    const token = await sandbox.issueToken({ scopes: ['read:users'] });
    const res = await call(sandbox, token, 'GET', '/api/v1/webhooks');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('Missing scope read:webhooks');
  });

  it('lets the public API key verification through without a token', async () => {
    const res = await sandbox.app.request('/api/v1/api_keys/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: 'k_live_x' }),
    });
    expect(res.status).toBe(200);
  });

  it('answers 429 with Retry-After once the window is used up', async () => {
    const limited = createSandboxApp({ rateLimit: { requests: 3, windowMs: 30_000 } });
    const token = await limited.issueToken();
    for (let i = 0; i < 3; i++) expect((await call(limited, token, 'GET', '/api/v1/users')).status).toBe(200);
    const res = await call(limited, token, 'GET', '/api/v1/users');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('TOO_MANY_REQUESTS');
    limited.reset();
    expect((await call(limited, token, 'GET', '/api/v1/users')).status).toBe(200);
  });

  it('answers unknown routes with 404 ROUTE_NOT_FOUND', async () => {
    const token = await sandbox.issueToken();
    const res = await call(sandbox, token, 'GET', '/api/v1/does_not_exist');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: { code: 'ROUTE_NOT_FOUND', message: 'The requested API route does not exist' } });
  });
});
