import { join } from 'node:path';
import { test, type Page } from '@playwright/test';

/**
 * Screenshots at the page's size (1440x900) in light and dark: `<outputDir>/shots/<name>-light.png`
 * and `-dark.png`. The theme follows the system by default, so emulating the colour scheme flips it.
 */
export async function shoot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  const dir = join(test.info().project.outputDir, 'shots');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let the theme's transition settle before the picture.
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(dir, `${name}-${scheme}.png`), fullPage: opts.fullPage ?? false });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
