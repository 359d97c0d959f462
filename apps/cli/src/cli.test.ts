import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type TestSuites } from 'junit2json';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import { cli as runCli, startExplorer } from './testing/explorer-process.ts';

const COLLECTION = fileURLToPath(new URL('../../../packages/runner/src/__fixtures__/org-chain.postman_collection.json', import.meta.url));
const ENVIRONMENT = fileURLToPath(new URL('../../../packages/runner/src/__fixtures__/kinde-sandbox.postman_environment.json', import.meta.url));

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'kx-cli-'));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(dir, args);

const againstSandbox = () => ['-e', ENVIRONMENT, '--env-var', `business_domain=${sandbox.url}`];

describe('kinde-explorer run', () => {
  it('passes the fixture against the sandbox: exit 0, every test in the JUnit file, no secret in any output', async () => {
    const { code, stdout, stderr } = await cli(['run', COLLECTION, ...againstSandbox(), '-r', 'cli,junit,json', '--reporter-junit-export', 'out/junit.xml', '--reporter-json-export', 'out/run.json', '--export-environment', 'out/env.json']);
    expect(stderr).not.toMatch(/error/);
    expect(code).toBe(0);
    expect(stdout).toContain('✓  the new user is a member');
    expect(stdout).toMatch(/test-scripts and assertions │\s+14 │\s+0 │/);
    const junit = (await parse(readFileSync(join(dir, 'out/junit.xml'), 'utf8'))) as TestSuites;
    expect(junit).toMatchObject({ tests: 14, failures: 0, errors: 0 });
    const env = readFileSync(join(dir, 'out/env.json'), 'utf8');
    for (const text of [stdout, stderr, env, readFileSync(join(dir, 'out/run.json'), 'utf8'), readFileSync(join(dir, 'out/junit.xml'), 'utf8')]) {
      expect(text).not.toContain('sandbox_m2m_secret');
      expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
    }
    expect(JSON.parse(env).values).toContainEqual({ key: 'client_secret', value: '', type: 'secret', enabled: true });
  });

  it('exits 1 when an assertion breaks, and the JUnit file names the failed test', async () => {
    const broken = readFileSync(COLLECTION, 'utf8').replace('pm.expect(ids).to.include(pm.collectionVariables.get(\\"user_id\\"));', 'pm.expect(ids).to.include(\\"kp_nobody\\");');
    expect(broken).toContain('kp_nobody');
    writeFileSync(join(dir, 'broken.json'), broken);
    const { code, stdout } = await cli(['run', 'broken.json', ...againstSandbox(), '-r', 'cli,junit', '--reporter-junit-export', 'broken.xml']);
    expect(code).toBe(1);
    expect(stdout).toContain('✗  the new user is a member');
    const junit = (await parse(readFileSync(join(dir, 'broken.xml'), 'utf8'))) as TestSuites;
    expect(junit.failures).toBe(1);
    const failed = junit.testsuite?.flatMap((s) => s.testcase ?? []).filter((t) => t.failure);
    expect(failed?.map((t) => t.name)).toEqual(['the new user is a member']);
    expect(failed?.[0]?.failure?.[0]?.message).toMatch(/to include 'kp_nobody'/);
  });

  it('exits 2 on bad input with a message saying what to fix', async () => {
    const cases: [string[], RegExp][] = [
      [['run', 'missing.json'], /Cannot read the collection "missing\.json" \(no such file\)/],
      [['run', ENVIRONMENT], /not a Postman collection/],
      [['run', COLLECTION, ...againstSandbox(), '--folder', 'Nope'], /No folder "Nope".*"Organizations"/],
      [['run', COLLECTION], /No business_domain: pass a Postman environment with -e/],
      [['run', COLLECTION, '--env-var', `business_domain=${sandbox.url}`], /no client_id or client_secret/],
      [['run', COLLECTION, ...againstSandbox(), '-n', 'zero'], /--iteration-count needs a whole number/],
      [['run', COLLECTION, ...againstSandbox(), '-r', 'html'], /Unknown reporter "html"/],
      [['run', COLLECTION, '--no-such-flag'], /unknown option '--no-such-flag'/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await cli(args);
      expect({ args, code, stderr }).toMatchObject({ code: 2, stderr: expect.stringMatching(message) });
    }
  });
});

describe('kinde-explorer run --server', () => {
  it('runs a collection saved in a running explorer by name, with its exit code and JUnit file', async () => {
    const server = await startExplorer({ DATA_DIR: join(dir, 'server-data') });
    const url = server.url;
    try {
      const { environments } = (await (await fetch(`${url}/api/environments`)).json()) as { environments: { id: string; name: string }[] };
      const env = environments.find((e) => e.name === 'Kinde sandbox')!;
      const imported = await fetch(`${url}/api/environments/${env.id}/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: readFileSync(COLLECTION, 'utf8') }) });
      expect(imported.status).toBeLessThan(300);

      const ok = await cli(['run', 'Organization chain', '--server', url, '-e', 'Kinde sandbox', '--folder', 'Organizations', '-r', 'cli,junit', '--reporter-junit-export', 'server.xml']);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('✓  the new user is a member');
      const junit = (await parse(readFileSync(join(dir, 'server.xml'), 'utf8'))) as TestSuites;
      expect(junit).toMatchObject({ tests: 14, failures: 0 });

      const missing = await cli(['run', 'No such collection', '--server', url]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/No collection "No such collection" in environment "Kinde sandbox".*"Organization chain"/);
    } finally {
      server.close();
    }
  }, 180_000);
});
