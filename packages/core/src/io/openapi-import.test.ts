import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CollectionItem } from '../model/collection-item.ts';
import { postmanValidator } from './__fixtures__/postman-schema.ts';
import { importOpenApi } from './openapi-import.ts';
import { exportPostmanCollection } from './postman/export-collection.ts';
import { importPostmanCollection } from './postman/import-collection.ts';

function requests(items: CollectionItem[]): Extract<CollectionItem, { type: 'request' }>[] {
  return items.flatMap((i) => (i.type === 'request' ? [i] : requests(i.items)));
}

let kinde: ReturnType<typeof importOpenApi> | undefined;
function importKindeSpec() {
  kinde ??= importOpenApi(readFileSync(process.env.KINDE_SPEC!, 'utf8'));
  if (!kinde.ok) throw new Error(kinde.errors.join('; '));
  return kinde.value;
}

describe('importOpenApi', () => {
  it("imports Kinde's spec as one folder per tag with every operation", () => {
    const { collection, report } = importKindeSpec();
    expect(collection.name).toBe('Kinde Management API');
    expect(collection.items.every((i) => i.type === 'folder')).toBe(true);
    const all = requests(collection.items);
    expect(all.length).toBeGreaterThan(150);
    const users = collection.items.find((i) => i.name === 'Users');
    expect(users?.type === 'folder' && users.items.length).toBeGreaterThan(3);
    const listUsers = all.find((i) => i.request.method === 'GET' && i.request.url === '{{business_domain}}/api/v1/users');
    expect(listUsers?.request.auth).toBe('kinde-m2m');
    expect(listUsers?.request.query?.find((q) => q.key === 'page_size')).toMatchObject({ enabled: false });
    // Path params become variables, never the spec's `{name}` form.
    expect(all.some((i) => i.request.url.includes('{{user_id}}'))).toBe(true);
    expect(all.some((i) => /(?<!\{)\{[a-z_]+\}(?!\})/.test(i.request.url))).toBe(false);
    const createOrg = all.find((i) => i.request.method === 'POST' && i.request.url === '{{business_domain}}/api/v1/organization');
    expect(createOrg?.request.body?.mode).toBe('json');
    expect(report.kept).toContain("server 'https://{subdomain}.kinde.com' → {{business_domain}} (set business_domain in the environment)");
  });

  it("exports the imported Kinde spec as a valid Postman collection that reads back the same", () => {
    const { collection } = importKindeSpec();
    const exported = exportPostmanCollection(collection);
    const validate = postmanValidator();
    expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const again = importPostmanCollection(exported);
    expect(again.ok && again.value.collection).toEqual(collection);
  });

  it('keeps a server base path and groups untagged operations', () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Small', version: '1' },
      servers: [{ url: 'https://api.example.com/v2' }],
      paths: {
        '/things/{thing_id}': {
          delete: {
            operationId: 'deleteThing',
            summary: 'Delete a thing',
            parameters: [
              { name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'reason', in: 'query', required: true, schema: { type: 'string' } },
              { name: 'force', in: 'query', schema: { type: 'boolean' } },
            ],
            responses: { '204': { description: 'gone' } },
          },
        },
      },
    };
    const r = importOpenApi(JSON.stringify(spec));
    expect(r.ok && r.value.collection.items).toEqual([
      { type: 'folder', name: 'Other', items: [{ type: 'request', name: 'Delete a thing', request: { method: 'DELETE', url: '{{business_domain}}/v2/things/{{thing_id}}?reason={{reason}}', query: [{ key: 'force', value: '', enabled: false }], auth: 'none' } }] },
    ]);
  });

  it('says why a Swagger 2 document is refused', () => {
    const r = importOpenApi('swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join(' ')).toMatch(/Swagger/);
  });
});
