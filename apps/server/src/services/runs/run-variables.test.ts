import { describe, expect, it } from 'vitest';
import type { EnvironmentView } from '@kinde-explorer/core';
import { applyEnvironmentChanges } from './run-variables.ts';

const env: EnvironmentView = {
  id: 'e1',
  name: 'Sandbox',
  createdAt: 'x',
  updatedAt: 'x',
  variables: [
    { key: 'business_domain', value: 'https://acme.kinde.com', secret: false, enabled: true, hasValue: true },
    { key: 'client_secret', value: null, secret: true, enabled: true, hasValue: true },
    { key: 'api_key', value: null, secret: true, enabled: true, hasValue: true },
    { key: 'org_code', value: 'org_old', secret: false, enabled: true, hasValue: true },
    { key: 'stale', value: 'x', secret: false, enabled: true, hasValue: true },
  ],
};

describe('applyEnvironmentChanges', () => {
  it('writes changed and new plain variables, removes unset ones, keeps every secret as stored', () => {
    const out = applyEnvironmentChanges(env, { org_code: 'org_new', last_user: 'kp_1', stale: null, client_secret: 'hacked', api_key: 'hacked', 'bad key': 'x' });
    expect(out.written).toEqual(['org_code', 'stale', 'last_user']);
    expect(out.skipped).toEqual(['client_secret', 'api_key', 'bad key']);
    expect(out.variables).toEqual([
      { key: 'business_domain', value: 'https://acme.kinde.com', enabled: true },
      { key: 'client_secret', value: null, secret: true, enabled: true },
      { key: 'api_key', value: null, secret: true, enabled: true },
      { key: 'org_code', value: 'org_new', enabled: true },
      { key: 'last_user', value: 'kp_1', enabled: true },
    ]);
  });

  it('changes nothing when the run set nothing new', () => {
    expect(applyEnvironmentChanges(env, { org_code: 'org_old', never_set: null }).variables).toBeNull();
  });
});
