import { describe, expect, it } from 'vitest';
import type { EnvironmentView } from '@kinde-explorer/core';
import { environmentChanges, environmentCreated } from './environment-changes.ts';

const before: EnvironmentView = {
  id: 'e1',
  name: 'Production',
  createdAt: '',
  updatedAt: '',
  variables: [
    { key: 'business_domain', value: 'https://old.kinde.com', secret: false, enabled: true, hasValue: true },
    { key: 'client_secret', value: null, secret: true, enabled: true, hasValue: true },
    { key: 'api_key', value: null, secret: true, enabled: true, hasValue: true },
    { key: 'gone', value: 'x', secret: false, enabled: true, hasValue: true },
  ],
};

describe('environment changes for the audit log', () => {
  it('names the keys added, removed and changed and the secrets given a value, never a value', () => {
    const detail = environmentChanges(before, {
      name: 'Prod',
      variables: [
        { key: 'business_domain', value: 'https://canary-plain-value.kinde.com' },
        { key: 'client_secret', value: 'canary-secret-value-1', secret: true },
        { key: 'api_key', value: null, secret: true },
        { key: 'new_one', value: 'canary-plain-2' },
      ],
    });
    expect(detail).toEqual({
      renamedFrom: 'Production',
      added: ['new_one'],
      removed: ['gone'],
      changed: ['business_domain'],
      secretsChanged: ['client_secret'],
    });
    expect(JSON.stringify(detail)).not.toMatch(/canary/);
  });

  it('lists a new environment by its keys, secrets apart', () => {
    const detail = environmentCreated([
      { key: 'business_domain', value: 'https://canary.kinde.com' },
      { key: 'client_secret', value: 'canary-secret' },
      { key: 'token', value: 'canary-token', secret: true },
    ]);
    expect(detail).toEqual({ variables: ['business_domain'], secrets: ['client_secret', 'token'] });
  });
});

describe('sendTarget', () => {
  it('keeps the method and path only', async () => {
    const { sendTarget } = await import('./send-target.ts');
    expect(sendTarget('GET', 'https://acme.kinde.com/api/v1/users?email=ann%40example.com#x')).toBe('GET /api/v1/users');
    expect(sendTarget('POST', '{{business_domain}}/api/v1/user?email={{email}}')).toBe('POST /api/v1/user');
  });
});
