/** The share id of a `/share/<id>` path, or null for any other page (the SPA routes on it). */
export function shareIdFromPath(pathname: string): string | null {
  const match = /^\/share\/([A-Za-z0-9_-]{1,100})\/?$/.exec(pathname);
  return match ? match[1]! : null;
}
