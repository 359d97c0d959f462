import type { KindeErrorItem } from '../../lib/kinde-errors.ts';
import { statusAdvice } from '../../lib/kinde-errors.ts';
import { useLatestSend } from '../request-editor/send-request.ts';
import { findJsonSyntaxProblem } from '../request-editor/json-syntax.ts';

interface KindeErrorSummaryProps {
  tabId: string;
  /** The URL that answered: its host is named, so an answer is never credited to the wrong server. */
  url: string;
  status: number;
  errors: KindeErrorItem[] | null;
  retryAfter: string | null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** Kinde's `errors: [{ code, message }]` in words, with what to do about the status. */
export function KindeErrorSummary({ tabId, url, status, errors, retryAfter }: KindeErrorSummaryProps) {
  // A body sent with "Send anyway" despite a syntax error: Kinde's 400 is about that, so say where it is.
  const sent = useLatestSend(tabId).variables?.request.body;
  const localProblem = status === 400 && sent?.mode === 'json' ? findJsonSyntaxProblem(sent.json ?? '') : null;
  // A 403 naming its scope gets the missing-scope note (with the steps to grant it) above this
  // summary; repeating the advice here would only say the same thing twice.
  const scopeNamed = status === 403 && (errors ?? []).some((e) => /scope/i.test(e.message));
  const advice = scopeNamed ? null : statusAdvice(status, retryAfter);
  if (!errors && !(status >= 400 && advice)) return null;
  const host = hostOf(url);
  return (
    <div className={`notice ${status >= 500 || status === 403 || status === 401 ? 'notice-danger' : 'notice-warning'} kinde-summary`} role="status" aria-label="What Kinde said">
      <span className="kinde-summary-source">Answer from Kinde{host ? ` · ${host}` : ''}</span>
      <span className="notice-title">
        {errors
          ? errors.length === 1
            ? `Kinde says: ${errors[0]!.message || errors[0]!.code}`
            : `Kinde reported ${errors.length} errors`
          : `Kinde answered ${status}`}
      </span>
      {errors && errors.length > 1 && (
        <ul className="kinde-errors">
          {errors.map((e, i) => (
            <li key={i}>
              {e.message} <code>{e.code}</code>
            </li>
          ))}
        </ul>
      )}
      {errors && errors.length === 1 && (
        <p className="muted">
          Error code <code>{errors[0]!.code}</code>
        </p>
      )}
      {localProblem ? (
        <p>
          The body sent is not valid JSON: line {localProblem.line}, column {localProblem.column} ({localProblem.message.toLowerCase()}). Fix
          it in Body and send again.
        </p>
      ) : (
        advice && <p>{advice}</p>
      )}
    </div>
  );
}
