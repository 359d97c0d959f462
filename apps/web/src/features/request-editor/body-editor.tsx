import { useEffect, useId, useRef } from 'react';
import { LazyCodeEditor } from '../../lib/monaco/lazy-code-editor.tsx';
import type { CodeEditorProps } from '../../lib/monaco/code-editor.tsx';
import type { VariableSuggestion } from '../../lib/variables.ts';
import { KeyValueEditor } from './key-value-editor.tsx';
import type { BodyMode, RequestDraft } from '../../lib/core-request-draft.ts';
import { useBodySchema } from '../catalog/use-body-schema.ts';
import { useModelSchema } from '../catalog/use-model-schema.ts';

const MODES: { mode: BodyMode; label: string }[] = [
  { mode: 'none', label: 'None' },
  { mode: 'json', label: 'JSON' },
  { mode: 'text', label: 'Text' },
  { mode: 'urlencoded', label: 'Form URL-encoded' },
  { mode: 'multipart', label: 'Multipart form' },
];

interface BodyEditorProps {
  tabId: string;
  draft: RequestDraft;
  onChange: (patch: Partial<RequestDraft>) => void;
  onSubmit: () => void;
  resolvable: ReadonlySet<string>;
  suggestions: readonly VariableSuggestion[];
  /** Put the cursor here in the JSON editor (a syntax error's place); a new object each time. */
  revealAt?: { line: number; column: number } | null;
}

type Editor = Parameters<NonNullable<CodeEditorProps['onReady']>>[0];

/** Moves the JSON editor's cursor to `at` once the editor exists (it may mount after the request). */
function useReveal(at: { line: number; column: number } | null | undefined) {
  const editor = useRef<Editor | null>(null);
  const go = () => {
    if (!at || !editor.current) return;
    editor.current.setPosition({ lineNumber: at.line, column: at.column });
    editor.current.revealPositionInCenter({ lineNumber: at.line, column: at.column });
    editor.current.focus();
  };
  // Each "Show in body" passes a new object, so the same place can be shown twice.
  useEffect(go, [at]);
  return (e: Editor) => {
    editor.current = e;
    go();
  };
}

export function BodyEditor({ tabId, draft, onChange, onSubmit, resolvable, suggestions, revealAt }: BodyEditorProps) {
  const name = useId();
  const onReady = useReveal(revealAt);
  const contentTypeId = useId();
  // Catalog tabs: the operation's body schema drives completion, validation and hover docs.
  useModelSchema(`request-body-${tabId}.json`, useBodySchema(draft.operationId));
  return (
    <div className="body-editor">
      <div className="body-modes" role="radiogroup" aria-label="Body type">
        {MODES.map(({ mode, label }) => (
          <label key={mode} className="body-mode">
            <input
              type="radio"
              name={name}
              value={mode}
              checked={draft.bodyMode === mode}
              onChange={() => onChange({ bodyMode: mode })}
            />
            {label}
          </label>
        ))}
      </div>
      {draft.bodyMode !== 'none' && (draft.method === 'GET' || draft.method === 'HEAD') && (
        <p className="body-note">Kinde ignores a body on {draft.method} requests.</p>
      )}
      {draft.bodyMode === 'none' && <p className="body-note muted">This request has no body.</p>}
      {draft.bodyMode === 'json' && (
        <div className="body-code">
          <LazyCodeEditor
            language="json"
            path={`request-body-${tabId}.json`}
            ariaLabel="JSON body"
            value={draft.json}
            onChange={(json) => onChange({ json })}
            onSubmit={onSubmit}
            onReady={onReady}
          />
        </div>
      )}
      {draft.bodyMode === 'text' && (
        <div className="body-text">
          <label className="field body-content-type" htmlFor={contentTypeId}>
            <span className="field-label">Content type</span>
            <input
              id={contentTypeId}
              className="input mono"
              value={draft.textContentType}
              onChange={(e) => onChange({ textContentType: e.target.value })}
            />
          </label>
          <textarea
            className="textarea"
            aria-label="Text body"
            spellCheck={false}
            value={draft.text}
            onChange={(e) => onChange({ text: e.target.value })}
          />
        </div>
      )}
      {draft.bodyMode === 'urlencoded' && (
        <KeyValueEditor
          label="Form fields"
          noun="field"
          rows={draft.urlencoded}
          onChange={(urlencoded) => onChange({ urlencoded })}
          resolvable={resolvable}
          suggestions={suggestions}
        />
      )}
      {draft.bodyMode === 'multipart' && (
        <KeyValueEditor
          label="Multipart parts"
          noun="part"
          rows={draft.multipart}
          onChange={(multipart) => onChange({ multipart })}
          resolvable={resolvable}
          suggestions={suggestions}
        />
      )}
    </div>
  );
}
