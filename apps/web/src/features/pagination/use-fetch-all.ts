import { useCallback, useEffect, useRef, useState } from 'react';
import type { SendResult } from '@kinde-explorer/core';
import { client, unwrap } from '../../lib/api-client.ts';
import { useAppStore } from '../../store/app-store.ts';
import { fetchAllPages, type FetchAllProgress, type FetchAllResult } from './fetch-all.ts';
import { pageRequest } from './page-request.ts';
import { tabCollectionId } from '../collections/use-tab-collection.ts';

export type FetchAllState =
  | { status: 'idle' }
  | { status: 'running'; progress: FetchAllProgress }
  | { status: 'finished'; result: FetchAllResult };

/**
 * "Fetch all pages" for a tab: each page goes through the relay like any send (token and secrets
 * stay on the server), but outside the tab's own send, so the response on screen stays put.
 */
export function useFetchAll(tabId: string) {
  const [state, setState] = useState<FetchAllState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(() => {
    const { drafts, activeEnvironmentId } = useAppStore.getState();
    const draft = drafts[tabId];
    if (!draft || !activeEnvironmentId) return;
    const collectionId = tabCollectionId(tabId, activeEnvironmentId);
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: 'running', progress: { pages: 0, items: 0, key: null } });
    void fetchAllPages({
      signal: abort.signal,
      sendPage: async (nextToken, signal): Promise<SendResult> =>
        unwrap(
          client.api.send.$post(
            { json: { environmentId: activeEnvironmentId, request: pageRequest(draft, nextToken), collectionId } },
            { init: { signal } },
          ),
        ),
      onProgress: (progress) => {
        if (controller.current === abort) setState({ status: 'running', progress });
      },
    }).then((result) => {
      if (controller.current === abort) setState({ status: 'finished', result });
    });
  }, [tabId]);

  const stop = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'idle' });
  }, []);

  return { state, start, stop, reset };
}
