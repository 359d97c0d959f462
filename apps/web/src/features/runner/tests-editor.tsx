import { useState } from 'react';
import { LazyCodeEditor } from '../../lib/monaco/lazy-code-editor.tsx';
import type { RequestDraft } from '../../lib/core-request-draft.ts';
import { AssertionTable } from './assertion-table.tsx';
import { CaptureTable } from './capture-table.tsx';
import './tests-editor.css';

type Part = 'table' | 'pre' | 'post';

const PRE_HINT = '// Runs before the request is sent, e.g.\n// pm.variables.set("org_name", "Acme " + Date.now());\n';
const POST_HINT = '// Runs after the response, e.g.\n// pm.test("created", () => pm.response.to.have.status(201));\n// pm.collectionVariables.set("org_code", pm.response.json().organization.code);\n';

/**
 * The request editor's Tests sub-tab: assertions and captures without code, and the
 * pre-request / post-response scripts (Postman's `pm` API, run on the server in a sandbox).
 * Default export: the request editor loads it on first use.
 */
export default function TestsEditor({ tabId, draft, onChange, onSubmit }: { tabId: string; draft: RequestDraft; onChange: (patch: Partial<RequestDraft>) => void; onSubmit: () => void }) {
  const [part, setPart] = useState<Part>('table');
  const parts: { id: Part; label: string; filled: boolean }[] = [
    { id: 'table', label: `Assertions & captures`, filled: Boolean(draft.assertions?.length || draft.captures?.length) },
    { id: 'pre', label: 'Pre-request script', filled: Boolean(draft.preRequestScript?.trim()) },
    { id: 'post', label: 'Post-response script', filled: Boolean(draft.testScript?.trim()) },
  ];
  return (
    <div className="tests-editor">
      <div className="tests-parts" role="radiogroup" aria-label="Tests part">
        {parts.map((p) => (
          <label key={p.id} className="body-mode">
            <input type="radio" name={`tests-part-${tabId}`} checked={part === p.id} onChange={() => setPart(p.id)} />
            {p.label}
            {p.filled && <span className="tests-dot" aria-label="(has content)" />}
          </label>
        ))}
      </div>
      {part === 'table' && (
        <>
          <AssertionTable rows={draft.assertions ?? []} onChange={(assertions) => onChange({ assertions })} />
          <CaptureTable rows={draft.captures ?? []} onChange={(captures) => onChange({ captures })} />
          <p className="section-note muted">
            Assertions run after the response as <code>pm.test</code> checks; captures set a variable for the requests after this one in a run. Both export to Postman
            as test scripts.
          </p>
        </>
      )}
      {part !== 'table' && (
        <div className="body-code tests-script">
          <LazyCodeEditor
            language="javascript"
            path={`${part}-script-${tabId}.js`}
            ariaLabel={part === 'pre' ? 'Pre-request script' : 'Post-response script'}
            value={(part === 'pre' ? draft.preRequestScript : draft.testScript) || (part === 'pre' ? PRE_HINT : POST_HINT)}
            onChange={(text) => onChange(part === 'pre' ? { preRequestScript: text } : { testScript: text })}
            onSubmit={onSubmit}
          />
        </div>
      )}
    </div>
  );
}
