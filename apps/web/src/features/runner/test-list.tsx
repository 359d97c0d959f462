import type { TestResult } from '@kinde-explorer/runner';
import './test-list.css';

/** Pass / fail of each test with its message; failures first. */
export function TestList({ tests }: { tests: readonly TestResult[] }) {
  if (tests.length === 0) return <p className="muted">No tests. Add assertions or a post-response script under the request’s Tests tab.</p>;
  const ordered = [...tests.filter((t) => !t.passed), ...tests.filter((t) => t.passed)];
  return (
    <ul className="test-list" aria-label="Tests">
      {ordered.map((t, i) => (
        <li key={i} className={t.passed ? 'test-pass' : 'test-fail'}>
          <span className="test-mark" aria-label={t.passed ? 'passed' : 'failed'}>
            {t.passed ? '✓' : '✗'}
          </span>
          <span className="test-name">{t.name}</span>
          {t.origin !== 'request' && <span className="chip">{t.origin}</span>}
          {t.error && <span className="test-error">{t.error}</span>}
        </li>
      ))}
    </ul>
  );
}
