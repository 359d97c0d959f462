import type { Sandbox } from '@kinde-explorer/kinde-mock';
import { test, expect, openApp, chooseEnvironment, responseRegion, responseStatus } from '../../support/fixtures.ts';
import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { startExtraSandbox } from '../../support/sandbox.ts';
import { openFromCatalog, shotPath } from './catalog-helpers.ts';

let sandbox: Sandbox;
test.beforeAll(async () => {
  // A Kinde whose M2M application was granted two scopes only.
  sandbox = await startExtraSandbox({ clientId: 'scoped_client', clientSecret: 'scoped_secret', scopes: ['read:users', 'read:organizations'] });
});
test.afterAll(async () => sandbox.close());

test('warns before sending when the token lacks the scope, and names it after the 403', async ({ page, request }) => {
  const name = uniqueName('Users readers');
  await createEnvironment(request, { name, businessDomain: sandbox.url, clientId: 'scoped_client', clientSecret: 'scoped_secret' });
  await openApp(page);
  await chooseEnvironment(page, name);

  // A granted scope: no warning.
  await openFromCatalog(page, 'get users', 'GET Get users');
  const bar = page.getByLabel('Operation', { exact: true });
  await expect(bar.getByRole('status', { name: 'Scope read:users: granted' })).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Missing scope' })).toHaveCount(0);

  // A missing one: a warning with how to grant it in Kinde; sending is still possible.
  await openFromCatalog(page, 'org create', 'POST Create organization');
  await expect(bar.getByRole('status', { name: 'Scope create:organizations: not granted' })).toBeVisible();
  const warning = page.getByRole('alert', { name: 'Missing scope' });
  await expect(warning).toContainText(`The token of “${name}” lacks create:organizations`);
  await expect(warning).toContainText('Settings → Applications → your M2M application → APIs → Kinde Management API → Scopes');
  await page.screenshot({ path: shotPath('scope-missing-warning') });
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();

  await page.getByRole('tab', { name: /^Body/ }).click();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText(/^403/);
  const note = responseRegion(page).getByRole('status', { name: 'Missing scope' });
  await expect(note).toContainText('Missing scope create:organizations — “Create organization” needs it.');
  await expect(note).toContainText('tick create:organizations');
  await page.screenshot({ path: shotPath('scope-403-note') });
});
