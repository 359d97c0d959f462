import { writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildCatalog,
  dereference,
  getOperationDetail,
  parseSpec,
  type OpenApiDoc,
  type OperationDetail,
  type OperationSummary,
} from '@kinde-explorer/core';
import { apiError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { HOW_TO_PROVIDE_SPEC, isUrl, KINDE_SPEC_URL, readSpecSource } from './spec-source.ts';
import type { SpecService, SpecStatus } from './types.ts';

export const SPEC_CACHE_FILE = 'kinde-spec.yaml';

export interface SpecServiceOptions {
  dataDir: string;
  /** `KINDE_SPEC`: a path or an http(s) URL. */
  kindeSpec?: string | undefined;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Last resort download; `null` skips it (tests, offline installs). */
  downloadUrl?: string | null;
  downloadTimeoutMs?: number;
  fetch?: typeof fetch;
}

interface Loaded {
  doc: OpenApiDoc;
  operations: OperationSummary[];
  details: Map<string, OperationDetail>;
  source: string;
  loadedAt: string;
}

/**
 * Loads the Kinde spec in the background (KINDE_SPEC → cached copy → download) so startup never
 * waits on it; parses and dereferences it once and keeps it in memory.
 */
export function createSpecService(opts: SpecServiceOptions): SpecService {
  const cacheFile = join(opts.dataDir, SPEC_CACHE_FILE);
  const timeoutMs = opts.downloadTimeoutMs ?? 5_000;
  const downloadUrl = opts.downloadUrl === undefined ? KINDE_SPEC_URL : opts.downloadUrl;
  let loaded: Loaded | undefined;
  let state: SpecStatus = status('loading', 'Loading the Kinde spec…');
  // Each install bumps the generation, so a slow background load cannot overwrite a newer upload.
  let generation = 0;

  function status(s: SpecStatus['status'], message: string): SpecStatus {
    return {
      status: s,
      source: loaded?.source ?? null,
      message,
      operations: loaded?.operations.length ?? 0,
      title: loaded?.doc.info.title ?? null,
      version: loaded?.doc.info.version ?? null,
      loadedAt: loaded?.loadedAt ?? null,
    };
  }

  /** Parses and installs; returns the problems instead when the text is not a usable OpenAPI 3 document. */
  function install(text: string, source: string): string[] | null {
    const parsed = parseSpec(text);
    if (!parsed.ok) return parsed.errors;
    const doc = dereference(parsed.value);
    const operations = buildCatalog(doc).operations;
    loaded = { doc, operations, details: new Map(), source, loadedAt: new Date().toISOString() };
    state = status('ready', `Loaded ${operations.length} operations from ${source}.`);
    opts.logger.info({ source, operations: operations.length }, 'Kinde spec loaded');
    return null;
  }

  async function writeCache(text: string) {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      await writeFile(tmp, text, 'utf8');
      await rename(tmp, cacheFile);
    } catch (err) {
      opts.logger.warn({ err: (err as Error).message }, 'could not write the spec cache');
    }
  }

  async function loadInBackground(gen: number): Promise<SpecStatus> {
    const sources: { name: string; location: string; cache: boolean }[] = [];
    if (opts.kindeSpec) sources.push({ name: opts.kindeSpec, location: opts.kindeSpec, cache: true });
    sources.push({ name: 'cache', location: cacheFile, cache: false });
    if (downloadUrl) sources.push({ name: downloadUrl, location: downloadUrl, cache: true });

    const failures: string[] = [];
    for (const s of sources) {
      let text: string;
      try {
        text = await readSpecSource(s.location, { timeoutMs, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
      } catch (err) {
        // A missing cache is normal on a first run; don't list it as a failure.
        if (!(s.name === 'cache' && /no file/.test((err as Error).message))) failures.push((err as Error).message);
        continue;
      }
      if (gen !== generation) return state;
      const problems = install(text, s.name === 'cache' ? 'cache' : s.name);
      if (problems) {
        failures.push(`${s.name === 'cache' ? cacheFile : s.name} is not a usable OpenAPI 3 spec: ${problems.join('; ')}`);
        continue;
      }
      if (s.cache) await writeCache(text);
      return state;
    }
    if (gen === generation) {
      state = status('unavailable', `No Kinde spec available (${failures.join('; ') || 'none configured'}). ${HOW_TO_PROVIDE_SPEC}`);
      opts.logger.warn({ failures }, `Kinde spec unavailable. ${HOW_TO_PROVIDE_SPEC}`);
    }
    return state;
  }

  let pending: Promise<SpecStatus> = loadInBackground(generation);

  const requireLoaded = (): Loaded => {
    if (loaded) return loaded;
    const message =
      state.status === 'loading' ? `The Kinde spec is still loading; try again in a moment. ${HOW_TO_PROVIDE_SPEC}` : state.message;
    throw apiError(503, 'spec_unavailable', message);
  };

  return {
    status: () => state,
    settled: () => pending,
    document: () => loaded?.doc,
    catalog: () => requireLoaded().operations,
    operation(operationId) {
      const l = requireLoaded();
      let detail = l.details.get(operationId);
      if (!detail) {
        const found = getOperationDetail(l.doc, operationId);
        if (!found) throw apiError(404, 'not_found', `The spec has no operation "${operationId}".`);
        detail = found;
        l.details.set(operationId, detail);
      }
      return detail;
    },
    async replaceSpec(text, source = 'upload') {
      const problems = install(text, source);
      if (problems) {
        throw apiError(400, 'validation_failed', `This is not a usable OpenAPI 3 spec: ${problems.join('; ')}`, { problems });
      }
      generation++;
      pending = Promise.resolve(state);
      await writeCache(text);
      return state;
    },
    async replaceFromUrl(url) {
      if (!isUrl(url)) throw apiError(400, 'validation_failed', 'url: the spec URL must start with http:// or https://');
      let text: string;
      try {
        text = await readSpecSource(url, { timeoutMs: 15_000, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
      } catch (err) {
        throw apiError(400, 'bad_request', (err as Error).message);
      }
      return this.replaceSpec(text, url);
    },
  };
}
