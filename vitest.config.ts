import { defineConfig } from 'vitest/config';

// Two projects chosen by file name: pure tests (*.test.ts) and Postgres-backed ones (*.pg.test.ts),
// which share one embedded Postgres started by the global setup (one database per test file).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts'],
          exclude: ['**/*.pg.test.ts', '**/*.reliability.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'pg',
          include: ['shared/**/*.pg.test.ts', 'server/**/*.pg.test.ts', 'client/**/*.pg.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          environment: 'node',
        },
      },
      {
        test: {
          name: 'reliability',
          include: ['**/*.reliability.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          environment: 'node',
          fileParallelism: false,
        },
      },
    ],
  },
});
