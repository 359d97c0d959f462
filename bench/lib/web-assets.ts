import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Asset {
  /** Path as the page requests it, e.g. /assets/index-abc.js */
  path: string;
  bytes: number;
  gzip: number;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
}

/** The scripts, stylesheets and modulepreloads index.html loads before anything else. */
export function entryAssets(html: string): { scripts: string[]; styles: string[]; preloads: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const preloads: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) scripts.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel')?.toLowerCase();
    const href = attr(tag, 'href');
    if (!href || href.startsWith('data:')) continue;
    if (rel === 'stylesheet') styles.push(href);
    else if (rel === 'modulepreload') preloads.push(href);
  }
  return { scripts, styles, preloads };
}

/** Relative modules a built chunk imports statically (`import{a}from"./x.js"`), not `import("./x.js")`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) found.add(m[1]!);
  return [...found];
}

export function gzipSize(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length;
}

function asset(dist: string, path: string): Asset {
  const buf = readFileSync(join(dist, path.replace(/^\//, '')));
  return { path, bytes: buf.length, gzip: gzipSize(buf) };
}

/** JS files reachable from `starts` through static imports (dynamic `import()` not followed). */
export function staticClosure(dist: string, starts: string[]): string[] {
  const seen = new Set<string>();
  const queue = starts.filter((p) => p.startsWith('/') && p.endsWith('.js'));
  while (queue.length) {
    const p = queue.shift()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const code = readFileSync(join(dist, p.replace(/^\//, '')), 'utf8');
    const dir = p.slice(0, p.lastIndexOf('/') + 1);
    for (const rel of staticImports(code)) queue.push(new URL(rel, `http://x${dir}`).pathname);
  }
  return [...seen];
}

/** Vite emits a chunk's CSS as `<chunk name>-<hash>.css` beside `<chunk name>-<hash>.js`. */
function cssSiblings(dist: string, jsPaths: string[]): string[] {
  const names = new Set(jsPaths.map((p) => p.slice(p.lastIndexOf('/') + 1).replace(/-[\w-]{6,12}\.js$/, '')));
  return readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.css') && names.has(f.replace(/-[\w-]{6,12}\.css$/, '')))
    .map((f) => `/assets/${f}`);
}

/** Everything the first screen needs: index.html's scripts, CSS, preloads and the entry's static imports, transitively. */
export function initialAssets(dist: string): Asset[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const { scripts, styles, preloads } = entryAssets(html);
  const js = staticClosure(dist, [...scripts, ...preloads]);
  const classic = scripts.filter((p) => p.startsWith('/') && !js.includes(p));
  return [...new Set([...classic, ...js, ...styles.filter((s) => s.startsWith('/'))])].map((p) => asset(dist, p));
}

/**
 * The lazily loaded editor: the chunk whose name matches `chunk` (Vite names it after
 * lib/monaco/code-editor.tsx) with what it imports statically and their CSS, minus what the
 * first screen already loaded.
 */
export function lazyChunkAssets(dist: string, chunk: RegExp, initial: readonly Asset[]): Asset[] {
  const start = readdirSync(join(dist, 'assets')).find((f) => f.endsWith('.js') && chunk.test(f));
  if (!start) return [];
  const loaded = new Set(initial.map((a) => a.path));
  const js = staticClosure(dist, [`/assets/${start}`]).filter((p) => !loaded.has(p));
  return [...js, ...cssSiblings(dist, js)].map((p) => asset(dist, p));
}

/** Every file under dist/assets with its gzip size. */
export function allAssets(dist: string): Asset[] {
  const dir = join(dist, 'assets');
  return readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => asset(dist, `/assets/${f}`));
}
