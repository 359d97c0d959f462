/**
 * `pnpm bench`: one run on loopback, every figure side by side. Prints tables and writes
 * bench/results/<date>.json (+ .md). Not a test: nothing here passes or fails `pnpm test`.
 *
 *   pnpm bench                       all sections
 *   pnpm bench --only relay,tokens   some sections (relay, hot-path, tokens, catalog, web, large, runner, cold-start)
 *   pnpm bench --quick               smaller counts, for trying the harness
 *   pnpm bench --no-ui               skip the Chromium parts
 *   pnpm bench --no-build            never rebuild apps/web/dist, even when stale
 *   pnpm bench --only relay --profile  CPU-profile the explorer server and print its hot spots
 *   pnpm bench --no-pg               leave the PostgreSQL ways out of §1 (they need TEST_DATABASE_URL or 127.0.0.1:5432)
 *   BENCH_PORTS=19200-19299 pnpm bench  listen only on ports of that range
 *   BENCH_BASELINE_SERVER=<other build>/apps/server/dist/main.js pnpm bench --only relay
 *                                    that build on SQLite as one more way of §1 (before/after in one run)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureWebBuild } from './lib/build-web.ts';
import { summarizeProfile } from './lib/cpu-profile.ts';
import { startFixture, type BenchFixture } from './lib/fixture.ts';
import { machineInfo } from './lib/machine.ts';
import { REPO_ROOT, stopAllChildren } from './lib/processes.ts';
import { emptyOutput, goalMark, markdownTable, renderTable, type Goal, type SectionOutput } from './lib/report.ts';
import { catalogBench } from './sections/catalog.ts';
import { collectionRunner } from './sections/collection-runner.ts';
import { coldStart } from './sections/cold-start.ts';
import { largeResponses } from './sections/large-responses.ts';
import { relayHotPath } from './sections/relay-hot-path.ts';
import { relayThroughput } from './sections/relay-throughput.ts';
import { tokenSingleFlight } from './sections/token-single-flight.ts';
import { WEB_DIST, webApp } from './sections/web-app.ts';

const SECTIONS = ['relay', 'hot-path', 'tokens', 'catalog', 'web', 'large', 'runner', 'cold-start'] as const;
type SectionName = (typeof SECTIONS)[number];

const TITLES: Record<SectionName, string> = {
  relay: '1. Relay throughput and latency: direct vs bare proxy vs floor vs /api/send on SQLite, PostgreSQL, 2 instances',
  'hot-path': '1b. Where the explorer spends CPU per send',
  tokens: '2. Token exchanges (single-flight and cache)',
  web: '3. Web app: initial size, first interactive screen, Monaco',
  large: '4. Large responses',
  catalog: '5. Catalog: spec load and search per keystroke',
  'cold-start': '6. Server cold start',
  runner: '7. Collection runner: this CLI vs newman, 100 requests with tests',
};

function parseArgs(argv: string[]) {
  const has = (flag: string) => argv.includes(flag);
  const onlyIdx = argv.indexOf('--only');
  const only = onlyIdx >= 0 ? (argv[onlyIdx + 1] ?? '').split(',').map((s) => s.trim()).filter(Boolean) : [];
  const unknown = only.filter((s) => !SECTIONS.includes(s as SectionName));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  return {
    sections: (only.length ? only : [...SECTIONS]) as SectionName[],
    quick: has('--quick'),
    ui: !has('--no-ui'),
    build: !has('--no-build'),
    profile: has('--profile'),
    postgres: !has('--no-pg'),
  };
}

interface SectionRecord extends SectionOutput {
  ok: boolean;
  error?: string;
  durationMs: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
    }),
  ]);
}

function printSection(name: SectionName, rec: SectionRecord) {
  console.log(`\n${TITLES[name]}  (${(rec.durationMs / 1000).toFixed(1)} s)`);
  if (!rec.ok) console.log(`  n/a: ${rec.error}`);
  for (const t of rec.tables) console.log(`\n${renderTable(t)}`);
  for (const n of rec.notes) console.log(`  note: ${n}`);
}

/** The explorer server's hottest functions and packages over the whole run (self time). */
function printProfile(dir: string) {
  try {
    const p = summarizeProfile(dir);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log(`\nServer CPU profile (${p.file}; whole server life, start-up included; ${(p.totalMs / 1000).toFixed(1)} s outside idle), self time`);
    console.log(renderTable({ title: 'by package / file', columns: ['where', 'self ms', 'share'], rows: p.places.map((h) => [h.name, h.selfMs, pct(h.share)]) }));
    console.log(renderTable({ title: 'by function', columns: ['function', 'self ms', 'share'], rows: p.functions.map((h) => [h.name, h.selfMs, pct(h.share)]) }));
  } catch (err) {
    console.log(`\nServer CPU profile: n/a (${(err as Error).message})`);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  console.log(`Kinde API Explorer benchmarks — ${machine.date}`);
  console.log(`  ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}, commit ${machine.commit ?? 'n/a'}`);
  console.log(`  1-min load average at start: ${machine.loadAverage}${machine.loadAverage > machine.cores * 0.5 ? '  (busy machine: figures are noisy)' : ''}`);
  console.log(`  sections: ${opts.sections.join(', ')}${opts.quick ? '  (quick)' : ''}`);

  const log = (m: string) => console.log(m);
  const records = new Map<SectionName, SectionRecord>();
  const needsFixture = opts.sections.some((s) => s !== 'cold-start' && s !== 'runner');
  const needsWeb = opts.sections.includes('web') || (opts.sections.includes('large') && opts.ui);

  let buildNote: string | undefined;
  if (needsWeb) buildNote = await ensureWebBuild(WEB_DIST, { allowBuild: opts.build, log });

  const stamp = machine.date.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const resultsDir = join(REPO_ROOT, 'bench/results');
  const profileDir = opts.profile ? join(resultsDir, `profile-${stamp}`) : undefined;
  let fixture: BenchFixture | undefined;
  let fixtureError: string | undefined;
  if (needsFixture) {
    try {
      fixture = await startFixture(profileDir ? { cpuProfileDir: profileDir } : {});
      log(`  sandbox ${fixture.sandbox.url}, explorer ${fixture.server.url} (separate processes)`);
    } catch (err) {
      fixtureError = (err as Error).message;
      log(`  could not start the sandbox and server: ${fixtureError}`);
    }
  }

  const run = async (name: SectionName, timeoutMs: number, body: () => Promise<SectionOutput>) => {
    if (!opts.sections.includes(name)) return;
    console.log(`\n… ${TITLES[name]}`);
    const started = performance.now();
    let rec: SectionRecord;
    try {
      const output = await withTimeout(body(), timeoutMs, name);
      rec = { ...output, ok: true, durationMs: performance.now() - started };
    } catch (err) {
      rec = { ...emptyOutput(), ok: false, error: (err as Error).message.split('\n').slice(0, 3).join(' '), durationMs: performance.now() - started };
    }
    records.set(name, rec);
    printSection(name, rec);
  };
  const requireFixture = () => {
    if (!fixture) throw new Error(`sandbox/server did not start (${fixtureError ?? 'unknown'})`);
    return fixture;
  };

  try {
    await run('relay', 420_000, () => relayThroughput(requireFixture(), { concurrencies: [1, 16, 64], rounds: opts.quick ? 1 : 2, quick: opts.quick, postgres: opts.postgres }, log));
    await run('hot-path', 90_000, () => relayHotPath(requireFixture(), { quick: opts.quick }, log));
    await run('tokens', 120_000, () => tokenSingleFlight(requireFixture(), { quick: opts.quick, maxRunMs: 60_000 }, log));
    await run('catalog', 60_000, () => catalogBench(fixture, { quick: opts.quick }, log));
    await run('web', 120_000, async () => {
      const out = await webApp(opts.ui ? fixture : undefined, { runs: opts.quick ? 1 : 3 }, log);
      if (buildNote) out.notes.unshift(buildNote);
      return out;
    });
    await run('large', 300_000, () => largeResponses(requireFixture(), { sizesMb: opts.quick ? [1, 5] : [1, 5, 20, 50], ui: opts.ui }, log));
  } finally {
    await fixture?.close().catch(() => {});
  }
  if (profileDir && fixture) printProfile(profileDir);
  // Its own sandbox process; after the shared fixture is gone, so the two runners have the machine.
  await run('runner', 300_000, () => collectionRunner({ runs: opts.quick ? 1 : 3, requests: 100 }, log));
  // Last, with nothing of ours running.
  await run('cold-start', 120_000, () => coldStart({ runs: 3 }, log));

  const goals: (Goal & { section: SectionName })[] = [];
  for (const [name, rec] of records) for (const g of rec.goals) goals.push({ ...g, section: name });
  const goalTable = {
    title: 'Goals',
    columns: ['goal', 'target', 'measured', 'result'],
    rows: goals.map((g) => [g.name, g.target, g.actual, goalMark(g.met)]),
  };
  console.log(`\n${renderTable(goalTable)}`);

  const dir = resultsDir;
  mkdirSync(dir, { recursive: true });
  const json = { machine, options: opts, sections: Object.fromEntries(records), goals };
  writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const md = [
    `Run ${machine.date} · ${machine.cpu}, ${machine.cores} cores · Node ${machine.node} · load average ${machine.loadAverage} at start · commit ${machine.commit ?? 'n/a'}`,
    ...[...records].flatMap(([name, rec]) => [
      `\n### ${TITLES[name]}`,
      ...(rec.ok ? [] : [`n/a: ${rec.error}`]),
      ...rec.tables.flatMap((t) => [`\n${t.title}\n`, markdownTable(t)]),
      ...rec.notes.map((n) => `\nNote: ${n}`),
    ]),
    `\n### Goals\n`,
    markdownTable(goalTable),
  ].join('\n');
  writeFileSync(join(dir, `${stamp}.md`), `${md}\n`);
  console.log(`\nWrote bench/results/${stamp}.json and .md`);
}

process.once('SIGINT', () => {
  stopAllChildren();
  process.exit(130);
});

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    stopAllChildren();
    // Keep-alive sockets and the like must not keep a finished run alive.
    setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
  });
