import type { BenchFixture } from '../lib/fixture.ts';
import { runLoad, type LoadResult, type LoadTarget } from '../lib/load.ts';
import { cpuTimeOf, memoryOf, startBareProxy, startMinimalRelay } from '../lib/processes.ts';
import { emptyOutput, fmt, mb, type SectionOutput } from '../lib/report.ts';

const PATH = '/api/v1/users?page_size=10';

interface Measured extends LoadResult {
  /** CPU µs per request used by the proxy or explorer server (NaN for direct). */
  hopCpuUs: number;
  sandboxCpuUs: number;
}
const MODES = ['direct', 'proxy', 'floor', 'relay'] as const;
type Mode = (typeof MODES)[number];

export interface RelayOptions {
  concurrencies: number[];
  /** Each mode runs this many times per concurrency, interleaved; the best round counts (a busy machine only ever slows a round down). */
  rounds: number;
  quick: boolean;
}

/** Bounds per concurrency: count and time, whichever ends first. */
function bounds(concurrency: number, quick: boolean) {
  const scale = quick ? 0.3 : 1;
  return concurrency === 1
    ? { maxRequests: Math.round(1000 * scale), maxDurationMs: 2_500 * scale, warmupRequests: 100 }
    : { maxRequests: Math.round(3000 * scale), maxDurationMs: 3_000 * scale, warmupRequests: 200 };
}

/** §1: the same GET three ways — direct with a bearer, through a bare http-proxy, through POST /api/send. */
export async function relayThroughput(fixture: BenchFixture, opts: RelayOptions, log: (m: string) => void): Promise<SectionOutput> {
  const out = emptyOutput();
  const token = await fixture.sandbox.exchangeToken();
  const proxy = await startBareProxy(fixture.sandbox.url, token);
  const floor = await startMinimalRelay(fixture.sandbox.url, token).catch(async (err: unknown) => {
    await proxy.child.stop();
    throw err;
  });
  try {
    const sandboxAnswer = (head: string) => head.includes('"code":"OK"');
    const targets: Record<Mode, LoadTarget> = {
      direct: { url: `${fixture.sandbox.url}${PATH}`, method: 'GET', headers: { authorization: `Bearer ${token}` }, check: sandboxAnswer },
      proxy: { url: `${proxy.url}${PATH}`, method: 'GET', check: sandboxAnswer },
      floor: {
        url: `${floor.url}/send`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: PATH }),
        check: (head) => head.startsWith('{"status":200'),
      },
      relay: {
        url: `${fixture.server.url}/api/send`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: fixture.sendBody(PATH),
        check: (head) => head.startsWith('{"status":200'),
      },
    };

    // CPU time per request of the process in the middle (none for direct) and of the sandbox:
    // unlike req/s, it hardly moves when other processes compete for the cores.
    const hopPid: Record<Mode, number | undefined> = { direct: undefined, proxy: proxy.child.pid, floor: floor.child.pid, relay: fixture.server.child.pid };
    const sandboxPid = fixture.sandbox.child.pid;

    // A server runs for hours: measure it with its code optimised, not while V8 is still compiling
    // it (the compiler threads' CPU would be counted against the first rounds, 1 client above all).
    const warmup = opts.quick ? 500 : 3000;
    for (const mode of MODES) {
      await runLoad(targets[mode], { concurrency: 16, maxRequests: warmup, maxDurationMs: opts.quick ? 2_000 : 5_000, warmupRequests: 0 });
    }
    log(`  warmed up each way with up to ${warmup} requests`);

    const best = new Map<string, Measured>();
    const all: (Measured & { mode: Mode; round: number })[] = [];
    for (const c of opts.concurrencies) {
      for (let round = 1; round <= opts.rounds; round++) {
        for (const mode of MODES) {
          const pid = hopPid[mode];
          let hop0 = 0;
          let sb0 = 0;
          let hopMs = Number.NaN;
          let sbMs = Number.NaN;
          const load = await runLoad(targets[mode], {
            concurrency: c,
            ...bounds(c, opts.quick),
            onMeasureStart: () => {
              hop0 = pid ? cpuTimeOf(pid) : 0;
              sb0 = cpuTimeOf(sandboxPid);
            },
            onMeasureEnd: () => {
              hopMs = pid ? cpuTimeOf(pid) - hop0 : Number.NaN;
              sbMs = cpuTimeOf(sandboxPid) - sb0;
            },
          });
          const r: Measured = { ...load, hopCpuUs: (hopMs * 1000) / load.requests, sandboxCpuUs: (sbMs * 1000) / load.requests };
          all.push({ ...r, mode, round });
          log(`  c=${c} round ${round} ${mode.padEnd(6)} ${fmt(r.rps)} req/s  p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms  hop CPU ${fmt(r.hopCpuUs)} µs/req${r.errors ? `  errors ${r.errors}: ${r.firstError}` : ''}`);
          const key = `${mode}:${c}`;
          const prev = best.get(key);
          if (!prev || r.rps > prev.rps) best.set(key, r);
        }
      }
    }

    const get = (mode: Mode, c: number) => best.get(`${mode}:${c}`)!;
    out.tables.push({
      title: `GET ${PATH} on loopback (best of ${opts.rounds} interleaved round${opts.rounds > 1 ? 's' : ''}; latency in ms)`,
      columns: ['clients', 'direct req/s', 'proxy req/s', 'floor req/s', 'relay req/s', 'relay/proxy', 'relay/direct', 'direct p50', 'proxy p50', 'floor p50', 'relay p50', 'relay−direct p50', 'direct p99', 'proxy p99', 'relay p99', 'errors'],
      rows: opts.concurrencies.map((c) => {
        const [d, p, f, r] = [get('direct', c), get('proxy', c), get('floor', c), get('relay', c)];
        return [
          String(c),
          d.rps,
          p.rps,
          f.rps,
          r.rps,
          `${(r.rps / p.rps).toFixed(2)}×`,
          `${(r.rps / d.rps).toFixed(2)}×`,
          d.p50,
          p.p50,
          f.p50,
          r.p50,
          `+${fmt(r.p50 - d.p50)}`,
          d.p99,
          p.p99,
          r.p99,
          String(d.errors + p.errors + f.errors + r.errors),
        ];
      }),
    });
    out.notes.push(
      'floor: the least a JSON relay of this shape does (Hono + undici, JSON in, status/headers/body-as-string out; no validation, variables, target check, redaction, history or log) — bench/children/minimal-relay.ts',
    );

    out.tables.push({
      title: 'CPU time per request (µs; /proc utime+stime over the measured phase; 10 ms ticks, so ± a little)',
      columns: ['clients', 'sandbox (direct)', 'sandbox (via proxy)', 'sandbox (via relay)', 'bare proxy process', 'floor process', 'explorer server', 'server/proxy', 'server/floor'],
      rows: opts.concurrencies.map((c) => {
        const [d, p, f, r] = [get('direct', c), get('proxy', c), get('floor', c), get('relay', c)];
        return [
          String(c),
          d.sandboxCpuUs,
          p.sandboxCpuUs,
          r.sandboxCpuUs,
          p.hopCpuUs,
          f.hopCpuUs,
          r.hopCpuUs,
          `${(r.hopCpuUs / p.hopCpuUs).toFixed(1)}×`,
          `${(r.hopCpuUs / f.hopCpuUs).toFixed(1)}×`,
        ];
      }),
    });

    for (const c of opts.concurrencies) {
      const ratio = get('relay', c).rps / get('proxy', c).rps;
      out.goals.push({ name: `relay throughput ≥ bare proxy, ${c} client${c > 1 ? 's' : ''}`, target: '≥ 1.00×', actual: `${ratio.toFixed(2)}×`, met: ratio >= 1 });
    }
    const single = Math.min(...opts.concurrencies);
    const added = get('relay', single).p50 - get('direct', single).p50;
    out.goals.push({ name: `relay p50 added over direct, ${single} client`, target: '≤ 1 ms', actual: `${fmt(added)} ms`, met: added <= 1 });

    const mem = memoryOf(fixture.server.child.pid);
    if (mem) out.notes.push(`server RSS after the runs: ${mb(mem.rss)} (peak ${mb(mem.peak)})`);
    out.data = {
      path: PATH,
      rounds: opts.rounds,
      best: Object.fromEntries([...best].map(([k, v]) => [k, v])),
      all,
    };
    return out;
  } finally {
    await proxy.child.stop();
    await floor.child.stop();
  }
}
