import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import type { ResolvedEnvironment } from '../environments/types.ts';
import { createSendResolver, withRunVariables } from './resolve-for-send.ts';

const env: ResolvedEnvironment = {
  id: 'env-1',
  name: 'Test',
  businessDomain: 'https://acme.kinde.com',
  variables: { client_secret: 'csecret-123', org: 'from-env' },
  secretValues: ['csecret-123'],
};

const collection = (environmentId: string) => ({
  id: 'col-1',
  environmentId,
  name: 'Users',
  variables: [
    { key: 'org', value: 'from-collection' },
    { key: 'page_size', value: '5' },
    { key: 'off', value: 'x', enabled: false },
  ],
});

function resolver(environmentId = 'env-1') {
  // Async, as the services are on the data layer: the resolver awaits whatever they answer.
  return createSendResolver({
    environments: { getResolved: async () => env } as never,
    collections: { get: async () => collection(environmentId) } as never,
  });
}

describe('resolveForSend', () => {
  it("answers the environment alone without a collection", async () => {
    expect(await resolver().resolveForSend('env-1')).toEqual(env);
  });

  it("puts the environment's values over the collection's enabled ones", async () => {
    const resolved = await resolver().resolveForSend('env-1', 'col-1');
    expect(resolved.variables).toEqual({ client_secret: 'csecret-123', org: 'from-env', page_size: '5' });
    expect(resolved.secretValues).toEqual(['csecret-123']);
  });

  it("refuses another environment's collection", async () => {
    const err = await resolver('env-2').resolveForSend('env-1', 'col-1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('validation_failed');
    expect((err as ApiError).message).toContain('belongs to another environment');
  });
});

describe('withRunVariables', () => {
  it("puts a run's values over the environment's plain ones and adds new ones", () => {
    expect(withRunVariables(env, { org: 'captured', user_id: 'kp_1' }).variables).toEqual({ client_secret: 'csecret-123', org: 'captured', user_id: 'kp_1' });
  });

  it('never replaces a secret', () => {
    expect(withRunVariables(env, { client_secret: 'attacker' }).variables.client_secret).toBe('csecret-123');
  });

  it('answers the environment itself when the run has no values', () => {
    expect(withRunVariables(env, undefined)).toBe(env);
  });
});
