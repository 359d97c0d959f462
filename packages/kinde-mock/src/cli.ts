import { startSandbox } from './start.ts';

/** `pnpm sandbox`: runs the Kinde sandbox and prints what to put in an environment. */
async function main() {
  const env = process.env;
  const rawPort = env.SANDBOX_PORT ?? env.PORT;
  const port = rawPort === undefined ? undefined : Number(rawPort);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`SANDBOX_PORT/PORT must be a port number, got "${rawPort}"`);
  }
  const scopes = env.SANDBOX_SCOPES?.split(',').map((s) => s.trim()).filter(Boolean);
  const sandbox = await startSandbox({
    ...(env.SANDBOX_HOST ? { host: env.SANDBOX_HOST } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(env.SANDBOX_CLIENT_ID ? { clientId: env.SANDBOX_CLIENT_ID } : {}),
    ...(env.SANDBOX_CLIENT_SECRET ? { clientSecret: env.SANDBOX_CLIENT_SECRET } : {}),
    ...(scopes?.length ? { scopes } : {}),
    logger: env.SANDBOX_LOG ? (line) => console.log(line) : undefined,
  });
  // These are the sandbox's own demo credentials, not a real tenant's: printing them is the point.
  console.log(
    [
      `Kinde sandbox running at ${sandbox.url}`,
      env.KINDE_SPEC ? `  spec:            ${env.KINDE_SPEC}` : '  spec:            none (set KINDE_SPEC for all 183 operations; core resources work without)',
      `  business_domain: ${sandbox.url}`,
      `  client_id:       ${env.SANDBOX_CLIENT_ID ?? 'sandbox_m2m_client'}`,
      `  client_secret:   ${env.SANDBOX_CLIENT_SECRET ?? 'sandbox_m2m_secret'}`,
      `  audience:        ${sandbox.url}/api`,
      `  control:         ${sandbox.url}/__sandbox/stats, POST /__sandbox/faults, POST /__sandbox/reset`,
    ].join('\n'),
  );
  const stop = () => {
    sandbox.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Kinde sandbox failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
