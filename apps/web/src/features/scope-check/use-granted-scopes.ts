import { useEffect } from 'react';
import { useForgetToken, useGetToken, useTokenInfo } from '../environments/token-queries.ts';
import type { ApiClientError } from '../../lib/api-error.ts';

// Each environment's token is looked up once per page load on its own; after that only on request
// (a failing exchange must not be retried on every render).
const checked = new Set<string>();

export interface GrantedScopes {
  /** The token's scopes, or null while unknown (no environment, not checked yet, or failed). */
  scopes: string[] | null;
  checking: boolean;
  error: ApiClientError | null;
  /** Forgets the cached token and gets a new one: after granting a scope in Kinde. */
  refresh: () => void;
}

/**
 * The scopes the active environment's token grants, read from the same token query the
 * environment editor's "Get token" fills (the server returns claims, never the token).
 */
export function useGrantedScopes(environmentId: string | null): GrantedScopes {
  const id = environmentId ?? '';
  const { data: info } = useTokenInfo(id);
  const getToken = useGetToken(id);
  const forget = useForgetToken(id);

  useEffect(() => {
    if (!environmentId || info || checked.has(environmentId)) return;
    checked.add(environmentId);
    getToken.mutate();
  }, [environmentId, info, getToken]);

  const scopes = info ? (info.scopes ?? String(info.claims.scope ?? '').split(' ').filter(Boolean)) : null;
  return {
    scopes: environmentId ? scopes : null,
    checking: getToken.isPending || forget.isPending,
    error: (getToken.error as ApiClientError | null) ?? null,
    refresh: () => {
      if (!environmentId) return;
      forget.mutate(undefined, { onSettled: () => getToken.mutate() });
    },
  };
}
