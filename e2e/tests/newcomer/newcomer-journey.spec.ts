import { test, expect, copiedResponseBody, openApp, responseRegion, responseStatus } from '../../support/fixtures.ts';
import { catalogOptions, catalogSearch } from '../catalog/catalog-helpers.ts';
import { tree } from '../collections/collections-helpers.ts';
import { bodyEditor, shotPath } from './newcomer-helpers.ts';

/*
 * Issue 15's done-criterion, as a new user walks it on a fresh start: list users, find "org create",
 * send it as prefilled, make a JSON typo and see it caught locally, save the request under its
 * operation's name, and turn Demo on over the response already on screen.
 */
test('a newcomer lists users, creates an organization as prefilled, has a typo caught, saves it and presents it', async ({ page }) => {
  await openApp(page);

  // 1. The ready-made first request: GET /users.
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');
  const users = JSON.parse(await copiedResponseBody(page)) as { users: { email: string | null }[] };
  const email = users.users.find((u) => u.email)!.email!;
  await page.screenshot({ path: shotPath('journey-1-users') });

  // 2. "org create" finds Create organization first; it opens on its prefilled body and is sent as is.
  await catalogSearch(page).fill('org create');
  await expect(catalogOptions(page).first()).toHaveAccessibleName('POST Create organization');
  await catalogSearch(page).press('Enter');
  const orgTab = page.getByRole('tab', { name: 'POST Create organization', exact: true });
  await expect(orgTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Body · JSON' })).toHaveAttribute('aria-selected', 'true');
  await expect(bodyEditor(page)).toContainText('"name": "Acme Corp"');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText(/^20[01]/);
  await expect(responseRegion(page).getByRole('status', { name: 'What Kinde said' })).toHaveCount(0);
  await page.screenshot({ path: shotPath('journey-2-organization-created') });

  // 3. A typo: the closing brace deleted. Send holds it back and says where, offering "Send anyway".
  await bodyEditor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Backspace');
  await expect(bodyEditor(page)).not.toContainText('}');
  await page.getByRole('button', { name: 'Send' }).click();
  const notice = page.getByRole('alert', { name: 'JSON body not sent' });
  await expect(notice).toContainText('Not sent: the JSON body has a syntax error at line 3, column 1');
  await expect(notice).toContainText('A closing } is missing');
  await expect(notice.getByRole('button', { name: 'Send anyway' })).toBeVisible();
  await expect(responseRegion(page)).not.toContainText('Kinde says');
  await page.screenshot({ path: shotPath('journey-3-json-typo-caught') });
  // Putting the brace back clears the notice.
  await bodyEditor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('}');
  await expect(notice).toBeHidden();

  // 4. Saved under the operation's name, offered by the dialog.
  await page.getByRole('button', { name: 'Save request' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save request' });
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Create organization');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Saved as Create organization' })).toBeVisible();
  await expect(tree(page).getByRole('treeitem', { name: 'POST Create organization', selected: true })).toBeVisible();
  await expect(orgTab).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: shotPath('journey-4-saved') });

  // 5. Back on the users answer, one click on Demo masks what is already on screen.
  await page.getByRole('tab', { name: 'GET /users', exact: true }).click();
  await expect(responseRegion(page)).toContainText(email);
  await page.getByRole('button', { name: 'Demo', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Demo on: click to exit' })).toHaveAttribute('aria-pressed', 'true');
  await expect(responseRegion(page)).not.toContainText(email);
  await expect(responseRegion(page)).toContainText(`${email.charAt(0)}••••@`);
  await page.screenshot({ path: shotPath('journey-5-demo-masked') });
});
