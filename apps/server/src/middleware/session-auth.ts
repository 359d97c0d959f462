import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { apiError } from '../errors.ts';
import { accessFor, hasRole, VIEWER_VIEWS, type AuthService, type Role, type Session } from '../services/auth/index.ts';
import type { Actor } from '../services/audit/index.ts';

export const SESSION_COOKIE = 'explorer_session';

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in role (editor when sign-in is off); set by `sessionAuth`. */
    role: Role;
    /** Who is signed in, for the audit log; null when sign-in is off or the route is public. */
    actor: Actor | null;
    /** The signed-in session (null when sign-in is off or the route is public). */
    session: Session | null;
  }
}

/** The audit log's view of a session: a named account, or a shared password's role alone. */
export function actorOf(session: Session): Actor {
  return { id: session.account?.id ?? null, email: session.account?.email ?? null, role: session.role };
}

/**
 * The registered route that will answer (`METHOD path`), skipping `use()` middleware and, for
 * /api paths, the SPA's catch-all (it passes those on); null when nothing will (a 404).
 */
export function answeringRoute(c: Context): { method: string; path: string } | null {
  const api = c.req.path === '/api' || c.req.path.startsWith('/api/');
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL' && !(api && r.path === '/*'));
  return route ? { method: route.method, path: route.path } : null;
}

// Moved to ./client-address.ts (trusted proxies); kept here for the routes that import it.
export { clientKey } from './client-address.ts';

/**
 * Sign-in and roles, when sign-in is on. The answering route is looked up in `ROUTE_POLICY`; a
 * route without an entry is refused to everyone (default deny). The session is read from the
 * database on every request, so a removed member is refused at once on every instance. Viewers
 * get the reduced answers of `VIEWER_VIEWS`. Without sign-in every request is an editor's.
 */
export function sessionAuth(auth: AuthService): MiddlewareHandler {
  return async (c, next) => {
    c.set('actor', null);
    c.set('session', null);
    if (!auth.enabled) {
      c.set('role', 'editor');
      return next();
    }
    const route = answeringRoute(c);
    const key = route ? `${route.method} ${route.path}` : null;
    const access = route ? accessFor(route.method, route.path) : undefined;
    if (access === 'public') return next();

    const session = await auth.session(getCookie(c, SESSION_COOKIE));
    if (!session) {
      const state = await auth.mode();
      if (state.needsOwner && state.mode === 'accounts') {
        throw apiError(401, 'setup_required', 'This explorer has no owner yet: create the owner account first (the set-up code is on the "Owner set-up" line the server printed at start).');
      }
      throw apiError(401, 'unauthorized', 'Sign in first: this explorer is shared.');
    }
    // No route: let it reach the 404, for signed-in people only.
    if (route && access === undefined) {
      throw apiError(403, 'forbidden', `${key} has no access rule; it is refused until one is added (ROUTE_POLICY).`);
    }
    if (access && !hasRole(session.role, access)) {
      throw apiError(403, 'forbidden', `Signed in as ${session.role}: ${c.req.method} ${c.req.path} needs the ${access} role.`);
    }
    c.set('role', session.role);
    c.set('session', session);
    c.set('actor', actorOf(session));
    await next();

    const view = session.role === 'viewer' && key ? VIEWER_VIEWS[key] : undefined;
    if (view && c.res.status === 200) {
      const body = view(await c.res.clone().json());
      const headers = new Headers(c.res.headers);
      headers.delete('content-length');
      // Cleared first: assigning over a response copies its headers, content-length included.
      c.res = undefined as unknown as Response;
      c.res = new Response(JSON.stringify(body), { status: 200, headers });
    }
  };
}
