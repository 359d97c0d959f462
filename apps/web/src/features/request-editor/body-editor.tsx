import { useId } from 'react';
import { LazyCodeEditor } from '../../lib/monaco/lazy-code-editor.tsx';
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
}

export function BodyEditor({ tabId, draft, onChange, onSubmit, resolvable, suggestions }: BodyEditorProps) {
  const name = useId();
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
