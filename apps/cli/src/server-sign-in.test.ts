import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type TestSuites } from 'junit2json';
import { cli as runCli, startExplorer } from './testing/explorer-process.ts';

const COLLECTION = fileURLToPath(new URL('../../../packages/runner/src/__fixtures__/org-chain.postman_collection.json', import.meta.url));
const CLI = fileURLToPath(new URL('../bin/kinde-explorer.mjs', import.meta.url));
const OWNER = { email: 'olive@example.com', password: 'owner-password-1' };
const EDITOR = { email: 'eddie@example.com', password: 'editor-password-1' };
const VIEWER = { email: 'vera@example.com', password: 'viewer-password-1' };

let dir: string;
const cli = (args: string[], env: Record<string, string> = {}) => runCli(dir, args, env);
const runArgs = (url: string, ...more: string[]) => ['run', 'Organization chain', '--server', url, '-e', 'Kinde sandbox', '--folder', 'Organizations', ...more];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kx-cli-auth-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Signs in as the browser would; the cookie header. */
async function signIn(url: string, body: object): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** Imports the fixture collection into the sandbox environment, as the signed-in `cookie`. */
async function importCollection(url: string, cookie: string) {
  const { environments } = (await (await fetch(`${url}/api/environments`, { headers: { cookie } })).json()) as { environments: { id: string; name: string }[] };
  const env = environments.find((e) => e.name === 'Kinde sandbox')!;
  const res = await fetch(`${url}/api/environments/${env.id}/import`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ content: readFileSync(COLLECTION, 'utf8') }) });
  expect(res.status).toBeLessThan(300);
}

describe('kinde-explorer run --server against a team server with named accounts', () => {
  let server: Awaited<ReturnType<typeof startExplorer>>;
  let url: string;
  let owner: string;

  beforeAll(async () => {
    server = await startExplorer({ DATA_DIR: join(dir, 'accounts-data'), EXPLORER_SIGN_IN: 'accounts', EXPLORER_OWNER_EMAIL: OWNER.email, EXPLORER_OWNER_PASSWORD: OWNER.password });
    url = server.url;
    owner = await signIn(url, OWNER);
    await importCollection(url, owner);
    for (const [who, role] of [[EDITOR, 'editor'], [VIEWER, 'viewer']] as const) {
      const invited = await fetch(`${url}/api/members/invites`, { method: 'POST', headers: { cookie: owner, 'content-type': 'application/json' }, body: JSON.stringify({ email: who.email, role }) });
      const { token } = (await invited.json()) as { token: string };
      const joined = await fetch(`${url}/api/auth/invite/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: role, password: who.password }) });
      expect(joined.status).toBe(201);
    }
  }, 180_000);
  afterAll(() => server?.close());

  it('says how to sign in when no account is given, and exits 2', async () => {
    const none = await cli(runArgs(url));
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/^error: sign-in required: the explorer at http:\/\/127\.0\.0\.1:\d+ has named accounts; set EXPLORER_EMAIL \(or --server-email\) and EXPLORER_PASSWORD, or run it on a terminal/);
    // An email and no password, without a terminal to ask on.
    const noPassword = await cli(runArgs(url), { EXPLORER_EMAIL: EDITOR.email });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/sign-in required: .* asks for the password of eddie@example\.com; set EXPLORER_EMAIL/);
  });

  it('refuses a wrong password with a message naming the account', async () => {
    const wrong = await cli(runArgs(url), { EXPLORER_EMAIL: EDITOR.email, EXPLORER_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Wrong email or password for eddie@example\.com at http:\/\/127\.0\.0\.1:\d+: check EXPLORER_EMAIL \/ EXPLORER_PASSWORD\./);
  });

  it('signs in as an editor, runs the collection on the server, and signs out again', async () => {
    const ok = await cli(runArgs(url, '-r', 'cli,junit', '--reporter-junit-export', 'editor.xml'), { EXPLORER_EMAIL: EDITOR.email, EXPLORER_PASSWORD: EDITOR.password });
    expect(ok.stderr).not.toMatch(/error/);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓  the new user is a member');
    expect(ok.stdout + ok.stderr).not.toContain(EDITOR.password);
    const junit = (await parse(readFileSync(join(dir, 'editor.xml'), 'utf8'))) as TestSuites;
    expect(junit).toMatchObject({ tests: 14, failures: 0 });
    // The run is stored as the editor's and the session ended with the run.
    const audit = (await (await fetch(`${url}/api/audit?actor=${EDITOR.email}`, { headers: { cookie: owner } })).json()) as { events: { action: string }[] };
    expect(audit.events.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.sign_in', 'run.started', 'auth.sign_out']));
  });

  it('takes the account from --server-email (over EXPLORER_EMAIL): a viewer runs saved collections too', async () => {
    const viewer = await cli([...runArgs(url), '--server-email', VIEWER.email], { EXPLORER_EMAIL: EDITOR.email, EXPLORER_PASSWORD: VIEWER.password });
    expect(viewer.stderr).not.toMatch(/error/);
    expect(viewer.code).toBe(0);
    const audit = (await (await fetch(`${url}/api/audit?actor=${VIEWER.email}&action=run.started`, { headers: { cookie: owner } })).json()) as { events: unknown[] };
    expect(audit.events).toHaveLength(1);
  });

  it('says when sign-in is rate limited, with the wait', async () => {
    for (let i = 0; i < 5; i++) expect((await cli(runArgs(url), { EXPLORER_EMAIL: OWNER.email, EXPLORER_PASSWORD: `guess-${i}-xxxx` })).code).toBe(2);
    const limited = await cli(runArgs(url), { EXPLORER_EMAIL: OWNER.email, EXPLORER_PASSWORD: OWNER.password });
    expect(limited.code).toBe(2);
    expect(limited.stderr).toMatch(/Too many sign-in attempts at http:\/\/127\.0\.0\.1:\d+ for olive@example\.com: try again in \d+ s/);
  });

  it('asks for the password on a terminal without echoing it', async () => {
    // `script` gives the CLI a real pseudo-terminal; the password is typed once the prompt shows.
    const command = [process.execPath, CLI, ...runArgs(url)].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: dir, env: { ...process.env, EXPLORER_EMAIL: EDITOR.email, EXPLORER_PASSWORD: '', NO_COLOR: '1', INIT_CWD: dir } });
    let output = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!typed && output.includes(`Password for ${EDITOR.email} at ${url}: `)) {
        typed = true;
        child.stdin.write(`${EDITOR.password}\r`);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(typed).toBe(true);
    expect(output).toContain('✓  the new user is a member');
    expect(output).not.toContain(EDITOR.password);
    expect(code).toBe(0);
  }, 120_000);
});

describe('kinde-explorer run --server against a shared-password explorer', () => {
  it('signs in with the password alone', async () => {
    const server = await startExplorer({ DATA_DIR: join(dir, 'password-data'), EXPLORER_ACCESS_PASSWORD: 'shared-editor-pass' });
    try {
      await importCollection(server.url, await signIn(server.url, { password: 'shared-editor-pass' }));
      const wrong = await cli(runArgs(server.url), { EXPLORER_PASSWORD: 'not-it-at-all' });
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/Wrong access password for http:\/\/127\.0\.0\.1:\d+: check EXPLORER_PASSWORD\./);
      // An email set for another explorer does not get in the way.
      const ok = await cli(runArgs(server.url), { EXPLORER_EMAIL: EDITOR.email, EXPLORER_PASSWORD: 'shared-editor-pass' });
      expect(ok.stderr).not.toMatch(/error/);
      expect(ok.code).toBe(0);
    } finally {
      server.close();
    }
  }, 180_000);
});
