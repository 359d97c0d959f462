import type { QueryClient } from '@tanstack/react-query';
import { showToast } from '../command-palette/toast.tsx';
import { collectionKeys, deleteItem, restoreDeleted, type DeleteTarget } from './collections-queries.ts';

/**
 * Deletes at once and offers "Undo" for a while instead of asking first (the server keeps the
 * subtree for 10 minutes). Tabs opened from a deleted request keep their drafts; after an undo
 * they save into it again, since a restore keeps the ids.
 */
export async function deleteWithUndo(queryClient: QueryClient, environmentId: string, target: DeleteTarget): Promise<void> {
  const refresh = () => queryClient.invalidateQueries({ queryKey: collectionKeys.list(environmentId) });
  try {
    const deleted = await deleteItem(target);
    await refresh();
    showToast(`Deleted ${target.kind} “${target.name}”.`, 'info', {
      action: {
        label: 'Undo',
        run: () => {
          restoreDeleted(deleted.undoToken)
            .then(async (restored) => {
              await queryClient.invalidateQueries({ queryKey: collectionKeys.list(restored.environmentId) });
              showToast(`Restored “${target.name}”.`);
            })
            .catch((e: Error) => showToast(`Could not undo: ${e.message}`, 'error', { durationMs: 8000 }));
        },
      },
    });
  } catch (e) {
    await refresh();
    showToast(`Could not delete “${target.name}”: ${(e as Error).message}`, 'error');
  }
}
