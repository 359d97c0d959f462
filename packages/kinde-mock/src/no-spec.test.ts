import { describe, expect, it } from 'vitest';
import { createSandboxApp } from './app.ts';
import { call } from './test-support.ts';

describe('without a spec', () => {
  const sandbox = createSandboxApp({ spec: null });

  it('still serves the seeded core routes with their scopes granted', async () => {
    expect(sandbox.context.grantedScopes).toContain('read:users');
    const token = await sandbox.issueToken();
    expect((await call(sandbox, token, 'GET', '/api/v1/users')).status).toBe(200);
    expect((await call(sandbox, token, 'GET', '/api/v1/organizations/')).status).toBe(200);
  });

  it('answers operations it cannot know with 404 ROUTE_NOT_FOUND', async () => {
    const token = await sandbox.issueToken();
    const res = await call(sandbox, token, 'GET', '/api/v1/webhooks');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ errors: { code: 'ROUTE_NOT_FOUND' } });
  });
});
