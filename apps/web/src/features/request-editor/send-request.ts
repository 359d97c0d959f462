import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import type { RequestTemplate } from '@kinde-explorer/core';
import { client, unwrap } from '../../lib/api-client.ts';
import { sendInWorker } from '../../lib/response-worker/client.ts';
import type { SendOutcome } from '../../lib/response-worker/protocol.ts';
import type { ApiClientError } from '../../lib/api-error.ts';
import { newId } from '../../lib/ids.ts';

export interface SendVariables {
  environmentId: string;
  request: RequestTemplate;
  /** The saved request's collection: the server resolves its variables under the environment's. */
  collectionId?: string;
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

// One in-flight send per tab; aborting the fetch makes the server abort its upstream call too.
const controllers = new Map<string, { controller: AbortController; requestId: string }>();

async function postSend(tabId: string, variables: SendVariables): Promise<SendOutcome> {
  cancelSend(tabId);
  const entry = { controller: new AbortController(), requestId: newId('send') };
  controllers.set(tabId, entry);
  try {
    return await sendInWorker({ ...variables, requestId: entry.requestId }, entry.controller.signal);
  } finally {
    if (controllers.get(tabId) === entry) controllers.delete(tabId);
  }
}

/** Aborts the tab's in-flight send: the fetch, and (in case the server missed the closed connection) by id. */
function cancelSend(tabId: string): void {
  const entry = controllers.get(tabId);
  if (!entry) return;
  controllers.delete(tabId);
  entry.controller.abort();
  void unwrap(client.api.send[':requestId'].$delete({ param: { requestId: entry.requestId } })).catch(() => {
    // Already finished or already aborted through the closed connection: nothing to do.
  });
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
    mutationFn: (variables) => postSend(tabId, variables),
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
    send: (variables) => mutation.mutate(variables),
    cancel: () => cancelSend(tabId),
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
