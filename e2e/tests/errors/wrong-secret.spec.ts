import { test, expect, screenshot, openApp, chooseEnvironment, responseRegion } from '../../support/fixtures.ts';
import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';

test('a wrong client secret shows Kinde’s invalid_client and what to check', async ({ page, request }) => {
  const name = uniqueName('Wrong secret');
  await createEnvironment(request, {
    name,
    businessDomain: sharedSandboxUrl(),
    clientId: 'sandbox_m2m_client',
    clientSecret: 'not-the-secret',
  });
  await openApp(page);
  await chooseEnvironment(page, name);

  // From the environment's token panel…
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const token = page.getByRole('complementary', { name: 'Access token' });
  await token.getByRole('button', { name: 'Get token', exact: true }).click();
  const alert = token.getByRole('alert');
  await expect(alert).toContainText('Kinde refused the token request');
  await expect(alert).toContainText('invalid_client');
  await expect(alert).toContainText(/Check the client ID and (client )?secret/);
  await screenshot(page, 'error-wrong-secret-token-panel');

  // …and when sending a request.
  await page.getByRole('tab', { name: /GET \/users/ }).click();
  await page.getByRole('button', { name: 'Send' }).click();
  const error = responseRegion(page).getByRole('alert');
  await expect(error).toContainText('Could not get an access token from Kinde');
  await expect(error).toContainText('invalid_client');
  await expect(error).toContainText(/Check the client ID and (client )?secret/);
});
