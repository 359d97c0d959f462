import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from './start.ts';
import type { Sandbox } from './options.ts';

describe('startSandbox', () => {
  let sandbox: Sandbox;
  const logged: string[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, logger: (line) => logged.push(line) });
  });
  afterAll(() => sandbox.close());

  it('serves the token exchange and the API over a real socket', async () => {
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    const tokenRes = await fetch(`${sandbox.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'sandbox_m2m_client',
        client_secret: 'sandbox_m2m_secret',
        audience: `${sandbox.url}/api`,
      }),
    });
    expect(tokenRes.status).toBe(200);
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const users = await fetch(`${sandbox.url}/api/v1/users?page_size=2`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(users.status).toBe(200);
    expect(((await users.json()) as { users: unknown[] }).users).toHaveLength(2);
    const stats = sandbox.stats();
    expect(stats.tokenRequests).toBe(1);
    expect(stats.apiRequests).toBe(1);
    expect(stats.requests.at(-1)).toMatchObject({ path: '/api/v1/users', status: 200, hasBearer: true, headers: { authorization: 'Bearer <redacted>' } });
    expect(logged).toContainEqual(expect.stringMatching(/^GET \/api\/v1\/users 200 \d+ms$/));
  });

  it('accepts tokens from issueToken() for its own URL', async () => {
    const token = await sandbox.issueToken();
    const res = await fetch(`${sandbox.url}/api/v1/user?id=${encodeURIComponent('kp_none')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
  });
});
