/** Test helper: a fresh, migrated database per test file, cloned from the global template. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/pool';

export interface TestDatabase extends Database {
  readonly name: string;
  /** Close the pool and drop the database. */
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `demo: true` clones the seeded template (two demo bizes and their logins). */
export async function createTestDatabase(opts: { demo?: boolean } = {}): Promise<TestDatabase> {
  const template = opts.demo ? inject('pgDemoTemplateDb') : inject('pgTemplateDb');
  const name = `t_${randomBytes(6).toString('hex')}`;
  // Template cloning needs exclusive access to the template; parallel files retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      break;
    } catch (err) {
      if (attempt > 50) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  const url = inject('pgAdminUrl').replace(/\/postgres$/, `/${name}`);
  const database = openDatabase(url, { max: 10, applicationName: 'bizing-test' });
  return {
    ...database,
    name,
    drop: async () => {
      await database.close();
      await admin(async (c) => {
        // Logical slots pin a database; terminate their walsenders and drop them first.
        await c.query(
          'SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE database = $1 AND active_pid IS NOT NULL',
          [name],
        );
        await c
          .query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = $1', [name])
          .catch(() => {});
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}
