import { join } from 'node:path';
import type { Config } from './config.ts';
import type { AppDeps } from './deps.ts';
import { createLogger, type Logger } from './logger.ts';
import { createAuditService } from './services/audit/index.ts';
import { createAuthService } from './services/auth/index.ts';
import type { AuthOptions } from './services/auth/auth-service.ts';
import { createCollectionsService } from './services/collections/index.ts';
import { createEnvironmentsService } from './services/environments/index.ts';
import { createHistoryService, workerHistoryWriter, type HistoryStorage } from './services/history/index.ts';
import type { HistoryLimits } from './services/history/write-batch.ts';
import { createKindeClient } from './services/oidc/kinde-client.ts';
import { createKindeSignIn } from './services/oidc/kinde-sign-in.ts';
import { createRelay } from './services/relay/relay.ts';
import { createRunsService } from './services/runs/runs-service.ts';
import { registerInstance } from './services/instances/instance-registry.ts';
import { createSendResolver } from './services/relay/resolve-for-send.ts';
import { createSendCancels } from './services/relay/send-cancels.ts';
import { createSharesService } from './services/shares/index.ts';
import { createSpecService, type SpecServiceOptions } from './services/spec/index.ts';
import { DB_FILE_NAME, openDataLayer, type DataLayer } from './services/storage/index.ts';
import { checkVaultKey } from './services/vault/key-check.ts';
import { loadVaultKey } from './services/vault/key-source.ts';
import { exchangeToken } from './services/token/exchange-token.ts';
import { sharedExchange } from './services/token/shared-exchange.ts';
import { TokenCache } from './services/token/token-cache.ts';
import { SecretRegistry } from './services/vault/secret-registry.ts';
import { createVault } from './services/vault/vault.ts';

export interface CreateDepsOptions {
  /** Replaces the logger built from the config (tests pass a collecting one). */
  logger?: Logger;
  secrets?: SecretRegistry;
  /** Overrides of the spec loader, e.g. `downloadUrl: null` offline. */
  spec?: Partial<Omit<SpecServiceOptions, 'dataDir' | 'logger'>>;
  /** Overrides of the sign-in service, e.g. a cheaper scrypt cost in tests. */
  auth?: Pick<AuthOptions, 'scryptCost' | 'now'>;
  /** An opened data layer instead of the configured one (tests: a PostgreSQL schema of their own). */
  data?: DataLayer;
  /** Where history's worker connects when `data` is handed in (by default it writes inline on `data` then). */
  historyStorage?: HistoryStorage;
}

/** The configured database, as history's worker opens it. */
function storageOf(config: Config): HistoryStorage {
  return config.databaseUrl ? { engine: 'postgres', url: config.databaseUrl } : { engine: 'sqlite', file: join(config.dataDir, DB_FILE_NAME) };
}

/** Builds the core services from a config: data layer, vault, environments, spec loader, logger. */
export async function createDeps(config: Config, opts: CreateDepsOptions = {}): Promise<AppDeps> {
  const secrets = opts.secrets ?? new SecretRegistry();
  // The database password never reaches a log line either.
  const dbPassword = config.databaseUrl ? decodeURIComponent(new URL(config.databaseUrl).password) : '';
  if (dbPassword) secrets.add(dbPassword);
  if (config.oidc) secrets.add(config.oidc.clientSecret);
  const logger = opts.logger ?? createLogger({ level: config.logLevel, file: config.logFile, secrets });
  const keySource = loadVaultKey({ secretKey: config.secretKey, dataDir: config.dataDir });
  for (const w of keySource.warnings) logger.warn(w);
  if (keySource.origin === 'file-created') logger.info('Created a new vault key in DATA_DIR/secret.key (mode 0600); back it up with the database.');
  const vault = createVault(keySource.key, secrets);
  const data = opts.data ?? (await openDataLayer(config, (message, err) => logger.warn({ err: err.message }, message)));
  const check = await checkVaultKey(data, vault);
  if (!check.ok) logger.error(check.message);
  const environments = createEnvironmentsService(data, vault);
  const spec = createSpecService({ dataDir: config.dataDir, kindeSpec: config.kindeSpec, logger, ...opts.spec });
  // Tokens join the secret registry so no log line can carry one; edited or deleted environments
  // (on any instance) drop theirs. One exchange per environment across every instance.
  const tokens = new TokenCache({
    exchange: sharedExchange({ data, vault, exchange: (creds) => exchangeToken(creds) }),
    onIssued: (t) => secrets.add(t.accessToken),
  });
  environments.onChange((id) => (id === null ? tokens.clear() : tokens.invalidate(id)));
  const collections = createCollectionsService({ data, environments, secrets });
  const { resolveForSend } = createSendResolver({ environments, collections });
  const relay = createRelay({ tokens, resolveForSend, options: { timeoutMs: config.relayTimeoutMs, maxResponseBytes: config.relayMaxResponseBytes } });
  // Off the event loop on its own connection, unless the data layer was handed in (tests) or HISTORY_WRITER=inline.
  const historyStorage = opts.historyStorage ?? (opts.data ? undefined : storageOf(config));
  const writer = config.historyWriter === 'worker' && historyStorage ? (limits: HistoryLimits) => workerHistoryWriter(historyStorage, limits) : undefined;
  const history = createHistoryService({ data, secrets, logger, ...(writer ? { writer } : {}) });
  relay.onSent((record) => history.record(record));
  const shares = createSharesService({ data, environments, secrets });
  // Its heartbeat lets the other instances tell when this one stops (and mark its runs as errors).
  const instance = await registerInstance(data, { timeoutMs: config.instanceTimeoutMs, logger });
  const runs = await createRunsService({ data, environments, collections, relay, instance, secrets, logger });
  instance.start();
  const sendCancels = createSendCancels({ data, instance });
  const auth = await createAuthService({
    data,
    editorPassword: config.accessPassword,
    viewerPassword: config.viewerPassword,
    accounts: config.accounts,
    owner: config.owner,
    secrets,
    log: (m) => logger.info(m),
    ...opts.auth,
  });
  // Off the send's path: `record` queues, batches are written like history's.
  const audit = createAuditService({ data, secrets, logger }, { enabled: auth.enabled, retentionDays: config.auditRetentionDays });
  const kindeSignIn = config.oidc
    ? createKindeSignIn({ data, auth, kinde: createKindeClient(config.oidc), defaultRole: config.oidc.defaultRole, ...(opts.auth?.now ? { now: opts.auth.now } : {}) })
    : undefined;
  return { audit, kindeSignIn, config, data, vault, secrets, environments, spec, logger, tokens, relay, collections, history, auth, shares, instance, sendCancels, runs };
}
