import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../testing/engines.ts';
import { createVault } from '../vault/vault.ts';
import { createEnvironmentsService } from './environments-service.ts';

/** Polls until `check` passes: a change notice crosses instances asynchronously. */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describeEachEngine('environments service', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
  });
  afterEach(() => t.drop());

  it('says which variable cannot be decrypted when the vault key changed', async () => {
    const env = await createEnvironmentsService(t.data, createVault(randomBytes(32))).create({ name: 'Prod', variables: [{ key: 'client_secret', value: 'x-secret-value' }] });
    const withOtherKey = createEnvironmentsService(t.data, createVault(randomBytes(32)));
    expect((await withOtherKey.get(env.id)).variables[0]).toMatchObject({ hasValue: true, value: null }); // listing still works
    await expect(withOtherKey.getResolved(env.id)).rejects.toThrow(/Environment "Prod", variable client_secret: .*vault key differs/);
  });

  it('tells listeners about updates and deletes', async () => {
    const envs = createEnvironmentsService(t.data, createVault(randomBytes(32)));
    const seen: string[] = [];
    const off = envs.onChange((id, kind) => seen.push(`${kind}:${id}`));
    const e = await envs.create({ name: 'A', variables: [] });
    await envs.update(e.id, { name: 'B' });
    await envs.remove(e.id);
    off();
    await envs.create({ name: 'C', variables: [] });
    expect(seen.filter((s) => !s.startsWith('reset'))).toEqual([`updated:${e.id}`, `deleted:${e.id}`]);
  });

  it('decrypts an environment once and serves later sends from memory until it changes', async () => {
    const vault = createVault(randomBytes(32));
    let decrypts = 0;
    const counting = { ...vault, decrypt: (...args: Parameters<typeof vault.decrypt>) => (decrypts++, vault.decrypt(...args)) };
    const envs = createEnvironmentsService(t.data, counting);
    const e = await envs.create({ name: 'A', variables: [{ key: 'client_secret', value: 'first-secret', secret: true }, { key: 'x', value: '1' }] });
    await eventually(async () => expect(t.data.changesLive).toBe(true));
    const first = await envs.getResolved(e.id);
    first.variables.extra = 'added by a caller';
    first.secretValues.push('not-a-secret');
    expect(await envs.getResolved(e.id)).toMatchObject({ variables: { client_secret: 'first-secret', x: '1' }, secretValues: ['first-secret'] });
    expect((await envs.getResolved(e.id)).variables).not.toHaveProperty('extra');
    expect(decrypts).toBe(1);
    await envs.update(e.id, { name: 'B', variables: [{ key: 'client_secret', value: 'second-secret', secret: true }] });
    expect(await envs.getResolved(e.id)).toMatchObject({ name: 'B', variables: { client_secret: 'second-secret' }, secretValues: ['second-secret'] });
    expect((await envs.getResolved(e.id)).variables).not.toHaveProperty('x');
    await envs.remove(e.id);
    await expect(envs.getResolved(e.id)).rejects.toThrow(/^Environment .* (not found|does not exist)/);
  });

  it('drops its cached copy when another instance changes or deletes the environment', async () => {
    const vault = createVault(randomBytes(32));
    const a = createEnvironmentsService(t.data, vault);
    // SQLite has one process per file: there the second service shares the data layer.
    const b = createEnvironmentsService(engine === 'postgres' ? await t.reopen() : t.data, vault);
    const e = await a.create({ name: 'Shared', variables: [{ key: 'business_domain', value: 'https://one.kinde.com' }] });
    expect((await b.getResolved(e.id)).businessDomain).toBe('https://one.kinde.com'); // now cached on b
    await a.update(e.id, { variables: [{ key: 'business_domain', value: 'https://two.kinde.com' }] });
    await eventually(async () => expect((await b.getResolved(e.id)).businessDomain).toBe('https://two.kinde.com'));
    await a.remove(e.id);
    await eventually(() => expect(b.getResolved(e.id)).rejects.toThrow(/does not exist/));
  });
});
