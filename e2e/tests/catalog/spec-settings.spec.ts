import { readFile } from 'node:fs/promises';
import { test, expect, openApp } from '../../support/fixtures.ts';
import { catalogOptions, catalogSearch, shotPath } from './catalog-helpers.ts';

const tinySpec = (description: string) =>
  JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Tiny Kinde', version: '9.9' },
    paths: {
      '/api/v1/ping': {
        get: { operationId: 'ping', summary: 'Ping the tenant', tags: ['Misc'], description, responses: { 200: { description: 'pong' } } },
      },
    },
  });

test.describe('catalog: replacing the spec', () => {
  // Whatever happens, the server gets Kinde's spec back for the other specs.
  test.afterEach(async ({ request }) => {
    const content = await readFile(process.env.KINDE_SPEC!, 'utf8');
    const res = await request.put('/api/spec', { data: { content } });
    expect(res.status()).toBe(200);
  });

  test('a file that is not OpenAPI 3 is refused with a report; a valid one replaces the catalog', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Kinde spec settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kinde spec' });
    await expect(dialog.getByRole('region', { name: 'Loaded spec' })).toContainText('183 operations');

    await dialog.getByLabel('Upload a file').setInputFiles({ name: 'swagger.json', mimeType: 'application/json', buffer: Buffer.from('{"swagger":"2.0","paths":{}}') });
    const report = dialog.getByRole('alert', { name: 'Spec problems' });
    await expect(report).toContainText('swagger.json was not loaded');
    await expect(report).toContainText('this is Swagger 2.0');
    await expect(report).toContainText('The spec in use has not changed.');
    await page.screenshot({ path: shotPath('spec-invalid-report') });

    // A URL that cannot be fetched says why.
    await dialog.getByLabel('Or load from a URL').fill('http://127.0.0.1:9/spec.yaml');
    await dialog.getByRole('button', { name: 'Load', exact: true }).click();
    await expect(report).toContainText('http://127.0.0.1:9/spec.yaml was not loaded');

    // A valid spec (its markdown carrying a script, which must not survive) replaces the catalog.
    const evil = 'Answers **pong**.<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';
    await dialog.getByLabel('Upload a file').setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(tinySpec(evil)) });
    await expect(dialog.getByRole('status').filter({ hasText: 'Loaded 1 operation from tiny.json.' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await expect(catalogSearch(page)).toHaveAttribute('placeholder', 'Search 1 operation');
    await catalogSearch(page).fill('ping');
    await expect(catalogOptions(page)).toHaveCount(1);
    await catalogSearch(page).press('Enter');
    const docs = page.getByRole('complementary', { name: 'Operation docs' });
    await expect(docs.locator('strong', { hasText: 'pong' })).toBeVisible();
    expect(await docs.locator('script, img, [onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
  });
});
