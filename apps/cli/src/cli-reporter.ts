import type { RequestResult, RunEvent, RunSummary } from '@kinde-explorer/runner';

export interface Output {
  write(text: string): void;
  isTTY: boolean;
  color: boolean;
}

const paint = (on: boolean) => ({
  green: (s: string) => (on ? `\x1b[32m${s}\x1b[39m` : s),
  red: (s: string) => (on ? `\x1b[31m${s}\x1b[39m` : s),
  yellow: (s: string) => (on ? `\x1b[33m${s}\x1b[39m` : s),
  dim: (s: string) => (on ? `\x1b[2m${s}\x1b[22m` : s),
  bold: (s: string) => (on ? `\x1b[1m${s}\x1b[22m` : s),
});

/**
 * newman's `cli` reporter, roughly: each request with its status, size and time, each test with ✓ or
 * ✗, console lines, 429 waits; on a terminal a progress line (done / total, passed / failed,
 * elapsed) stays under the output. Then the summary table and the failures, numbered.
 */
export function cliReporter(out: Output) {
  const c = paint(out.color);
  let total = 0;
  let finished = 0;
  let passed = 0;
  let failed = 0;
  let started = performance.now();
  let lastFolder = '';
  let current = '';
  let progressShown = false;

  const clearProgress = () => {
    if (progressShown) out.write('\r\x1b[2K');
    progressShown = false;
  };
  const line = (text = '') => {
    clearProgress();
    out.write(`${text}\n`);
  };
  const progress = () => {
    if (!out.isTTY) return;
    const width = 20;
    const filled = total > 0 ? Math.round((finished / total) * width) : 0;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const elapsed = ((performance.now() - started) / 1000).toFixed(1);
    clearProgress();
    out.write(`${bar} ${finished}/${total}  ${c.green(`${passed} passed`)}  ${failed > 0 ? c.red(`${failed} failed`) : '0 failed'}  ${elapsed}s  ${c.dim(current)}`);
    progressShown = true;
  };

  function onEvent(e: RunEvent): void {
    switch (e.type) {
      case 'run-started':
        total = e.totalRequests;
        started = performance.now();
        line(c.bold(e.collectionName) + (e.folder ? ` › ${e.folder}` : ''));
        break;
      case 'iteration-started':
        if (e.iteration > 0 || (total > 0 && e.data)) line(c.dim(`\nIteration ${e.iteration + 1}`));
        lastFolder = '';
        break;
      case 'request-started': {
        const folder = e.path.join(' / ');
        if (folder !== lastFolder && folder !== '') line(`\n❏ ${folder}`);
        lastFolder = folder;
        current = `${e.method} ${e.name}`;
        progress();
        break;
      }
      case 'rate-limited':
        line(c.yellow(`  ⧗ 429 Too Many Requests: waiting ${(e.wait.waitMs / 1000).toFixed(1)} s (Retry-After), then trying again`));
        progress();
        break;
      case 'request-finished':
        finished++;
        printRequest(e.result);
        progress();
        break;
      case 'run-finished':
        clearProgress();
        break;
      case 'console':
        break;
    }
  }

  function printRequest(r: RequestResult): void {
    line(`↳ ${r.name}`);
    const meta = r.response
      ? `[${r.response.status} ${r.response.statusText}, ${formatBytes(r.response.size)}, ${Math.round(r.response.timeMs)}ms]`
      : c.red(`[${r.error?.code ?? 'error'}]`);
    line(`  ${r.method} ${r.url} ${r.response && r.response.status >= 400 ? c.yellow(meta) : c.dim(meta)}`);
    if (r.error) line(`  ${c.red('✗')}  ${c.red(r.error.message)}`);
    for (const entry of r.console) line(c.dim(`  ┌ console.${entry.level} ${entry.message}`));
    for (const t of r.tests) {
      if (t.passed) passed++;
      else failed++;
      line(t.passed ? `  ${c.green('✓')}  ${t.name}` : `  ${c.red(`✗  ${t.name}`)}`);
    }
    if (r.error) failed++;
  }

  return { onEvent };
}

/** The summary table and the failures, as printed after the run. */
export function summaryText(s: RunSummary, color: boolean): string {
  const c = paint(color);
  const rows: [string, number, number][] = [
    ['iterations', s.iterations, 0],
    ['requests', s.totals.requests, s.totals.failedRequests],
    ['test-scripts and assertions', s.totals.tests, s.totals.failedTests],
  ];
  const w = [29, 10, 10];
  const sep = (l: string, m: string, r: string) => `${l}${w.map((n) => '─'.repeat(n + 2)).join(m)}${r}`;
  const cells = (a: string, b: string, d: string) => `│ ${a.padStart(w[0]!)} │ ${b.padStart(w[1]!)} │ ${d.padStart(w[2]!)} │`;
  const lines = [sep('┌', '┬', '┐'), cells('', 'executed', 'failed'), sep('├', '┼', '┤')];
  for (const [name, done, bad] of rows) lines.push(cells(name, String(done), bad > 0 ? c.red(String(bad).padStart(w[2]!)).trimStart() : String(bad)));
  lines.push(sep('├', '┴', '┤'));
  const info = [
    `total run duration: ${(s.durationMs / 1000).toFixed(2)} s`,
    `429 answers waited out: ${s.totals.rateLimitWaits}${s.totals.rateLimitWaits > 0 ? ` (${(s.totals.rateLimitWaitMs / 1000).toFixed(1)} s)` : ''}`,
    ...averages(s),
  ];
  const inner = w.reduce((a, n) => a + n + 3, -1);
  for (const text of info) lines.push(`│ ${text.padEnd(inner - 1)}│`);
  lines.push(sep('└', '─', '┘'));

  const slowest = [...s.results].filter((r) => r.response).sort((a, b) => (b.response?.timeMs ?? 0) - (a.response?.timeMs ?? 0)).slice(0, 3);
  if (slowest.length > 0) lines.push('', 'slowest requests:', ...slowest.map((r) => `  ${Math.round(r.response?.timeMs ?? 0)} ms  ${r.method} ${r.name}`));

  const failures = s.results.flatMap((r) => [
    ...(r.error ? [{ r, kind: r.error.code, name: `${r.method} ${r.name}`, message: r.error.message }] : []),
    ...r.tests.filter((t) => !t.passed).map((t) => ({ r, kind: 'AssertionError', name: t.name, message: t.error ?? 'failed' })),
  ]);
  if (failures.length > 0) {
    lines.push('', c.bold('  #  failure                 detail'));
    failures.forEach((f, i) => {
      lines.push('', ` ${String(i + 1).padStart(2)}.  ${c.red(f.kind.padEnd(22))}  ${f.name}`);
      lines.push(`      ${f.message}`);
      lines.push(c.dim(`      at request "${[...f.r.path, f.r.name].join(' / ')}"${s.iterations > 1 ? `, iteration ${f.r.iteration + 1}` : ''}`));
    });
  }
  if (s.status === 'stopped') lines.push('', c.yellow('The run was stopped before the end.'));
  if (s.status === 'bailed') lines.push('', c.yellow('Stopped at the first failure (--bail).'));
  return `${lines.join('\n')}\n`;
}

function averages(s: RunSummary): string[] {
  const times = s.results.flatMap((r) => (r.response ? [r.response.timeMs] : []));
  if (times.length === 0) return [];
  const avg = times.reduce((a, b) => a + b, 0) / times.length;
  const scripts = s.results.map((r) => r.scriptMs).sort((a, b) => a - b);
  const p50 = scripts[Math.floor((scripts.length - 1) / 2)] ?? 0;
  return [`average response time: ${Math.round(avg)} ms [min: ${Math.round(Math.min(...times))} ms, max: ${Math.round(Math.max(...times))} ms]`, `script time per request (p50): ${p50.toFixed(2)} ms`];
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)}kB`;
  return `${(n / 1024 / 1024).toFixed(1)}MB`;
}
