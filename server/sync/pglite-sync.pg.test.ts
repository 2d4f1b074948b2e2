/** `@electric-sql/pglite-sync` (stock, in-memory PGlite) against the service, incl. a service restart. */
import { PGlite } from '@electric-sql/pglite';
import { electricSync } from '@electric-sql/pglite-sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { type Harness, sleep, startShapeServer, waitFor } from './test-harness';

let db: TestDatabase;
let h: Harness;
let port = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(`
    CREATE TABLE sync_accounts (id int PRIMARY KEY, name text NOT NULL, balance int8 NOT NULL);
    CREATE TABLE sync_entries (id int PRIMARY KEY, account_id int NOT NULL, amount int8 NOT NULL, memo jsonb);
    INSERT INTO sync_accounts SELECT g, 'acct ' || g, 100 FROM generate_series(1, 50) g;
  `);
  h = await startShapeServer({ databaseUrl: db.url, longPollTimeoutMs: 2000 });
  port = Number(new URL(h.url).port);
});

afterAll(async () => {
  await h?.close();
  await db?.drop();
});

async function localClient() {
  const pg = await PGlite.create({ extensions: { sync: electricSync() } });
  await pg.exec(`
    CREATE TABLE accounts (id int PRIMARY KEY, name text NOT NULL, balance int8 NOT NULL);
    CREATE TABLE entries (id int PRIMARY KEY, account_id int NOT NULL, amount int8 NOT NULL, memo jsonb);
  `);
  return pg;
}

async function serverState() {
  const a = await db.pool.query('SELECT id, name, balance::text AS balance FROM sync_accounts ORDER BY id');
  const e = await db.pool.query('SELECT id, account_id, amount::text AS amount, memo FROM sync_entries ORDER BY id');
  return JSON.stringify([a.rows, e.rows]);
}

async function localState(pg: PGlite) {
  const a = await pg.query('SELECT id, name, balance::text AS balance FROM accounts ORDER BY id');
  const e = await pg.query('SELECT id, account_id, amount::text AS amount, memo FROM entries ORDER BY id');
  return JSON.stringify([a.rows, e.rows]);
}

describe('pglite-sync', () => {
  it('syncs two tables and applies one Postgres transaction in one PGlite transaction; survives a service restart', async () => {
    const pg = await localClient();
    const url = () => `http://127.0.0.1:${port}/v1/shape`;
    const sub = await pg.sync.syncShapesToTables({
      key: 'ledger',
      shapes: {
        accounts: { shape: { url: url(), params: { table: 'sync_accounts' } }, table: 'accounts', primaryKey: ['id'] },
        entries: { shape: { url: url(), params: { table: 'sync_entries' } }, table: 'entries', primaryKey: ['id'] },
      },
    });
    await waitFor(() => sub.isUpToDate, 10_000, 'initial sync');
    expect(await localState(pg)).toBe(await serverState());

    // Transfers touch both tables in one transaction: the local sum of balances + entries stays constant.
    let torn = 0;
    let checking = true;
    const checker = (async () => {
      while (checking) {
        const r = await pg.query<{ a: string; e: string }>(
          'SELECT (SELECT sum(balance) FROM accounts)::text AS a, (SELECT coalesce(sum(amount), 0) FROM entries)::text AS e',
        );
        const row = r.rows[0] as { a: string; e: string };
        if (BigInt(row.a) + BigInt(row.e) !== 5000n) torn++;
        await sleep(1);
      }
    })();
    for (let i = 1; i <= 30; i++) {
      const acct = 1 + (i % 50);
      await db.pool.query(
        `BEGIN; UPDATE sync_accounts SET balance = balance - ${i} WHERE id = ${acct};
         INSERT INTO sync_entries VALUES (${i}, ${acct}, ${i}, '{"i": ${i}}'); COMMIT;`,
      );
    }
    await waitFor(async () => (await localState(pg)) === (await serverState()), 10_000, 'transfers');
    checking = false;
    await checker;
    expect(torn).toBe(0);

    // Restart the service on the same port: old handles get 409, the client refetches and converges.
    await h.close();
    await db.pool.query(`UPDATE sync_accounts SET name = 'while down' WHERE id = 7`);
    h = await startShapeServer({ databaseUrl: db.url, longPollTimeoutMs: 2000 }, port);
    await db.pool.query(
      `BEGIN; UPDATE sync_accounts SET balance = balance - 1 WHERE id = 9; INSERT INTO sync_entries VALUES (100, 9, 1, NULL); COMMIT;`,
    );
    await waitFor(async () => (await localState(pg)) === (await serverState()), 20_000, 'after restart');
    sub.unsubscribe();

    // Resume: a new subscription with the same key continues from stored metadata.
    const sub2 = await pg.sync.syncShapesToTables({
      key: 'ledger',
      shapes: {
        accounts: { shape: { url: url(), params: { table: 'sync_accounts' } }, table: 'accounts', primaryKey: ['id'] },
        entries: { shape: { url: url(), params: { table: 'sync_entries' } }, table: 'entries', primaryKey: ['id'] },
      },
    });
    await db.pool.query(
      `BEGIN; UPDATE sync_accounts SET balance = balance - 2 WHERE id = 3; INSERT INTO sync_entries VALUES (101, 3, 2, NULL); COMMIT;`,
    );
    await waitFor(async () => (await localState(pg)) === (await serverState()), 10_000, 'resumed');
    sub2.unsubscribe();
    await pg.close();
  });
});
