import { describe, expect, it } from 'vitest';
import type { CollectionView, TreeNode } from './collections-queries.ts';
import { collectionDrop, collectionStep, dropMove, folderOptions, placementAt, stepMove, visibleRows } from './tree-model.ts';

const req = (id: string, folderId: string | null, position: number): TreeNode => ({
  type: 'request', id, name: id, method: 'GET', url: `{{business_domain}}/api/v1/${id}`, folderId, position, updatedAt: '2025-01-01T00:00:00.000Z',
});
const folder = (id: string, parentId: string | null, position: number, items: TreeNode[]): TreeNode => ({
  type: 'folder', id, name: id, description: null, parentId, position, scripts: null, updatedAt: '', items,
});
const collection = (id: string, items: TreeNode[], position = 0): CollectionView => ({
  id, environmentId: 'env', name: id, description: null, variables: [], scripts: null, position, createdAt: '', updatedAt: '', items,
});

// users/ [list, get, members/ [orgUsers]], orgs/ [], ping
const kinde = collection('kinde', [
  folder('users', null, 0, [req('list', 'users', 0), req('get', 'users', 1), folder('members', 'users', 2, [req('orgUsers', 'members', 0)])]),
  folder('orgs', null, 1, []),
  req('ping', null, 2),
]);
const rowOf = (id: string, kind: 'folder' | 'request', parentId: string | null) => ({ id, kind, parentId, collectionId: 'kinde' });

describe('visibleRows', () => {
  it('shows children only under expanded collections and folders, with levels and positions', () => {
    const rows = visibleRows([kinde, collection('other', [req('x', null, 0)], 1)], new Set(['kinde', 'users']));
    expect(rows.map((r) => `${'  '.repeat(r.level - 1)}${r.name} ${r.posinset}/${r.setsize}`)).toEqual([
      'kinde 1/2',
      '  users 1/3',
      '    list 1/3',
      '    get 2/3',
      '    members 3/3',
      '  orgs 2/3',
      '  ping 3/3',
      'other 2/2',
    ]);
    expect(rows.find((r) => r.id === 'members')).toMatchObject({ expanded: false, childCount: 1, parentId: 'users' });
  });
});

describe('stepMove', () => {
  it('moves one step up or down among siblings and stops at the ends', () => {
    expect(stepMove(kinde, rowOf('get', 'request', 'users'), -1)).toEqual({ type: 'request', id: 'get', parentId: 'users', position: 0 });
    expect(stepMove(kinde, rowOf('list', 'request', 'users'), -1)).toBeNull();
    expect(stepMove(kinde, rowOf('ping', 'request', null), 1)).toBeNull();
    expect(stepMove(kinde, rowOf('orgs', 'folder', null), 1)).toEqual({ type: 'folder', id: 'orgs', parentId: null, position: 2 });
  });
});

describe('dropMove', () => {
  it('drops before, after and inside, counting positions without the dragged item', () => {
    expect(dropMove(kinde, rowOf('ping', 'request', null), rowOf('users', 'folder', null), 'before')).toEqual({ type: 'request', id: 'ping', parentId: null, position: 0 });
    expect(dropMove(kinde, rowOf('list', 'request', 'users'), rowOf('get', 'request', 'users'), 'after')).toEqual({ type: 'request', id: 'list', parentId: 'users', position: 1 });
    expect(dropMove(kinde, rowOf('ping', 'request', null), rowOf('members', 'folder', 'users'), 'inside')).toEqual({ type: 'request', id: 'ping', parentId: 'members', position: 1 });
    expect(dropMove(kinde, rowOf('orgUsers', 'request', 'members'), { kind: 'collection', id: 'kinde', parentId: null, collectionId: 'kinde' }, 'inside')).toEqual({ type: 'request', id: 'orgUsers', parentId: null, position: 3 });
  });

  it('refuses a folder into itself or its subfolder, other collections, and drops that change nothing', () => {
    expect(dropMove(kinde, rowOf('users', 'folder', null), rowOf('members', 'folder', 'users'), 'inside')).toBeNull();
    expect(dropMove(kinde, rowOf('users', 'folder', null), rowOf('orgUsers', 'request', 'members'), 'before')).toBeNull();
    expect(dropMove(kinde, rowOf('users', 'folder', null), rowOf('users', 'folder', null), 'inside')).toBeNull();
    expect(dropMove(kinde, rowOf('list', 'request', 'users'), { ...rowOf('x', 'request', null), collectionId: 'other' }, 'before')).toBeNull();
    expect(dropMove(kinde, rowOf('list', 'request', 'users'), rowOf('get', 'request', 'users'), 'before')).toBeNull();
  });
});

describe('placementAt', () => {
  it('splits requests in halves and folders in before / inside / after bands', () => {
    expect(placementAt('request', 0.4)).toBe('before');
    expect(placementAt('request', 0.6)).toBe('after');
    expect(placementAt('folder', 0.1)).toBe('before');
    expect(placementAt('folder', 0.5)).toBe('inside');
    expect(placementAt('folder', 0.9)).toBe('after');
    expect(placementAt('collection', 0.1)).toBe('inside');
  });
});

describe('collection order', () => {
  const list = [collection('a', []), collection('b', [], 1), collection('c', [], 2)];
  it('moves collections by drop and by keyboard', () => {
    expect(collectionDrop(list, 'c', 'a', 'before')).toEqual({ id: 'c', position: 0 });
    expect(collectionDrop(list, 'a', 'c', 'after')).toEqual({ id: 'a', position: 2 });
    expect(collectionDrop(list, 'a', 'b', 'before')).toBeNull();
    expect(collectionStep(list, 'b', 1)).toEqual({ id: 'b', position: 2 });
    expect(collectionStep(list, 'a', -1)).toBeNull();
  });
});

describe('folderOptions', () => {
  it('lists folders in tree order with depth', () => {
    expect(folderOptions(kinde)).toEqual([
      { id: 'users', name: 'users', depth: 0 },
      { id: 'members', name: 'members', depth: 1 },
      { id: 'orgs', name: 'orgs', depth: 0 },
    ]);
  });
});
