import { describe, expect, it } from 'vitest';
import type { EnvironmentView } from '@kinde-explorer/core';
import type { ResolvedEnvironment } from '../environments/types.ts';
import { maskSecrets } from './snippet-variables.ts';

const view: EnvironmentView = {
  id: 'env-1',
  name: 'Test',
  createdAt: '',
  updatedAt: '',
  variables: [
    { key: 'business_domain', value: 'acme.kinde.com', secret: false, enabled: true, hasValue: true },
    { key: 'client_id', value: 'cid', secret: false, enabled: true, hasValue: true },
    { key: 'client_secret', value: null, secret: true, enabled: true, hasValue: true },
    { key: 'api_key', value: null, secret: true, enabled: true, hasValue: false },
  ],
};

// What resolveForSend answers: the environment's values (secrets in plain) over a collection's.
const resolved: ResolvedEnvironment = {
  id: 'env-1',
  name: 'Test',
  businessDomain: 'https://acme.kinde.com',
  variables: { business_domain: 'acme.kinde.com', client_id: 'cid', client_secret: 'csecret-123', org: 'org_1', copied: 'csecret-123' },
  secretValues: ['csecret-123'],
};

describe('maskSecrets', () => {
  it('keeps plain values (collection ones included) and normalises business_domain', () => {
    const { values } = maskSecrets(view, resolved);
    expect(values.org).toBe('org_1');
    expect(values.client_id).toBe('cid');
    expect(values.business_domain).toBe('https://acme.kinde.com');
  });

  it('turns every enabled secret into its placeholder, with a value or not', () => {
    const { values } = maskSecrets(view, resolved);
    expect(values.client_secret).toBe('<m2m_client_secret>');
    expect(values.api_key).toBe('<api_key>');
  });

  it("never lets a secret's plaintext through under another key", () => {
    const masked = maskSecrets(view, resolved);
    expect(JSON.stringify(masked.values)).not.toContain('csecret-123');
    expect(masked.values.copied).toBe('<copied>');
  });
});
