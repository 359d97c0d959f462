import { describe, expect, it } from 'vitest';
import { sandboxJsonClient } from '../test-support.ts';

describe('feature flags', () => {
  const client = sandboxJsonClient();
  const req = client.req;

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
