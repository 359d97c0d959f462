import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RequestResult } from '@kinde-explorer/runner';
import type { RunnerTarget } from '../../store/tabs-slice.ts';
import { useCanEdit } from '../auth/index.ts';
import { openSavedRequest } from '../collections/open-saved-request.ts';
import { showToast } from '../command-palette/toast.tsx';
import { RunDetail } from './run-detail.tsx';
import { RunForm } from './run-form.tsx';
import { RunLive } from './run-live.tsx';
import { RecentRuns } from './recent-runs.tsx';
import { resultKey, RunResults } from './run-results.tsx';
import { downloadRun, recentRunsQuery, useStartRun, useStopRun } from './runner-queries.ts';
import { useRunStream } from './use-run-stream.ts';
import './runner.css';

/**
 * The Runner of a collection or folder: options, Run / Stop, live progress streamed from the
 * server, then the results (failures first) with each request's response, and JUnit / JSON export.
 */
export function RunnerView({ tab }: { tab: RunnerTarget & { id: string } }) {
  const canEdit = useCanEdit();
  const recent = useQuery(recentRunsQuery(tab.collectionId));
  const [chosenRun, setChosenRun] = useState<string | null>(null);
  // Until one is started or picked, show the last run of this collection or folder.
  const lastHere = recent.data?.find((r) => r.folderId === tab.folderId)?.id ?? null;
  const runId = chosenRun ?? lastHere;
  const stream = useRunStream(runId);
  const start = useStartRun(tab.collectionId);
  const stop = useStopRun();
  const [selected, setSelected] = useState<string | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  const running = runId !== null && stream.final === null && !stream.lost;
  const status = stream.final?.status ?? (running ? 'running' : null);
  const results = stream.progress.results;
  const selectedResult = useMemo(() => results.find((r) => resultKey(r) === selected) ?? null, [results, selected]);

  const onRun = (input: Parameters<typeof start.mutate>[0]) =>
    start.mutate(input, {
      onSuccess: (run) => {
        setSelected(null);
        setChosenRun(run.id);
      },
    });

  const openRequest = (r: RequestResult) =>
    r.itemId
      ? () => void openSavedRequest({ environmentId: tab.environmentId, collectionId: tab.collectionId, requestId: r.itemId!, name: r.name })
      : null;

  const exportAs = (format: 'junit' | 'json') => {
    if (!stream.final) return;
    downloadRun(stream.final.id, format, `${tab.name}.${format === 'junit' ? 'junit.xml' : 'run.json'}`)
      .then((file) => showToast(`Downloaded ${file}.`))
      .catch((e: Error) => showToast(`Could not export the run: ${e.message}`, 'error'));
  };

  return (
    <div className="runner">
      <header className="runner-head">
        <h2 className="runner-title">
          Run <span className="runner-name">{tab.name}</span>
        </h2>
        {stream.final?.summary && (
          <div className="runner-exports">
            <button type="button" className="btn btn-sm" onClick={() => exportAs('junit')}>
              Export JUnit
            </button>
            <button type="button" className="btn btn-sm" onClick={() => exportAs('json')}>
              Export JSON
            </button>
          </div>
        )}
      </header>
      <RunForm
        collectionId={tab.collectionId}
        folderId={tab.folderId}
        running={running}
        stopping={running && stopped === runId}
        canSaveVariables={canEdit}
        starting={start.isPending}
        onRun={onRun}
        onStop={() => {
          if (!runId) return;
          setStopped(runId);
          stop.mutate(runId, { onError: (e) => showToast(`Could not stop the run: ${e.message}`, 'error') });
        }}
      />
      {!canEdit && <p className="muted runner-note">As a viewer you run the saved requests as they are; only editors can have a run save variables to the environment.</p>}
      {start.error && (
        <div className="notice notice-danger" role="alert">
          <p className="notice-title">Could not start the run</p>
          <p>{start.error.message}</p>
        </div>
      )}
      {stream.lost && (
        <div className="notice notice-warning" role="alert">
          <p>Lost the connection to this run. Pick it again under “Recent runs” to see where it stands.</p>
        </div>
      )}
      {stream.final?.status === 'error' && (
        <div className="notice notice-danger" role="alert">
          <p className="notice-title">The run ended in an error</p>
          <p>{stream.final.error ?? 'See the server log.'}</p>
        </div>
      )}
      {stream.final?.writeBack && (
        <p className="muted runner-note">
          {stream.final.writeBack.written.length
            ? `Saved to the environment: ${stream.final.writeBack.written.join(', ')}.`
            : 'No environment variables changed.'}
          {stream.final.writeBack.skipped.length > 0 && ` Left alone (secret or not a valid name): ${stream.final.writeBack.skipped.join(', ')}.`}
        </p>
      )}
      {runId && <RunLive progress={stream.progress} running={running} status={status} />}
      <div className="runner-body">
        <div className="runner-list">
          {runId ? (
            <RunResults results={results} iterations={stream.progress.iterations} selected={selected} onSelect={(r) => setSelected(resultKey(r))} />
          ) : (
            <p className="muted run-empty">
              Choose an environment and press Run. Every request of {tab.folderId ? 'the folder' : 'the collection'} is sent in tree order through the explorer
              server, with its scripts and tests.
            </p>
          )}
          <RecentRuns runs={recent.data ?? []} current={runId} onPick={(id) => { setSelected(null); setChosenRun(id); }} />
        </div>
        {selectedResult && <RunDetail key={selected} result={selectedResult} onOpenRequest={openRequest(selectedResult)} />}
      </div>
    </div>
  );
}
