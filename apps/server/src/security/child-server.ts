import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SERVER_DIR = resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  pid: number;
  child: ChildProcess;
  dataDir: string;
  /** Everything the server printed (stdout and stderr). */
  output: () => string;
  /** Resident set size now and at its peak (VmRSS / VmHWM from /proc), in MB. */
  memory: () => { rssMb: number; peakMb: number };
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts `src/main.ts` as a real process on an ephemeral loopback port (no sandbox), as `pnpm start` would. */
export async function startChildServer(env: Record<string, string> = {}, dataDir?: string): Promise<ChildServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'explorer-child-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      SANDBOX: 'off',
      LOG_LEVEL: 'warn',
      WEB_DIST: join(dir, 'no-web'),
      ...(process.env.KINDE_SPEC ? { KINDE_SPEC: process.env.KINDE_SPEC } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const poll = setInterval(() => {
      const m = /Kinde API Explorer: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN);
  return {
    url,
    pid: child.pid!,
    child,
    dataDir: dir,
    output: () => out,
    memory: () => ({ rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill(signal);
        await exited;
      }
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSON request to a child server, with the same-origin headers a browser would send. */
export async function jsonFetch(
  base: string,
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', origin: base, ...init.headers },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers };
}
