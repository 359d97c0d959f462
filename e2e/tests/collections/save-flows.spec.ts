import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { test, expect, chooseEnvironment, openApp, setUrl, urlField } from '../../support/fixtures.ts';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, shoot, toast, treeItem } from './collections-helpers.ts';

type Saved = { id: string; collectionId: string; updatedAt: string; request: { url: string; headers?: { key: string }[] } };

async function savedRequests(request: import('@playwright/test').APIRequestContext, envId: string) {
  const res = await request.get(`/api/environments/${envId}/collections`);
  return ((await res.json()) as { collections: { id: string; name: string; items: { id: string; name: string }[] }[] }).collections;
}

test.describe('saving tabs', () => {
  let envName: string;
  let envId: string;
  test.beforeEach(async ({ request }) => {
    envName = uniqueName('Save');
    envId = await createEnvironment(request, { name: envName, businessDomain: sharedSandboxUrl(), clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET });
  });

  test('Ctrl+S on a new tab asks where to save it; later saves update it', async ({ page, request }) => {
    await openApp(page);
    await chooseEnvironment(page, envName);
    await page.getByRole('button', { name: 'New request' }).first().click();
    await setUrl(page, '{{business_domain}}/api/v1/organizations?page_size=5');
    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await expect(dialog.getByLabel('Collection', { exact: true })).toHaveValue('__new__');
    await dialog.getByLabel('Name', { exact: true }).fill('Some organizations');
    await dialog.getByLabel('New collection name').fill('Scratch');
    await shoot(page, 'save-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(toast(page)).toContainText('Saved “Some organizations”.');
    await expect(treeItem(page, 'GET Some organizations')).toHaveAttribute('aria-selected', 'true');
    const tab = page.getByRole('tab', { name: /Some organizations/ });
    await expect(tab).toHaveAttribute('aria-selected', 'true');

    // A second save goes straight to the server (no dialog).
    await setUrl(page, '{{business_domain}}/api/v1/organizations?page_size=7');
    await expect(tab.getByRole('img', { name: 'unsaved changes' })).toBeVisible();
    await page.getByRole('button', { name: 'Save changes to Some organizations' }).click();
    await expect(tab.getByRole('img', { name: 'unsaved changes' })).toHaveCount(0);
    const [scratch] = await savedRequests(request, envId);
    expect(scratch).toMatchObject({ name: 'Scratch', items: [{ name: 'Some organizations' }] });
    const stored = (await (await request.get(`/api/collections/${scratch!.id}/requests/${scratch!.items[0]!.id}`)).json()) as Saved;
    expect(stored.request.url).toBe('{{business_domain}}/api/v1/organizations?page_size=7');

    // A pasted token is not stored: the server says so and the tab shows what was saved.
    await page.getByRole('tab', { name: /^Headers/ }).click();
    const headers = page.getByRole('table', { name: 'Headers' });
    await headers.getByRole('combobox', { name: 'Key of new header' }).fill('Authorization');
    await headers.getByRole('combobox', { name: 'Value of Authorization' }).fill('Bearer abc.def.ghi');
    await page.keyboard.press('Control+s');
    await expect(toast(page)).toContainText('The Authorization: Bearer header was not saved');
    await expect(headers.getByRole('combobox', { name: 'Value of Authorization' })).toHaveCount(0);
    await expect(tab.getByRole('img', { name: 'unsaved changes' })).toHaveCount(0);

    // Closing a tab with unsaved changes offers them back.
    await setUrl(page, '{{business_domain}}/api/v1/organizations?page_size=9');
    await page.getByRole('button', { name: 'Close GET Some organizations' }).click();
    await expect(tab).toHaveCount(0);
    await expect(toast(page)).toContainText('Closed “Some organizations” with unsaved changes.');
    await toast(page).getByRole('button', { name: 'Reopen' }).click();
    await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/organizations?page_size=9');
    await expect(tab.getByRole('img', { name: 'unsaved changes' })).toBeVisible();
  });

  test('a newer save elsewhere asks before overwriting; a failed save keeps the draft', async ({ page, request }) => {
    const created = await request.post(`/api/environments/${envId}/collections`, { data: { name: 'Shared' } });
    const collectionId = ((await created.json()) as { id: string }).id;
    const saved = (await (
      await request.post(`/api/collections/${collectionId}/requests`, {
        data: { name: 'Roles', request: { method: 'GET', url: '{{business_domain}}/api/v1/roles', auth: 'kinde-m2m' } },
      })
    ).json()) as Saved;
    const putElsewhere = (url: string) =>
      request.put(`/api/collections/${collectionId}/requests/${saved.id}`, { data: { name: 'Roles', request: { method: 'GET', url, auth: 'kinde-m2m' } } });

    await openApp(page);
    await chooseEnvironment(page, envName);
    await treeItem(page, 'Shared').click();
    await treeItem(page, 'GET Roles').click();
    await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/roles');

    // A teammate saves meanwhile; this tab's save must not silently replace it.
    expect((await putElsewhere('{{business_domain}}/api/v1/roles?page_size=1')).status()).toBe(200);
    await setUrl(page, '{{business_domain}}/api/v1/roles?page_size=50');
    await page.keyboard.press('Control+s');
    const conflict = page.getByRole('dialog', { name: 'Saved elsewhere since you opened it' });
    await expect(conflict).toBeVisible();
    await shoot(page, 'save-conflict');
    await conflict.getByRole('button', { name: 'Overwrite' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(toast(page)).toContainText('Saved “Roles”.');
    let stored = (await (await request.get(`/api/collections/${collectionId}/requests/${saved.id}`)).json()) as Saved;
    expect(stored.request.url).toBe('{{business_domain}}/api/v1/roles?page_size=50');

    // Again, and this time take the other version.
    expect((await putElsewhere('{{business_domain}}/api/v1/roles?page_size=2')).status()).toBe(200);
    await setUrl(page, '{{business_domain}}/api/v1/roles?page_size=60');
    await page.keyboard.press('Control+s');
    await conflict.getByRole('button', { name: 'Load saved version' }).click();
    await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/roles?page_size=2');

    // A save the server refuses (no URL) says why and leaves the edit in the tab.
    await setUrl(page, ' ');
    await page.keyboard.press('Control+s');
    await expect(toast(page)).toContainText('Your changes are still in this tab.');
    await expect(urlField(page)).toHaveValue(' ');

    // Deleted elsewhere: offer to save it as a new request.
    await setUrl(page, '{{business_domain}}/api/v1/roles?page_size=9');
    expect((await request.delete(`/api/collections/${collectionId}/requests/${saved.id}`)).status()).toBe(200);
    await page.keyboard.press('Control+s');
    const gone = page.getByRole('dialog', { name: 'The saved request is gone' });
    await gone.getByRole('button', { name: 'Save as new…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await dialog.getByLabel('Name', { exact: true }).fill('Roles again');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(treeItem(page, 'GET Roles again')).toBeVisible();
    const [shared] = await savedRequests(request, envId);
    stored = (await (await request.get(`/api/collections/${collectionId}/requests/${shared!.items[0]!.id}`)).json()) as Saved;
    expect(stored.request.url).toBe('{{business_domain}}/api/v1/roles?page_size=9');
  });
});
