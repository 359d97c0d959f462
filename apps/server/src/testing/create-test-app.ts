import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createDeps, type CreateDepsOptions } from '../create-deps.ts';
import type { AppDeps } from '../deps.ts';
import type { EnvironmentCreate } from '@kinde-explorer/core';
import { createLogger } from '../logger.ts';
import { SecretRegistry } from '../services/vault/secret-registry.ts';

export const TEST_ORIGIN = 'http://127.0.0.1:8787';

export interface TestAppOptions {
  /** Extra environment variables for `loadConfig` (PORT, HOST, WEB_DIST, …). */
  env?: Record<string, string | undefined>;
  /** `kinde`: load Kinde's real spec from process.env.KINDE_SPEC; `none`: no spec at all. */
  spec?: 'kinde' | 'none';
  /** Sign-in service overrides, e.g. `{ scryptCost: { N: 1024, r: 8, p: 1 } }` to keep tests fast. */
  auth?: CreateDepsOptions['auth'];
}

/**
 * A server on a fresh temporary DATA_DIR, driven through `app.request()` (no port).
 * `logLines` collects every log line as written, after secret scrubbing.
 */
export function createTestApp(opts: TestAppOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'explorer-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    KINDE_SPEC: opts.spec === 'kinde' ? process.env.KINDE_SPEC : undefined,
    LOG_LEVEL: 'info',
    ...opts.env,
  });
  const logLines: string[] = [];
  const secrets = new SecretRegistry();
  const logger = createLogger({ level: 'debug', secrets, sink: { write: (l) => void logLines.push(l) } });
  const deps: AppDeps = createDeps(config, { logger, secrets, spec: { downloadUrl: null }, auth: opts.auth });
  const app = createApp(deps);

  /** `app.request` against the loopback origin, JSON bodies encoded for you. */
  const request = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return app.request(`${TEST_ORIGIN}${path}`, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  };

  /** Creates an environment through `POST /api/environments` (validation included); its id. */
  const createEnvironment = async (name: string, variables: EnvironmentCreate['variables']) => {
    const res = await request('/api/environments', { method: 'POST', json: { name, variables } });
    if (res.status !== 201) throw new Error(`creating environment "${name}" answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };

  return {
    app,
    deps,
    dataDir,
    logLines,
    request,
    createEnvironment,
    close() {
      void deps.relay.close().catch(() => {});
      deps.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type TestApp = ReturnType<typeof createTestApp>;
