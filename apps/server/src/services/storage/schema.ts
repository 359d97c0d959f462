import type { Generated } from 'kysely';

/**
 * The tables as the services see them, for Kysely's typed queries. Both engines store the same
 * types: TEXT, INTEGER (flags are 0/1, times are ISO strings) and BIGINT epoch milliseconds
 * (read back as numbers on PostgreSQL too, see postgres.ts).
 */
export interface Schema {
  schema_migrations: SchemaMigrationsTable;
  meta: MetaTable;
  environments: EnvironmentsTable;
  variables: VariablesTable;
  collections: CollectionsTable;
  folders: FoldersTable;
  requests: RequestsTable;
  history: HistoryTable;
  trash: TrashTable;
  sessions: SessionsTable;
  shares: SharesTable;
  runs: RunsTable;
  run_events: RunEventsTable;
  instances: InstancesTable;
  tokens: TokensTable;
  accounts: AccountsTable;
  invites: InvitesTable;
  audit_events: AuditEventsTable;
  rate_limits: RateLimitsTable;
  oidc_logins: OidcLoginsTable;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface EnvironmentsTable {
  id: string;
  name: string;
  position: number;
  created_at: string;
  updated_at: string;
}

/** A secret's value lives only in value_enc (vault-sealed); value_plain is NULL for it. */
export interface VariablesTable {
  environment_id: string;
  position: number;
  key: string;
  value_plain: string | null;
  value_enc: string | null;
  secret: 0 | 1;
  enabled: 0 | 1;
}

export interface CollectionsTable {
  id: string;
  environment_id: string;
  name: string;
  description: string | null;
  variables_json: string;
  /** Pre-request and test scripts (core `Scripts`) as JSON, or null. */
  scripts_json: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface FoldersTable {
  id: string;
  collection_id: string;
  parent_id: string | null;
  name: string;
  description: string | null;
  scripts_json: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface RequestsTable {
  id: string;
  collection_id: string;
  folder_id: string | null;
  name: string;
  description: string | null;
  position: number;
  request_json: string;
  created_at: string;
  updated_at: string;
}

/** Written after secrets and tokens are redacted; response_json is capped by the writer. */
export interface HistoryTable {
  id: string;
  environment_id: string;
  created_at: string;
  method: string;
  url: string;
  resolved_url: string | null;
  status: number | null;
  duration_ms: number | null;
  size: number | null;
  error_code: string | null;
  error_message: string | null;
  request_json: string;
  response_json: string | null;
}

export interface TrashTable {
  token: string;
  environment_id: string;
  kind: 'collection' | 'folder' | 'request';
  label: string;
  payload_json: string;
  deleted_at: string;
  expires_at: string;
}

/** Only a SHA-256 of the cookie's random id is kept; times are epoch milliseconds. */
export interface SessionsTable {
  id_hash: string;
  /** A named account's session (migration 8); null for a shared-password session… */
  account_id: string | null;
  /** …which has a role instead (null for an account's: its role is read from `accounts`). */
  role: 'viewer' | 'editor' | null;
  created_at: number;
  expires_at: number;
  max_expires_at: number;
}

export interface SharesTable {
  id: string;
  environment_id: string | null;
  environment_name: string | null;
  title: string;
  method: string;
  request_url: string;
  status: number;
  personal_data_masked: 0 | 1;
  created_at: string;
  revoked_at: string | null;
  request_json: string | null;
  response_json: string | null;
  snippet_request_json: string | null;
}

/** The last runs of collections and folders; result_json is scrubbed, bodies cut by the writer. */
export interface RunsTable {
  id: string;
  environment_id: string;
  collection_id: string | null;
  folder_id: string | null;
  name: string;
  status: 'running' | 'passed' | 'failed' | 'stopped' | 'error';
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  requests: Generated<number>;
  tests_passed: Generated<number>;
  tests_failed: Generated<number>;
  options_json: string;
  result_json: string | null;
  /** The instance running it (see `instances`); NULL for runs of a release before migration 10. */
  instance_id: string | null;
  /** 1 once a stop was asked on an instance that does not run it; the owner stops it. */
  stop_requested: Generated<0 | 1>;
}

/** The events of a run, numbered from 1 (the SSE ids); `data_json` is scrubbed and bounded. */
export interface RunEventsTable {
  run_id: string;
  seq: number;
  type: string;
  data_json: string;
}

/** A running server and its heartbeat (epoch ms); one whose heartbeat is stale has stopped. */
export interface InstancesTable {
  id: string;
  /** host:pid, for the log. */
  label: string;
  started_at: string;
  heartbeat_at: number;
}

/** One M2M token per environment, vault-sealed and bound to the credentials it was issued for. */
export interface TokensTable {
  environment_id: string;
  token_enc: string;
  issued_at: number;
  expires_at: number;
}

/** A person who signs in as themselves (named accounts); only a scrypt hash of the password. */
export interface AccountsTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  role: 'viewer' | 'editor' | 'owner';
  password_hash: string;
  created_at: string;
  password_changed_at: string;
}

/** A one-time invite link; only a SHA-256 of its token. Spent by `used_at` or `revoked_at`. */
export interface InvitesTable {
  id: string;
  token_hash: string;
  email: string;
  role: 'viewer' | 'editor' | 'owner';
  invited_by: string | null;
  created_at: string;
  expires_at: number;
  used_at: string | null;
  revoked_at: string | null;
}

/** Who did what; `detail_json` is built from an allow-list (never values, bodies or tokens). */
export interface AuditEventsTable {
  id: string;
  at: string;
  action: string;
  outcome: 'success' | 'failure';
  actor_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  client: string | null;
  environment_id: string | null;
  environment_name: string | null;
  target: string | null;
  detail_json: string;
}

/** A fixed window of attempts per key (a SHA-256 of what is counted, never the email itself). */
export interface RateLimitsTable {
  key: string;
  count: number;
  /** Epoch milliseconds at which the window ends. */
  reset_at: number;
}

/** A "Sign in with Kinde" in progress (state, PKCE verifier and nonce kept server-side). */
export interface OidcLoginsTable {
  state_hash: string;
  browser_hash: string;
  code_verifier: string;
  nonce: string;
  redirect_uri: string;
  invite_token_hash: string | null;
  created_at: number;
  expires_at: number;
}
