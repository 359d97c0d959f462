import { join, resolve } from 'node:path';
import { test, type APIRequestContext, type Page } from '@playwright/test';
import { expect } from '../../support/fixtures.ts';

/** Kinde's Postman guide fixtures (a collection and an environment exported from Postman). */
export const POSTMAN_FIXTURES = resolve(import.meta.dirname, '../../../packages/core/src/io/__fixtures__/postman');
export const fixturePath = (name: string) => join(POSTMAN_FIXTURES, name);

/** The shared sandbox's M2M client (kinde-mock's defaults). */
export const SANDBOX_CLIENT_ID = 'sandbox_m2m_client';
export const SANDBOX_CLIENT_SECRET = 'sandbox_m2m_secret';

export function collectionsSection(page: Page) {
  return page.getByRole('region', { name: 'Collections' });
}

export function historySection(page: Page) {
  return page.getByRole('region', { name: 'History' });
}

/** The collections tree of the environment in use. */
export function tree(page: Page) {
  return collectionsSection(page).getByRole('tree');
}

export function treeItem(page: Page, name: string | RegExp) {
  return tree(page).getByRole('treeitem', { name, exact: typeof name === 'string' ? true : undefined });
}

/** Opens a row's "⋯" menu and runs one of its actions. */
export async function runTreeAction(page: Page, row: string | RegExp, action: string | RegExp): Promise<void> {
  const item = treeItem(page, row);
  await item.hover();
  await item.getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: action }).click();
}

/** Expands a collapsed collection or folder row. */
export async function expand(page: Page, row: string): Promise<void> {
  const item = treeItem(page, row);
  if ((await item.getAttribute('aria-expanded')) === 'false') await item.click();
  await expect(item).toHaveAttribute('aria-expanded', 'true');
}

export function toast(page: Page) {
  return page.locator('.toasts');
}

/** Creates a collection with requests through the server API (for specs whose subject is not importing). */
export async function seedCollection(
  request: APIRequestContext,
  environmentId: string,
  name: string,
  requests: { name: string; url: string; method?: string }[],
): Promise<{ id: string; requestIds: string[] }> {
  const created = await request.post(`/api/environments/${environmentId}/collections`, { data: { name } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const requestIds: string[] = [];
  for (const r of requests) {
    const res = await request.post(`/api/collections/${id}/requests`, {
      data: { name: r.name, request: { method: r.method ?? 'GET', url: r.url, headers: [{ key: 'Accept', value: 'application/json' }], auth: 'kinde-m2m' } },
    });
    expect(res.status()).toBe(201);
    requestIds.push(((await res.json()) as { id: string }).id);
  }
  return { id, requestIds };
}

/** Names of a collection's top-level items in server order. */
export async function serverOrder(request: APIRequestContext, collectionId: string): Promise<string[]> {
  const res = await request.get(`/api/collections/${collectionId}`);
  return ((await res.json()) as { items: { name: string }[] }).items.map((i) => i.name);
}

/**
 * Screenshots at 1440x900 in light and dark: `<outputDir>/collections-shots/<name>-<scheme>.png`.
 * The theme follows the system by default, so emulating the colour scheme flips it.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = join(test.info().project.outputDir, 'collections-shots');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(dir, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
