/** Postgres restarts under a live stream: the service reconnects (resuming its slot) and clients converge. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Shape, ShapeStream } from '@electric-sql/client';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type EmbeddedDatabase, freePort, startEmbeddedPostgres } from '../db/embedded';
import { type Harness, sleep, startShapeServer, waitFor } from './test-harness';

let dir: string;
let port: number;
let embedded: EmbeddedDatabase;
let h: Harness;
let pool: pg.Pool;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shapes-restart-'));
  port = await freePort();
  embedded = await startEmbeddedPostgres({ dir, port });
  pool = new pg.Pool({ connectionString: embedded.url, max: 4 });
  pool.on('error', () => {});
  await pool.query(`CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL, n int NOT NULL)`);
  await pool.query(`INSERT INTO notes SELECT g, 'note ' || g, 0 FROM generate_series(1, 100) g`);
  h = await startShapeServer({ databaseUrl: embedded.url, longPollTimeoutMs: 1000 });
});

afterAll(async () => {
  await h?.close().catch(() => {});
  await pool?.end().catch(() => {});
  await embedded?.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

async function rows() {
  const { rows } = await pool.query('SELECT id, body, n FROM notes ORDER BY id');
  return JSON.stringify(rows);
}

it('a live client ends identical to the server after a Postgres restart', async () => {
  const controller = new AbortController();
  const stream = new ShapeStream({
    url: h.url,
    params: { table: 'notes' },
    signal: controller.signal,
    backoffOptions: { initialDelay: 50, maxDelay: 500, multiplier: 1.5 },
  });
  const shape = new Shape(stream);
  const local = () =>
    JSON.stringify(
      [...shape.currentRows]
        .sort((a, b) => (a.id as number) - (b.id as number))
        .map((r) => ({ id: r.id, body: r.body, n: r.n })),
    );
  await shape.rows;
  expect(local()).toBe(await rows());
  await pool.query(`UPDATE notes SET n = n + 1 WHERE id <= 10`);
  await waitFor(async () => local() === (await rows()), 5000, 'before restart');

  // Writes right before the restart, then restart on the same dir/port.
  await pool.query(`UPDATE notes SET n = n + 1 WHERE id > 90`);
  let t = Date.now();
  await embedded.stop();
  console.log(`stopped in ${Date.now() - t} ms`);
  await sleep(300);
  t = Date.now();
  embedded = await startEmbeddedPostgres({ dir, port });
  console.log(`started in ${Date.now() - t} ms`);
  await waitFor(() => h.service.stats().connected, 20_000, 'replication reconnected');
  await pool.query(`INSERT INTO notes VALUES (101, 'after restart', 1)`);
  await pool.query(`DELETE FROM notes WHERE id = 5`);
  await pool.query(`UPDATE notes SET body = 'edited' WHERE id = 50`);
  await waitFor(async () => local() === (await rows()), 20_000, 'after restart');
  controller.abort();
});
