import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Sandbox } from '@kinde-explorer/kinde-mock';
import { startExtraSandbox } from '../../support/sandbox.ts';
import { test, expect, screenshot } from '../../support/fixtures.ts';

// An explorer with named accounts and "Sign in with Kinde" against a sandbox of its own, whose
// regular web application allows this explorer's callback URL (so the port is chosen first).
const OWNER = { email: 'olive@example.com', password: 'olive-password-1', name: 'Olive Owner' };
let server: ChildProcess;
let sandbox: Sandbox;
let base: string;
let dataDir: string;

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
    s.once('error', fail);
  });

test.beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  sandbox = await startExtraSandbox({ spec: null, webClient: { clientId: 'explorer_web', clientSecret: 'explorer-web-secret', redirectUris: [`${base}/api/auth/oidc/callback`] } });
  dataDir = mkdtempSync(join(tmpdir(), 'kinde-explorer-e2e-kinde-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: resolve(import.meta.dirname, '../../../apps/server'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SANDBOX: 'off',
      LOG_LEVEL: 'warn',
      EXPLORER_ACCESS_PASSWORD: '',
      EXPLORER_VIEWER_PASSWORD: '',
      EXPLORER_OWNER_EMAIL: OWNER.email,
      EXPLORER_OWNER_PASSWORD: OWNER.password,
      EXPLORER_OWNER_NAME: OWNER.name,
      EXPLORER_OIDC_ISSUER: sandbox.url,
      EXPLORER_OIDC_CLIENT_ID: 'explorer_web',
      EXPLORER_OIDC_CLIENT_SECRET: 'explorer-web-secret',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((done, fail) => {
    const timer = setInterval(() => {
      if (out.includes('Sign in with Kinde:')) {
        clearInterval(timer);
        done();
      }
    }, 50);
    server.once('exit', (code) => fail(new Error(`explorer exited with ${code}: ${out}`)));
  });
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  return context.newPage();
}

/** On the sandbox's sign-in page: types the email and continues (Kinde then sends the browser back). */
async function kindeSignIn(page: Page, email: string, shot?: string) {
  await expect(page).toHaveURL(new RegExp(`^${sandbox.url}/oauth2/auth\\?`));
  await expect(page.getByRole('heading', { name: 'Sign in to Kinde API Explorer' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  if (shot) await screenshot(page, shot);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('signs in through Kinde’s page in the browser; an invited editor joins with Kinde; a stranger and a cancel get a clear page', async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await person(browser);
  await owner.goto('/');
  await expect(owner.getByRole('button', { name: 'Sign in with Kinde' })).toBeVisible();
  await expect(owner.getByLabel('Password')).toBeVisible(); // password sign-in stays
  await screenshot(owner, 'kinde-1-sign-in-page');
  await owner.getByRole('button', { name: 'Sign in with Kinde' }).click();
  await kindeSignIn(owner, OWNER.email, 'kinde-2-sandbox-sign-in');
  // Back from a cross-site redirect: the SameSite=Strict session cookie set there works at once.
  await expect(owner.getByRole('button', { name: /Olive Owner/ })).toBeVisible();
  expect(new URL(owner.url()).pathname).toBe('/');
  await owner.reload();
  await expect(owner.getByRole('button', { name: /Olive Owner/ })).toBeVisible();

  // The owner invites an editor; they open the link and join with Kinde instead of a password.
  await owner.getByRole('button', { name: /Olive Owner/ }).click();
  await owner.getByRole('menuitem', { name: 'Members…' }).click();
  const form = owner.getByRole('form', { name: 'Invite a member' });
  await form.getByLabel('Email').fill('eddie@example.com');
  await form.getByLabel('Role').selectOption('editor');
  await form.getByRole('button', { name: 'Create invite link' }).click();
  const link = await form.getByLabel('Invite link').inputValue();
  expect(link).toMatch(/\/join#[\w-]{43}$/);

  const editor = await person(browser);
  await editor.goto(link);
  await expect(editor.getByRole('heading', { name: 'Join the team' })).toBeVisible();
  await screenshot(editor, 'kinde-3-join-page');
  await editor.getByRole('button', { name: 'Join with Kinde' }).click();
  await kindeSignIn(editor, 'eddie@example.com');
  await expect(editor.getByRole('button', { name: /Eddie/ })).toContainText('editor');

  // Nobody invited this email: a page says whom to ask, and leads back to sign-in.
  const stranger = await person(browser);
  await stranger.goto('/');
  await stranger.getByRole('button', { name: 'Sign in with Kinde' }).click();
  await kindeSignIn(stranger, 'stranger@example.com');
  await expect(stranger.getByRole('heading', { name: 'You are not a member of this explorer' })).toBeVisible();
  await expect(stranger.getByText('Ask an owner to invite stranger@example.com')).toBeVisible();
  await screenshot(stranger, 'kinde-4-not-invited');
  await stranger.getByRole('link', { name: 'Back to sign-in' }).click();
  await expect(stranger.getByRole('button', { name: 'Sign in with Kinde' })).toBeVisible();

  // Cancelling on Kinde's page comes back as access_denied.
  await stranger.getByRole('button', { name: 'Sign in with Kinde' }).click();
  await expect(stranger).toHaveURL(new RegExp(`^${sandbox.url}/oauth2/auth\\?`));
  await stranger.getByRole('button', { name: 'Cancel and go back' }).click();
  await expect(stranger.getByRole('heading', { name: 'Signing in with Kinde was cancelled' })).toBeVisible();

  // The owner sees both Kinde sign-ins and the join in the audit log.
  const audit = await owner.request.get('/api/audit?limit=100');
  const { events } = (await audit.json()) as { events: { action: string; outcome: string; actor: { email: string | null }; detail: Record<string, unknown> }[] };
  const kinde = events.filter((e) => e.detail.method === 'kinde').map((e) => `${e.actor.email ?? '-'} ${e.action} ${e.outcome}`);
  expect(kinde).toEqual(expect.arrayContaining(['olive@example.com auth.sign_in success', 'eddie@example.com member.joined success', 'eddie@example.com auth.sign_in success', '- auth.sign_in failure']));
});
