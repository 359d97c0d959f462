import type { ImportedVariable } from '@kinde-explorer/core';
import type { RunEnvironment, RunSend } from '@kinde-explorer/runner';
import { createRelay, relaySendForRun, runEnvironmentView, standaloneEnvironment, TokenCache, type ResolvedEnvironment } from '@kinde-explorer/server/lib';
import { InputError } from './input-error.ts';

export interface LocalSender {
  environment: RunEnvironment;
  send: RunSend;
  /** How many token exchanges the run needed (one, plus one per 401 renewal). */
  exchanges: () => number;
  close: () => Promise<void>;
}

/**
 * The server's relay, in process: the same interpolation, target lock, Kinde token exchange
 * (cached for the run, renewed once on a 401) and redaction as `/api/send`, without the server.
 */
export function localSender(name: string, variables: ImportedVariable[], opts: { timeoutMs?: number; needsToken: boolean }): LocalSender {
  let env: ResolvedEnvironment;
  try {
    env = standaloneEnvironment(name, variables);
  } catch (err) {
    throw new InputError(`${(err as Error).message}. Fix it in the environment file or with --env-var business_domain=https://<your>.kinde.com.`);
  }
  if (!env.businessDomain) {
    throw new InputError('No business_domain: pass a Postman environment with -e env.json, or --env-var business_domain=https://<your-subdomain>.kinde.com.');
  }
  if (opts.needsToken) {
    const missing = ['client_id', 'client_secret'].filter((k) => !env.variables[k]?.trim());
    if (missing.length > 0) {
      throw new InputError(`The environment has no ${missing.join(' or ')}: the CLI exchanges them for a Kinde M2M token. Add ${missing.length > 1 ? 'them' : 'it'} to the environment file or pass --env-var ${missing[0]}=….`);
    }
  }
  let exchanges = 0;
  const tokens = new TokenCache({ onIssued: () => exchanges++ });
  const relay = createRelay({ tokens, resolveForSend: async () => env, options: opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {} });
  return {
    environment: runEnvironmentView(env),
    send: relaySendForRun(relay, { environmentId: env.id }),
    exchanges: () => exchanges,
    close: () => relay.close(),
  };
}
