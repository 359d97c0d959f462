import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startSandboxProcess } from '../lib/processes.ts';
import { emptyOutput, fmt, type SectionOutput } from '../lib/report.ts';

/**
 * §7: the same 100-request collection with pm tests, against the sandbox, run by this CLI
 * (`node apps/cli/dist/cli.js run`, the bundle `pnpm explorer` runs) and by newman (`newman run`),
 * interleaved: wall time of the whole command, and the script time per request (p50). Ours comes
 * from the JSON report (the engine times every sandbox run); newman's from its own events
 * (`beforeTest` → `test`) in a programmatic run of the same files.
 */
export async function collectionRunner(opts: { runs: number; requests: number }, log: (m: string) => void): Promise<SectionOutput> {
  const out = emptyOutput();
  const sandbox = await startSandboxProcess();
  const dir = mkdtempSync(join(tmpdir(), 'kx-bench-runner-'));
  try {
    const token = await exchange(sandbox.url);
    const collectionFile = join(dir, 'collection.json');
    const envFile = join(dir, 'environment.json');
    writeFileSync(collectionFile, JSON.stringify(benchCollection(opts.requests)));
    writeFileSync(envFile, JSON.stringify(benchEnvironment(sandbox.url, token)));
    const { buildCli } = (await import(join(REPO_ROOT, 'apps/cli/build.mjs'))) as { buildCli: () => Promise<void> };
    await buildCli();
    const newmanBin = join(REPO_ROOT, 'node_modules/newman/bin/newman.js');

    const variants = [
      { name: 'kinde-explorer run (this CLI)', args: [join(REPO_ROOT, 'apps/cli/dist/cli.js'), 'run', collectionFile, '-e', envFile, '-r', 'json', '--reporter-json-export', join(dir, 'ours.json')] },
      { name: 'newman run (newman 6)', args: [newmanBin, 'run', collectionFile, '-e', envFile, '-r', 'json', '--reporter-json-export', join(dir, 'newman.json')] },
    ];
    const walls = variants.map(() => [] as number[]);
    let ourScripts: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      for (const [k, v] of variants.entries()) {
        const t0 = performance.now();
        const code = await run(process.execPath, v.args);
        const ms = performance.now() - t0;
        if (code !== 0) throw new Error(`${v.name} exited ${code}: its tests should all pass against the sandbox`);
        walls[k]!.push(ms);
        log(`  run ${i + 1}, ${v.name}: ${fmt(ms)} ms`);
      }
      const report = JSON.parse(readFileSync(join(dir, 'ours.json'), 'utf8')) as { run: { results: { scriptMs: number }[] } };
      ourScripts = ourScripts.concat(report.run.results.map((r) => r.scriptMs));
    }
    const newmanScripts = await newmanScriptTimes(collectionFile, envFile);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
    const wallMedians = walls.map(median);
    out.tables.push({
      title: `Collection runner: ${opts.requests} requests with 3 pm tests each, against the sandbox (median of ${opts.runs} runs, interleaved; ms)`,
      columns: ['runner', 'wall time (whole command)', 'script time per request p50', 'runs'],
      rows: [
        [variants[0]!.name, fmt(wallMedians[0]!), fmt(median(ourScripts)), String(walls[0]!.length)],
        [variants[1]!.name, fmt(wallMedians[1]!), fmt(median(newmanScripts)), String(walls[1]!.length)],
      ],
    });
    out.goals.push({
      name: 'collection run: this CLI at or below newman\'s wall time',
      target: `≤ ${fmt(wallMedians[1]!)} ms`,
      actual: `${fmt(wallMedians[0]!)} ms`,
      met: wallMedians[0]! <= wallMedians[1]!,
    });
    out.notes.push('both read the same collection and environment files; newman sends the bearer token from the environment, this CLI performs the Kinde token exchange itself (one per run, included in its wall time)');
    out.notes.push('script time: ours is each request\'s QuickJS run (state in, script, results out); newman\'s is the time between its beforeTest and test events (its sandbox run)');
    out.data = { walls, ourScripts, newmanScripts };
  } finally {
    await sandbox.child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

function benchCollection(n: number) {
  const item = Array.from({ length: n }, (_, i) => ({
    name: `List users ${i + 1}`,
    event: [
      {
        listen: 'test',
        script: {
          type: 'text/javascript',
          exec: [
            'pm.test("status is 200", function () { pm.response.to.have.status(200); });',
            'pm.test("a page of users", function () { pm.expect(pm.response.json().users).to.be.an("array").with.lengthOf.at.most(5); });',
            'pm.test("JSON", function () { pm.expect(pm.response.headers.get("Content-Type")).to.include("application/json"); });',
          ],
        },
      },
    ],
    request: { method: 'GET', header: [{ key: 'Authorization', value: 'Bearer {{access_token}}' }], url: `{{business_domain}}/api/v1/users?page_size=5` },
  }));
  return { info: { name: 'Runner bench', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item };
}

function benchEnvironment(url: string, token: string) {
  const v = (key: string, value: string, type = 'default') => ({ key, value, type, enabled: true });
  return {
    name: 'Bench sandbox',
    values: [v('business_domain', url), v('client_id', 'sandbox_m2m_client'), v('client_secret', 'sandbox_m2m_secret', 'secret'), v('access_token', token, 'secret')],
  };
}

async function exchange(origin: string): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'sandbox_m2m_client', client_secret: 'sandbox_m2m_secret', audience: `${origin}/api` });
  const res = await fetch(`${origin}/oauth2/token`, { method: 'POST', body });
  if (!res.ok) throw new Error(`token exchange with the sandbox failed: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: REPO_ROOT, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error) => resolve(error ? Number((error as { code?: number }).code ?? 1) : 0));
  });
}

type NewmanEmitter = { on(event: string, fn: (err: unknown, args: unknown) => void): NewmanEmitter };
type Newman = { run(options: Record<string, unknown>, done: (err: unknown) => void): NewmanEmitter };

/** newman's per-request test-script time, from its own events in a programmatic run. */
function newmanScriptTimes(collection: string, environment: string): Promise<number[]> {
  const newman = createRequire(import.meta.url)('newman') as Newman;
  const times: number[] = [];
  let started = 0;
  return new Promise((resolve, reject) => {
    newman
      .run({ collection, environment, reporters: [] }, (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(times)))
      .on('beforeTest', () => {
        started = performance.now();
      })
      .on('test', () => {
        times.push(performance.now() - started);
      });
  });
}
