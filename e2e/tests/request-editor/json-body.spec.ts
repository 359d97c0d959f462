import { test, expect, copiedResponseBody, openApp, responseStatus, setUrl } from '../../support/fixtures.ts';

test('a JSON body typed in the editor is sent, with Ctrl+Enter from inside the editor', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Method' }).selectOption('POST');
  await setUrl(page, '{{business_domain}}/api/v1/organization');
  await page.getByRole('tab', { name: /^Body/ }).click();
  await page.getByRole('radio', { name: 'JSON' }).check();

  const editor = page.getByRole('textbox', { name: 'JSON body' });
  await expect(editor).toBeAttached();
  await page.locator('.body-code .view-lines').click();
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('{ "name": "Acme {{$randomInt}}" }');
  // Whatever the editor auto-closed after the caret goes.
  await page.keyboard.press('Shift+Control+End');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+Enter');

  await expect(responseStatus(page)).toHaveText(/^20[01]/);
  const body = JSON.parse(await copiedResponseBody(page));
  expect(body.organization?.code ?? body.code).toBeTruthy();

  // The draft kept the JSON: it comes back after a reload.
  await page.reload();
  await page.getByRole('tab', { name: /^Body/ }).click();
  await expect(page.getByRole('radio', { name: 'JSON' })).toBeChecked();
  await expect(page.locator('.body-code .view-lines')).toContainText('"name": "Acme {{$randomInt}}"');
});

test('form fields are sent as urlencoded', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Method' }).selectOption('POST');
  await page.getByRole('tab', { name: /^Body/ }).click();
  await page.getByRole('radio', { name: 'Form URL-encoded' }).check();
  const fields = page.getByRole('table', { name: 'Form fields' });
  await fields.getByRole('combobox', { name: 'Key of new field' }).fill('name');
  await fields.getByRole('combobox', { name: 'Value of name' }).fill('{{client_id}}');
  await expect(page.getByRole('tab', { name: /^Body · urlencoded/ })).toBeVisible();
  await expect(fields.locator('mark.var-ok')).toHaveText('{{client_id}}');
});
