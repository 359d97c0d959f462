import { test, expect, openApp, urlField } from '../../support/fixtures.ts';
import { catalogOptions, catalogSearch, openFromCatalog, shotPath } from './catalog-helpers.ts';

test.describe('catalog: search, keyboard, docs and the schema-aware body', () => {
  test('searches instantly and is driven from the keyboard', async ({ page }) => {
    await openApp(page);
    const listbox = page.getByRole('listbox', { name: 'Operations' });
    // Browsing: grouped by tag with method badges.
    await expect(listbox).toContainText('API Keys');
    await expect(catalogSearch(page)).toHaveAttribute('placeholder', 'Search 183 operations');

    await catalogSearch(page).click();
    await page.keyboard.type('role perm', { delay: 30 });
    await expect(catalogOptions(page).first()).toHaveAccessibleName(/Get role permissions/i);
    await page.keyboard.press('ArrowDown');
    await expect(catalogOptions(page).nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(catalogSearch(page)).toHaveAttribute('aria-activedescendant', (await catalogOptions(page).nth(1).getAttribute('id'))!);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Escape');
    await expect(catalogSearch(page)).toHaveValue('');

    // Each keystroke's search is measured in the browser (performance measures).
    await catalogSearch(page).pressSequentially('organization create', { delay: 20 });
    const timings = await page.evaluate(() =>
      performance.getEntriesByName('catalog-search').map((e) => ({ ms: e.duration, detail: (e as PerformanceMeasure).detail })),
    );
    const keystrokes = await page.evaluate(() => performance.getEntriesByName('catalog-keystroke').map((e) => e.duration));
    const searches = timings.filter((t) => t.detail.operations === 183);
    expect(searches.length).toBeGreaterThanOrEqual(19);
    const sorted = searches.map((t) => t.ms).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted[sorted.length - 1]!;
    const keyMedian = [...keystrokes].sort((a, b) => a - b)[Math.floor(keystrokes.length / 2)]!;
    console.log(`catalog search in Chromium over 183 operations: median ${median.toFixed(3)} ms, max ${max.toFixed(3)} ms per keystroke (${searches.length} searches); keystroke to screen median ${keyMedian.toFixed(1)} ms`);
    // The aim is ≤ 2 ms on an idle machine; the assertion allows for a loaded CI box, but a search
    // must never cost a frame.
    expect(median).toBeLessThanOrEqual(16);
    await expect(catalogOptions(page).first()).toHaveAccessibleName('POST Create organization');

    // Typos are forgiven; nothing found says so.
    await catalogSearch(page).fill('orgnization create');
    await expect(catalogOptions(page).first()).toHaveAccessibleName('POST Create organization');
    await catalogSearch(page).fill('zzzz');
    await expect(page.getByText('No operation matches “zzzz”')).toBeVisible();
  });

  test('fills path parameters from the form and shows the docs beside the builder', async ({ page }) => {
    await openApp(page);
    await openFromCatalog(page, 'get organization users', /GET (Get|List) organization users/);
    await expect(urlField(page)).toHaveValue(/^\{\{business_domain\}\}\/api\/v1\/organizations\/\{org_code\}\/users/);
    await expect(page.getByRole('note')).toContainText('Fill the path parameter org_code before sending.');

    const pathForm = page.getByRole('region', { name: 'Path parameters' });
    await expect(pathForm.getByText('required')).toBeAttached();
    await pathForm.getByRole('combobox', { name: 'Path parameter org_code' }).fill('org_123');
    await expect(pathForm.getByLabel('URL with path parameters')).toContainText('/api/v1/organizations/org_123/users');
    await expect(page.getByRole('note')).toHaveCount(0);

    const docs = page.getByRole('complementary', { name: 'Operation docs' });
    await expect(docs.getByRole('heading', { name: /organization users/i })).toBeVisible();
    await expect(docs.getByRole('region', { name: 'Required scope' })).toContainText('read:organization_users');
    await expect(docs.getByRole('region', { name: 'Parameters' })).toContainText('org_code');
    await expect(docs.getByRole('list', { name: 'Schema of 200' })).toContainText('organization_users');
    // Spec markdown is rendered, never as raw HTML tags, and no script survives.
    await expect(docs).not.toContainText('<p>');
    expect(await docs.locator('script, [onerror], [onclick]').count()).toBe(0);
    await page.screenshot({ path: shotPath('path-params-and-docs') });

    // The Docs toggle hides and shows the panel; the choice is remembered.
    await page.getByRole('button', { name: 'Docs', exact: true }).click();
    await expect(docs).toBeHidden();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Docs', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('button', { name: 'Docs', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Operation docs' })).toBeVisible();
  });

  test('the JSON body editor validates against the operation schema and completes its properties', async ({ page }) => {
    await openApp(page);
    await openFromCatalog(page, 'org create', 'POST Create organization');
    await page.getByRole('tab', { name: /^Body/ }).click();
    const editor = page.getByRole('region', { name: 'Request' }).locator('.monaco-editor').first();
    await expect(editor).toContainText('"name": "Acme Corp"');

    // A wrong type is flagged inline.
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{"name": 42, ');
    await expect(editor.locator('.squiggly-warning, .squiggly-error').first()).toBeVisible();

    // Property names of the schema are offered.
    await page.keyboard.type('"is_auto');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget');
    await expect(suggest).toContainText('is_auto_membership_enabled');
    await page.screenshot({ path: shotPath('body-schema-completion') });
    await page.keyboard.press('Escape');

    // Hovering a property shows its description from the spec.
    await editor.getByText('"name"').first().hover();
    await expect(page.locator('.monaco-hover').first()).toContainText("The organization's name.");
  });
});
