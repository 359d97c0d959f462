import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { startSandbox, type Sandbox } from '@kinde-explorer/kinde-mock';
import { createApp } from './app.ts';
import { bindRefusal } from './bind-check.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createDeps } from './create-deps.ts';
import type { AppDeps } from './deps.ts';
import { isWebBuilt } from './middleware/spa.ts';
import { ensureSandboxEnvironment } from './sandbox-environment.ts';
import { SPEC_CACHE_FILE } from './services/spec/index.ts';
import { storageFailure } from './services/storage/start-failure.ts';

// The sandbox's defaults (packages/kinde-mock DEFAULTS); the environment is created with them.
const SANDBOX_CLIENT = { clientId: 'sandbox_m2m_client', clientSecret: 'sandbox_m2m_secret' };

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

async function startKindeSandbox(config: Config, deps: AppDeps): Promise<Sandbox | undefined> {
  const cached = join(config.dataDir, SPEC_CACHE_FILE);
  const spec = config.kindeSpec ?? (existsSync(cached) ? cached : undefined);
  // `spec: null` means "no spec" to the sandbox; leaving it out would make it read KINDE_SPEC again.
  // Its sign-in application allows this explorer's own callback URLs, so Sign in with Kinde can be
  // tried against it on any PORT.
  const callbacks = [config.publicUrl, `http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`].filter(Boolean).map((o) => `${o}/api/auth/oidc/callback`);
  const start = (withSpec: string | null) => startSandbox({ port: config.sandboxPort, ...SANDBOX_CLIENT, spec: withSpec, webClient: { redirectUris: callbacks } });
  try {
    return await start(spec ?? null);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      deps.logger.warn(`Kinde sandbox not started: port ${config.sandboxPort} is in use. Set SANDBOX_PORT=<free port> or SANDBOX=off.`);
      return undefined;
    }
    if (spec) {
      // A spec the sandbox cannot read should not cost the newcomer the sandbox: it has a built-in fallback.
      deps.logger.warn({ err: e.message }, 'Kinde sandbox could not use the spec; starting it with its built-in fallback');
      try {
        return await start(null);
      } catch (again) {
        deps.logger.warn({ err: (again as Error).message }, 'Kinde sandbox not started');
        return undefined;
      }
    }
    deps.logger.warn({ err: e.message }, 'Kinde sandbox not started');
    return undefined;
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  let deps: AppDeps;
  try {
    deps = await createDeps(config);
  } catch (err) {
    fail(storageFailure(err, config));
  }
  // After the database is open: an owner already in it turns sign-in on too.
  const refusal = bindRefusal(config.host, deps.auth.enabled);
  if (refusal) fail(refusal);
  const signIn = await deps.auth.mode();
  const sandbox = config.sandbox ? await startKindeSandbox(config, deps) : undefined;
  if (sandbox) {
    deps.sandbox = { url: sandbox.url };
    const { action } = await ensureSandboxEnvironment(deps.environments, { url: sandbox.url, ...SANDBOX_CLIENT });
    if (action !== 'unchanged') deps.logger.info(`"Kinde sandbox" environment ${action} (business_domain ${sandbox.url})`);
  }

  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info: AddressInfo) => {
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
    const lines = [`Kinde API Explorer: http://${shownHost}:${info.port}`];
    if (sandbox) lines.push(`Kinde sandbox:      ${sandbox.url}  (client_id ${SANDBOX_CLIENT.clientId})`);
    else if (!config.sandbox) lines.push('Kinde sandbox:      off (SANDBOX=off)');
    lines.push(`Storage:            ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${config.dataDir}`}`);
    if (signIn.mode === 'accounts') lines.push('Sign-in:            named accounts');
    if (config.oidc) {
      const callback = `${config.publicUrl ?? `http://${shownHost}:${info.port}`}/api/auth/oidc/callback`;
      lines.push(`Sign in with Kinde: ${config.oidc.issuer} (client_id ${config.oidc.clientId}; allowed callback URL ${callback})`);
    }
    if (signIn.mode === 'password') lines.push(`Sign-in:            shared password (editor${config.viewerPassword ? ', viewer' : ''})`);
    const code = deps.auth.setupCode;
    if (code && signIn.mode === 'accounts') lines.push(`Owner set-up:       no owner yet — open the explorer in a browser and enter the set-up code ${code}`);
    if (code && signIn.mode === 'password') lines.push(`Owner set-up:       to move to named accounts, choose "Set up named accounts" on the sign-in page; set-up code ${code}`);
    if (!isWebBuilt(config.webDist)) lines.push(`Web app not built (${config.webDist} missing): run \`pnpm build\` at the repository root.`);
    console.log(`\n${lines.join('\n')}\n`);
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') fail(`Port ${config.port} on ${config.host} is in use: stop the other process or set PORT=<free port>.`);
    if (err.code === 'EADDRNOTAVAIL') fail(`Cannot listen on ${config.host}: the address is not on this machine. Set HOST=127.0.0.1.`);
    fail(`Cannot listen on ${config.host}:${config.port}: ${err.message}`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info(`${signal} received, shutting down`);
    // Don't wait forever on long-lived connections (a cancelled send, a browser tab).
    const force = setTimeout(() => process.exit(0), 3_000);
    force.unref();
    // Runs first: their event streams end with them, so the server can close its connections.
    await deps.runs.close().catch(() => {});
    await deps.instance.close().catch(() => {}); // the others need not wait for its heartbeat to go stale
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sandbox?.close().catch(() => {});
    await deps.relay.close().catch(() => {}); // the upstream keep-alive connections
    await deps.history.close().catch(() => {}); // writes history still queued
    await deps.audit.close().catch(() => {}); // and audit entries
    await deps.data.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
