import { useQuery } from '@tanstack/react-query';
import { meQuery, type Role } from './auth-queries.ts';

/** The signed-in role; editor when the server runs without sign-in. */
export function useRole(): Role {
  const { data } = useQuery(meQuery());
  return data?.signedIn ? data.role : 'editor';
}

/** Whether the user may create and change environments and collections (editors and owners). */
export function useCanEdit(): boolean {
  return useRole() !== 'viewer';
}

/** Whether the user manages members and reads the audit log. */
export function useIsOwner(): boolean {
  return useRole() === 'owner';
}
