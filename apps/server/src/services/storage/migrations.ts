/**
 * Numbered schema migrations, applied in order inside one transaction each. Never edit a
 * migration that has shipped: add the next number instead.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'environments, variables, collections, folders, requests, history',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE environments (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        position   INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- A secret's value lives only in value_enc (vault-sealed); value_plain is NULL for it.
      CREATE TABLE variables (
        environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        key            TEXT NOT NULL,
        value_plain    TEXT,
        value_enc      TEXT,
        secret         INTEGER NOT NULL DEFAULT 0 CHECK (secret IN (0, 1)),
        enabled        INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        PRIMARY KEY (environment_id, position),
        CHECK (secret = 0 OR value_plain IS NULL)
      );
      CREATE INDEX variables_by_key ON variables(environment_id, key);

      CREATE TABLE collections (
        id             TEXT PRIMARY KEY,
        environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
        name           TEXT NOT NULL,
        description    TEXT,
        position       INTEGER NOT NULL DEFAULT 0,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      );
      CREATE INDEX collections_by_env ON collections(environment_id, position);

      CREATE TABLE folders (
        id            TEXT PRIMARY KEY,
        collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        parent_id     TEXT REFERENCES folders(id) ON DELETE CASCADE,
        name          TEXT NOT NULL,
        position      INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE INDEX folders_by_collection ON folders(collection_id, parent_id, position);

      -- request_json holds a core RequestTemplate (plus docs/examples later); never secrets.
      CREATE TABLE requests (
        id            TEXT PRIMARY KEY,
        collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        folder_id     TEXT REFERENCES folders(id) ON DELETE CASCADE,
        name          TEXT NOT NULL,
        position      INTEGER NOT NULL DEFAULT 0,
        request_json  TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE INDEX requests_by_parent ON requests(collection_id, folder_id, position);

      -- Written after secrets and tokens are redacted; response_json is capped by the writer.
      CREATE TABLE history (
        id             TEXT PRIMARY KEY,
        environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
        created_at     TEXT NOT NULL,
        method         TEXT NOT NULL,
        url            TEXT NOT NULL,
        status         INTEGER,
        duration_ms    INTEGER,
        size           INTEGER,
        error_code     TEXT,
        request_json   TEXT NOT NULL,
        response_json  TEXT
      );
      CREATE INDEX history_by_env ON history(environment_id, created_at DESC);
    `,
  },
  {
    version: 2,
    name: 'descriptions and collection variables, trash for undo, history details',
    sql: `
      ALTER TABLE collections ADD COLUMN variables_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE folders ADD COLUMN description TEXT;
      ALTER TABLE requests ADD COLUMN description TEXT;

      -- A deleted collection, folder or request, serialised so "Undo" can put it back for a while.
      CREATE TABLE trash (
        token          TEXT PRIMARY KEY,
        environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
        kind           TEXT NOT NULL CHECK (kind IN ('collection', 'folder', 'request')),
        label          TEXT NOT NULL,
        payload_json   TEXT NOT NULL,
        deleted_at     TEXT NOT NULL,
        expires_at     TEXT NOT NULL
      );
      CREATE INDEX trash_by_expiry ON trash(expires_at);

      ALTER TABLE history ADD COLUMN resolved_url TEXT;
      ALTER TABLE history ADD COLUMN error_message TEXT;
      DROP INDEX history_by_env;
      CREATE INDEX history_by_env ON history(environment_id, created_at DESC, id DESC);
    `,
  },
  {
    version: 3,
    name: 'sign-in sessions',
    sql: `
      -- Only a SHA-256 of the cookie's random id is kept; times are epoch milliseconds.
      CREATE TABLE sessions (
        id_hash        TEXT PRIMARY KEY,
        role           TEXT NOT NULL CHECK (role IN ('viewer', 'editor')),
        created_at     INTEGER NOT NULL,
        expires_at     INTEGER NOT NULL,
        max_expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_by_expiry ON sessions(expires_at);
    `,
  },
  {
    version: 4,
    name: 'share links',
    sql: `
      -- A read-only snapshot of a request and its response, written after secrets, tokens and
      -- credential headers were removed. A revoked share keeps only its id, so its link answers 410.
      CREATE TABLE shares (
        id                   TEXT PRIMARY KEY,
        environment_id       TEXT REFERENCES environments(id) ON DELETE SET NULL,
        environment_name     TEXT,
        title                TEXT NOT NULL,
        method               TEXT NOT NULL,
        request_url          TEXT NOT NULL,
        status               INTEGER NOT NULL,
        personal_data_masked INTEGER NOT NULL DEFAULT 0 CHECK (personal_data_masked IN (0, 1)),
        created_at           TEXT NOT NULL,
        revoked_at           TEXT,
        request_json         TEXT,
        response_json        TEXT,
        snippet_request_json TEXT
      );
      CREATE INDEX shares_by_created ON shares(created_at DESC);
    `,
  },
  {
    version: 5,
    name: 'collection runs',
    sql: `
      -- The last runs of collections and folders. result_json is the engine's run result after
      -- secrets and tokens were scrubbed, with response bodies cut by the writer.
      CREATE TABLE runs (
        id             TEXT PRIMARY KEY,
        environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
        collection_id  TEXT,
        folder_id      TEXT,
        name           TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('running', 'passed', 'failed', 'stopped', 'error')),
        started_at     TEXT NOT NULL,
        finished_at    TEXT,
        duration_ms    INTEGER,
        requests       INTEGER NOT NULL DEFAULT 0,
        tests_passed   INTEGER NOT NULL DEFAULT 0,
        tests_failed   INTEGER NOT NULL DEFAULT 0,
        options_json   TEXT NOT NULL,
        result_json    TEXT
      );
      CREATE INDEX runs_by_started ON runs(started_at DESC, id DESC);
      CREATE INDEX runs_by_collection ON runs(collection_id, started_at DESC);
    `,
  },
  {
    version: 6,
    name: 'scripts of collections and folders',
    sql: `
      -- Pre-request and test scripts (Postman events) run around every request inside; a request's own are in request_json.
      ALTER TABLE collections ADD COLUMN scripts_json TEXT;
      ALTER TABLE folders ADD COLUMN scripts_json TEXT;
    `,
  },
];
