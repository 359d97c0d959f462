import { useMutation, useMutationState, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { RequestTemplate } from '@kinde-explorer/core';
import { cancelInWorker, sendInWorker } from '../../lib/response-worker/client.ts';
import type { SendOutcome } from '../../lib/response-worker/protocol.ts';
import type { ApiClientError } from '../../lib/api-error.ts';
import { newId } from '../../lib/ids.ts';

export interface SendVariables {
  environmentId: string;
  request: RequestTemplate;
  /** The saved request's collection: the server resolves its variables under the environment's. */
  collectionId?: string;
  /** The saved request the tab edits (in `collectionId`): the server runs its folders' scripts around it. */
  savedRequestId?: string;
  /** The send's one id, end to end (worker, cancel, server); `useSendRequest` sets it. */
  requestId?: string;
}

/** What the response viewer shows for a tab: the state of its latest send. */
export interface SendState {
  status: 'idle' | 'pending' | 'success' | 'error';
  data?: SendOutcome;
  error?: ApiClientError;
  variables?: SendVariables;
  submittedAt?: number;
}

const sendKey = (tabId: string) => ['send', tabId] as const;

/**
 * Cancels the tab's send in flight, by its request id (the mutation's own variables: no map of
 * sends here). The worker aborts its fetch and tells the server; the mutation then settles as cancelled.
 */
function cancelSends(queryClient: QueryClient, tabId: string): void {
  for (const m of queryClient.getMutationCache().findAll({ mutationKey: sendKey(tabId), exact: true, status: 'pending' })) {
    const requestId = (m.state.variables as SendVariables | undefined)?.requestId;
    if (requestId) cancelInWorker(requestId);
  }
}

export interface Sender {
  send: (variables: SendVariables) => void;
  cancel: () => void;
  pending: boolean;
}

/**
 * Sending is a mutation keyed by tab: its result lives in TanStack Query's mutation cache (server
 * data never goes into the zustand store) and survives switching tabs.
 */
export function useSendRequest(tabId: string): Sender {
  const queryClient = useQueryClient();
  const mutation = useMutation<SendOutcome, ApiClientError, SendVariables>({
    mutationKey: sendKey(tabId),
    mutationFn: (variables) => sendInWorker({ ...variables, requestId: variables.requestId ?? newId('send') }),
    gcTime: 30 * 60_000,
    onMutate: () => {
      // Keep only the newest result per tab: old bodies can be many megabytes.
      const cache = queryClient.getMutationCache();
      for (const m of cache.findAll({ mutationKey: sendKey(tabId), exact: true })) {
        if (m.state.status !== 'pending') cache.remove(m);
      }
    },
  });
  const pending = useLatestSend(tabId).status === 'pending';
  return {
    send: (variables) => {
      // One send per tab: a new one replaces the one in flight.
      cancelSends(queryClient, tabId);
      mutation.mutate({ ...variables, requestId: newId('send') });
    },
    cancel: () => cancelSends(queryClient, tabId),
    pending,
  };
}

/** The latest send of a tab, from any component. */
export function useLatestSend(tabId: string): SendState {
  const states = useMutationState({
    filters: { mutationKey: sendKey(tabId), exact: true },
    select: (m) => m.state,
  });
  const last = states[states.length - 1];
  if (!last) return { status: 'idle' };
  return {
    status: last.status,
    data: (last.data ?? undefined) as SendOutcome | undefined,
    error: (last.error ?? undefined) as ApiClientError | undefined,
    variables: last.variables as SendVariables | undefined,
    submittedAt: last.submittedAt,
  };
}
