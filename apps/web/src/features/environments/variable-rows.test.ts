import { describe, it, expect } from 'vitest';
import type { EnvironmentView } from '@kinde-explorer/core';
import { businessDomainWarning, rowsChanged, rowsFromEnvironment, rowsToInput } from './variable-rows.ts';

const env: EnvironmentView = {
  id: 'e1',
  name: 'Prod',
  createdAt: '',
  updatedAt: '',
  variables: [
    { key: 'business_domain', value: 'https://acme.kinde.com', secret: false, enabled: true, hasValue: true },
    { key: 'client_secret', value: null, secret: true, enabled: true, hasValue: true },
  ],
};

describe('variable rows', () => {
  it('never puts a stored secret into the editable value and keeps it on save', () => {
    const rows = rowsFromEnvironment(env);
    expect(rows[1]).toMatchObject({ key: 'client_secret', value: '', secret: true, stored: true });
    expect(rowsToInput(rows)[1]).toEqual({ key: 'client_secret', value: null, secret: true, enabled: true });
    expect(rowsChanged(rows, env)).toBe(false);
  });

  it('sends a typed secret as its replacement and counts it as a change', () => {
    const rows = rowsFromEnvironment(env);
    rows[1]!.value = 'new-secret';
    expect(rowsToInput(rows)[1]!.value).toBe('new-secret');
    expect(rowsChanged(rows, env)).toBe(true);
  });

  it('always treats client_secret as secret', () => {
    const input = rowsToInput([{ id: 'x', key: 'client_secret', value: 's', secret: false, enabled: true, stored: false }]);
    expect(input[0]!.secret).toBe(true);
  });
});

describe('businessDomainWarning', () => {
  it('accepts a kinde.com domain and the loopback sandbox, warns about custom domains and paths', () => {
    expect(businessDomainWarning('https://acme.kinde.com')).toBeNull();
    expect(businessDomainWarning('http://127.0.0.1:8788')).toBeNull();
    expect(businessDomainWarning('https://auth.acme.com')).toMatch(/kinde\.com/);
    expect(businessDomainWarning('https://acme.kinde.com/api')).toMatch(/without a path/);
    expect(businessDomainWarning('acme')).toMatch(/full URL/);
  });
});
