import { test, expect, openApp, responseRegion, setUrl } from '../../support/fixtures.ts';

test('an unresolved variable is flagged before sending and the server’s 400 is shown', async ({ page }) => {
  await openApp(page);
  await setUrl(page, '{{business_domain}}/api/v1/users/{{user_id}}');

  const flag = page.getByRole('status', { name: 'Unresolved variables' });
  await expect(flag).toContainText('Not defined in “Kinde sandbox”');
  await expect(flag).toContainText('{{user_id}}');
  // The variable itself is marked in the URL field.
  await expect(page.locator('.url-input mark.var-bad')).toHaveText('{{user_id}}');
  await expect(page.locator('.url-input mark.var-ok')).toHaveText('{{business_domain}}');

  await page.getByRole('button', { name: 'Send' }).click();
  const error = responseRegion(page).getByRole('alert');
  await expect(error).toContainText('A variable has no value');
  await expect(error).toContainText('user_id');
  await expect(error).toContainText('Explorer server answered 400');

  // Defining it in the request is not possible; removing it clears the flag.
  await setUrl(page, '{{business_domain}}/api/v1/users');
  await expect(flag).toHaveCount(0);
});
