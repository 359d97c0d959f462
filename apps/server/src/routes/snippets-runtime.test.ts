import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RecordedRequest, type Sandbox } from '@kinde-explorer/kinde-mock';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

/*
 * Runs the generated code of every language with a runtime on this machine against a real
 * sandbox, with a real token put in for the placeholder, and checks that the sandbox received
 * the request `/api/send` sends: method, path, query, accept, content type and body.
 */

const CLIENT_ID = 'snippet_runtime_client';
const CLIENT_SECRET = 'snippet-runtime-secret-77f0';
const RUN_TIMEOUT_MS = 20_000;

function has(cmd: string, args: string[] = ['--version']): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

interface Runtime {
  target: 'curl' | 'node' | 'python';
  available: boolean;
  file: string;
  command: (file: string) => [string, string[]];
}

// Python snippets use `requests` (as Kinde's docs do); without it the Python case is skipped.
const RUNTIMES: Runtime[] = [
  { target: 'curl', available: has('curl') && has('bash'), file: 'snippet.sh', command: (f) => ['bash', [f]] },
  { target: 'node', available: true, file: 'snippet.mjs', command: (f) => [process.execPath, [f]] },
  { target: 'python', available: has('python3', ['-c', 'import requests']), file: 'snippet.py', command: (f) => ['python3', [f]] },
];

const LIST_USERS = { method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=2&sort=email_asc', headers: [{ key: 'Accept', value: 'application/json' }] };
const CREATE_USER = {
  method: 'POST',
  url: '{{business_domain}}/api/v1/user',
  body: {
    mode: 'json',
    json: JSON.stringify({
      profile: { given_name: 'Ada', family_name: 'Lovelace' },
      organization_code: null,
      identities: [{ type: 'email', details: { email: 'ada.snippet@example.com' } }],
    }),
  },
};

let sandbox: Sandbox;
let t: TestApp;
let envId: string;
let workDir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimit: null });
  t = await createTestApp();
  envId = await t.createEnvironment('Sandbox', [
    { key: 'business_domain', value: sandbox.url },
    { key: 'client_id', value: CLIENT_ID },
    { key: 'client_secret', value: CLIENT_SECRET },
  ]);
  workDir = mkdtempSync(join(tmpdir(), 'snippet-run-'));
});
afterAll(async () => {
  t.close();
  await sandbox.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function generate(request: unknown, target: string, tokenStyle: 'placeholder' | 'env'): Promise<string> {
  const res = await t.request('/api/snippets', { method: 'POST', json: { environmentId: envId, request, target, tokenStyle } });
  expect(res.status).toBe(200);
  const { code } = (await res.json()) as { code: string };
  expect(code).not.toContain(CLIENT_SECRET);
  return code;
}

function run(runtime: Runtime, code: string, env: Record<string, string> = {}): Promise<string> {
  const file = join(workDir, `${runtime.target}-${Math.random().toString(36).slice(2)}-${runtime.file}`);
  writeFileSync(file, code);
  const [cmd, args] = runtime.command(file);
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: RUN_TIMEOUT_MS, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${runtime.target} snippet failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** The one API request the sandbox recorded while `action` ran. */
async function recorded(action: () => unknown): Promise<RecordedRequest> {
  sandbox.reset();
  await action();
  const api = sandbox.stats().requests.filter((r) => r.path.startsWith('/api/v1/'));
  expect(api).toHaveLength(1);
  return api[0]!;
}

/** What must match between the explorer's send and the snippet's. */
function essentials(r: RecordedRequest) {
  const type = r.headers['content-type'];
  return {
    method: r.method,
    path: r.path,
    query: r.query,
    accept: r.headers.accept,
    contentType: type,
    // JSON is compared as data: Python's `requests` writes `{"a": 1}` where fetch writes `{"a":1}`.
    body: type?.startsWith('application/json') && r.body ? JSON.parse(r.body) : r.body,
    hasBearer: r.hasBearer,
    status: r.status,
  };
}

const viaExplorer = async (request: unknown) =>
  essentials(await recorded(() => t.request('/api/send', { method: 'POST', json: { environmentId: envId, request } })));

describe.each(RUNTIMES)('$target snippet run against the sandbox', (runtime) => {
  it.skipIf(!runtime.available)('lists users exactly as /api/send does (token pasted over the placeholder)', async () => {
    const code = await generate(LIST_USERS, runtime.target, 'placeholder');
    expect(code).toContain('<m2m_access_token>');
    const token = await sandbox.issueToken();
    const fromSnippet = essentials(await recorded(() => run(runtime, code.split('<m2m_access_token>').join(token))));
    const fromExplorer = await viaExplorer(LIST_USERS);
    expect(fromSnippet).toEqual(fromExplorer);
    expect(fromSnippet).toMatchObject({ method: 'GET', path: '/api/v1/users', query: { page_size: '2', sort: 'email_asc' }, hasBearer: true, status: 200 });
  });

  it.skipIf(!runtime.available)('creates a user with the same JSON body (token from KINDE_M2M_TOKEN)', async () => {
    const code = await generate(CREATE_USER, runtime.target, 'env');
    const token = await sandbox.issueToken();
    const fromSnippet = essentials(await recorded(() => run(runtime, code, { KINDE_M2M_TOKEN: token })));
    const fromExplorer = await viaExplorer(CREATE_USER);
    expect(fromSnippet).toEqual(fromExplorer);
    expect(fromSnippet).toMatchObject({ method: 'POST', path: '/api/v1/user', contentType: 'application/json', hasBearer: true, status: 200 });
    expect(fromSnippet.body).toEqual(JSON.parse(CREATE_USER.body.json));
  });
});

describe('token request snippet', () => {
  it.skipIf(!RUNTIMES[0]!.available)('gets a token from the sandbox once the secret is pasted in (cURL)', async () => {
    const res = await t.request('/api/snippets/token', { method: 'POST', json: { environmentId: envId, target: 'curl' } });
    const { code } = (await res.json()) as { code: string };
    expect(code).not.toContain(CLIENT_SECRET);
    const out = await run(RUNTIMES[0]!, code.split('<m2m_client_secret>').join(CLIENT_SECRET));
    expect(JSON.parse(out)).toMatchObject({ token_type: 'bearer', access_token: expect.stringMatching(/^eyJ/) });
  });
});
