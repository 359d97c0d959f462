import { test, expect, openApp, responseRegion, responseStatus, setUrl, copiedResponseBody } from '../../support/fixtures.ts';
import { catalogOptions, catalogSearch, openFromCatalog } from '../catalog/catalog-helpers.ts';
import { shotPath } from './newcomer-helpers.ts';

test.describe('a newcomer sees Demo engage, finds operations, knows what a form misses and gets room for the response', () => {
  test('one click on Demo masks the response already on screen, enlarges the type and says how to leave', async ({ page }) => {
    await openApp(page);
    await setUrl(page, '{{business_domain}}/api/v1/users?page_size=3');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(responseStatus(page)).toHaveText('200 OK');
    const plain = JSON.parse(await copiedResponseBody(page)) as { users: { email: string | null }[] };
    const email = plain.users.find((u) => u.email)!.email!;
    await expect(responseRegion(page)).toContainText(email);
    const sendHeight = () => page.getByRole('button', { name: 'Send' }).evaluate((el) => el.getBoundingClientRect().height);
    const before = await sendHeight();

    await page.getByRole('button', { name: 'Demo', exact: true }).click();
    const on = page.getByRole('button', { name: 'Demo on: click to exit' });
    await expect(on).toHaveAttribute('aria-pressed', 'true');
    await expect(on).toContainText('Exit');
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
    expect(await sendHeight()).toBeGreaterThan(before * 1.15);
    // The answer already shown is masked without sending again.
    await expect(responseRegion(page)).not.toContainText(email);
    await expect(responseRegion(page)).toContainText(`${email.charAt(0)}••••@`);
    await page.screenshot({ path: shotPath('demo-on') });

    await on.click();
    await expect(page.getByRole('button', { name: 'Demo', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await expect(responseRegion(page)).toContainText(email);
  });

  test('"org create" ranks names with both words first; long names show whole on hover; the search clears; the sidebar resizes', async ({ page }) => {
    await openApp(page);
    await catalogSearch(page).fill('org create');
    const names = await catalogOptions(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(names.slice(0, 2)).toEqual(['POST Create organization', 'POST Create organization invite']);
    expect(names.indexOf('POST Enable connection')).toBeGreaterThan(1);

    // A name cut off by the sidebar shows whole while hovered.
    const long = catalogOptions(page).filter({ hasText: 'Add scope to organization user api' });
    await long.hover();
    await expect(page.getByRole('tooltip')).toHaveText('Add scope to organization user api');
    await page.screenshot({ path: shotPath('catalog-hover-full-name') });

    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(catalogSearch(page)).toHaveValue('');
    await expect(catalogSearch(page)).toBeFocused();

    // Drag the sidebar's edge wider; the width is kept after a reload.
    const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
    const handle = page.getByRole('separator', { name: 'Resize sidebar' });
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 150, box.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await sidebar.boundingBox())!.width).toBeGreaterThan(380);
    await catalogSearch(page).fill('org create');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: shotPath('catalog-wide-sidebar') });
    await page.reload();
    await expect.poll(async () => (await sidebar.boundingBox())!.width).toBeGreaterThan(380);
    await handle.focus();
    await page.keyboard.press('Home');
    await expect.poll(async () => Math.round((await sidebar.boundingBox())!.width)).toBe(252);
  });

  test('"Create environment" says next to the name field that the name is missing', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'New environment' }).click();
    const form = page.getByRole('form', { name: 'Environment settings' });
    const create = form.getByRole('button', { name: 'Create environment' });
    await expect(create).toBeDisabled();
    await expect(create).toHaveAccessibleDescription(/Name the environment to create it/);
    await expect(form.getByText('Name the environment to create it')).toBeVisible();
    await page.screenshot({ path: shotPath('environment-name-missing') });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Acme staging');
    await expect(create).toBeEnabled();
    await expect(form.getByText('Name the environment to create it')).toBeHidden();
  });

  test('a short request leaves the response the room; the split is dragged, remembered and fits again on double-click', async ({ page }) => {
    await openApp(page);
    const request = page.getByRole('region', { name: 'Request' });
    const response = page.getByRole('region', { name: 'Response' });
    const height = async (l: typeof request) => (await l.boundingBox())!.height;
    // One-row params table: the response gets well over half of the column.
    expect(await height(response)).toBeGreaterThan((await height(request)) * 1.5);
    await page.screenshot({ path: shotPath('split-fits-short-request') });

    const divider = page.getByRole('separator', { name: 'Resize request and response' });
    const box = (await divider.boundingBox())!;
    await page.mouse.move(box.x + 200, box.y + 3);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 250, { steps: 5 });
    await page.mouse.up();
    await expect(divider).toHaveAttribute('aria-valuenow', /\d+/);
    const dragged = await height(request);
    expect(dragged).toBeGreaterThan(box.y);
    await page.reload();
    await expect.poll(async () => Math.abs((await height(request)) - dragged)).toBeLessThan(4);

    await divider.dblclick();
    await expect(divider).toHaveAttribute('aria-valuetext', 'Fits the request');
  });

  test('docs beside a catalog request open on a wide window and start collapsed on a narrow one', async ({ page }) => {
    await page.setViewportSize({ width: 1180, height: 800 });
    await openApp(page);
    await openFromCatalog(page, 'org create', 'POST Create organization');
    const docs = page.getByRole('complementary', { name: 'Operation docs' });
    await expect(page.getByRole('button', { name: 'Docs', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await expect(docs).toBeHidden();
    await page.screenshot({ path: shotPath('docs-collapsed-narrow') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(docs).toBeVisible();
  });
});
