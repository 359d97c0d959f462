import { readFileSync } from 'node:fs';
import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { test, expect, chooseEnvironment, openApp, urlField } from '../../support/fixtures.ts';
import { collectionsSection, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, shoot, treeItem } from '../collections/collections-helpers.ts';

test.describe('import', () => {
  let envName: string;
  test.beforeEach(async ({ page, request }) => {
    envName = uniqueName('Import');
    await createEnvironment(request, { name: envName, businessDomain: sharedSandboxUrl(), clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET });
    await openApp(page);
    await chooseEnvironment(page, envName);
    await collectionsSection(page).getByRole('button', { name: 'Import' }).click();
  });

  test('a pasted cURL command from Kinde’s docs opens as a new tab, its token left out', async ({ page }) => {
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog
      .getByLabel('Or paste the document')
      .fill("curl --request GET \\\n  --url https://myapp.kinde.com/api/v1/users \\\n  --header 'accept: application/json' \\\n  --header 'authorization: Bearer eyJhbGciOi.abc.def'");
    await expect(dialog).toContainText('Opens as a new request tab.');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('dialog', { name: 'Import finished' });
    const kept = done.getByRole('region', { name: 'Kept with changes' });
    await expect(kept).toContainText("URL origin 'https://myapp.kinde.com' → {{business_domain}}");
    await expect(kept).toContainText('Authorization: Bearer token → Kinde M2M token of the environment');
    await done.getByRole('button', { name: 'Done' }).click();
    await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users');
    await page.getByRole('tab', { name: /^Headers/ }).click();
    await expect(page.getByRole('table', { name: 'Headers' }).getByRole('combobox', { name: 'Key of authorization' })).toHaveCount(0);
  });

  test('the Kinde OpenAPI spec becomes one collection with a folder per tag', async ({ page }) => {
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('File').setInputFiles(process.env.KINDE_SPEC!);
    await expect(dialog).toContainText(/kinde-mgmt-api-specs\.yaml · [\d.]+ KB loaded/);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('dialog', { name: 'Import finished' }).getByRole('region', { name: 'Import report' });
    await expect(report).toContainText(/Created collection “.+” with \d+ folders and 183 requests/);
    await page.getByRole('dialog', { name: 'Import finished' }).getByRole('button', { name: 'Done' }).click();
    await expect(treeItem(page, 'Users')).toBeVisible();
  });

  test('a document it cannot read says why and keeps what was pasted', async ({ page }) => {
    const dialog = page.getByRole('dialog', { name: 'Import' });
    const text = '{ "swagger": "2.0", "info": { "title": "old" } }';
    await dialog.getByLabel('Or paste the document').fill(text);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('this is Swagger 2.0: convert it to OpenAPI 3 first');
    await expect(dialog.getByLabel('Or paste the document')).toHaveValue(text);
    await shoot(page, 'import-error');

    // Choosing a format that does not fit is an error too, not a silent empty import.
    await dialog.getByLabel('Or paste the document').fill(readFileSync(process.env.KINDE_SPEC!, 'utf8').slice(0, 2000));
    await dialog.getByLabel('Format').selectOption({ label: 'Postman collection (v2.1)' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('not valid JSON');
  });
});
