import { describe, expect, it } from 'vitest';
import type { CollectionDoc } from '../../model/collection-doc.ts';
import { exportPostmanCollection } from './export-collection.ts';
import { importPostmanCollection } from './import-collection.ts';
import { postmanValidator } from '../__fixtures__/postman-schema.ts';

const doc: CollectionDoc = {
  version: 1,
  name: 'Every body',
  items: [
    {
      type: 'folder',
      name: 'Forms',
      items: [
        {
          type: 'request',
          name: 'urlencoded',
          request: { method: 'POST', url: '{{business_domain}}/api/v1/x', body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }, { key: 'b', value: '', enabled: false }] }, auth: 'kinde-m2m' },
        },
        {
          type: 'request',
          name: 'multipart',
          request: {
            method: 'PUT',
            url: '{{business_domain}}/api/v1/y',
            body: { mode: 'multipart', multipart: [{ key: 'name', value: 'n' }, { key: 'logo', value: '', fileName: 'logo.png', contentType: 'image/png' }] },
            auth: 'kinde-m2m',
          },
        },
      ],
    },
    { type: 'request', name: 'plain text', request: { method: 'POST', url: 'https://a.test:8443/p?x', body: { mode: 'text', text: 'hello' }, auth: 'none' } },
    { type: 'request', name: 'xml', request: { method: 'POST', url: 'https://a.test/q', body: { mode: 'text', text: '<a/>', contentType: 'application/xml' }, auth: 'none' } },
    {
      type: 'request',
      name: 'disabled query',
      description: 'has **markdown**',
      request: { method: 'GET', url: '{{business_domain}}/api/v1/users', query: [{ key: 'page_size', value: '5', enabled: false }], auth: 'kinde-m2m' },
    },
  ],
  variables: [{ key: 'a', value: '1' }, { key: 'b', value: '2', enabled: false }],
};

describe('exportPostmanCollection', () => {
  it('writes every body mode in a schema-valid way and reads it back unchanged', () => {
    const exported = exportPostmanCollection(doc);
    const validate = postmanValidator();
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    const again = importPostmanCollection(exported);
    expect(again.ok && again.value.collection).toEqual(doc);
  });

  it('puts the Kinde M2M setup on the collection with variable references, never values', () => {
    const exported = exportPostmanCollection(doc);
    expect(exported.auth).toMatchObject({ type: 'oauth2' });
    const attrs = Object.fromEntries((exported.auth as { oauth2: { key: string; value: unknown }[] }).oauth2.map((a) => [a.key, a.value]));
    expect(attrs).toMatchObject({
      grant_type: 'client_credentials',
      accessTokenUrl: '{{business_domain}}/oauth2/token',
      clientId: '{{client_id}}',
      clientSecret: '{{client_secret}}',
      tokenRequestParams: [{ key: 'audience', value: '{{business_domain}}/api', enabled: true, send_as: 'request_body' }],
    });
  });

  it('marks requests without auth as noauth and lets M2M requests inherit', () => {
    const exported = exportPostmanCollection(doc);
    const plain = exported.item.find((i) => i.name === 'plain text');
    const users = exported.item.find((i) => i.name === 'disabled query');
    expect(plain && 'request' in plain && plain.request.auth).toEqual({ type: 'noauth' });
    expect(users && 'request' in users && users.request.auth).toBeUndefined();
  });
});
