import { test, expect, openApp, responseRegion, responseStatus, copiedResponseBody } from '../../support/fixtures.ts';
import { catalogOptions, catalogSearch, openFromCatalog, shotPath } from './catalog-helpers.ts';

test.describe('catalog: a new user creates an organization', () => {
  test('finds “Create organization” by typing “org create”, fills the body, sees the scope check and sends it', async ({ page }) => {
    await openApp(page);
    await expect(catalogSearch(page)).toBeEnabled();

    // "/" focuses the search from anywhere outside a text field.
    await page.getByRole('tab', { name: /GET \/users/ }).click();
    await page.keyboard.press('/');
    await expect(catalogSearch(page)).toBeFocused();
    await page.keyboard.type('org create');
    await expect(catalogOptions(page).first()).toHaveAccessibleName('POST Create organization');
    await expect(catalogOptions(page).first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');

    // A prefilled tab: method, business domain + path, and the operation it calls.
    await expect(page.getByRole('tab', { name: /^POST Create organization$/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('POST');
    await expect(page.getByRole('combobox', { name: 'URL' })).toHaveValue('{{business_domain}}/api/v1/organization');
    const bar = page.getByLabel('Operation', { exact: true });
    await expect(bar.getByRole('heading', { name: 'Create organization' })).toBeVisible();

    // The scope check: the sandbox's M2M app was granted every scope.
    await expect(bar.getByRole('status', { name: 'Scope create:organizations: granted' })).toBeVisible();

    // Docs beside the builder name the scope too.
    const docs = page.getByRole('complementary', { name: 'Operation docs' });
    await expect(docs.getByRole('region', { name: 'Required scope' })).toContainText('create:organizations');
    await expect(docs.getByRole('list', { name: 'Request body schema' })).toContainText('name');

    // The body skeleton has the required name; fill it in the JSON editor.
    await page.getByRole('tab', { name: /^Body/ }).click();
    const editor = page.getByRole('region', { name: 'Request' }).locator('.monaco-editor').first();
    await expect(editor).toContainText('"name": "Acme Corp"');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('{"name": "Acme Robotics", "handle": "acme_robotics"', { delay: 0 });
    // Monaco closes brackets itself; remove whatever it added after the cursor.
    await page.keyboard.press('Shift+ControlOrMeta+End');
    await page.keyboard.press('Delete');
    await page.keyboard.type('}');
    await page.screenshot({ path: shotPath('create-organization-body'), fullPage: false });

    await page.getByRole('button', { name: 'Send' }).click();
    await expect(responseStatus(page)).toHaveText(/^20[01]/);
    const body = JSON.parse(await copiedResponseBody(page));
    expect(body.organization?.code ?? body.code).toBeTruthy();
    await expect(responseRegion(page)).not.toContainText('Missing scope');
    await page.screenshot({ path: shotPath('create-organization-sent') });
  });
});
