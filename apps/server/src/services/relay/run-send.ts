import type { RunEnvironment, RunSend } from '@kinde-explorer/runner';
import { ALWAYS_SECRET_KEYS } from '@kinde-explorer/core';
import { ApiError } from '../../errors.ts';
import type { ResolvedEnvironment } from '../environments/types.ts';
import type { Relay } from './relay.ts';

/** The keys of an environment whose values are secrets (never shown to scripts, never overwritten by a run). */
export function secretKeysOf(env: ResolvedEnvironment): string[] {
  const secrets = new Set(env.secretValues);
  return Object.entries(env.variables)
    .filter(([key, value]) => ALWAYS_SECRET_KEYS.has(key) || secrets.has(value))
    .map(([key]) => key);
}

/** What the run engine may see of an environment: its non-secret values and the names of its secrets. */
export function runEnvironmentView(env: ResolvedEnvironment): RunEnvironment {
  const secretKeys = secretKeysOf(env);
  const hidden = new Set(secretKeys);
  return {
    name: env.name,
    values: Object.fromEntries(Object.entries(env.variables).filter(([key]) => !hidden.has(key))),
    secretKeys,
  };
}

/**
 * The run engine's `send` over the relay: every request of a run goes through the same steps as
 * `/api/send` (variables, target lock, token with one renewal on 401, redaction, history). The
 * run's variables fill `{{name}}` over the environment's (`withRunVariables`: never over a secret).
 */
export function relaySendForRun(relay: Relay, target: { environmentId: string; collectionId?: string | undefined }): RunSend {
  return async ({ request, variables }, signal) => {
    try {
      const response = await relay.send({ environmentId: target.environmentId, collectionId: target.collectionId, request, variables }, signal);
      return { ok: true, response };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: { code: err.code, message: err.message } };
      throw err;
    }
  };
}
