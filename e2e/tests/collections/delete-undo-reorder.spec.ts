import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { test, expect, chooseEnvironment, openApp } from '../../support/fixtures.ts';
import { expand, runTreeAction, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, seedCollection, serverOrder, shoot, toast, tree, treeItem } from './collections-helpers.ts';

test.describe('collections tree', () => {
  let envName: string;
  let collectionId: string;

  test.beforeEach(async ({ request }) => {
    envName = uniqueName('Tree');
    const envId = await createEnvironment(request, { name: envName, businessDomain: sharedSandboxUrl(), clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET });
    ({ id: collectionId } = await seedCollection(request, envId, 'Reorder me', [
      { name: 'Alpha', url: '{{business_domain}}/api/v1/users' },
      { name: 'Bravo', url: '{{business_domain}}/api/v1/organizations' },
      { name: 'Charlie', url: '{{business_domain}}/api/v1/roles' },
    ]));
  });

  test('reorders with Alt+Arrow keys and by drag and drop', async ({ page, request }) => {
    await openApp(page);
    await chooseEnvironment(page, envName);
    await expand(page, 'Reorder me');
    const alpha = treeItem(page, 'GET Alpha');
    await expect(alpha).toHaveAttribute('aria-level', '2');
    await expect(alpha).toHaveAttribute('aria-posinset', '1');

    // Keyboard: focus stays on the moved row, and a screen reader hears where it went.
    await alpha.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(alpha).toHaveAttribute('aria-posinset', '2');
    await expect(alpha).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Moved Alpha to position 2 of 3.' })).toBeAttached();
    expect(await serverOrder(request, collectionId)).toEqual(['Bravo', 'Alpha', 'Charlie']);
    await page.keyboard.press('Alt+ArrowUp');
    await expect(alpha).toHaveAttribute('aria-posinset', '1');
    expect(await serverOrder(request, collectionId)).toEqual(['Alpha', 'Bravo', 'Charlie']);

    // Arrow keys walk the tree; Enter on a request opens it.
    await page.keyboard.press('ArrowDown');
    await expect(treeItem(page, 'GET Bravo')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: /Bravo/ })).toHaveAttribute('aria-selected', 'true');

    // Drag Charlie onto the top half of Alpha: it lands first.
    await treeItem(page, 'GET Charlie').dragTo(alpha, { targetPosition: { x: 40, y: 3 } });
    await expect(treeItem(page, 'GET Charlie')).toHaveAttribute('aria-posinset', '1');
    expect(await serverOrder(request, collectionId)).toEqual(['Charlie', 'Alpha', 'Bravo']);
  });

  test('deletes with an Undo, from the menu and with the Delete key', async ({ page, request }) => {
    await openApp(page);
    await chooseEnvironment(page, envName);
    await expand(page, 'Reorder me');

    await runTreeAction(page, 'GET Bravo', 'Delete');
    await expect(treeItem(page, 'GET Bravo')).toHaveCount(0);
    await expect(toast(page)).toContainText('Deleted request “Bravo”.');
    await shoot(page, 'delete-undo-toast');
    await toast(page).getByRole('button', { name: 'Undo' }).click();
    await expect(treeItem(page, 'GET Bravo')).toHaveAttribute('aria-posinset', '2');
    expect(await serverOrder(request, collectionId)).toEqual(['Alpha', 'Bravo', 'Charlie']);

    // The whole collection, from the keyboard.
    await treeItem(page, 'Reorder me').focus();
    await page.keyboard.press('Delete');
    await expect(tree(page)).toHaveCount(0);
    await expect(toast(page)).toContainText('Deleted collection “Reorder me”.');
    await toast(page).getByRole('button', { name: 'Undo' }).click();
    await expect(treeItem(page, 'Reorder me')).toBeVisible();
    await expect(treeItem(page, 'GET Charlie')).toBeVisible();
  });

  test('creates, renames and duplicates collections and folders', async ({ page }) => {
    await openApp(page);
    await chooseEnvironment(page, envName);
    await page.getByRole('region', { name: 'Collections' }).getByRole('button', { name: 'New collection' }).click();
    const nameDialog = page.getByRole('dialog', { name: 'New collection' });
    await nameDialog.getByLabel('Collection name').fill('Team calls');
    await nameDialog.getByRole('button', { name: 'Create' }).click();
    await expect(treeItem(page, 'Team calls')).toBeVisible();

    await runTreeAction(page, 'Team calls', 'New folder…');
    await page.getByRole('dialog', { name: 'New folder' }).getByLabel('Folder name').fill('Users');
    await page.getByRole('dialog', { name: 'New folder' }).getByRole('button', { name: 'Create' }).click();
    await expect(treeItem(page, 'Users')).toHaveAttribute('aria-level', '2');

    await treeItem(page, 'Users').focus();
    await page.keyboard.press('F2');
    const rename = page.getByRole('dialog', { name: 'Rename folder' });
    await rename.getByLabel('Name').fill('People');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(treeItem(page, 'People')).toBeVisible();

    await runTreeAction(page, 'People', 'New request…');
    await page.getByRole('dialog', { name: 'New request' }).getByLabel('Request name').fill('Everyone');
    await page.getByRole('dialog', { name: 'New request' }).getByRole('button', { name: 'Create' }).click();
    await expect(treeItem(page, 'GET Everyone')).toHaveAttribute('aria-level', '3');
    await expect(page.getByRole('tab', { name: /Everyone/ })).toHaveAttribute('aria-selected', 'true');

    await runTreeAction(page, 'Team calls', 'Duplicate');
    await expect(treeItem(page, 'Team calls (copy)')).toBeVisible();
    await shoot(page, 'tree-created');
  });
});
