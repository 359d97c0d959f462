import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureSandboxEnvironment, SANDBOX_ENVIRONMENT_NAME } from './sandbox-environment.ts';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';

const sandbox = { url: 'http://127.0.0.1:8788', clientId: 'sandbox_m2m_client', clientSecret: 'sandbox_m2m_secret' };
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('ensureSandboxEnvironment', () => {
  it('creates the sandbox environment once, with its secret stored write-only', async () => {
    expect((await ensureSandboxEnvironment(t.deps.environments, sandbox)).action).toBe('created');
    expect((await ensureSandboxEnvironment(t.deps.environments, sandbox)).action).toBe('unchanged');
    const list = (await (await t.request('/api/environments')).json()) as any;
    expect(list.environments).toHaveLength(1);
    expect(list.environments[0].name).toBe(SANDBOX_ENVIRONMENT_NAME);
    expect(JSON.stringify(list)).not.toContain('sandbox_m2m_secret');
    const resolved = (await t.deps.environments.getResolved(list.environments[0].id));
    expect(resolved).toMatchObject({ businessDomain: 'http://127.0.0.1:8788', variables: { client_id: 'sandbox_m2m_client', client_secret: 'sandbox_m2m_secret' } });
  });

  it('follows the sandbox to a new port and keeps what the user added', async () => {
    const { environment } = await ensureSandboxEnvironment(t.deps.environments, sandbox);
    await t.deps.environments.update(environment.id, {
      variables: [...environment.variables.map((v) => ({ key: v.key, value: v.value, secret: v.secret })), { key: 'org_code', value: 'org_123' }],
    });
    const moved = await ensureSandboxEnvironment(t.deps.environments, { ...sandbox, url: 'http://127.0.0.1:9999' });
    expect(moved.action).toBe('updated');
    expect((await t.deps.environments.getResolved(environment.id)).variables).toEqual({
      business_domain: 'http://127.0.0.1:9999',
      client_id: 'sandbox_m2m_client',
      client_secret: 'sandbox_m2m_secret',
      org_code: 'org_123',
    });
  });
});
