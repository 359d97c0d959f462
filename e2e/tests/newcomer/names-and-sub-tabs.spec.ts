import { test, expect, openApp, responseStatus, setUrl } from '../../support/fixtures.ts';
import { openFromCatalog } from '../catalog/catalog-helpers.ts';
import { historySection } from '../collections/collections-helpers.ts';
import { shotPath } from './newcomer-helpers.ts';

const openTabs = (page: import('@playwright/test').Page) => page.getByRole('tablist', { name: 'Open tabs' }).getByRole('tab');

test.describe('requests are named by what they do, and each tab keeps its own sub-tab', () => {
  test('a catalog request is tabbed, offered for saving and listed in history by its operation', async ({ page }) => {
    await openApp(page);
    await openFromCatalog(page, 'org create', 'POST Create organization');
    const tab = page.getByRole('tab', { name: 'POST Create organization', exact: true });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    // The path stays visible as the tab's second line.
    await expect(tab.locator('.tab-detail')).toHaveText('/organization');

    await page.getByRole('button', { name: 'Send' }).click();
    await expect(responseStatus(page)).toHaveText(/^20[01]/);
    await expect(historySection(page).getByRole('button', { name: /^POST Create organization \(\/organization\), 20[01]/ }).first()).toBeVisible();

    await page.getByRole('button', { name: 'Save request' }).click();
    await expect(page.getByRole('dialog', { name: 'Save request' }).getByLabel('Name', { exact: true })).toHaveValue('Create organization');
    await page.screenshot({ path: shotPath('names-save-dialog') });
    await page.keyboard.press('Escape');
  });

  test('two "GET /users" tabs are told apart by the host that is not the Kinde domain', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'New request' }).click();
    await setUrl(page, 'https://staging-acme.kinde.com/api/v1/users');
    await expect(openTabs(page)).toHaveCount(2);
    await expect(openTabs(page).nth(0)).toHaveAccessibleName('GET /users');
    await expect(openTabs(page).nth(1)).toHaveAccessibleName('GET /users on staging-acme.kinde.com');
    await expect(openTabs(page).nth(1).locator('.tab-detail')).toHaveText('staging-acme.kinde.com');
    await page.locator('.tab-bar').screenshot({ path: shotPath('names-two-users-tabs') });
  });

  test('each tab remembers its sub-tab; a new GET opens on Params', async ({ page }) => {
    await openApp(page);
    const sections = page.getByRole('tablist', { name: 'Request sections' });
    await sections.getByRole('tab', { name: /^Body/ }).click();
    await expect(page.getByText('This request has no body.')).toBeVisible();

    await page.getByRole('button', { name: 'New request' }).click();
    await expect(sections.getByRole('tab', { name: 'Params' })).toHaveAttribute('aria-selected', 'true');
    await sections.getByRole('tab', { name: 'Headers' }).click();

    await openTabs(page).nth(0).click();
    await expect(sections.getByRole('tab', { name: /^Body/ })).toHaveAttribute('aria-selected', 'true');
    await openTabs(page).nth(1).click();
    await expect(sections.getByRole('tab', { name: /^Headers/ })).toHaveAttribute('aria-selected', 'true');

    // And after a reload, still per tab.
    await page.reload();
    await expect(sections.getByRole('tab', { name: /^Headers/ })).toHaveAttribute('aria-selected', 'true');
    await openTabs(page).nth(0).click();
    await expect(sections.getByRole('tab', { name: /^Body/ })).toHaveAttribute('aria-selected', 'true');
  });
});
