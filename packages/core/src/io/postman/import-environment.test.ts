import { describe, expect, it } from 'vitest';
import { exportPostmanEnvironment } from './export-environment.ts';
import { importPostmanEnvironment } from './import-environment.ts';

describe('importPostmanEnvironment', () => {
  it('marks secret-typed values and client_secret as secrets, and keeps enabled flags', () => {
    const r = importPostmanEnvironment({
      name: 'E',
      values: [
        { key: 'api_key', value: 'k', type: 'secret', enabled: true },
        { key: 'client_secret', value: 's', type: 'default', enabled: true },
        { key: 'off', value: 'o', enabled: false },
      ],
    });
    expect(r.ok && r.value.environment.variables).toEqual([
      { key: 'api_key', value: 'k', secret: true, enabled: true },
      { key: 'client_secret', value: 's', secret: true, enabled: true },
      { key: 'off', value: 'o', secret: false, enabled: false },
    ]);
  });

  it('turns a bare subdomain business_domain (Kinde guide style) into the full origin', () => {
    const r = importPostmanEnvironment({ name: 'E', values: [{ key: 'business_domain', value: 'myco' }] });
    expect(r.ok && r.value.environment.variables[0]?.value).toBe('https://myco.kinde.com');
    expect(r.ok && r.value.report.kept[0]).toMatch(/business_domain 'myco' → 'https:\/\/myco.kinde.com'/);
  });

  it('reports keys that cannot be used as {{variables}} and duplicates', () => {
    const r = importPostmanEnvironment({ name: 'E', values: [{ key: 'has space', value: '1' }, { key: 'a', value: '1' }, { key: 'a', value: '2' }] });
    expect(r.ok && r.value.environment.variables).toEqual([{ key: 'a', value: '1', secret: false, enabled: true }]);
    expect(r.ok && r.value.report.unmapped).toHaveLength(2);
  });
});

describe('exportPostmanEnvironment', () => {
  it('writes secrets as empty secret values, including client_secret not flagged secret', () => {
    const out = exportPostmanEnvironment({
      name: 'E',
      variables: [
        { key: 'client_secret', value: 'top', secret: false },
        { key: 'token', value: null, secret: true },
        { key: 'business_domain', value: 'https://a.kinde.com' },
      ],
    });
    expect(out.values).toEqual([
      { key: 'client_secret', value: '', type: 'secret', enabled: true },
      { key: 'token', value: '', type: 'secret', enabled: true },
      { key: 'business_domain', value: 'https://a.kinde.com', type: 'default', enabled: true },
    ]);
    expect(out._postman_variable_scope).toBe('environment');
  });
});
