import { describe, expect, it } from 'vitest';
import { sanitizeRequest } from './sanitize-request.ts';

const SECRET = 'p@ss"word/with&chars';
const secrets = { byKey: { client_secret: SECRET }, others: ['token-from-elsewhere-123'] };

describe('sanitizeRequest', () => {
  it('keeps Authorization headers made only of {{variables}}, drops literal credentials', () => {
    const { request, notices } = sanitizeRequest(
      {
        method: 'GET',
        url: '/x',
        headers: [
          { key: 'Authorization', value: 'Bearer {{token}}' },
          { key: 'authorization', value: '{{auth_header}}' },
          { key: 'Authorization', value: 'Basic dXNlcjpwYXNz' },
          { key: 'Authorization', value: '' },
        ],
      },
      secrets,
    );
    expect(request.headers).toEqual([
      { key: 'Authorization', value: 'Bearer {{token}}' },
      { key: 'authorization', value: '{{auth_header}}' },
      { key: 'Authorization', value: '' },
    ]);
    expect(request.auth).toBeUndefined(); // only a Bearer switches to the M2M token
    expect(notices).toEqual([expect.stringMatching(/Authorization header value was not saved/)]);
  });

  it('finds a secret raw, JSON-escaped and percent-encoded, and other known secrets', () => {
    const { request } = sanitizeRequest(
      {
        method: 'POST',
        url: `/x?s=${encodeURIComponent(SECRET)}&t=token-from-elsewhere-123`,
        body: { mode: 'json', json: JSON.stringify({ a: SECRET, b: [SECRET] }) },
        query: [{ key: 'q', value: SECRET, enabled: false }],
      },
      secrets,
    );
    expect(request.url).toBe('/x?s={{client_secret}}&t=[redacted]');
    expect(JSON.parse((request.body as { json: string }).json)).toEqual({ a: '{{client_secret}}', b: ['{{client_secret}}'] });
    expect(request.query).toEqual([{ key: 'q', value: '{{client_secret}}', enabled: false }]);
  });

  it('leaves a request without secrets exactly as it was', () => {
    const template = { method: 'GET' as const, url: '{{business_domain}}/api/v1/users', headers: [{ key: 'Accept', value: 'application/json' }], auth: 'kinde-m2m' as const };
    expect(sanitizeRequest(template, secrets)).toEqual({ request: template, notices: [] });
  });
});
