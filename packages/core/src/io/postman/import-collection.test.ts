import { describe, expect, it } from 'vitest';
import type { CollectionItem } from '../../model/collection-item.ts';
import { importPostmanCollection } from './import-collection.ts';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

function collection(item: unknown[], extra: Record<string, unknown> = {}) {
  return { info: { name: 'C', schema: SCHEMA }, item, ...extra };
}

function requests(items: CollectionItem[]): Extract<CollectionItem, { type: 'request' }>[] {
  return items.flatMap((i) => (i.type === 'request' ? [i] : requests(i.items)));
}

function run(json: unknown) {
  const r = importPostmanCollection(json);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return { reqs: requests(r.value.collection.items), ...r.value };
}

describe('importPostmanCollection', () => {
  it('resolves auth through folder and collection inheritance', () => {
    const oauth = { type: 'oauth2', oauth2: [{ key: 'grant_type', value: 'client_credentials' }] };
    const { reqs } = run(
      collection(
        [
          { name: 'inherits collection', request: { method: 'GET', url: 'https://x.kinde.com/api/v1/a' } },
          {
            name: 'Public',
            auth: { type: 'noauth' },
            item: [
              { name: 'inherits folder', request: { method: 'GET', url: '{{business_domain}}/b' } },
              { name: 'own bearer', request: { method: 'GET', url: '{{business_domain}}/c', auth: { type: 'bearer', bearer: [{ key: 'token', value: 'eyJ.secret' }] } } },
            ],
          },
        ],
        { auth: oauth },
      ),
    );
    expect(reqs.map((r) => [r.name, r.request.auth])).toEqual([
      ['inherits collection', 'kinde-m2m'],
      ['inherits folder', 'none'],
      ['own bearer', 'kinde-m2m'],
    ]);
    expect(JSON.stringify(reqs)).not.toContain('eyJ.secret');
  });

  it('reads v2.0 auth written as an object map and reports a literal client secret', () => {
    const { reqs, report } = run(
      collection([{ name: 'r', request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } }], {
        auth: { type: 'oauth2', oauth2: { grant_type: 'client_credentials', clientId: 'abc', clientSecret: 'hunter2-value' } },
      }),
    );
    expect(reqs[0]?.request.auth).toBe('kinde-m2m');
    expect(report.unmapped.join('\n')).toMatch(/client secret on collection 'C' not imported/);
    expect(JSON.stringify(reqs)).not.toContain('hunter2-value');
  });

  it('keeps requests without auth for unsupported schemes and says so', () => {
    const { reqs, report } = run(
      collection([
        { name: 'Digest', request: { method: 'GET', url: 'https://a.test/x', auth: { type: 'digest', digest: [] } } },
        { name: 'Code', request: { method: 'GET', url: 'https://a.test/y', auth: { type: 'oauth2', oauth2: [{ key: 'grant_type', value: 'authorization_code' }] } } },
      ]),
    );
    expect(reqs.map((r) => r.request.auth)).toEqual(['none', 'none']);
    expect(report.unmapped).toContain("auth type 'digest' on request 'Digest' — not supported, request kept without auth");
    expect(report.unmapped.join('\n')).toMatch(/grant 'authorization_code'/);
  });

  it('turns a Bearer Authorization header into the M2M token and drops the header', () => {
    const { reqs, report } = run(
      collection([{ name: 'h', request: { method: 'GET', url: '{{business_domain}}/api/v1/users', header: [{ key: 'Authorization', value: 'Bearer abc.def' }, { key: 'Accept', value: '*/*' }] } }]),
    );
    expect(reqs[0]?.request.auth).toBe('kinde-m2m');
    expect(reqs[0]?.request.headers).toEqual([{ key: 'Accept', value: '*/*' }]);
    expect(report.kept.join('\n')).toMatch(/token not imported/);
  });

  it('imports scripts for the runner and reports saved examples without importing them', () => {
    const { reqs, report } = run(
      collection([
        {
          name: 'scripted',
          event: [{ listen: 'test', script: { exec: ['pm.test("ok", () => {})'] } }],
          request: { method: 'GET', url: 'https://a.test' },
          response: [{ name: 'example' }],
        },
      ]),
    );
    expect(reqs[0]?.request.scripts).toEqual({ test: 'pm.test("ok", () => {})' });
    expect(report.kept).toContain("test script of request 'scripted' → run by the collection runner");
    expect(report.unmapped).toEqual(["1 saved example response(s) on request 'scripted' — not imported"]);
  });

  it('maps body modes: urlencoded, form data with a file, GraphQL, text with a language', () => {
    const { reqs, report } = run(
      collection([
        { name: 'u', request: { method: 'POST', url: 'https://a.test', body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }, { key: 'b', value: '2', disabled: true }] } } },
        {
          name: 'f',
          request: { method: 'POST', url: 'https://a.test', body: { mode: 'formdata', formdata: [{ key: 'name', value: 'x', type: 'text' }, { key: 'logo', src: '/home/me/logo.png', type: 'file' }] } },
        },
        { name: 'g', request: { method: 'POST', url: 'https://a.test', body: { mode: 'graphql', graphql: { query: '{ me { id } }', variables: '{"a":1}' } } } },
        { name: 'x', request: { method: 'POST', url: 'https://a.test', body: { mode: 'raw', raw: '<a/>', options: { raw: { language: 'xml' } } } } },
      ]),
    );
    expect(reqs.map((r) => r.request.body)).toEqual([
      { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }, { key: 'b', value: '2', enabled: false }] },
      { mode: 'multipart', multipart: [{ key: 'name', value: 'x' }, { key: 'logo', value: '', fileName: 'logo.png' }] },
      { mode: 'text', text: JSON.stringify({ query: '{ me { id } }', variables: { a: 1 } }, null, 2), contentType: 'application/json' },
      { mode: 'text', text: '<a/>', contentType: 'application/xml' },
    ]);
    expect(report.unmapped).toContain("file part 'logo' on request 'f' — file content not imported, choose the file again");
    expect(report.kept.join('\n')).toMatch(/GraphQL body on request 'g'/);
  });

  it('reads v2.0 shapes: request as a URL string, headers as text, URL without raw', () => {
    const { reqs } = run(
      collection([
        { name: 's', request: 'https://example-co.kinde.com/api/v1/roles' },
        { name: 'h', request: { method: 'get', url: { host: ['api', 'example', 'com'], protocol: 'https', path: ['v1', 'x'], query: [{ key: 'q', value: '1' }] }, header: 'Accept: text/plain\nX-A: b' } },
      ]),
    );
    expect(reqs.map((r) => [r.request.method, r.request.url, r.request.headers])).toEqual([
      ['GET', '{{business_domain}}/api/v1/roles', undefined],
      ['GET', 'https://api.example.com/v1/x?q=1', [{ key: 'Accept', value: 'text/plain' }, { key: 'X-A', value: 'b' }]],
    ]);
  });

  it('fills path variables that have a value and keeps secret-looking collection variables out', () => {
    const { reqs, collection: doc, report } = run(
      collection(
        [{ name: 'p', request: { method: 'DELETE', url: { raw: 'https://a.test/users/:id/roles/:role', variable: [{ key: 'id', value: '42' }, { key: 'role' }] } } }],
        { variable: [{ key: 'client_secret', value: 'shh' }, { key: 'x', value: 3, disabled: true }] },
      ),
    );
    expect(reqs[0]?.request.url).toBe('https://a.test/users/42/roles/{{role}}');
    expect(doc.variables).toEqual([{ key: 'x', value: '3', enabled: false }]);
    expect(report.unmapped.join('\n')).toMatch(/variable 'client_secret'/);
  });

  it("rewrites the Kinde guide's {{business_domain}}.kinde.com URLs to the explorer's whole-origin variable", () => {
    const { reqs, report } = run(collection([{ name: 'u', request: { method: 'GET', url: 'https://{{business_domain}}.kinde.com/api/v1/users' } }]));
    expect(reqs[0]?.request.url).toBe('{{business_domain}}/api/v1/users');
    expect(report.kept.join('\n')).toMatch(/set business_domain to https:\/\/<your_subdomain>\.kinde\.com/);
  });

  it('skips requests with methods the explorer cannot send, and says which', () => {
    const { reqs, report } = run(collection([{ name: 'l', request: { method: 'LINK', url: 'https://a.test' } }]));
    expect(reqs).toEqual([]);
    expect(report.unmapped).toEqual(["request 'l' uses method 'LINK' — not supported, request skipped"]);
  });

  it('refuses a v1 collection with a message that says how to fix it', () => {
    const r = importPostmanCollection({ id: 'x', name: 'old', requests: [], order: [] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/Collection v2\.1/);
  });
});
