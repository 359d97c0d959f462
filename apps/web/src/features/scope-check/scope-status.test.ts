import { describe, expect, it } from 'vitest';
import { missingScopeAfter403, scopeStatus } from './scope-status.ts';

describe('scopeStatus', () => {
  it('flags a scope the token does not grant', () => {
    expect(scopeStatus('create:organizations', true, ['read:users'])).toEqual({ kind: 'missing', scope: 'create:organizations' });
  });

  it('confirms a granted scope', () => {
    expect(scopeStatus('read:users', true, ['read:users', 'create:users'])).toEqual({ kind: 'granted', scope: 'read:users' });
  });

  it('says unknown until the token has been checked', () => {
    expect(scopeStatus('read:users', true, null)).toEqual({ kind: 'unknown', scope: 'read:users' });
  });

  it('never flags public endpoints or operations without a documented scope', () => {
    expect(scopeStatus('read:users', false, []).kind).toBe('public');
    expect(scopeStatus(null, true, []).kind).toBe('no-scope');
  });
});

describe('missingScopeAfter403', () => {
  it('reads the scope from Kinde’s error message', () => {
    const body = JSON.stringify({ errors: [{ code: 'FORBIDDEN', message: 'Missing scope read:organizations' }] });
    expect(missingScopeAfter403(body, 'read:users')).toBe('read:organizations');
  });

  it('falls back to the scope the operation documents', () => {
    expect(missingScopeAfter403(JSON.stringify({ errors: [{ code: 'FORBIDDEN', message: 'Forbidden' }] }), 'delete:users')).toBe('delete:users');
    expect(missingScopeAfter403('<html>403</html>', 'read:roles')).toBe('read:roles');
  });

  it('returns null when nothing names a scope', () => {
    expect(missingScopeAfter403('{"errors":[{"message":"Forbidden"}]}', null)).toBeNull();
  });
});
