import type { Page } from '@playwright/test';
import { test, expect, copiedResponseBody, openApp, responseRegion, responseStatus, setUrl, urlField } from '../../support/fixtures.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { shoot } from '../share/shots.ts';

async function setDemo(page: Page, switches: { presentation?: boolean; mask?: boolean }): Promise<void> {
  await page.getByRole('button', { name: 'Demo options' }).click();
  const menu = page.getByRole('group', { name: 'Demo mode' });
  if (switches.presentation !== undefined) await menu.getByRole('switch', { name: /Presentation mode/ }).setChecked(switches.presentation);
  if (switches.mask !== undefined) await menu.getByRole('switch', { name: /Mask personal data/ }).setChecked(switches.mask);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
}

test('presentation mode: larger type, every environment value hidden, kept across a reload', async ({ page }) => {
  const domain = sharedSandboxUrl();
  await openApp(page);
  const sendHeight = () => page.getByRole('button', { name: 'Send' }).evaluate((el) => el.getBoundingClientRect().height);
  const before = await sendHeight();
  await setDemo(page, { presentation: true });
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
  // Everything is drawn 1.2× larger.
  expect(await sendHeight()).toBeGreaterThan(before * 1.15);

  // The environment's values, the business domain first, show as ••••.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Environment settings' });
  for (const key of ['business_domain', 'client_id']) {
    await expect(form.getByRole('img', { name: `Value of ${key}: hidden in presentation mode` })).toHaveText('••••');
  }
  await expect(form.getByRole('textbox', { name: 'Value of business_domain' })).toHaveCount(0);
  // The token's audience, client and issuer carry them too.
  const token = page.getByRole('complementary', { name: 'Access token' });
  await token.getByRole('button', { name: 'Get token', exact: true }).click();
  await expect(token.getByText(/Token (issued|reused)/)).toBeVisible();
  await expect(token).toContainText('••••/api');
  await expect(token).not.toContainText(domain);
  await expect(token).not.toContainText('sandbox_m2m_client');
  await shoot(page, 'presentation-environment');

  // The URL autocomplete names variables without their values.
  await page.getByRole('tab', { name: /GET \/users/ }).click();
  await urlField(page).fill('{{');
  const suggestions = page.getByRole('listbox').filter({ hasText: 'business_domain' });
  await expect(suggestions).toContainText('••••');
  await expect(suggestions).not.toContainText(domain);
  await page.keyboard.press('Escape');

  // Nowhere on the page.
  await setUrl(page, '{{business_domain}}/api/v1/users?page_size=2');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');
  await expect(page.locator('body')).not.toContainText(domain.replace('http://', ''));

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
  await expect(page.getByRole('button', { name: 'Demo on: click to exit' })).toHaveAttribute('aria-pressed', 'true');
  await setDemo(page, { presentation: false });
  await expect(page.locator('html')).not.toHaveAttribute('data-presentation', 'on');
});

test('masking personal data keeps the JSON and comes off again', async ({ page }) => {
  await openApp(page);
  await setUrl(page, '{{business_domain}}/api/v1/users?page_size=3');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');
  const plain = JSON.parse(await copiedResponseBody(page)) as { users: { email: string | null; first_name: string; id: string }[] };
  const withEmail = plain.users.find((u) => u.email)!;
  expect(withEmail.email).not.toContain('••••');

  await setDemo(page, { mask: true });
  await expect(page.getByRole('button', { name: 'Demo on: click to exit' })).toHaveAttribute('aria-pressed', 'true');
  const masked = JSON.parse(await copiedResponseBody(page)) as typeof plain;
  expect(masked.users.map((u) => u.id)).toEqual(plain.users.map((u) => u.id));
  const maskedUser = masked.users.find((u) => u.id === withEmail.id)!;
  expect(maskedUser.email).toBe(`${withEmail.email!.charAt(0)}••••@${withEmail.email!.split('@')[1]}`);
  expect(maskedUser.first_name).toMatch(/^.••••$/);
  await expect(responseRegion(page)).not.toContainText(withEmail.email!);
  await shoot(page, 'masked-response');

  await setDemo(page, { mask: false });
  expect(JSON.parse(await copiedResponseBody(page))).toEqual(plain);
});
