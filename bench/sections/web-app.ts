import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { environmentSelect, launchChromium, responseRegion, until, urlField } from '../lib/browser.ts';
import { ENVIRONMENT_NAME, type BenchFixture } from '../lib/fixture.ts';
import { REPO_ROOT } from '../lib/processes.ts';
import { emptyOutput, fmt, kb, type SectionOutput } from '../lib/report.ts';
import { median } from '../lib/stats.ts';
import { allAssets, initialAssets, lazyChunkAssets, type Asset } from '../lib/web-assets.ts';

export const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
const INITIAL_GOAL_BYTES = 150 * 1024;
// Vite names the lazy chunk after the module that imports Monaco (lib/monaco/code-editor.tsx).
const EDITOR_CHUNK = /^(code-editor|monaco|editor\.api)-/;
// Monaco's web workers, started when the first editor is created.
const MONACO_WORKER = /\.worker-[\w-]+\.js$/;

/** The app's first screen in a fresh browser context; returns timings and what it fetched. */
async function firstScreen(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const requests: { path: string; at: number }[] = [];
  const t0 = performance.now();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === baseUrl) requests.push({ path: u.pathname, at: performance.now() - t0 });
  });
  await page.goto(baseUrl, { waitUntil: 'commit' });
  const interactive = await until(() => environmentSelect(page).isEnabled(), 30_000, 'the environment selector');
  const interactiveMs = performance.now() - t0;
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { domContentLoaded: n?.domContentLoadedEventEnd ?? Number.NaN, load: n?.loadEventEnd ?? Number.NaN, fcp: fcp?.startTime ?? Number.NaN };
  });
  void interactive;
  return { context, page, interactiveMs, nav, requests, t0 };
}

/** Opens the environment, sends the ready-made GET and times the response editor's first appearance. */
async function editorAppearance(page: Page): Promise<{ clickToEditorMs: number }> {
  await environmentSelect(page).selectOption({ label: ENVIRONMENT_NAME });
  await urlField(page).fill('{{business_domain}}/api/v1/users?page_size=10');
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await until(() => responseRegion(page).locator('.monaco-editor .view-lines').first().isVisible(), 30_000, 'the response editor');
  return { clickToEditorMs: performance.now() - t0 };
}

/** §3: initial JS + CSS before Monaco, time to the first interactive screen, Monaco's chunk and when it loads. */
export async function webApp(fixture: BenchFixture | undefined, opts: { runs: number }, log: (m: string) => void): Promise<SectionOutput> {
  const out = emptyOutput();
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('apps/web/dist is not built (pnpm build)');

  const initial = initialAssets(WEB_DIST);
  const assets = allAssets(WEB_DIST);
  const monaco = lazyChunkAssets(WEB_DIST, EDITOR_CHUNK, initial);
  const workers = assets.filter((a) => MONACO_WORKER.test(a.path));
  const isMonaco = (path: string) => monaco.some((a) => a.path === path);
  if (monaco.length === 0) out.notes.push('no lazy editor chunk (code-editor-*.js) found in dist/assets');
  const sum = (list: Asset[], k: 'bytes' | 'gzip') => list.reduce((s, a) => s + a[k], 0);
  const initialJsCss = initial.filter((a) => /\.(js|css)$/.test(a.path));
  const initialGzip = sum(initialJsCss, 'gzip');
  out.tables.push({
    title: 'Built web app (apps/web/dist; gzip = zlib level 9)',
    columns: ['what', 'files', 'raw', 'gzip'],
    rows: [
      ...initialJsCss.map((a) => [`initial: ${a.path}`, '1', kb(a.bytes), kb(a.gzip)]),
      ['initial JS + CSS (before Monaco)', String(initialJsCss.length), kb(sum(initialJsCss, 'bytes')), kb(initialGzip)],
      ['Monaco: lazy editor chunk + its imports and CSS', String(monaco.length), kb(sum(monaco, 'bytes')), kb(sum(monaco, 'gzip'))],
      ['Monaco workers (on first editor)', String(workers.length), kb(sum(workers, 'bytes')), kb(sum(workers, 'gzip'))],
    ],
  });
  out.goals.push({ name: 'initial JS + CSS gzip before Monaco', target: '≤ 150 KB', actual: kb(initialGzip), met: initialGzip <= INITIAL_GOAL_BYTES });
  out.data.assets = { initial, monaco, workers, all: assets };

  if (!fixture) {
    out.notes.push('browser timings: n/a (no server)');
    return out;
  }
  const browser = await launchChromium();
  try {
    const runs: { interactiveMs: number; domContentLoaded: number; load: number; fcp: number; monacoRequestedAt: number | null; beforeInteractive: string[] }[] = [];
    let editor: { clickToEditorMs: number } | undefined;
    for (let i = 0; i < opts.runs; i++) {
      const s = await firstScreen(browser, fixture.server.url);
      const monacoReq = s.requests.find((r) => isMonaco(r.path) && r.path.endsWith('.js'));
      const beforeInteractive = s.requests.filter((r) => r.at <= s.interactiveMs && /\.(js|css)$/.test(r.path)).map((r) => r.path);
      runs.push({ interactiveMs: s.interactiveMs, ...s.nav, monacoRequestedAt: monacoReq?.at ?? null, beforeInteractive });
      log(`  run ${i + 1}: interactive ${fmt(s.interactiveMs)} ms, Monaco requested at ${monacoReq ? `${fmt(monacoReq.at)} ms` : 'not yet'}`);
      if (i === opts.runs - 1) {
        try {
          editor = await editorAppearance(s.page);
        } catch (err) {
          out.notes.push(`editor appearance: n/a (${(err as Error).message})`);
        }
      }
      await s.context.close();
    }
    const m = (k: 'interactiveMs' | 'domContentLoaded' | 'load' | 'fcp') => median(runs.map((r) => r[k]));
    const monacoTimes = runs.map((r) => r.monacoRequestedAt).filter((x): x is number => x !== null);
    const extra = runs[0]!.beforeInteractive.filter((p) => !initial.some((a) => a.path === p) && !isMonaco(p));
    out.tables.push({
      title: `Headless Chromium, fresh context each run (median of ${runs.length}; ms from navigation)`,
      columns: ['measure', 'ms'],
      rows: [
        ['first contentful paint', m('fcp')],
        ['DOMContentLoaded', m('domContentLoaded')],
        ['load event', m('load')],
        ['first interactive screen (environment selector enabled)', m('interactiveMs')],
        ['Monaco chunk requested (idle preload, no user action)', monacoTimes.length ? median(monacoTimes) : 'not requested'],
        ['Send clicked → response editor visible (first editor)', editor ? editor.clickToEditorMs : 'n/a'],
      ],
    });
    if (extra.length) out.notes.push(`also fetched before interactive: ${extra.join(', ')}`);
    if (runs.some((r) => r.beforeInteractive.some(isMonaco))) out.notes.push('Monaco was requested before the first screen was interactive');
    out.data.browser = { runs, editor };
    return out;
  } finally {
    await browser.close();
  }
}
