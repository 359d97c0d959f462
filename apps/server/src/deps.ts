import type { Database } from 'better-sqlite3';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { EnvironmentsService } from './services/environments/types.ts';
import type { SpecService } from './services/spec/types.ts';
import type { SecretRegistry } from './services/vault/secret-registry.ts';
import type { Vault } from './services/vault/vault.ts';

/**
 * Everything the routes need, built once in `main.ts` (or a test) and passed to `createApp`.
 * Routes take what they use from here and import no singletons, so tests swap any part.
 */
export interface AppDeps {
  config: Config;
  db: Database;
  vault: Vault;
  /** Known secret plaintexts; the logger scrubs them, the relay may redact with them. */
  secrets: SecretRegistry;
  environments: EnvironmentsService;
  spec: SpecService;
  logger: Logger;
  /** The Kinde sandbox started beside the server, when it runs. */
  sandbox?: { url: string } | undefined;
  /** Token cache and exchange (services/token/, server B). Optional until B's services exist. */
  tokens?: unknown;
  /** Relay of `/api/send` (services/relay/, server B). */
  relay?: unknown;
}
