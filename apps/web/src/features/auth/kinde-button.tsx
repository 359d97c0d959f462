import { AuthError } from './auth-field.tsx';
import { useKindeSignIn } from './auth-queries.ts';

/**
 * "Sign in with Kinde" / "Join with Kinde": the server keeps the login and answers Kinde's URL,
 * the browser goes there and comes back signed in (or to a page that says why not).
 */
export function KindeButton({ label, invite }: { label: string; invite?: string }) {
  const start = useKindeSignIn();
  // Stays "Opening Kinde…" after success: the page is being replaced.
  const busy = start.isPending || start.isSuccess;
  return (
    <div className="kinde-sign-in">
      <button type="button" className="btn kinde-button" disabled={busy} onClick={() => start.mutate(invite ? { invite } : {})}>
        <span className="kinde-mark" aria-hidden="true">K</span>
        {busy ? 'Opening Kinde…' : label}
      </button>
      <AuthError message={start.isError ? start.error.message : null} />
    </div>
  );
}

/** The line between the Kinde button and the password form. */
export function OrDivider() {
  return (
    <div className="auth-or" role="separator">
      <span>or</span>
    </div>
  );
}
