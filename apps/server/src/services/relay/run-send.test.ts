import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import { createRun } from '@kinde-explorer/runner';
import { loadFixtureCollection, loadFixtureEnvironment } from '@kinde-explorer/runner/testing';
import { standaloneEnvironment } from '../environments/standalone-environment.ts';
import { TokenCache } from '../token/token-cache.ts';
import { createRelay, type SentRecord } from './relay.ts';
import { relaySendForRun, runEnvironmentView } from './run-send.ts';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});

function sandboxEnvironment() {
  const fixture = loadFixtureEnvironment();
  return standaloneEnvironment(
    fixture.name,
    fixture.variables.map((v) => (v.key === 'business_domain' ? { ...v, value: sandbox.url } : v)),
  );
}

describe('a run through the relay', () => {
  it('passes the organization-chain fixture against the sandbox with one token exchange, secrets out of scripts and history', async () => {
    const env = sandboxEnvironment();
    const records: SentRecord[] = [];
    const relay = createRelay({ tokens: new TokenCache(), resolveForSend: async () => env, onSent: (r) => records.push(r) });
    const before = sandbox.stats().tokenRequests;
    try {
      const collection = loadFixtureCollection();
      const view = runEnvironmentView(env);
      expect(view.values.client_secret).toBeUndefined();
      expect(view.secretKeys).toContain('client_secret');
      const summary = await createRun({ collection }, { environment: view, send: relaySendForRun(relay, { environmentId: env.id }) }).done;
      expect(summary.results.flatMap((r) => r.tests.filter((t) => !t.passed).map((t) => `${r.name}: ${t.error}`))).toEqual([]);
      expect(summary.status).toBe('passed');
      expect(sandbox.stats().tokenRequests - before).toBe(1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(records).toHaveLength(6);
      expect(JSON.stringify(records)).not.toContain('sandbox_m2m_secret');
      expect(JSON.stringify(summary)).not.toContain('sandbox_m2m_secret');
    } finally {
      await relay.close();
    }
  });

  it('never lets a run variable replace a secret, and sends through the target lock', async () => {
    const env = sandboxEnvironment();
    const relay = createRelay({ tokens: new TokenCache(), resolveForSend: async () => env });
    try {
      const send = relaySendForRun(relay, { environmentId: env.id });
      const signal = new AbortController().signal;
      const ok = await send({ request: { method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=1' }, variables: { client_secret: 'wrong', business_domain: sandbox.url } }, signal);
      expect(ok.ok && ok.response.status).toBe(200);
      const refused = await send({ request: { method: 'GET', url: 'http://127.0.0.2:9/api/v1/users' }, variables: {} }, signal);
      expect(refused).toMatchObject({ ok: false, error: { code: 'target_not_allowed' } });
    } finally {
      await relay.close();
    }
  });
});
