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

export const TEMPLATE_DB = 'bizing_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'bizing-pg-'));
  const embedded = await startEmbeddedPostgres({ dir, ephemeral: true });
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  if (existsSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'))) {
    await runMigrations(embedded.url.replace(/\/postgres$/, `/${TEMPLATE_DB}`));
  }
  project.provide('pgAdminUrl', embedded.url);
  project.provide('pgTemplateDb', TEMPLATE_DB);
  return async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
