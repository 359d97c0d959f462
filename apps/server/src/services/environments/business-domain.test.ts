import { describe, expect, it } from 'vitest';
import { normaliseBusinessDomain } from './business-domain.ts';

const ok = (input: string) => {
  const r = normaliseBusinessDomain(input);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const fail = (input: string) => {
  const r = normaliseBusinessDomain(input);
  if (r.ok) throw new Error(`accepted ${input} as ${r.value}`);
  return r.message;
};

describe('normaliseBusinessDomain', () => {
  it('turns a bare subdomain into its kinde.com origin', () => {
    expect(ok('myapp')).toBe('https://myapp.kinde.com');
    expect(ok('  MyApp ')).toBe('https://myapp.kinde.com');
  });

  it('adds https to a host and drops a trailing slash', () => {
    expect(ok('myapp.kinde.com')).toBe('https://myapp.kinde.com');
    expect(ok('https://myapp.kinde.com/')).toBe('https://myapp.kinde.com');
    expect(ok('HTTPS://MyApp.Kinde.com')).toBe('https://myapp.kinde.com');
    expect(ok('https://auth.example.com:8443')).toBe('https://auth.example.com:8443');
  });

  it('allows plain http for loopback hosts only', () => {
    expect(ok('http://127.0.0.1:8788')).toBe('http://127.0.0.1:8788');
    expect(ok('http://localhost:8788/')).toBe('http://localhost:8788');
    expect(ok('http://[::1]:8788')).toBe('http://[::1]:8788');
    expect(ok('127.0.0.1:8788')).toBe('http://127.0.0.1:8788');
    expect(fail('http://myapp.kinde.com')).toMatch(/plain http is allowed only for loopback.*https:\/\/myapp\.kinde\.com/);
    expect(fail('http://10.0.0.5')).toMatch(/loopback/);
  });

  it('refuses paths, queries, fragments and credentials instead of dropping them', () => {
    expect(fail('https://myapp.kinde.com/api/v1')).toMatch(/without a path/);
    expect(fail('https://myapp.kinde.com?x=1')).toMatch(/query/);
    expect(fail('https://myapp.kinde.com#x')).toMatch(/fragment/);
    expect(fail('https://myapp.kinde.com@evil.test')).toMatch(/user name or password/);
    expect(fail('https://user:pw@myapp.kinde.com')).toMatch(/user name or password/);
  });

  it('refuses other schemes, variables and junk', () => {
    expect(fail('ftp://myapp.kinde.com')).toMatch(/https/);
    expect(fail('{{domain}}')).toMatch(/variable/);
    expect(fail('my app')).toMatch(/spaces/);
    expect(fail('https://')).toMatch(/not a valid domain/);
  });

  it('keeps an empty value empty (not configured yet)', () => {
    expect(ok('')).toBe('');
  });
});
