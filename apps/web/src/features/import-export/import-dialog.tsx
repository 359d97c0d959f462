import { useDeferredValue, useId, useMemo, useState, type DragEvent, type FormEvent } from 'react';
import type { RequestTemplate } from '@kinde-explorer/core';
import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { formatBytes } from '../../lib/format.ts';
import { useAppStore } from '../../store/app-store.ts';
import { draftFromSaved } from '../collections/saved-template.ts';
import { FORMAT_LABELS, guessFormat, IMPORT_FORMATS, type ImportFormat } from './guess-format.ts';
import { useImport, type ImportAnswer } from './import-queries.ts';
import { ImportReport } from './import-report.tsx';
import './import-export.css';
import { FormFooter } from '../../lib/form-footer.tsx';

/** Pasted text above this is not echoed into the textarea (it would make typing sluggish). */
const SHOW_LIMIT = 200_000;
/** The server refuses larger documents; say so before uploading them. */
const MAX_BYTES = 20_000_000;

/** Where the document will go, in words, before importing. */
function targetNote(format: ImportFormat | null, environmentName: string | null, hasContent: boolean) {
  if (format === 'curl') return 'Opens as a new request tab.';
  if (format === 'postman-environment') return 'Becomes a new environment, as in Postman.';
  if (!environmentName) return 'Collections belong to an environment: import a Postman environment first, or create one.';
  if (!format && hasContent) return <>Format not recognised yet: the server will try, or choose one. Collections go into <strong>{environmentName}</strong>.</>;
  return (
    <>
      Into <strong>{environmentName}</strong>, as a new collection.
    </>
  );
}

interface ImportDialogProps {
  /** null: no environment yet, so only a Postman environment (which creates one) can be imported. */
  environmentId: string | null;
  environmentName: string;
  onClose: () => void;
}

/**
 * Import a Postman collection or environment, an OpenAPI document or a cURL command, pasted or
 * from a file. Collections go into the environment in use; a Postman environment becomes a new
 * environment (as in Postman) or is merged into this one. The report lists every line it kept
 * with changes or could not map.
 */
export function ImportDialog({ environmentId, environmentName, onClose }: ImportDialogProps) {
  const [content, setContent] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [envTarget, setEnvTarget] = useState<'new' | 'merge'>('new');
  const [localError, setLocalError] = useState<string | null>(null);
  const importer = useImport();
  const ids = { text: useId(), file: useId(), format: useId(), target: useId() };
  const deferred = useDeferredValue(content);
  const guessed = useMemo(() => guessFormat(deferred), [deferred]);
  const effective = format || guessed;
  const large = content.length > SHOW_LIMIT;

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) return setLocalError(`${file.name} is ${formatBytes(file.size)}; imports are limited to ${formatBytes(MAX_BYTES)}.`);
    setLocalError(null);
    importer.reset();
    setContent(await file.text());
    setFileName(file.name);
  };

  const opened = (answer: ImportAnswer) => {
    const s = useAppStore.getState();
    for (const c of answer.collections) s.setTreeExpanded(c.id, true);
    // cURL: the request opens as a tab right away; the report stays on screen.
    if (answer.kind === 'request' && answer.request) s.openRequestTab(draftFromSaved(answer.request.request as RequestTemplate));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (content.trim() === '') return setLocalError('Paste a document or choose a file first.');
    setLocalError(null);
    const intoNewEnvironment = effective === 'postman-environment' && (envTarget === 'new' || !environmentId);
    importer.mutate({ content, format: format || undefined, environmentId: intoNewEnvironment ? null : environmentId }, { onSuccess: opened });
  };

  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    void loadFile(e.dataTransfer.files[0]);
  };

  const answer = importer.data;
  if (answer) {
    const created = answer.environment?.created ? answer.environment : null;
    return (
      <ModalDialog title="Import finished" onClose={onClose} className="import-dialog">
        <ImportReport answer={answer} environmentName={environmentName} />
        {created && <p className="muted">Secret variables ({'client_secret'} …) come without values from Postman exports: set them in the environment before sending.</p>}
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              importer.reset();
              setContent('');
              setFileName(null);
              setFormat('');
            }}
          >
            Import another
          </button>
          {created && (
            <button type="button" className="btn" onClick={() => useAppStore.getState().openEnvironmentTab(created.id)}>
              Edit {created.name}
            </button>
          )}
          {created ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                useAppStore.getState().setActiveEnvironment(created.id);
                onClose();
              }}
            >
              Use {created.name}
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
              Done
            </button>
          )}
        </div>
      </ModalDialog>
    );
  }

  // The server names the field ("content: …"); the dialog has only the one document.
  const error = localError ?? importer.error?.message.replace(/^content: /, '') ?? null;
  return (
    <ModalDialog title="Import" onClose={onClose} className="import-dialog">
      <form className="form-stack" onSubmit={submit} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <p className="muted">
          A Postman collection or environment (v2.1 JSON export), an OpenAPI 3 document (YAML or JSON, one folder per tag) or a
          cURL command. Paste it, choose a file or drop one here.
        </p>
        <div className="field">
          <label htmlFor={ids.file} className="field-label">
            File
          </label>
          <input id={ids.file} type="file" className="import-file" accept=".json,.yaml,.yml,.txt,.sh,application/json,text/yaml,text/plain" onChange={(e) => void loadFile(e.target.files?.[0])} />
        </div>
        <div className="field">
          <label htmlFor={ids.text} className="field-label">
            Or paste the document
          </label>
          {large ? (
            <div className="import-loaded">
              <span>
                {fileName ?? 'Pasted text'} · {formatBytes(new Blob([content]).size)} loaded
              </span>
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => {
                  setContent('');
                  setFileName(null);
                }}
              >
                Clear
              </button>
            </div>
          ) : (
            <textarea
              id={ids.text}
              className="textarea import-text"
              rows={10}
              spellCheck={false}
              placeholder={'{ "info": { … }, "item": [ … ] }\n\nor\n\ncurl https://<your_subdomain>.kinde.com/api/v1/users -H "Authorization: Bearer …"'}
              value={content}
              onChange={(e) => {
                setContent(e.target.value);
                setFileName(null);
                importer.reset();
              }}
            />
          )}
        </div>
        <div className="import-options">
          <div className="field">
            <label htmlFor={ids.format} className="field-label">
              Format
            </label>
            <select id={ids.format} className="select" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | '')}>
              <option value="">Detect automatically{guessed ? ` (${FORMAT_LABELS[guessed]})` : ''}</option>
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </div>
          {effective === 'postman-environment' && environmentId ? (
            <fieldset className="radio-group">
              <legend className="field-label">Import the environment</legend>
              <label>
                <input type="radio" name={ids.target} checked={envTarget === 'new'} onChange={() => setEnvTarget('new')} /> As a new environment
              </label>
              <label>
                <input type="radio" name={ids.target} checked={envTarget === 'merge'} onChange={() => setEnvTarget('merge')} /> Merge into {environmentName}
              </label>
            </fieldset>
          ) : (
            <p className="muted import-target">{targetNote(effective, environmentId ? environmentName : null, content.trim() !== '')}</p>
          )}
        </div>
        <FormFooter error={error} onCancel={onClose} submitLabel={importer.isPending ? 'Importing…' : 'Import'} disabled={importer.isPending} />
      </form>
    </ModalDialog>
  );
}
