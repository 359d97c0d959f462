import type { Db } from '../storage/index.ts';
import { childrenByParent, isParent } from './rows.ts';

export interface Placed {
  type: 'folder' | 'request';
  id: string;
  /** The index it should end up at among its siblings. */
  position: number;
}

/**
 * Renumbers the children of one parent 0..n-1: the `placed` items land at their requested index
 * (clamped to the end), everything else keeps its relative order around them. Runs in `trx`.
 */
export async function renumberParent(trx: Db, collectionId: string, parentId: string | null, placed: readonly Placed[]): Promise<void> {
  const [folders, requests] = await Promise.all([
    trx.selectFrom('folders').selectAll().where('collection_id', '=', collectionId).where(isParent('parent_id', parentId)).execute(),
    trx.selectFrom('requests').selectAll().where('collection_id', '=', collectionId).where(isParent('folder_id', parentId)).execute(),
  ]);
  const key = (type: string, id: string) => `${type}:${id}`;
  const placedKeys = new Set(placed.map((p) => key(p.type, p.id)));
  const order = (childrenByParent(folders, requests).get(parentId ?? '') ?? [])
    .map((c) => ({ type: c.type, id: c.row.id, position: c.row.position }))
    .filter((c) => !placedKeys.has(key(c.type, c.id)));
  for (const p of [...placed].sort((a, b) => a.position - b.position)) {
    order.splice(Math.min(p.position, order.length), 0, { type: p.type, id: p.id, position: -1 });
  }
  for (const [index, item] of order.entries()) {
    if (item.position === index) continue;
    await trx.updateTable(item.type === 'folder' ? 'folders' : 'requests').set({ position: index }).where('id', '=', item.id).execute();
  }
}
