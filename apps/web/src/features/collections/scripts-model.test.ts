import { describe, expect, it } from 'vitest';
import type { CollectionView } from './collections-queries.ts';
import { sameScripts, targetIn } from './scripts-model.ts';
import { hasScripts } from './tree-model.ts';

const collection: CollectionView = {
  id: 'c1', environmentId: 'e', name: 'Orgs', description: null, variables: [], scripts: { preRequest: '// c' }, position: 0, createdAt: '', updatedAt: 'u-c',
  items: [
    { type: 'folder', id: 'f1', name: 'Outer', description: null, parentId: null, position: 0, scripts: null, updatedAt: 'u-f1', items: [
      { type: 'folder', id: 'f2', name: 'Inner', description: null, parentId: 'f1', position: 0, scripts: { test: '// t' }, updatedAt: 'u-f2', items: [] },
    ] },
  ],
};

describe('scripts-model', () => {
  it('finds a collection’s or a nested folder’s scripts and version, and nothing for a folder that is gone', () => {
    expect(targetIn(collection)).toMatchObject({ kind: 'collection', scripts: { preRequest: '// c' }, updatedAt: 'u-c' });
    expect(targetIn(collection, 'f2')).toMatchObject({ kind: 'folder', folderId: 'f2', name: 'Inner', scripts: { test: '// t' }, updatedAt: 'u-f2' });
    expect(targetIn(collection, 'gone')).toBeUndefined();
  });

  it('counts a blank script as none', () => {
    expect(sameScripts(null, { preRequest: '  ', test: '' })).toBe(true);
    expect(sameScripts({ test: 'a' }, { test: 'a', preRequest: '' })).toBe(true);
    expect(sameScripts({ test: 'a' }, { test: 'b' })).toBe(false);
    expect(hasScripts({ test: '\n' })).toBe(false);
    expect(hasScripts({ preRequest: 'x' })).toBe(true);
  });
});
