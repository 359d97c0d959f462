import { test, expect, openApp, responseRegion, responseStatus, setUrl } from '../../support/fixtures.ts';
import { openFromCatalog } from '../catalog/catalog-helpers.ts';
import { bodyEditor, replaceBody, shotPath } from './newcomer-helpers.ts';

test.describe('a newcomer sends catalog requests as they open, and local mistakes are named as local', () => {
  test('"Create organization" opens with a body Kinde accepts and answers 2xx as prefilled', async ({ page }) => {
    await openApp(page);
    await openFromCatalog(page, 'org create', 'POST Create organization');
    await page.getByRole('tab', { name: /^Body/ }).click();
    await expect(bodyEditor(page)).toContainText('"name": "Acme Corp"');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(responseStatus(page)).toHaveText(/^20[01]/);
    await expect(responseRegion(page).getByRole('status', { name: 'What Kinde said' })).toHaveCount(0);
  });

  test('a JSON syntax error is caught before sending, with line and column, and "Send anyway" sends it', async ({ page }) => {
    await openApp(page);
    await openFromCatalog(page, 'org create', 'POST Create organization');
    await page.getByRole('tab', { name: /^Body/ }).click();
    // Pasted on one line, so the editor's auto-indent cannot move the column.
    await replaceBody(page, '{"name": "Acme Corp" "handle": "acme_corp"}');

    await page.getByRole('button', { name: 'Send' }).click();
    const notice = page.getByRole('alert', { name: 'JSON body not sent' });
    await expect(notice).toContainText('line 1, column 22');
    await expect(notice).toContainText('A comma is expected between items');
    await expect(notice).toContainText('nothing went to Kinde');
    // Nothing was sent: the response pane still waits for a first answer.
    await expect(responseRegion(page)).toContainText('No response yet');
    await page.screenshot({ path: shotPath('json-syntax-held-back') });

    await notice.getByRole('button', { name: 'Send anyway' }).click();
    await expect(responseStatus(page)).toHaveText(/^400/);
    const summary = responseRegion(page).getByRole('status', { name: 'What Kinde said' });
    await expect(summary).toContainText('Answer from Kinde');
    await expect(summary).toContainText('Kinde says: The request body is not valid JSON');
    await expect(summary).toContainText('The body sent is not valid JSON: line 1, column 22');
    await page.screenshot({ path: shotPath('json-syntax-sent-anyway') });

    // "Show in body" puts the cursor where the comma is missing; typing it there clears the notice.
    await page.getByRole('button', { name: 'Send' }).click();
    await notice.getByRole('button', { name: 'Show in body' }).click();
    await expect(page.getByRole('textbox', { name: 'JSON body' })).toBeFocused();
    await page.keyboard.type(',');
    await expect(bodyEditor(page)).toContainText('"Acme Corp" ,"handle"');
    await expect(notice).toBeHidden();

    // Fixing the body removes the notice; the fixed body is sent straight away.
    await replaceBody(page, '{"name": "Acme Corp", "handle": "acme_corp_2"}');
    await expect(notice).toBeHidden();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(responseStatus(page)).toHaveText(/^20[01]/);
  });

  test("the explorer's own refusal is named as the explorer's, not Kinde's", async ({ page }) => {
    await openApp(page);
    await setUrl(page, '{{business_domain}}/api/v1/users/{{nobody_defined_this}}');
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = responseRegion(page).getByRole('alert');
    await expect(alert).toContainText('The explorer did not send this request');
    await expect(alert).not.toContainText('Kinde says');
  });
});
