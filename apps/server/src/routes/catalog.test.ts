import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

let t: TestApp | undefined;
afterEach(() => t?.close());

const tinySpec = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'Tiny', version: '2' },
  paths: { '/api/v1/ping': { get: { operationId: 'ping', summary: 'Ping', tags: ['Misc'], responses: { 200: { description: 'ok' } } } } },
});

describe('catalog and spec API', () => {
  it('answers 503 spec_unavailable with how to provide a spec when none is loaded', async () => {
    t = await createTestApp({ spec: 'none' });
    await t.deps.spec.settled();
    const status = (await (await t.request('/api/spec/status')).json()) as any;
    expect(status.status).toBe('unavailable');
    const res = await t.request('/api/catalog');
    expect(res.status).toBe(503);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('spec_unavailable');
    expect(body.error.message).toContain('KINDE_SPEC=/path/to/kinde-mgmt-api-specs.yaml');
    expect(body.error.message).toContain('upload a spec in Settings');
    const health = (await (await t.request('/api/health')).json()) as any;
    expect(health).toMatchObject({ status: 'ok', spec: { status: 'unavailable', operations: 0 } });
  });

  it('lists the operations of Kinde’s spec and returns one in full', async () => {
    t = await createTestApp({ spec: 'kinde' });
    await t.deps.spec.settled();
    const list = (await (await t.request('/api/catalog')).json()) as any;
    expect(list.operations.length).toBeGreaterThan(100);
    expect(list.operations).toContainEqual(expect.objectContaining({ operationId: 'getUsers', method: 'GET', path: '/api/v1/users', scope: 'read:users' }));
    const op = await t.request('/api/catalog/getUsers');
    expect(op.status).toBe(200);
    expect(((await op.json()) as any).parameters.map((p: any) => p.name)).toContain('page_size');
    const missing = await t.request('/api/catalog/noSuchOperation');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.code).toBe('not_found');
  });

  it('accepts an uploaded spec and explains why a bad one is refused', async () => {
    t = await createTestApp({ spec: 'none' });
    await t.deps.spec.settled();
    const put = await t.request('/api/spec', { method: 'PUT', json: { content: tinySpec } });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ status: 'ready', title: 'Tiny', operations: 1 });
    expect(((await (await t.request('/api/catalog')).json()) as any).operations).toEqual([
      { operationId: 'ping', method: 'GET', path: '/api/v1/ping', tag: 'Misc', summary: 'Ping', scope: null, deprecated: false },
    ]);

    const bad = await t.request('/api/spec', { method: 'PUT', json: { content: '{"openapi":"2.0","info":{"title":"x","version":"1"},"paths":{}}' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.message).toMatch(/not OpenAPI 3/);
    const neither = await t.request('/api/spec', { method: 'PUT', json: { file: 'x' } });
    expect(neither.status).toBe(400);
    expect(((await neither.json()) as any).error.message).toMatch(/content.*url/);
  });
});
