import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies } from './http/client-address.ts';
import { emailSchema, newPasswordSchema } from './services/accounts/schemas.ts';

/** The repository root (apps/server/src → ../../..); default home of `.data/` and the web build. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().trim().optional());
const port = (fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 65535')
      .max(65_535, 'must be between 0 and 65535')
      .default(fallback),
  );

/** An http(s) origin, without path or query; https required except on loopback. */
const httpUrl = (example: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be a URL such as ${example}` });
        return z.NEVER;
      }
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
      if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) {
        ctx.addIssue({ code: 'custom', message: `must be an https:// URL such as ${example} (http only on loopback)` });
        return z.NEVER;
      }
      if (u.pathname !== '/' || u.search || u.hash) {
        ctx.addIssue({ code: 'custom', message: `must be an origin without a path (${u.origin})` });
        return z.NEVER;
      }
      return u.origin;
    });

const envSchema = z.object({
  PORT: port(8787),
  HOST: z.preprocess(emptyAsUndefined, z.string().trim().default('127.0.0.1')),
  DATA_DIR: optionalString,
  /** `postgres://…`: the team engine (several instances on one database); unset: SQLite in DATA_DIR. */
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//i, 'must be a postgres:// URL (e.g. postgres://explorer:password@db.internal:5432/explorer); leave it unset for SQLite')
      .optional(),
  ),
  KINDE_SPEC: optionalString,
  EXPLORER_SECRET_KEY: z.preprocess(
    emptyAsUndefined,
    z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -base64 32`)').optional(),
  ),
  SANDBOX_PORT: port(8788),
  SANDBOX: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'must be "on" or "off"' }).default('on'),
  ),
  EXPLORER_ACCESS_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8, 'must be at least 8 characters').optional()),
  /** Signs in as a viewer (sees and sends saved requests); needs EXPLORER_ACCESS_PASSWORD too. */
  EXPLORER_VIEWER_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8, 'must be at least 8 characters').optional()),
  /** `accounts`: people sign in as themselves; the first browser creates the owner with the set-up code. */
  EXPLORER_SIGN_IN: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['accounts'], { error: 'must be "accounts" (named accounts) or unset' }).optional(),
  ),
  /** The first owner, created at start while there is none (both or neither). */
  EXPLORER_OWNER_EMAIL: z.preprocess(emptyAsUndefined, emailSchema.optional()),
  EXPLORER_OWNER_PASSWORD: z.preprocess(emptyAsUndefined, newPasswordSchema.optional()),
  EXPLORER_OWNER_NAME: optionalString,
  /** The address people type (e.g. https://explorer.example.com); the Kinde callback URL is derived from it. */
  EXPLORER_PUBLIC_URL: z.preprocess(emptyAsUndefined, httpUrl('https://explorer.example.com').optional()),
  /** Sign in with Kinde: the business domain (https://<subdomain>.kinde.com), a regular web application's id and secret. */
  EXPLORER_OIDC_ISSUER: z.preprocess(emptyAsUndefined, httpUrl('https://acme.kinde.com').optional()),
  EXPLORER_OIDC_CLIENT_ID: optionalString,
  EXPLORER_OIDC_CLIENT_SECRET: optionalString,
  /** Off by default: a Kinde user without an account or invite is refused. Set: they get an account with this role. */
  EXPLORER_OIDC_DEFAULT_ROLE: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['viewer', 'editor'], { error: 'must be "viewer" or "editor" (or unset: people need an invite)' }).optional(),
  ),
  /** Audit entries older than this many days are deleted. */
  EXPLORER_AUDIT_RETENTION_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a number' }).int('must be a whole number of days').min(1, 'must be at least 1 day').max(36_500).default(365),
  ),
  /** With several instances on one database: one silent this long has stopped, and another marks its runs as errors. */
  EXPLORER_INSTANCE_TIMEOUT_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a number' }).int('must be a whole number of seconds').min(2, 'must be at least 2 seconds').max(3600).default(20),
  ),
  /** Extra Host header values accepted, comma-separated (e.g. a LAN name or a reverse proxy host). */
  EXPLORER_ALLOWED_HOSTS: optionalString,
  /** Reverse proxies whose X-Forwarded-For is believed (addresses / CIDR ranges); default none. */
  EXPLORER_TRUSTED_PROXIES: optionalString.superRefine((v, ctx) => {
    const { invalid } = parseTrustedProxies(v);
    if (invalid.length > 0) ctx.addIssue({ code: 'custom', message: `${invalid.map((x) => `"${x}"`).join(', ')}: not an IP address or CIDR range (e.g. 127.0.0.1, 10.0.0.0/8, ::1)` });
  }),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }).default('info'),
  ),
  LOG_FILE: optionalString,
  /** Where the built SPA lives; tests point it at a fixture. */
  WEB_DIST: optionalString,
  /** How long `/api/send` waits for Kinde (per attempt, body included). */
  RELAY_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number({ error: 'must be a number' }).positive('must be above 0').max(3600).default(30)),
  /** `worker` (default): history batches are redacted and written on a worker thread; `inline`: on the event loop. */
  HISTORY_WRITER: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['worker', 'inline'], { error: 'must be "worker" or "inline"' }).default('worker'),
  ),
  /** Largest upstream response `/api/send` accepts. */
  RELAY_MAX_RESPONSE_MB: z.preprocess(emptyAsUndefined, z.coerce.number({ error: 'must be a number' }).positive('must be above 0').max(1024).default(64)),
});

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Set: PostgreSQL; unset: SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  kindeSpec: string | undefined;
  secretKey: string | undefined;
  sandboxPort: number;
  sandbox: boolean;
  accessPassword: string | undefined;
  viewerPassword: string | undefined;
  /** Named accounts wanted (`EXPLORER_SIGN_IN=accounts`, or an owner from the environment). */
  accounts: boolean;
  /** `EXPLORER_OWNER_*`: the first owner, created at start while there is none. */
  owner: { email: string; password: string; name: string | undefined } | undefined;
  auditRetentionDays: number;
  /** `EXPLORER_PUBLIC_URL` as an origin; unset: the address of each request (when its host is allowed). */
  publicUrl: string | undefined;
  /** Sign in with Kinde (OpenID Connect), when the issuer, client id and secret are set. */
  oidc: OidcConfig | undefined;
  /** An instance whose heartbeat is older than this has stopped (EXPLORER_INSTANCE_TIMEOUT_SECONDS). */
  instanceTimeoutMs: number;
  allowedHosts: string[];
  /** `EXPLORER_TRUSTED_PROXIES`: the peers whose X-Forwarded-For names the client (addresses, CIDR ranges). */
  trustedProxies: string[];
  logLevel: LogLevel;
  logFile: string | undefined;
  webDist: string;
  relayTimeoutMs: number;
  relayMaxResponseBytes: number;
  historyWriter: 'worker' | 'inline';
}

export interface OidcConfig {
  /** The Kinde business domain as an origin, e.g. https://acme.kinde.com. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts for Kinde users nobody invited; undefined: they are refused. */
  defaultRole: 'viewer' | 'editor' | undefined;
}

/** Thrown with every problem listed, one per line, so a bad `.env` is fixed in one go. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the server's environment variables; creates DATA_DIR. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.EXPLORER_VIEWER_PASSWORD && !e.EXPLORER_ACCESS_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  EXPLORER_VIEWER_PASSWORD: needs EXPLORER_ACCESS_PASSWORD (the editor password) set too');
  }
  if (e.EXPLORER_VIEWER_PASSWORD && e.EXPLORER_VIEWER_PASSWORD === e.EXPLORER_ACCESS_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  EXPLORER_VIEWER_PASSWORD: must differ from EXPLORER_ACCESS_PASSWORD');
  }
  if (Boolean(e.EXPLORER_OWNER_EMAIL) !== Boolean(e.EXPLORER_OWNER_PASSWORD)) {
    const missing = e.EXPLORER_OWNER_EMAIL ? 'EXPLORER_OWNER_PASSWORD' : 'EXPLORER_OWNER_EMAIL';
    throw new ConfigError(`Invalid configuration:\n  ${missing}: set EXPLORER_OWNER_EMAIL and EXPLORER_OWNER_PASSWORD together (or neither)`);
  }
  const oidcVars = [e.EXPLORER_OIDC_ISSUER, e.EXPLORER_OIDC_CLIENT_ID, e.EXPLORER_OIDC_CLIENT_SECRET];
  if (oidcVars.some(Boolean) && !oidcVars.every(Boolean)) {
    throw new ConfigError(
      'Invalid configuration:\n  EXPLORER_OIDC_*: set EXPLORER_OIDC_ISSUER, EXPLORER_OIDC_CLIENT_ID and EXPLORER_OIDC_CLIENT_SECRET together (or none); ' +
        'they are the Kinde business domain and a regular web application\'s client id and secret',
    );
  }
  if (e.DATABASE_URL && !e.EXPLORER_SECRET_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  EXPLORER_SECRET_KEY: required with DATABASE_URL. Every instance on the database must seal secrets with the same key: ' +
        'generate one (`openssl rand -base64 32`) and give it to each instance.',
    );
  }
  // `pnpm start` runs in apps/server; relative paths mean what they meant where the user typed them.
  const base = env.INIT_CWD ?? process.cwd();
  const dataDir = e.DATA_DIR ? resolve(base, e.DATA_DIR) : resolve(REPO_ROOT, '.data');
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new ConfigError(`DATA_DIR ${dataDir} cannot be created: ${(err as Error).message}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    kindeSpec: e.KINDE_SPEC && !/^https?:\/\//i.test(e.KINDE_SPEC) ? resolve(base, e.KINDE_SPEC) : e.KINDE_SPEC,
    secretKey: e.EXPLORER_SECRET_KEY,
    sandboxPort: e.SANDBOX_PORT,
    sandbox: !['off', 'false', '0'].includes(e.SANDBOX),
    accessPassword: e.EXPLORER_ACCESS_PASSWORD,
    viewerPassword: e.EXPLORER_VIEWER_PASSWORD,
    // Sign in with Kinde signs people in to named accounts, so it turns them on.
    accounts: e.EXPLORER_SIGN_IN === 'accounts' || Boolean(e.EXPLORER_OWNER_EMAIL) || Boolean(e.EXPLORER_OIDC_ISSUER),
    owner: e.EXPLORER_OWNER_EMAIL && e.EXPLORER_OWNER_PASSWORD ? { email: e.EXPLORER_OWNER_EMAIL, password: e.EXPLORER_OWNER_PASSWORD, name: e.EXPLORER_OWNER_NAME } : undefined,
    auditRetentionDays: e.EXPLORER_AUDIT_RETENTION_DAYS,
    publicUrl: e.EXPLORER_PUBLIC_URL,
    oidc:
      e.EXPLORER_OIDC_ISSUER && e.EXPLORER_OIDC_CLIENT_ID && e.EXPLORER_OIDC_CLIENT_SECRET
        ? { issuer: e.EXPLORER_OIDC_ISSUER, clientId: e.EXPLORER_OIDC_CLIENT_ID, clientSecret: e.EXPLORER_OIDC_CLIENT_SECRET, defaultRole: e.EXPLORER_OIDC_DEFAULT_ROLE }
        : undefined,
    instanceTimeoutMs: e.EXPLORER_INSTANCE_TIMEOUT_SECONDS * 1000,
    allowedHosts: (e.EXPLORER_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    trustedProxies: parseTrustedProxies(e.EXPLORER_TRUSTED_PROXIES).entries,
    logLevel: e.LOG_LEVEL,
    logFile: e.LOG_FILE ? resolve(base, e.LOG_FILE) : undefined,
    webDist: e.WEB_DIST ? resolve(base, e.WEB_DIST) : resolve(REPO_ROOT, 'apps/web/dist'),
    relayTimeoutMs: Math.round(e.RELAY_TIMEOUT_SECONDS * 1000),
    relayMaxResponseBytes: Math.round(e.RELAY_MAX_RESPONSE_MB * 1024 * 1024),
    historyWriter: e.HISTORY_WRITER,
  };
}
