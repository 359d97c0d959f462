import { test, expect, openApp, responseStatus } from '../../support/fixtures.ts';
import { catalogSearch, openFromCatalog, shotPath } from './catalog-helpers.ts';

// Screenshots of the catalog views in both themes at 1440×900, to look at after a change.
for (const theme of ['light', 'dark'] as const) {
  test(`catalog views in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openApp(page);
    await expect(catalogSearch(page)).toBeEnabled();
    await page.screenshot({ path: shotPath(`browse-${theme}`) });

    await openFromCatalog(page, 'get users', 'GET Get users');
    await page.getByRole('region', { name: 'Documented query parameters' }).getByRole('combobox', { name: 'Value of page_size' }).fill('5');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(responseStatus(page)).toHaveText('200 OK');
    await expect(page.getByRole('group', { name: 'Pagination' })).toBeVisible();
    await page.screenshot({ path: shotPath(`get-users-${theme}`) });

    await openFromCatalog(page, 'update organization', /PATCH Update organization$/i);
    await expect(page.getByRole('complementary', { name: 'Operation docs' }).getByRole('heading', { name: /^Update organization$/i })).toBeVisible();
    await page.screenshot({ path: shotPath(`update-organization-${theme}`) });
    await page.getByRole('tab', { name: /^Body/ }).click();
    await expect(page.getByRole('region', { name: 'Request' }).locator('.monaco-editor')).toBeVisible();
    await page.screenshot({ path: shotPath(`update-organization-body-${theme}`) });
  });
}
