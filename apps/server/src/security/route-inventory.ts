import type { Hono } from 'hono';

export interface RouteEntry {
  method: string;
  /** As registered, e.g. `/api/collections/:id/requests/:requestId`. */
  pattern: string;
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every route the app serves, from Hono's own table (middleware `use()` entries left out), once each. */
export function routeInventory(app: Pick<Hono, 'routes'>): RouteEntry[] {
  const seen = new Map<string, RouteEntry>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, pattern: r.path });
  }
  return [...seen.values()];
}

/** A concrete path for a pattern: each `:param` replaced by `value(name)` (already path-safe), `*` by `rest`. */
export function fillPath(pattern: string, value: (name: string) => string = () => 'x', rest = 'x'): string {
  return pattern.replace(/:([A-Za-z_]\w*)(\{[^}]*\})?/g, (_m, name: string) => value(name)).replace(/\*/g, rest);
}
