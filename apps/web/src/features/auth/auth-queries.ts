import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiClientError, client, unwrap } from '../../lib/api-client.ts';

export type Role = 'viewer' | 'editor';

/** Who the browser is: signed in with a role, or asked to sign in. */
export type Me = { signedIn: true; role: Role; authRequired: boolean } | { signedIn: false };

export const authKeys = { me: ['auth', 'me'] as const };

export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: async (): Promise<Me> => {
      try {
        const me = await unwrap(client.api.auth.me.$get());
        return { signedIn: true, role: me.role, authRequired: me.authRequired };
      } catch (err) {
        // 401 is an answer here ("sign in"), not a failure.
        if (err instanceof ApiClientError && err.status === 401) return { signedIn: false };
        throw err;
      }
    },
    staleTime: Infinity,
  });

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (password: string) => unwrap(client.api.auth['sign-in'].$post({ json: { password } })),
    // Everything cached so far was a 401; start clean as the signed-in role.
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      await queryClient.invalidateQueries({ queryKey: authKeys.me });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(client.api.auth['sign-out'].$post()),
    // Keep the `me` query itself (observers hold it) and drop everything the session could read.
    onSettled: () => {
      queryClient.setQueryData<Me>(authKeys.me, { signedIn: false });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    },
  });
}
