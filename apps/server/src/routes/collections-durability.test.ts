import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const SERVER_DIR = join(import.meta.dirname, '../..');
const SAVE_FOR_MS = 1500;
const WORKERS = 4;

const dataDir = mkdtempSync(join(tmpdir(), 'explorer-durability-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real server as its own process. `node --import tsx` (not the `tsx` CLI, which forks) so SIGKILL hits the server itself. */
async function startServer(port: number): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, SANDBOX: 'off', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KINDE_SPEC: process.env.KINDE_SPEC },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${output}`);
}

const post = async (base: string, path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { id: string } };
};

describe('a killed server keeps every acknowledged save', () => {
  it('keeps all saves answered 201 after SIGKILL mid-stream, with an intact database', async () => {
    const port = await freePort();
    const first = await startServer(port);
    const env = await post(first.base, '/api/environments', { name: 'Durable' });
    const collection = await post(first.base, `/api/environments/${env.body.id}/collections`, { name: 'Saves' });
    expect(collection.status).toBe(201);

    const acknowledged = new Map<string, string>(); // id → name
    let failed = 0;
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = `save ${w}-${i}`;
        try {
          const res = await post(first.base, `/api/collections/${collection.body.id}/requests`, {
            name,
            request: { method: 'POST', url: '{{business_domain}}/api/v1/user', body: { mode: 'json', json: JSON.stringify({ n: i, pad: 'x'.repeat(2000) }) } },
          });
          if (res.status === 201) acknowledged.set(res.body.id, name);
        } catch {
          failed++; // in flight when the process died: never acknowledged, may or may not be stored
          return;
        }
      }
    };
    const running = Array.from({ length: WORKERS }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, SAVE_FOR_MS));
    first.child.kill('SIGKILL');
    const exited = new Promise((r) => first.child.once('exit', r));
    await Promise.all(running);
    stop = true;
    await exited;
    expect(acknowledged.size).toBeGreaterThan(20);

    // Straight from the file, as left by the kill (opening replays the WAL).
    const db = new BetterSqlite3(join(dataDir, 'explorer.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Map((db.prepare('SELECT id, name FROM requests').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
    db.close();
    const missing = [...acknowledged].filter(([id, name]) => stored.get(id) !== name);
    expect(missing).toEqual([]);

    // And the restarted server serves them.
    const second = await startServer(port);
    const res = await fetch(`${second.base}/api/collections/${collection.body.id}`);
    const tree = (await res.json()) as { items: { id: string }[] };
    const served = new Set(tree.items.map((i) => i.id));
    expect([...acknowledged.keys()].filter((id) => !served.has(id))).toEqual([]);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }, 90_000);
});
