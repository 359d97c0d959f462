import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabaseFile } from '../storage/database.ts';
import { createVault } from '../vault/vault.ts';
import { createEnvironmentsService } from './environments-service.ts';

describe('environments service', () => {
  it('says which variable cannot be decrypted when the vault key changed', () => {
    const db = openDatabaseFile(':memory:');
    const env = createEnvironmentsService(db, createVault(randomBytes(32))).create({ name: 'Prod', variables: [{ key: 'client_secret', value: 'x-secret-value' }] });
    const withOtherKey = createEnvironmentsService(db, createVault(randomBytes(32)));
    expect(withOtherKey.get(env.id).variables[0]).toMatchObject({ hasValue: true, value: null }); // listing still works
    expect(() => withOtherKey.getResolved(env.id)).toThrow(/Environment "Prod", variable client_secret: .*vault key differs/);
  });

  it('tells listeners about updates and deletes', () => {
    const envs = createEnvironmentsService(openDatabaseFile(':memory:'), createVault(randomBytes(32)));
    const seen: string[] = [];
    const off = envs.onChange((id, kind) => seen.push(`${kind}:${id}`));
    const e = envs.create({ name: 'A', variables: [] });
    envs.update(e.id, { name: 'B' });
    envs.remove(e.id);
    off();
    envs.create({ name: 'C', variables: [] });
    expect(seen).toEqual([`updated:${e.id}`, `deleted:${e.id}`]);
  });

  it('decrypts an environment once and serves later sends from memory until it changes', () => {
    const vault = createVault(randomBytes(32));
    let decrypts = 0;
    const counting = { ...vault, decrypt: (...args: Parameters<typeof vault.decrypt>) => (decrypts++, vault.decrypt(...args)) };
    const envs = createEnvironmentsService(openDatabaseFile(':memory:'), counting);
    const e = envs.create({ name: 'A', variables: [{ key: 'client_secret', value: 'first-secret', secret: true }, { key: 'x', value: '1' }] });

    const first = envs.getResolved(e.id);
    first.variables.extra = 'added by a caller';
    first.secretValues.push('not-a-secret');
    expect(envs.getResolved(e.id)).toMatchObject({ variables: { client_secret: 'first-secret', x: '1' }, secretValues: ['first-secret'] });
    expect(envs.getResolved(e.id).variables).not.toHaveProperty('extra');
    expect(decrypts).toBe(1);

    envs.update(e.id, { name: 'B', variables: [{ key: 'client_secret', value: 'second-secret', secret: true }] });
    expect(envs.getResolved(e.id)).toMatchObject({ name: 'B', variables: { client_secret: 'second-secret' }, secretValues: ['second-secret'] });
    expect(envs.getResolved(e.id).variables).not.toHaveProperty('x');
    envs.remove(e.id);
    expect(() => envs.getResolved(e.id)).toThrow(/^Environment .* (not found|does not exist)/);
  });
});
