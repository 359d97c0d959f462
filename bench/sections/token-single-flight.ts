import { Agent, request } from 'node:http';
import type { BenchFixture } from '../lib/fixture.ts';
import { runLoad } from '../lib/load.ts';
import { emptyOutput, fmt, type SectionOutput } from '../lib/report.ts';

const PATH = '/api/v1/users?page_size=1';

/** POSTs `body` `count` times at once (one socket each) and counts the 200s whose envelope says 200. */
async function burst(url: string, body: string, count: number): Promise<{ ok: number; ms: number; firstError?: string }> {
  const agent = new Agent({ keepAlive: false, maxSockets: count });
  const payload = Buffer.from(body);
  let firstError: string | undefined;
  const started = performance.now();
  const results = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<boolean>((resolve) => {
          const u = new URL(url);
          const req = request(
            { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (c: string) => (text += c));
              res.on('end', () => {
                const ok = res.statusCode === 200 && text.startsWith('{"status":200');
                if (!ok) firstError ??= `${res.statusCode} ${text.slice(0, 200)}`;
                resolve(ok);
              });
            },
          );
          req.on('error', (err) => {
            firstError ??= err.message;
            resolve(false);
          });
          req.end(payload);
        }),
    ),
  );
  agent.destroy();
  return { ok: results.filter(Boolean).length, ms: performance.now() - started, ...(firstError ? { firstError } : {}) };
}

/** §2: how many client_credentials exchanges the sandbox sees for a cold burst and for a long run. */
export async function tokenSingleFlight(fixture: BenchFixture, opts: { quick: boolean; maxRunMs: number }, log: (m: string) => void): Promise<SectionOutput> {
  const out = emptyOutput();
  const send = `${fixture.server.url}/api/send`;
  const body = fixture.sendBody(PATH);

  await fixture.forgetToken();
  await fixture.sandbox.reset();
  const b = await burst(send, body, 200);
  const afterBurst = await fixture.sandbox.stats();
  log(`  200 concurrent sends on a cold cache: ${b.ok} ok, ${afterBurst.tokenRequests} exchange(s), ${fmt(b.ms)} ms`);

  const total = opts.quick ? 2_000 : 10_000;
  await fixture.forgetToken();
  await fixture.sandbox.reset();
  const run = await runLoad({ url: send, method: 'POST', headers: { 'content-type': 'application/json' }, body }, { concurrency: 32, maxRequests: total, maxDurationMs: opts.maxRunMs, warmupRequests: 0 });
  const afterRun = await fixture.sandbox.stats();
  log(`  ${run.requests} sends (32 at a time): ${afterRun.tokenRequests} exchange(s), ${fmt(run.rps)} req/s`);

  out.tables.push({
    title: 'Token exchanges seen by the sandbox (/oauth2/token), each case starting from a cold token cache',
    columns: ['case', 'sends ok', 'errors', 'exchanges', 'upstream API calls', 'wall time'],
    rows: [
      ['200 concurrent sends', String(b.ok), String(200 - b.ok), String(afterBurst.tokenRequests), String(afterBurst.apiRequests), `${fmt(b.ms)} ms`],
      [`${total.toLocaleString('en-US')} sends, 32 at a time`, String(run.requests), String(run.errors), String(afterRun.tokenRequests), String(afterRun.apiRequests), `${fmt(run.durationMs / 1000)} s`],
    ],
  });
  if (b.firstError) out.notes.push(`burst error: ${b.firstError}`);
  if (run.firstError) out.notes.push(`run error: ${run.firstError}`);
  out.goals.push(
    { name: '200 concurrent sends, cold cache', target: '1 exchange', actual: `${afterBurst.tokenRequests}`, met: b.ok === 200 && afterBurst.tokenRequests === 1 },
    {
      name: `${total.toLocaleString('en-US')} sends in one token's lifetime`,
      target: '1 exchange',
      actual: run.requests === total ? `${afterRun.tokenRequests}` : `${afterRun.tokenRequests} for the ${run.requests.toLocaleString('en-US')} sent in the ${opts.maxRunMs / 1000} s bound`,
      // A run cut short by the time bound cannot show the full count; more than one exchange is a failure either way.
      met: afterRun.tokenRequests !== 1 ? false : run.requests === total ? true : null,
    },
  );
  if (run.requests < total) out.notes.push(`the ${total.toLocaleString('en-US')}-send run stopped at its ${opts.maxRunMs / 1000} s bound after ${run.requests.toLocaleString('en-US')} sends`);
  out.data = { burst: { sends: 200, ...b, ...afterBurst }, run: { sends: total, completed: run.requests, errors: run.errors, rps: run.rps, p50: run.p50, p99: run.p99, ...afterRun } };
  return out;
}
