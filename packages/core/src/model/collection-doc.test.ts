import { describe, expect, it } from 'vitest';
import { COLLECTION_DOC_VERSION, collectionDocSchema, parseCollectionDoc } from './collection-doc.ts';

const items = [
  { type: 'folder', name: 'Users', items: [{ type: 'request', name: 'List users', request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } }] },
];

describe('parseCollectionDoc', () => {
  it('migrates a document written before versions to the current version, losing nothing', () => {
    const parsed = parseCollectionDoc({ name: 'Kinde', description: 'old', items, variables: [{ key: 'org', value: 'o1' }] });
    expect(parsed).toEqual({
      ok: true,
      value: { version: COLLECTION_DOC_VERSION, name: 'Kinde', description: 'old', items, variables: [{ key: 'org', value: 'o1' }] },
    });
    if (parsed.ok) expect(collectionDocSchema.safeParse(parsed.value).success).toBe(true);
  });

  it('reads a current document as it is', () => {
    const doc = { version: 1, name: 'Kinde', items, variables: [] };
    expect(parseCollectionDoc(doc)).toEqual({ ok: true, value: doc });
  });

  it('refuses a newer version than it knows, saying to update', () => {
    const parsed = parseCollectionDoc({ version: 99, name: 'Future', items: [], variables: [] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/format version 99.*update the explorer/);
  });

  it('names where an invalid document goes wrong', () => {
    const parsed = parseCollectionDoc({ version: 1, name: 'Bad', items: [{ type: 'request', name: 'x', request: { method: 'FETCH', url: 'u' } }], variables: [] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/version 1\) at items\.0/);
  });

  it('refuses a version that is not a number', () => {
    const parsed = parseCollectionDoc({ version: 'one', name: 'x', items: [], variables: [] });
    expect(parsed.ok).toBe(false);
  });
});
