import { useEffect, useReducer } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RunEvent } from '@kinde-explorer/runner';
import { applyRunEvent, EMPTY_PROGRESS, fromSummary, type RunProgress } from './run-progress.ts';
import { runKeys, type RunView } from './runner-queries.ts';
import { historyKeys } from '../history/history-queries.ts';

const EVENT_TYPES: RunEvent['type'][] = ['run-started', 'iteration-started', 'request-started', 'console', 'rate-limited', 'request-finished', 'run-finished'];

interface StreamState {
  progress: RunProgress;
  /** The stored run, once the stream said it ended. */
  final: RunView | null;
  /** The stream broke and could not come back. */
  lost: boolean;
}

type Action = { type: 'reset' } | { type: 'event'; event: RunEvent } | { type: 'end'; run: RunView } | { type: 'lost' };

function reduce(state: StreamState, action: Action): StreamState {
  switch (action.type) {
    case 'reset':
      return { progress: EMPTY_PROGRESS, final: null, lost: false };
    case 'event':
      return { ...state, progress: applyRunEvent(state.progress, action.event), lost: false };
    case 'end':
      return { progress: action.run.summary ? fromSummary(action.run.summary) : state.progress, final: action.run, lost: false };
    case 'lost':
      return { ...state, lost: true };
  }
}

/**
 * Follows a run's Server-Sent Events: live progress while it runs, then the stored run. The
 * browser's EventSource reconnects by itself with `Last-Event-ID`, so a dropped connection resumes
 * where it stopped; a run that has already ended answers its stored result at once.
 */
export function useRunStream(runId: string | null): StreamState {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(reduce, { progress: EMPTY_PROGRESS, final: null, lost: false });

  useEffect(() => {
    dispatch({ type: 'reset' });
    if (!runId) return;
    const source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`);
    const onEvent = (e: MessageEvent<string>) => dispatch({ type: 'event', event: JSON.parse(e.data) as RunEvent });
    for (const type of EVENT_TYPES) source.addEventListener(type, onEvent);
    source.addEventListener('end', (e: MessageEvent<string>) => {
      source.close();
      const run = JSON.parse(e.data) as RunView;
      queryClient.setQueryData(runKeys.one(run.id), run);
      if (run.collectionId) void queryClient.invalidateQueries({ queryKey: runKeys.list(run.collectionId) });
      // Every request of the run went through the relay and is in the environment's history.
      void queryClient.invalidateQueries({ queryKey: historyKeys.list(run.environmentId) });
      dispatch({ type: 'end', run });
    });
    source.onerror = () => {
      // CLOSED: the server refused (run gone, signed out); CONNECTING: it is retrying by itself.
      if (source.readyState === EventSource.CLOSED) dispatch({ type: 'lost' });
    };
    return () => source.close();
  }, [runId, queryClient]);

  return state;
}
