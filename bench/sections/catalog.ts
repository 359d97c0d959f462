import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog, buildSearchIndex, dereference, parseSpec, search } from '@kinde-explorer/core';
import type { BenchFixture } from '../lib/fixture.ts';
import { KINDE_SPEC } from '../lib/processes.ts';
import { emptyOutput, fmt, type SectionOutput } from '../lib/report.ts';
import { median, percentile, summarize } from '../lib/stats.ts';

const QUERIES = ['org create', 'get users', 'feature flag', 'delete role permission', 'update application'];

/** read + parseSpec + dereference + buildCatalog, timed step by step. */
function coldLoad(path: string) {
  const t0 = performance.now();
  const text = readFileSync(path, 'utf8');
  const t1 = performance.now();
  const parsed = parseSpec(text);
  if (!parsed.ok) throw new Error(`spec does not parse: ${parsed.errors.join('; ')}`);
  const t2 = performance.now();
  const doc = dereference(parsed.value);
  const t3 = performance.now();
  const catalog = buildCatalog(doc);
  const t4 = performance.now();
  return { read: t1 - t0, parse: t2 - t1, dereference: t3 - t2, catalog: t4 - t3, total: t4 - t0, operations: catalog.operations };
}

const silent = { info() {}, warn() {} };

/** §5: spec load without a cache vs what the server reuses, and search cost per keystroke. */
export async function catalogBench(fixture: BenchFixture | undefined, opts: { quick: boolean }, log: (m: string) => void): Promise<SectionOutput> {
  const out = emptyOutput();
  if (!existsSync(KINDE_SPEC)) throw new Error(`no Kinde spec at ${KINDE_SPEC} (set KINDE_SPEC)`);

  // The first load in this process also pays for compiling js-yaml and core: that is what a fresh server pays.
  const first = coldLoad(KINDE_SPEC);
  const repeats = Array.from({ length: opts.quick ? 3 : 5 }, () => coldLoad(KINDE_SPEC));
  const med = (k: 'read' | 'parse' | 'dereference' | 'catalog' | 'total') => median(repeats.map((r) => r[k]));
  log(`  cold load: first ${fmt(first.total)} ms, then median ${fmt(med('total'))} ms (${first.operations.length} operations)`);

  const rows: (string | number)[][] = [
    ['cold: read + parse + dereference + catalog, first in process', first.read, first.parse, first.dereference, first.catalog, first.total],
    ['cold: same, median of repeats (JIT warm)', med('read'), med('parse'), med('dereference'), med('catalog'), med('total')],
  ];

  // The server's on-disk cache (DATA_DIR/kinde-spec.yaml) is the same text: it saves a download, not the parse.
  // Loaded lazily: if the server's spec service moves, only this line of the section is lost.
  const { createSpecService, SPEC_CACHE_FILE } = await import('../../apps/server/src/services/spec/index.ts');
  const cacheDir = fixture?.server.dataDir;
  if (cacheDir && existsSync(join(cacheDir, SPEC_CACHE_FILE))) {
    const t0 = performance.now();
    const service = createSpecService({ dataDir: cacheDir, logger: silent, downloadUrl: null });
    const status = await service.settled();
    const ms = performance.now() - t0;
    rows.push([`server spec service from the DATA_DIR cache copy (${status.status})`, 'n/a', 'n/a', 'n/a', 'n/a', ms]);
  } else {
    out.notes.push('DATA_DIR cache copy: n/a (no running server with a cached spec)');
  }

  // What "cached" means in the server: parsed once, kept in memory; GET /api/catalog reuses it.
  if (fixture) {
    const url = `${fixture.server.url}/api/catalog`;
    const samples: number[] = [];
    for (let i = 0; i < (opts.quick ? 20 : 50); i++) {
      const t0 = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET /api/catalog: ${res.status}`);
      samples.push(performance.now() - t0);
    }
    const s = summarize(samples.slice(5));
    rows.push(['cached: GET /api/catalog on the running server (in memory), p50', 'n/a', 'n/a', 'n/a', 'n/a', s.p50]);
  }
  out.tables.push({ title: `Kinde spec → catalog (${first.operations.length} operations; ms)`, columns: ['case', 'read', 'parse', 'dereference', 'catalog', 'total'], rows });

  // Search: the index is built once per catalog, then every keystroke is one search() call.
  const tIndex = performance.now();
  const index = buildSearchIndex(first.operations);
  const indexMs = performance.now() - tIndex;
  const perKeystroke: number[] = [];
  const searchRows: (string | number)[][] = [];
  for (const q of QUERIES) {
    const times: number[] = [];
    let top = '';
    for (let n = 1; n <= q.length; n++) {
      const prefix = q.slice(0, n);
      const reps: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const hits = search(index, prefix);
        reps.push(performance.now() - t0);
        if (n === q.length) top = hits[0]?.summary ?? '(none)';
      }
      times.push(median(reps));
    }
    perKeystroke.push(...times);
    searchRows.push([`"${q}"`, String(q.length), median(times), Math.max(...times), top]);
  }
  const sorted = [...perKeystroke].sort((a, b) => a - b);
  searchRows.push(['all keystrokes', String(perKeystroke.length), percentile(sorted, 50), sorted[sorted.length - 1]!, '']);
  out.tables.push({
    title: `Search per keystroke (core search over every typed prefix; index built once in ${fmt(indexMs)} ms; ms)`,
    columns: ['query', 'keystrokes', 'median', 'max', 'top hit for the full query'],
    rows: searchRows,
  });
  out.goals.push({ name: 'search per keystroke (max)', target: '< 16 ms (one frame)', actual: `${fmt(sorted[sorted.length - 1]!)} ms`, met: sorted[sorted.length - 1]! < 16 });
  out.data = { first, repeats, indexMs, perKeystroke, rows, searchRows };
  return out;
}
