import { test, expect, openApp, responseStatus, urlField } from '../../support/fixtures.ts';

test('the whole flow works from the keyboard', async ({ page }) => {
  await openApp(page);
  // From the top of the page, Tab soon reaches the environment selector in the top bar.
  const selector = page.getByRole('combobox', { name: 'Environment' });
  for (let i = 0; i < 6 && !(await selector.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(selector).toBeFocused();

  // Into the URL, with autocomplete by keyboard.
  await urlField(page).focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('{{bus');
  await expect(page.getByRole('listbox', { name: 'Variables' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('/api/v1/users?page_size=1');
  await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users?page_size=1');

  // Request sections are tabs moved with the arrow keys.
  const params = page.getByRole('tab', { name: /^Params/ });
  await params.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /^Headers/ })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Headers' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /^Auth/ })).toBeFocused();
  await expect(page.getByRole('radio', { name: /Kinde M2M token of the environment/ })).toBeChecked();

  // Send with the shortcut, then move through the response views with the arrow keys.
  await page.keyboard.press('Control+Enter');
  await expect(responseStatus(page)).toHaveText('200 OK');
  const response = page.getByRole('region', { name: 'Response' });
  const pretty = response.getByRole('tab', { name: 'Pretty' });
  await pretty.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(response.getByRole('tab', { name: /^Headers/ })).toBeFocused();
  await expect(response.getByRole('table', { name: 'Response headers' })).toBeVisible();

  // Tabs of open requests: a new one, then back with the arrow keys.
  await page.getByRole('button', { name: 'New request' }).press('Enter');
  await expect(page.getByRole('tab', { name: /GET \/users/ })).toHaveCount(2);
  await page.getByRole('tab', { name: /GET \/users/ }).last().focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: /GET \/users/ }).first()).toBeFocused();
  await expect(page.getByRole('tab', { name: /GET \/users/ }).first()).toHaveAttribute('aria-selected', 'true');
});
