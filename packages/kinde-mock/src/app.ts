import { Hono } from 'hono';
import { bearerAuth } from './auth/bearer.ts';
import { createRateLimiter } from './auth/rate-limit.ts';
import type { AppEnv, SandboxContext } from './context.ts';
import { controlRoutes } from './control.ts';
import { ApiError, errorBody, routeNotFoundBody } from './errors.ts';
import { authorizeRoutes } from './oidc/authorize-routes.ts';
import { OidcState } from './oidc/oidc-state.ts';
import { userProfileRoutes } from './oidc/user-profile-routes.ts';
import { ConnectionResetFault, NO_FAULTS, faultMiddleware } from './faults.ts';
import { DEFAULTS, type Faults, type IssueTokenOptions, type SandboxOptions, type SandboxStats } from './options.ts';
import { CORE_SCOPES } from './resources/core-scopes.ts';
import { coreRoutes } from './resources/core-routes.ts';
import { specRoutes, isPublicOperation } from './resources/spec-routes.ts';
import { loadSpecSync } from './spec/load-spec.ts';
import { allScopes } from './spec/operations.ts';
import { StatsRecorder } from './stats.ts';
import { Store } from './store/store.ts';
import { issueAccessToken } from './token/issue-token.ts';
import { createSigningKey } from './token/signing-key.ts';
import { tokenRoutes } from './token/token-route.ts';
import { wellKnownRoutes } from './token/well-known.ts';

/** The app plus the handles `startSandbox` and tests use. */
export interface SandboxApp {
  app: Hono<AppEnv>;
  context: SandboxContext;
  stats(): SandboxStats;
  faults(): Faults;
  setFaults(f: Partial<Faults>): void;
  reset(): void;
  /** Signs a token as the token endpoint would; origin defaults to app.request()'s http://localhost. */
  issueToken(opts?: IssueTokenOptions): Promise<string>;
}

/** Builds the sandbox as a Hono app without listening; a spec URL must be loaded first (startSandbox does). */
export function createSandboxApp(opts: SandboxOptions = {}): SandboxApp {
  const specSource = opts.spec === undefined ? process.env.KINDE_SPEC : opts.spec;
  const doc = specSource ? loadSpecSync(specSource) : null;
  const clientId = opts.clientId ?? DEFAULTS.clientId;
  const clientSecret = opts.clientSecret ?? DEFAULTS.clientSecret;
  const context: SandboxContext = {
    clientId,
    clientSecret,
    grantedScopes: opts.scopes ?? [...new Set([...(doc ? allScopes(doc) : []), ...CORE_SCOPES])].sort(),
    tokenTtlSeconds: opts.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds,
    doc,
    key: createSigningKey(),
    store: new Store(opts.seed ?? DEFAULTS.seed, clientId, clientSecret),
    oidc: new OidcState(
      {
        clientId: opts.webClient?.clientId ?? DEFAULTS.webClientId,
        clientSecret: opts.webClient?.clientSecret ?? DEFAULTS.webClientSecret,
        redirectUris: opts.webClient?.redirectUris ?? [...DEFAULTS.redirectUris],
        name: 'Kinde API Explorer',
      },
      opts.codeTtlSeconds ?? DEFAULTS.codeTtlSeconds,
    ),
  };
  const recorder = new StatsRecorder();
  let faults: Faults = { ...NO_FAULTS };
  const rateLimit = opts.rateLimit === undefined ? DEFAULTS.rateLimit : opts.rateLimit;
  const limiter = createRateLimiter(() => rateLimit);
  const log = opts.logger;

  // Not strict: /api/v1/users/ reaches the same route as /api/v1/users, as the spec fallback already allows.
  const app = new Hono<AppEnv>({ strict: false });
  if (log) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
    });
  }
  app.use('*', recorder.middleware());
  app.use('*', faultMiddleware(() => faults));

  const handles: Omit<SandboxApp, 'app' | 'context'> = {
    stats: () => recorder.snapshot(),
    faults: () => ({ ...faults }),
    setFaults: (f) => {
      faults = { ...faults, ...f };
    },
    reset: () => {
      context.store.reset();
      context.oidc.clear();
      faults = { ...NO_FAULTS };
      recorder.clear();
      limiter.reset();
    },
    issueToken: (o = {}) =>
      issueAccessToken(context.key, {
        origin: o.origin ?? 'http://localhost',
        clientId: context.clientId,
        scopes: o.scopes ?? context.grantedScopes,
        expiresInSeconds: o.expiresInSeconds ?? context.tokenTtlSeconds,
      }),
  };

  app.route('/', controlRoutes(handles));
  app.route('/', wellKnownRoutes(context));
  app.route('/', tokenRoutes(context, () => recorder.countTokenRequest()));
  app.route('/', authorizeRoutes(context));
  app.route('/', userProfileRoutes(context));
  app.use('/api/v1/*', limiter.middleware);
  app.use('/api/v1/*', bearerAuth(context, (method, path) => isPublicOperation(doc, method, path)));
  app.route('/', coreRoutes(context));
  if (doc) app.route('/', specRoutes(doc));

  app.notFound((c) => c.json(routeNotFoundBody(), 404));
  app.onError((err, c) => {
    if (err instanceof ConnectionResetFault) throw err;
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status);
    log?.(`error ${c.req.method} ${c.req.path}: ${String(err)}`);
    return c.json(errorBody('INTERNAL_ERROR', 'The sandbox failed to handle this request.'), 500);
  });

  return { app, context, ...handles };
}
