import { useState, type FormEvent } from 'react';
import { ApiClientError } from '../../lib/api-client.ts';
import { useSignIn } from './auth-queries.ts';
import './auth.css';

function problem(error: unknown): string {
  if (error instanceof ApiClientError) {
    if (error.code === 'rate_limited') return error.message;
    if (error.status === 401) return 'That password is not right.';
    return error.message;
  }
  return 'Could not sign in.';
}

/** Shown instead of the app when the server needs a sign-in (shared servers). */
export function SignInPage() {
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password) signIn.mutate(password, { onSuccess: () => setPassword('') });
  };
  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">K</span>
          <h1 id="sign-in-title" className="brand-name">Kinde API Explorer</h1>
        </div>
        <p className="sign-in-note">This explorer is shared. Sign in with the access password you were given.</p>
        <label className="sign-in-label" htmlFor="sign-in-password">
          Password
        </label>
        <input
          id="sign-in-password"
          className="input"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {signIn.isError && (
          <p className="sign-in-error" role="alert">
            {problem(signIn.error)}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={!password || signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
