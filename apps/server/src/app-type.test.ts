import { hc } from 'hono/client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AppType } from './app.ts';
import { createTestApp } from './testing/create-test-app.ts';

// The web app's typed client depends on `AppType` keeping every route; `pnpm typecheck` checks
// the type assertions, the run checks the client really reaches the routes.
describe('AppType', () => {
  it('gives hc clients typed routes and bodies', async () => {
    const t = await createTestApp();
    const client = hc<AppType>('http://127.0.0.1:8787', { fetch: (input: string | URL | Request, init?: RequestInit) => t.app.request(input, init) });

    const created = await client.api.environments.$post({ json: { name: 'Typed', variables: [{ key: 'client_id', value: 'abc' }] } });
    expect(created.status).toBe(201);
    if (created.status === 201) {
      const env = await created.json();
      expectTypeOf(env.id).toEqualTypeOf<string>();
      expectTypeOf(env.variables[0]!.value).toEqualTypeOf<string | null>();
      expect(env.name).toBe('Typed');
    }
    const list = await (await client.api.environments.$get()).json();
    expectTypeOf(list.environments).toBeArray();
    expect(list.environments).toHaveLength(1);

    const health = await (await client.api.health.$get()).json();
    expectTypeOf(health.status).toEqualTypeOf<'ok'>();
    expectTypeOf(client.api.catalog[':operationId'].$get).toBeFunction();
    expectTypeOf(client.api.spec.$put).toBeFunction();
    t.close();
  });
});
