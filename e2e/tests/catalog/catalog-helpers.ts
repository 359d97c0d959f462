import type { Page } from '@playwright/test';
import { expect } from '../../support/fixtures.ts';

export function catalogSearch(page: Page) {
  return page.getByRole('combobox', { name: 'Search operations' });
}

export function catalogOptions(page: Page) {
  return page.getByRole('listbox', { name: /operations/i }).getByRole('option');
}

/** Types a query into the catalog search and opens the first match with Enter. */
export async function openFromCatalog(page: Page, query: string, expected: string | RegExp): Promise<void> {
  await catalogSearch(page).fill(query);
  await expect(catalogOptions(page).first()).toHaveAccessibleName(expected);
  await catalogSearch(page).press('Enter');
}

/** Where screenshots of this feature go: CATALOG_SHOTS_DIR, else the git-ignored test-results. */
export const shotPath = (name: string) => `${process.env.CATALOG_SHOTS_DIR ?? 'test-results/catalog-shots'}/${name}.png`;
