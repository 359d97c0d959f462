import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../testing/engines.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../testing/round-robin-proxy.ts';
import { startTcpProxy } from '../testing/tcp-proxy.ts';
import { startRecordingServer, type RecordingServer } from '../services/testing/recording-server.ts';

const SERVER_DIR = join(import.meta.dirname, '../..');
const SECRET_KEY = randomBytes(24).toString('base64url');

interface Instance {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const children = new Set<ChildProcess>();
const dirs: string[] = [];

/** The real server as its own process on PostgreSQL (through `databaseUrl`), port chosen by the OS. */
async function startInstance(databaseUrl: string): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'explorer-team-'));
  dirs.push(dataDir);
  // `node --import tsx` (not the tsx CLI, which forks) so SIGKILL hits the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SANDBOX: 'off', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, EXPLORER_SECRET_KEY: SECRET_KEY, EXPLORER_INSTANCE_TIMEOUT_SECONDS: '3' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    const m = /Kinde API Explorer: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (m) return { child, url: m[1]!, output: () => out };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start:\n${out}`);
}

async function call(base: string, method: string, path: string, json?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a balancer error page, say)
  }
  return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('two instances behind a balancer, on PostgreSQL', () => {
  let db: TestDatabase;
  let pgProxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let a: Instance;
  let b: Instance;
  let balancer: RoundRobinProxy;
  let collectionId: string;

  beforeAll(async () => {
    db = await openTestDatabase('postgres'); // a schema of its own, migrated
    const target = new URL(TEST_DATABASE_URL);
    pgProxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(TEST_DATABASE_URL);
    url.host = `127.0.0.1:${pgProxy.port}`;
    url.searchParams.set('options', `-c search_path=${db.schema}`);
    [a, b] = await Promise.all([startInstance(url.toString()), startInstance(url.toString())]);
    balancer = await startRoundRobinProxy([a.url, b.url], { failTimeoutMs: 60_000 });
    const env = await call(balancer.url, 'POST', '/api/environments', { name: 'Team', variables: [{ key: 'business_domain', value: 'https://team.kinde.com' }] });
    expect(env.status).toBe(201);
    const col = await call(balancer.url, 'POST', `/api/environments/${env.body.id}/collections`, { name: 'Saves' });
    expect(col.status).toBe(201);
    collectionId = col.body.id;
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await balancer?.close();
    await pgProxy?.close();
    await db?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const save = (base: string, name: string) => call(base, 'POST', `/api/collections/${collectionId}/requests`, { name, request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } });
  const storedNames = async (base: string) => {
    const col = await call(base, 'GET', `/api/collections/${collectionId}`);
    expect(col.status).toBe(200);
    return new Set((col.body.items as { name: string }[]).map((i) => i.name));
  };

  it('answers 503 with Retry-After while PostgreSQL is unreachable, and recovers by itself', async () => {
    expect((await call(balancer.url, 'GET', '/api/environments')).status).toBe(200);
    const acknowledged: string[] = [];
    const answers: number[] = [];
    let stop = false;
    // Saves under load the whole time: before, during and after the outage.
    const load = Promise.all(
      Array.from({ length: 3 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const name = `outage-${w}-${i}`;
          const r = await save(balancer.url, name);
          answers.push(r.status);
          if (r.status === 201) acknowledged.push(name);
          else {
            expect(r.status).toBe(503);
            expect(r.body.error.code).toBe('database_unavailable');
            expect(Number(r.retryAfter)).toBeGreaterThan(0);
            await new Promise((res) => setTimeout(res, 20));
          }
        }
      }),
    );
    await until(async () => acknowledged.length >= 5);
    await pgProxy.stop();
    await until(async () => answers.includes(503));
    const down = await call(balancer.url, 'GET', '/api/environments');
    expect(down.status).toBe(503);
    expect(down.body.error).toMatchObject({ code: 'database_unavailable', message: expect.stringMatching(/try again/) });
    expect(down.retryAfter).toBe('2');
    const before = acknowledged.length;
    await pgProxy.start();
    await until(async () => acknowledged.length >= before + 10);
    stop = true;
    await load;
    expect((await call(a.url, 'GET', '/api/environments')).status).toBe(200);
    expect((await call(b.url, 'GET', '/api/environments')).status).toBe(200);
    const stored = await storedNames(a.url);
    expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]);
    expect(a.output() + b.output()).not.toMatch(/unhandled error/);
  });

  it('keeps every acknowledged save when one instance is SIGKILLed mid-stream, and the other keeps serving', async () => {
    // A run in progress on each instance: their first request never answers.
    const upstream: RecordingServer = await startRecordingServer(() => {});
    const env = await call(a.url, 'POST', '/api/environments', { name: 'Runs', variables: [{ key: 'business_domain', value: upstream.url }] });
    const col = await call(a.url, 'POST', `/api/environments/${env.body.id}/collections`, { name: 'Endless' });
    await call(a.url, 'POST', `/api/collections/${col.body.id}/requests`, { name: 'Never', request: { method: 'GET', url: '{{business_domain}}/never', auth: 'none' } });
    const runOn = async (i: Instance) => (await call(i.url, 'POST', '/api/runs', { environmentId: env.body.id, collectionId: col.body.id })).body.id as string;
    const runOnA = await runOn(a);
    const runOnB = await runOn(b);
    await until(async () => upstream.requests.length >= 2);
    const acknowledged: { name: string; at: number }[] = [];
    let stop = false;
    let killedAt = Infinity;
    const load = Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const name = `kill-${w}-${i}`;
          const r = await save(balancer.url, name).catch(() => ({ status: 0 }));
          if (r.status === 201) acknowledged.push({ name, at: Date.now() });
        }
      }),
    );
    await until(async () => acknowledged.length >= 20);
    b.child.kill('SIGKILL');
    killedAt = Date.now();
    await until(async () => acknowledged.filter((s) => s.at > killedAt).length >= 20);
    stop = true;
    await load;
    expect(b.child.signalCode ?? 'SIGKILL').toBe('SIGKILL');
    const stored = await storedNames(a.url);
    expect(acknowledged.filter((s) => !stored.has(s.name))).toEqual([]);
    expect((await call(balancer.url, 'GET', '/api/environments')).status).toBe(200);
    // The killed instance's run is marked by the survivor once b's heartbeat is stale; a's own run goes on.
    await until(async () => (await call(a.url, 'GET', `/api/runs/${runOnB}`)).body.status === 'error', 60_000);
    expect((await call(a.url, 'GET', `/api/runs/${runOnB}`)).body.error).toMatch(/server running it stopped/);
    expect((await call(a.url, 'GET', `/api/runs/${runOnA}`)).body.status).toBe('running');
    expect((await call(a.url, 'POST', `/api/runs/${runOnA}/stop`)).status).toBe(202);
    await until(async () => (await call(a.url, 'GET', `/api/runs/${runOnA}`)).body.status === 'stopped');
    await upstream.close();
  });
});
