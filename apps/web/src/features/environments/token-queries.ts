import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../lib/api-client.ts';
import { environmentKeys } from './environment-queries.ts';

export type TokenInfo = Awaited<ReturnType<typeof fetchToken>>;

async function fetchToken(id: string) {
  return unwrap(client.api.environments[':id'].token.$post({ param: { id } }));
}

/**
 * The last token the server reported for an environment. Getting a token is an action (it may
 * call Kinde), so it is a mutation whose result is kept in the query cache under the env's key.
 */
export function useTokenInfo(id: string) {
  return useQuery({
    queryKey: environmentKeys.token(id),
    queryFn: () => null as TokenInfo | null,
    initialData: null,
    staleTime: Infinity,
  });
}

export function useGetToken(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['token', id],
    mutationFn: () => fetchToken(id),
    onMutate: () => queryClient.setQueryData(environmentKeys.token(id), null),
    onSuccess: (info) => queryClient.setQueryData(environmentKeys.token(id), info),
  });
}

export function useForgetToken(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.api.environments[':id'].token.$delete({ param: { id } })),
    onSuccess: () => queryClient.setQueryData(environmentKeys.token(id), null),
  });
}
