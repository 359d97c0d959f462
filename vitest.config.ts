import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// Tests use Kinde's real spec; CI passes KINDE_SPEC, a checkout beside shared/ finds it there.
const kindeSpec = resolve(process.env.KINDE_SPEC ?? resolve(import.meta.dirname, '../shared/kinde/kinde-mgmt-api-specs.yaml'));

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/cli/src/**/*.test.ts', 'apps/web/src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { KINDE_SPEC: kindeSpec },
  },
});
