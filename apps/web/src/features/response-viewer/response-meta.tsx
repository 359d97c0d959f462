import { formatBytes, formatDuration } from '../../lib/format.ts';
import type { SendOutcome } from '../../lib/response-worker/protocol.ts';

function statusClass(status: number): string {
  if (status >= 500) return 'status-5xx';
  if (status >= 400) return 'status-4xx';
  if (status >= 300) return 'status-3xx';
  return 'status-2xx';
}

/** Status, time (token / upstream / total), size and the URL actually requested. */
export function ResponseMeta({ result }: { result: SendOutcome }) {
  const { tokenMs, upstreamMs, totalMs } = result.timings;
  return (
    <div className="response-meta" aria-label="Response summary">
      <span className={`status-badge ${statusClass(result.status)}`} aria-label={`Status ${result.status} ${result.statusText}`}>
        {result.status} {result.statusText}
      </span>
      <span className="meta-item" title="Getting the token, Kinde's answer, and the whole round trip">
        <span className="meta-label">Time</span>
        <span className="mono">{formatDuration(totalMs)}</span>
        <span className="meta-breakdown">
          (token <span className="mono">{formatDuration(tokenMs)}</span> · upstream <span className="mono">{formatDuration(upstreamMs)}</span>)
        </span>
      </span>
      <span className="meta-item">
        <span className="meta-label">Size</span>
        <span className="mono">{formatBytes(result.size)}</span>
        {result.truncated && <span className="meta-truncated">truncated</span>}
      </span>
      <span className="meta-url mono" title={result.url}>
        {result.url}
      </span>
    </div>
  );
}
