import type { SendTests } from '../../lib/response-worker/protocol.ts';
import { useDemoText } from '../demo/use-demo.ts';
import { TestList } from './test-list.tsx';

/** The response viewer's Tests view: the request's tests, captured values and console output. */
export function SendTestsView({ tests }: { tests: SendTests }) {
  const demoText = useDemoText();
  return (
    <div className="send-tests">
      <section aria-label="Test results">
        <TestList tests={tests.results} />
      </section>
      {tests.captures.length > 0 && (
        <section aria-label="Captured values">
          <h4>Captured</h4>
          <ul className="send-tests-console mono">
            {tests.captures.map((c, i) => (
              <li key={i}>
                {c.variable} = {c.value === null ? <span className="muted">(not in the response)</span> : demoText(c.value)}
              </li>
            ))}
          </ul>
          <p className="muted">Captured values are for the requests after this one in a run; a single send does not change any variable.</p>
        </section>
      )}
      {tests.console.length > 0 && (
        <section aria-label="Console">
          <h4>Console</h4>
          <ol className="send-tests-console mono">
            {tests.console.map((c, i) => (
              <li key={i} className={`run-console-${c.level}`}>
                {demoText(c.message)}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
