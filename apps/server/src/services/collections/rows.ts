import type { Database } from 'better-sqlite3';
import type { RequestTemplate } from '@kinde-explorer/core';
import type { CollectionView, FolderNode, FolderView, RequestSummary, RequestView, TreeNode } from './schemas.ts';

export interface CollectionRow {
  id: string;
  environment_id: string;
  name: string;
  description: string | null;
  variables_json: string;
  /** Scripts (core `Scripts`) as JSON, or null. */
  scripts_json: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}
export interface FolderRow {
  id: string;
  collection_id: string;
  parent_id: string | null;
  name: string;
  description: string | null;
  scripts_json: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}
export interface RequestRow {
  id: string;
  collection_id: string;
  folder_id: string | null;
  name: string;
  description: string | null;
  position: number;
  request_json: string;
  created_at: string;
  updated_at: string;
}

/** Prepared statements shared by the collection operations. */
export function prepareQueries(db: Database) {
  return {
    collection: db.prepare<[string], CollectionRow>('SELECT * FROM collections WHERE id = ?'),
    collectionsOfEnv: db.prepare<[string], CollectionRow>('SELECT * FROM collections WHERE environment_id = ? ORDER BY position, created_at'),
    foldersOfEnv: db.prepare<[string], FolderRow>(
      'SELECT f.* FROM folders f JOIN collections c ON c.id = f.collection_id WHERE c.environment_id = ? ORDER BY f.position, f.created_at',
    ),
    requestsOfEnv: db.prepare<[string], RequestRow>(
      'SELECT r.* FROM requests r JOIN collections c ON c.id = r.collection_id WHERE c.environment_id = ? ORDER BY r.position, r.created_at',
    ),
    foldersOf: db.prepare<[string], FolderRow>('SELECT * FROM folders WHERE collection_id = ? ORDER BY position, created_at'),
    requestsOf: db.prepare<[string], RequestRow>('SELECT * FROM requests WHERE collection_id = ? ORDER BY position, created_at'),
    folder: db.prepare<[string], FolderRow>('SELECT * FROM folders WHERE id = ?'),
    request: db.prepare<[string], RequestRow>('SELECT * FROM requests WHERE id = ?'),
    insertCollection: db.prepare(
      `INSERT INTO collections (id, environment_id, name, description, variables_json, scripts_json, position, created_at, updated_at)
       VALUES (@id, @environment_id, @name, @description, @variables_json, @scripts_json, @position, @created_at, @updated_at)`,
    ),
    insertFolder: db.prepare(
      `INSERT INTO folders (id, collection_id, parent_id, name, description, scripts_json, position, created_at, updated_at)
       VALUES (@id, @collection_id, @parent_id, @name, @description, @scripts_json, @position, @created_at, @updated_at)`,
    ),
    insertRequest: db.prepare(
      `INSERT INTO requests (id, collection_id, folder_id, name, description, position, request_json, created_at, updated_at)
       VALUES (@id, @collection_id, @folder_id, @name, @description, @position, @request_json, @created_at, @updated_at)`,
    ),
    nextCollectionPosition: db.prepare<[string], { p: number }>('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM collections WHERE environment_id = ?'),
    // Folders and requests share one order per parent (null parent = the collection's top level).
    nextItemPosition: db.prepare<{ c: string; p: string | null }, { p: number }>(
      `SELECT COALESCE(MAX(position), -1) + 1 AS p FROM (
         SELECT position FROM folders WHERE collection_id = @c AND parent_id IS @p
         UNION ALL SELECT position FROM requests WHERE collection_id = @c AND folder_id IS @p)`,
    ),
    touchCollection: db.prepare('UPDATE collections SET updated_at = ? WHERE id = ?'),
  };
}
export type Queries = ReturnType<typeof prepareQueries>;

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
      const node: FolderNode = { type: 'folder', id: f.id, name: f.name, description: f.description, parentId: f.parent_id, position: f.position, items: [] };
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
    position: c.position,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    items,
  };
}
