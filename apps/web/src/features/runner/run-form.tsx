import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { environmentsQuery } from '../environments/environment-queries.ts';
import { useAppStore } from '../../store/app-store.ts';
import type { RunStartInput } from './runner-queries.ts';

const remembered = new Map<string, RunOptionsState>();

/** The largest data file the server takes. */
const MAX_DATA_BYTES = 10 * 1024 * 1024;

export interface RunOptionsState {
  environmentId: string;
  iterations: string;
  delayMs: string;
  bail: boolean;
  persistVariables: boolean;
  data: { fileName: string; content: string } | null;
}

interface RunFormProps {
  collectionId: string;
  folderId: string | null;
  running: boolean;
  /** Stop was pressed; the run ends after the request in flight. */
  stopping: boolean;
  /** Writing variables back is an environment change: editors only (viewers run without it). */
  canSaveVariables: boolean;
  starting: boolean;
  onRun: (input: RunStartInput) => void;
  onStop: () => void;
}

/** Environment, iterations, data file, delay, bail, write-back; Run and Stop. */
export function RunForm({ collectionId, folderId, running, stopping, canSaveVariables, starting, onRun, onStop }: RunFormProps) {
  const { data: environments } = useQuery(environmentsQuery());
  const activeEnvironmentId = useAppStore((s) => s.activeEnvironmentId);
  // Kept per Runner tab for this page's lifetime, so switching tabs does not lose them.
  const key = `${collectionId}:${folderId ?? ''}`;
  const [opts, setOptsState] = useState<RunOptionsState>(() => remembered.get(key) ?? { environmentId: '', iterations: '', delayMs: '0', bail: false, persistVariables: false, data: null });
  const setOpts = (change: (o: RunOptionsState) => RunOptionsState) =>
    setOptsState((o) => {
      const next = change(o);
      remembered.set(key, next);
      return next;
    });
  const [fileError, setFileError] = useState<string | null>(null);
  const ids = { env: useId(), iterations: useId(), delay: useId(), data: useId() };
  const environmentId = opts.environmentId || activeEnvironmentId || environments?.[0]?.id || '';
  const set = (patch: Partial<RunOptionsState>) => setOpts((o) => ({ ...o, ...patch }));

  const iterations = opts.iterations.trim() === '' ? undefined : Number(opts.iterations);
  const delayMs = opts.delayMs.trim() === '' ? 0 : Number(opts.delayMs);
  const iterationsBad = iterations !== undefined && !(Number.isInteger(iterations) && iterations >= 1 && iterations <= 1000);
  const delayBad = !(Number.isInteger(delayMs) && delayMs >= 0 && delayMs <= 60_000);

  const onFile = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return set({ data: null });
    if (file.size > MAX_DATA_BYTES) {
      set({ data: null });
      return setFileError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; data files are at most 10 MB.`);
    }
    set({ data: { fileName: file.name, content: await file.text() } });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (running || !environmentId || iterationsBad || delayBad) return;
    onRun({
      environmentId,
      collectionId,
      ...(folderId ? { folderId } : {}),
      ...(iterations !== undefined ? { iterations } : {}),
      ...(opts.data ? { data: opts.data } : {}),
      delayMs,
      bail: opts.bail,
      persistVariables: canSaveVariables && opts.persistVariables,
    });
  };

  return (
    <form className="run-form" onSubmit={submit} aria-label="Run options">
      <div className="field">
        <label className="field-label" htmlFor={ids.env}>
          Environment
        </label>
        <select id={ids.env} className="select" value={environmentId} onChange={(e) => set({ environmentId: e.target.value })} disabled={running}>
          {environments?.map((env) => (
            <option key={env.id} value={env.id}>
              {env.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field run-field-narrow">
        <label className="field-label" htmlFor={ids.iterations}>
          Iterations
        </label>
        <input
          id={ids.iterations}
          className="input"
          inputMode="numeric"
          placeholder={opts.data ? 'one per row' : '1'}
          value={opts.iterations}
          onChange={(e) => set({ iterations: e.target.value })}
          aria-invalid={iterationsBad}
          aria-describedby={iterationsBad ? `${ids.iterations}-error` : undefined}
          disabled={running}
        />
        {iterationsBad && (
          <span id={`${ids.iterations}-error`} className="run-field-error">
            1 to 1000
          </span>
        )}
      </div>
      <div className="field run-field-narrow">
        <label className="field-label" htmlFor={ids.delay}>
          Delay (ms)
        </label>
        <input
          id={ids.delay}
          className="input"
          inputMode="numeric"
          value={opts.delayMs}
          onChange={(e) => set({ delayMs: e.target.value })}
          aria-invalid={delayBad}
          disabled={running}
        />
        {delayBad && <span className="run-field-error">0 to 60000</span>}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={ids.data}>
          Data file (CSV or JSON)
        </label>
        <div className="run-data">
          <input id={ids.data} type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => void onFile(e.target.files?.[0])} disabled={running} />
          {opts.data && (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => set({ data: null })} disabled={running}>
              Remove
            </button>
          )}
        </div>
        {fileError && <span className="run-field-error">{fileError}</span>}
      </div>
      <div className="run-checks">
        <label>
          <input type="checkbox" checked={opts.bail} onChange={(e) => set({ bail: e.target.checked })} disabled={running} /> Stop at the first failure
        </label>
        <label
          title={
            canSaveVariables
              ? 'Variables set with pm.environment.set are written to the environment when the run ends. Secrets are never changed.'
              : 'Only editors can have a run change the environment.'
          }
        >
          <input
            type="checkbox"
            checked={canSaveVariables && opts.persistVariables}
            onChange={(e) => set({ persistVariables: e.target.checked })}
            disabled={running || !canSaveVariables}
          />{' '}
          Save variables to the environment
        </label>
      </div>
      <div className="run-actions">
        {running ? (
          <button type="button" className="btn btn-danger" onClick={onStop} disabled={stopping}>
            {stopping ? 'Stopping…' : 'Stop'}
          </button>
        ) : (
          <button type="submit" className="btn btn-primary" disabled={starting || !environmentId || iterationsBad || delayBad}>
            {starting ? 'Starting…' : 'Run'}
          </button>
        )}
      </div>
    </form>
  );
}
