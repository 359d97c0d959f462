import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Db, Schema } from '../storage/index.ts';
import type { CollectionsTable, FoldersTable, RequestsTable } from '../storage/schema.ts';
import type { RequestTemplate } from '@kinde-explorer/core';
import { storedScripts } from './stored-scripts.ts';
import type { CollectionView, FolderNode, FolderView, RequestSummary, RequestView, TreeNode } from './schemas.ts';

// One row type per table, read from the storage schema rather than written again here.
export type CollectionRow = Selectable<CollectionsTable>;
export type FolderRow = Selectable<FoldersTable>;
export type RequestRow = Selectable<RequestsTable>;

/**
 * The queries the collection operations share, on the database or inside a transaction (`ex`).
 * Folders and requests share one order per parent (null parent = the collection's top level).
 */
export const q = {
  collection: (ex: Db, id: string) => ex.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirst(),
  collectionsOfEnv: (ex: Db, environmentId: string) =>
    ex.selectFrom('collections').selectAll().where('environment_id', '=', environmentId).orderBy('position').orderBy('created_at').execute(),
  foldersOfEnv: (ex: Db, environmentId: string) =>
    ex
      .selectFrom('folders as f')
      .innerJoin('collections as c', 'c.id', 'f.collection_id')
      .selectAll('f')
      .where('c.environment_id', '=', environmentId)
      .orderBy('f.position')
      .orderBy('f.created_at')
      .execute(),
  requestsOfEnv: (ex: Db, environmentId: string) =>
    ex
      .selectFrom('requests as r')
      .innerJoin('collections as c', 'c.id', 'r.collection_id')
      .selectAll('r')
      .where('c.environment_id', '=', environmentId)
      .orderBy('r.position')
      .orderBy('r.created_at')
      .execute(),
  foldersOf: (ex: Db, collectionId: string) =>
    ex.selectFrom('folders').selectAll().where('collection_id', '=', collectionId).orderBy('position').orderBy('created_at').execute(),
  requestsOf: (ex: Db, collectionId: string) =>
    ex.selectFrom('requests').selectAll().where('collection_id', '=', collectionId).orderBy('position').orderBy('created_at').execute(),
  folder: (ex: Db, id: string) => ex.selectFrom('folders').selectAll().where('id', '=', id).executeTakeFirst(),
  request: (ex: Db, id: string) => ex.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst(),
  insertCollection: (ex: Db, row: CollectionRow) => ex.insertInto('collections').values(pickCollection(row)).execute(),
  insertFolder: (ex: Db, row: FolderRow) => ex.insertInto('folders').values(pickFolder(row)).execute(),
  insertRequest: (ex: Db, row: RequestRow) => ex.insertInto('requests').values(pickRequest(row)).execute(),
  async nextCollectionPosition(ex: Db, environmentId: string): Promise<number> {
    const row = await ex
      .selectFrom('collections')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('environment_id', '=', environmentId)
      .executeTakeFirst();
    return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
  },
  async nextItemPosition(ex: Db, collectionId: string, parentId: string | null): Promise<number> {
    const [folders, requests] = await Promise.all([
      ex.selectFrom('folders').select((eb) => eb.fn.max('position').as('p')).where('collection_id', '=', collectionId).where(isParent('parent_id', parentId)).executeTakeFirst(),
      ex.selectFrom('requests').select((eb) => eb.fn.max('position').as('p')).where('collection_id', '=', collectionId).where(isParent('folder_id', parentId)).executeTakeFirst(),
    ]);
    const max = Math.max(-1, ...[folders?.p, requests?.p].filter((p) => p !== null && p !== undefined).map(Number));
    return max + 1;
  },
  touchCollection: (ex: Db, id: string, now: string) => ex.updateTable('collections').set({ updated_at: now }).where('id', '=', id).execute(),
};

/** `column = parent`, or `column IS NULL` for the top level (`=` never matches NULL). */
export function isParent<C extends 'parent_id' | 'folder_id'>(column: C, parentId: string | null) {
  return (eb: ExpressionBuilder<Schema, 'folders' | 'requests'>) =>
    parentId === null ? eb(sql.ref(column), 'is', null) : eb(sql.ref(column), '=', parentId);
}

// Rows come back from the trash as JSON; insert exactly the table's columns, nothing extra.
const pickCollection = (r: CollectionRow): CollectionRow => ({
  id: r.id,
  environment_id: r.environment_id,
  name: r.name,
  description: r.description,
  variables_json: r.variables_json,
  // Rows trashed before scripts were stored have none.
  scripts_json: r.scripts_json ?? null,
  position: r.position,
  created_at: r.created_at,
  updated_at: r.updated_at,
});
const pickFolder = (r: FolderRow): FolderRow => ({
  id: r.id,
  collection_id: r.collection_id,
  parent_id: r.parent_id,
  name: r.name,
  description: r.description,
  scripts_json: r.scripts_json ?? null,
  position: r.position,
  created_at: r.created_at,
  updated_at: r.updated_at,
});
const pickRequest = (r: RequestRow): RequestRow => ({
  id: r.id,
  collection_id: r.collection_id,
  folder_id: r.folder_id,
  name: r.name,
  description: r.description,
  position: r.position,
  request_json: r.request_json,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

export function toRequestSummary(r: RequestRow): RequestSummary {
  const t = JSON.parse(r.request_json) as RequestTemplate;
  return { type: 'request', id: r.id, name: r.name, method: t.method, url: t.url, folderId: r.folder_id, position: r.position, updatedAt: r.updated_at };
}

export function toRequestView(r: RequestRow): RequestView {
  return {
    id: r.id,
    collectionId: r.collection_id,
    folderId: r.folder_id,
    name: r.name,
    description: r.description,
    position: r.position,
    request: JSON.parse(r.request_json) as RequestTemplate,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toFolderView(f: FolderRow): FolderView {
  return {
    id: f.id,
    collectionId: f.collection_id,
    parentId: f.parent_id,
    name: f.name,
    description: f.description,
    scripts: storedScripts(f.scripts_json),
    position: f.position,
    createdAt: f.created_at,
    updatedAt: f.updated_at,
  };
}

/** Items of each parent (key: folder id, or '' for the top level), ordered by position. */
export function childrenByParent(folders: readonly FolderRow[], requests: readonly RequestRow[]) {
  const byParent = new Map<string, ({ type: 'folder'; row: FolderRow } | { type: 'request'; row: RequestRow })[]>();
  const push = (parent: string | null, item: { type: 'folder'; row: FolderRow } | { type: 'request'; row: RequestRow }) => {
    const key = parent ?? '';
    const list = byParent.get(key);
    if (list) list.push(item);
    else byParent.set(key, [item]);
  };
  for (const row of folders) push(row.parent_id, { type: 'folder', row });
  for (const row of requests) push(row.folder_id, { type: 'request', row });
  // Folders before requests on equal positions, then by creation: stable even after odd writes.
  for (const list of byParent.values()) {
    list.sort((a, b) => a.row.position - b.row.position || (a.type === b.type ? a.row.created_at.localeCompare(b.row.created_at) : a.type === 'folder' ? -1 : 1));
  }
  return byParent;
}

/** The nested tree of one collection's rows. */
export function buildTree(folders: readonly FolderRow[], requests: readonly RequestRow[]): TreeNode[] {
  const byParent = childrenByParent(folders, requests);
  const build = (parent: string): TreeNode[] =>
    (byParent.get(parent) ?? []).map((item): TreeNode => {
      if (item.type === 'request') return toRequestSummary(item.row);
      const f = item.row;
      const node: FolderNode = { type: 'folder', id: f.id, name: f.name, description: f.description, parentId: f.parent_id, position: f.position, scripts: storedScripts(f.scripts_json), updatedAt: f.updated_at, items: [] };
      node.items = build(f.id);
      return node;
    });
  return build('');
}

export function toCollectionView(c: CollectionRow, items: TreeNode[]): CollectionView {
  return {
    id: c.id,
    environmentId: c.environment_id,
    name: c.name,
    description: c.description,
    variables: JSON.parse(c.variables_json) as CollectionView['variables'],
    scripts: storedScripts(c.scripts_json),
    position: c.position,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    items,
  };
}
