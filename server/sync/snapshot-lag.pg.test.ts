/**
 * A shape created while replication lags behind commits: a transaction the snapshot already saw
 * must not be appended to the shape log again when it is replicated later (pglite-sync inserts
 * every insert it is given, so a repeated row fails its whole batch, and the device's applied LSN
 * would then pass a transaction whose rows it never stored).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { type Harness, type Msg, shapeGet, startShapeServer, syncToUpToDate, waitFor } from './test-harness';

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(`
    CREATE TABLE lag_items (id int PRIMARY KEY, title text NOT NULL);
    CREATE TABLE lag_bulk (id int PRIMARY KEY, pad text NOT NULL);
  `);
  h = await startShapeServer({ databaseUrl: db.url, longPollTimeoutMs: 500 });
});

afterAll(async () => {
  await h?.close();
  await db?.drop();
});

describe('snapshot joined with a lagging replication stream', () => {
  it('never repeats a transaction the snapshot already contains', async () => {
    // Keeps replication busy: decoding a large transaction delays every later one.
    await db.pool.query("INSERT INTO lag_bulk SELECT g, repeat('x', 200) FROM generate_series(1, 150000) g");
    const before = await db.pool.query<{ lsn: string }>("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::text AS lsn");
    await db.pool.query("INSERT INTO lag_items VALUES (1, 'seen by the snapshot')");
    const first = await syncToUpToDate(h.url, { table: 'lag_items' });
    expect(first.messages.filter((m) => m.key).map((m) => m.value?.id)).toEqual(['1']);
    // The case under test: the shape was built before replication reached the row's transaction.
    expect(BigInt(h.service.stats().globalLsn)).toBeLessThan(BigInt(before.rows[0]!.lsn));
    // Whatever replication delivers from here on, the row must not come a second time.
    await db.pool.query("INSERT INTO lag_items VALUES (2, 'after the snapshot')");
    const later: Msg[] = [];
    let offset = first.offset;
    await waitFor(
      async () => {
        const r = await shapeGet(h.url, { table: 'lag_items', handle: first.handle, offset, live: 'true' });
        offset = r.headers.get('electric-offset') as string;
        later.push(...(r.body as Msg[]).filter((m) => m.key));
        return later.some((m) => m.value?.id === '2');
      },
      30_000,
      'the second row',
    );
    expect(later.map((m) => m.value?.id)).toEqual(['2']);
  }, 60_000);
});
