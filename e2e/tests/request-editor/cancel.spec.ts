import { test, expect, openApp, responseRegion, responseStatus } from '../../support/fixtures.ts';
import { clearSharedFaults, setSharedFaults } from '../../support/sandbox.ts';

test.afterEach(async () => clearSharedFaults());

test('an in-flight request can be cancelled, and sending again works', async ({ page }) => {
  await openApp(page);
  await setSharedFaults({ latencyMs: 20_000, pathPrefix: '/api/v1/users' });
  await page.getByRole('button', { name: 'Send' }).click();
  const response = responseRegion(page);
  await expect(response.getByRole('status').filter({ hasText: 'Sending…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toHaveCount(0);

  // The request editor's Cancel button (the response panel has one too).
  await page.getByRole('region', { name: 'Request' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(response.getByText('Request cancelled')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();

  // Escape cancels too.
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(response.getByRole('status').filter({ hasText: 'Sending…' })).toBeVisible();
  await page.getByRole('combobox', { name: 'URL' }).focus();
  await page.keyboard.press('Escape');
  await expect(response.getByText('Request cancelled')).toBeVisible();

  await clearSharedFaults();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');
});
