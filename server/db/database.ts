/** Chooses and starts the database: embedded Postgres by default, DATABASE_URL when given. */
import { join } from 'node:path';
import type { Config } from '../config';
import { startEmbeddedPostgres } from './embedded';
import { runMigrations } from './migrate';
import { assertLogicalReplication, type Database, openDatabase } from './pool';

export type DbKind = 'embedded' | 'external';

export interface RunningDatabase {
  readonly kind: DbKind;
  readonly database: Database;
  /** Close the pool and, when embedded, stop Postgres. */
  stop(): Promise<void>;
}

export async function startDatabase(
  config: Config,
  opts: { migrate?: boolean; log?: (line: string) => void } = {},
): Promise<RunningDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dir: join(config.dataDir, 'pg'), onLog: opts.log });
  const url = config.databaseUrl ?? embedded!.url;
  const database = openDatabase(url);
  try {
    await assertLogicalReplication(database.pool);
    if (opts.migrate !== false) await runMigrations(url);
  } catch (err) {
    await database.close();
    await embedded?.stop();
    throw err;
  }
  return {
    kind: embedded ? 'embedded' : 'external',
    database,
    stop: async () => {
      await database.close();
      await embedded?.stop();
    },
  };
}
