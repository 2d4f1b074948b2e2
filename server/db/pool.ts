/** The server's Postgres pool and its Drizzle handle. */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

// int8 (bigint) columns we use hold counters and LSN-free ids that fit in a double; parse as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = NodePgDatabase<Record<string, never>>;

export interface Database {
  readonly pool: pg.Pool;
  readonly db: Db;
  readonly url: string;
  close(): Promise<void>;
}

export function openDatabase(url: string, opts: { max?: number; applicationName?: string } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 20,
    application_name: opts.applicationName ?? 'bizing-server',
    // Only the write path names (prepares) its statements (server/db/prepared.ts). Their generic plans
    // are as good as per-call ones, and planning a busy-time lookup afresh costs more than running it.
    options: '-c plan_cache_mode=force_generic_plan',
    // Statements sent without waiting for the one before go out at once (the commit runner sends BEGIN
    // with its first statement, COMMIT with its last); answers still come back in order.
    pipeline: true,
  } as pg.PoolConfig);
  // An idle client that dies (Postgres restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzle(pool);
  let closed = false;
  return {
    pool,
    db,
    url,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Fail fast when an external server cannot feed the shape service. */
export async function assertLogicalReplication(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ wal_level: string }>('SHOW wal_level');
  const level = rows[0]?.wal_level;
  if (level !== 'logical') {
    throw new Error(
      `DATABASE_URL points at a Postgres with wal_level=${level}; the sync service needs wal_level=logical ` +
        `(set it in postgresql.conf or with -c wal_level=logical, then restart Postgres).`,
    );
  }
}
