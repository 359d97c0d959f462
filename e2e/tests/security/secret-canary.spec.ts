import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Sandbox } from '@kinde-explorer/kinde-mock';
import { test, expect, chooseEnvironment, openApp, responseStatus, setUrl } from '../../support/fixtures.ts';
import { uniqueName } from '../../support/environments.ts';
import { startExtraSandbox } from '../../support/sandbox.ts';

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
const canary = `canary-${randomUUID()}`;
const clientId = `canary_client_${randomUUID().slice(0, 8)}`;

let sandbox: Sandbox;
test.beforeAll(async () => {
  sandbox = await startExtraSandbox({ clientId, clientSecret: canary });
});
test.afterAll(async () => sandbox.close());

/** Everything the browser keeps: local and session storage, and every IndexedDB record. */
async function browserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: Record<string, unknown> = { local: { ...localStorage }, session: { ...sessionStorage }, indexedDB: {} };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const stores: Record<string, unknown> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        stores[name] = await new Promise((resolve) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve(String(req.error));
        });
      }
      (dump.indexedDB as Record<string, unknown>)[info.name] = stores;
      db.close();
    }
    return JSON.stringify(dump);
  });
}

/** The DOM as markup plus the live values of every field (which markup does not show). */
async function domText(page: Page): Promise<string> {
  const fields = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input, textarea, select')).map((el) => (el as HTMLInputElement).value),
  );
  return `${await page.content()}\n${fields.join('\n')}`;
}

test('neither the client secret nor the access token ever reaches the browser', async ({ page }) => {
  test.setTimeout(90_000);
  const received: { url: string; text: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders());
        const body = await response.body().then((b) => b.toString('utf8')).catch(() => '');
        received.push({ url: response.url(), text: `${headers}\n${body}` });
      })(),
    );
  });
  const consoleLines: string[] = [];
  page.on('console', (msg) => consoleLines.push(msg.text()));

  // Create the environment in the UI, typing the secret like a user would.
  const name = uniqueName('Canary');
  await openApp(page);
  await page.getByRole('button', { name: 'New environment' }).click();
  const form = page.getByRole('form', { name: 'Environment settings' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByRole('textbox', { name: 'Value of business_domain' }).fill(sandbox.url);
  await form.getByRole('textbox', { name: 'Value of client_id' }).fill(clientId);
  await form.getByLabel(/^Value of client_secret/).fill(canary);
  await form.getByRole('button', { name: 'Create environment' }).click();
  await expect(form.getByLabel(/^Value of client_secret \(a value is saved/)).toHaveValue('');

  const token = page.getByRole('complementary', { name: 'Access token' });
  await token.getByRole('button', { name: 'Get token', exact: true }).click();
  await expect(token.getByText('Token issued')).toBeVisible();

  // Use it: list users, then a request that tries to echo the secret back through the URL.
  await chooseEnvironment(page, name);
  await page.getByRole('tab', { name: /GET \/users/ }).click();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responseStatus(page)).toHaveText('200 OK');
  await setUrl(page, '{{business_domain}}/api/v1/users?page_size=1&echo={{client_secret}}');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByLabel('Response summary')).toContainText('echo=');
  await page.getByRole('tab', { name: /Headers/ }).last().click();

  // A reload, and the environment opened again.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Environment' })).toBeEnabled();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);

  // The explorer's own send went through the worker: make sure those answers were seen too.
  expect(received.some((r) => r.url.endsWith('/api/send'))).toBe(true);
  expect(received.some((r) => r.url.includes('/token'))).toBe(true);

  const places: [string, string][] = [
    ...received.map((r): [string, string] => [`response ${r.url}`, r.text]),
    ['storage', await browserStorage(page)],
    ['DOM', await domText(page)],
    ['console', consoleLines.join('\n')],
  ];
  for (const [where, text] of places) {
    expect(text.includes(canary), `client_secret found in ${where}`).toBe(false);
    expect(JWT.exec(text)?.[0], `a JWT found in ${where}`).toBeUndefined();
  }
  // The sandbox did issue tokens, so there was something to leak.
  expect(sandbox.stats().tokenRequests).toBeGreaterThan(0);
});
