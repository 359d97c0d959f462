import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { EnvironmentCreate, EnvironmentUpdate, EnvironmentView } from '@kinde-explorer/core';
import { client, unwrap } from '../../lib/api-client.ts';

/** Keys from general to specific, so invalidating ['environments'] refreshes them all. */
export const environmentKeys = {
  all: ['environments'] as const,
  one: (id: string) => ['environments', id] as const,
  token: (id: string) => ['environments', id, 'token'] as const,
};

export const environmentsQuery = () =>
  queryOptions({
    queryKey: environmentKeys.all,
    queryFn: async (): Promise<EnvironmentView[]> => (await unwrap(client.api.environments.$get())).environments,
  });

export const environmentQuery = (id: string) =>
  queryOptions({
    queryKey: environmentKeys.one(id),
    queryFn: async (): Promise<EnvironmentView> => unwrap(client.api.environments[':id'].$get({ param: { id } })),
  });

export function useCreateEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: EnvironmentCreate): Promise<EnvironmentView> =>
      unwrap(client.api.environments.$post({ json: input })),
    onSuccess: (env) => {
      queryClient.setQueryData(environmentKeys.one(env.id), env);
      return queryClient.invalidateQueries({ queryKey: environmentKeys.all, exact: true });
    },
  });
}

export function useUpdateEnvironment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: EnvironmentUpdate): Promise<EnvironmentView> =>
      unwrap(client.api.environments[':id'].$patch({ param: { id }, json: input })),
    onSuccess: (env) => {
      queryClient.setQueryData(environmentKeys.one(id), env);
      // New credentials make the cached token meaningless; the server forgets it too.
      queryClient.removeQueries({ queryKey: environmentKeys.token(id) });
      return queryClient.invalidateQueries({ queryKey: environmentKeys.all, exact: true });
    },
  });
}

export function useDeleteEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await unwrap(client.api.environments[':id'].$delete({ param: { id } }));
      return id;
    },
    onSuccess: (id) => {
      queryClient.removeQueries({ queryKey: environmentKeys.one(id) });
      return queryClient.invalidateQueries({ queryKey: environmentKeys.all, exact: true });
    },
  });
}
