import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { test, expect, chooseEnvironment, openApp, responseStatus, setUrl, urlField, responseBodyLines } from '../../support/fixtures.ts';
import { historySection, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, shoot } from '../collections/collections-helpers.ts';

test('history lists every send of the environment, reopens one with its response, and clears', async ({ page, request }) => {
  const envName = uniqueName('History');
  await createEnvironment(request, { name: envName, businessDomain: sharedSandboxUrl(), clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET });
  await openApp(page);
  await chooseEnvironment(page, envName);
  const history = historySection(page);
  await expect(history).toContainText(`Nothing sent with ${envName} yet.`);

  await setUrl(page, '{{business_domain}}/api/v1/users?page_size=2');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');
  await setUrl(page, '{{business_domain}}/api/v1/organization?code=org_does_not_exist');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).not.toHaveText('200 OK');
  const failedStatus = ((await responseStatus(page).textContent()) ?? '').split(' ')[0]!;

  // Newest first, each with method, operation name, URL, status, time, size and when.
  const list = history.getByRole('list', { name: `History of ${envName}` });
  const items = list.getByRole('button');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveAccessibleName(new RegExp(`^GET Get organization \\(/organization\\?code=org_does_not_exist\\), ${failedStatus}, \\d+ ms · [\\d.]+ (B|KB) · just now$`));
  await expect(items.nth(1)).toHaveAccessibleName(/^GET Get users \(\/users\?page_size=2\), 200, \d+ ms · [\d.]+ (B|KB) · just now$/);
  await shoot(page, 'history');

  // Reopen the first send: a new tab with the request and the stored response.
  await items.nth(1).click();
  await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users?page_size=2');
  await expect(responseStatus(page)).toHaveText('200 OK');
  await expect(responseBodyLines(page)).toContainText('"users": [');
  const openTabs = page.getByRole('tablist', { name: 'Open tabs' }).getByRole('tab');
  await expect(openTabs).toHaveCount(2);
  await expect(openTabs.nth(1)).toHaveAccessibleName(/GET \/users/);
  await expect(openTabs.nth(1)).toHaveAttribute('aria-selected', 'true');

  // Clearing asks first; Cancel keeps everything.
  await history.getByRole('button', { name: 'Clear' }).click();
  const confirm = page.getByRole('dialog', { name: 'Clear history?' });
  await expect(confirm).toContainText(`This deletes 2 entries of ${envName}`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(items).toHaveCount(2);
  await history.getByRole('button', { name: 'Clear' }).click();
  await confirm.getByRole('button', { name: 'Clear history' }).click();
  await expect(history).toContainText(`Nothing sent with ${envName} yet.`);
  expect(((await (await request.get(`/api/environments/${(await environmentId(request, envName))}/history`)).json()) as { entries: unknown[] }).entries).toEqual([]);
});

async function environmentId(request: import('@playwright/test').APIRequestContext, name: string): Promise<string> {
  const res = await request.get('/api/environments');
  const envs = ((await res.json()) as { environments: { id: string; name: string }[] }).environments;
  return envs.find((e) => e.name === name)!.id;
}
