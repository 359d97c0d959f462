import { useMemo, useState } from 'react';
import type { SendResult } from '@kinde-explorer/core';
import { useAppStore } from '../../store/app-store.ts';
import { useSendRequest } from '../request-editor/send-request.ts';
import { tabCollectionId } from '../collections/use-tab-collection.ts';
import { toRequestTemplate } from '../../lib/core-request-draft.ts';
import { MergedListDialog } from './merged-list-dialog.tsx';
import { draftForPage } from './page-request.ts';
import { nextTokenOf } from './pages.ts';
import { useFetchAll } from './use-fetch-all.ts';
import './pagination.css';

/** Under a list response: "Next page" (re-sends with next_token) and "Fetch all pages" with progress. */
export function PaginationBar({ tabId, result }: { tabId: string; result: SendResult }) {
  const nextToken = useMemo(() => (result.status < 300 ? nextTokenOf(result.body) : null), [result]);
  const sender = useSendRequest(tabId);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const environmentId = useAppStore((s) => s.activeEnvironmentId);
  const fetchAll = useFetchAll(tabId);
  const [showMerged, setShowMerged] = useState(false);
  const { state } = fetchAll;

  if (!nextToken && state.status === 'idle') return null;

  const nextPage = () => {
    const draft = useAppStore.getState().drafts[tabId];
    if (!draft || !nextToken || !environmentId) return;
    const page = draftForPage(draft, nextToken);
    // The URL shows the token, so what is sent is what the builder says.
    updateDraft(tabId, page);
    sender.send({ environmentId, request: toRequestTemplate({ ...draft, ...page }), collectionId: tabCollectionId(tabId, environmentId) });
  };

  const noun = (state.status === 'running' ? state.progress.key : state.status === 'finished' ? state.result.key : null) ?? 'items';

  return (
    <div className="pagination-bar" role="group" aria-label="Pagination">
      {nextToken && (
        <span className="pagination-note">
          More results: <code title={nextToken}>next_token</code>
        </span>
      )}
      <span className="pagination-spacer" />
      {state.status === 'running' && (
        <span className="pagination-progress" role="status" aria-label="Fetching all pages">
          <span className="spinner" aria-hidden="true" />
          Page {state.progress.pages + 1}… {state.progress.items} {noun} so far
        </span>
      )}
      {state.status === 'finished' && (
        <span className={`pagination-progress pagination-${state.result.outcome}`} role="status" aria-label="All pages">
          {state.result.outcome === 'done' && `All ${state.result.items} ${noun} from ${state.result.pages} page${state.result.pages === 1 ? '' : 's'}`}
          {state.result.outcome === 'stopped' && `Stopped: ${state.result.items} ${noun} from ${state.result.pages} pages`}
          {state.result.outcome === 'error' && `${state.result.message} Got ${state.result.items} ${noun} from ${state.result.pages} pages`}
          {state.result.outcome === 'limit' && `${state.result.message} ${state.result.items} ${noun}`}
        </span>
      )}
      {state.status === 'finished' && state.result.items > 0 && (
        <button type="button" className="btn btn-sm" onClick={() => setShowMerged(true)}>
          View merged list
        </button>
      )}
      {state.status === 'running' ? (
        <button type="button" className="btn btn-sm btn-cancel" onClick={fetchAll.stop}>
          Stop
        </button>
      ) : (
        <button type="button" className="btn btn-sm" onClick={fetchAll.start} disabled={!environmentId || sender.pending}>
          Fetch all pages
        </button>
      )}
      {nextToken && (
        <button type="button" className="btn btn-sm btn-primary" onClick={nextPage} disabled={!environmentId || sender.pending || state.status === 'running'}>
          Next page
        </button>
      )}
      {showMerged && state.status === 'finished' && (
        <MergedListDialog tabId={tabId} result={state.result} onClose={() => setShowMerged(false)} />
      )}
    </div>
  );
}
