import { useState, type FormEvent } from 'react';
import { FormFooter } from '../../lib/form-footer.tsx';
import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { useChangePassword } from './auth-queries.ts';
import { AuthField } from './auth-field.tsx';
import { useNewPassword } from './use-new-password.ts';

/** Change your own password; your other sessions (other browsers, devices) are signed out. */
export function PasswordDialog({ onClose }: { onClose: () => void }) {
  const [currentPassword, setCurrent] = useState('');
  const { password: newPassword, setPassword: setNew, repeat, setRepeat, mismatch, ready: passwordReady } = useNewPassword();
  const change = useChangePassword();
  const ready = currentPassword && passwordReady;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) change.mutate({ currentPassword, newPassword });
  };
  return (
    <ModalDialog title="Change password" onClose={onClose} className="name-dialog">
      {change.isSuccess ? (
        <div className="password-done">
          <p role="status">
            Password changed. {change.data.endedSessions === 0 ? 'You were not signed in anywhere else.' : `Signed out ${change.data.endedSessions} other session(s).`}
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="password-form" onSubmit={submit}>
          <AuthField id="pw-current" label="Current password" type="password" autoComplete="current-password" autoFocus value={currentPassword} onChange={setCurrent} />
          <AuthField id="pw-new" label="New password" type="password" autoComplete="new-password" hint="At least 10 characters. Your other sessions will be signed out." value={newPassword} onChange={setNew} />
          <AuthField id="pw-repeat" label="Repeat the new password" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} />
          <FormFooter
            error={mismatch ? 'The two passwords differ.' : change.isError ? change.error.message : null}
            onCancel={onClose}
            submitLabel={change.isPending ? 'Changing…' : 'Change password'}
            disabled={!ready || change.isPending}
          />
        </form>
      )}
    </ModalDialog>
  );
}
