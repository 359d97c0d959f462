// Bundles the CLI (and the workspace packages it imports as TypeScript: core, runner, the server's
// relay) into dist/cli.js, so `kinde-explorer` starts as plain JavaScript instead of compiling
// TypeScript with tsx on every run. `bin/kinde-explorer.mjs` calls `ensureBuilt()`: it rebuilds
// only when a source is newer than the bundle, and writes through a temporary file and a rename,
// so two runs starting at once never read half a bundle. Only the server's native better-sqlite3
// stays outside (the CLI never opens a database).
import { build } from 'esbuild';
import { existsSync, readdirSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = (path) => fileURLToPath(new URL(path, import.meta.url));
const OUT = root('./dist/cli.js');
const SOURCES = ['./src', '../../packages/core/src', '../../packages/runner/src', '../server/src', '../../packages/core/package.json', '../../packages/runner/package.json', './package.json'].map(root);

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(`${path}/${entry}`));
  return max;
}

export async function buildCli() {
  const result = await build({
    entryPoints: [root('./src/main.ts')],
    outfile: OUT,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  mkdirSync(root('./dist'), { recursive: true });
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
}

export async function ensureBuilt() {
  const built = existsSync(OUT) ? statSync(OUT).mtimeMs : 0;
  if (built === 0 || SOURCES.some((s) => existsSync(s) && newest(s) > built)) await buildCli();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
