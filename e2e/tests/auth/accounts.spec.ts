import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect, screenshot } from '../../support/fixtures.ts';
import { inviteMember, joinByLink } from '../../support/members.ts';

// A second explorer with named accounts, beside the suite's own (which runs without sign-in).
// It relays to the suite's Kinde sandbox.
const SANDBOX_URL = process.env.E2E_SANDBOX_URL!;
let server: ChildProcess;
let base: string;
let setupCode: string;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kinde-explorer-e2e-accounts-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: resolve(import.meta.dirname, '../../../apps/server'),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SANDBOX: 'off', LOG_LEVEL: 'warn', EXPLORER_SIGN_IN: 'accounts', EXPLORER_ACCESS_PASSWORD: '', EXPLORER_VIEWER_PASSWORD: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  [base, setupCode] = await new Promise<[string, string]>((done, fail) => {
    const timer = setInterval(() => {
      const url = /Kinde API Explorer: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      const code = /set-up code ([\w-]+)/.exec(out);
      if (url && code) {
        clearInterval(timer);
        done([url[1]!, code[1]!]);
      }
    }, 50);
    server.once('exit', (code) => fail(new Error(`explorer exited with ${code}: ${out}`)));
  });
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
});

/** A browser context of its own (its own cookies): one per person. */
async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  return context.newPage();
}

async function openMenu(page: Page, name: string) {
  await page.getByRole('button', { name: new RegExp(name) }).click();
}

/** The owner invites `email` as `role` and the invite is listed as pending. */
async function invite(owner: Page, email: string, role: 'editor' | 'viewer'): Promise<string> {
  const link = await inviteMember(owner, email, role);
  await expect(owner.getByRole('table', { name: 'Invites' }).getByRole('row', { name: new RegExp(email) })).toContainText('pending');
  return link;
}

test('owner set-up, invites for an editor and a viewer, each in their own browser, and the owner reads their actions in the audit log', async ({ browser }) => {
  test.setTimeout(180_000);
  // The owner: the first browser is asked for the set-up code and creates the owner account.
  const owner = await person(browser);
  await owner.goto('/');
  await expect(owner.getByRole('heading', { name: 'Create the owner account' })).toBeVisible();
  await owner.getByLabel('Set-up code').fill('not-the-code');
  await owner.getByLabel('Your name').fill('Olive Owner');
  await owner.getByLabel('Email').fill('olive@example.com');
  await owner.getByLabel('Password', { exact: true }).fill('olive-password-1');
  await owner.getByLabel('Repeat the password').fill('olive-password-1');
  await screenshot(owner, 'accounts-1-owner-setup');
  await owner.getByRole('button', { name: 'Create owner account' }).click();
  await expect(owner.getByRole('alert')).toContainText('set-up code is not right');
  await owner.getByLabel('Set-up code').fill(setupCode);
  await owner.getByRole('button', { name: 'Create owner account' }).click();
  await expect(owner.getByRole('button', { name: /Olive Owner/ })).toBeVisible();

  await openMenu(owner, 'Olive Owner');
  await owner.getByRole('menuitem', { name: 'Members…' }).click();
  const editorLink = await invite(owner, 'eddie@example.com', 'editor');
  const viewerLink = await invite(owner, 'vera@example.com', 'viewer');
  await screenshot(owner, 'accounts-2-members-invites');
  await owner.getByRole('button', { name: 'Close', exact: true }).click();

  // The editor joins in a browser of their own and creates an environment on the sandbox.
  const editor = await person(browser);
  await joinByLink(editor, editorLink, 'Eddie Editor', 'eddie-password-1');
  await expect(editor.getByRole('button', { name: /Eddie Editor/ })).toContainText('editor');
  const created = await editor.request.post('/api/environments', {
    data: {
      name: 'Team sandbox',
      variables: [
        { key: 'business_domain', value: SANDBOX_URL },
        { key: 'client_id', value: 'sandbox_m2m_client' },
        { key: 'client_secret', value: 'sandbox_m2m_secret', secret: true },
      ],
    },
  });
  expect(created.status()).toBe(201);
  // The link was spent: a second use is refused with a clear message.
  const again = await person(browser);
  await again.goto(editorLink);
  await expect(again.getByRole('heading', { name: 'This invite cannot be used' })).toBeVisible();
  await expect(again.getByText('has been used already')).toBeVisible();

  // The viewer joins in a third browser and sends the ready-made request through the sandbox.
  const viewer = await person(browser);
  await joinByLink(viewer, viewerLink, 'Vera Viewer', 'vera-password-1');
  await viewer.reload();
  await viewer.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'Team sandbox' });
  await expect(viewer.getByRole('button', { name: 'New environment' })).toHaveCount(0);
  await viewer.getByRole('button', { name: 'Send' }).click();
  await expect(viewer.getByRole('region', { name: 'Response' }).getByLabel(/^Status 200/)).toBeVisible();
  await screenshot(viewer, 'accounts-3-viewer-sent');
  // A viewer has no Members or Audit log.
  await openMenu(viewer, 'Vera Viewer');
  await expect(viewer.getByRole('menuitem', { name: 'Members…' })).toHaveCount(0);
  await expect(viewer.getByRole('menuitem', { name: 'Audit log…' })).toHaveCount(0);

  // The owner sees both in the audit log, filters it, and can export it.
  await openMenu(owner, 'Olive Owner');
  await owner.getByRole('menuitem', { name: 'Audit log…' }).click();
  const events = owner.getByRole('table', { name: 'Audit events' });
  await expect(events.getByRole('row').filter({ hasText: 'eddie@example.com' }).filter({ hasText: 'Created an environment' })).toHaveCount(1);
  await expect(events.getByRole('row').filter({ hasText: 'vera@example.com' }).filter({ hasText: 'Sent a request' })).toHaveCount(1);
  await expect(events.getByRole('row').filter({ hasText: 'Sent a request' })).toContainText('GET /api/v1/users');
  await expect(events.getByRole('row').filter({ hasText: 'Failed' }).or(events.getByRole('row').filter({ hasText: 'failed' }))).toHaveCount(0);
  await screenshot(owner, 'accounts-4-audit-log');
  await owner.getByLabel('Who').fill('vera@example.com');
  await expect(events.getByRole('row').filter({ hasText: 'eddie@example.com' })).toHaveCount(0);
  await expect(events.getByRole('row').filter({ hasText: 'Sent a request' })).toHaveCount(1);
  const exportHref = await owner.getByRole('link', { name: 'Export JSON lines' }).getAttribute('href');
  const exported = await owner.request.get(exportHref!);
  expect(exported.headers()['content-type']).toContain('application/x-ndjson');
  const lines = (await exported.text()).trim().split('\n').map((l) => JSON.parse(l) as { action: string; actor: { email: string } });
  expect(lines.map((l) => `${l.actor.email} ${l.action}`)).toContain('vera@example.com send');
  expect(await exported.text()).not.toContain('sandbox_m2m_secret');

  // Removing the viewer ends their session at their next request.
  await owner.getByRole('button', { name: 'Close', exact: true }).click();
  await openMenu(owner, 'Olive Owner');
  await owner.getByRole('menuitem', { name: 'Members…' }).click();
  await owner.getByRole('button', { name: 'Remove vera@example.com' }).click();
  await owner.getByRole('button', { name: 'Confirm: remove vera@example.com' }).click();
  await expect(owner.getByRole('table', { name: 'Members' })).not.toContainText('vera@example.com');
  await viewer.reload();
  await expect(viewer.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(viewer.getByLabel('Email')).toBeVisible();
  await screenshot(viewer, 'accounts-5-removed-viewer-signed-out');
});
