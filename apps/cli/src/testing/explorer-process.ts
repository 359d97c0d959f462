import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../bin/kinde-explorer.mjs', import.meta.url));

let built: Promise<void> | undefined;
/** Builds the server once per test file (apps/server/dist). */
const buildServer = () =>
  (built ??= new Promise<void>((resolve, reject) => execFile(process.execPath, ['apps/server/build.mjs'], { cwd: ROOT }, (e) => (e ? reject(e) : resolve()))));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

/** A real explorer server process (the built dist/main.js) with its own sandbox, until `close()`. */
export async function startExplorer(env: Record<string, string>): Promise<{ url: string; close(): void }> {
  await buildServer();
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const server = spawn(process.execPath, ['apps/server/dist/main.js'], { cwd: ROOT, env: { ...process.env, PORT: String(port), SANDBOX_PORT: String(sandboxPort), ...env }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const close = () => void server.kill('SIGTERM');
  try {
    for (let i = 0; ; i++) {
      const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (up) break;
      if (server.exitCode !== null) throw new Error(`the explorer server exited with ${server.exitCode}`);
      if (i > 600) throw new Error('the explorer server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    close();
    throw err;
  }
  return { url, close };
}

/** Runs `kinde-explorer` with `args` in `cwd`; EXPLORER_EMAIL / EXPLORER_PASSWORD come only from `env`. */
export function cli(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { EXPLORER_EMAIL: _e, EXPLORER_PASSWORD: _p, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...inherited, INIT_CWD: cwd, NO_COLOR: '1', ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
