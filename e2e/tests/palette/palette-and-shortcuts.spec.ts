import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, openApp, urlField } from '../../support/fixtures.ts';
import { createEnvironment, uniqueName } from '../../support/environments.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { shoot } from '../share/shots.ts';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const search = (page: Page) => palette(page).getByRole('combobox', { name: 'Search commands' });
const tabs = (page: Page) => page.getByRole('tablist', { name: 'Open tabs' }).getByRole('tab');

async function sandboxEnvironmentId(request: APIRequestContext): Promise<string> {
  const { environments } = (await (await request.get('/api/environments')).json()) as { environments: { id: string; name: string }[] };
  return environments.find((e) => e.name === 'Kinde sandbox')!.id;
}

test('Ctrl/Cmd+K jumps to a catalog operation from the keyboard; the parts have their roles', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('ControlOrMeta+K');
  await expect(palette(page)).toBeVisible();
  await expect(search(page)).toBeFocused();
  await expect(search(page)).toHaveAttribute('aria-expanded', 'true');
  const listbox = palette(page).getByRole('listbox', { name: 'Results' });
  await expect(search(page)).toHaveAttribute('aria-controls', (await listbox.getAttribute('id'))!);
  // Empty query: actions first, with their shortcuts.
  await expect(listbox.getByRole('group', { name: 'Actions' }).getByRole('option', { name: /New request tab/ })).toContainText(/Alt\+T|⌥T/);
  await shoot(page, 'palette-empty');

  await search(page).fill('org create');
  const first = listbox.getByRole('option').first();
  await expect(first).toContainText('Create organization');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(search(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await page.keyboard.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await shoot(page, 'palette-operations');
  await page.keyboard.press('Enter');

  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('tab', { name: /^POST Create organization$/ })).toHaveAttribute('aria-selected', 'true');
  await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/organization');

  // Escape closes without doing anything.
  await page.keyboard.press('ControlOrMeta+K');
  await search(page).fill('users');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('tab', { name: /^POST Create organization$/ })).toHaveAttribute('aria-selected', 'true');
});

test('Ctrl/Cmd+E switches environment; Alt+T and Alt+W open and close tabs', async ({ page, request }) => {
  const name = uniqueName('Palette target');
  await createEnvironment(request, { name, businessDomain: sharedSandboxUrl(), clientId: 'sandbox_m2m_client', clientSecret: 'sandbox_m2m_secret' });
  await openApp(page);
  const selector = page.getByRole('combobox', { name: 'Environment' });
  await expect(selector.locator('option:checked')).toHaveText('Kinde sandbox');

  await page.keyboard.press('ControlOrMeta+E');
  const switcher = page.getByRole('dialog', { name: 'Switch environment' });
  await expect(switcher.getByRole('option', { name: /Kinde sandbox/ })).toBeVisible();
  await switcher.getByRole('combobox', { name: 'Environment' }).fill(name.split(' ').at(-1)!);
  await expect(switcher.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(selector.locator('option:checked')).toHaveText(name);

  // The same from the palette's action list.
  await page.keyboard.press('ControlOrMeta+K');
  await search(page).fill('switch env');
  await page.keyboard.press('Enter');
  await switcher.getByRole('combobox', { name: 'Environment' }).fill('Kinde sandbox');
  await page.keyboard.press('Enter');
  await expect(selector.locator('option:checked')).toHaveText('Kinde sandbox');

  const before = await tabs(page).count();
  await page.locator('body').click({ position: { x: 700, y: 300 } });
  await page.keyboard.press('Alt+T');
  await expect(tabs(page)).toHaveCount(before + 1);
  await expect(tabs(page).last()).toHaveAttribute('aria-selected', 'true');
  // Even with focus in a text field.
  await urlField(page).click();
  await page.keyboard.press('Alt+W');
  await expect(tabs(page)).toHaveCount(before);
  await page.keyboard.press('ControlOrMeta+Alt+N');
  await expect(tabs(page)).toHaveCount(before + 1);
});

test('"?" lists the keyboard shortcuts; palette actions toggle theme and presentation mode', async ({ page }) => {
  await openApp(page);
  await page.locator('body').click({ position: { x: 700, y: 300 } });
  await page.keyboard.press('Shift+?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const action of ['Send the request', 'Save the request', 'New request tab', 'Close the tab', 'Switch environment']) {
    await expect(help.getByRole('row', { name: new RegExp(action) })).toBeVisible();
  }
  await expect(help.getByRole('row', { name: /New request tab/ })).toContainText(/Alt\+T|⌥T/);
  await expect(help).toContainText('Browsers keep Ctrl/⌘+T');
  await shoot(page, 'shortcuts-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // "?" typed in a text field is just a character.
  await urlField(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type('?');
  await expect(help).toBeHidden();
  await expect(urlField(page)).toHaveValue(/\?$/);

  await page.keyboard.press('ControlOrMeta+K');
  await search(page).fill('toggle theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await page.keyboard.press('ControlOrMeta+K');
  await search(page).fill('presentation');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
});

test('saved requests of the environment are in the palette', async ({ page, request }) => {
  const envId = await sandboxEnvironmentId(request);
  const collection = (await (await request.post(`/api/environments/${envId}/collections`, { data: { name: uniqueName('Palette demo') } })).json()) as { id: string };
  const requestName = uniqueName('Suspended users');
  const saved = await request.post(`/api/collections/${collection.id}/requests`, {
    data: { name: requestName, request: { method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=3', headers: [] } },
  });
  expect(saved.status()).toBe(201);

  await openApp(page);
  await page.keyboard.press('ControlOrMeta+K');
  await search(page).fill(requestName);
  const option = palette(page).getByRole('group', { name: 'Saved requests' }).getByRole('option', { name: new RegExp(requestName) });
  await expect(option).toBeVisible();
  await option.click();
  await expect(urlField(page)).toHaveValue('{{business_domain}}/api/v1/users?page_size=3');
});
