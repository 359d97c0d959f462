import { z } from 'zod';
import { runSummarySchema as engineSummarySchema } from '@kinde-explorer/runner';

const id = z.string().min(1).max(100);

/** A data file as the browser read it: the engine parses it (CSV or JSON) and names any problem. */
export const runDataFileSchema = z.object({
  fileName: z.string().max(1024),
  content: z.string().max(10_000_000, 'data files are at most 10 MB'),
});

/** `POST /api/runs`: what to run, against which environment, how. */
export const runStartSchema = z.object({
  environmentId: id,
  collectionId: id,
  /** Run only this folder (and its sub-folders) of the collection. */
  folderId: id.optional(),
  iterations: z.number().int().min(1).max(1000).optional(),
  /** One iteration per row (as `pm.iterationData` and `{{column}}`); with `iterations` unset, one per row. */
  data: runDataFileSchema.optional(),
  /** Wait between requests, in milliseconds. */
  delayMs: z.number().int().min(0).max(60_000).optional(),
  /** Stop at the first failed test or request. */
  bail: z.boolean().optional(),
  /**
   * Write variables the run set with `pm.environment.set` back to the environment at the end.
   * Secret variables are never written, whatever the run did to them.
   */
  persistVariables: z.boolean().optional(),
});
export type RunStart = z.infer<typeof runStartSchema>;

export const runListQuerySchema = z.object({
  environmentId: id.optional(),
  collectionId: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type RunListQuery = z.infer<typeof runListQuerySchema>;

export const runStatusSchema = z.enum(['running', 'passed', 'failed', 'stopped', 'error']);

/** A run in lists: what ran, how it ended, its totals. */
export const runSummarySchema = z.object({
  id: z.string(),
  environmentId: z.string(),
  collectionId: z.string().nullable(),
  folderId: z.string().nullable(),
  /** The collection (or "collection / folder") name when it ran. */
  name: z.string(),
  status: runStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  requests: z.number(),
  testsPassed: z.number(),
  testsFailed: z.number(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runListSchema = z.object({ runs: z.array(runSummarySchema) });

export const runExportQuerySchema = z.object({ format: z.enum(['junit', 'json']).default('json') });

export const runOptionsSchema = z.object({
  iterations: z.number().nullable(),
  dataFile: z.string().nullable(),
  delayMs: z.number(),
  bail: z.boolean(),
  persistVariables: z.boolean(),
});

/** One run in full: its summary, options, the engine's results (null while it runs) and any write-back. */
export const runViewSchema = runSummarySchema.extend({
  options: runOptionsSchema,
  summary: engineSummarySchema.nullable(),
  /** With `persistVariables`: the environment keys written, and those left alone (secrets, invalid names). */
  writeBack: z.object({ written: z.array(z.string()), skipped: z.array(z.string()) }).nullable(),
  /** Why the run ended in `error`. */
  error: z.string().nullable(),
});
export type RunView = z.infer<typeof runViewSchema>;
