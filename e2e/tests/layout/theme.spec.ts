import { test, expect, openApp } from '../../support/fixtures.ts';

test('the theme follows the system until chosen, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();

  const toggle = page.getByRole('button', { name: /^Theme: System/ });
  await toggle.click(); // → light
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await background();
  expect(light).not.toBe(dark);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /^Theme: Light/ }).click(); // → dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(dark);
  await page.getByRole('button', { name: /^Theme: Dark/ }).click(); // → system
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
});
