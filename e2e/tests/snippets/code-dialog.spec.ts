import type { Page } from '@playwright/test';
import { test, expect, openApp, chooseEnvironment, setUrl } from '../../support/fixtures.ts';
import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { shoot } from '../share/shots.ts';

const LANGUAGES = ['cURL', 'C#', 'Go', 'Java', 'Node.js', 'Obj-C', 'PHP', 'Python', 'Ruby', 'Swift'];

const codeDialog = (page: Page) => page.getByRole('dialog', { name: 'Code snippet' });

test('the code dialog writes the request in Kinde’s ten languages, secrets as placeholders', async ({ page, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A unique secret: it must never show up in the page, whatever code is asked for.
  const secret = `canary-secret-${Date.now().toString(36)}`;
  const name = uniqueName('Snippets');
  await createEnvironment(request, { name, businessDomain: sharedSandboxUrl(), clientId: 'sandbox_m2m_client', clientSecret: secret });
  await openApp(page);
  await chooseEnvironment(page, name);
  await setUrl(page, '{{business_domain}}/api/v1/users?page_size=5');

  await page.getByRole('button', { name: 'Code snippet' }).click();
  const dialog = codeDialog(page);
  const language = dialog.getByRole('combobox', { name: 'Language' });
  await expect(language.locator('option')).toHaveText(LANGUAGES);

  for (const label of LANGUAGES) {
    await language.selectOption({ label });
    const code = dialog.getByLabel(`${label} code`);
    await expect(code).toContainText('/api/v1/users');
    await expect(code).toContainText('<m2m_access_token>');
    await expect(code).toContainText(sharedSandboxUrl().replace('http://', ''));
  }

  await language.selectOption({ label: 'Python' });
  await dialog.getByRole('radio', { name: '$KINDE_M2M_TOKEN' }).check();
  await expect(dialog.getByLabel('Python code')).toContainText("os.environ['KINDE_M2M_TOKEN']");
  await dialog.getByRole('radio', { name: '<m2m_access_token>' }).check();
  await expect(dialog.getByLabel('Python code')).toContainText('Bearer <m2m_access_token>');
  await shoot(page, 'code-dialog-python');

  await dialog.getByRole('button', { name: 'Copy code' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('import requests');
  expect(copied).toContain('"page_size":"5"');

  // The token exchange itself: the client id filled in, the secret a placeholder.
  await dialog.getByRole('radio', { name: 'Getting the token' }).check();
  const token = dialog.getByLabel('Python code');
  await expect(token).toContainText('/oauth2/token');
  await expect(token).toContainText('client_credentials');
  await expect(token).toContainText('sandbox_m2m_client');
  await expect(token).toContainText('<m2m_client_secret>');
  await shoot(page, 'code-dialog-token');
  expect(await page.content()).not.toContain(secret);

  // The language picked last is the one the next dialog opens with.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Code snippet' }).click();
  await expect(codeDialog(page).getByRole('combobox', { name: 'Language' })).toHaveValue('python');
  await page.keyboard.press('Escape');
  await expect(codeDialog(page)).toBeHidden();
});

test('an unresolved variable is explained instead of code', async ({ page }) => {
  await openApp(page);
  await setUrl(page, '{{business_domain}}/api/v1/organizations/{{org_code_nowhere}}');
  await page.keyboard.press('ControlOrMeta+K');
  await page.getByRole('combobox', { name: 'Search commands' }).fill('code snippet');
  await page.keyboard.press('Enter');
  const dialog = codeDialog(page);
  await expect(dialog.getByRole('alert')).toContainText('{{org_code_nowhere}}');
});
