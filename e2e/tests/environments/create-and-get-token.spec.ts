import { test, expect, openApp } from '../../support/fixtures.ts';
import { uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import type { Page } from '@playwright/test';

/** Fills the New environment form for the shared sandbox, as a user would, and submits it. */
async function createThroughForm(page: Page, name: string) {
  await page.getByRole('button', { name: 'New environment' }).click();
  const form = page.getByRole('form', { name: 'Environment settings' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByRole('textbox', { name: 'Value of business_domain' }).fill(sharedSandboxUrl());
  await form.getByRole('textbox', { name: 'Value of client_id' }).fill('sandbox_m2m_client');
  await form.getByLabel(/^Value of client_secret/).fill('sandbox_m2m_secret');
  await form.getByRole('button', { name: 'Create environment' }).click();
  return form;
}

test('create an environment, get a token and see its claims', async ({ page }) => {
  const name = uniqueName('Acme staging');
  await openApp(page);
  const form = await createThroughForm(page, name);

  // Saved: the secret field is empty again and says a value is stored.
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(form.getByLabel(/^Value of client_secret \(a value is saved/)).toHaveValue('');
  await expect(page.getByRole('navigation', { name: 'Sidebar' }).getByRole('listitem').filter({ hasText: name })).toBeVisible();

  const token = page.getByRole('complementary', { name: 'Access token' });
  await token.getByRole('button', { name: 'Get token', exact: true }).click();
  await expect(token.getByText('Token issued')).toBeVisible();
  const scopes = token.getByRole('list', { name: 'Scopes' });
  await expect(scopes.getByRole('listitem').filter({ hasText: /^read:users$/ })).toBeVisible();
  await expect(token.getByText(/^23h 59m \d\ds$/)).toBeVisible();
  await expect(token).toContainText(`${sharedSandboxUrl()}/api`);
  await expect(token).toContainText('sandbox_m2m_client');
  await expect(token).toContainText('client_credentials');

  // Asking again reuses the server's cached token.
  await token.getByRole('button', { name: 'Get token', exact: true }).click();
  await expect(token.getByText('Token reused from cache')).toBeVisible();

  // Switch to it, then delete it.
  await page.getByRole('button', { name: 'Use this environment' }).click();
  await expect(page.getByRole('combobox', { name: 'Environment' }).locator('option:checked')).toHaveText(name);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: `Delete “${name}”` }).click();
  await expect(page.getByRole('navigation', { name: 'Sidebar' }).getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Environment' }).locator('option:checked')).toHaveText('Kinde sandbox');
});

test('editing keeps the stored secret unless a new one is typed', async ({ page }) => {
  const name = uniqueName('Edit me');
  await openApp(page);
  const form = await createThroughForm(page, name);
  await expect(page.getByRole('heading', { name })).toBeVisible();

  // Rename only: the secret stays as it was, so a token still comes.
  await form.getByLabel('Name', { exact: true }).fill(`${name} renamed`);
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { name: `${name} renamed` })).toBeVisible();
  const token = page.getByRole('complementary', { name: 'Access token' });
  await token.getByRole('button', { name: 'Get token', exact: true }).click();
  await expect(token.getByText(/Token (issued|reused)/)).toBeVisible();
});
