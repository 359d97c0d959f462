import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import type { ApiClientError } from '../../lib/api-error.ts';
import { operationQuery } from './catalog-queries.ts';
import { draftFromOperation, type OperationSummary } from './core-catalog.ts';

/** Opens a catalog operation in a prefilled request tab (or focuses the tab already calling it). */
export function useOpenOperation() {
  const queryClient = useQueryClient();
  const openOperationTab = useAppStore((s) => s.openOperationTab);
  const setRequestSection = useAppStore((s) => s.setRequestSection);
  const [error, setError] = useState<ApiClientError | null>(null);
  const open = useCallback(
    async (op: OperationSummary) => {
      setError(null);
      try {
        const detail = await queryClient.fetchQuery(operationQuery(op.operationId));
        const draft = draftFromOperation(detail);
        const tabId = openOperationTab(op.operationId, draft);
        // A new tab shows what needs filling first: path parameters, else the body, else the query.
        // A tab already open for the operation keeps the sub-tab its user left it on.
        if (!useAppStore.getState().requestSections[tabId]) {
          setRequestSection(tabId, draft.pathParams?.length || draft.bodyMode === 'none' ? 'params' : 'body');
        }
      } catch (thrown) {
        setError(thrown as ApiClientError);
      }
    },
    [queryClient, openOperationTab, setRequestSection],
  );
  return { open, error };
}
