import { describe, expect, it } from 'vitest';
import { loadSpecSync } from './load-spec.ts';
import { allScopes, listOperations, matchOperation } from './operations.ts';

describe('spec operations', () => {
  const doc = loadSpecSync(process.env.KINDE_SPEC!);

  it('parses the spec once per path', () => {
    expect(loadSpecSync(process.env.KINDE_SPEC!)).toBe(doc);
  });

  it('finds a scope for every operation but the public key check, from x-scope or the description', () => {
    const ops = listOperations(doc);
    expect(ops).toHaveLength(183);
    expect(ops.filter((o) => !o.scope).map((o) => `${o.method} ${o.path}`)).toEqual(['POST /api/v1/api_keys/verify']);
    expect(ops.find((o) => o.method === 'GET' && o.path === '/api/v1/webhooks')?.scope).toBe('read:webhooks');
    expect(allScopes(doc)).toContain('read:users');
  });

  it('prefers literal segments over path parameters when matching', () => {
    const { match } = matchOperation(doc, 'GET', '/api/v1/organizations/org_1/users/kp_1/roles');
    expect(match?.operation.path).toBe('/api/v1/organizations/{org_code}/users/{user_id}/roles');
    expect(match?.params).toEqual({ org_code: 'org_1', user_id: 'kp_1' });
    const count = matchOperation(doc, 'GET', '/api/v1/organizations/o/roles/r/users/count');
    expect(count.match?.operation.path).toBe('/api/v1/organizations/{org_code}/roles/{role_id}/users/count');
  });

  it('tells an unknown path from a known path with another method', () => {
    expect(matchOperation(doc, 'GET', '/api/v1/nothing').pathMatched).toBe(false);
    const wrongMethod = matchOperation(doc, 'PUT', '/api/v1/users');
    expect(wrongMethod).toEqual({ match: null, pathMatched: true });
  });
});
