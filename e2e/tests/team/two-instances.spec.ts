import { resolve } from 'node:path';
import type { Browser, Page, Response } from '@playwright/test';
import { test, expect, screenshot } from '../../support/fixtures.ts';
import { sharedSandboxUrl } from '../../support/sandbox.ts';
import { inviteMember, joinByLink } from '../../support/members.ts';
import { findNginx, PIN_HEADER, startTeamStack, UPSTREAM_HEADER, type TeamStack } from '../../support/team-stack.ts';
import { runTreeAction, toast, treeItem } from '../collections/collections-helpers.ts';

// docs/team-server.md, followed by three people in three browsers: two explorer instances on one
// PostgreSQL schema behind real nginx running the doc's configuration (only its ports changed),
// the owner set up in the browser with a set-up code, an editor and a viewer invited. Then each
// instance is SIGKILLed in turn and nothing acknowledged is gone.
//
// Which instance served what: nginx adds `X-Upstream` to every answer (test config only). To make
// "saved through one, run through the other" certain rather than likely, the editor's browser
// sends a test-only header that pins it to instance 1 and the viewer's to instance 2, and the run's
// event stream and its Stop are pinned to instance 1, which did NOT start the run. The owner's
// browser carries no pin (plain round robin, as the doc configures it), nor does anyone once the
// instances are being killed.

// Ports of our own beside the suite's (E2E_PORT), so two checkouts on one machine do not collide.
const BASE = Number(process.env.E2E_TEAM_PORT ?? Number(process.env.E2E_PORT ?? 18787) + 10);
const BALANCER = findNginx() ? 'nginx' : 'the round-robin proxy (nginx is not installed here)';
const ENV_NAME = 'Team sandbox';
const COLLECTION = 'Team smoke';
const REQUEST = 'List users';

let stack: TeamStack;
// A step that cannot happen fails at once instead of at the test's end.
test.use({ actionTimeout: 20_000 });

test.beforeAll(async () => {
  stack = await startTeamStack({
    base: BASE,
    kindeSpec: process.env.KINDE_SPEC!,
    ...(process.env.E2E_WEB_DIST ? { webDist: resolve(process.env.E2E_WEB_DIST) } : {}),
  });
  console.log(`team stack: ${stack.balancer} at ${stack.url} over instances ${stack.instances.map((i) => i.addr).join(' and ')}`);
});

test.afterAll(async () => {
  await stack?.close();
});

/** A browser of one's own (own cookies) on the one address; `pin` sends every request to one instance. */
async function person(browser: Browser, pin?: 1 | 2): Promise<Page> {
  const context = await browser.newContext({
    baseURL: stack.url,
    viewport: { width: 1440, height: 900 },
    ...(pin ? { extraHTTPHeaders: { [PIN_HEADER]: String(pin) } } : {}),
  });
  return context.newPage();
}

/** The instance that answered `response` (from the balancer's upstream header). */
const servedBy = (response: Response) => stack.instanceOf(response.headers()[UPSTREAM_HEADER]);

/** Runs `action` and returns the answer to the first request matching `method` and `path`. */
async function answerTo(page: Page, method: string, path: RegExp, action: () => Promise<void>): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname)), action()]);
  return response;
}

async function openAccountMenu(page: Page, name: string, item: string) {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

function runnerView(page: Page) {
  return page.getByRole('tabpanel').filter({ has: page.getByRole('heading', { name: /^Run / }) });
}

/** The owner's audit panel, read afresh. */
async function openAudit(owner: Page) {
  await openAccountMenu(owner, 'Olive Owner', 'Audit log…');
  return owner.getByRole('table', { name: 'Audit events' });
}

/** What was acknowledged is all there, read through the balancer: the collection, the runs, the audit entries. */
async function expectEverythingAcknowledged(owner: Page, collectionId: string, runs: string[]) {
  await owner.reload();
  await expect(owner.getByRole('combobox', { name: 'Environment' })).toBeEnabled();
  await owner.getByRole('combobox', { name: 'Environment' }).selectOption({ label: ENV_NAME });
  await expect(treeItem(owner, COLLECTION)).toBeVisible();
  const events = await openAudit(owner);
  const rows = events.getByRole('row');
  await expect(rows.filter({ hasText: 'eddie@example.com' }).filter({ hasText: 'Created an environment' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'eddie@example.com' }).filter({ hasText: 'Saved a request' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'vera@example.com' }).filter({ hasText: 'Ran a collection' })).toHaveCount(runs.length);
  await expect(rows.filter({ hasText: 'vera@example.com' }).filter({ hasText: 'Sent a request' })).toHaveCount(1);
  await owner.getByRole('button', { name: 'Close', exact: true }).click();
  const stored = await owner.request.get(`/api/runs?collectionId=${collectionId}`);
  expect(stored.status()).toBe(200);
  const list = ((await stored.json()) as { runs: { status: string }[] }).runs;
  expect(list.map((r) => r.status)).toEqual(runs);
}

test(`two instances on PostgreSQL behind ${BALANCER}: owner, editor and viewer in three browsers; either instance killed, nothing acknowledged lost`, async ({ browser }) => {
  test.setTimeout(120_000);
  const [one, two] = stack.instances;
  expect(one.setupCode, 'instance 1 printed an owner set-up code').toBeTruthy();

  // The owner, unpinned: the doc's round robin. Either instance's set-up code works.
  const owner = await person(browser);
  const ownerServedBy = new Set<number | undefined>();
  owner.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) ownerServedBy.add(servedBy(r));
  });
  await owner.goto('/');
  await expect(owner.getByRole('heading', { name: 'Create the owner account' })).toBeVisible();
  await owner.getByLabel('Set-up code').fill(one.setupCode!);
  await owner.getByLabel('Your name').fill('Olive Owner');
  await owner.getByLabel('Email').fill('olive@example.com');
  await owner.getByLabel('Password', { exact: true }).fill('olive-password-1');
  await owner.getByLabel('Repeat the password').fill('olive-password-1');
  await owner.getByRole('button', { name: 'Create owner account' }).click();
  await expect(owner.getByRole('button', { name: /Olive Owner/ })).toBeVisible();
  await openAccountMenu(owner, 'Olive Owner', 'Members…');
  const editorLink = await inviteMember(owner, 'eddie@example.com', 'editor');
  const viewerLink = await inviteMember(owner, 'vera@example.com', 'viewer');
  await screenshot(owner, 'team-1-owner-invites');
  await owner.getByRole('button', { name: 'Close', exact: true }).click();
  // Round robin: the owner's requests were answered by both instances.
  expect([...ownerServedBy].sort()).toEqual([1, 2]);

  // The editor, on instance 1: joins, creates an environment on the sandbox, saves a request with a test.
  const editor = await person(browser, 1);
  await joinByLink(editor, editorLink, 'Eddie Editor', 'eddie-password-1');
  await editor.getByRole('button', { name: 'New environment' }).click();
  const form = editor.getByRole('form', { name: 'Environment settings' });
  await form.getByLabel('Name', { exact: true }).fill(ENV_NAME);
  await form.getByRole('textbox', { name: 'Value of business_domain' }).fill(sharedSandboxUrl());
  await form.getByRole('textbox', { name: 'Value of client_id' }).fill('sandbox_m2m_client');
  await form.getByLabel(/^Value of client_secret/).fill('sandbox_m2m_secret');
  const envCreated = await answerTo(editor, 'POST', /^\/api\/environments$/, () => form.getByRole('button', { name: 'Create environment' }).click());
  expect(envCreated.status()).toBe(201);
  expect(servedBy(envCreated)).toBe(1);
  await editor.getByRole('combobox', { name: 'Environment' }).selectOption({ label: ENV_NAME });
  await editor.getByRole('button', { name: 'New request' }).first().click();
  await editor.getByRole('combobox', { name: 'URL' }).fill('{{business_domain}}/api/v1/users?page_size=5');
  await editor.getByRole('tab', { name: 'Tests' }).click();
  await editor.getByRole('button', { name: 'Add assertion' }).click();
  await editor.getByLabel('Expected value of assertion 1').fill('200');
  await editor.keyboard.press('Control+s');
  const dialog = editor.getByRole('dialog', { name: 'Save request' });
  await dialog.getByLabel('Name', { exact: true }).fill(REQUEST);
  await dialog.getByLabel('New collection name').fill(COLLECTION);
  const saved = await answerTo(editor, 'POST', /^\/api\/collections\/[^/]+\/requests$/, () => dialog.getByRole('button', { name: 'Save' }).click());
  expect(saved.status()).toBe(201);
  expect(servedBy(saved), 'the save went through instance 1').toBe(1);
  const collectionId = /^\/api\/collections\/([^/]+)\/requests$/.exec(new URL(saved.url()).pathname)![1]!;
  await expect(toast(editor)).toContainText(`Saved “${REQUEST}”.`);
  await screenshot(editor, 'team-2-editor-saved-on-instance-1');
  await editor.context().close();

  // The viewer, on instance 2: joins, sends the saved request once and runs the collection; the
  // run's live events come from instance 1, which did not start it.
  const viewer = await person(browser, 2);
  await viewer.route('**/api/runs/*/events', (route) => route.continue({ headers: { ...route.request().headers(), [PIN_HEADER]: '1' } }));
  await joinByLink(viewer, viewerLink, 'Vera Viewer', 'vera-password-1');
  await viewer.getByRole('combobox', { name: 'Environment' }).selectOption({ label: ENV_NAME });
  await expect(treeItem(viewer, COLLECTION)).toBeVisible();
  await treeItem(viewer, COLLECTION).click();
  await treeItem(viewer, `GET ${REQUEST}`).click();
  const sent = await answerTo(viewer, 'POST', /^\/api\/send$/, () => viewer.getByRole('button', { name: 'Send' }).click());
  expect(servedBy(sent)).toBe(2);
  await expect(viewer.getByRole('region', { name: 'Response' }).getByLabel(/^Status 200/)).toBeVisible();

  await runTreeAction(viewer, COLLECTION, 'Run collection…');
  const view = runnerView(viewer);
  const progress = view.getByRole('region', { name: 'Run progress' });
  await expect(view.getByRole('heading', { name: `Run ${COLLECTION}` })).toBeVisible();
  // Two iterations a minute apart: the run holds after its first request, so what the viewer sees
  // meanwhile can only have come live from instance 1; Stop, sent to instance 1 too, ends it there.
  await view.getByLabel('Iterations').fill('2');
  await view.getByLabel('Delay (ms)').fill('60000');
  const eventsAnswer = viewer.waitForResponse((r) => /^\/api\/runs\/[^/]+\/events$/.test(new URL(r.url()).pathname));
  const held = await answerTo(viewer, 'POST', /^\/api\/runs$/, () => view.getByRole('button', { name: 'Run', exact: true }).click());
  expect(held.status()).toBe(201);
  expect(servedBy(held), 'the run was started on instance 2').toBe(2);
  expect(servedBy(await eventsAnswer), 'its events were streamed by instance 1').toBe(1);
  await expect(progress).toContainText('1 / 2 requests');
  await expect(view.getByRole('button', { name: 'Stop' })).toBeEnabled();
  await screenshot(viewer, 'team-3-viewer-run-live-from-the-other-instance');
  await viewer.route('**/api/runs/*/stop', (route) => route.continue({ headers: { ...route.request().headers(), [PIN_HEADER]: '1' } }));
  const stopped = await answerTo(viewer, 'POST', /^\/api\/runs\/[^/]+\/stop$/, () => view.getByRole('button', { name: 'Stop' }).click());
  expect(servedBy(stopped), 'Stop went to instance 1').toBe(1);
  await expect(progress.getByText('stopped', { exact: true })).toBeVisible();

  // And once more without the delay: it passes.
  await view.getByLabel('Iterations').fill('');
  await view.getByLabel('Delay (ms)').fill('0');
  const started = await answerTo(viewer, 'POST', /^\/api\/runs$/, () => view.getByRole('button', { name: 'Run', exact: true }).click());
  expect(servedBy(started)).toBe(2);
  await expect(progress.getByText('passed', { exact: true })).toBeVisible();
  await expect(progress).toContainText('1 / 1 requests');
  await expect(progress).toContainText('0 failed');
  await screenshot(viewer, 'team-4-viewer-ran-on-instance-2');

  // The owner sees both in the audit log.
  const events = await openAudit(owner);
  await expect(events.getByRole('row').filter({ hasText: 'eddie@example.com' }).filter({ hasText: 'Created an environment' })).toHaveCount(1);
  await expect(events.getByRole('row').filter({ hasText: 'eddie@example.com' }).filter({ hasText: 'Saved a request' })).toContainText(`${COLLECTION} / ${REQUEST}`);
  await expect(events.getByRole('row').filter({ hasText: 'vera@example.com' }).filter({ hasText: 'Ran a collection' })).toHaveCount(2);
  await expect(events.getByRole('row').filter({ hasText: 'vera@example.com' }).filter({ hasText: 'Sent a request' })).toContainText('GET /api/v1/users');
  await screenshot(owner, 'team-5-owner-audit-log');
  await owner.getByRole('button', { name: 'Close', exact: true }).click();

  // kill -9 instance 1: the one address keeps working (nginx tries the other) and nothing is gone.
  await stack.kill(1);
  await expectEverythingAcknowledged(owner, collectionId, ['passed', 'stopped']);
  await screenshot(owner, 'team-6-instance-1-killed');

  // Instance 1 back (a process manager would), then kill -9 instance 2; the viewer runs again, unpinned.
  await viewer.context().setExtraHTTPHeaders({});
  await viewer.unrouteAll();
  await stack.restart(1);
  await stack.kill(2);
  await viewer.reload();
  await viewer.getByRole('combobox', { name: 'Environment' }).selectOption({ label: ENV_NAME });
  await runTreeAction(viewer, COLLECTION, 'Run collection…');
  // The Runner shows the last run first (read through the surviving instance); Run once it has.
  const recent = runnerView(viewer).getByRole('region', { name: 'Recent runs' }).getByRole('listitem');
  await expect(recent).toHaveCount(2);
  await expect(progress.getByText('passed', { exact: true })).toBeVisible();
  const rerun = await answerTo(viewer, 'POST', /^\/api\/runs$/, () => runnerView(viewer).getByRole('button', { name: 'Run', exact: true }).click());
  expect(servedBy(rerun)).toBe(1);
  await expect(recent).toHaveCount(3);
  await expect(progress.getByText('passed', { exact: true })).toBeVisible();
  await expectEverythingAcknowledged(owner, collectionId, ['passed', 'passed', 'stopped']);
  await screenshot(viewer, 'team-7-instance-2-killed-viewer-ran-again');
  expect(one.output() + two.output()).not.toMatch(/unhandled error/i);
});
