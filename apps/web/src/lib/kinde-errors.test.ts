import { describe, it, expect } from 'vitest';
import { kindeErrorsOf, statusAdvice, tokenErrorHint } from './kinde-errors.ts';

describe('kindeErrorsOf', () => {
  it('recognises Kinde error bodies and nothing else', () => {
    expect(kindeErrorsOf({ errors: [{ code: 'FORBIDDEN', message: 'Missing scope read:users' }] })).toEqual([
      { code: 'FORBIDDEN', message: 'Missing scope read:users' },
    ]);
    expect(kindeErrorsOf({ users: [] })).toBeNull();
    expect(kindeErrorsOf({ errors: [] })).toBeNull();
    expect(kindeErrorsOf('errors')).toBeNull();
  });
});

describe('statusAdvice', () => {
  it('explains a 403 as a missing scope and a 429 with its wait', () => {
    expect(statusAdvice(403)).toMatch(/scope/);
    expect(statusAdvice(429, '30')).toMatch(/wait 30 s/);
    expect(statusAdvice(200)).toBeNull();
  });
});

describe('tokenErrorHint', () => {
  it('points invalid_client at the id and secret, audience errors at the API being enabled', () => {
    expect(tokenErrorHint('invalid_client', 'Client authentication failed')).toMatch(/client ID and client secret/);
    expect(tokenErrorHint('invalid_request', 'The audience is not valid')).toMatch(/Management API is enabled/);
  });
});
