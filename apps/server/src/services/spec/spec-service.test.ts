import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpecService, SPEC_CACHE_FILE } from './spec-service.ts';

const KINDE_SPEC = process.env.KINDE_SPEC!;
const silent = { info: () => {}, warn: () => {} };
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'explorer-spec-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tinySpec = (title: string) =>
  JSON.stringify({ openapi: '3.0.0', info: { title, version: '1' }, paths: { '/api/v1/ping': { get: { operationId: 'ping', summary: 'Ping', responses: { 200: { description: 'ok' } } } } } });

describe('spec service', () => {
  it('loads KINDE_SPEC in the background, builds the catalog and writes the cache copy', async () => {
    const dir = tempDir();
    const spec = createSpecService({ dataDir: dir, kindeSpec: KINDE_SPEC, logger: silent, downloadUrl: null });
    expect(spec.status().status).toBe('loading');
    const status = await spec.settled();
    expect(status).toMatchObject({ status: 'ready', source: KINDE_SPEC });
    expect(status.operations).toBeGreaterThan(100);
    const users = spec.catalog().find((o) => o.operationId === 'getUsers');
    expect(users).toMatchObject({ method: 'GET', path: '/api/v1/users', scope: 'read:users' });
    expect(spec.operation('getUsers').responses.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, SPEC_CACHE_FILE), 'utf8')).toBe(readFileSync(KINDE_SPEC, 'utf8'));
  });

  it('falls back to the cached copy when KINDE_SPEC is not set', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, SPEC_CACHE_FILE), tinySpec('Cached'));
    const spec = createSpecService({ dataDir: dir, logger: silent, downloadUrl: null });
    expect(await spec.settled()).toMatchObject({ status: 'ready', source: 'cache', title: 'Cached', operations: 1 });
  });

  it('tries the download last, and when everything fails says how to provide a spec', async () => {
    const dir = tempDir();
    const urls: string[] = [];
    const fakeFetch = (async (url: string) => {
      urls.push(url);
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND api-spec.kinde.com') });
    }) as unknown as typeof fetch;
    const spec = createSpecService({ dataDir: dir, kindeSpec: join(dir, 'missing.yaml'), logger: silent, fetch: fakeFetch });
    const status = await spec.settled();
    expect(urls).toEqual(['https://api-spec.kinde.com/kinde-management-api-spec.yaml']);
    expect(status.status).toBe('unavailable');
    expect(status.message).toContain('no file at');
    expect(status.message).toContain('ENOTFOUND');
    expect(status.message).toContain('KINDE_SPEC=/path/to/kinde-mgmt-api-specs.yaml');
    expect(() => spec.catalog()).toThrow(/KINDE_SPEC=/);
  });

  it('replaces the spec from text, reports what is wrong with a bad one, and keeps the good one', async () => {
    const dir = tempDir();
    const spec = createSpecService({ dataDir: dir, logger: silent, downloadUrl: null });
    await spec.settled();
    expect(await spec.replaceSpec(tinySpec('Uploaded'))).toMatchObject({ status: 'ready', source: 'upload', title: 'Uploaded' });
    expect(existsSync(join(dir, SPEC_CACHE_FILE))).toBe(true);
    await expect(spec.replaceSpec('swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}')).rejects.toThrow(/not OpenAPI 3: this is Swagger 2.0/);
    await expect(spec.replaceSpec('a: [unclosed')).rejects.toThrow(/not valid YAML or JSON/);
    expect(spec.status().title).toBe('Uploaded');
    expect(() => spec.operation('nope')).toThrow(/no operation "nope"/);
  });

  it('does not let a slow background load overwrite a newer upload', async () => {
    const dir = tempDir();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowFetch = (async () => {
      await gate;
      return new Response(tinySpec('Downloaded'));
    }) as unknown as typeof fetch;
    const spec = createSpecService({ dataDir: dir, logger: silent, fetch: slowFetch });
    await spec.replaceSpec(tinySpec('Uploaded'));
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(spec.status().title).toBe('Uploaded');
  });
});
