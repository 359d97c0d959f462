import { useId, useState, type FormEvent } from 'react';
import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { FormFooter } from '../../lib/form-footer.tsx';

interface NameDialogProps {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  /** Rejects with the message to show; the dialog stays open with what was typed. */
  onSubmit: (name: string) => Promise<unknown>;
  onClose: () => void;
}

/** Asks for one name (new collection, rename, new folder …); server errors appear inside it. */
export function NameDialog({ title, label, initial, submitLabel, onSubmit, onClose }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setError('A name is needed.');
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={title} onClose={onClose} className="name-dialog">
      <form className="form-stack" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={id} className="field-label">
            {label}
          </label>
          <input
            id={id}
            className="input"
            value={name}
            maxLength={200}
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <FormFooter error={error} onCancel={onClose} submitLabel={submitLabel} disabled={busy} />
      </form>
    </ModalDialog>
  );
}
