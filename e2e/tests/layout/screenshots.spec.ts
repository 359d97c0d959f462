import { join } from 'node:path';
import { test, expect, chooseEnvironment, openApp, responseStatus, setUrl } from '../../support/fixtures.ts';

// Pictures of the main screens in both themes and both laptop sizes, for people to look at.
const sizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
];

for (const theme of ['light', 'dark'] as const) {
  for (const size of sizes) {
    test(`screens in ${theme} at ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize(size);
      const shot = (name: string) =>
        page.screenshot({ path: join(testInfo.project.outputDir, 'screens', `${theme}-${size.width}-${name}.png`) });
      await openApp(page);
      await chooseEnvironment(page, 'Kinde sandbox');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(responseStatus(page)).toHaveText('200 OK');
      await expect(page.locator('.view-lines')).toContainText('"users"');
      await shot('1-users');

      await setUrl(page, '{{business_domain}}/api/v1/users/{{user_id}}?expand=organizations');
      await page.getByRole('tab', { name: /^Params/ }).click();
      await shot('2-unresolved');

      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByRole('complementary', { name: 'Access token' }).getByRole('button', { name: 'Get token', exact: true }).click();
      await expect(page.getByText(/Token (issued|reused)/)).toBeVisible();
      await shot('3-environment');
    });
  }
}
