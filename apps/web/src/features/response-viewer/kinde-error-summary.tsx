import type { KindeErrorItem } from '../../lib/kinde-errors.ts';
import { statusAdvice } from '../../lib/kinde-errors.ts';

/** Kinde's `errors: [{ code, message }]` in words, with what to do about the status. */
export function KindeErrorSummary({ status, errors, retryAfter }: { status: number; errors: KindeErrorItem[] | null; retryAfter: string | null }) {
  // A 403 naming its scope gets the missing-scope note (with the steps to grant it) above this
  // summary; repeating the advice here would only say the same thing twice.
  const scopeNamed = status === 403 && (errors ?? []).some((e) => /scope/i.test(e.message));
  const advice = scopeNamed ? null : statusAdvice(status, retryAfter);
  if (!errors && !(status >= 400 && advice)) return null;
  return (
    <div className={`notice ${status >= 500 || status === 403 || status === 401 ? 'notice-danger' : 'notice-warning'} kinde-summary`} role="status" aria-label="What Kinde said">
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
      {advice && <p>{advice}</p>}
    </div>
  );
}
