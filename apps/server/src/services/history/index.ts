export { createHistoryService, type HistoryService, type HistoryOptions, type HistoryDeps } from './history-service.ts';
export { DEFAULT_MAX_BODY_BYTES } from './prepare-entry.ts';
export * from './schemas.ts';
export { workerHistoryWriter, type HistoryStorage } from './worker-writer.ts';
