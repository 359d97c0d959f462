import { describe, expect, it } from 'vitest';
import { relativeTime, shortUrl } from './relative-time.ts';

describe('relativeTime', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');
  it('says how long ago in words a person scans quickly', () => {
    expect(relativeTime('2025-03-10T11:59:50Z', now)).toBe('just now');
    expect(relativeTime('2025-03-10T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2025-03-10T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2025-03-09T10:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2025-03-01T10:00:00Z', now)).toMatch(/Mar|1/);
    expect(relativeTime('not a date', now)).toBe('');
  });
});

describe('shortUrl', () => {
  it('drops the business domain and /api/v1', () => {
    expect(shortUrl('{{business_domain}}/api/v1/users?page_size=3')).toBe('/users?page_size=3');
    expect(shortUrl('https://acme.kinde.com/oauth2/token')).toBe('/oauth2/token');
    expect(shortUrl('{{business_domain}}')).toBe('{{business_domain}}');
  });
});
