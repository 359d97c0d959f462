import { apiError } from '../../errors.ts';
import type { Ctx } from './context.ts';
import { nextTimestamp } from './timestamp.ts';
import { q } from './rows.ts';
import { renumberParent, type Placed } from './placement.ts';
import type { ReorderInput } from './schemas.ts';

const refuse = (message: string) => apiError(400, 'validation_failed', message);

/**
 * Moves and reorders folders and requests of one collection in a single transaction. Each item
 * names its new parent (null = top level) and its final index among that parent's children.
 * Every id must belong to the collection, and a folder cannot go inside itself or its subfolders.
 */
export function reorderItems(ctx: Ctx, collectionId: string, input: ReorderInput): Promise<void> {
  return ctx.data.transaction(async (trx) => {
    await ctx.requireCollection(trx, collectionId);
    const folders = new Map((await q.foldersOf(trx, collectionId)).map((f) => [f.id, f]));
    const requests = new Map((await q.requestsOf(trx, collectionId)).map((r) => [r.id, r]));

    const seen = new Set<string>();
    input.items.forEach((item, i) => {
      const where = `items.${i}`;
      if (seen.has(item.id)) throw refuse(`${where}.id: ${item.type} ${item.id} appears twice`);
      seen.add(item.id);
      if (!(item.type === 'folder' ? folders : requests).has(item.id)) throw refuse(`${where}.id: ${item.type} ${item.id} is not in this collection`);
      if (item.parentId !== null && !folders.has(item.parentId)) throw refuse(`${where}.parentId: folder ${item.parentId} is not in this collection`);
    });

    // Parents after the move; then walk up from every moved folder looking for itself.
    const parentOf = new Map([...folders.values()].map((f) => [f.id, f.parent_id]));
    for (const item of input.items) if (item.type === 'folder') parentOf.set(item.id, item.parentId);
    for (const item of input.items) {
      if (item.type !== 'folder') continue;
      let cursor = item.parentId;
      for (let steps = 0; cursor !== null && steps <= parentOf.size; steps++) {
        if (cursor === item.id) {
          const name = folders.get(item.id)!.name;
          throw refuse(`Folder “${name}” cannot be moved into itself or one of its own subfolders.`);
        }
        cursor = parentOf.get(cursor) ?? null;
      }
    }

    const now = nextTimestamp();
    const placedIn = new Map<string, Placed[]>();
    const affected = new Set<string>();
    for (const item of input.items) {
      const before = item.type === 'folder' ? folders.get(item.id)!.parent_id : requests.get(item.id)!.folder_id;
      affected.add(before ?? '');
      affected.add(item.parentId ?? '');
      if (before !== item.parentId) {
        if (item.type === 'folder') await trx.updateTable('folders').set({ parent_id: item.parentId, updated_at: now }).where('id', '=', item.id).execute();
        else await trx.updateTable('requests').set({ folder_id: item.parentId }).where('id', '=', item.id).execute();
      }
      const list = placedIn.get(item.parentId ?? '') ?? [];
      list.push({ type: item.type, id: item.id, position: item.position });
      placedIn.set(item.parentId ?? '', list);
    }
    for (const parent of affected) await renumberParent(trx, collectionId, parent === '' ? null : parent, placedIn.get(parent) ?? []);
    await q.touchCollection(trx, collectionId, now);
  });
}
