import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';

/** Debian's Chromium unless CHROMIUM_PATH says otherwise (Playwright cannot download its own here). */
export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Polls until `check` is true; resolves with the milliseconds waited. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check().catch(() => false)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The environment selector in the top bar: the first screen is usable once it is enabled. */
export const environmentSelect = (page: Page) => page.getByRole('combobox', { name: 'Environment', exact: true });
export const urlField = (page: Page) => page.getByRole('combobox', { name: 'URL', exact: true });
export const responseRegion = (page: Page) => page.getByRole('region', { name: 'Response', exact: true });

/** Installed before any page script: collects every main-thread long task (> 50 ms). */
export const LONGTASK_OBSERVER = `
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__longtasksUnsupported = String(e); }
`;

/** Long tasks that started at or after `since` (page time, ms). */
export async function longTasksSince(page: Page, since: number): Promise<{ count: number; max: number; total: number }> {
  return page.evaluate((from) => {
    const all = ((window as unknown as { __longtasks?: { start: number; duration: number }[] }).__longtasks ?? []).filter((t) => t.start >= from);
    return { count: all.length, max: all.reduce((m, t) => Math.max(m, t.duration), 0), total: all.reduce((s, t) => s + t.duration, 0) };
  }, since);
}
