import { Agent, request } from 'node:http';
import { rmSync } from 'node:fs';
import { createRedactor, sendInputSchema, type SendResult } from '@kinde-explorer/core';
import { Agent as UndiciAgent } from 'undici';
import { SANDBOX_CLIENT, type BenchFixture } from '../lib/fixture.ts';
import { cpuTimeOf, KINDE_SPEC, tempDir } from '../lib/processes.ts';
import { emptyOutput, fmt, type SectionOutput } from '../lib/report.ts';
import { median } from '../lib/stats.ts';

const PATH = '/api/v1/users?page_size=10';

/**
 * CPU µs per call of `fn` (process user+system time, so waiting on the network costs nothing);
 * median of 3 batches, each at most `calls` calls or 1 s, whichever ends first.
 */
async function cpuPerCall(fn: () => unknown | Promise<unknown>, calls: number): Promise<number> {
  for (let i = 0; i < Math.min(50, calls); i++) await fn();
  const batches: number[] = [];
  for (let b = 0; b < 3; b++) {
    const before = process.cpuUsage();
    const until = performance.now() + 1_000;
    let done = 0;
    while (done < calls && (done < 10 || performance.now() < until)) {
      await fn();
      done++;
    }
    const used = process.cpuUsage(before);
    batches.push((used.user + used.system) / done);
  }
  return median(batches);
}

function httpGet(url: URL, agent: Agent, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve());
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * §1b: where the explorer's CPU per send goes. Each line is the real server code called in this
 * process (the sandbox stays in its own), so costs are CPU time, not wall time on a busy machine.
 */
export async function relayHotPath(fixture: BenchFixture, opts: { quick: boolean }, log: (m: string) => void): Promise<SectionOutput> {
  const out = emptyOutput();
  // Loaded lazily: a refactor moving these files must only cost this section, not the whole run.
  const { loadConfig } = await import('../../apps/server/src/config.ts');
  const { createDeps } = await import('../../apps/server/src/create-deps.ts');
  const { createApp } = await import('../../apps/server/src/app.ts');
  const { accessLogger, createLogger } = await import('../../apps/server/src/logger.ts');
  const { SecretRegistry } = await import('../../apps/server/src/services/vault/secret-registry.ts');
  const { prepareEntry } = await import('../../apps/server/src/services/history/prepare-entry.ts');

  const n = opts.quick ? 200 : 600;
  const dataDir = tempDir('hot');
  const secrets = new SecretRegistry();
  // The same logger the server builds (level info, secret scrubbing), writing nowhere.
  const logger = createLogger({ level: 'info', secrets, sink: { write() {} } });
  const config = loadConfig({ DATA_DIR: dataDir, SANDBOX: 'off', KINDE_SPEC, EXPLORER_SECRET_KEY: 'bench-only-key-not-a-secret-0123456789abcdef' });
  const deps = await createDeps(config, { logger, secrets, spec: { downloadUrl: null } });
  try {
    const env = await deps.environments.create({
      name: 'Hot path',
      variables: [
        { key: 'business_domain', value: fixture.sandbox.url },
        { key: 'client_id', value: SANDBOX_CLIENT.clientId },
        { key: 'client_secret', value: SANDBOX_CLIENT.clientSecret, secret: true },
      ],
    });
    const app = createApp(deps);
    const body = JSON.stringify({ environmentId: env.id, request: { method: 'GET', url: `{{business_domain}}${PATH}` } });
    const send = async () => {
      const res = await app.request('http://127.0.0.1/api/send', { method: 'POST', headers: { 'content-type': 'application/json', host: '127.0.0.1' }, body });
      return res.text();
    };
    const sample = JSON.parse(await send()) as SendResult;
    if (sample.status !== 200) throw new Error(`in-process send answered ${sample.status}: ${JSON.stringify(sample).slice(0, 200)}`);

    const token = await fixture.sandbox.exchangeToken();
    const url = new URL(`${fixture.sandbox.url}${PATH}`);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const resolved = await deps.environments.getResolved(env.id);
    const relaySecrets = [...resolved.secretValues, token];
    const input = JSON.parse(body) as unknown;
    const record = { environmentId: env.id, request: { method: 'GET' as const, url: `{{business_domain}}${PATH}` }, sentAt: new Date().toISOString(), response: sample };
    // What the relay does now: one pattern per secret set, compiled once and reused by later sends.
    const compiledPerSend = () => {
      const r = createRedactor(relaySecrets);
      for (const h of sample.headers) r(h.value);
      r(sample.body);
      r(sample.url);
      r(JSON.stringify(record.request));
    };
    const undici = new UndiciAgent({ keepAliveTimeout: 10_000 });
    const undiciGet = async () => {
      const res = await undici.request({ origin: url.origin, path: url.pathname + url.search, method: 'GET', headers: { authorization: `Bearer ${token}` } });
      for await (const _chunk of res.body) void _chunk;
    };

    const rows: [string, number, string][] = [];
    const measure = async (what: string, fn: () => unknown, calls: number, note: string) => {
      const us = await cpuPerCall(fn, calls);
      rows.push([what, us, note]);
      log(`  ${what}: ${fmt(us)} µs`);
    };
    await measure('whole POST /api/send via app.request() (no HTTP server)', send, n, 'incl. the WHATWG Request/Response app.request() builds; the server process CPU per send is in §1');
    await measure('GET /api/health via app.request() (the middleware floor)', async () => (await app.request('http://127.0.0.1/api/health', { headers: { host: '127.0.0.1' } })).text(), n, 'every request: logging, security headers, host check…');
    await measure('undici request() GET to the sandbox, keep-alive, body read', undiciGet, n, 'what the relay does per send now');
    await measure('fetch() GET to the sandbox, body read', async () => (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).text(), n, 'what the relay did before (WHATWG fetch)');
    await measure('node:http GET to the sandbox, keep-alive agent', () => httpGet(url, agent, { authorization: `Bearer ${token}` }), n, 'the other choice');
    await measure(`the send's redaction (${sample.headers.length} headers + body + url + template)`, compiledPerSend, n * 5, 'now: one pattern per secret set, cached');
    await measure('environments.getResolved(), cached', () => deps.environments.getResolved(env.id), n * 5, 'every send (decrypted once per change)');
    const known = secrets.list(); // one list per batch, as history's flush takes it
    await measure('history prepareEntry() for one send', () => prepareEntry(record, known, 256 * 1024), n * 5, 'every send, batched write after');
    // History as the server runs it (HISTORY_WRITER=worker): process CPU counts both threads; the
    // main thread alone (from /proc, 10 ms ticks, hence many batches) is what a send's event loop pays.
    const { createHistoryService } = await import('../../apps/server/src/services/history/index.ts');
    const inlineHistory = createHistoryService({ data: deps.data, secrets });
    const batch = 50;
    const historyWays: [string, { record(r: typeof record): void; flush(): Promise<void> }, string][] = [
      ['history.record() + its batched write on the worker thread, per send', deps.history, 'every send, 50 ms later, on the worker (HISTORY_WRITER=worker, the default)'],
      ['history.record() + its batched write inline, per send', inlineHistory, 'HISTORY_WRITER=inline: on the event loop, as before'],
    ];
    for (const [what, history, when] of historyWays) {
      const oneBatch = async () => {
        for (let i = 0; i < batch; i++) history.record(record);
        await history.flush();
      };
      const us = (await cpuPerCall(oneBatch, Math.max(10, Math.round(n / 10)))) / batch;
      rows.push([`${what} (process)`, us, when]);
      const batches = opts.quick ? 20 : 60;
      const main0 = cpuTimeOf(process.pid, 'main');
      for (let b = 0; b < batches; b++) await oneBatch();
      const mainUs = ((cpuTimeOf(process.pid, 'main') - main0) * 1000) / (batches * batch);
      rows.push([`${what} (main thread only)`, mainUs, 'what the event loop pays; /proc ticks of 10 ms']);
      log(`  ${what}: ${fmt(us)} µs process, ${fmt(mainUs)} µs main thread`);
    }
    await inlineHistory.close();
    const access = accessLogger(logger);
    await measure('one request log line (pino + secret scrub)', () => access.info({ method: 'POST', path: '/api/send', status: 200, ms: 1.2 }, 'request'), n * 5, 'every request (now without redact paths)');
    await measure('the same line through the redacting logger', () => logger.info({ method: 'POST', path: '/api/send', status: 200, ms: 1.2 }, 'request'), n * 5, 'before: pino redact wildcards');
    await measure('sendInputSchema.parse (zod)', () => sendInputSchema.parse(input), n * 5, 'every send');
    agent.destroy();
    await undici.close();

    out.tables.push({
      title: `Explorer CPU per send, in process (µs; process.cpuUsage, median of 3 batches; GET ${PATH}, ${sample.size} B body)`,
      columns: ['step', 'µs', 'when'],
      rows,
    });
    out.data = Object.fromEntries(rows.map(([k, v]) => [k, v]));
    return out;
  } finally {
    await deps.history.close();
    await deps.data.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
