import type { APIRequestContext, Page } from '@playwright/test';
import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { test, expect, openApp, chooseEnvironment, responseRegion } from '../../support/fixtures.ts';
import { expand, runTreeAction, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, shoot, toast, treeItem } from './collections-helpers.ts';

const COLLECTION = 'Scripted orgs';
const FOLDER = 'Read';
const TEST_NAME = 'folder script: organizations answer 200';
const FOLDER_TEST = `pm.test("${TEST_NAME}", () => pm.response.to.have.status(200));`;

/** A collection holding a folder holding one saved request, through the server API. */
async function seed(request: APIRequestContext, environmentId: string) {
  const c = await request.post(`/api/environments/${environmentId}/collections`, { data: { name: COLLECTION } });
  const { id } = (await c.json()) as { id: string };
  const f = await request.post(`/api/collections/${id}/folders`, { data: { name: FOLDER } });
  const folder = (await f.json()) as { id: string };
  const r = await request.post(`/api/collections/${id}/requests`, {
    data: { name: 'List organizations', folderId: folder.id, request: { method: 'GET', url: '{{business_domain}}/api/v1/organizations', auth: 'kinde-m2m' } },
  });
  expect(r.status()).toBe(201);
  return { collectionId: id, folderId: folder.id };
}

function scriptsDialog(page: Page) {
  return page.getByRole('dialog', { name: `Scripts of folder “${FOLDER}”` });
}

// A Postman user's path: open a folder's scripts, write a test there, and see it run on a single
// send of a request inside the folder and in a run of the collection.
test('a folder’s test script, written in its Scripts dialog, runs on a send and in the Runner', async ({ page, request }) => {
  test.setTimeout(150_000);
  const envName = uniqueName('Folder scripts');
  const envId = await createEnvironment(request, { name: envName, businessDomain: sharedSandboxUrl(), clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET });
  const { collectionId, folderId } = await seed(request, envId);
  await openApp(page);
  await chooseEnvironment(page, envName);
  await expand(page, COLLECTION);
  await expect(treeItem(page, FOLDER)).toBeVisible();

  // The folder's menu → Scripts…: two editors in tabs, and the order they run in.
  await runTreeAction(page, FOLDER, 'Scripts…');
  const dialog = scriptsDialog(page);
  await expect(dialog).toContainText('Order: collection pre-request → folders’ pre-request (outermost first)');
  await expect(dialog.getByRole('tab', { name: 'Pre-request Script' })).toHaveAttribute('aria-selected', 'true');
  await dialog.getByRole('tab', { name: 'Tests' }).click();
  await dialog.locator('.monaco-editor').click();
  await page.keyboard.insertText(FOLDER_TEST);
  await expect(dialog.getByText('Unsaved changes')).toBeVisible();
  await expect(dialog.getByRole('tab', { name: /Tests/ }).getByLabel('(has a script)')).toBeVisible();
  await shoot(page, 'folder-scripts-dialog');
  await dialog.screenshot({ path: test.info().outputPath('folder-scripts-dialog-close.png') });

  // Closing with changes asks first; keeping them loses nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('Discard your unsaved changes to these scripts?')).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog.locator('.view-lines')).toContainText(TEST_NAME);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page)).toContainText(`Saved the scripts of folder “${FOLDER}”.`);
  // The tree marks the folder; the server has the script.
  await expect(treeItem(page, FOLDER)).toHaveAccessibleDescription('Has a pre-request or test script.');
  await expect(treeItem(page, FOLDER).getByText('JS', { exact: true })).toBeVisible();
  await expect(treeItem(page, COLLECTION)).not.toHaveAttribute('aria-describedby');
  const stored = (await (await request.get(`/api/collections/${collectionId}`)).json()) as { items: { id: string; scripts: unknown }[] };
  expect(stored.items.find((i) => i.id === folderId)?.scripts).toEqual({ test: FOLDER_TEST });

  // A single send of the request inside the folder runs the folder's test.
  await expand(page, FOLDER);
  await treeItem(page, 'GET List organizations').click();
  await expect(page.getByRole('tab', { name: /List organizations/, selected: true })).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();
  const response = responseRegion(page);
  await response.getByRole('tab', { name: /Tests/ }).click();
  const tests = response.getByRole('list', { name: 'Tests' });
  await expect(tests).toContainText(TEST_NAME);
  await expect(tests.locator('.test-fail')).toHaveCount(0);

  // So does a run of the collection in the Runner.
  await runTreeAction(page, COLLECTION, 'Run collection…');
  const view = page.getByRole('tabpanel').filter({ has: page.getByRole('heading', { name: `Run ${COLLECTION}` }) });
  await view.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = view.getByRole('region', { name: 'Run progress' });
  await expect(progress.getByText('passed', { exact: true })).toBeVisible({ timeout: 60_000 });
  await view.getByRole('region', { name: 'Results' }).getByRole('button', { name: /List organizations/ }).first().click();
  const detail = view.getByRole('region', { name: 'Result of List organizations' });
  await detail.getByRole('tab', { name: /Tests/ }).click();
  await expect(detail.getByRole('list', { name: 'Tests' })).toContainText(TEST_NAME);

  // Reopened, the dialog shows what was saved; closing without changes asks nothing.
  await runTreeAction(page, FOLDER, 'Scripts…');
  await dialog.getByRole('tab', { name: /Tests/ }).click();
  await expect(dialog.locator('.view-lines')).toContainText(TEST_NAME);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('a conflicting change elsewhere keeps the text typed and offers Overwrite or Load theirs', async ({ page, request }) => {
  test.setTimeout(90_000);
  const envName = uniqueName('Script conflict');
  const envId = await createEnvironment(request, { name: envName, businessDomain: sharedSandboxUrl(), clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET });
  const { collectionId, folderId } = await seed(request, envId);
  await openApp(page);
  await chooseEnvironment(page, envName);
  await expand(page, COLLECTION);
  await runTreeAction(page, FOLDER, 'Scripts…');
  const dialog = scriptsDialog(page);
  await dialog.locator('.monaco-editor').click();
  await page.keyboard.insertText('// mine');

  // A teammate saves other scripts meanwhile.
  const theirs = await request.patch(`/api/collections/${collectionId}/folders/${folderId}`, { data: { scripts: { preRequest: '// theirs' } } });
  expect(theirs.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Changed elsewhere since you opened it' })).toBeVisible();
  await expect(dialog.locator('.view-lines')).toContainText('// mine');
  await shoot(page, 'folder-scripts-conflict');
  await dialog.getByRole('button', { name: 'Overwrite' }).click();
  await expect(dialog).toBeHidden();
  const stored = (await (await request.get(`/api/collections/${collectionId}`)).json()) as { items: { id: string; scripts: unknown }[] };
  expect(stored.items.find((i) => i.id === folderId)?.scripts).toEqual({ preRequest: '// mine' });
});
