import { describe, expect, it } from 'vitest';
import { flattenSavedRequests } from './saved-requests.ts';

const request = (id: string, name: string) => ({ type: 'request' as const, id, name, method: 'GET', url: `{{business_domain}}/api/v1/${id}`, folderId: null, position: 0, updatedAt: '' });

describe('flattenSavedRequests', () => {
  it('lists requests of every collection and nested folder, in tree order', () => {
    const collections = [
      {
        id: 'c1',
        name: 'Users',
        items: [
          request('r1', 'List users'),
          { type: 'folder' as const, id: 'f1', name: 'Admin', description: null, parentId: null, position: 1, items: [request('r2', 'Suspend user')] },
        ],
      },
      { id: 'c2', name: 'Orgs', items: [request('r3', 'List orgs')] },
    ];
    expect(flattenSavedRequests(collections).map((r) => `${r.collectionName}/${r.name}`)).toEqual(['Users/List users', 'Users/Suspend user', 'Orgs/List orgs']);
  });
});
