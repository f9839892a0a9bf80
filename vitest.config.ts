import { defineConfig } from 'vitest/config';

// Three tiers, each its own project: `npm run test:unit|test:integration|test:e2e`, or all with `npm test`.
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
    ],
  },
});
