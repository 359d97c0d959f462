import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Scripts } from '@kinde-explorer/core';
import { ApiClientError } from '../../lib/api-error.ts';
import { SCRIPT_MAX_CHARS } from '../../lib/core-constants.ts';
import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { LazyCodeEditor } from '../../lib/monaco/lazy-code-editor.tsx';
import { showToast } from '../command-palette/toast.tsx';
import { collectionKeys, fetchCollection, saveScripts } from './collections-queries.ts';
import { sameScripts, targetIn, textsOf, type ScriptsTarget, type ScriptTexts } from './scripts-model.ts';

type Part = keyof ScriptTexts;
const PARTS: { id: Part; label: string; example: string }[] = [
  { id: 'preRequest', label: 'Pre-request Script', example: 'e.g. pm.variables.set("org_name", "Acme " + Date.now());' },
  { id: 'test', label: 'Tests', example: 'e.g. pm.test("answers 200", () => pm.response.to.have.status(200));' },
];

interface ScriptsDialogProps {
  environmentId: string;
  target: ScriptsTarget;
  readOnly: boolean;
  onClose: () => void;
}

/**
 * A collection's or folder's "Pre-request Script" and "Tests", as in Postman's settings of one.
 * Nothing typed is lost: a conflict or an error keeps the text, closing with changes asks first.
 */
export function ScriptsDialog({ environmentId, target, readOnly, onClose }: ScriptsDialogProps) {
  const queryClient = useQueryClient();
  // What the editors started from; a conflict's "Load theirs" moves it.
  const [base, setBase] = useState<{ scripts: Scripts | null; updatedAt: string }>({ scripts: target.scripts, updatedAt: target.updatedAt });
  const [texts, setTexts] = useState<ScriptTexts>(() => textsOf(target.scripts));
  const [part, setPart] = useState<Part>(() => (target.scripts?.preRequest?.trim() || !target.scripts?.test?.trim() ? 'preRequest' : 'test'));
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ scripts: Scripts | null; updatedAt: string } | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [saving, setSaving] = useState(false);
  const ids = { tabs: useId(), hint: useId() };

  const dirty = !readOnly && !sameScripts(base.scripts, texts);
  const tooLong = PARTS.filter((p) => texts[p.id].length > SCRIPT_MAX_CHARS);
  const what = target.kind === 'collection' ? 'collection' : 'folder';

  const requestClose = () => {
    if (dirty && !saving) setConfirmClose(true);
    else onClose();
  };

  /** `retried`: the one automatic retry after a conflict that changed no script has been used. */
  const save = async (expectedUpdatedAt: string, retried = false) => {
    setSaving(true);
    setError(null);
    setConfirmClose(false);
    try {
      const answer = await saveScripts({ collectionId: target.collectionId, folderId: target.folderId, scripts: texts, expectedUpdatedAt });
      await queryClient.invalidateQueries({ queryKey: collectionKeys.list(environmentId) });
      const notices = answer.notices ?? [];
      showToast(`Saved the scripts of ${what} “${target.name}”.${notices.length > 0 ? ` ${notices.join(' ')}` : ''}`, 'info', notices.length > 0 ? { durationMs: 8000 } : undefined);
      onClose();
    } catch (e) {
      await handleFailure(e as Error, retried);
    } finally {
      setSaving(false);
    }
  };

  const handleFailure = async (e: Error, retried: boolean) => {
    const status = e instanceof ApiClientError ? e.status : 0;
    if (status === 409) {
      // The version moved; when the scripts themselves did not (a rename, a request saved into
      // the collection), saving over it loses nobody's work.
      const fresh = await fetchCollection(target.collectionId).then((c) => targetIn(c, target.folderId)).catch(() => undefined);
      if (!fresh) return setError(`The ${what} was changed elsewhere and could not be read again. Your scripts are still here; try Save again.`);
      if (!retried && sameScripts(fresh.scripts, base.scripts)) return save(fresh.updatedAt, true);
      return setConflict({ scripts: fresh.scripts, updatedAt: fresh.updatedAt });
    }
    if (status === 404) {
      return setError(`The ${what} “${target.name}” no longer exists (deleted elsewhere, or its collection moved). Your scripts are still here: copy what you need before closing.`);
    }
    setError(`Not saved: ${e.message} Your scripts are still here.`);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!readOnly && tooLong.length === 0 && !saving) void save(base.updatedAt);
  };

  const loadTheirs = () => {
    if (!conflict) return;
    setBase(conflict);
    setTexts(textsOf(conflict.scripts));
    setConflict(null);
  };

  return (
    <ModalDialog title={`Scripts of ${what} “${target.name}”`} onClose={requestClose} className="scripts-dialog">
      <form className="form-stack scripts-form" onSubmit={submit}>
        <p id={ids.hint} className="muted form-hint">
          {target.kind === 'collection'
            ? 'Runs around every request in this collection, on a single send and in the Runner.'
            : 'Runs around every request in this folder and its subfolders, on a single send and in the Runner.'}{' '}
          Order: collection pre-request → folders’ pre-request (outermost first) → request’s pre-request → <em>send</em> → collection tests → folders’ tests → request’s
          tests. Scripts never see secrets or the token.
        </p>
        <div className="seg-tabs" role="tablist" aria-label="Script">
          {PARTS.map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              id={`${ids.tabs}-${p.id}`}
              aria-selected={part === p.id}
              aria-controls={`${ids.tabs}-panel`}
              className="seg-tab"
              onClick={() => setPart(p.id)}
            >
              {p.label}
              {texts[p.id].trim() !== '' && <span className="scripts-dot" aria-label="(has a script)" />}
            </button>
          ))}
        </div>
        <div id={`${ids.tabs}-panel`} role="tabpanel" aria-labelledby={`${ids.tabs}-${part}`} className="scripts-panel">
          <p className="scripts-example muted">{PARTS.find((p) => p.id === part)!.example}</p>
          <div className="body-code scripts-code">
            <LazyCodeEditor
              key={part}
              language="javascript"
              path={`${target.folderId ?? target.collectionId}-${part}.js`}
              ariaLabel={`${PARTS.find((p) => p.id === part)!.label} of ${what} ${target.name}${readOnly ? ' (read-only)' : ''}`}
              value={texts[part]}
              readOnly={readOnly}
              onChange={(text) => setTexts((t) => ({ ...t, [part]: text }))}
              onSubmit={() => void (!readOnly && tooLong.length === 0 && !saving && save(base.updatedAt))}
            />
          </div>
        </div>
        {readOnly && <p className="muted form-hint">You can read these scripts; changing them needs the editor role.</p>}
        {tooLong.map((p) => (
          <p key={p.id} className="form-error" role="alert">
            {p.label} is {texts[p.id].length.toLocaleString('en')} characters; the limit is {SCRIPT_MAX_CHARS.toLocaleString('en')}. Shorten it to save.
          </p>
        ))}
        {conflict && (
          <div className="notice notice-warning" role="alert">
            <p className="notice-title">Changed elsewhere since you opened it</p>
            <p>
              Someone saved other scripts for this {what} meanwhile. Your text is still here. <strong>Overwrite</strong> replaces theirs with yours;{' '}
              <strong>Load theirs</strong> shows their version and drops your changes.
            </p>
            <div className="form-actions">
              <button type="button" className="btn btn-danger" onClick={loadTheirs} disabled={saving}>
                Load theirs
              </button>
              <button type="button" className="btn btn-primary" onClick={() => void save(conflict.updatedAt)} disabled={saving}>
                Overwrite
              </button>
            </div>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {confirmClose ? (
          <div className="form-actions scripts-confirm" role="alert">
            <span className="scripts-confirm-text">Discard your unsaved changes to these scripts?</span>
            <button type="button" className="btn" onClick={() => setConfirmClose(false)} autoFocus>
              Keep editing
            </button>
            <button type="button" className="btn btn-danger" onClick={onClose}>
              Discard changes
            </button>
          </div>
        ) : (
          <div className="form-actions">
            {dirty && <span className="scripts-unsaved">Unsaved changes</span>}
            <button type="button" className="btn" onClick={requestClose}>
              {readOnly ? 'Close' : 'Cancel'}
            </button>
            {!readOnly && (
              <button type="submit" className="btn btn-primary" disabled={saving || tooLong.length > 0 || conflict !== null}>
                {saving ? 'Saving…' : 'Save'}
              </button>
            )}
          </div>
        )}
      </form>
    </ModalDialog>
  );
}
