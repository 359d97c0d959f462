import { readFile } from 'node:fs/promises';
import { postmanValidator } from '../../../packages/core/src/io/__fixtures__/postman-schema.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { test, expect, openApp, responseStatus, copiedResponseBody, urlField } from '../../support/fixtures.ts';
import {
  collectionsSection,
  expand,
  fixturePath,
  runTreeAction,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  shoot,
  toast,
  treeItem,
} from './collections-helpers.ts';

const ENV_NAME = 'Kinde (example business)';

// The done-criterion: a Postman collection and environment set up as Kinde's Postman guide
// describes, imported, sent through the sandbox, changed and saved, reloaded, exported and valid.
test('import the Kinde Postman guide collection and environment, send, save, reload, export', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const section = collectionsSection(page);

  // 1. The environment file, as Postman's own import does: a new environment.
  await section.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('File').setInputFiles(fixturePath('kinde-environment.postman.json'));
  await expect(dialog.getByLabel('Format')).toContainText('Detect automatically (Postman environment)');
  await expect(dialog.getByRole('radio', { name: 'As a new environment' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const done = page.getByRole('dialog', { name: 'Import finished' });
  await expect(done.getByRole('region', { name: 'Import report' })).toContainText(`Created environment “${ENV_NAME}” with 5 variables (1 secret).`);
  await shoot(page, 'import-environment-report');
  await done.getByRole('button', { name: `Use ${ENV_NAME}` }).click();
  await expect(page.getByRole('combobox', { name: 'Environment' }).locator('option:checked')).toHaveText(ENV_NAME);
  await expect(section).toContainText(`No collections in ${ENV_NAME} yet`);

  // 2. Point it at the sandbox: merge a pasted Postman environment with the sandbox's values.
  await section.getByRole('button', { name: 'Import' }).click();
  await dialog.getByLabel('Or paste the document').fill(
    JSON.stringify({
      name: 'sandbox values',
      values: [
        { key: 'business_domain', value: sharedSandboxUrl(), type: 'default', enabled: true },
        { key: 'client_id', value: SANDBOX_CLIENT_ID, type: 'default', enabled: true },
        { key: 'client_secret', value: SANDBOX_CLIENT_SECRET, type: 'secret', enabled: true },
      ],
    }),
  );
  await dialog.getByRole('radio', { name: `Merge into ${ENV_NAME}` }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(done).toContainText(`Merged 3 variables (1 secret) into “${ENV_NAME}”.`);
  await done.getByRole('button', { name: 'Done' }).click();

  // 3. The collection file: a new collection in this environment, with its report.
  await section.getByRole('button', { name: 'Import' }).click();
  await dialog.getByLabel('File').setInputFiles(fixturePath('kinde-collection.postman.json'));
  await expect(dialog).toContainText(`Into ${ENV_NAME}, as a new collection.`);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = done.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Created collection “Kinde” with 3 folders and 6 requests');
  // Every change on the way in is listed, and what could not be mapped has its own list.
  await expect(report.getByRole('region', { name: 'Kept with changes' })).toContainText('OAuth 2.0 client credentials → Kinde M2M token of the environment');
  await expect(report.getByRole('region', { name: 'Not mapped' })).toContainText(/Could not be mapped \(\d+\)/);
  await shoot(page, 'import-collection-report');
  await done.getByRole('button', { name: 'Done' }).click();

  // 4. Send its requests through the sandbox.
  await expect(treeItem(page, 'Kinde')).toHaveAttribute('aria-expanded', 'true');
  await expand(page, 'Users');
  await treeItem(page, 'GET List users').click();
  await expect(page.getByRole('tab', { name: /List users/ })).toHaveAttribute('aria-selected', 'true');
  await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users?page_size=10');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');
  expect(JSON.parse(await copiedResponseBody(page)).users.length).toBeGreaterThan(3);

  await expand(page, 'Organizations');
  await treeItem(page, 'POST Create organization').click();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');

  // {{page_size}} is a collection variable (the environment has none): it resolves as in Postman.
  await treeItem(page, 'GET List organizations').click();
  await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/organizations?page_size={{page_size}}&sort=name_asc');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');
  expect(JSON.parse(await copiedResponseBody(page)).organizations.length).toBeGreaterThan(0);

  // 5. Change List users and save it with Ctrl+S: the tab's dot comes and goes.
  await treeItem(page, 'GET List users').click();
  const listTab = page.getByRole('tab', { name: /List users/ });
  await urlField(page).fill('{{business_domain}}/api/v1/users?page_size=3');
  await expect(listTab.getByRole('img', { name: 'unsaved changes' })).toBeVisible();
  await shoot(page, 'unsaved-tab');
  await page.keyboard.press('Control+s');
  await expect(toast(page)).toContainText('Saved “List users”.');
  await expect(listTab.getByRole('img', { name: 'unsaved changes' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');
  expect(JSON.parse(await copiedResponseBody(page)).users).toHaveLength(3);

  // 6. Reload: the change is on the server, not only in the browser.
  await page.reload();
  await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users?page_size=3');
  await expect(page.getByRole('tab', { name: /List users/ }).getByRole('img', { name: 'unsaved changes' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Close .*List users/ }).click();
  await treeItem(page, 'GET List users').click();
  await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users?page_size=3');
  await shoot(page, 'collection-tree');

  // 7. Export: Postman Collection v2.1 that validates against Postman's schema, the change in it, no secret.
  const [download] = await Promise.all([page.waitForEvent('download'), runTreeAction(page, 'Kinde', 'Export (Postman v2.1 JSON)')]);
  expect(download.suggestedFilename()).toBe('Kinde.postman_collection.json');
  const text = await readFile((await download.path())!, 'utf8');
  const exported = JSON.parse(text);
  const validate = postmanValidator();
  expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  expect(exported.item[0].item[0]).toMatchObject({ name: 'List users', request: { url: { raw: '{{business_domain}}/api/v1/users?page_size=3' } } });
  expect(text).not.toContain(SANDBOX_CLIENT_SECRET);

  // The environment export leaves secrets out, and the UI says so.
  await section.getByRole('button', { name: 'More collection actions' }).click();
  const [envDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Export environment (Postman JSON, no secrets)' }).click(),
  ]);
  await expect(toast(page)).toContainText('Secret values (client_secret …) are left empty');
  const envText = await readFile((await envDownload.path())!, 'utf8');
  expect(envText).not.toContain(SANDBOX_CLIENT_SECRET);
  expect(JSON.parse(envText).values).toContainEqual(expect.objectContaining({ key: 'client_secret', value: '', type: 'secret' }));
});
