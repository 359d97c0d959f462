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
});
