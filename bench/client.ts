/**
 * Group `client`: the installed app in Debian's Chromium.
 *   offline_cold_start_ms   reload with no network until the first query result is on screen
 *                           (service-worker shell + PGlite from IndexedDB), median of 5
 *   online_cold_start_ms    the same reload with the network, for comparison
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from '../server/app';
import { loadConfig } from '../server/config';
import { freePort } from '../server/db/embedded';
import { runMigrations } from '../server/db/migrate';
import { openDatabase } from '../server/db/pool';
import { seedDemo } from '../server/db/seed-demo';
import { DEMO_PASSWORD, percentile, round, startPostgres } from './_harness';
import type { BenchContext, Metrics } from './run';

const ROOT = resolve(import.meta.dirname, '..');

export async function run(ctx: BenchContext): Promise<Metrics> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' });
  const pg = await startPostgres(ctx);
  await runMigrations(pg.url);
  const database = openDatabase(pg.url);
  await seedDemo(database);
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    DATA_DIR: join(ctx.tmpDir, 'data'),
    AUTH_SECRET: 'c'.repeat(40),
    STRIPE_WEBHOOK_SECRET: 'whsec_bench',
    LOG_LEVEL: 'silent',
  });
  const app = await build({ config, database, dbKind: 'embedded', logger: false });
  await app.listen({ host: '127.0.0.1', port });
  const browser = await chromium.launch({
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
  });
  try {
    const context = await browser.newContext({ baseURL: `http://localhost:${port}` });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Email').fill('desk@lumen.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('sync-status').filter({ hasText: 'Online' }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      async () =>
        Boolean(
          (
            await (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<{ active: unknown }> } } })
              .navigator.serviceWorker.ready
          ).active,
        ),
      null,
      { timeout: 60_000 },
    );
    const measure = async (offline: boolean) => {
      await context.setOffline(offline);
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await page.reload();
        await page.getByTestId('board-booking').first().waitFor({ timeout: 60_000 });
        samples.push(performance.now() - t0);
      }
      await context.setOffline(false);
      return percentile(samples, 50);
    };
    const offline = await measure(true);
    const online = await measure(false);
    ctx.log(`cold start to first query: offline ${offline.toFixed(0)} ms, online ${online.toFixed(0)} ms`);
    return { offline_cold_start_ms: round(offline, 1), online_cold_start_ms: round(online, 1) };
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    await pg.stop();
  }
}
