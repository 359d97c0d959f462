import type { Database } from 'better-sqlite3';
import { childrenByParent, type FolderRow, type RequestRow } from './rows.ts';

export interface Placed {
  type: 'folder' | 'request';
  id: string;
  /** The index it should end up at among its siblings. */
  position: number;
}

/**
 * Renumbers the children of one parent 0..n-1: the `placed` items land at their requested index
 * (clamped to the end), everything else keeps its relative order around them.
 */
export function renumberParent(db: Database, collectionId: string, parentId: string | null, placed: readonly Placed[]): void {
  const folders = db.prepare<[string, string | null], FolderRow>('SELECT * FROM folders WHERE collection_id = ? AND parent_id IS ?').all(collectionId, parentId);
  const requests = db.prepare<[string, string | null], RequestRow>('SELECT * FROM requests WHERE collection_id = ? AND folder_id IS ?').all(collectionId, parentId);
  const key = (type: string, id: string) => `${type}:${id}`;
  const placedKeys = new Set(placed.map((p) => key(p.type, p.id)));
  const order = (childrenByParent(folders, requests).get(parentId ?? '') ?? [])
    .map((c) => ({ type: c.type, id: c.row.id, position: c.row.position }))
    .filter((c) => !placedKeys.has(key(c.type, c.id)));
  for (const p of [...placed].sort((a, b) => a.position - b.position)) {
    order.splice(Math.min(p.position, order.length), 0, { type: p.type, id: p.id, position: -1 });
  }
  const setFolder = db.prepare('UPDATE folders SET position = ? WHERE id = ?');
  const setRequest = db.prepare('UPDATE requests SET position = ? WHERE id = ?');
  order.forEach((item, index) => {
    if (item.position === index) return;
    (item.type === 'folder' ? setFolder : setRequest).run(index, item.id);
  });
}
