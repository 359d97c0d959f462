import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import { checkTarget } from './check-target.ts';

const domain = 'https://x.kinde.com';

function refused(url: string, businessDomain = domain): ApiError {
  try {
    checkTarget(url, businessDomain);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('target_not_allowed');
    expect((err as ApiError).status).toBe(400);
    return err as ApiError;
  }
  throw new Error(`${url} was allowed`);
}

describe('checkTarget', () => {
  it('allows URLs on the business domain and resolves paths against it', () => {
    expect(checkTarget('https://x.kinde.com/api/v1/users?page_size=5', domain).href).toBe('https://x.kinde.com/api/v1/users?page_size=5');
    expect(checkTarget('https://X.KINDE.COM:443/api/v1/users', domain).host).toBe('x.kinde.com');
    expect(checkTarget('/api/v1/users', domain).href).toBe('https://x.kinde.com/api/v1/users');
    expect(checkTarget('http://127.0.0.1:8788/api/v1/users', 'http://127.0.0.1:8788').port).toBe('8788');
  });

  it.each([
    ['another host', 'https://evil.test/api/v1/users'],
    ['user info pointing elsewhere', 'https://x.kinde.com@evil.test/api/v1/users'],
    ['user info on the right host', 'https://user:pass@x.kinde.com/api/v1/users'],
    ['a suffix domain', 'https://x.kinde.com.evil.test/api/v1/users'],
    ['a trailing-dot host', 'https://x.kinde.com./api/v1/users'],
    ['another port', 'https://x.kinde.com:8443/api/v1/users'],
    ['another scheme', 'http://x.kinde.com/api/v1/users'],
    ['a protocol-relative URL', '//evil.test/api'],
    ['a file URL', 'file:///etc/passwd'],
    ['a sibling subdomain', 'https://y.kinde.com/api/v1/users'],
  ])('refuses %s', (_name, url) => {
    const err = refused(url);
    expect(err.message).toContain('https://x.kinde.com');
  });

  it('refuses IP-literal spellings of other hosts and of loopback for a loopback domain on another port', () => {
    refused('http://2130706433:9999/', 'http://127.0.0.1:8788');
    refused('http://0x7f.1:8788/', 'http://localhost:8788');
    refused('http://[::1]:8788/', 'http://127.0.0.1:8788');
    refused('https://0x08080808/', domain);
  });

  it('says how to write a URL that does not parse', () => {
    expect(refused('not a url').message).toMatch(/\{\{business_domain\}\}\/api\/v1\/users/);
  });
});
