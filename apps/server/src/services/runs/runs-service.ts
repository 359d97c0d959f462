import { randomUUID } from 'node:crypto';
import { createRedactor, type CollectionItem } from '@kinde-explorer/core';
import { createRun, parseDataFile, RunInputError, type RunHandle, type RunSummary as EngineSummary } from '@kinde-explorer/runner';
import { apiError } from '../../errors.ts';
import { collectionToDoc } from '../collections/collection-doc.ts';
import type { CollectionsService } from '../collections/index.ts';
import type { EnvironmentsService } from '../environments/types.ts';
import type { DataLayer } from '../storage/index.ts';
import type { Instance } from '../instances/instance-registry.ts';
import type { Relay } from '../relay/relay.ts';
import { relaySendForRun, runEnvironmentView } from '../relay/run-send.ts';
import { capResults } from './cap-results.ts';
import { createRunEventLog } from './run-event-log.ts';
import { readRunEvents } from './run-event-reader.ts';
import { createRunEventsStore, type StoredRunEvent } from './run-events-store.ts';
import { createRunStore, RUN_STOP_CHANNEL, type RunRow, type RunStatus, type RunSummaryRow } from './run-store.ts';
import { applyEnvironmentChanges } from './run-variables.ts';
import type { RunListQuery, RunStart, RunSummary, RunView } from './schemas.ts';

export interface RunsDeps {
  data: DataLayer;
  environments: EnvironmentsService;
  collections: CollectionsService;
  relay: Relay;
  /** This server among the others on the database: runs are tagged with it, stopped ones' runs swept. */
  instance: Instance;
  /** Every secret and token the server knows: scrubbed from every event and result once more. */
  secrets: { list(): readonly string[] };
  logger: { warn(obj: object, msg: string): void };
}

export interface RunsOptions {
  /** Runs kept in the database (default 100); older ones are dropped as new ones start. */
  keep?: number;
  /** Runs at the same time on all instances together (default 4); one more answers 429. */
  maxConcurrent?: number;
}

/**
 * Collection runs: started against an environment, their events stored as they happen (any
 * instance's readers replay and follow them: the Runner view's SSE stream), their results stored
 * when they end. Each request goes through the relay, so a run's sends are locked, authorised,
 * redacted and in history like a single send. A run lives on the instance that started it; a stop
 * asked on another reaches it by a notice, and when an instance stops beating another marks its
 * runs as errors.
 */
export async function createRunsService(deps: RunsDeps, opts: RunsOptions = {}) {
  const store = createRunStore(deps.data, { keep: opts.keep });
  const events = createRunEventsStore(deps.data);
  const maxConcurrent = opts.maxConcurrent ?? 4;
  // The runs this instance is running.
  const live = new Map<string, { handle: RunHandle; pumped: Promise<void> }>();

  const sweep = async () => {
    const ids = await store.markInterrupted(new Date().toISOString(), deps.instance.staleBefore());
    if (ids.length > 0) deps.logger.warn({ runs: ids.length }, 'runs left unfinished by a server that stopped were marked as errors');
    await deps.instance.forgetStopped();
    // A stop asked while this instance's listener was away.
    for (const id of await store.stopRequested([...live.keys()])) live.get(id)?.handle.stop();
  };
  await sweep();
  deps.instance.onBeat(sweep);
  deps.data.onChange((change) => {
    if (change?.channel === RUN_STOP_CHANNEL) live.get(change.id)?.handle.stop();
  });

  const scrub = <T>(value: T): T => {
    const redact = createRedactor(deps.secrets.list());
    return JSON.parse(redact(JSON.stringify(value))) as T;
  };

  async function start(input: RunStart): Promise<RunSummary> {
    const resolved = await deps.environments.getResolved(input.environmentId);
    const collection = await deps.collections.get(input.collectionId);
    const doc = await collectionToDoc(deps.collections.context, input.collectionId, { withIds: true });
    let folderName: string | undefined;
    if (input.folderId) {
      folderName = findFolder(doc.items, input.folderId);
      if (folderName === undefined) throw apiError(404, 'not_found', `Folder ${input.folderId} is not in collection "${collection.name}".`);
    }
    const data = input.data ? inputCheck(() => parseDataFile(input.data!.content, input.data!.fileName)) : undefined;
    if (data?.length === 0) throw apiError(400, 'validation_failed', `${input.data!.fileName} has no rows; add one row per iteration (CSV: a header row, then the values).`);

    const id = randomUUID();
    const startedAt = new Date().toISOString();
    const name = folderName ? `${collection.name} / ${folderName}` : collection.name;
    // Counted in the database under a lock shared by every instance, so starts at the same moment cannot all slip past it.
    const started = await store.start(
      {
        id,
        environment_id: input.environmentId,
        collection_id: input.collectionId,
        folder_id: input.folderId ?? null,
        name,
        started_at: startedAt,
        options_json: JSON.stringify(optionsOf(input)),
        instance_id: deps.instance.id,
      },
      { maxRunning: maxConcurrent },
    );
    if (!started.started) {
      throw apiError(429, 'rate_limited', `${started.running} runs are in progress; wait for one to finish or stop it, then start again.`);
    }
    // The engine starts at once: only once its place is taken.
    let handle: RunHandle;
    try {
      handle = inputCheck(() =>
      createRun(
        { collection: doc, folder: input.folderId, iterations: input.iterations, data, delayMs: input.delayMs ?? 0, bail: input.bail ?? false },
        // No collectionId for the relay: the engine carries the collection's variables, and a run may use another environment.
        { environment: runEnvironmentView(resolved), send: relaySendForRun(deps.relay, { environmentId: input.environmentId }) },
      ),
      );
    } catch (err) {
      await store.discard(id); // never ran: it must not count as running
      throw err;
    }
    live.set(id, { handle, pumped: pump(id, handle, input, startedAt) });
    return toSummary((await store.get(id))!);
  }

  async function pump(id: string, handle: RunHandle, input: RunStart, startedAt: string): Promise<void> {
    const log = createRunEventLog(events, id, { onError: (err) => deps.logger.warn({ err, runId: id }, 'could not store run events; live readers miss some') });
    let summary: EngineSummary | undefined;
    let failure: string | undefined;
    try {
      for await (const event of handle.events) log.push(scrub(event));
      summary = scrub(await handle.done);
    } catch (err) {
      failure = err instanceof Error ? err.message : String(err);
      deps.logger.warn({ err, runId: id }, 'run failed');
    }
    // Every event is stored before the end, so a reader that sees the end has read them all.
    await log.end();
    try {
      const writeBack = summary && input.persistVariables ? await writeVariables(input.environmentId, summary) : undefined;
      const status: Exclude<RunStatus, 'running'> = !summary ? 'error' : summary.status === 'bailed' ? 'failed' : summary.status;
      const result = summary ? capResults(summary) : null;
      await store.finish(id, {
        status,
        finishedAt: summary?.finishedAt ?? new Date().toISOString(),
        durationMs: summary?.durationMs ?? Date.now() - Date.parse(startedAt),
        requests: summary?.totals.requests ?? 0,
        testsPassed: summary?.totals.passedTests ?? 0,
        testsFailed: summary?.totals.failedTests ?? 0,
        resultJson: JSON.stringify({ summary: result, writeBack: writeBack ?? null, error: failure ?? null }),
      });
    } catch (err) {
      deps.logger.warn({ err, runId: id }, 'could not store the run');
    } finally {
      live.delete(id);
    }
  }

  async function writeVariables(environmentId: string, summary: EngineSummary) {
    const env = await deps.environments.get(environmentId);
    const { variables, written, skipped } = applyEnvironmentChanges(env, summary.environmentChanges);
    if (variables) await deps.environments.update(environmentId, { variables });
    return { written, skipped };
  }

  async function requireRow(id: string): Promise<RunRow> {
    const row = await store.get(id);
    if (!row) throw apiError(404, 'not_found', `Run ${id} does not exist (only the last runs are kept).`);
    return row;
  }

  return {
    start,

    /**
     * Stops a run in progress (the request in flight is aborted), here or, by a notice, on the
     * instance running it; false when it had already ended.
     */
    async stop(id: string): Promise<boolean> {
      const row = await requireRow(id);
      const entry = live.get(id);
      if (entry) {
        entry.handle.stop();
        return true;
      }
      if (row.status !== 'running') return false;
      return store.requestStop(id);
    },

    async list(query: RunListQuery): Promise<{ runs: RunSummary[] }> {
      return { runs: (await store.list(query)).map(toSummary) };
    },

    async get(id: string): Promise<RunView> {
      const row = await requireRow(id);
      const stored = row.result_json ? (JSON.parse(row.result_json) as Pick<RunView, 'summary' | 'writeBack' | 'error'>) : null;
      return { ...toSummary(row), options: JSON.parse(row.options_json) as RunView['options'], summary: stored?.summary ?? null, writeBack: stored?.writeBack ?? null, error: stored?.error ?? null };
    },

    /**
     * The run's events for a reader on any instance: every one after `after` (an event number),
     * then the live ones until the run ends; none when it had ended already. 404 when it does not exist.
     */
    async events(id: string): Promise<{ read(after: number, signal?: AbortSignal): AsyncGenerator<StoredRunEvent> }> {
      const row = await requireRow(id);
      // An ended run's stream is its stored end alone, as it always was.
      if (row.status !== 'running') return { read: async function* () {} };
      return { read: (after, signal) => readRunEvents({ data: deps.data, events, runs: store }, id, after, signal) };
    },

    /** Stops every run of this instance (server shutdown); they are stored as stopped, their events first. */
    async close(): Promise<void> {
      const pending = [...live.values()];
      for (const { handle } of pending) handle.stop();
      await Promise.allSettled(pending.map(({ pumped }) => pumped));
    },
  };
}
export type RunsService = Awaited<ReturnType<typeof createRunsService>>;

/** Input a person can fix (an unreadable data file, say) answers 400 with the engine's words. */
function inputCheck<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RunInputError) throw apiError(400, 'validation_failed', err.message);
    throw err;
  }
}

function optionsOf(input: RunStart): RunView['options'] {
  return {
    iterations: input.iterations ?? null,
    dataFile: input.data?.fileName ?? null,
    delayMs: input.delayMs ?? 0,
    bail: input.bail ?? false,
    persistVariables: input.persistVariables ?? false,
  };
}

function toSummary(row: RunSummaryRow): RunSummary {
  return {
    id: row.id,
    environmentId: row.environment_id,
    collectionId: row.collection_id,
    folderId: row.folder_id,
    name: row.name,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    requests: row.requests,
    testsPassed: row.tests_passed,
    testsFailed: row.tests_failed,
  };
}

/** The folder's name (as "Parent / Child") when it is in the tree. */
function findFolder(items: readonly CollectionItem[], id: string, trail: string[] = []): string | undefined {
  for (const item of items) {
    if (item.type !== 'folder') continue;
    if (item.id === id) return [...trail, item.name].join(' / ');
    const inner = findFolder(item.items, id, [...trail, item.name]);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

