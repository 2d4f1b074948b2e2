/** The stock `@electric-sql/client` (ShapeStream / Shape) against the service. */
import { type Row as ClientRow, type Message, Shape, ShapeStream } from '@electric-sql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { type Harness, sleep, startShapeServer, waitFor } from './test-harness';

let db: TestDatabase;
let h: Harness;
const streams: AbortController[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(`
    CREATE TABLE todos (id int PRIMARY KEY, title text NOT NULL, status text NOT NULL, n int8 NOT NULL DEFAULT 0);
    INSERT INTO todos SELECT g, 'todo ' || g, CASE WHEN g % 2 = 0 THEN 'open' ELSE 'done' END, g FROM generate_series(1, 200) g;
  `);
  h = await startShapeServer({ databaseUrl: db.url, longPollTimeoutMs: 3000 });
});

afterAll(async () => {
  for (const c of streams) c.abort();
  let t = Date.now();
  await h?.close();
  console.log(`close ${Date.now() - t} ms`);
  t = Date.now();
  await db?.drop();
  console.log(`drop ${Date.now() - t} ms`);
});

function shapeOf(params: Record<string, unknown>, url = h.url, extra: Record<string, unknown> = {}) {
  const controller = new AbortController();
  streams.push(controller);
  const stream = new ShapeStream({ url, params: params as never, signal: controller.signal, ...extra });
  return { shape: new Shape(stream), stream, controller };
}

async function dbRows(where = 'true'): Promise<Array<Record<string, unknown>>> {
  const { rows } = await db.pool.query(`SELECT id, title, status, n::text AS n FROM todos WHERE ${where} ORDER BY id`);
  return rows;
}

function norm(rows: ClientRow[]): Array<Record<string, unknown>> {
  return rows
    .map((r) => ({ id: r.id, title: r.title, status: r.status, n: String(r.n) }))
    .sort((a, b) => (a.id as number) - (b.id as number));
}

describe('ShapeStream / Shape', () => {
  it('initial snapshot then live insert/update/delete and move-in/out', async () => {
    const all = shapeOf({ table: 'todos' });
    const open = shapeOf({ table: 'todos', where: 'status = $1', params: ['open'] });
    await all.shape.rows;
    await open.shape.rows;
    expect(norm(all.shape.currentRows)).toEqual(await dbRows());
    expect(norm(open.shape.currentRows)).toEqual(await dbRows("status = 'open'"));
    const t0 = Date.now();
    await db.pool.query(`INSERT INTO todos VALUES (1000, 'new', 'open', 5)`);
    await waitFor(() => all.shape.currentRows.some((r) => r.id === 1000), 5000, 'live insert');
    const latency = Date.now() - t0;
    expect(latency).toBeLessThan(1000);
    await db.pool.query(`UPDATE todos SET status = 'open' WHERE id = 1`); // move in
    await db.pool.query(`UPDATE todos SET status = 'done' WHERE id = 2`); // move out
    await db.pool.query(`UPDATE todos SET title = 'renamed' WHERE id = 4`);
    await db.pool.query(`DELETE FROM todos WHERE id = 6`);
    await waitFor(
      async () => JSON.stringify(norm(open.shape.currentRows)) === JSON.stringify(await dbRows("status = 'open'")),
    );
    await waitFor(async () => JSON.stringify(norm(all.shape.currentRows)) === JSON.stringify(await dbRows()));
    console.log(`live latency ${latency} ms`);
  });

  it('columns and offset=now', async () => {
    const cols = shapeOf({ table: 'todos', columns: ['id', 'title'], where: 'id <= 3' });
    const rows = await cols.shape.rows;
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['id', 'title']);
    const received: Message[] = [];
    const nowStream = new ShapeStream({
      url: h.url,
      params: { table: 'todos' },
      offset: 'now',
      signal: cols.controller.signal,
    });
    nowStream.subscribe((msgs) => {
      received.push(...msgs);
    });
    await waitFor(() => nowStream.isUpToDate, 5000, 'now up to date');
    expect(received.filter((m) => 'key' in m)).toHaveLength(0);
    await db.pool.query(`UPDATE todos SET n = n + 1 WHERE id = 8`);
    await waitFor(() => received.some((m) => 'key' in m && m.value.id === 8), 5000, 'change after now');
  });

  it('resumes from a stored offset + handle without replaying older changes', async () => {
    const first = shapeOf({ table: 'todos', where: 'id < 50' });
    await first.shape.rows;
    const offset = first.stream.lastOffset;
    const handle = first.stream.shapeHandle;
    first.controller.abort();
    await db.pool.query(`UPDATE todos SET n = 777 WHERE id = 10`);
    const received: Message[] = [];
    const c = new AbortController();
    streams.push(c);
    const resumed = new ShapeStream({
      url: h.url,
      params: { table: 'todos', where: 'id < 50' },
      offset,
      handle,
      signal: c.signal,
    });
    resumed.subscribe((msgs) => {
      received.push(...msgs);
    });
    await waitFor(() => received.some((m) => 'key' in m), 5000, 'resumed change');
    const changes = received.filter((m) => 'key' in m);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ headers: { operation: 'update' }, value: { id: 10, n: 777n } });
  });

  it('many shapes at once stay identical to the table', async () => {
    const ranged = Array.from({ length: 40 }, (_, i) => ({
      where: `id >= ${i * 5} AND id < ${i * 5 + 10}`,
      ...shapeOf({ table: 'todos', where: `id >= ${i * 5} AND id < ${i * 5 + 10}` }),
    }));
    await Promise.all(ranged.map((s) => s.shape.rows));
    const t0 = Date.now();
    await db.pool.query(`UPDATE todos SET n = n + 1, title = title || '!' WHERE id % 3 = 0`);
    await db.pool.query(`DELETE FROM todos WHERE id % 7 = 0`);
    await db.pool.query(`INSERT INTO todos SELECT g, 'm' || g, 'open', 0 FROM generate_series(201, 210) g`);
    for (const s of ranged) {
      await waitFor(
        async () => JSON.stringify(norm(s.shape.currentRows)) === JSON.stringify(await dbRows(s.where)),
        10_000,
        s.where,
      );
    }
    console.log(`40 shapes converged in ${Date.now() - t0} ms; stats ${JSON.stringify(h.service.stats())}`);
  });

  it('concurrent snapshot/commit join: shapes created during heavy writes end exactly right', async () => {
    await db.pool.query(`CREATE TABLE hot (id int PRIMARY KEY, v int NOT NULL, g int NOT NULL)`);
    await db.pool.query(`INSERT INTO hot SELECT g, 0, g % 4 FROM generate_series(1, 2000) g`);
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      let i = 0;
      while (!stop && i < 5000) {
        const id = 1 + ((i * 37 + w * 101) % 2000);
        await db.pool.query(
          `BEGIN; UPDATE hot SET v = v + 1, g = (g + 1) % 4 WHERE id = ${id}; DELETE FROM hot WHERE id = ${(id % 2000) + 1} AND v > 3; INSERT INTO hot VALUES (${10_000 + w * 100_000 + i}, 0, ${i % 4}); COMMIT;`,
        );
        i++;
      }
    });
    const hotShapes: Array<ReturnType<typeof shapeOf> & { g: number | null }> = [];
    for (let k = 0; k < 12; k++) {
      const g = k % 5 === 4 ? null : k % 4;
      hotShapes.push({ g, ...shapeOf({ table: 'hot', ...(g === null ? {} : { where: `g = ${g}` }) }) });
      await sleep(40);
    }
    await sleep(300);
    stop = true;
    await Promise.all(writers);
    for (const s of hotShapes) {
      const q = `SELECT id, v, g FROM hot ${s.g === null ? '' : `WHERE g = ${s.g}`} ORDER BY id`;
      await waitFor(
        async () => {
          const { rows } = await db.pool.query(q);
          const got = [...s.shape.currentRows]
            .map((r) => ({ id: r.id, v: r.v, g: r.g }))
            .sort((a, b) => (a.id as number) - (b.id as number));
          return JSON.stringify(got) === JSON.stringify(rows);
        },
        15_000,
        `hot shape g=${s.g}`,
      );
    }
  });
});
