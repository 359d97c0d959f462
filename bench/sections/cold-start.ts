import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { ensureServerBuild, freePort, REPO_ROOT, SERVER_COMMAND, serverEnv, startChild, tempDir, waitFor200 } from '../lib/processes.ts';
import { emptyOutput, fmt, type SectionOutput } from '../lib/report.ts';

/**
 * §6: spawn → first 200 from /api/health, as `pnpm start` runs the server (node on the bundle it
 * builds first), each time with a fresh DATA_DIR (so the database is created and migrated); beside
 * it the sources under tsx (how `pnpm start` ran before) and a bare node:http server.
 */
export async function coldStart(opts: { runs: number }, log: (m: string) => void): Promise<SectionOutput> {
  const out = emptyOutput();
  await ensureServerBuild();
  const tsx = join(REPO_ROOT, 'node_modules/.bin/tsx');
  const variants = [
    { name: 'explorer server (node apps/server/dist/main.js)', command: process.execPath, args: SERVER_COMMAND },
    { name: 'before: the sources under tsx (tsx apps/server/src/main.ts)', command: tsx, args: ['apps/server/src/main.ts'] },
    { name: 'baseline: bare node:http server (node)', command: process.execPath, args: ['bench/children/hello-server.mjs'] },
  ];
  const results: { name: string; times: number[] }[] = variants.map((v) => ({ name: v.name, times: [] }));
  // Interleaved, so a burst of load elsewhere on the machine hits both alike.
  for (let i = 0; i < opts.runs; i++) {
    for (const [k, v] of variants.entries()) {
      const port = await freePort();
      const dataDir = tempDir('cold');
      const started = performance.now();
      const child = startChild(v.command, v.args, serverEnv(port, dataDir));
      try {
        await waitFor200(`http://127.0.0.1:${port}/api/health`, child, 60_000, 10);
        const ms = performance.now() - started;
        results[k]!.times.push(ms);
        log(`  run ${i + 1}, ${v.name}: ${fmt(ms)} ms`);
      } finally {
        await child.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  const stats = results.map((r) => ({ ...r, mean: r.times.reduce((a, b) => a + b, 0) / r.times.length }));
  out.tables.push({
    title: 'Cold start: spawn → first 200 from /api/health (SANDBOX=off, fresh DATA_DIR each run; ms)',
    columns: ['process', 'runs', 'mean', 'min', 'max'],
    rows: stats.map((r) => [r.name, String(r.times.length), r.mean, Math.min(...r.times), Math.max(...r.times)]),
  });
  const [server, , base] = stats;
  if (server && base) out.notes.push(`the explorer's own start-up costs ${fmt(server.mean - base.mean)} ms over the runtime's (${(server.mean / base.mean).toFixed(1)}× the baseline)`);
  out.data = { results: stats };
  return out;
}
