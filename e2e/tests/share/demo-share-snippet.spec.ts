import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, copiedResponseBody, openApp, responseRegion, responseStatus, setUrl } from '../../support/fixtures.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { shoot } from './shots.ts';

/*
 * The done-criterion: in presentation mode with emails masked, create a user and list
 * users on the sandbox, share the result as a link, and a teammate (another browser) opens it and
 * copies a Python snippet that works.
 */

async function typeJsonBody(page: Page, json: string): Promise<void> {
  await page.getByRole('tab', { name: /^Body/ }).click();
  const editor = page.getByRole('region', { name: 'Request' }).locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  // Monaco closes brackets and quotes as they are typed: type all but the last brace, drop what it added, close.
  await page.keyboard.type(json.slice(0, -1), { delay: 0 });
  await page.keyboard.press('Shift+ControlOrMeta+End');
  await page.keyboard.press('Delete');
  await page.keyboard.type('}');
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 20_000, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

test('demo: create a user, list users, share the result; a teammate copies a working Python snippet', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `grace.hopper.${Date.now().toString(36)}@example.com`;
  await openApp(page);

  // Presentation mode with personal data masked: one click on Demo.
  await page.getByRole('button', { name: 'Demo', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Demo on: click to exit' })).toHaveAttribute('aria-pressed', 'true');

  // Environment values are hidden, the business domain included.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('img', { name: 'Value of business_domain: hidden in presentation mode' })).toHaveText('••••');
  await expect(page.getByRole('img', { name: 'Value of client_id: hidden in presentation mode' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(sharedSandboxUrl().replace('http://', ''));
  await page.getByRole('button', { name: /^Close Environment/ }).click();

  // Create a user: the command palette jumps to the catalog operation.
  await page.keyboard.press('ControlOrMeta+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Search commands' }).fill('create user');
  await expect(palette.getByRole('option').first()).toContainText('Create user');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'URL' })).toHaveValue('{{business_domain}}/api/v1/user');
  await typeJsonBody(page, JSON.stringify({ profile: { given_name: 'Grace', family_name: 'Hopper' }, identities: [{ type: 'email', details: { email } }] }));
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(responseStatus(page)).toHaveText(/^20[01]/);

  // List users (a new tab, Alt+T), filtered to the new one.
  await page.keyboard.press('Alt+T');
  await setUrl(page, `{{business_domain}}/api/v1/users?email=${email}`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');
  const response = responseRegion(page);
  await expect(response.locator('.view-lines')).toContainText('"first_name": "G••••"');
  // What is shown (and copied) is masked; the JSON keeps its shape.
  const shown = JSON.parse(await copiedResponseBody(page)) as { users: { email: string; first_name: string; last_name: string }[] };
  expect(shown.users).toEqual([expect.objectContaining({ email: 'g••••@example.com', first_name: 'G••••', last_name: 'H••••' })]);
  await expect(response).not.toContainText('grace.hopper');
  await expect(response).not.toContainText('Hopper');
  // Nor in the sidebar's history of sends.
  await expect(page.getByRole('navigation', { name: 'Sidebar' })).not.toContainText('grace.hopper');
  // The requested URL shows without the business domain.
  await expect(response.getByLabel('Response summary')).toContainText('••••/api/v1/users');
  await shoot(page, 'presentation-masked-users');

  // Share the result.
  await response.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share request and response' });
  await expect(dialog.getByRole('checkbox', { name: /Mask personal data/ })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Users after creating Grace');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{22}$/);
  await shoot(page, 'share-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('list', { name: 'Shared links' })).toContainText('Users after creating Grace');

  // A teammate opens the link in their own browser.
  const teammateContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await teammateContext.grantPermissions(['clipboard-read', 'clipboard-write']);
  const teammate = await teammateContext.newPage();
  const teammateErrors: string[] = [];
  teammate.on('pageerror', (e) => teammateErrors.push(e.message));
  await teammate.goto(link);
  await expect(teammate.getByRole('heading', { level: 1, name: 'Users after creating Grace' })).toBeVisible();
  const shared = teammate.getByRole('region', { name: 'Response' });
  await expect(shared.getByLabel(/^Status 200/)).toBeVisible();
  await expect(shared.getByLabel('Response body')).toContainText('g••••@example.com');
  // Masking covers the response; the request is shown as the presenter wrote it.
  await expect(shared).not.toContainText('grace.hopper');
  await expect(teammate.getByText('personal data masked')).toBeVisible();

  // The teammate picks Python and copies the code.
  const code = teammate.getByRole('complementary', { name: 'Code' });
  await code.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Python' });
  await expect(code.getByLabel('Python code')).toContainText('import requests');
  await code.getByRole('button', { name: 'Copy code' }).click();
  await expect(code.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await teammate.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('import requests');
  expect(copied).toContain(`url = "${sharedSandboxUrl()}/api/v1/users"`);
  expect(copied).toContain(email);
  expect(copied).toContain('Bearer <m2m_access_token>');
  await shoot(teammate, 'teammate-share-page');
  await shoot(teammate, 'teammate-share-page-full', { fullPage: true });

  // …and it works: with a real token pasted in, it lists the user.
  const tokenRes = await fetch(`${sharedSandboxUrl()}/__sandbox/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const dir = await mkdtemp(join(tmpdir(), 'shared-snippet-'));
  await writeFile(join(dir, 'snippet.py'), copied.replace('<m2m_access_token>', access_token));
  const out = await run('python3', [join(dir, 'snippet.py')]);
  expect(out).toContain(email);
  expect(out).toContain("'code': 'OK'");

  // Revoking the link: the teammate's reload says so.
  const item = page.getByRole('list', { name: 'Shared links' }).getByRole('listitem').filter({ hasText: 'Users after creating Grace' });
  await item.getByRole('button', { name: 'Revoke Users after creating Grace' }).click();
  await item.getByRole('button', { name: 'Confirm: revoke Users after creating Grace' }).click();
  await expect(page.getByRole('list', { name: 'Shared links' })).toHaveCount(0);
  await teammate.reload();
  await expect(teammate.getByRole('alert')).toContainText('This link was revoked');
  expect(teammateErrors).toEqual([]);
  await teammateContext.close();
});
