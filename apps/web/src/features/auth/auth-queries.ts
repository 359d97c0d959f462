import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiClientError, client, unwrap } from '../../lib/api-client.ts';

export type Role = 'viewer' | 'editor' | 'owner';

export interface Account {
  id: string;
  email: string;
  name: string;
}

/** Who the browser is: signed in with a role (and an account, with named accounts), or asked to sign in. */
export type Me = { signedIn: true; role: Role; authRequired: boolean; account: Account | null } | { signedIn: false };

/** How this server signs people in: `accounts` (email + own password), `password` (shared), `off`. */
export interface AuthStatus {
  mode: 'off' | 'password' | 'accounts';
  /** No owner yet: the first visitor with the set-up code creates one. */
  needsOwner: boolean;
  /** "Sign in with Kinde" is configured on the server. */
  kinde: boolean;
}

export const authKeys = { me: ['auth', 'me'] as const, status: ['auth', 'status'] as const };

export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: async (): Promise<Me> => {
      try {
        const me = await unwrap(client.api.auth.me.$get());
        return { signedIn: true, role: me.role, authRequired: me.authRequired, account: 'account' in me && me.account ? me.account : null };
      } catch (err) {
        // 401 is an answer here ("sign in"), not a failure.
        if (err instanceof ApiClientError && err.status === 401) return { signedIn: false };
        throw err;
      }
    },
    staleTime: Infinity,
  });

export const statusQuery = () =>
  queryOptions({
    queryKey: authKeys.status,
    queryFn: async (): Promise<AuthStatus> => unwrap(client.api.auth.status.$get()),
    staleTime: 0,
  });

/** Everything cached so far belonged to nobody (401s) or someone else: start clean as the new session. */
async function startFresh(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  await queryClient.invalidateQueries({ queryKey: ['auth'] });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email?: string; password: string }) => unwrap(client.api.auth['sign-in'].$post({ json: input })),
    onSuccess: () => startFresh(queryClient),
  });
}

export function useOwnerSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { setupCode: string; email: string; name: string; password: string }) =>
      unwrap(client.api.auth.setup.$post({ json: input })),
    onSuccess: () => startFresh(queryClient),
  });
}

export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { token: string; name: string; password: string }) => unwrap(client.api.auth.invite.accept.$post({ json: input })),
    onSuccess: () => startFresh(queryClient),
  });
}

export const inviteQuery = (token: string) =>
  queryOptions({
    queryKey: ['auth', 'invite', token] as const,
    queryFn: async () => unwrap(client.api.auth.invite.inspect.$post({ json: { token } })),
    retry: false,
  });

/** Starts "Sign in with Kinde" (with an invite link's token to join by it) and leaves for Kinde's page. */
export function useKindeSignIn() {
  return useMutation({
    mutationFn: async (input: { invite?: string }) => unwrap(client.api.auth.oidc.start.$post({ json: input })),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (input: { currentPassword: string; newPassword: string }) => unwrap(client.api.auth.password.$post({ json: input })),
  });
}

/** Drops what the session could read, keeping the `me` query itself (observers hold it). */
function forget(queryClient: QueryClient) {
  queryClient.setQueryData<Me>(authKeys.me, { signedIn: false });
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(client.api.auth['sign-out'].$post()),
    onSettled: () => forget(queryClient),
  });
}

export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(client.api.auth['sign-out-everywhere'].$post()),
    onSuccess: () => forget(queryClient),
  });
}
