import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseJunit } from 'junit2json';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import { credentialsFor } from '../services/token/credentials.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const CLIENT_ID = 'runs_client';
const CLIENT_SECRET = 'runs-canary-secret-5f1e9d2c7b';

describeEachEngine('run routes', (engine) => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let t: TestApp;
  let envId: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimit: null });
    t = await createTestApp({ engine });
    envId = await t.createEnvironment('Sandbox', [
      { key: 'business_domain', value: sandbox.url },
      { key: 'client_id', value: CLIENT_ID },
      { key: 'client_secret', value: CLIENT_SECRET, secret: true },
      { key: 'org_prefix', value: 'Runner' },
    ]);
  });
  afterAll(async () => {
    await t.deps.runs.close();
    await t.close();
    await sandbox.close();
  });

  async function json(method: string, path: string, body?: unknown) {
    const res = await t.request(path, { method, ...(body !== undefined ? { json: body } : {}) });
    const text = await res.text();
    return { status: res.status, text, body: text ? (JSON.parse(text) as any) : undefined };
  }

  /** A collection "Orgs": create (capture code) → read → delete, optionally with extra requests. */
  async function orgCollection(opts: { breakAssertion?: boolean; extra?: { name: string; request: unknown }[]; folder?: boolean } = {}) {
    const col = await json('POST', `/api/environments/${envId}/collections`, { name: `Orgs ${Math.random().toString(36).slice(2, 7)}` });
    const collectionId = col.body.id as string;
    let folderId: string | null = null;
    if (opts.folder) folderId = (await json('POST', `/api/collections/${collectionId}/folders`, { name: 'Chain' })).body.id;
    const add = (name: string, request: unknown) => json('POST', `/api/collections/${collectionId}/requests`, { name, folderId, request });
    await add('Create organization', {
      method: 'POST',
      url: '{{business_domain}}/api/v1/organization',
      body: { mode: 'json', json: '{"name": "{{org_prefix}} {{$randomInt}}"}' },
      assertions: [{ source: 'status', operator: 'eq', value: opts.breakAssertion ? '299' : '200' }],
      captures: [{ source: 'jsonPath', property: '$.organization.code', variable: 'org_code' }],
      scripts: { test: 'console.log("created", pm.response.json().organization.code); pm.environment.set("last_org", pm.response.json().organization.code);' },
    });
    await add('Get organization', {
      method: 'GET',
      url: '{{business_domain}}/api/v1/organization?code={{org_code}}',
      assertions: [{ source: 'jsonPath', property: '$.code', operator: 'matches', value: '^org_', name: 'an organization code' }],
      scripts: {
        test: 'pm.test("the created organization", () => pm.expect(pm.response.json().code).to.eql(pm.collectionVariables.get("org_code"))); pm.test("has a name", () => pm.expect(pm.response.json().name).to.match(/^Runner/));',
      },
    });
    for (const e of opts.extra ?? []) await add(e.name, e.request);
    await add('Delete organization', {
      method: 'DELETE',
      url: '{{business_domain}}/api/v1/organization/{{org_code}}',
      assertions: [{ source: 'status', operator: 'eq', value: '200' }],
    });
    return { collectionId, folderId };
  }

  /** The failed tests of a stored run, with their request and message (empty when it passed). */
  function failures(run: { summary: { results: { name: string; error?: unknown; tests: { passed: boolean; name: string; error?: string }[] }[] } }) {
    return run.summary.results.flatMap((r) => [...(r.error ? [{ request: r.name, error: r.error }] : []), ...r.tests.filter((x) => !x.passed).map((x) => ({ request: r.name, test: x.name, error: x.error }))]);
  }

  /** Reads a run's SSE stream to its end: every event with its name, id and parsed data. */
  async function follow(runId: string, headers: Record<string, string> = {}) {
    const res = await t.request(`/api/runs/${runId}/events`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const text = await res.text();
    const events = text
      .split('\n\n')
      .filter((block) => block.trim() && !block.startsWith(':'))
      .map((block) => {
        const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        return { event: field('event'), id: field('id'), data: JSON.parse(data) as any };
      });
    return { text, events };
  }

  describe('runs', () => {
    it('runs a collection against the sandbox, streams its events, stores the results and exports them', async () => {
      const { collectionId } = await orgCollection();
      const started = await json('POST', '/api/runs', { environmentId: envId, collectionId, iterations: 2 });
      expect(started.status).toBe(201);
      expect(started.body).toMatchObject({ environmentId: envId, collectionId, status: 'running' });
      const runId = started.body.id as string;

      const { events } = await follow(runId);
      const names = events.map((e) => e.event);
      expect(names[0]).toBe('run-started');
      expect(names.filter((n) => n === 'request-finished')).toHaveLength(6);
      expect(names.at(-2)).toBe('run-finished');
      expect(names.at(-1)).toBe('end');
      expect(events.slice(0, -1).every((e, i) => e.id === String(i + 1))).toBe(true);
      const finished = events.filter((e) => e.event === 'request-finished').map((e) => e.data.result);
      expect(finished.filter((r) => r.failed).map((r) => ({ name: r.name, error: r.error, tests: r.tests.filter((x: { passed: boolean }) => !x.passed) }))).toEqual([]);
      // The capture chained the requests: each iteration read and deleted the organization it created.
      expect(finished[1].url).toContain(`code=${finished[0].captures[0].value}`);
      expect(finished[0].console[0].message).toContain(finished[0].captures[0].value);

      const end = events.at(-1)!.data;
      expect(end).toMatchObject({ id: runId, status: 'passed', requests: 6, testsFailed: 0 });
      expect(end.testsPassed).toBe(10);

      const stored = await json('GET', `/api/runs/${runId}`);
      expect(stored.body.summary.totals).toMatchObject({ requests: 6, failedTests: 0, passedTests: 10 });
      expect(stored.body.summary.results[0].response.body).toContain('organization');
      // Variables set during the run lived for the run only.
      const env = await json('GET', `/api/environments/${envId}`);
      expect(env.body.variables.map((v: { key: string }) => v.key)).not.toContain('last_org');

      const list = await json('GET', `/api/runs?collectionId=${collectionId}`);
      expect(list.body.runs.map((r: { id: string }) => r.id)).toEqual([runId]);

      const junit = await t.request(`/api/runs/${runId}/export?format=junit`);
      expect(junit.headers.get('content-type')).toMatch(/xml/);
      expect(junit.headers.get('content-disposition')).toMatch(/\.junit\.xml/);
      const parsed = (await parseJunit(await junit.text())) as any;
      expect(parsed.tests).toBe(10);
      expect(parsed.failures ?? 0).toBe(0);

      const exported = await json('GET', `/api/runs/${runId}/export?format=json`);
      expect(exported.body.summary.totals.requests).toBe(6);

      // A finished run's stream is its stored end alone.
      const again = await follow(runId);
      expect(again.events.map((e) => e.event)).toEqual(['end']);
    });

    it('reports a broken assertion as a failure, in the run and in JUnit', async () => {
      const { collectionId } = await orgCollection({ breakAssertion: true });
      const runId = (await json('POST', '/api/runs', { environmentId: envId, collectionId })).body.id;
      const { events } = await follow(runId);
      const end = events.at(-1)!.data;
      expect(end.status).toBe('failed');
      expect(end.testsFailed).toBe(1);
      const failed = end.summary.results.filter((r: { failed: boolean }) => r.failed);
      expect(failed.map((r: { name: string; itemId: string }) => r.name)).toEqual(['Create organization']);
      expect(failed[0].itemId).toBeTruthy();
      expect(failed[0].tests.find((x: { passed: boolean }) => !x.passed).error).toMatch(/299/);
      const parsed = (await parseJunit(await (await t.request(`/api/runs/${runId}/export?format=junit`)).text())) as any;
      expect(parsed.failures).toBe(1);
      expect(JSON.stringify(parsed)).toContain('Create organization');
    });

    it('stops a run: the request in flight ends and the run is stored as stopped', async () => {
      const { collectionId } = await orgCollection();
      // A long delay between requests: the run waits there until it is stopped.
      const runId = (await json('POST', '/api/runs', { environmentId: envId, collectionId, delayMs: 60_000 })).body.id;
      const res = await t.request(`/api/runs/${runId}/events`);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let seen = '';
      while (!seen.includes('event: request-finished')) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended early: ${seen}`);
        seen += decoder.decode(value);
      }
      const stop = await json('POST', `/api/runs/${runId}/stop`);
      expect(stop).toMatchObject({ status: 202, body: { id: runId, stopping: true } });
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += decoder.decode(value);
      }
      expect(seen).toContain('event: end');
      const run = await json('GET', `/api/runs/${runId}`);
      expect(run.body.status).toBe('stopped');
      expect(run.body.summary.totals.requests).toBe(1);
      expect((await json('POST', `/api/runs/${runId}/stop`)).body.stopping).toBe(false);
    });

    it('runs one folder, with iterations from a CSV data file', async () => {
      const { collectionId, folderId } = await orgCollection({ folder: true });
      await json('POST', `/api/collections/${collectionId}/requests`, { name: 'Outside the folder', request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } });
      const runId = (
        await json('POST', '/api/runs', { environmentId: envId, collectionId, folderId, data: { fileName: 'orgs.csv', content: 'org_prefix\nRunner A\nRunner B\n' } })
      ).body.id;
      const end = (await follow(runId)).events.at(-1)!.data;
      expect(end.name).toMatch(/ \/ Chain$/);
      expect(end.summary.iterations).toBe(2);
      expect(end.summary.results.map((r: { name: string }) => r.name)).not.toContain('Outside the folder');
      expect(end.status).toBe('passed');
    });

    it('writes pm.environment changes back only when asked, and never into a secret', async () => {
      const { collectionId } = await orgCollection({
        extra: [
          {
            name: 'Try the secret',
            request: {
              method: 'GET',
              url: '{{business_domain}}/api/v1/organizations',
              scripts: { test: 'pm.test("secret unreadable", () => pm.expect(pm.environment.get("client_secret")).to.be.undefined); pm.environment.set("client_secret", "overwritten");' },
            },
          },
        ],
      });
      const runId = (await json('POST', '/api/runs', { environmentId: envId, collectionId, persistVariables: true })).body.id;
      const end = (await follow(runId)).events.at(-1)!.data;
      // The engine refuses the write (the script fails, saying why); the rest of the run goes on.
      expect(failures(end)).toEqual([{ request: 'Try the secret', test: expect.any(String), error: expect.stringMatching(/client_secret.*secret.*cannot write/) }]);
      expect(end.writeBack.written).toEqual(['last_org']);
      const env = await json('GET', `/api/environments/${envId}`);
      const lastOrg = env.body.variables.find((v: { key: string }) => v.key === 'last_org');
      expect(lastOrg.value).toBe(end.summary.results[0].captures[0].value);
      expect((await t.deps.environments.getResolved(envId)).variables.client_secret).toBe(CLIENT_SECRET);
    });

    it('keeps the secret and the token out of every event, result and export (canary)', async () => {
      // The organization is named after the secret, so the sandbox echoes it in the next answer.
      const { collectionId } = await orgCollection({
        extra: [
          {
            name: 'Echo the secret',
            request: {
              method: 'POST',
              url: '{{business_domain}}/api/v1/organization',
              headers: [{ key: 'x-canary', value: '{{client_secret}}' }],
              body: { mode: 'json', json: '{"name": "{{client_secret}}"}' },
              scripts: {
                preRequest: 'console.log("pre", pm.environment.get("client_secret"), pm.variables.get("client_secret"), JSON.stringify(pm.request.headers));',
                test: 'console.log("body", pm.response.text()); pm.collectionVariables.set("echo_code", pm.response.json().organization.code);',
              },
            },
          },
          {
            name: 'Read it back',
            request: { method: 'GET', url: '{{business_domain}}/api/v1/organization?code={{echo_code}}', scripts: { test: 'console.log("name", pm.response.json().name);' } },
          },
        ],
      });
      const runId = (await json('POST', '/api/runs', { environmentId: envId, collectionId })).body.id;
      const { text, events } = await follow(runId);
      // The run's cached token (no new exchange): the one every request carried.
      const lease = await t.deps.tokens.get(envId, credentialsFor((await t.deps.environments.getResolved(envId))));
      expect(lease.cached).toBe(true);
      const token = lease.token.accessToken;
      const readBack = events.at(-1)!.data.summary.results.find((r: { name: string }) => r.name === 'Read it back');
      expect(readBack.response.body).toContain('[redacted]');
      const everything = [
        text,
        (await json('GET', `/api/runs/${runId}`)).text,
        await (await t.request(`/api/runs/${runId}/export?format=junit`)).text(),
        (await json('GET', `/api/runs/${runId}/export?format=json`)).text,
        (await json('GET', `/api/runs?environmentId=${envId}`)).text,
        t.logLines.join('\n'),
      ].join('\n');
      expect(everything).not.toContain(CLIENT_SECRET);
      expect(everything).not.toContain(token);
    });

    it('answers clear errors for what a user can get wrong', async () => {
      const { collectionId } = await orgCollection();
      const missing = await json('POST', '/api/runs', { environmentId: envId, collectionId: 'nope' });
      expect(missing.status).toBe(404);
      const folder = await json('POST', '/api/runs', { environmentId: envId, collectionId, folderId: 'nope' });
      expect(folder).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      expect(folder.body.error.message).toMatch(/Folder nope is not in collection/);
      const data = await json('POST', '/api/runs', { environmentId: envId, collectionId, data: { fileName: 'rows.json', content: '{"not": "an array"' } });
      expect(data).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
      expect(data.body.error.message).toMatch(/rows\.json is not valid JSON/);
      const iterations = await json('POST', '/api/runs', { environmentId: envId, collectionId, iterations: 0 });
      expect(iterations.status).toBe(400);
      expect((await json('GET', '/api/runs/nope')).status).toBe(404);
      expect((await json('GET', '/api/runs/nope/events')).status).toBe(404);
    });
  });
});
