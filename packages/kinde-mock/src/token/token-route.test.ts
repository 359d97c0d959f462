import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandboxApp, type SandboxApp } from '../app.ts';
import { GOOD_FIELDS, tokenRequest } from '../test-support.ts';

describe('POST /oauth2/token', () => {
  let sandbox: SandboxApp;
  beforeAll(() => {
    sandbox = createSandboxApp({ scopes: ['read:users', 'create:users'] });
  });

  it('issues a bearer token for the right client, grant and audience', async () => {
    const res = await sandbox.app.request('/oauth2/token', tokenRequest(GOOD_FIELDS));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ access_token: expect.any(String), expires_in: 86400, scope: 'read:users create:users', token_type: 'bearer' });
  });

  it('signs an RS256 JWT with Kinde M2M claims that verifies against the published JWKS', async () => {
    const res = await sandbox.app.request('/oauth2/token', tokenRequest(GOOD_FIELDS));
    const { access_token } = (await res.json()) as { access_token: string };
    const jwks = (await (await sandbox.app.request('/.well-known/jwks.json')).json()) as { keys: object[] };
    const { payload, protectedHeader } = await jwtVerify(access_token, createLocalJWKSet(jwks as never), {
      issuer: 'http://localhost',
      audience: 'http://localhost/api',
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(decodeProtectedHeader(access_token).kid).toBe((jwks.keys[0] as { kid: string }).kid);
    expect(Object.keys(payload).sort()).toEqual(['aud', 'azp', 'exp', 'gty', 'iat', 'iss', 'jti', 'scope', 'v']);
    expect(payload.aud).toEqual(['http://localhost/api']);
    expect(payload.azp).toBe('sandbox_m2m_client');
    expect(payload.gty).toEqual(['client_credentials']);
    expect(payload.iss).toBe('http://localhost');
    expect(payload.scope).toBe('read:users create:users');
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.exp! - payload.iat!).toBe(86400);
  });

  it('accepts client credentials in HTTP Basic auth', async () => {
    const { client_id, client_secret, ...rest } = GOOD_FIELDS;
    const basic = Buffer.from(`${client_id}:${client_secret}`).toString('base64');
    const res = await sandbox.app.request('/oauth2/token', tokenRequest(rest, { authorization: `Basic ${basic}` }));
    expect(res.status).toBe(200);
  });

  it('rejects a wrong secret with 401 invalid_client', async () => {
    const res = await sandbox.app.request('/oauth2/token', tokenRequest({ ...GOOD_FIELDS, client_secret: 'nope' }));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toMatch(/^Client authentication failed/);
  });

  it('rejects wrong Basic credentials with 401', async () => {
    const { client_id: _id, client_secret: _secret, ...rest } = GOOD_FIELDS;
    const basic = Buffer.from('sandbox_m2m_client:wrong').toString('base64');
    const res = await sandbox.app.request('/oauth2/token', tokenRequest(rest, { authorization: `Basic ${basic}` }));
    expect(res.status).toBe(401);
  });

  it('rejects another grant type with unsupported_grant_type', async () => {
    const res = await sandbox.app.request('/oauth2/token', tokenRequest({ ...GOOD_FIELDS, grant_type: 'password' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });

  it('rejects a missing audience, naming the expected one', async () => {
    const { audience: _a, ...rest } = GOOD_FIELDS;
    const res = await sandbox.app.request('/oauth2/token', tokenRequest(rest));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toContain('audience');
    expect(body.error_description).toContain('http://localhost/api');
  });

  it('rejects an audience other than {origin}/api', async () => {
    const res = await sandbox.app.request('/oauth2/token', tokenRequest({ ...GOOD_FIELDS, audience: 'https://acme.kinde.com/api' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe('unauthorized_client');
    expect(body.error_description).toContain('https://acme.kinde.com/api');
  });

  it('refuses a JSON body: Kinde only takes form encoding', async () => {
    const res = await sandbox.app.request('/oauth2/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(GOOD_FIELDS),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_description: string }).error_description).toContain('x-www-form-urlencoded');
  });

  it('narrows the grant to requested scopes and refuses unknown ones', async () => {
    const ok = await sandbox.app.request('/oauth2/token', tokenRequest({ ...GOOD_FIELDS, scope: 'read:users' }));
    expect(((await ok.json()) as { scope: string }).scope).toBe('read:users');
    const bad = await sandbox.app.request('/oauth2/token', tokenRequest({ ...GOOD_FIELDS, scope: 'delete:users' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_scope');
  });

  it('counts every exchange and never records the client secret', async () => {
    const before = sandbox.stats().tokenRequests;
    await sandbox.app.request('/oauth2/token', tokenRequest(GOOD_FIELDS));
    await sandbox.app.request('/oauth2/token', tokenRequest({ ...GOOD_FIELDS, client_secret: 'x' }));
    const stats = sandbox.stats();
    expect(stats.tokenRequests).toBe(before + 2);
    expect(JSON.stringify(stats.requests)).not.toContain('sandbox_m2m_secret');
  });
});
