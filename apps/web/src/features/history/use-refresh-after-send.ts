import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { historyKeys } from './history-queries.ts';

/**
 * Refreshes an environment's history when a send to it finishes. Sends are mutations keyed
 * ['send', tabId] (request-editor/send-request.ts); watching the mutation cache keeps the editor
 * unaware of history. The server records a send just after answering it, hence the short wait.
 */
export function useRefreshHistoryAfterSend(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const timers = new Set<number>();
    const unsubscribe = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      const { mutation } = event;
      if (mutation.options.mutationKey?.[0] !== 'send') return;
      if (event.action.type !== 'success' && event.action.type !== 'error') return;
      const environmentId = (mutation.state.variables as { environmentId?: string } | undefined)?.environmentId;
      if (!environmentId) return;
      const timer = window.setTimeout(() => {
        timers.delete(timer);
        void queryClient.invalidateQueries({ queryKey: historyKeys.list(environmentId) });
      }, 150);
      timers.add(timer);
    });
    return () => {
      unsubscribe();
      for (const t of timers) window.clearTimeout(t);
    };
  }, [queryClient]);
}
