/**
 * Group `sync`: the embedded shape service (createShapeService on its own HTTP plugin, no proxy)
 * feeding the stock `@electric-sql/pglite-sync` into in-memory PGlite.
 *   sync_initial_100k_s      100,000 rows (`bench_rows` of one biz, `where biz_id = $1`) from a fresh
 *                            shape to a fresh PGlite, until pglite-sync reports the initial sync done
 *                            (includes the server-side snapshot; default insert method, as the client)
 *   sync_initial_100k_ratio  that time / inserting the same rows into a fresh PGlite directly
 *                            (one transaction, multi-row INSERTs of 1,000 rows; median of 3 after a warm-up)
 *   visible_latency_p50_ms / _p99_ms  an INSERT sent to Postgres until the row is queryable in the
 *                            synced PGlite (100 samples after 5 warm-up ones, sequential, PGlite polled
 *                            every ~1 ms; service, client and PGlite share this process)
 *   shape_idle_memory_kb     heap growth (after forced GC) per shape for 200 idle shapes
 *                            (10 rows each, created and synced to up-to-date, no parked requests)
 */
import { PGlite } from '@electric-sql/pglite';
import { electricSync } from '@electric-sql/pglite-sync';
import pg from 'pg';
import { createShapeService } from '../server/sync';
import { percentile, round, serveShapes, settledMemory, sleep, startPostgres, waitUntil } from './_harness';
import type { BenchContext, Metrics } from './run';

const ROWS = 100_000;
const BIZ = 'biz_bench';
const TABLE_SQL = 'CREATE TABLE bench_rows (id text PRIMARY KEY, biz_id text NOT NULL, n int NOT NULL, label text)';
const IDLE_SHAPES = 200;

type BenchRow = { id: string; biz_id: string; n: number; label: string };

async function directInsert(pool: pg.Pool): Promise<number> {
  const rows = (await pool.query<BenchRow>('SELECT id, biz_id, n, label FROM bench_rows ORDER BY id')).rows;
  const lite = await PGlite.create();
  try {
    await lite.exec(TABLE_SQL);
    const t = performance.now();
    await lite.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        const values = chunk.map((_, j) => `($${j * 4 + 1}, $${j * 4 + 2}, $${j * 4 + 3}, $${j * 4 + 4})`).join(', ');
        await tx.query(
          `INSERT INTO bench_rows (id, biz_id, n, label) VALUES ${values}`,
          chunk.flatMap((r) => [r.id, r.biz_id, r.n, r.label]),
        );
      }
    });
    const s = (performance.now() - t) / 1000;
    const n = (await lite.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_rows')).rows[0]!.n;
    if (n !== rows.length) throw new Error(`direct insert: ${n} rows`);
    return s;
  } finally {
    await lite.close();
  }
}

/** Creates a `bench_idle` shape for one biz and follows it to up-to-date, as a client would. */
async function followToUpToDate(url: string, biz: string): Promise<void> {
  const u = new URL(url);
  u.searchParams.set('table', 'bench_idle');
  u.searchParams.set('where', 'biz_id = $1');
  u.searchParams.set('params[1]', biz);
  let offset = '-1';
  let handle = '';
  for (let hop = 0; hop < 10; hop++) {
    u.searchParams.set('offset', offset);
    if (handle) u.searchParams.set('handle', handle);
    const res = await fetch(u);
    const body = (await res.json()) as { headers: { control?: string } }[];
    if (res.status !== 200) throw new Error(`idle shape ${biz}: ${res.status}`);
    handle = res.headers.get('electric-handle') ?? '';
    offset = res.headers.get('electric-offset') ?? '';
    if (body.at(-1)?.headers.control === 'up-to-date') return;
  }
  throw new Error(`idle shape ${biz} never up to date`);
}

export async function run(ctx: BenchContext): Promise<Metrics> {
  const server = await startPostgres(ctx);
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  pool.on('error', () => {});
  try {
    await pool.query(TABLE_SQL);
    await pool.query(
      `INSERT INTO bench_rows SELECT 'row_' || lpad(g::text, 7, '0'), $1, g, 'label ' || md5(g::text)
       FROM generate_series(1, ${ROWS}) g`,
      [BIZ],
    );
    await pool.query('CREATE TABLE bench_idle (id text PRIMARY KEY, biz_id text NOT NULL, n int NOT NULL, label text)');
    await pool.query(
      `INSERT INTO bench_idle SELECT 'idle_' || g, 'biz_idle_' || (g % ${IDLE_SHAPES}), g, 'label ' || md5(g::text)
       FROM generate_series(1, ${IDLE_SHAPES * 10}) g`,
    );
    await pool.query('ANALYZE');
    const service = createShapeService({ databaseUrl: server.url, longPollTimeoutMs: 20_000 });
    await service.ready();
    const endpoint = await serveShapes(service);
    try {
      // ---- memory per idle shape (first, on a clean service; one warm-up shape is not counted) ----
      await followToUpToDate(endpoint.url, 'biz_idle_warmup');
      const before = await settledMemory();
      const statsBefore = service.stats();
      for (let i = 0; i < IDLE_SHAPES; i++) await followToUpToDate(endpoint.url, `biz_idle_${i}`);
      const after = await settledMemory();
      const statsAfter = service.stats();
      const added = statsAfter.shapes - statsBefore.shapes;
      if (added !== IDLE_SHAPES) throw new Error(`expected ${IDLE_SHAPES} new shapes, got ${added}`);
      const heapKb = (after.heap - before.heap) / IDLE_SHAPES / 1024;
      const rssKb = (after.rss - before.rss) / IDLE_SHAPES / 1024;
      const approxKb = (statsAfter.approxBytes - statsBefore.approxBytes) / IDLE_SHAPES / 1024;
      ctx.log(
        `${IDLE_SHAPES} idle shapes: heap ${heapKb.toFixed(1)} KB/shape, RSS ${rssKb.toFixed(1)} KB/shape, ` +
          `service approxBytes ${approxKb.toFixed(1)} KB/shape`,
      );

      await directInsert(pool); // warm-up: PGlite's first use in this process
      const directRuns = [await directInsert(pool), await directInsert(pool), await directInsert(pool)];
      const direct = percentile(directRuns, 50);
      ctx.log(
        `direct PGlite insert of ${ROWS} rows (one transaction), median of 3: ${direct.toFixed(2)} s ` +
          `(${directRuns.map((s) => s.toFixed(2)).join(', ')})`,
      );

      // ---- initial sync of 100k rows into a fresh PGlite ----
      const lite = await PGlite.create({ extensions: { sync: electricSync() } });
      await lite.exec(TABLE_SQL);
      let initialDone = 0;
      const t0 = performance.now();
      const sub = await lite.sync.syncShapeToTable({
        shape: { url: endpoint.url, params: { table: 'bench_rows', where: 'biz_id = $1', params: [BIZ] } },
        table: 'bench_rows',
        primaryKey: ['id'],
        shapeKey: null,
        onInitialSync: () => {
          initialDone = performance.now();
        },
        onError: (err) => ctx.log(`sync error: ${err}`),
      });
      await waitUntil(() => initialDone > 0, 90_000, 'initial sync of 100k rows', 2);
      const initial = (initialDone - t0) / 1000;
      const local = (await lite.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_rows')).rows[0]!.n;
      if (local !== ROWS) throw new Error(`initial sync delivered ${local} rows`);
      ctx.log(`initial sync of ${ROWS} rows: ${initial.toFixed(2)} s (ratio ${(initial / direct).toFixed(2)})`);

      // ---- commit-to-visible latency (after a GC and 5 discarded warm-up samples) ----
      await settledMemory();
      const samples: number[] = [];
      for (let i = -5; i < 100; i++) {
        const id = `lat_${i + 5}`;
        const t = performance.now();
        await pool.query('INSERT INTO bench_rows (id, biz_id, n, label) VALUES ($1, $2, $3, $4)', [id, BIZ, -i, 'l']);
        await waitUntil(
          async () => (await lite.query('SELECT 1 FROM bench_rows WHERE id = $1', [id])).rows.length > 0,
          10_000,
          `row ${id} in PGlite`,
          1,
        );
        if (i >= 0) samples.push(performance.now() - t);
        await sleep(10 + Math.random() * 20);
      }
      const p50 = percentile(samples, 50);
      const p99 = percentile(samples, 99);
      ctx.log(`visible latency over ${samples.length} inserts: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
      sub.unsubscribe();
      await lite.close();

      return {
        sync_initial_100k_s: round(initial),
        sync_initial_100k_ratio: round(initial / direct),
        visible_latency_p50_ms: round(p50, 1),
        visible_latency_p99_ms: round(p99, 1),
        shape_idle_memory_kb: round(heapKb, 1),
      };
    } finally {
      await service.close();
      await endpoint.close();
    }
  } finally {
    await pool.end();
    await server.stop();
  }
}
