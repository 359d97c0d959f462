import { useEffect, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiClientError } from '../../lib/api-client.ts';
import { authKeys, meQuery } from './auth-queries.ts';
import { SignInPage } from './sign-in-page.tsx';

/**
 * Renders the app once `/api/auth/me` says who we are, the sign-in page when it answers 401.
 * A 401 from any later call (session expired, signed out elsewhere) asks `me` again.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());

  useEffect(() => {
    const recheck = (error: unknown) => {
      if (error instanceof ApiClientError && error.status === 401) void queryClient.invalidateQueries({ queryKey: authKeys.me });
    };
    const unQueries = queryClient.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error' && e.query.queryKey[0] !== 'auth') recheck(e.action.error);
    });
    const unMutations = queryClient.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error') recheck(e.action.error);
    });
    return () => {
      unQueries();
      unMutations();
    };
  }, [queryClient]);

  if (me.isPending) return <p className="auth-loading">Loading…</p>;
  if (me.isError) {
    return (
      <div className="auth-loading" role="alert">
        <p>{me.error.message}</p>
        <button type="button" className="btn" onClick={() => void me.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (!me.data.signedIn) return <SignInPage />;
  return <>{children}</>;
}
