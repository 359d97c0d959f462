import type { QueryClient } from '@tanstack/react-query';
import type { RequestTemplate } from '@kinde-explorer/core';
import { useAppStore } from '../../store/app-store.ts';
import type { SendOutcome } from '../../lib/response-worker/protocol.ts';
import { showToast } from '../command-palette/toast.tsx';
import { draftFromSaved } from '../collections/saved-template.ts';
import type { SendVariables } from '../request-editor/send-request.ts';
import { fetchHistoryEntry, type HistoryEntry } from './history-queries.ts';

/** The stored response in the shape the response viewer shows for a send. */
export function outcomeFromEntry(entry: HistoryEntry): SendOutcome | null {
  const r = entry.response;
  if (!r) return null;
  return {
    status: r.status,
    statusText: r.statusText,
    headers: r.headers,
    body: r.body,
    bodyEncoding: r.bodyEncoding,
    size: r.size,
    truncated: r.bodyTruncated,
    timings: r.timings,
    url: entry.resolvedUrl ?? entry.url,
  };
}

/**
 * Reopens a sent request in a new tab. Its stored response is put where the tab's own sends go
 * (the `['send', tabId]` mutation), so the response viewer shows it as if just received.
 */
export async function openHistoryEntry(queryClient: QueryClient, summary: { id: string; environmentId: string }): Promise<void> {
  let entry: HistoryEntry;
  try {
    entry = await fetchHistoryEntry(summary.id);
  } catch (e) {
    showToast(`Could not open this history entry: ${(e as Error).message}`, 'error');
    return;
  }
  const request = entry.request as RequestTemplate;
  const tabId = useAppStore.getState().openRequestTab(draftFromSaved(request));
  const outcome = outcomeFromEntry(entry);
  if (outcome) {
    const variables: SendVariables = { environmentId: entry.environmentId, request };
    const mutation = queryClient.getMutationCache().build<SendOutcome, Error, SendVariables, unknown>(queryClient, {
      mutationKey: ['send', tabId],
      mutationFn: async () => outcome,
      gcTime: 30 * 60_000,
    });
    await mutation.execute(variables);
    const cut = outcome.truncated ? ' Only the first 256 KB of its body were kept.' : '';
    showToast(`Showing the response stored in history (${new Date(entry.createdAt).toLocaleTimeString()}).${cut}`);
  } else if (entry.errorMessage) {
    showToast(`This send failed before a response: ${entry.errorMessage}`, 'error', { durationMs: 8000 });
  }
}
