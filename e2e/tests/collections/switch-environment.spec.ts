import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { test, expect, chooseEnvironment, openApp } from '../../support/fixtures.ts';
import { collectionsSection, runTreeAction, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, seedCollection, toast, treeItem } from './collections-helpers.ts';

test('switching the environment switches the collections; copy and move a collection across', async ({ page, request }) => {
  const seed = { businessDomain: sharedSandboxUrl(), clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET };
  const alphaEnv = uniqueName('Alpha env');
  const betaEnv = uniqueName('Beta env');
  const alphaId = await createEnvironment(request, { name: alphaEnv, ...seed });
  const betaId = await createEnvironment(request, { name: betaEnv, ...seed });
  await seedCollection(request, alphaId, 'Alpha calls', [{ name: 'Users', url: '{{business_domain}}/api/v1/users' }]);
  await seedCollection(request, betaId, 'Beta calls', [{ name: 'Roles', url: '{{business_domain}}/api/v1/roles' }]);

  await openApp(page);
  await chooseEnvironment(page, alphaEnv);
  await expect(collectionsSection(page).getByRole('tree', { name: `Collections of ${alphaEnv}` })).toBeVisible();
  await expect(treeItem(page, 'Alpha calls')).toBeVisible();
  await expect(treeItem(page, 'Beta calls')).toHaveCount(0);

  await chooseEnvironment(page, betaEnv);
  await expect(treeItem(page, 'Beta calls')).toBeVisible();
  await expect(treeItem(page, 'Alpha calls')).toHaveCount(0);

  // Copy Beta calls into Alpha: both have it.
  await runTreeAction(page, 'Beta calls', 'Copy or move to environment…');
  const dialog = page.getByRole('dialog', { name: 'Copy or move “Beta calls”' });
  await dialog.getByLabel('To environment').selectOption({ label: alphaEnv });
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(toast(page)).toContainText(`Copied “Beta calls” to ${alphaEnv}.`);
  await expect(treeItem(page, 'Beta calls')).toBeVisible();

  // Move Alpha's own collection into Beta from Alpha: it leaves Alpha.
  await toast(page).getByRole('button', { name: `Use ${alphaEnv}` }).click();
  await expect(treeItem(page, 'Alpha calls')).toBeVisible();
  await expect(treeItem(page, 'Beta calls')).toBeVisible();
  await runTreeAction(page, 'Alpha calls', 'Copy or move to environment…');
  const move = page.getByRole('dialog', { name: 'Copy or move “Alpha calls”' });
  await move.getByLabel('To environment').selectOption({ label: betaEnv });
  await move.getByRole('radio', { name: /^Move/ }).check();
  await move.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(treeItem(page, 'Alpha calls')).toHaveCount(0);

  await chooseEnvironment(page, betaEnv);
  await expect(treeItem(page, 'Alpha calls')).toBeVisible();
  await expect(treeItem(page, 'Beta calls')).toBeVisible();
});
