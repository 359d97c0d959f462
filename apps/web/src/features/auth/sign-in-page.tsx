import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiClientError } from '../../lib/api-client.ts';
import { AuthError, AuthField } from './auth-field.tsx';
import { statusQuery, useSignIn } from './auth-queries.ts';
import { KindeButton, OrDivider } from './kinde-button.tsx';
import { OwnerSetupPage } from './owner-setup-page.tsx';
import './auth.css';

function problem(error: unknown, withEmail: boolean): string {
  if (error instanceof ApiClientError) {
    if (error.code === 'rate_limited') return error.message;
    if (error.status === 401 && withEmail) return error.message.startsWith('Wrong') ? 'That email and password do not match an account.' : error.message;
    if (error.status === 401) return error.message.startsWith('Wrong') ? 'That password is not right.' : error.message;
    return error.message;
  }
  return 'Could not sign in.';
}

/** The card every signed-out page shares: the brand, a note, the form. */
export function AuthCard({ title, note, onSubmit, children }: { title: string; note: ReactNode; onSubmit: (e: FormEvent) => void; children: ReactNode }) {
  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={onSubmit} aria-label={title}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">K</span>
          <h1 className="brand-name">Kinde API Explorer</h1>
        </div>
        <h2 className="sign-in-title">{title}</h2>
        <p className="sign-in-note">{note}</p>
        {children}
      </form>
    </main>
  );
}

/** Shown instead of the app when the server needs a sign-in (shared servers). */
export function SignInPage() {
  const status = useQuery(statusQuery());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [settingUp, setSettingUp] = useState(false);
  const signIn = useSignIn();
  const accounts = status.data?.mode === 'accounts';
  const kinde = accounts && status.data?.kinde === true;

  if (status.data?.needsOwner && (accounts || settingUp)) return <OwnerSetupPage onCancel={accounts ? undefined : () => setSettingUp(false)} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!password || (accounts && !email)) return;
    signIn.mutate(accounts ? { email, password } : { password }, { onSuccess: () => setPassword('') });
  };
  return (
    <AuthCard
      title="Sign in"
      onSubmit={submit}
      note={kinde ? 'This explorer is shared. Sign in with your Kinde account, or with your email and your own password.' : accounts ? 'This explorer is shared. Sign in with your email and your own password.' : 'This explorer is shared. Sign in with the access password you were given.'}
    >
      {kinde && (
        <>
          <KindeButton label="Sign in with Kinde" />
          <OrDivider />
        </>
      )}
      {accounts && <AuthField id="sign-in-email" label="Email" type="email" autoComplete="username" autoFocus={!kinde} value={email} onChange={setEmail} />}
      <AuthField id="sign-in-password" label="Password" type="password" autoComplete="current-password" autoFocus={!accounts} value={password} onChange={setPassword} />
      <AuthError message={signIn.isError ? problem(signIn.error, accounts) : null} />
      <button type="submit" className="btn btn-primary" disabled={!password || (accounts && !email) || signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      {accounts && <p className="sign-in-hint">New here? Ask the owner for an invite link.</p>}
      {status.data?.mode === 'password' && status.data.needsOwner && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setSettingUp(true)}>
          Set up named accounts instead…
        </button>
      )}
    </AuthCard>
  );
}
