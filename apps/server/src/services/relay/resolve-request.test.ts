import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import type { ResolvedEnvironment } from '../environments/types.ts';
import { resolveRequest } from './resolve-request.ts';

const env: ResolvedEnvironment = {
  id: 'env-1',
  name: 'Test',
  businessDomain: 'https://acme.kinde.com',
  variables: { business_domain: 'acme.kinde.com', client_id: 'cid', client_secret: 'csecret-123', org: 'org_1' },
  secretValues: ['csecret-123'],
};

function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected an ApiError');
}

describe('resolveRequest', () => {
  it('fills variables, takes business_domain as the normalised origin and keeps a token slot', () => {
    const r = resolveRequest(
      { method: 'POST', url: '{{business_domain}}/api/v1/organization?code={{org}}', headers: [{ key: 'x-org', value: '{{org}}' }], body: { mode: 'json', json: '{"code":"{{org}}"}' } },
      env,
    );
    expect(r.url.href).toBe('https://acme.kinde.com/api/v1/organization?code=org_1');
    expect(r.outgoing.headers['x-org']).toBe('org_1');
    expect(r.outgoing.headers['content-type']).toBe('application/json');
    expect(r.outgoing.headers.authorization).toBe('Bearer ');
    expect(r.outgoing.body).toBe('{"code":"org_1"}');
    expect(r.credentials).toEqual({ businessDomain: 'https://acme.kinde.com', clientId: 'cid', clientSecret: 'csecret-123' });
  });

  it('needs no credentials for auth none and leaves the Authorization header to the user', () => {
    const r = resolveRequest({ method: 'GET', url: '/api/v1/users', auth: 'none', headers: [{ key: 'Authorization', value: 'Bearer mine' }] }, { ...env, variables: {} });
    expect(r.credentials).toBeUndefined();
    expect(r.outgoing.headers.authorization).toBe('Bearer mine');
    expect(r.url.href).toBe('https://acme.kinde.com/api/v1/users');
  });

  it('appends enabled query rows to the URL', () => {
    const r = resolveRequest({ method: 'GET', url: '/api/v1/users', query: [{ key: 'page_size', value: '5' }, { key: 'off', value: '1', enabled: false }] }, env);
    expect(r.url.search).toBe('?page_size=5');
  });

  it('names unresolved variables, a loop, a foreign target and missing credentials, all as 400s', () => {
    const unresolved = thrown(() => resolveRequest({ method: 'GET', url: '/x?a={{nope}}&b={{gone}}' }, env));
    expect([unresolved.status, unresolved.code]).toEqual([400, 'unresolved_variable']);
    expect(unresolved.message).toBe('Unresolved variables {{nope}}, {{gone}}: add them to the environment "Test" or the request.');

    const loop = thrown(() => resolveRequest({ method: 'GET', url: '/x?a={{a}}' }, { ...env, variables: { ...env.variables, a: '{{b}}', b: '{{a}}' } }));
    expect(loop.code).toBe('variable_loop');

    const foreign = thrown(() => resolveRequest({ method: 'GET', url: 'https://evil.test/api' }, env));
    expect([foreign.status, foreign.code]).toEqual([400, 'target_not_allowed']);

    const noSecret = thrown(() => resolveRequest({ method: 'GET', url: '/x' }, { ...env, variables: { client_id: 'cid' } }));
    expect(noSecret.code).toBe('missing_credentials');

    const noDomain = thrown(() => resolveRequest({ method: 'GET', url: '/x' }, { ...env, businessDomain: null }));
    expect(noDomain.code).toBe('missing_business_domain');
  });

  it('refuses a header with a line break before anything is sent', () => {
    const err = thrown(() => resolveRequest({ method: 'GET', url: '/x', headers: [{ key: 'x-a', value: 'a\r\nb' }] }, env));
    expect([err.status, err.code]).toEqual([400, 'bad_request']);
  });
});
