import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Kinde's spec: KINDE_SPEC, else the shared copy beside the checkout (never copied into the repo). */
export const KINDE_SPEC = resolve(process.env.KINDE_SPEC ?? resolve(REPO_ROOT, '../shared/kinde/kinde-mgmt-api-specs.yaml'));
/** A fixed vault key so the server does not have to create one; only ever used with a temp DATA_DIR. */
const BENCH_SECRET_KEY = 'bench-only-key-not-a-secret-0123456789abcdef';

const running = new Set<ChildProcess>();

/**
 * BENCH_PORTS=19200-19299 keeps every port the bench listens on inside that range (a machine
 * shared by several people or runs); without it the system picks free ephemeral ports.
 */
const PORT_RANGE = (() => {
  const m = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS?.trim() ?? '');
  return m ? { first: Number(m[1]), last: Number(m[2]) } : undefined;
})();
let nextInRange = 0;

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(bound));
    });
  });
}

/** A loopback port nothing listens on right now (bound, then released), inside BENCH_PORTS when set. */
export async function freePort(): Promise<number> {
  if (!PORT_RANGE) {
    const port = await tryListen(0);
    if (port === undefined) throw new Error('no free loopback port');
    return port;
  }
  const size = PORT_RANGE.last - PORT_RANGE.first + 1;
  for (let i = 0; i < size; i++) {
    // Round the range, so ports handed out a moment ago (not listened on yet) are not handed out again.
    const candidate = PORT_RANGE.first + (nextInRange++ % size);
    if ((await tryListen(candidate)) !== undefined) return candidate;
  }
  throw new Error(`no free port in BENCH_PORTS=${process.env.BENCH_PORTS}`);
}

/** Env for a bench child that listens: BENCH_PORT when ports are confined to a range, else the system picks. */
export async function listenEnv(): Promise<Record<string, string>> {
  return PORT_RANGE ? { BENCH_PORT: String(await freePort()) } : {};
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `kinde-bench-${prefix}-`));
}

/** A child process of the benchmark, in its own process group so stopping it stops its children. */
export interface Child {
  proc: ChildProcess;
  pid: number;
  /** Everything it printed so far (capped), for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns a child; its output is drained (a full pipe would stall it) and kept, capped, for errors. */
export function startChild(command: string, args: string[], env: Record<string, string>): Child {
  const proc = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(proc);
  let out = '';
  const keep = (chunk: Buffer) => {
    if (out.length < 64 * 1024) out += chunk.toString('utf8');
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.once('exit', () => running.delete(proc));
  return {
    proc,
    pid: proc.pid ?? -1,
    output: () => out,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      signalGroup(proc, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(proc, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function signalGroup(proc: ChildProcess, signal: NodeJS.Signals) {
  if (proc.pid === undefined) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // already gone
  }
}

/** Stops every child still running (on exit or Ctrl+C of the benchmark). */
export function stopAllChildren(): void {
  for (const proc of running) signalGroup(proc, 'SIGKILL');
}

/** Waits for the first stdout line that is a JSON object with `ready: true`. */
export function waitForReadyLine<T>(child: Child, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolveReady, reject) => {
    let buffer = '';
    const timer = setTimeout(() => done(new Error(`not ready after ${timeoutMs} ms:\n${child.output().slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (const line of buffer.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const parsed = JSON.parse(line) as T & { ready?: boolean };
          if (parsed.ready) return done(undefined, parsed);
        } catch {
          // a partial line; wait for more
        }
      }
    };
    const onExit = () => done(new Error(`exited before ready:\n${child.output().slice(-2000)}`));
    function done(err?: Error, value?: T) {
      clearTimeout(timer);
      child.proc.stdout?.off('data', onData);
      child.proc.off('exit', onExit);
      if (err) reject(err);
      else resolveReady(value as T);
    }
    child.proc.stdout?.on('data', onData);
    child.proc.once('exit', onExit);
  });
}

/** Polls a URL until it answers 200; resolves with the milliseconds waited. */
export async function waitFor200(url: string, child: Child | undefined, timeoutMs = 60_000, everyMs = 20): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child && (child.proc.exitCode !== null || child.proc.signalCode !== null)) {
      throw new Error(`exited before ${url} answered:\n${child.output().slice(-2000)}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutMs) throw new Error(`${url} not 200 after ${timeoutMs} ms:\n${child?.output().slice(-2000) ?? ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const node = process.execPath;

/** The Kinde sandbox in its own process, rate limit off. */
export async function startSandboxProcess(): Promise<{ child: Child; url: string }> {
  const child = startChild(node, ['--import', 'tsx', 'bench/children/sandbox.ts'], { KINDE_SPEC, ...(await listenEnv()) });
  const { url } = await waitForReadyLine<{ url: string }>(child);
  return { child, url };
}

/** A bare http-proxy in its own process that adds the bearer header. */
export async function startBareProxy(target: string, token: string): Promise<{ child: Child; url: string }> {
  const child = startChild(node, ['--import', 'tsx', 'bench/children/bare-proxy.ts'], { BENCH_TARGET: target, BENCH_TOKEN: token, ...(await listenEnv()) });
  const { url } = await waitForReadyLine<{ url: string }>(child);
  return { child, url };
}

/** The JSON-relay floor (bench/children/minimal-relay.ts) in its own process. */
export async function startMinimalRelay(target: string, token: string): Promise<{ child: Child; url: string }> {
  const child = startChild(node, ['--import', 'tsx', 'bench/children/minimal-relay.ts'], { BENCH_TARGET: target, BENCH_TOKEN: token, ...(await listenEnv()) });
  const { url } = await waitForReadyLine<{ url: string }>(child);
  return { child, url };
}

export interface ServerProcess {
  child: Child;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

let serverBuild: Promise<void> | undefined;

/** Bundles apps/server into dist/main.js once per bench run, as `pnpm start` does before starting. */
export function ensureServerBuild(): Promise<void> {
  serverBuild ??= new Promise<void>((resolveBuild, reject) => {
    const child = spawn(node, ['apps/server/build.mjs'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.once('exit', (code) => (code === 0 ? resolveBuild() : reject(new Error(`server build failed (${code}): ${err}`))));
  });
  return serverBuild;
}

/** The command `pnpm start` runs for the server, after the build. */
export const SERVER_COMMAND = ['apps/server/dist/main.js'];

/**
 * The explorer server as a user runs it (the bundle `pnpm start` builds, default log level),
 * started with node directly so the pid is the server itself (for RSS), SANDBOX=off and a temp DATA_DIR.
 * `bundle`: another build's dist/main.js instead (e.g. an earlier commit's, to compare in one run).
 */
export async function startServerProcess(opts: { env?: Record<string, string>; cpuProfileDir?: string; bundle?: string } = {}): Promise<ServerProcess> {
  if (!opts.bundle) await ensureServerBuild();
  const port = await freePort();
  const dataDir = tempDir('server');
  // --cpu-prof writes a .cpuprofile when the server exits (SIGTERM → process.exit in main.ts).
  const profile = opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`] : [];
  const child = startChild(node, [...profile, ...(opts.bundle ? [opts.bundle] : SERVER_COMMAND)], serverEnv(port, dataDir, opts.env));
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/api/health`, child);
  return {
    child,
    url,
    dataDir,
    async stop() {
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function serverEnv(port: number, dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    SANDBOX: 'off',
    DATA_DIR: dataDir,
    KINDE_SPEC,
    EXPLORER_SECRET_KEY: BENCH_SECRET_KEY,
    ...extra,
  };
}

/** Resident and peak resident memory of a process, in bytes (Linux /proc). */
export function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Resets the peak-RSS mark of our own child (Linux: `5` into clear_refs); false where not allowed. */
export function resetPeak(pid: number): boolean {
  const file = `/proc/${pid}/clear_refs`;
  if (!existsSync(file)) return false;
  try {
    writeFileSync(file, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms).
 * `thread: 'main'` counts its main thread only (for Node, the event loop: no GC helpers, no
 * libuv pool, no worker threads).
 */
export function cpuTimeOf(pid: number, thread: 'all' | 'main' = 'all'): number {
  try {
    const stat = readFileSync(thread === 'main' ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

// USER_HZ is 100 on every mainstream Linux build.
const CLOCK_TICKS = 100;
