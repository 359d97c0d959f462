import { useState, type FormEvent } from 'react';
import { useOwnerSetup } from './auth-queries.ts';
import { AuthError, AuthField } from './auth-field.tsx';
import { AuthCard } from './sign-in-page.tsx';
import { useNewPassword } from './use-new-password.ts';

/**
 * The first start with named accounts: whoever has the set-up code from the server's log creates
 * the owner account (and is signed in as it).
 */
export function OwnerSetupPage({ onCancel }: { onCancel?: (() => void) | undefined }) {
  const [setupCode, setSetupCode] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const { password, setPassword, repeat, setRepeat, mismatch, ready: passwordReady } = useNewPassword();
  const setup = useOwnerSetup();
  const ready = setupCode && name.trim() && email && passwordReady;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) setup.mutate({ setupCode, name, email, password });
  };
  return (
    <AuthCard
      title="Create the owner account"
      onSubmit={submit}
      note="This explorer has no owner yet. The owner invites the team and reads the audit log. The set-up code is on the “Owner set-up” line the server printed when it started."
    >
      <AuthField id="setup-code" label="Set-up code" autoComplete="off" autoFocus spellCheck={false} value={setupCode} onChange={setSetupCode} />
      <AuthField id="setup-name" label="Your name" autoComplete="name" value={name} onChange={setName} />
      <AuthField id="setup-email" label="Email" type="email" autoComplete="username" value={email} onChange={setEmail} />
      <AuthField id="setup-password" label="Password" type="password" autoComplete="new-password" hint="At least 10 characters." value={password} onChange={setPassword} />
      <AuthField id="setup-repeat" label="Repeat the password" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} />
      <AuthError message={mismatch ? 'The two passwords differ.' : setup.isError ? setup.error.message : null} />
      <button type="submit" className="btn btn-primary" disabled={!ready || setup.isPending}>
        {setup.isPending ? 'Creating…' : 'Create owner account'}
      </button>
      {onCancel && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel}>
          Back to the shared password
        </button>
      )}
    </AuthCard>
  );
}
