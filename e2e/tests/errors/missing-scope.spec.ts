import type { Sandbox } from '@kinde-explorer/kinde-mock';
import { test, expect, screenshot, openApp, chooseEnvironment, responseRegion, responseStatus, setUrl } from '../../support/fixtures.ts';
import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { startExtraSandbox } from '../../support/sandbox.ts';

let sandbox: Sandbox;
test.beforeAll(async () => {
  // A Kinde whose M2M application was granted read:users only.
  sandbox = await startExtraSandbox({ clientId: 'limited_client', clientSecret: 'limited_secret', scopes: ['read:users'] });
});
test.afterAll(async () => sandbox.close());

test('a 403 for a missing scope is explained in words', async ({ page, request }) => {
  const name = uniqueName('Read users only');
  await createEnvironment(request, { name, businessDomain: sandbox.url, clientId: 'limited_client', clientSecret: 'limited_secret' });
  await openApp(page);
  await chooseEnvironment(page, name);

  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');

  await setUrl(page, '{{business_domain}}/api/v1/organizations');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText(/^403/);
  const summary = responseRegion(page).getByRole('status', { name: 'What Kinde said' });
  await expect(summary).toContainText('Kinde says: Missing scope read:organizations');
  // What to do about it, once: the missing-scope note with the steps to grant it.
  const note = responseRegion(page).getByRole('status', { name: 'Missing scope' });
  await expect(note).toContainText('read:organizations');
  await expect(note.getByText('How to grant it in Kinde')).toBeVisible();
  await expect(responseRegion(page).getByText('The token lacks a scope')).toHaveCount(0);
  await expect(summary).toContainText('FORBIDDEN');
  await screenshot(page, 'error-403-missing-scope');
});
