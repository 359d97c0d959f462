import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './processes.ts';

/** Newest modification time of any file under `dir` (node_modules and dist skipped). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

/**
 * Builds apps/web when dist is missing or older than the web or core sources, so the sizes
 * measured are those of the code checked out. Returns a note for the report, if any.
 */
export async function ensureWebBuild(dist: string, opts: { allowBuild: boolean; log: (m: string) => void }): Promise<string | undefined> {
  const index = join(dist, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newest(join(REPO_ROOT, 'apps/web/src')), newest(join(REPO_ROOT, 'packages/core/src')), statSync(join(REPO_ROOT, 'apps/web/index.html')).mtimeMs);
  if (built >= sources) return undefined;
  if (!opts.allowBuild) return built ? 'apps/web/dist is older than its sources (--no-build): sizes are of the older build' : undefined;
  opts.log(`  building the web app (${built ? 'dist older than sources' : 'no dist'})…`);
  const started = performance.now();
  const r = spawnSync('pnpm', ['--filter', '@kinde-explorer/web', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
  const secs = ((performance.now() - started) / 1000).toFixed(0);
  if (r.status !== 0) {
    const why = (r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n').slice(-3).join(' ');
    return existsSync(index) ? `web build failed (${why}); measured the previous build` : `web build failed: ${why}`;
  }
  return `apps/web rebuilt for this run (${secs} s)`;
}
