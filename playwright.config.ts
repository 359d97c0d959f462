import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Debian's Chromium when present (Playwright cannot download its own browser here);
// a machine with Playwright's browser installed still works without it.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const port = Number(process.env.E2E_PORT ?? 18787);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 18788);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'kinde-explorer-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
const spec = resolve(process.env.KINDE_SPEC ?? resolve(import.meta.dirname, '../shared/kinde/kinde-mgmt-api-specs.yaml'));
// Specs start extra sandboxes (e.g. with fewer scopes) and steer the server's own one.
process.env.KINDE_SPEC = spec;
process.env.E2E_SANDBOX_URL = `http://127.0.0.1:${sandboxPort}`;

export default defineConfig({
  testDir: './e2e/tests',
  // Separate folders let several checkouts' runs on one machine keep their own artifacts.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  // A loaded 2-core machine can take several seconds for a first token exchange.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: 'pnpm --filter @kinde-explorer/server start',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      DATA_DIR: dataDir,
      KINDE_SPEC: spec,
      EXPLORER_SECRET_KEY: 'e2e-only-key-not-a-secret-0123456789abcdef',
      LOG_FILE: join(dataDir, 'server.log'),
      // A build elsewhere (e.g. while others rebuild apps/web/dist); default: the server's own.
      ...(process.env.E2E_WEB_DIST ? { WEB_DIST: resolve(process.env.E2E_WEB_DIST) } : {}),
    },
  },
});
