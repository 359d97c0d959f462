import { describe, expect, it } from 'vitest';
import { hideOrigin, hideValues } from './hide-values.ts';

describe('hideValues', () => {
  it('hides the business domain and other values wherever they occur', () => {
    const text = 'https://acme.kinde.com/api/v1/organizations/org_42?x=acme_client';
    expect(hideValues(text, ['https://acme.kinde.com', 'org_42', 'acme_client'])).toBe('••••/api/v1/organizations/••••?x=••••');
  });

  it('hides the longest value first and ignores very short or missing ones', () => {
    expect(hideValues('abc abcdef', ['abc', 'abcdef', '1', null, undefined])).toBe('•••• ••••');
    expect(hideValues('a 1 b', ['1'])).toBe('a 1 b');
  });

  it('treats values as text, not patterns', () => {
    expect(hideValues('x.y.z and xaybz', ['x.y.z'])).toBe('•••• and xaybz');
  });

  it('hides a domain stored with a trailing slash', () => {
    expect(hideValues('https://acme.kinde.com/api', ['https://acme.kinde.com/'])).toBe('••••/api');
  });
});

describe('hideOrigin', () => {
  it('keeps the path and query', () => {
    expect(hideOrigin('http://127.0.0.1:8788/api/v1/users?page_size=5')).toBe('••••/api/v1/users?page_size=5');
    expect(hideOrigin('/relative')).toBe('/relative');
  });
});
