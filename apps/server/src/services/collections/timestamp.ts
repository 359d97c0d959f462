let last = 0;

/**
 * An ISO timestamp strictly later than the previous one this process handed out, so two saves
 * in the same millisecond still get different `updatedAt` values (clients use it to spot staleness).
 */
export function nextTimestamp(): string {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
}
