// Starts the history worker from the TypeScript sources (tsx, tests); the bundle starts dist/history-worker.js instead.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
