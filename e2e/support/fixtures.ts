import { test as base, expect, type Page } from '@playwright/test';

/**
 * `test` with a watch on the browser console: a CSP violation, an uncaught error or any other
 * console error fails the test. The browser's own "Failed to load resource" line for an API
 * answer the test provoked on purpose (a 4xx/5xx from /api) is expected and ignored.
 */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (/Failed to load resource: the server responded with a status of \d+/.test(text)) return;
        problems.push(text);
      });
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      await use(problems);
      expect(problems, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until the environments have loaded. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Environment' })).toBeEnabled();
}

export function urlField(page: Page) {
  return page.getByRole('combobox', { name: 'URL' });
}

export async function chooseEnvironment(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: name });
}

/** Replaces the URL of the active request tab. */
export async function setUrl(page: Page, url: string): Promise<void> {
  await urlField(page).fill(url);
}

export function responseRegion(page: Page) {
  return page.getByRole('region', { name: 'Response' });
}

/** The status badge of the latest response, e.g. "200 OK". */
export function responseStatus(page: Page) {
  return responseRegion(page).getByLabel(/^Status \d+/);
}

/** Text of the pretty-printed body as Monaco renders it (visible lines only). */
export function responseBodyLines(page: Page) {
  return responseRegion(page).locator('.view-lines');
}

/** The whole response body as the Copy button gives it (Monaco renders only the visible lines). */
export async function copiedResponseBody(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const region = responseRegion(page);
  await region.getByRole('button', { name: 'Copy' }).click();
  await expect(region.getByRole('button', { name: 'Copied' })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Saves a screenshot under <output dir>/screens/ for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${base.info().project.outputDir}/screens/${name}.png` });
}
