import type { Page } from '@playwright/test';
import { expect } from '../../support/fixtures.ts';

/** Where this feature's screenshots go: NEWCOMER_SHOTS_DIR, else the git-ignored test-results. */
export const shotPath = (name: string) => `${process.env.NEWCOMER_SHOTS_DIR ?? 'test-results/newcomer-shots'}/${name}.png`;

/** The JSON body editor of the active request tab (the Body section must be open). */
export function bodyEditor(page: Page) {
  return page.getByRole('region', { name: 'Request' }).locator('.body-code .view-lines');
}

/** Replaces the JSON body as a paste would (no auto-closed brackets or indentation added). */
export async function replaceBody(page: Page, text: string): Promise<void> {
  await bodyEditor(page).click();
  await expect(page.getByRole('textbox', { name: 'JSON body' })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Shift+ControlOrMeta+End');
  await page.keyboard.press('Delete');
}
