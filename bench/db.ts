/**
 * Group `db`: how long a fresh embedded database takes to migrate and to receive the demo data.
 *   migrate_empty_s  every migration applied to an empty database
 *   seed_demo_s      the demo seed on the migrated database
 */
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { runMigrations } from '../server/db/migrate';
import { openDatabase } from '../server/db/pool';
import { seedDemo } from '../server/db/seed-demo';
import type { BenchContext, Metrics } from './run';

export async function run(ctx: BenchContext): Promise<Metrics> {
  const pg = await startEmbeddedPostgres({ dir: join(ctx.tmpDir, 'pg'), ephemeral: true });
  try {
    let t = performance.now();
    await runMigrations(pg.url);
    const migrate = (performance.now() - t) / 1000;
    ctx.log(`migrated in ${migrate.toFixed(2)} s`);
    const database = openDatabase(pg.url);
    try {
      t = performance.now();
      await seedDemo(database);
      const seed = (performance.now() - t) / 1000;
      ctx.log(`seeded in ${seed.toFixed(2)} s`);
      return { migrate_empty_s: round(migrate), seed_demo_s: round(seed) };
    } finally {
      await database.close();
    }
  } finally {
    await pg.stop();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
