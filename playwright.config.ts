import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Parallel runs on one machine can each serve their own build (`vite build --outDir dist-3201`).
const CLIENT_DIR = process.env.E2E_CLIENT_DIR ?? 'dist';

// End-to-end tests drive Debian's Chromium against the production build and a real server
// with its own embedded Postgres (fresh data directory each run).
export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/e2e-${PORT}`,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `rm -rf .data/e2e-${PORT} && DATA_DIR=.data/e2e-${PORT} CLIENT_DIR=${CLIENT_DIR} PORT=${PORT} LOG_LEVEL=warn npx tsx server/main.ts`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
