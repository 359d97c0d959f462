import type { JsonSyntaxProblem } from './json-syntax.ts';

interface JsonSyntaxNoticeProps {
  problem: JsonSyntaxProblem;
  onShow: () => void;
  onSendAnyway: () => void;
}

/** Shown instead of sending when the JSON body does not parse: a local problem, not Kinde's answer. */
export function JsonSyntaxNotice({ problem, onShow, onSendAnyway }: JsonSyntaxNoticeProps) {
  return (
    <div className="notice notice-warning json-syntax-notice" role="alert" aria-label="JSON body not sent">
      <span className="notice-title">
        Not sent: the JSON body has a syntax error at line {problem.line}, column {problem.column}
      </span>
      <p>
        {problem.message}. The explorer checked the body before sending; nothing went to Kinde.
      </p>
      <div className="json-syntax-actions">
        <button type="button" className="btn btn-sm" onClick={onShow}>
          Show in body
        </button>
        <button type="button" className="btn btn-sm" onClick={onSendAnyway}>
          Send anyway
        </button>
      </div>
    </div>
  );
}
