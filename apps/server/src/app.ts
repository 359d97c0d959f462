import { Hono } from 'hono';
import type { AppDeps } from './deps.ts';
import { createErrorHandler, notFoundHandler } from './errors.ts';
import { bodySizeLimit } from './middleware/body-size-limit.ts';
import { clientAddressOf } from './middleware/client-address.ts';
import { hostCheck } from './middleware/host-check.ts';
import { requestLog } from './middleware/request-log.ts';
import { sameOrigin } from './middleware/same-origin.ts';
import { sessionAuth } from './middleware/session-auth.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { mountSpa } from './middleware/spa.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { collectionRoutes } from './routes/collections.ts';
import { environmentRoutes } from './routes/environments.ts';
import { healthRoutes } from './routes/health.ts';
import { historyRoutes } from './routes/history.ts';
import { importExportRoutes } from './routes/import-export.ts';
import { memberRoutes } from './routes/members.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { openapiRoutes } from './routes/openapi.ts';
import { runRoutes } from './routes/runs.ts';
import { sendRoutes } from './routes/send.ts';
import { shareRoutes } from './routes/shares.ts';
import { snippetRoutes } from './routes/snippets.ts';
import { specRoutes } from './routes/spec.ts';
import { tokenRoutes } from './routes/token.ts';

/** Request bodies above this are refused before parsing (the largest legitimate one is a send with a big body). */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

/**
 * The whole HTTP surface. Sub-apps are chained in one expression so `AppType` keeps every
 * route for the web's `hc<AppType>` client.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);

  app.use(clientAddressOf(deps.config.trustedProxies));
  app.use(requestLog(deps.logger));
  app.use(securityHeaders());
  app.use(hostCheck({ bindHost: deps.config.host, allowedHosts: deps.config.allowedHosts }));
  app.use('/api/*', sameOrigin());
  // After the CSRF check, so a cross-site request is refused whether or not it carries a session.
  app.use(sessionAuth(deps.auth));
  app.use('/api/*', bodySizeLimit(MAX_BODY_BYTES));

  const routes = app
    .route('/api/health', healthRoutes(deps))
    .route('/api/auth', authRoutes(deps))
    .route('/api/auth/oidc', oidcRoutes(deps))
    .route('/api/members', memberRoutes(deps))
    .route('/api/audit', auditRoutes(deps))
    .route('/api/openapi.json', openapiRoutes())
    .route('/api/environments', environmentRoutes(deps))
    .route('/api/environments', tokenRoutes(deps))
    .route('/api/send', sendRoutes(deps))
    .route('/api/catalog', catalogRoutes(deps))
    .route('/api/spec', specRoutes(deps))
    .route('/api', collectionRoutes(deps))
    .route('/api', historyRoutes(deps))
    .route('/api', importExportRoutes(deps))
    .route('/api/snippets', snippetRoutes(deps))
    .route('/api/shares', shareRoutes(deps))
    .route('/api/runs', runRoutes(deps));

  // After the API routes, so an unknown /api path stays a JSON 404.
  mountSpa(app, deps.config.webDist);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
