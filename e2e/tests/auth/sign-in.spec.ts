import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from '../../support/fixtures.ts';

// A second explorer with sign-in on, beside the suite's own (which runs without a password).
const EDITOR = 'e2e-editor-password';
const VIEWER = 'e2e-viewer-password';
let server: ChildProcess;
let base: string;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kinde-explorer-e2e-auth-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: resolve(import.meta.dirname, '../../../apps/server'),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SANDBOX: 'off', LOG_LEVEL: 'warn', EXPLORER_ACCESS_PASSWORD: EDITOR, EXPLORER_VIEWER_PASSWORD: VIEWER },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  base = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const m = /Kinde API Explorer: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        done(m[1]!);
      }
    }, 50);
    server.once('exit', (code) => fail(new Error(`explorer exited with ${code}: ${out}`)));
  });
  // An environment for the viewer to pick, made by an editor.
  const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: EDITOR }) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const env = await fetch(`${base}/api/environments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'Shared demo', variables: [{ key: 'business_domain', value: 'https://demo.kinde.com' }, { key: 'client_secret', value: 'not-for-viewers', secret: true }] }),
  });
  expect(env.status).toBe(201);
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
});

test('asks for the password, refuses a wrong one, and signs a viewer in without environment editing', async ({ page }) => {
  await page.goto(base);
  const password = page.getByLabel('Password');
  await expect(password).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Environment' })).toHaveCount(0);

  await password.fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('not right');

  await password.fill(VIEWER);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('combobox', { name: 'Environment' })).toBeEnabled();
  await expect(page.getByText('viewer', { exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Environment' }).locator('option', { hasText: 'Shared demo' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'New environment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  // The session cookie is not readable from the page.
  expect(await page.evaluate(() => document.cookie)).not.toContain('explorer_session');

  await page.getByRole('button', { name: /Shared password/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Password')).toBeVisible();
});

test('an editor gets environment editing', async ({ page }) => {
  await page.goto(base);
  await page.getByLabel('Password').fill(EDITOR);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('editor', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New environment' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
});
