import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { client, unwrap } from '../../lib/api-client.ts';

type HistoryPage = InferResponseType<(typeof client.api.environments)[':id']['history']['$get'], 200>;
/** One line of the history list (no bodies). */
export type HistorySummary = HistoryPage['entries'][number];
/** One entry in full: the request as written and the stored response. */
export type HistoryEntry = InferResponseType<(typeof client.api.history)[':id']['$get'], 200>;

/** Keys from general to specific: ['history'] → every environment's list. */
export const historyKeys = {
  all: ['history'] as const,
  list: (environmentId: string) => ['history', environmentId] as const,
};

const PAGE = 50;

/** The environment's history, newest first, a page at a time ("Load older"). */
export const historyQuery = (environmentId: string) =>
  infiniteQueryOptions({
    queryKey: historyKeys.list(environmentId),
    queryFn: ({ pageParam }): Promise<HistoryPage> =>
      unwrap(
        client.api.environments[':id'].history.$get({
          param: { id: environmentId },
          query: { limit: String(PAGE), ...(pageParam ? { before: pageParam } : {}) },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    // Sends change it; the panel refreshes it after each one.
    staleTime: 0,
  });

export function fetchHistoryEntry(id: string): Promise<HistoryEntry> {
  return unwrap(client.api.history[':id'].$get({ param: { id } }));
}

export function useClearHistory(environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.api.environments[':id'].history.$delete({ param: { id: environmentId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: historyKeys.list(environmentId) }),
  });
}
