#!/usr/bin/env node
// Rebuilds the bundle when a source changed (esbuild, a fraction of a second), then runs it.
const { ensureBuilt } = await import('../build.mjs');
await ensureBuilt();
await import('../dist/cli.js');
