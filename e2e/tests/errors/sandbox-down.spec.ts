import { test, expect, screenshot, openApp, chooseEnvironment, responseRegion } from '../../support/fixtures.ts';
import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { closedPort, startExtraSandbox } from '../../support/sandbox.ts';

test('Kinde unreachable before any token: the token exchange says it could not connect', async ({ page, request }) => {
  const name = uniqueName('Nobody home');
  const port = await closedPort();
  await createEnvironment(request, { name, businessDomain: `http://127.0.0.1:${port}`, clientId: 'x', clientSecret: 'y' });
  await openApp(page);
  await chooseEnvironment(page, name);
  await page.getByRole('button', { name: 'Send' }).click();
  const error = responseRegion(page).getByRole('alert');
  await expect(error).toContainText('Could not get an access token from Kinde');
  await expect(error).toContainText(`Could not reach Kinde's token endpoint http://127.0.0.1:${port}/oauth2/token`);
  await expect(error).toContainText('Check business_domain');
});

test('Kinde goes down after the token was issued: upstream_unreachable in words', async ({ page, request }) => {
  const sandbox = await startExtraSandbox({ clientId: 'down_client', clientSecret: 'down_secret' });
  const name = uniqueName('Goes down');
  await createEnvironment(request, { name, businessDomain: sandbox.url, clientId: 'down_client', clientSecret: 'down_secret' });
  await openApp(page);
  await chooseEnvironment(page, name);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseRegion(page).getByLabel(/^Status 200/)).toBeVisible();

  await sandbox.close();
  await page.getByRole('button', { name: 'Send' }).click();
  const error = responseRegion(page).getByRole('alert');
  await expect(error).toContainText('Could not reach the Kinde domain');
  await expect(error).toContainText('upstream_unreachable');
  await screenshot(page, 'error-upstream-unreachable');
});
