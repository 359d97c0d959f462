import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { test, expect, openApp, chooseEnvironment, responseRegion, screenshot } from '../../support/fixtures.ts';
import { collectionsSection, runTreeAction, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, toast, treeItem, expand } from '../collections/collections-helpers.ts';

/** The runner's Postman fixture: create organization → capture code → add user → list users → delete (6 requests). */
const FIXTURE = resolve(import.meta.dirname, '../../../packages/runner/src/__fixtures__/org-chain.postman_collection.json');
const COLLECTION = 'Organization chain';

function runner(page: import('@playwright/test').Page) {
  return page.getByRole('tabpanel').filter({ has: page.getByRole('heading', { name: /^Run / }) });
}

// The done-criterion in the browser: import a Postman collection with pm tests, run it in
// the Runner view against the sandbox, every test passes; break one assertion, the failure opens
// its request and response; the JUnit export names the failed test.
test('run an imported Postman collection in the Runner view, break an assertion, follow the failure', async ({ page, request }) => {
  test.setTimeout(150_000);
  const envName = uniqueName('Runner');
  await createEnvironment(request, { name: envName, businessDomain: sharedSandboxUrl(), clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET });
  await openApp(page);
  await chooseEnvironment(page, envName);

  // Import the fixture as a new user would: Import → File.
  const section = collectionsSection(page);
  await section.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('File').setInputFiles(FIXTURE);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('dialog', { name: 'Import finished' }).getByRole('button', { name: 'Done' }).click();
  await expect(treeItem(page, COLLECTION)).toBeVisible();

  // Open the Runner from the collection's menu and run it.
  await runTreeAction(page, COLLECTION, 'Run collection…');
  const view = runner(page);
  await expect(view.getByRole('heading', { name: `Run ${COLLECTION}` })).toBeVisible();
  await expect(view.getByLabel('Environment', { exact: true }).locator('option:checked')).toHaveText(envName);
  await view.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = view.getByRole('region', { name: 'Run progress' });
  await expect(progress.getByText('passed', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  await expect(progress).toContainText('6 / 6 requests');
  await expect(progress).toContainText('0 failed');
  const results = view.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('listitem').filter({ has: page.getByLabel('failed', { exact: true }) })).toHaveCount(0);
  await expect(results).toContainText('Create organization');
  await expect(results).toContainText('Delete it');
  await expect(results).toContainText('It is gone');
  await screenshot(page, 'runner-passed');

  // A result shows its response: the created organization's body, its tests and its console.
  await results.getByRole('button', { name: /Create organization/ }).first().click();
  const detail = view.getByRole('region', { name: 'Result of Create organization' });
  await expect(detail).toContainText('200');
  await detail.getByRole('tab', { name: /Console/ }).click();
  await expect(detail).toContainText(/created org_/);

  // Break one assertion in the request's Tests table and save it.
  await expand(page, 'Organizations');
  await treeItem(page, 'POST Create organization').click();
  await page.getByRole('tab', { name: 'Tests' }).click();
  await page.getByRole('button', { name: 'Add assertion' }).click();
  await page.getByLabel('Expected value of assertion 1').fill('201');
  await screenshot(page, 'request-tests-table');
  await page.keyboard.press('Control+s');
  await expect(toast(page)).toContainText('Saved “Create organization”.');

  // A single send runs the tests too: the response viewer's Tests view shows the failure.
  await page.getByRole('button', { name: 'Send' }).click();
  const response = responseRegion(page);
  await response.getByRole('tab', { name: /Tests/ }).click();
  await expect(response.getByRole('list', { name: 'Tests' }).locator('.test-fail')).toHaveCount(1);
  await expect(response.getByRole('list', { name: 'Tests' })).toContainText('201');
  await screenshot(page, 'single-send-tests');

  // Run again: the failure comes first and opens its request and response.
  await page.getByRole('tab', { name: `Runner: ${COLLECTION}` }).click();
  await view.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(progress.getByText('failed', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(progress).toContainText('1 failed');
  const first = results.getByRole('listitem').first();
  await expect(first).toContainText('Create organization');
  await expect(first.getByLabel('failed', { exact: true })).toBeVisible();
  await screenshot(page, 'runner-failed');
  await first.getByRole('list').getByRole('button').first().click();
  await expect(detail.getByRole('list', { name: 'Tests' }).locator('.test-fail')).toContainText('201');
  await detail.getByRole('tab', { name: 'Body' }).click();
  await expect(detail).toContainText('"organization"');
  await screenshot(page, 'runner-failure-detail');
  await detail.getByRole('button', { name: 'Open request' }).click();
  await expect(page.getByRole('tab', { name: /Create organization/, selected: true })).toBeVisible();

  // The JUnit export names the failed test.
  await page.getByRole('tab', { name: `Runner: ${COLLECTION}` }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Export JUnit' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.junit\.xml$/);
  const xml = await readFile((await download.path())!, 'utf8');
  expect(xml).toContain('<failure');
  expect(xml).toContain('Create organization');
  expect(xml).not.toContain(SANDBOX_CLIENT_SECRET);

  // Stop: a long delay between requests holds the run after its first request until Stop.
  await view.getByLabel('Delay (ms)').fill('60000');
  await view.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(progress).toContainText('1 / 6 requests');
  await view.getByRole('button', { name: 'Stop' }).click();
  await expect(progress.getByText('stopped', { exact: true })).toBeVisible();
  await expect(view.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await expect(view.getByRole('region', { name: 'Recent runs' }).getByRole('listitem').first()).toContainText('stopped');
});
