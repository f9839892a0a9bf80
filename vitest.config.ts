import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The server's three tiers plus the web app's component tests and browser journeys, each its own
// project: `npm run test:unit|test:web|test:integration|test:e2e|test:browser`, or all with `npm test`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        // Component tests of the web app: React Testing Library on jsdom, no server.
        plugins: [react()],
        test: {
          name: 'web',
          sequence: { groupOrder: 0 },
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/test/setup.ts'],
          css: false,
          // Mantine renders a lot per test; on a busy 2-core machine 5 s is not always enough.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.integration.test.ts', 'test/integration/**/*.integration.test.ts'],
          globalSetup: ['test/support/global-database.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/support/global-database.setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // Whole-process tests start servers and databases: two at a time on a 2-core machine.
          maxWorkers: 2,
        },
      },
      {
        // Browser journeys: the built app in a real server process, driven through Debian's
        // Chromium by playwright-core. Not part of `npm test` (they need /usr/bin/chromium);
        // `npm run test:browser` and .ci/run run them.
        test: {
          name: 'browser',
          sequence: { groupOrder: 3 },
          include: ['test/browser/**/*.browser.test.ts'],
          globalSetup: ['test/support/global-database.setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
