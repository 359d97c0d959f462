import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@kinde-explorer/core';
import { startSandbox, type Sandbox } from '@kinde-explorer/kinde-mock';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createDeps } from '../create-deps.ts';
import type { AppDeps } from '../deps.ts';
import { createLogger } from '../logger.ts';
import { SecretRegistry } from '../services/vault/secret-registry.ts';
import { TEST_ORIGIN } from '../testing/create-test-app.ts';
import { anyMethod, contentType, hostileBody, hostileJson, hostileString, POLLUTION_KEYS, query } from './fuzz-inputs.ts';
import { fillPath, routeInventory, type RouteEntry } from './route-inventory.ts';

/**
 * Fuzzing every route with fast-check through `app.request()`: no 5xx (except the relay's own
 * structured 502/504 when a send really fails upstream), no crash, no unhandled error in the log,
 * and every non-2xx API answer in the one error shape. The only network is a sandbox on loopback.
 */
const RELAY_ERRORS = new Set(['upstream_unreachable', 'upstream_timeout', 'token_exchange_failed', 'response_too_large']);
const RUNS = { routes: 5_600, bodies: 2_500, paths: 1_500, viewer: 800 };

let dir: string;
let deps: AppDeps;
let app: ReturnType<typeof createApp>;
let viewerDeps: AppDeps;
let viewerApp: ReturnType<typeof createApp>;
let viewerCookie: string;
let sandbox: Sandbox;
const logLines: string[] = [];
let requests = 0;
const statuses = new Map<number, number>();
let routes: RouteEntry[];
const slow: [number, string][] = [];

/** Real ids, so the fuzzer gets past "not found" into the handlers. */
const ids = { env: '', collection: '', request: '', folder: '' };

async function build(env: Record<string, string>, sub: string) {
  const dataDir = join(dir, sub);
  mkdirSync(dataDir);
  const config = loadConfig({ DATA_DIR: dataDir, KINDE_SPEC: process.env.KINDE_SPEC, WEB_DIST: join(dir, 'web'), RELAY_TIMEOUT_SECONDS: '2', ...env });
  const secrets = new SecretRegistry();
  const logger = createLogger({ level: 'warn', secrets, sink: { write: (l) => void logLines.push(l) } });
  // PUT /api/spec { url } must not go to the network: every download "fails" at once.
  const offlineFetch = (async () => new Response('nope', { status: 404 })) as typeof fetch;
  const d = await createDeps(config, { logger, secrets, spec: { downloadUrl: null, fetch: offlineFetch }, auth: { scryptCost: { N: 1024, r: 8, p: 1 } } });
  return { deps: d, app: createApp(d) };
}

async function seed(): Promise<void> {
  if (ids.env && (await deps.environments.list()).some((e) => e.id === ids.env)) return;
  const env = await deps.environments.create({
    name: 'Fuzz',
    variables: [
      { key: 'business_domain', value: sandbox.url, secret: false, enabled: true },
      { key: 'client_id', value: 'sandbox_m2m_client', secret: false, enabled: true },
      { key: 'client_secret', value: 'sandbox_m2m_secret', secret: true, enabled: true },
    ],
  } as never);
  ids.env = env.id;
  const col = await call(app, 'POST', `/api/environments/${env.id}/collections`, JSON.stringify({ name: 'C' }), 'application/json');
  ids.collection = ((await col.json()) as { id: string }).id;
  const folder = await call(app, 'POST', `/api/collections/${ids.collection}/folders`, JSON.stringify({ name: 'F' }), 'application/json');
  ids.folder = ((await folder.json()) as { id?: string }).id ?? 'x';
  const req = await call(app, 'POST', `/api/collections/${ids.collection}/requests`, JSON.stringify({ name: 'R', request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } }), 'application/json');
  ids.request = ((await req.json()) as { id?: string }).id ?? 'x';
}

function encodePath(value: string, raw: boolean): string {
  if (raw) return value.replace(/[/?#]/g, (c) => encodeURIComponent(c));
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as bytes
  }
}

async function call(target: typeof app, method: string, path: string, body: string | Uint8Array | undefined, type: string | undefined, extra: Record<string, string> = {}) {
  const headers = new Headers(extra);
  if (type !== undefined) headers.set('content-type', type);
  const hasBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
  const started = performance.now();
  const res = await target.request(`${TEST_ORIGIN}${path}`, { method, headers, ...(hasBody ? { body } : {}) });
  // The slowest few are printed at the end: a handler that is slow on some input shows up there.
  slow.push([performance.now() - started, `${method} ${path.slice(0, 80)} → ${res.status}`]);
  slow.sort((a, b) => b[0] - a[0]);
  slow.length = Math.min(slow.length, 5);
  return res;
}

/** The assertions every answer must pass. */
async function check(res: Response, method: string, path: string): Promise<void> {
  requests += 1;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const text = method === 'HEAD' ? '' : await res.text();
  const api = path === '/api' || path.startsWith('/api/') || path.startsWith('/api?');
  const where = `${method} ${path.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
  if (res.status >= 500) {
    const code = (JSON.parse(text || '{}') as { error?: { code?: string } }).error?.code;
    expect(res.status === 502 || res.status === 504, where).toBe(true);
    expect(RELAY_ERRORS.has(code ?? ''), where).toBe(true);
  }
  if (api && res.status >= 300 && method !== 'HEAD') {
    let parsed: unknown;
    expect(() => (parsed = JSON.parse(text)), where).not.toThrow();
    expect(apiErrorSchema.safeParse(parsed).success, where).toBe(true);
    expect(res.headers.get('content-type') ?? '', where).toMatch(/^application\/json/);
  }
  expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin, where).toBeUndefined();
}

const paramValue = (name: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(name === 'id' ? 'ENV_OR_COLLECTION' : name === 'requestId' ? 'REQUEST' : name === 'folderId' ? 'FOLDER' : 'x') },
    { weight: 3, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constantFrom(...POLLUTION_KEYS) },
  );

function realId(marker: string, pattern: string, method = 'GET'): string {
  // Deleting the seeded environment would cost a re-seed and a token exchange per hit.
  if (marker === 'ENV_OR_COLLECTION' && method === 'DELETE' && pattern === '/api/environments/:id') return 'x';
  if (marker === 'ENV_OR_COLLECTION') return pattern.startsWith('/api/collections') ? ids.collection : ids.env;
  if (marker === 'REQUEST') return ids.request;
  if (marker === 'FOLDER') return ids.folder;
  return marker;
}

/** A body shaped for the route most of the time, so validation passes and the handler runs. */
const plausibleBody = fc.record({
  name: hostileString,
  environmentId: fc.oneof(fc.constant('ENV'), hostileString),
  request: fc.record({ method: fc.oneof(anyMethod, hostileString), url: fc.oneof(fc.constant('{{business_domain}}/api/v1/users'), fc.constant('/api/v1/users?page_size=1'), hostileString), headers: fc.array(fc.record({ key: hostileString, value: hostileString }), { maxLength: 3 }), body: hostileJson }, { requiredKeys: [] }),
  variables: fc.array(fc.record({ key: hostileString, value: fc.oneof(hostileString, fc.constant(null)), secret: fc.boolean() }, { requiredKeys: [] }), { maxLength: 3 }),
  content: hostileString,
  format: hostileString,
  target: hostileString,
  url: hostileString,
}, { requiredKeys: [] });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'explorer-fuzz-'));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>fixture</title>');
  sandbox = await startSandbox({ port: 0, spec: null, rateLimit: null });
  ({ deps, app } = await build({}, 'open'));
  ({ deps: viewerDeps, app: viewerApp } = await build({ EXPLORER_ACCESS_PASSWORD: 'editor-password-1', EXPLORER_VIEWER_PASSWORD: 'viewer-password-1' }, 'guarded'));
  await deps.spec.settled();
  await seed();
  const signIn = await call(viewerApp, 'POST', '/api/auth/sign-in', JSON.stringify({ password: 'viewer-password-1' }), 'application/json');
  viewerCookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  routes = routeInventory(app);
});

afterAll(async () => {
  console.log(`fuzz: slowest ${slow.map(([ms, w]) => `${Math.round(ms)} ms ${w}`).join('; ')}`);
  console.log(`fuzz: ${requests} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  await deps?.data.close();
  await viewerDeps?.data.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fuzzing every route', () => {
  it(`survives ${RUNS.routes} route-shaped requests with hostile params, queries and bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.boolean(),
        fc.record({ id: paramValue('id'), requestId: paramValue('requestId'), folderId: paramValue('folderId'), other: paramValue('x') }),
        fc.oneof(plausibleBody.map((b) => JSON.stringify(b)), hostileBody),
        contentType,
        query,
        fc.boolean(),
        async (route, rawPath, params, body, type, q, keepMethod) => {
          await seed();
          const method = keepMethod || route.method === 'HEAD' ? route.method : 'POST';
          const path = fillPath(route.pattern, (name) => encodePath(realId((params as Record<string, string>)[name] ?? params.other, route.pattern, method), rawPath), 'x');
          const qs = new URLSearchParams(q).toString();
          const full = `${path}${qs ? `?${qs}` : ''}`;
          const withEnv = typeof body === 'string' ? body.replaceAll('"ENV"', JSON.stringify(ids.env)) : body;
          await check(await call(app, method, full, withEnv, type), method, full);
        },
      ),
      { numRuns: RUNS.routes, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
  }, 180_000);

  it(`survives ${RUNS.bodies} hostile bodies on every state-changing route`, async () => {
    const changing = routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...changing), hostileBody, contentType, async (route, body, type) => {
        await seed();
        const path = fillPath(route.pattern, (name) => realId(name === 'id' ? 'ENV_OR_COLLECTION' : name === 'requestId' ? 'REQUEST' : name === 'folderId' ? 'FOLDER' : 'x', route.pattern, route.method));
        await check(await call(app, route.method, path, body, type), route.method, path);
      }),
      { numRuns: RUNS.bodies },
    );
  }, 180_000);

  it(`survives ${RUNS.paths} random methods and paths`, async () => {
    const segment = fc.oneof(fc.constantFrom('api', 'environments', 'collections', 'send', 'auth', 'history', 'shares', 'snippets', 'catalog', 'spec', '..', '.', '', '%2F', '%', '%zz', '*', ':id'), hostileString.map((s) => encodePath(s, true)));
    await fc.assert(
      fc.asyncProperty(anyMethod, fc.array(segment, { minLength: 1, maxLength: 6 }), hostileBody, contentType, async (method, segments, body, type) => {
        const path = `/${segments.join('/')}`;
        let res: Response;
        try {
          res = await call(app, method, path, body, type);
        } catch (err) {
          // Only the test's own Request constructor may refuse (e.g. TRACE); never the server.
          expect(String(err)).toMatch(/TypeError|not a valid HTTP method|forbidden method/i);
          return;
        }
        await check(res, method, path);
      }),
      { numRuns: RUNS.paths },
    );
  }, 180_000);

  it(`survives ${RUNS.viewer} requests as a signed-in viewer (policy and viewer views included)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.boolean(), hostileBody, contentType, async (route, useCookie, body, type) => {
        const path = fillPath(route.pattern, () => 'x', 'x');
        const res = await call(viewerApp, route.method, path, body, type, useCookie ? { cookie: viewerCookie } : {});
        await check(res, route.method, path);
      }),
      { numRuns: RUNS.viewer },
    );
  }, 180_000);

  it('ran at least 10,000 requests and logged no unhandled error', () => {
    expect(requests).toBeGreaterThanOrEqual(10_000);
    const unhandled = logLines.filter((l) => l.includes('unhandled error'));
    expect(unhandled.slice(0, 3)).toEqual([]);
  });
});
