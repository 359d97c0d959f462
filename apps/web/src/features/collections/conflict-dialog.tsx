import { ModalDialog } from '../../lib/modal-dialog.tsx';

interface ConflictDialogProps {
  kind: 'conflict' | 'gone';
  name: string;
  busy: boolean;
  onOverwrite: () => void;
  onReload: () => void;
  onSaveAsNew: () => void;
  onClose: () => void;
}

/**
 * Ctrl/Cmd+S met a newer save elsewhere (409) or a deleted request (404). Nothing is lost until
 * the user chooses: the tab keeps its draft whatever they pick except "Load saved version".
 */
export function ConflictDialog({ kind, name, busy, onOverwrite, onReload, onSaveAsNew, onClose }: ConflictDialogProps) {
  if (kind === 'gone') {
    return (
      <ModalDialog title="The saved request is gone" onClose={onClose} className="conflict-dialog">
        <p>
          “{name}” was deleted (or moved to another environment) since this tab opened it. Your changes are still in this
          tab; save them as a new request to keep them.
        </p>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={onSaveAsNew} autoFocus>
            Save as new…
          </button>
        </div>
      </ModalDialog>
    );
  }
  return (
    <ModalDialog title="Saved elsewhere since you opened it" onClose={onClose} className="conflict-dialog">
      <p>
        “{name}” was saved again (in another tab or by a teammate) after this tab loaded it. Saving now would replace that
        version.
      </p>
      <ul className="conflict-choices">
        <li>
          <strong>Overwrite</strong>: keep this tab’s version; the other one is replaced.
        </li>
        <li>
          <strong>Load saved version</strong>: this tab shows the other version; its unsaved changes are discarded.
        </li>
        <li>
          <strong>Cancel</strong>: nothing changes; you can copy what you need first.
        </li>
      </ul>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={onReload} disabled={busy}>
          Load saved version
        </button>
        <button type="button" className="btn btn-primary" onClick={onOverwrite} disabled={busy} autoFocus>
          Overwrite
        </button>
      </div>
    </ModalDialog>
  );
}
