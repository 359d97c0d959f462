import { request } from 'node:http';
import { environmentSelect, launchChromium, LONGTASK_OBSERVER, longTasksSince, responseRegion, until, urlField } from '../lib/browser.ts';
import { ENVIRONMENT_NAME, type BenchFixture } from '../lib/fixture.ts';
import { memoryOf, resetPeak } from '../lib/processes.ts';
import { emptyOutput, fmt, mb, type SectionOutput } from '../lib/report.ts';

const PATH = '/api/v1/users';
const LONG_TASK_GOAL_MS = 250;
// Terminal states of the response viewer that are not the body: stop waiting at once.
const NO_BODY = /The response has no body|Could not reach|response_too_large|upstream_timeout/;

/** One HTTP exchange, the body counted but not kept; returns status, bytes and the first bytes. */
function timedRequest(url: string, init: { method: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; bytes: number; head: string; ms: number }>((resolve, reject) => {
    const u = new URL(url);
    const payload = init.body === undefined ? undefined : Buffer.from(init.body);
    const t0 = performance.now();
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: init.method, headers: { ...init.headers, ...(payload ? { 'content-length': payload.length } : {}) } },
      (res) => {
        let bytes = 0;
        let head = '';
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (head.length < 256) head += c.toString('utf8', 0, Math.min(c.length, 256));
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, head, ms: performance.now() - t0 }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface RelayRow {
  sizeMb: number;
  directMs: number;
  relayMs: number;
  envelopeBytes: number;
  rssBefore: number;
  rssPeakDelta: number | null;
  rssAfter: number;
}

interface UiRow {
  sizeMb: number;
  /** Which view showed the body: Monaco or the app's own (large-body) viewer. */
  viewer?: string;
  clickToBodyMs: number | null;
  longestTaskMs: number | null;
  longTasks: number | null;
  longTaskTotalMs: number | null;
  error?: string;
}

/** §4: 1–50 MB JSON bodies: relay time and server memory; in Chromium, time to a visible body and the longest task. */
export async function largeResponses(fixture: BenchFixture, opts: { sizesMb: number[]; ui: boolean }, log: (m: string) => void): Promise<SectionOutput> {
  const out = emptyOutput();
  const token = await fixture.sandbox.exchangeToken();
  const pid = fixture.server.child.pid;
  const relayRows: RelayRow[] = [];
  try {
    for (const sizeMb of opts.sizesMb) {
      await fixture.sandbox.setFaults({ largeBodyBytes: sizeMb * 1024 * 1024, pathPrefix: PATH });
      const direct = await timedRequest(`${fixture.sandbox.url}${PATH}`, { method: 'GET', headers: { authorization: `Bearer ${token}` } });
      if (direct.status !== 200) throw new Error(`direct ${sizeMb} MB: HTTP ${direct.status}`);
      // Settle the heap before measuring so the delta is this send's, not leftovers.
      await new Promise((r) => setTimeout(r, 300));
      const peakReset = resetPeak(pid);
      const before = memoryOf(pid);
      const relay = await timedRequest(`${fixture.server.url}/api/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: fixture.sendBody(PATH),
      });
      const after = memoryOf(pid);
      if (relay.status !== 200 || !relay.head.startsWith('{"status":200')) throw new Error(`relay ${sizeMb} MB: HTTP ${relay.status} ${relay.head.slice(0, 200)}`);
      const row: RelayRow = {
        sizeMb,
        directMs: direct.ms,
        relayMs: relay.ms,
        envelopeBytes: relay.bytes,
        rssBefore: before?.rss ?? Number.NaN,
        rssPeakDelta: peakReset && before && after ? after.peak - before.rss : null,
        rssAfter: after?.rss ?? Number.NaN,
      };
      relayRows.push(row);
      log(`  ${sizeMb} MB: direct ${fmt(direct.ms)} ms, relay ${fmt(relay.ms)} ms, server peak RSS +${row.rssPeakDelta === null ? 'n/a' : mb(row.rssPeakDelta)}`);
    }
    out.tables.push({
      title: 'Large JSON bodies through POST /api/send (server RSS from /proc; peak = VmHWM after resetting it)',
      columns: ['body', 'direct', 'relay', 'relay/direct', 'answer size', 'server RSS before', 'peak RSS delta', 'RSS after'],
      rows: relayRows.map((r) => [
        `${r.sizeMb} MB`,
        `${fmt(r.directMs)} ms`,
        `${fmt(r.relayMs)} ms`,
        `${(r.relayMs / r.directMs).toFixed(1)}×`,
        mb(r.envelopeBytes),
        mb(r.rssBefore),
        r.rssPeakDelta === null ? 'n/a' : `+${mb(r.rssPeakDelta)}`,
        mb(r.rssAfter),
      ]),
    });
    out.data.relay = relayRows;

    if (!opts.ui) {
      out.notes.push('browser: n/a (skipped)');
      return out;
    }
    const uiRows = await uiLargeBodies(fixture, opts.sizesMb, log);
    out.tables.push({
      title: 'In Chromium: Send clicked → body visible in the response editor, and main-thread long tasks meanwhile (fresh page per size)',
      columns: ['body', 'viewer', 'click → body visible', 'longest task', 'long tasks', 'long-task time'],
      rows: uiRows.map((r) => [
        `${r.sizeMb} MB`,
        r.viewer ?? 'n/a',
        r.clickToBodyMs === null ? `n/a: ${r.error ?? ''}` : `${fmt(r.clickToBodyMs)} ms`,
        r.longestTaskMs === null ? 'n/a' : `${fmt(r.longestTaskMs)} ms`,
        r.longTasks === null ? 'n/a' : String(r.longTasks),
        r.longTaskTotalMs === null ? 'n/a' : `${fmt(r.longTaskTotalMs)} ms`,
      ]),
    });
    const at20 = uiRows.find((r) => r.sizeMb === 20);
    if (at20) {
      out.goals.push({
        name: 'longest main-thread task rendering a 20 MB body',
        target: `≤ ${LONG_TASK_GOAL_MS} ms`,
        actual: at20.longestTaskMs === null ? `n/a: ${at20.error ?? ''}` : `${fmt(at20.longestTaskMs)} ms`,
        met: at20.longestTaskMs === null ? null : at20.longestTaskMs <= LONG_TASK_GOAL_MS,
      });
    }
    out.data.ui = uiRows;
    return out;
  } finally {
    await fixture.sandbox.clearFaults().catch(() => {});
  }
}

async function uiLargeBodies(fixture: BenchFixture, sizesMb: number[], log: (m: string) => void): Promise<UiRow[]> {
  const browser = await launchChromium();
  const rows: UiRow[] = [];
  try {
    for (const sizeMb of sizesMb) {
      const failed = rows.find((r) => r.clickToBodyMs === null);
      if (failed) {
        // A larger body will not do better; don't spend minutes finding out.
        rows.push({ sizeMb, clickToBodyMs: null, longestTaskMs: null, longTasks: null, longTaskTotalMs: null, error: `skipped after the ${failed.sizeMb} MB failure` });
        continue;
      }
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(LONGTASK_OBSERVER);
      const page = await context.newPage();
      try {
        await fixture.sandbox.setFaults({ largeBodyBytes: sizeMb * 1024 * 1024, pathPrefix: PATH });
        await page.goto(fixture.server.url);
        await until(() => environmentSelect(page).isEnabled(), 30_000, 'the environment selector');
        await environmentSelect(page).selectOption({ label: ENVIRONMENT_NAME });
        await urlField(page).fill(`{{business_domain}}${PATH}`);
        // Let the idle Monaco preload finish so this measures the body, not the editor's download.
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
        const since = await page.evaluate(() => performance.now());
        const t0 = performance.now();
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        const timeout = 30_000 + sizeMb * 2_000;
        // Whichever viewer the app picks for the size (Monaco or its own large-body view), the first lines show `"users"`.
        let shown = '';
        await until(
          async () => {
            shown = (await responseRegion(page).textContent({ timeout: 1_000 })) ?? '';
            return shown.includes('"users"') || NO_BODY.test(shown);
          },
          timeout,
          `the ${sizeMb} MB body`,
        );
        if (!shown.includes('"users"')) throw new Error(`the response viewer shows "${NO_BODY.exec(shown)?.[0]}" instead of the body`);
        const viewer = (await responseRegion(page).locator('.monaco-editor').count()) > 0 ? 'Monaco' : 'app viewer';
        const clickToBodyMs = performance.now() - t0;
        // Tasks right after the first paint (tokenising, layout) belong to the render too.
        await page.waitForTimeout(1_000);
        const tasks = await longTasksSince(page, since);
        rows.push({ sizeMb, viewer, clickToBodyMs, longestTaskMs: tasks.max, longTasks: tasks.count, longTaskTotalMs: tasks.total });
        log(`  UI ${sizeMb} MB: body visible after ${fmt(clickToBodyMs)} ms in ${viewer}, longest task ${fmt(tasks.max)} ms (${tasks.count} long tasks)`);
      } catch (err) {
        const message = (err as Error).message.split('\n')[0]!;
        rows.push({ sizeMb, clickToBodyMs: null, longestTaskMs: null, longTasks: null, longTaskTotalMs: null, error: message });
        log(`  UI ${sizeMb} MB: n/a (${message})`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}
