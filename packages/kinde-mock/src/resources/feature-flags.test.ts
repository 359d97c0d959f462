import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxApp, type SandboxApp } from '../app.ts';
import { call } from '../test-support.ts';

// Loose typing: these tests read response bodies field by field.
type Json = Record<string, any>;

describe('feature flags', () => {
  let sandbox: SandboxApp;
  let token: string;
  const req = async (method: string, path: string, body?: unknown) => {
    const res = await call(sandbox, token, method, path, body);
    return { status: res.status, body: (await res.json()) as Json };
  };
  beforeAll(async () => {
    sandbox = createSandboxApp();
    token = await sandbox.issueToken();
  });
  beforeEach(() => sandbox.reset());

  it('creates a flag that the environment then reports with its default value', async () => {
    const created = await req('POST', '/api/v1/feature_flags', { name: 'Beta', key: 'beta', type: 'int', default_value: '3' });
    expect(created.status).toBe(201);
    const env = await req('GET', '/api/v1/environment/feature_flags');
    expect(env.body.feature_flags.beta).toEqual({ type: 'int', value: '3' });
    expect(env.body.feature_flags.theme).toEqual({ type: 'str', value: 'teal' });
  });

  it('validates required fields and typed values', async () => {
    expect((await req('POST', '/api/v1/feature_flags', { name: 'x', key: 'x', type: 'bool' })).status).toBe(400);
    const bad = await req('POST', '/api/v1/feature_flags', { name: 'x', key: 'x', type: 'bool', default_value: 'yes' });
    expect(bad.body.errors[0].code).toBe('INVALID_FLAG_VALUE');
    expect((await req('POST', '/api/v1/feature_flags', { name: 'x', key: 'dark_mode', type: 'bool', default_value: 'true' })).status).toBe(400);
  });

  it('overrides a value for the environment and removes the override', async () => {
    expect((await req('PATCH', '/api/v1/environment/feature_flags/dark_mode', { value: 'true' })).status).toBe(200);
    expect((await req('GET', '/api/v1/environment/feature_flags')).body.feature_flags.dark_mode.value).toBe('true');
    await req('DELETE', '/api/v1/environment/feature_flags/dark_mode');
    expect((await req('GET', '/api/v1/environment/feature_flags')).body.feature_flags.dark_mode.value).toBe('false');
  });
});
