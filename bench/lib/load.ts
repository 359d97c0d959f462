import { Agent, request } from 'node:http';
import { summarize, type LatencySummary } from './stats.ts';

/** One HTTP request the load generator repeats; loopback only. */
export interface LoadTarget {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Extra check on a sampled answer (first 512 bytes); the HTTP status must be 200 regardless. */
  check?: (head: string) => boolean;
}

export interface LoadOptions {
  concurrency: number;
  /** Stops after this many measured requests… */
  maxRequests: number;
  /** …or after this long, whichever comes first. */
  maxDurationMs: number;
  /** Unmeasured requests first, so connections, JIT and token caches are warm. */
  warmupRequests?: number;
  /** Called right before and right after the measured phase (e.g. to read a process's CPU time). */
  onMeasureStart?: () => void | Promise<void>;
  onMeasureEnd?: () => void | Promise<void>;
}

export interface LoadResult extends LatencySummary {
  concurrency: number;
  requests: number;
  errors: number;
  durationMs: number;
  rps: number;
  firstError?: string;
}

/** Warm-up is bounded by time too, so a slow target cannot eat the run's budget before measuring. */
const WARMUP_MAX_MS = 1_500;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Sends one request on a keep-alive agent; resolves with the status and the first bytes of the body. */
function once(target: LoadTarget, url: URL, agent: Agent, body: Buffer | undefined): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...target.headers };
    if (body) headers['content-length'] = body.length;
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: target.method, headers, agent },
      (res) => {
        let head = '';
        res.on('data', (chunk: Buffer) => {
          if (head.length < 512) head += chunk.toString('utf8', 0, Math.min(chunk.length, 512));
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, head }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A closed-loop load generator: `concurrency` workers each send, wait for the whole answer and
 * send again. Every request's latency is measured with the monotonic clock (sub-millisecond, which
 * autocannon's integer histogram would not give). Bounded by count and by time.
 */
export async function runLoad(target: LoadTarget, opts: LoadOptions): Promise<LoadResult> {
  const url = new URL(target.url);
  if (!LOOPBACK.has(url.hostname)) throw new Error(`load generator refuses non-loopback host ${url.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const body = target.body === undefined ? undefined : Buffer.from(target.body);
  let errors = 0;
  let firstError: string | undefined;
  const fail = (why: string) => {
    errors++;
    firstError ??= why;
  };

  const hit = async (): Promise<boolean> => {
    try {
      const res = await once(target, url, agent, body);
      if (res.status !== 200) {
        fail(`HTTP ${res.status}: ${res.head.slice(0, 200)}`);
        return false;
      }
      return true;
    } catch (err) {
      fail((err as Error).message);
      return false;
    }
  };

  // Warm-up at the same concurrency, and one checked answer.
  const warm = opts.warmupRequests ?? Math.min(200, opts.maxRequests);
  const warmUntil = performance.now() + WARMUP_MAX_MS;
  let warmed = 0;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (warmed < warm && performance.now() < warmUntil) {
        warmed++;
        await hit();
      }
    }),
  );
  if (target.check) {
    const sample = await once(target, url, agent, body);
    if (sample.status !== 200 || !target.check(sample.head)) throw new Error(`unexpected answer: ${sample.status} ${sample.head.slice(0, 200)}`);
  }
  errors = 0;
  firstError = undefined;

  const latencies: number[] = [];
  let issued = 0;
  await opts.onMeasureStart?.();
  const started = performance.now();
  const deadline = started + opts.maxDurationMs;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (issued < opts.maxRequests && performance.now() < deadline) {
        issued++;
        const t0 = performance.now();
        if (await hit()) latencies.push(performance.now() - t0);
      }
    }),
  );
  const durationMs = performance.now() - started;
  await opts.onMeasureEnd?.();
  agent.destroy();
  return {
    concurrency: opts.concurrency,
    requests: latencies.length,
    errors,
    durationMs,
    rps: (latencies.length / durationMs) * 1000,
    ...summarize(latencies),
    ...(firstError ? { firstError } : {}),
  };
}

/** Sends one request and returns the whole body (for sanity checks and single timed calls). */
export async function fetchText(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const res = await fetch(url, { ...init, ...(init.body ? { body: init.body } : {}) });
  return { status: res.status, text: await res.text() };
}
