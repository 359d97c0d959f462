import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import type { CollectionDoc } from '@kinde-explorer/core';
import { createRun } from './run.ts';
import { RunInputError } from './plan.ts';
import { fetchSend } from '../testing/fetch-send.ts';
import { loadFixtureCollection } from '../testing/fixture.ts';
import type { RunEnvironment, RunEvent } from '../types.ts';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
let token: string;
const env = (): RunEnvironment => ({ name: 'Sandbox', values: { business_domain: sandbox.url, client_id: 'sandbox_m2m_client' }, secretKeys: ['client_secret'] });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  token = await sandbox.issueToken();
});
afterAll(async () => {
  await sandbox?.close();
});

function doc(items: CollectionDoc['items'], extra: Partial<CollectionDoc> = {}): CollectionDoc {
  return { version: 1, name: 'Engine test', variables: [], items, ...extra };
}

const listUsers = (name: string, test = '', extra = {}) => ({
  type: 'request' as const,
  name,
  request: { method: 'GET' as const, url: '{{business_domain}}/api/v1/users?page_size=1', scripts: { test }, ...extra },
});

describe('a run of the organization-chain fixture', () => {
  it('passes every test, in order, chaining captured values, with events streamed as it goes', async () => {
    const calls: string[] = [];
    const run = createRun({ collection: loadFixtureCollection() }, { environment: env(), send: fetchSend(sandbox.url, token, calls) });
    const events: RunEvent[] = [];
    for await (const e of run.events) events.push(e);
    const summary = await run.done;
    const failures = summary.results.flatMap((r) => r.tests.filter((t) => !t.passed).map((t) => `${r.name}: ${t.name}: ${t.error}`));
    expect(failures).toEqual([]);
    expect(summary.status).toBe('passed');
    expect(summary.results.map((r) => r.name)).toEqual(['Create organization', 'Add a user to it', 'List its users', 'Delete it', 'It is gone', 'Clean up the user']);
    const orgCode = summary.collectionVariableChanges.org_code;
    expect(orgCode).toMatch(/^org_/);
    expect(calls[2]).toBe(`GET ${sandbox.url}/api/v1/organizations/${orgCode}/users`);
    expect(summary.totals.tests).toBeGreaterThanOrEqual(12);
    expect(summary.results[0]?.console).toEqual([{ level: 'log', message: `created ${orgCode}` }]);
    expect(events[0]?.type).toBe('run-started');
    expect(events.at(-1)?.type).toBe('run-finished');
    expect(events.filter((e) => e.type === 'request-finished')).toHaveLength(6);
  });
});

describe('run semantics', () => {
  it('runs iterations with CSV-style data rows as {{column}} and pm.iterationData', async () => {
    const calls: string[] = [];
    const collection = doc([
      {
        type: 'request',
        name: 'by size',
        request: {
          method: 'GET',
          url: '{{business_domain}}/api/v1/users?page_size={{size}}',
          scripts: { test: 'pm.test("size " + pm.iterationData.get("size"), () => pm.expect(pm.response.json().users).to.have.lengthOf(Number(pm.iterationData.get("size"))));' },
        },
      },
    ]);
    const run = createRun({ collection, data: [{ size: '1' }, { size: '2' }, { size: '3' }] }, { environment: env(), send: fetchSend(sandbox.url, token, calls) });
    const summary = await run.done;
    expect(summary.iterations).toBe(3);
    expect(calls.map((c) => c.split('=').at(-1))).toEqual(['1', '2', '3']);
    expect(summary.results.map((r) => r.tests[0]?.name)).toEqual(['size 1', 'size 2', 'size 3']);
    expect(summary.status).toBe('passed');
  });

  it('runs one folder only, with collection then folder then request scripts in Postman order', async () => {
    const collection = doc(
      [
        listUsers('outside'),
        {
          type: 'folder',
          name: 'A',
          scripts: { preRequest: 'console.log("folder pre")', test: 'console.log("folder test")' },
          items: [listUsers('inside', 'console.log("request test")', { scripts: { preRequest: 'console.log("request pre")', test: 'console.log("request test")' } })],
        },
      ],
      { scripts: { preRequest: 'console.log("collection pre")', test: 'console.log("collection test")' } },
    );
    const summary = await createRun({ collection, folder: 'A' }, { environment: env(), send: fetchSend(sandbox.url, token) }).done;
    expect(summary.results.map((r) => r.name)).toEqual(['inside']);
    expect(summary.results[0]?.console.map((c) => c.message)).toEqual(['collection pre', 'folder pre', 'request pre', 'collection test', 'folder test', 'request test']);
  });

  it('refuses an unknown folder before sending anything, naming the folders there are', () => {
    const collection = doc([{ type: 'folder', name: 'Users', items: [] }]);
    expect(() => createRun({ collection, folder: 'Nope' }, { environment: env(), send: fetchSend(sandbox.url, token) })).toThrow(RunInputError);
    expect(() => createRun({ collection, folder: 'Nope' }, { environment: env(), send: fetchSend(sandbox.url, token) })).toThrow(/No folder "Nope".*"Users"/);
  });

  it('bails at the first failure and reports it', async () => {
    const collection = doc([listUsers('one', 'pm.test("fails", () => pm.expect(1).to.equal(2))'), listUsers('two')]);
    const summary = await createRun({ collection, bail: true }, { environment: env(), send: fetchSend(sandbox.url, token) }).done;
    expect(summary.status).toBe('bailed');
    expect(summary.results).toHaveLength(1);
    expect(summary.results[0]?.tests[0]).toMatchObject({ name: 'fails', passed: false, error: 'expected 1 to equal 2' });
  });

  it('stops when asked, aborting the request in flight', async () => {
    sandbox.setFaults({ latencyMs: 5_000 });
    try {
      const collection = doc([listUsers('slow'), listUsers('never')]);
      const run = createRun({ collection }, { environment: env(), send: fetchSend(sandbox.url, token) });
      for await (const e of run.events) if (e.type === 'request-started') run.stop();
      const summary = await run.done;
      expect(summary.status).toBe('stopped');
      expect(summary.results).toHaveLength(0);
    } finally {
      sandbox.setFaults({ latencyMs: 0 });
    }
  });

  it('keeps variables for the run: the environment it was given is unchanged, changes are listed, secrets untouched', async () => {
    const environment = env();
    const collection = doc([
      listUsers('sets', 'pm.environment.set("seen", "yes"); pm.test("secret hidden", () => pm.expect(pm.environment.get("client_secret")).to.be.undefined); try { pm.environment.set("client_secret", "x") } catch (e) { console.log(e.message) }'),
      listUsers('reads', 'pm.test("sees it", () => pm.expect(pm.environment.get("seen")).to.equal("yes"));'),
    ]);
    const summary = await createRun({ collection }, { environment, send: fetchSend(sandbox.url, token) }).done;
    expect(summary.status).toBe('passed');
    expect(summary.environmentChanges).toEqual({ seen: 'yes' });
    expect(environment.values.seen).toBeUndefined();
    expect(summary.results[0]?.console[0]?.message).toMatch(/client_secret.*secret/);
  });

  it('evaluates table assertions as chai and captures values into later requests', async () => {
    const calls: string[] = [];
    const collection = doc([
      listUsers('capture', '', {
        assertions: [
          { source: 'status', operator: 'eq', value: '200' },
          { source: 'jsonPath', property: '$.users', operator: 'length', value: '1' },
          { source: 'jsonPath', property: '$.users[0].id', operator: 'matches', value: '^kp_' },
          { source: 'header', property: 'content-type', operator: 'contains', value: 'xml', name: 'is xml' },
        ],
        captures: [{ source: 'jsonPath', property: '$.users[0].id', variable: 'first_id' }],
      }),
      { type: 'request', name: 'use', request: { method: 'GET', url: '{{business_domain}}/api/v1/user?id={{first_id}}', assertions: [{ source: 'status', operator: 'eq', value: '200' }] } },
    ]);
    const summary = await createRun({ collection }, { environment: env(), send: fetchSend(sandbox.url, token, calls) }).done;
    const [first, second] = summary.results;
    expect(first?.tests.map((t) => [t.name, t.passed, t.kind])).toEqual([
      ['status eq 200', true, 'assertion'],
      ['$.users length 1', true, 'assertion'],
      ['$.users[0].id matches ^kp_', true, 'assertion'],
      ['is xml', false, 'assertion'],
    ]);
    expect(first?.tests[3]?.error).toMatch(/expected 'application\/json.*' to include 'xml'/);
    expect(first?.captures[0]?.value).toMatch(/^kp_/);
    expect(calls[1]).toBe(`GET ${sandbox.url}/api/v1/user?id=${first?.captures[0]?.value}`);
    expect(second?.tests[0]?.passed).toBe(true);
    expect(summary.status).toBe('failed');
  });

  it('resolves {{variables}} in expected values, as captured earlier in the run and from the collection', async () => {
    const collection = doc(
      [
        listUsers('capture', '', { captures: [{ source: 'jsonPath', property: '$.users[0].id', variable: 'first_id' }] }),
        {
          type: 'request',
          name: 'check',
          request: {
            method: 'GET',
            url: '{{business_domain}}/api/v1/user?id={{first_id}}',
            assertions: [
              { source: 'jsonPath', property: '$.id', operator: 'eq', value: '{{first_id}}' },
              { source: 'status', operator: 'eq', value: '{{expected_status}}' },
              { source: 'jsonPath', property: '$.id', operator: 'matches', value: '^{{first_id}}$' },
              { source: 'responseTime', operator: 'lt', value: '{{slow_ms}}' },
              { source: 'jsonPath', property: '$.id', operator: 'ne', value: '{{first_id}}', name: 'must fail' },
              { source: 'header', property: 'content-type', operator: 'eq', value: '{{not_defined}}', name: 'unknown stays as typed' },
            ],
          },
        },
      ],
      { variables: [{ key: 'expected_status', value: '200' }, { key: 'slow_ms', value: '60000' }] },
    );
    const summary = await createRun({ collection }, { environment: env(), send: fetchSend(sandbox.url, token) }).done;
    const tests = summary.results[1]?.tests ?? [];
    expect(tests.map((t) => [t.name, t.passed])).toEqual([
      ['$.id eq {{first_id}}', true],
      ['status eq {{expected_status}}', true],
      ['$.id matches ^{{first_id}}$', true],
      ['response time lt {{slow_ms}}', true],
      ['must fail', false],
      ['unknown stays as typed', false],
    ]);
    expect(tests[5]?.error).toContain('{{not_defined}}');
  });
});

describe('429 from the sandbox', () => {
  it('waits out Retry-After and reports the wait instead of failing', async () => {
    const limited = await startSandbox({ port: 0, rateLimit: { requests: 2, windowMs: 1_000 } });
    try {
      const t = await limited.issueToken();
      const collection = doc([1, 2, 3].map((i) => listUsers(`call ${i}`, 'pm.test("ok", () => pm.response.to.have.status(200))')));
      const events: RunEvent[] = [];
      const run = createRun({ collection, retry429: { maxWaitMs: 5_000, maxRetries: 3, defaultWaitMs: 1_000 } }, { environment: { ...env(), values: { business_domain: limited.url } }, send: fetchSend(limited.url, t) });
      for await (const e of run.events) events.push(e);
      const summary = await run.done;
      expect(summary.status).toBe('passed');
      expect(summary.totals.rateLimitWaits).toBeGreaterThanOrEqual(1);
      expect(summary.results[2]?.retries[0]).toMatchObject({ status: 429, requestedMs: 1_000 });
      expect(events.some((e) => e.type === 'rate-limited')).toBe(true);
    } finally {
      await limited.close();
    }
  });

  it('keeps the 429 as the answer when Retry-After is longer than allowed', async () => {
    const limited = await startSandbox({ port: 0, rateLimit: { requests: 1, windowMs: 60_000 } });
    try {
      const t = await limited.issueToken();
      const collection = doc([listUsers('first'), listUsers('second', 'pm.test("ok", () => pm.response.to.have.status(200))')]);
      const summary = await createRun({ collection, retry429: { maxWaitMs: 1_000, maxRetries: 3, defaultWaitMs: 500 } }, { environment: env(), send: fetchSend(limited.url, t) }).done;
      expect(summary.results[1]?.response?.status).toBe(429);
      expect(summary.results[1]?.retries).toEqual([]);
      expect(summary.status).toBe('failed');
    } finally {
      await limited.close();
    }
  });
});
