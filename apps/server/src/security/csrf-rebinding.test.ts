import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@kinde-explorer/core';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../testing/create-test-app.ts';
import { fillPath, routeInventory, STATE_CHANGING } from './route-inventory.ts';

/**
 * DNS rebinding and CSRF across the whole surface. The routes come from the app itself, so a
 * route added tomorrow is tested tomorrow without anyone editing this file.
 */
let open: TestApp;
let guarded: TestApp;
let envId: string;

/** Row counts of every table: a refused request must not have changed any. */
async function snapshot(t: TestApp): Promise<Record<string, number>> {
  const { db } = t.deps.data;
  const counts: Record<string, number> = {};
  for (const { name } of await db.introspection.getTables()) {
    const row = await db.selectFrom(name as 'meta').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    counts[name] = Number(row.n);
  }
  return counts;
}

beforeAll(async () => {
  open = await createTestApp();
  guarded = await createTestApp({ env: { EXPLORER_ACCESS_PASSWORD: 'editor-password-1' }, auth: { scryptCost: { N: 1024, r: 8, p: 1 } } });
  const res = await open.request('/api/environments', { method: 'POST', json: { name: 'E', variables: [] } });
  envId = ((await res.json()) as { id: string }).id;
});
afterAll(() => {
  open?.close();
  guarded?.close();
});

// Real ids where a route takes one, so a refusal cannot be mistaken for a 404.
const pathFor = (pattern: string) => fillPath(pattern, (name) => (name === 'id' ? envId : 'x'), 'index.html');
const host = new URL(TEST_ORIGIN).host;

const routes = () => routeInventory(open.app);
const changing = () => routes().filter((r) => STATE_CHANGING.has(r.method));

async function expectRefused(res: Response, status: number) {
  expect(res.status).toBe(status);
  const body: unknown = await res.json();
  expect(apiErrorSchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
  expect((body as { error: { code: string } }).error.code).toBe('forbidden');
}

const jsonInit = (method: string, headers: Record<string, string>): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' }),
});

describe('route inventory', () => {
  it('finds the API from the app itself, state-changing routes included', async () => {
    const keys = routes().map((r) => `${r.method} ${r.pattern}`);
    expect(keys).toEqual(expect.arrayContaining(['POST /api/send', 'POST /api/environments', 'PATCH /api/environments/:id', 'POST /api/auth/sign-in']));
    expect(changing().length).toBeGreaterThan(20);
  });
});

describe('DNS rebinding: a foreign Host header is refused on every route (421)', () => {
  for (const host of ['evil.example', 'evil.example:8787', '127.0.0.1.nip.io:8787', 'localhost.evil.example', '[::ffff:7f00:1]:8787', '0.0.0.0:8787', 'x@127.0.0.1']) {
    it(`Host: ${host}`, async () => {
      const before = await snapshot(open);
      for (const r of routes()) {
        const method = r.method === 'HEAD' ? 'GET' : r.method;
        const res = await open.app.request(`${TEST_ORIGIN}${pathFor(r.pattern)}`, jsonInit(method, { host }));
        expect(res.status, `${r.method} ${r.pattern}`).toBe(421);
        await expectRefused(res, 421);
      }
      expect(await snapshot(open)).toEqual(before);
    });
  }

  it('also before sign-in is even considered', async () => {
    for (const r of changing()) {
      const res = await guarded.app.request(`${TEST_ORIGIN}${pathFor(r.pattern)}`, jsonInit(r.method, { host: 'evil.example' }));
      await expectRefused(res, 421);
    }
  });
});

describe('CSRF: a cross-site request is refused on every state-changing route (403)', () => {
  const crossSite: [string, Record<string, string>][] = [
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain or port)', { 'sec-fetch-site': 'same-site' }],
    ['Origin: null (sandboxed iframe, file:, data:)', { origin: 'null' }],
    ['our host on another port', { origin: 'http://127.0.0.1:3000' }],
    // Not here: our host over https. Behind a TLS-terminating proxy that is our own page, and no
    // other server can hold the same host and port, so the check compares host and port only.
    ['a look-alike suffix', { origin: `http://${host}.evil.example` }],
    ['a foreign Origin with a same-origin Sec-Fetch-Site', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }],
    ['a same Origin with a cross-site Sec-Fetch-Site', { origin: TEST_ORIGIN, 'sec-fetch-site': 'cross-site' }],
  ];

  for (const [name, headers] of crossSite) {
    it(name, async () => {
      for (const t of [open, guarded]) {
        const before = await snapshot(t);
        for (const r of changing()) {
          const res = await t.app.request(`${TEST_ORIGIN}${pathFor(r.pattern)}`, jsonInit(r.method, { host, ...headers }));
          expect(res.status, `${r.method} ${r.pattern}`).toBe(403);
          await expectRefused(res, 403);
        }
        expect(await snapshot(t)).toEqual(before);
      }
    });
  }

  it('lets the same requests through from our own origin (the refusals above are about the headers)', async () => {
    for (const r of changing()) {
      const res = await open.app.request(
        `${TEST_ORIGIN}${pathFor(r.pattern)}`,
        jsonInit(r.method, { host, origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin' }),
      );
      expect([403, 421], `${r.method} ${r.pattern}`).not.toContain(res.status);
    }
  });
});
