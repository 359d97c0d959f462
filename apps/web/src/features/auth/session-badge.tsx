import { useQuery } from '@tanstack/react-query';
import { meQuery, useSignOut } from './auth-queries.ts';

/** "viewer · Sign out" in the top bar; nothing when the server runs without sign-in. */
export function SessionBadge() {
  const { data } = useQuery(meQuery());
  const signOut = useSignOut();
  if (!data?.signedIn || !data.authRequired) return null;
  return (
    <div className="session-badge">
      <span className={`role-chip role-${data.role}`} title={data.role === 'viewer' ? 'You can send saved requests but not change environments or collections.' : undefined}>
        {data.role}
      </span>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>
    </div>
  );
}
