import type { Config } from './config.ts';
import type { AuditService } from './services/audit/index.ts';
import type { AuthService } from './services/auth/index.ts';
import type { Logger } from './logger.ts';
import type { CollectionsService } from './services/collections/index.ts';
import type { EnvironmentsService } from './services/environments/types.ts';
import type { HistoryService } from './services/history/index.ts';
import type { KindeSignIn } from './services/oidc/kinde-sign-in.ts';
import type { Instance } from './services/instances/instance-registry.ts';
import type { Relay } from './services/relay/relay.ts';
import type { SendCancels } from './services/relay/send-cancels.ts';
import type { RunsService } from './services/runs/runs-service.ts';
import type { SharesService } from './services/shares/index.ts';
import type { DataLayer } from './services/storage/index.ts';
import type { SpecService } from './services/spec/types.ts';
import type { TokenCache } from './services/token/token-cache.ts';
import type { SecretRegistry } from './services/vault/secret-registry.ts';
import type { Vault } from './services/vault/vault.ts';

/**
 * Everything the routes need, built once in `main.ts` (or a test) and passed to `createApp`.
 * Routes take what they use from here and import no singletons, so tests swap any part.
 */
export interface AppDeps {
  config: Config;
  /** The one data layer (SQLite or PostgreSQL); services take it, routes never touch it. */
  data: DataLayer;
  vault: Vault;
  /** Known secret plaintexts; the logger scrubs them, the relay may redact with them. */
  secrets: SecretRegistry;
  environments: EnvironmentsService;
  spec: SpecService;
  logger: Logger;
  /** The Kinde sandbox started beside the server, when it runs. */
  sandbox?: { url: string } | undefined;
  /** M2M tokens per environment (services/token/). */
  tokens: TokenCache;
  /** The `/api/send` pipeline (services/relay/); `relay.onSent(listener)` is the hook for history. */
  relay: Relay;
  /** Collections, folders and saved requests per environment (services/collections/). */
  collections: CollectionsService;
  /** Sent requests per environment, fed by `relay.onSent` (services/history/); `close()` it before the database. */
  history: HistoryService;
  /** Read-only share links of a request and its response (services/shares/). */
  shares: SharesService;
  /** This server among the others on the database: its id and heartbeat (services/instances/); `close()` it after `runs`. */
  instance: Instance;
  /** Sends in progress that `DELETE /api/send/:requestId` cancels, on any instance (services/relay/send-cancels.ts). */
  sendCancels: SendCancels;
  /** Collection runs: stored events, stored results (services/runs/); `close()` stops the ones in progress. */
  runs: RunsService;
  /** Sign-in sessions and roles (services/auth/); `auth.enabled` when an access password is set. */
  auth: AuthService;
  /** "Sign in with Kinde" (services/oidc/), when EXPLORER_OIDC_* is configured. */
  kindeSignIn?: KindeSignIn | undefined;
  /** Who did what (services/audit/); kept only when sign-in is on; `close()` it before the database. */
  audit: AuditService;
}
