import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { freePort, REPO_ROOT, serverEnv, startChild, tempDir, waitFor200 } from '../lib/processes.ts';
import { emptyOutput, fmt, type SectionOutput } from '../lib/report.ts';

/**
 * §6: spawn → first 200 from /api/health, as `pnpm start` runs the server (the tsx CLI on
 * main.ts), each time with a fresh DATA_DIR (so the database is created and migrated).
 */
export async function coldStart(opts: { runs: number }, log: (m: string) => void): Promise<SectionOutput> {
  const out = emptyOutput();
  const tsx = join(REPO_ROOT, 'node_modules/.bin/tsx');
  const times: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const port = await freePort();
    const dataDir = tempDir('cold');
    const started = performance.now();
    const child = startChild(tsx, ['apps/server/src/main.ts'], serverEnv(port, dataDir));
    try {
      await waitFor200(`http://127.0.0.1:${port}/api/health`, child, 60_000, 10);
      times.push(performance.now() - started);
      log(`  run ${i + 1}: ${fmt(times[times.length - 1]!)} ms`);
    } finally {
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  out.tables.push({
    title: 'Server cold start: spawn `tsx apps/server/src/main.ts` → first 200 from /api/health (SANDBOX=off, fresh DATA_DIR; ms)',
    columns: ['runs', 'mean', 'min', 'max'],
    rows: [[String(times.length), mean, Math.min(...times), Math.max(...times)]],
  });
  out.data = { times, mean };
  return out;
}
