import type { Hono } from 'hono';

/** Options accepted by `startSandbox` and `createSandboxApp`. */
export interface SandboxOptions {
  /** Listening address; default '127.0.0.1'. */
  host?: string;
  /** Listening port; default 8788, 0 picks a free one. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
  /** Scopes granted in issued tokens; default every scope the spec names. */
  scopes?: string[];
  /** Path, URL or parsed OpenAPI document; default process.env.KINDE_SPEC; null = run without a spec. */
  spec?: string | object | null;
  /** Lifetime of issued tokens; default 86400 like Kinde. */
  tokenTtlSeconds?: number;
  /** Fixed window limit on /api/v1/*; null switches it off. */
  rateLimit?: { requests: number; windowMs: number } | null;
  /** Seed of the generated data; the same seed gives the same users, ids and dates. */
  seed?: number;
  /**
   * The "regular web" application people sign in to (authorization code + PKCE): its client id,
   * secret and allowed callback URLs. Default: `sandbox_web_client` / `sandbox_web_secret`, with
   * the explorer's default callbacks on 127.0.0.1:8787 and localhost:8787.
   */
  webClient?: { clientId?: string; clientSecret?: string; redirectUris?: string[] };
  /** Lifetime of authorization codes; default 60 s. 0 makes every code expired (tests). */
  codeTtlSeconds?: number;
  /** Receives one line per request; default silent. */
  logger?: (line: string) => void;
}

/** One request as the sandbox saw it, with the bearer token redacted. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  hasBearer: boolean;
  body: string;
  at: string;
  /** The status answered; absent while the request is in flight or when the connection was reset. */
  status?: number;
}

export interface SandboxStats {
  tokenRequests: number;
  apiRequests: number;
  /** The last 200 requests, oldest first. */
  requests: RecordedRequest[];
}

export interface Faults {
  /** Delay before answering, in milliseconds. */
  latencyMs: number;
  /** Answer every matching request with this status and an errors body. */
  status: number | null;
  /** Destroy the socket instead of answering. */
  reset: boolean;
  /** Answer a 200 JSON body `{"users":[...]}` of about this many bytes, streamed. */
  largeBodyBytes: number | null;
  /** Answer 200 with a body that is not valid JSON. */
  invalidJson: boolean;
  /** Only requests whose path starts with this are affected; default '/api/v1/'. */
  pathPrefix: string | null;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:8788 — the environment's business_domain. */
  url: string;
  port: number;
  /** Usable with app.request() in tests. */
  app: Hono<any>;
  stats(): SandboxStats;
  setFaults(f: Partial<Faults>): void;
  reset(): void;
  issueToken(opts?: IssueTokenOptions): Promise<string>;
  close(): Promise<void>;
}

export interface IssueTokenOptions {
  scopes?: string[];
  /** Negative values give an already expired token. */
  expiresInSeconds?: number;
  /** Origin used for `iss` and `aud`; default the sandbox's own. */
  origin?: string;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8788,
  clientId: 'sandbox_m2m_client',
  clientSecret: 'sandbox_m2m_secret',
  tokenTtlSeconds: 86_400,
  rateLimit: { requests: 10_000, windowMs: 60_000 },
  seed: 42,
  webClientId: 'sandbox_web_client',
  webClientSecret: 'sandbox_web_secret',
  redirectUris: ['http://127.0.0.1:8787/api/auth/oidc/callback', 'http://localhost:8787/api/auth/oidc/callback'],
  codeTtlSeconds: 60,
} as const;
