import { readFile } from 'node:fs/promises';
import { test, expect, copiedResponseBody, openApp, responseBodyLines, responseRegion, responseStatus, setUrl, urlField } from '../../support/fixtures.ts';

test.describe('list users on the Kinde sandbox', () => {
  test('a newcomer sends the ready-made request and reads users', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('combobox', { name: 'Environment' })).toHaveValue(/.+/);
    await expect(page.getByRole('combobox', { name: 'Environment' }).locator('option:checked')).toHaveText('Kinde sandbox');
    await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users');

    await page.getByRole('button', { name: 'Send' }).click();

    await expect(responseStatus(page)).toHaveText('200 OK');
    const summary = page.getByLabel('Response summary');
    await expect(summary).toContainText(/token \d+ ms/);
    await expect(summary).toContainText(/upstream \d+ ms/);
    await expect(summary).toContainText(/Size\s*[\d.]+ KB/);
    await expect(responseBodyLines(page)).toContainText('"users": [');
    await expect(responseBodyLines(page)).toContainText('@example.com');
  });

  test('Ctrl+Enter sends from the keyboard and the query table follows the URL', async ({ page }) => {
    await openApp(page);
    await urlField(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type('?page_size=2');
    const params = page.getByRole('table', { name: 'Query parameters' });
    await expect(params.getByRole('combobox', { name: 'Key of page_size' })).toHaveValue('page_size');
    await expect(params.getByRole('combobox', { name: 'Value of page_size' })).toHaveValue('2');

    // Editing the table rewrites the URL.
    await params.getByRole('combobox', { name: 'Value of page_size' }).fill('3');
    await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users?page_size=3');
    await params.getByRole('checkbox', { name: 'Enable page_size' }).uncheck();
    await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users');
    await params.getByRole('checkbox', { name: 'Enable page_size' }).check();

    await page.keyboard.press('Control+Enter');
    await expect(responseStatus(page)).toHaveText('200 OK');
    await expect(page.getByLabel('Response summary')).toContainText('page_size=3');
    const body = JSON.parse(await copiedResponseBody(page));
    expect(body.users).toHaveLength(3);
    expect(body.next_token).toBeTruthy();
  });

  test('the draft survives a reload', async ({ page }) => {
    await openApp(page);
    await setUrl(page, '{{business_domain}}/api/v1/organizations?page_size=5');
    await page.getByRole('combobox', { name: 'Method' }).selectOption('POST');
    await page.reload();
    await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/organizations?page_size=5');
    await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('POST');
    await expect(page.getByRole('tab', { name: /POST \/organizations/ })).toBeVisible();
  });

  test('headers, raw view, copy and save to file', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(responseStatus(page)).toHaveText('200 OK');
    const response = responseRegion(page);

    await response.getByRole('tab', { name: /Headers/ }).click();
    await expect(response.getByRole('table', { name: 'Response headers' })).toContainText('content-type');

    await response.getByRole('tab', { name: 'Raw' }).click();
    await expect(response.locator('.view-lines')).toContainText('{"code":"OK"');

    await response.getByRole('tab', { name: 'Pretty' }).click();
    await response.getByRole('button', { name: 'Copy' }).click();
    await expect(response.getByRole('button', { name: 'Copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied).users.length).toBeGreaterThan(0);
    expect(copied).toContain('\n  "users": [');

    const [download] = await Promise.all([page.waitForEvent('download'), response.getByRole('button', { name: 'Save to file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kinde-response-200-.*\.json$/);
    const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(saved.users.length).toBeGreaterThan(0);
  });

  test('typing {{ offers the environment variables', async ({ page }) => {
    await openApp(page);
    await urlField(page).fill('');
    await urlField(page).pressSequentially('{{busi');
    const list = page.getByRole('listbox', { name: 'Variables' });
    await expect(list.getByRole('option', { name: /business_domain/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(urlField(page)).toHaveValue('{{business_domain}}');
  });
});
