import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../lib/api-client.ts';
import type { Role } from '../auth/auth-queries.ts';

export const membersKeys = { all: ['members'] as const };

export const membersQuery = () =>
  queryOptions({
    queryKey: membersKeys.all,
    queryFn: async () => unwrap(client.api.members.$get()),
    // Others join and leave meanwhile: read afresh whenever the panel opens.
    staleTime: 0,
  });

export type MembersAnswer = Awaited<ReturnType<NonNullable<ReturnType<typeof membersQuery>['queryFn']>>>;
export type Member = MembersAnswer['members'][number];
export type Invite = MembersAnswer['invites'][number];

/** The link a new member opens: the token after `#`, so it never reaches a server log. */
export const inviteLink = (token: string) => `${window.location.origin}/join#${token}`;

function useMembersMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: membersKeys.all }) });
}

export const useInvite = () =>
  useMembersMutation(async (input: { email: string; role: Role; expiresInHours: number }) => unwrap(client.api.members.invites.$post({ json: input })));

export const useRevokeInvite = () => useMembersMutation(async (id: string) => unwrap(client.api.members.invites[':id'].$delete({ param: { id } })));

export const useChangeRole = () =>
  useMembersMutation(async ({ id, role }: { id: string; role: Role }) => unwrap(client.api.members[':id'].$patch({ param: { id }, json: { role } })));

export const useRemoveMember = () => useMembersMutation(async (id: string) => unwrap(client.api.members[':id'].$delete({ param: { id } })));
