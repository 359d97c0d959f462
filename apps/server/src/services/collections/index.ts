import { collectionOps } from './collection-ops.ts';
import { createContext, type CollectionsDeps } from './context.ts';
import { itemOps } from './item-ops.ts';
import { reorderItems } from './reorder.ts';
import type { ReorderInput } from './schemas.ts';
import type { Restored } from './trash.ts';

export type { CollectionsDeps } from './context.ts';
export * from './schemas.ts';
export { TRASH_TTL_MS, type Restored } from './trash.ts';

/** Collections, folders and saved requests per environment, in the database; deletes can be undone. */
export function createCollectionsService(deps: CollectionsDeps) {
  const ctx = createContext(deps);
  const collections = collectionOps(ctx);
  const items = itemOps(ctx);
  return {
    ...collections,
    ...items,
    async reorder(collectionId: string, input: ReorderInput) {
      await reorderItems(ctx, collectionId, input);
      return collections.get(collectionId);
    },
    /** Undoes a delete within the trash window. */
    restore(token: string): Promise<Restored> {
      return ctx.data.transaction((trx) => ctx.trash.restore(trx, token));
    },
    /** Queries and lookups, for the importer and exporter that build on this service. */
    context: ctx,
  };
}
export type CollectionsService = ReturnType<typeof createCollectionsService>;
