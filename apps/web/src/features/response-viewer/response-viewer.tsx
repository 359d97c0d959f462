import { useEffect, useState } from 'react';
import type { SendOutcome } from '../../lib/response-worker/protocol.ts';
import { useLatestSend } from '../request-editor/send-request.ts';
import { SEND_SHORTCUT } from '../request-editor/shortcut.ts';
import { formatDuration } from '../../lib/format.ts';
import { RelayError } from './relay-error.tsx';
import { ResponseResult } from './response-result.tsx';
import { MissingScopeNote } from '../scope-check/missing-scope-note.tsx';
import { PaginationBar } from '../pagination/pagination-bar.tsx';
import { useDemoResult } from '../demo/use-demo.ts';
import './response-viewer.css';

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // A quarter second is smooth enough for a counter and keeps the page idle while waiting.
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  return <span className="mono">{formatDuration(Math.max(0, now - since))}</span>;
}

/** The lower half of a request tab: the latest response, or what went wrong. */
export function ResponseViewer({ tabId, onCancel }: { tabId: string; onCancel: () => void }) {
  const latest = useLatestSend(tabId);
  // While a new request is in flight the previous answer stays visible, dimmed.
  const [shown, setShown] = useState<SendOutcome | undefined>(latest.data);
  useEffect(() => {
    if (latest.status !== 'pending') setShown(latest.data);
  }, [latest.status, latest.data]);

  // Demo mode: personal data masked and environment values hidden in what is shown.
  const demoShown = useDemoResult(shown);

  return (
    <section className="response-viewer" aria-label="Response" aria-busy={latest.status === 'pending'}>
      {latest.status === 'pending' && (
        <div className="response-pending" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>
            Sending… <Elapsed since={latest.submittedAt ?? Date.now()} />
          </span>
          <button type="button" className="btn btn-sm btn-cancel" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {latest.status === 'idle' && (
        <div className="response-placeholder">
          <p className="response-placeholder-title">No response yet</p>
          <p className="muted">
            Press <kbd>{SEND_SHORTCUT}</kbd> or Send. The explorer server adds the environment’s M2M token and relays
            the request to Kinde.
          </p>
        </div>
      )}
      {latest.status === 'error' && latest.error && <RelayError error={latest.error} />}
      {latest.status !== 'error' && shown && <MissingScopeNote tabId={tabId} result={shown} />}
      {latest.status !== 'error' && shown && <ResponseResult tabId={tabId} result={demoShown ?? shown} stale={latest.status === 'pending'} />}
      {latest.status !== 'error' && shown && <PaginationBar tabId={tabId} result={shown} />}
    </section>
  );
}
