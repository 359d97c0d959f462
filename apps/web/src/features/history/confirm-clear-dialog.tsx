import { ModalDialog } from '../../lib/modal-dialog.tsx';

interface ConfirmClearDialogProps {
  environmentName: string;
  count: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** Clearing history cannot be undone, so it asks first. */
export function ConfirmClearDialog({ environmentName, count, busy, error, onConfirm, onClose }: ConfirmClearDialogProps) {
  return (
    <ModalDialog title="Clear history?" onClose={onClose} className="name-dialog">
      <p>
        This deletes {count} of <strong>{environmentName}</strong> from the server’s history. It cannot be undone. Saved
        requests in collections are not affected.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy}>
          Clear history
        </button>
      </div>
    </ModalDialog>
  );
}
