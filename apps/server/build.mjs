// Bundles the server (and the workspace packages it imports as TypeScript) into dist/main.js, so
// `pnpm start` runs plain JavaScript: ~0.6 s to the first 200 instead of ~2.4 s when tsx compiled
// every module on each start (pnpm bench --only cold-start). Only the native better-sqlite3 stays
// outside; `pnpm dev` still runs the sources with tsx. The bundle is not minified, so stack traces
// stay readable without source maps: with `node --enable-source-maps` the first Error.stack read
// (e.g. when an upstream keep-alive socket closes) parses the 6 MB map and stalls the event loop
// for ~250 ms, so start does not turn it on; dist/main.js.map is there for debugging.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const started = performance.now();
const result = await build({
  // Written below through a temporary file and a rename each: a test building while another
  // starts dist/main.js never runs half a bundle.
  write: false,
  // The history writer's worker thread is a second entry: main.js starts dist/history-worker.js.
  entryPoints: {
    main: new URL('./src/main.ts', import.meta.url).pathname,
    'history-worker': new URL('./src/services/history/history-worker.ts', import.meta.url).pathname,
  },
  outdir: new URL('./dist', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}
console.log(`server bundled into apps/server/dist/main.js (+ history-worker.js) in ${Math.round(performance.now() - started)} ms`);
