import { apiError } from '../../errors.ts';

/**
 * Optimistic concurrency for an edit dialog: the `updatedAt` it was opened with must still be the
 * stored one, else 409 `conflict` (with the stored `updatedAt`) instead of overwriting someone's change.
 */
export function assertFresh(what: string, storedUpdatedAt: string, expected: string | undefined): void {
  if (expected === undefined || expected === storedUpdatedAt) return;
  throw apiError(409, 'conflict', `${what} was changed elsewhere since it was opened (saved ${storedUpdatedAt}). Reload it, or save again with the new updatedAt to overwrite.`, {
    updatedAt: storedUpdatedAt,
  });
}
