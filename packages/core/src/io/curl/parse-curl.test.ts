import { describe, expect, it } from 'vitest';
import { parseCurl } from './parse-curl.ts';

function parse(cmd: string) {
  const r = parseCurl(cmd);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

// Kinde's docs, "Get an access token": the M2M token request.
const KINDE_TOKEN_REQUEST = `curl --request POST \\
  --url 'https://<your_subdomain>.kinde.com/oauth2/token' \\
  --header 'content-type: application/x-www-form-urlencoded' \\
  --data grant_type=client_credentials \\
  --data 'client_id=<your_m2m_client_id>' \\
  --data 'client_secret=<your_m2m_client_secret>' \\
  --data 'audience=https://<your_subdomain>.kinde.com/api'`;

// Kinde's docs: calling the API with the token.
const KINDE_USERS_REQUEST = `curl --request GET \\
  --url 'https://<your_subdomain>.kinde.com/api/v1/users' \\
  --header 'accept: application/json' \\
  --header 'authorization: Bearer <access_token>'`;

describe('parseCurl', () => {
  it("reads Kinde's token request as a form body, without the client secret", () => {
    const { request, report } = parse(KINDE_TOKEN_REQUEST);
    expect(request.request).toEqual({
      method: 'POST',
      url: '{{business_domain}}/oauth2/token',
      body: {
        mode: 'urlencoded',
        urlencoded: [
          { key: 'grant_type', value: 'client_credentials' },
          { key: 'client_id', value: '{{client_id}}' },
          { key: 'client_secret', value: '{{client_secret}}' },
          { key: 'audience', value: '{{business_domain}}/api' },
        ],
      },
      auth: 'none',
    });
    expect(JSON.stringify(request)).not.toContain('your_m2m_client_secret');
    expect(report.kept.join('\n')).toMatch(/explorer does this exchange itself/);
    expect(report.unmapped.join('\n')).toMatch(/client_secret value not imported/);
  });

  it("reads Kinde's users request with the M2M token instead of the pasted token", () => {
    const { request, report } = parse(KINDE_USERS_REQUEST);
    expect(request).toEqual({
      name: 'GET /api/v1/users',
      request: { method: 'GET', url: '{{business_domain}}/api/v1/users', headers: [{ key: 'accept', value: 'application/json' }], auth: 'kinde-m2m' },
    });
    expect(report.kept.join('\n')).toMatch(/token not imported: tokens are secrets/);
    expect(report.kept.join('\n')).toMatch(/URL origin 'https:\/\/<your_subdomain>\.kinde\.com' → \{\{business_domain\}\}/);
  });

  it('never keeps a real bearer token anywhere in the result', () => {
    const r = parse(`curl -H "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.real.token" https://acme.kinde.com/api/v1/roles`);
    expect(JSON.stringify(r)).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(r.request.request.auth).toBe('kinde-m2m');
  });

  it('joins several -d values with & and defaults to POST', () => {
    const { request } = parse(`curl https://a.test/x -d a=1 -d 'b=two words' --data-urlencode 'c=x&y'`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }, { key: 'b', value: 'two words' }, { key: 'c', value: 'x&y' }] });
  });

  it('moves data into the query with -G', () => {
    const { request } = parse(`curl -G https://acme.kinde.com/api/v1/users -d page_size=10 --data-urlencode 'email=a+b@c.d'`);
    expect(request.request.method).toBe('GET');
    expect(request.request.url).toBe('{{business_domain}}/api/v1/users?page_size=10&email=a%2Bb%40c.d');
    expect(request.request.body).toBeUndefined();
  });

  it('keeps a JSON body with its own content type, and --json as JSON', () => {
    const viaHeader = parse(`curl -X PATCH 'https://acme.kinde.com/api/v1/organization/org_1' -H 'Content-Type: application/json' --data-raw '{"name":"O'\\''Brien & Co"}'`);
    expect(viaHeader.request.request.body).toEqual({ mode: 'json', json: `{"name":"O'Brien & Co"}` });
    expect(viaHeader.request.request.headers).toBeUndefined();
    const viaJson = parse(`curl --json '{"a":1}' https://a.test/x`);
    expect(viaJson.request.request).toMatchObject({ method: 'POST', body: { mode: 'json', json: '{"a":1}' }, headers: [{ key: 'Accept', value: 'application/json' }] });
  });

  it('reads a JSON-looking body without Content-Type as JSON and says so', () => {
    const { request, report } = parse(`curl https://a.test -d '{"a":1}'`);
    expect(request.request.body).toEqual({ mode: 'json', json: '{"a":1}' });
    expect(report.kept.join('\n')).toMatch(/looks like JSON/);
  });

  it('keeps other content types as text', () => {
    const { request } = parse(`curl https://a.test -H 'Content-Type: text/csv' --data-binary 'a,b'`);
    expect(request.request.body).toEqual({ mode: 'text', text: 'a,b', contentType: 'text/csv' });
  });

  it('reads -F form fields, files included by name only', () => {
    const { request, report } = parse(`curl https://a.test -F name=Acme -F 'logo=@/tmp/logo.png;type=image/png' --form-string 'note=@not-a-file'`);
    expect(request.request.body).toEqual({
      mode: 'multipart',
      multipart: [
        { key: 'name', value: 'Acme' },
        { key: 'logo', value: '', fileName: 'logo.png', contentType: 'image/png' },
        { key: 'note', value: '@not-a-file' },
      ],
    });
    expect(report.unmapped).toContain("file part 'logo' — file content not imported, choose the file again");
  });

  it('reports -u credentials and ignored options without keeping them', () => {
    const { request, report } = parse(`curl -sSL --compressed -i -u admin:pa55 -o out.json https://a.test/x`);
    expect(JSON.stringify(request)).not.toContain('pa55');
    expect(request.request.url).toBe('https://a.test/x');
    expect(report.unmapped).toContain('basic auth credentials (-u) not imported — credentials are secrets');
    expect(report.kept).toContain('curl options ignored (they change how curl runs, not what it sends): -s, -S, -L, --compressed, -i, -o');
  });

  it('reads attached short options and --url', () => {
    const { request } = parse(`curl -XDELETE -H'X-A: 1' --url https://a.test/y`);
    expect(request.request).toEqual({ method: 'DELETE', url: 'https://a.test/y', headers: [{ key: 'X-A', value: '1' }], auth: 'none' });
  });

  it('uses the M2M token for a Kinde API call pasted without an Authorization header', () => {
    const { request, report } = parse(`curl https://acme.kinde.com/api/v1/organizations`);
    expect(request.request.auth).toBe('kinde-m2m');
    expect(report.kept.join('\n')).toMatch(/no Authorization header/);
  });

  it('replaces a client secret in a JSON body too', () => {
    const { request } = parse(`curl https://a.test -H 'content-type: application/json' -d '{"client_id":"x","client_secret":"s3cr3t"}'`);
    expect(request.request.body).toEqual({ mode: 'json', json: '{"client_id":"x","client_secret":"{{client_secret}}"}' });
  });

  it('refuses text that is not a curl command, and a command without URL', () => {
    expect(parseCurl('wget https://a.test').ok).toBe(false);
    const noUrl = parseCurl('curl -H "a: b"');
    expect(!noUrl.ok && noUrl.errors).toEqual(['no URL in the curl command']);
  });

  it("reads a browser's 'Copy as cURL' with $'…' bodies and double-quoted JSON without expanding $", () => {
    const chrome = parse(`curl 'https://acme.kinde.com/api/v1/user' \\\n  -H 'content-type: application/json' \\\n  --data-raw $'{"name":"O\\'Brien\\nX"}' \\\n  --compressed`);
    expect(chrome.request.request.body).toEqual({ mode: 'json', json: '{"name":"O\'Brien\nX"}' });
    const dq = parse(`curl -X PUT "https://a.test/x" -H "Content-Type: application/json" -d "{\\"home\\":\\"$HOME\\"}"`);
    expect(dq.request.request.body).toEqual({ mode: 'json', json: '{"home":"$HOME"}' });
  });

  it('accepts a leading shell prompt', () => {
    expect(parse('$ curl https://a.test').request.request.url).toBe('https://a.test');
  });
});
