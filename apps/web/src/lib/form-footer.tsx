import type { ReactNode } from 'react';

interface FormFooterProps {
  /** Shown above the buttons, announced to screen readers. */
  error?: string | null | undefined;
  onCancel: () => void;
  submitLabel: ReactNode;
  /** Disables the submit button (pending, or nothing to submit yet). */
  disabled?: boolean;
}

/** The end of a dialog's form: its error, then Cancel and the primary submit button. */
export function FormFooter({ error, onCancel, submitLabel, disabled }: FormFooterProps) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
