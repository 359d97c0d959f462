import { test, expect, openApp, responseRegion, responseStatus, copiedResponseBody, urlField } from '../../support/fixtures.ts';
import { clearSharedFaults, setSharedFaults } from '../../support/sandbox.ts';
import { openFromCatalog, shotPath } from './catalog-helpers.ts';

test.describe('catalog: paging through Get users', () => {
  test.afterEach(async () => clearSharedFaults());

  test('sets page_size in the parameter form, sends, and follows “Next page”', async ({ page }) => {
    await openApp(page);
    await openFromCatalog(page, 'get users', 'GET Get users');
    await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users');

    // The documented query parameters, with types and descriptions; typing a value switches it on.
    const params = page.getByRole('region', { name: 'Documented query parameters' });
    await expect(params).toContainText('page_size');
    await expect(params).toContainText('integer');
    await params.getByRole('combobox', { name: 'Value of page_size' }).fill('5');
    await expect(params.getByRole('checkbox', { name: 'Send page_size' })).toBeChecked();
    await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users?page_size=5');

    await page.getByRole('button', { name: 'Send' }).click();
    await expect(responseStatus(page)).toHaveText('200 OK');
    const first = JSON.parse(await copiedResponseBody(page));
    expect(first.users).toHaveLength(5);
    expect(first.next_token).toBeTruthy();

    const pagination = responseRegion(page).getByRole('group', { name: 'Pagination' });
    await pagination.getByRole('button', { name: 'Next page' }).click();
    await expect(urlField(page)).toHaveValue(`{{business_domain}}/api/v1/users?page_size=5&next_token=${first.next_token}`);
    await expect(page.getByLabel('Response summary')).toContainText(`next_token=${first.next_token}`);
    const second = JSON.parse(await copiedResponseBody(page));
    expect(second.users).toHaveLength(5);
    expect(second.users[0].id).not.toBe(first.users[0].id);
    await page.screenshot({ path: shotPath('get-users-next-page') });

    // Fetch all pages merges every page's users.
    await pagination.getByRole('button', { name: 'Fetch all pages' }).click();
    const done = pagination.getByRole('status', { name: 'All pages' });
    await expect(done).toHaveText(/^All \d+ users from \d+ pages$/);
    const [, total, pages] = /All (\d+) users from (\d+) pages/.exec((await done.textContent())!)!;
    expect(Number(pages)).toBe(Math.ceil(Number(total) / 5));
    await pagination.getByRole('button', { name: 'View merged list' }).click();
    const dialog = page.getByRole('dialog', { name: `${total} users from ${pages} pages` });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('.view-lines')).toContainText('"users": [');
    await page.screenshot({ path: shotPath('get-users-merged') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  test('“Fetch all pages” shows progress and stops when asked', async ({ page }) => {
    await openApp(page);
    await openFromCatalog(page, 'get users', 'GET Get users');
    await page.getByRole('region', { name: 'Documented query parameters' }).getByRole('combobox', { name: 'Value of page_size' }).fill('2');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(responseStatus(page)).toHaveText('200 OK');

    await setSharedFaults({ latencyMs: 400 });
    const pagination = responseRegion(page).getByRole('group', { name: 'Pagination' });
    await pagination.getByRole('button', { name: 'Fetch all pages' }).click();
    await expect(pagination.getByRole('status', { name: 'Fetching all pages' })).toHaveText(/Page [2-9]… [1-9]\d* users so far/);
    await pagination.getByRole('button', { name: 'Stop' }).click();
    await expect(pagination.getByRole('status', { name: 'All pages' })).toHaveText(/^Stopped: \d+ users from \d+ pages$/);
    await expect(pagination.getByRole('button', { name: 'Fetch all pages' })).toBeEnabled();
  });
});
