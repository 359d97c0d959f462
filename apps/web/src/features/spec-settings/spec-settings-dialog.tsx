import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ApiClientError } from '../../lib/api-error.ts';
import { specStatusQuery, useReplaceSpec, type SpecUpload } from './spec-queries.ts';
import { specProblems } from './spec-problems.ts';
import './spec-settings.css';

const MAX_FILE_BYTES = 20_000_000;

/** "Kinde spec": what is loaded, and replacing it with a file or a URL, with a report when it is unusable. */
export default function SpecSettingsDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const urlId = useId();
  const fileId = useId();
  const { data: status, error: statusError } = useQuery(specStatusQuery());
  const replace = useReplaceSpec();
  const [url, setUrl] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [lastInput, setLastInput] = useState<string>('');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = (input: SpecUpload, label: string) => {
    setFileError(null);
    setLastInput(label);
    replace.mutate(input);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; the limit is 20 MB.`);
      return;
    }
    submit({ content: await file.text() }, file.name);
  };

  const onUrl = (e: FormEvent) => {
    e.preventDefault();
    if (url.trim()) submit({ url: url.trim() }, url.trim());
  };

  const error = replace.error as ApiClientError | null;

  return (
    <dialog ref={dialogRef} className="spec-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <div className="spec-dialog-header">
        <h2 id={titleId}>Kinde spec</h2>
        <button type="button" className="icon-btn" aria-label="Close" onClick={() => dialogRef.current?.close()}>
          ×
        </button>
      </div>

      <section className="spec-current" aria-label="Loaded spec">
        {statusError && <p className="muted">Could not read the spec status: {statusError.message}</p>}
        {status && (
          <>
            <p className="spec-current-line">
              <span className={`spec-state spec-state-${status.status}`}>{status.status === 'ready' ? 'Loaded' : status.status === 'loading' ? 'Loading' : 'No spec'}</span>
              {status.title && (
                <span>
                  {status.title}
                  {status.version ? ` ${status.version}` : ''}
                </span>
              )}
              {status.status === 'ready' && (
                <span className="muted">
                  {status.operations} operation{status.operations === 1 ? '' : 's'}
                </span>
              )}
            </p>
            {status.status !== 'ready' && <p className="muted spec-message">{status.message}</p>}
            {status.source && (
              <p className="muted spec-source">
                Source: <code>{status.source}</code>
                {status.loadedAt && <> · {new Date(status.loadedAt).toLocaleString()}</>}
              </p>
            )}
          </>
        )}
      </section>

      <p className="spec-intro">
        {status?.status === 'ready' ? 'Replace it with another version of' : 'Provide'} Kinde’s Management API spec (OpenAPI 3, YAML or
        JSON). Kinde publishes it at{' '}
        <code>https://api-spec.kinde.com/kinde-management-api-spec.yaml</code>.
      </p>

      <div className="spec-options">
        <div className="field">
          <label className="field-label" htmlFor={fileId}>
            Upload a file
          </label>
          <input
            id={fileId}
            type="file"
            className="spec-file"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            disabled={replace.isPending}
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
        <form className="field" onSubmit={onUrl}>
          <label className="field-label" htmlFor={urlId}>
            Or load from a URL
          </label>
          <div className="spec-url-row">
            <input
              id={urlId}
              type="url"
              className="input mono"
              placeholder="https://api-spec.kinde.com/kinde-management-api-spec.yaml"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              disabled={replace.isPending}
            />
            <button type="submit" className="btn btn-primary" disabled={replace.isPending || !url.trim()}>
              Load
            </button>
          </div>
        </form>
      </div>

      {replace.isPending && (
        <p className="spec-progress" role="status">
          Checking {lastInput}…
        </p>
      )}
      {fileError && (
        <div className="notice notice-danger" role="alert">
          <span className="notice-title">{fileError}</span>
        </div>
      )}
      {error && (
        <div className="notice notice-danger spec-report" role="alert" aria-label="Spec problems">
          <span className="notice-title">{lastInput} was not loaded: it is not a usable OpenAPI 3 document.</span>
          <ul>
            {specProblems(error).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          <p className="muted">The spec in use has not changed.</p>
        </div>
      )}
      {replace.isSuccess && (
        <div className="notice notice-info" role="status">
          <span className="notice-title">
            Loaded {replace.data.operations} operation{replace.data.operations === 1 ? '' : 's'} from {lastInput}.
          </span>
          <p className="muted">The catalog now shows this spec.</p>
        </div>
      )}
    </dialog>
  );
}
