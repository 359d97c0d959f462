import { describe, expect, it } from 'vitest';
import type { RequestTemplate } from '../../model/request.ts';
import { parseCurl } from './parse-curl.ts';
import { toCurl } from './to-curl.ts';

function roundTrip(r: RequestTemplate): RequestTemplate | undefined {
  const parsed = parseCurl(toCurl(r));
  return parsed.ok ? parsed.value.request.request : undefined;
}

describe('toCurl', () => {
  it("writes a Kinde API call the way Kinde's docs do, with a token placeholder", () => {
    const out = toCurl({ method: 'GET', url: '{{business_domain}}/api/v1/users', headers: [{ key: 'accept', value: 'application/json' }], auth: 'kinde-m2m' });
    expect(out).toBe(
      [
        'curl --request GET',
        "--url '{{business_domain}}/api/v1/users'",
        "--header 'accept: application/json'",
        "--header 'authorization: Bearer <m2m_access_token>'",
      ].join(' \\\n  '),
    );
  });

  it('leaves out disabled rows and the Authorization header of the template', () => {
    const out = toCurl({
      method: 'GET',
      url: 'https://a.test/x',
      query: [{ key: 'a', value: '1' }, { key: 'b', value: '2', enabled: false }],
      headers: [{ key: 'Authorization', value: 'Bearer leaked' }, { key: 'X-Off', value: '1', enabled: false }],
      auth: 'none',
    });
    expect(out).toBe("curl --request GET \\\n  --url 'https://a.test/x?a=1'");
  });

  it.each<[string, RequestTemplate]>([
    ['json with a quote', { method: 'POST', url: 'https://a.test/x', body: { mode: 'json', json: `{"name":"O'Brien"}` }, auth: 'none' }],
    ['form rows', { method: 'POST', url: 'https://a.test/x', body: { mode: 'urlencoded', urlencoded: [{ key: 'grant_type', value: 'client_credentials' }, { key: 'audience', value: '{{business_domain}}/api' }, { key: 'q', value: 'a b&c' }] }, auth: 'none' }],
    ['multipart', { method: 'PUT', url: 'https://a.test/x', body: { mode: 'multipart', multipart: [{ key: 'a', value: 'x;y' }, { key: 'f', value: '', fileName: 'f.png', contentType: 'image/png' }] }, auth: 'none' }],
    ['text', { method: 'POST', url: 'https://a.test/x', headers: [{ key: 'X-A', value: '1' }], body: { mode: 'text', text: '@literal\nline', contentType: 'text/plain' }, auth: 'none' }],
    ['m2m', { method: 'DELETE', url: '{{business_domain}}/api/v1/user?id={{user_id}}', auth: 'kinde-m2m' }],
  ])('reads back what it writes: %s', (_name, r) => {
    const back = roundTrip(r);
    // A text body's content type travels as a header.
    const expected = r.body?.mode === 'text' ? { ...r, headers: [...(r.headers ?? []), { key: 'content-type', value: 'text/plain' }] } : r;
    expect(back).toEqual(expected);
  });
});
