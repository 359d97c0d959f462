import { describe, expect, it } from 'vitest';
import type { RequestTemplate } from '../model/request.ts';
import { interpolateRequest } from './interpolate-request.ts';

const vars = { business_domain: 'https://acme.kinde.com', org: 'org_1', token: 'abc' };

describe('interpolateRequest', () => {
  it('resolves url, query, headers and a JSON body', () => {
    const request: RequestTemplate = {
      method: 'POST',
      url: '{{business_domain}}/api/v1/organizations/{{org}}/users',
      query: [{ key: 'org', value: '{{org}}' }],
      headers: [{ key: 'x-{{org}}', value: 'Bearer {{token}}', enabled: true }],
      body: { mode: 'json', json: '{"code":"{{org}}"}' },
    };
    const r = interpolateRequest(request, vars);
    expect(r.ok && r.value).toEqual({
      method: 'POST',
      url: 'https://acme.kinde.com/api/v1/organizations/org_1/users',
      query: [{ key: 'org', value: 'org_1' }],
      headers: [{ key: 'x-org_1', value: 'Bearer abc', enabled: true }],
      body: { mode: 'json', json: '{"code":"org_1"}' },
    });
  });

  it('reports the union of unresolved names across all parts, skipping disabled rows', () => {
    const request: RequestTemplate = {
      method: 'PATCH',
      url: '{{business_domain}}/{{a}}',
      query: [{ key: 'q', value: '{{b}}' }, { key: 'off', value: '{{ignored}}', enabled: false }],
      headers: [{ key: 'h', value: '{{a}}{{c}}' }],
      body: { mode: 'urlencoded', urlencoded: [{ key: 'k', value: '{{d}}' }] },
    };
    const r = interpolateRequest(request, vars);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.unresolved).toEqual(['a', 'b', 'c', 'd']);
      expect(r.code).toBe('unresolved_variable');
    }
  });

  it('resolves text and multipart bodies but never rewrites file content', () => {
    const text = interpolateRequest({ method: 'POST', url: 'u', body: { mode: 'text', text: 'org={{org}}', contentType: 'text/plain' } }, vars);
    expect(text.ok && text.value.body).toEqual({ mode: 'text', text: 'org=org_1', contentType: 'text/plain' });
    const multi = interpolateRequest(
      {
        method: 'POST',
        url: 'u',
        body: { mode: 'multipart', multipart: [{ key: 'name', value: '{{org}}' }, { key: 'logo', value: 'raw {{bytes}}', fileName: '{{org}}.png' }] },
      },
      vars,
    );
    expect(multi.ok && multi.value.body).toEqual({
      mode: 'multipart',
      multipart: [{ key: 'name', value: 'org_1' }, { key: 'logo', value: 'raw {{bytes}}', fileName: 'org_1.png' }],
    });
  });

  it('does not change the template it was given', () => {
    const request: RequestTemplate = { method: 'GET', url: '{{business_domain}}', headers: [{ key: 'a', value: '{{org}}' }] };
    interpolateRequest(request, vars);
    expect(request.headers![0]!.value).toBe('{{org}}');
  });
});
