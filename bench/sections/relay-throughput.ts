import { startBalancer, type Balancer } from '../lib/balancer.ts';
import { createBenchEnvironment, sendBodyFor, type BenchFixture } from '../lib/fixture.ts';
import { runLoad, type LoadResult, type LoadTarget } from '../lib/load.ts';
import { createBenchSchema, type BenchSchema } from '../lib/postgres.ts';
import { cpuTimeOf, memoryOf, startBareProxy, startMinimalRelay, startServerProcess, type ServerProcess } from '../lib/processes.ts';
import { emptyOutput, fmt, mb, type SectionOutput } from '../lib/report.ts';

const PATH = '/api/v1/users?page_size=10';

/** The ways one GET reaches the sandbox, all measured in the same run, interleaved. */
type WayName = 'direct' | 'proxy' | 'floor' | 'sqlite' | 'inline' | 'baseline' | 'pg' | 'pg×2';

/** BENCH_BASELINE_SERVER=<dist/main.js of another build>: that build on SQLite runs beside this one, as one more way. */
const BASELINE = process.env.BENCH_BASELINE_SERVER;

interface Way {
  name: WayName;
  label: string;
  target: LoadTarget;
  /** The processes in the middle (none for direct): their CPU per send is summed. */
  pids: number[];
  /** The balancer in front, counted apart from the instances. */
  balancerPid?: number | undefined;
  /** The PostgreSQL backends serving the explorer. */
  database?: BenchSchema | undefined;
}

interface Measured extends LoadResult {
  /** CPU µs per request of the processes in the middle (NaN for direct); for two instances, both. */
  hopCpuUs: number;
  /** The same, main threads only (the event loop). */
  loopCpuUs: number;
  balancerCpuUs: number;
  databaseCpuUs: number;
  sandboxCpuUs: number;
}

export interface RelayOptions {
  concurrencies: number[];
  /** Each way runs this many times per concurrency, interleaved; the best round counts (a busy machine only ever slows a round down). */
  rounds: number;
  quick: boolean;
  /** Leave out the PostgreSQL ways (`--no-pg`). */
  postgres: boolean;
}

/** Bounds per concurrency: count and time, whichever ends first. */
function bounds(concurrency: number, quick: boolean) {
  const scale = quick ? 0.3 : 1;
  return concurrency === 1
    ? { maxRequests: Math.round(1000 * scale), maxDurationMs: 2_500 * scale, warmupRequests: 100 }
    : { maxRequests: Math.round(3000 * scale), maxDurationMs: 3_000 * scale, warmupRequests: 200 };
}

const sandboxAnswer = (head: string) => head.includes('"code":"OK"');
const sendAnswer = (head: string) => head.startsWith('{"status":200');

function sendTarget(baseUrl: string, environmentId: string): LoadTarget {
  return { url: `${baseUrl}/api/send`, method: 'POST', headers: { 'content-type': 'application/json' }, body: sendBodyFor(environmentId, PATH), check: sendAnswer };
}

/** Two explorer instances on one fresh PostgreSQL schema (the bench's own, dropped after), and a balancer over both. */
interface PostgresWays {
  database: BenchSchema;
  instances: [ServerProcess, ServerProcess];
  balancer: Balancer;
  environmentId: string;
  stop(): Promise<void>;
}

async function startPostgresWays(sandboxUrl: string): Promise<PostgresWays> {
  const database = await createBenchSchema();
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((s) => s.stop()));
    await database.drop();
  };
  try {
    const env = { DATABASE_URL: database.url };
    // One after the other: both would migrate the empty schema at once (safe, but slower to start).
    const a = await startServerProcess({ env });
    started.push(a);
    const b = await startServerProcess({ env });
    started.push(b);
    const balancer = await startBalancer([a.url, b.url]);
    started.push(balancer);
    const environmentId = await createBenchEnvironment(balancer.url, sandboxUrl);
    return { database, instances: [a, b], balancer, environmentId, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

/**
 * §1: the same GET every way — direct with a bearer, through a bare http-proxy, through the
 * floor, and through POST /api/send on SQLite, on PostgreSQL, and on two PostgreSQL instances
 * behind a balancer.
 */
export async function relayThroughput(fixture: BenchFixture, opts: RelayOptions, log: (m: string) => void): Promise<SectionOutput> {
  const out = emptyOutput();
  const token = await fixture.sandbox.exchangeToken();
  const stops: (() => Promise<void>)[] = [];
  try {
    const proxy = await startBareProxy(fixture.sandbox.url, token);
    stops.push(() => proxy.child.stop());
    const floor = await startMinimalRelay(fixture.sandbox.url, token);
    stops.push(() => floor.child.stop());
    // The same SQLite server with history written on its event loop, as before the worker: both in one run.
    const inline = await startServerProcess({ env: { HISTORY_WRITER: 'inline' } });
    stops.push(() => inline.stop());
    const inlineEnvironment = await createBenchEnvironment(inline.url, fixture.sandbox.url);
    const baseline = BASELINE ? await startServerProcess({ bundle: BASELINE }) : undefined;
    if (baseline) stops.push(() => baseline.stop());
    const baselineEnvironment = baseline ? await createBenchEnvironment(baseline.url, fixture.sandbox.url) : '';
    let pg: PostgresWays | undefined;
    if (opts.postgres) {
      try {
        pg = await startPostgresWays(fixture.sandbox.url);
        stops.push(() => pg!.stop());
        log(`  PostgreSQL schema ${pg.database.schema}: instances ${pg.instances.map((i) => i.url).join(', ')}; balancer ${pg.balancer.kind} at ${pg.balancer.url}`);
      } catch (err) {
        const why = (err as Error).message.split('\n')[0];
        out.notes.push(`PostgreSQL ways left out: ${why}`);
        log(`  PostgreSQL ways left out: ${why}`);
      }
    } else {
      out.notes.push('PostgreSQL ways left out (--no-pg)');
    }

    const ways: Way[] = [
      { name: 'direct', label: 'direct (bearer)', target: { url: `${fixture.sandbox.url}${PATH}`, method: 'GET', headers: { authorization: `Bearer ${token}` }, check: sandboxAnswer }, pids: [] },
      { name: 'proxy', label: 'bare proxy', target: { url: `${proxy.url}${PATH}`, method: 'GET', check: sandboxAnswer }, pids: [proxy.child.pid] },
      {
        name: 'floor',
        label: 'floor',
        target: { url: `${floor.url}/send`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: PATH }), check: sendAnswer },
        pids: [floor.child.pid],
      },
      { name: 'sqlite', label: 'explorer, SQLite', target: sendTarget(fixture.server.url, fixture.environmentId), pids: [fixture.server.child.pid] },
      { name: 'inline', label: 'explorer, SQLite, history inline', target: sendTarget(inline.url, inlineEnvironment), pids: [inline.child.pid] },
    ];
    if (baseline) {
      ways.push({ name: 'baseline', label: 'explorer, SQLite, baseline build', target: sendTarget(baseline.url, baselineEnvironment), pids: [baseline.child.pid] });
      out.notes.push(`baseline build: ${BASELINE}`);
    }
    if (pg) {
      const [a, b] = pg.instances;
      ways.push(
        { name: 'pg', label: 'explorer, PostgreSQL, 1 instance', target: sendTarget(a.url, pg.environmentId), pids: [a.child.pid], database: pg.database },
        {
          name: 'pg×2',
          label: `explorer, PostgreSQL, 2 instances behind ${pg.balancer.kind.startsWith('nginx') ? 'nginx' : 'round-robin proxy'}`,
          target: sendTarget(pg.balancer.url, pg.environmentId),
          pids: [a.child.pid, b.child.pid],
          balancerPid: pg.balancer.pid,
          database: pg.database,
        },
      );
      out.notes.push(`balancer for "pg×2": ${pg.balancer.kind}; its CPU is in its own column, not in the instances'`);
    }
    const sandboxPid = fixture.sandbox.child.pid;

    // A server runs for hours: measure it with its code optimised, not while V8 is still compiling
    // it (the compiler threads' CPU would be counted against the first rounds, 1 client above all).
    const warmup = opts.quick ? 500 : 3000;
    for (const way of ways) {
      await runLoad(way.target, { concurrency: 16, maxRequests: warmup, maxDurationMs: opts.quick ? 2_000 : 5_000, warmupRequests: 0 });
    }
    log(`  warmed up each way with up to ${warmup} requests`);

    const sum = (pids: number[], thread: 'all' | 'main') => pids.reduce((t, pid) => t + cpuTimeOf(pid, thread), 0);
    const best = new Map<string, Measured>();
    const all: (Measured & { way: WayName; round: number })[] = [];
    for (const c of opts.concurrencies) {
      for (let round = 1; round <= opts.rounds; round++) {
        for (const way of ways) {
          let at0 = { hop: 0, loop: 0, balancer: 0, db: 0, sandbox: 0 };
          let used = { hop: Number.NaN, loop: Number.NaN, balancer: Number.NaN, db: Number.NaN, sandbox: Number.NaN };
          const read = async () => ({
            hop: way.pids.length ? sum(way.pids, 'all') : Number.NaN,
            loop: way.pids.length ? sum(way.pids, 'main') : Number.NaN,
            balancer: way.balancerPid ? cpuTimeOf(way.balancerPid) : Number.NaN,
            db: way.database ? await way.database.backendCpuMs() : Number.NaN,
            sandbox: cpuTimeOf(sandboxPid),
          });
          const load = await runLoad(way.target, {
            concurrency: c,
            ...bounds(c, opts.quick),
            onMeasureStart: async () => void (at0 = await read()),
            onMeasureEnd: async () => {
              const at1 = await read();
              used = { hop: at1.hop - at0.hop, loop: at1.loop - at0.loop, balancer: at1.balancer - at0.balancer, db: at1.db - at0.db, sandbox: at1.sandbox - at0.sandbox };
            },
          });
          const perSend = (ms: number) => (ms * 1000) / load.requests;
          const r: Measured = {
            ...load,
            hopCpuUs: perSend(used.hop),
            loopCpuUs: perSend(used.loop),
            balancerCpuUs: perSend(used.balancer),
            databaseCpuUs: perSend(used.db),
            sandboxCpuUs: perSend(used.sandbox),
          };
          all.push({ ...r, way: way.name, round });
          log(
            `  c=${c} round ${round} ${way.name.padEnd(6)} ${fmt(r.rps)} req/s  p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms  CPU ${fmt(r.hopCpuUs)} µs/req` +
              (way.pids.length ? ` (main thread ${fmt(r.loopCpuUs)})` : '') +
              (way.database ? `  PostgreSQL ${fmt(r.databaseCpuUs)}` : '') +
              (way.balancerPid ? `  balancer ${fmt(r.balancerCpuUs)}` : '') +
              (r.errors ? `  errors ${r.errors}: ${r.firstError}` : ''),
          );
          const key = `${way.name}:${c}`;
          const prev = best.get(key);
          if (!prev || r.rps > prev.rps) best.set(key, r);
        }
      }
    }

    const get = (name: WayName, c: number) => best.get(`${name}:${c}`);
    out.tables.push({
      title: `GET ${PATH} on loopback (best of ${opts.rounds} interleaved round${opts.rounds > 1 ? 's' : ''}; latency in ms)`,
      columns: ['clients', 'way', 'req/s', '÷ proxy', '÷ direct', 'p50', 'p50 − direct', 'p99', 'errors'],
      rows: opts.concurrencies.flatMap((c) => {
        const d = get('direct', c)!;
        const p = get('proxy', c)!;
        return ways.map((w) => {
          const r = get(w.name, c)!;
          return [String(c), w.label, r.rps, ratio(r.rps, p.rps), ratio(r.rps, d.rps), r.p50, w.name === 'direct' ? '' : `+${fmt(r.p50 - d.p50)}`, r.p99, String(r.errors)];
        });
      }),
    });
    out.notes.push(
      'floor: the least a JSON relay of this shape does (Hono + undici, JSON in, status/headers/body-as-string out; no validation, variables, target check, redaction, history or log) — bench/children/minimal-relay.ts',
    );

    out.tables.push({
      title:
        'CPU time per request (µs; /proc utime+stime over the measured phase; 10 ms ticks, so ± a little). "process": every thread of the processes in the middle (both instances for pg×2); "main thread": their main threads alone (the event loop; no GC helpers, compiler or worker threads)',
      columns: ['clients', 'way', 'process', 'main thread', '÷ floor', 'main ÷ floor', 'balancer', 'PostgreSQL backends', 'sandbox'],
      rows: opts.concurrencies.flatMap((c) => {
        const f = get('floor', c)!;
        return ways
          .filter((w) => w.name !== 'direct')
          .map((w) => {
            const r = get(w.name, c)!;
            return [String(c), w.label, r.hopCpuUs, r.loopCpuUs, ratio(r.hopCpuUs, f.hopCpuUs), ratio(r.loopCpuUs, f.loopCpuUs), w.balancerPid ? r.balancerCpuUs : '', w.database ? r.databaseCpuUs : '', r.sandboxCpuUs];
          });
      }),
    });

    const explorers = ways.filter((w) => w.name === 'sqlite' || w.name === 'pg');
    for (const c of opts.concurrencies) {
      const r = get('sqlite', c)!.rps / get('proxy', c)!.rps;
      out.goals.push({ name: `relay throughput ≥ bare proxy, SQLite, ${c} client${c > 1 ? 's' : ''}`, target: '≥ 1.00×', actual: `${r.toFixed(2)}×`, met: r >= 1 });
    }
    for (const w of explorers) {
      for (const c of opts.concurrencies) {
        const r = get(w.name, c)!.hopCpuUs / get('floor', c)!.hopCpuUs;
        out.goals.push({ name: `explorer CPU per send ≤ 1.3× the floor, ${w.label}, ${c} client${c > 1 ? 's' : ''}`, target: '≤ 1.30×', actual: `${r.toFixed(2)}×`, met: r <= 1.3 });
      }
    }
    const single = Math.min(...opts.concurrencies);
    for (const w of explorers) {
      const added = get(w.name, single)!.p50 - get('direct', single)!.p50;
      out.goals.push({ name: `relay p50 added over direct, ${w.label}, ${single} client`, target: '≤ 0.5 ms', actual: `${fmt(added)} ms`, met: added <= 0.5 });
    }

    const mem = memoryOf(fixture.server.child.pid);
    const inlineMem = memoryOf(inline.child.pid);
    if (mem) out.notes.push(`SQLite server RSS after the runs: ${mb(mem.rss)} (peak ${mb(mem.peak)}); with history inline: ${inlineMem ? `${mb(inlineMem.rss)} (peak ${mb(inlineMem.peak)})` : 'n/a'}`);
    out.data = {
      path: PATH,
      rounds: opts.rounds,
      ways: ways.map((w) => ({ name: w.name, label: w.label })),
      best: Object.fromEntries(best),
      all,
    };
    return out;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }
}
