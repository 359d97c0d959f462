import type { Role } from './roles.ts';

/** `public`: no sign-in; a role: at least that role. */
export type Access = 'public' | Role;

/**
 * Who may call each route when sign-in is on, keyed `METHOD path` exactly as the route is
 * registered (Hono's `app.routes`). A route missing here is refused to everyone (default deny),
 * and `route-policy.test.ts` fails until it is added — a new route cannot be forgotten.
 *
 * Viewers see and send saved requests: they read collections, history and the catalog and may
 * send, but cannot see or change environments' variables, change collections, or import/export
 * environments. Snippets resolve variables server-side, so they are editor-only too. A collection
 * run is a series of sends of saved requests, so viewers may start and stop runs too, but only
 * editors may have a run write variables back to the environment (checked in the route).
 * Owners are editors who also manage members and read the audit log.
 */
export const ROUTE_POLICY: Readonly<Record<string, Access>> = {
  // The SPA's files hold no data; the sign-in page must load before anyone is signed in.
  'GET /*': 'public',
  'HEAD /*': 'public',
  'GET /api/health': 'public',
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/sign-out': 'public',
  'GET /api/auth/me': 'public',
  'GET /api/auth/status': 'public',
  // The first owner proves it read the server log (set-up code); an invite link's token is its proof.
  'POST /api/auth/setup': 'public',
  'POST /api/auth/invite/inspect': 'public',
  'POST /api/auth/invite/accept': 'public',
  // Sign in with Kinde: leaving for Kinde and coming back happen before anyone is signed in.
  'POST /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'POST /api/auth/password': 'viewer',
  'POST /api/auth/sign-out-everywhere': 'viewer',
  // Owners manage the members and read the audit log.
  'GET /api/members': 'owner',
  'POST /api/members/invites': 'owner',
  'DELETE /api/members/invites/:id': 'owner',
  'PATCH /api/members/:id': 'owner',
  'DELETE /api/members/:id': 'owner',
  'GET /api/audit': 'owner',
  'GET /api/audit/export': 'owner',

  'GET /api/openapi.json': 'viewer',
  'GET /api/catalog': 'viewer',
  'GET /api/catalog/:operationId': 'viewer',
  'GET /api/spec/status': 'viewer',
  'PUT /api/spec': 'editor',

  // Viewers get the list and each environment with its variables removed (see VIEWER_VIEWS).
  'GET /api/environments': 'viewer',
  'GET /api/environments/:id': 'viewer',
  'POST /api/environments': 'editor',
  'PATCH /api/environments/:id': 'editor',
  'DELETE /api/environments/:id': 'editor',
  'POST /api/environments/:id/token': 'viewer',
  'DELETE /api/environments/:id/token': 'viewer',

  'POST /api/send': 'viewer',
  'DELETE /api/send/:requestId': 'viewer',

  'GET /api/environments/:id/collections': 'viewer',
  'POST /api/environments/:id/collections': 'editor',
  'POST /api/environments/:id/collections/reorder': 'editor',
  'GET /api/collections/:id': 'viewer',
  'PATCH /api/collections/:id': 'editor',
  'DELETE /api/collections/:id': 'editor',
  'POST /api/collections/:id/duplicate': 'editor',
  'POST /api/collections/:id/copy': 'editor',
  'POST /api/collections/:id/reorder': 'editor',
  'POST /api/collections/:id/folders': 'editor',
  'PATCH /api/collections/:id/folders/:folderId': 'editor',
  'DELETE /api/collections/:id/folders/:folderId': 'editor',
  'POST /api/collections/:id/requests': 'editor',
  'GET /api/collections/:id/requests/:requestId': 'viewer',
  'PUT /api/collections/:id/requests/:requestId': 'editor',
  'PATCH /api/collections/:id/requests/:requestId': 'editor',
  'DELETE /api/collections/:id/requests/:requestId': 'editor',
  'POST /api/trash/:token/restore': 'editor',

  'GET /api/environments/:id/history': 'viewer',
  'DELETE /api/environments/:id/history': 'editor',
  'GET /api/history/:id': 'viewer',

  'POST /api/environments/:id/import': 'editor',
  'POST /api/import': 'editor',
  'GET /api/collections/:id/export': 'viewer',
  'GET /api/environments/:id/export': 'editor',

  'GET /api/snippets/targets': 'viewer',
  'POST /api/snippets': 'editor',
  'POST /api/snippets/token': 'editor',

  // Share links are for teammates signed in to the same server; making or revoking one is a change.
  'GET /api/shares': 'viewer',
  'GET /api/shares/:id': 'viewer',
  'POST /api/shares/:id/snippet': 'viewer',
  'POST /api/shares': 'editor',
  'DELETE /api/shares/:id': 'editor',

  // Running sends the saved requests of a collection, which viewers may send one by one; writing
  // variables back to the environment (`persistVariables`) is an environment change: editors only.
  'POST /api/runs': 'viewer',
  'POST /api/runs/:id/stop': 'viewer',
  'GET /api/runs': 'viewer',
  'GET /api/runs/:id': 'viewer',
  'GET /api/runs/:id/events': 'viewer',
  'GET /api/runs/:id/export': 'viewer',
};

/** The policy of a registered route, or undefined when it has none (then: refused). */
export function accessFor(method: string, routePath: string): Access | undefined {
  return ROUTE_POLICY[`${method} ${routePath}`];
}
