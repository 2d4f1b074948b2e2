import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { type Harness, type Msg, shapeGet, startShapeServer, syncToUpToDate } from './test-harness';

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(`
    CREATE SCHEMA crm;
    CREATE TABLE items (id int8 PRIMARY KEY, title text NOT NULL, done bool NOT NULL DEFAULT false,
      tags text[], price numeric(10,2), meta jsonb, at timestamptz, name varchar(20), total int GENERATED ALWAYS AS (id * 2) STORED);
    CREATE TABLE crm.deals (org text, id text, amount int, PRIMARY KEY (org, id));
    CREATE TABLE "Weird" ("Id" int PRIMARY KEY, "Status-Check" text);
    INSERT INTO items (id, title, done, tags, price, meta, at, name) VALUES
      (1, 'milk', false, '{dairy,"cold food"}', 1.50, '{"a":1}', '2025-01-31 09:30:00+00', 'x'),
      (2, 'a/b', true, NULL, NULL, NULL, NULL, NULL),
      (3, 'bread', false, '{}', 3, '[]', '2025-02-01 00:00:00.5+00', 'y');
    INSERT INTO crm.deals VALUES ('acme', 'd/1', 10), ('acme', 'd2', 20), ('zeta', 'z1', 30);
    INSERT INTO "Weird" VALUES (1, 'ok');
  `);
  h = await startShapeServer({ databaseUrl: db.url, longPollTimeoutMs: 1500 });
});

afterAll(async () => {
  await h?.close();
  await db?.drop();
});

const rows = (msgs: Msg[]) => msgs.filter((m) => m.key !== undefined);

describe('initial sync', () => {
  it('answers offset=-1 with the snapshot chunk, handle, offset 0_0, schema and no up-to-date (§8.1, 8.2, 8.8)', async () => {
    const r = await shapeGet(h.url, { table: 'items', offset: '-1', log: 'full' });
    expect(r.status).toBe(200);
    expect(r.headers.get('electric-handle')).toBeTruthy();
    expect(r.headers.get('electric-offset')).toBe('0_0');
    expect(r.headers.get('electric-up-to-date')).toBeNull();
    expect(r.headers.get('cache-control')).toBe(
      'public, max-age=604800, s-maxage=3600, stale-while-revalidate=2629746',
    );
    const body = r.body as Msg[];
    expect(body.some((m) => m.headers.control === 'up-to-date')).toBe(false);
    expect(body.at(-1)?.headers.control).toBe('snapshot-end');
    const items = rows(body);
    expect(items).toHaveLength(3);
    for (const m of items) {
      expect(m.headers).toEqual({ operation: 'insert', relation: ['public', 'items'] });
      for (const v of Object.values(m.value ?? {})) expect(v === null || typeof v === 'string').toBe(true);
    }
    const one = items.find((m) => m.value?.id === '1') as Msg;
    expect(one.key).toBe('"public"."items"/"1"');
    expect(one.value).toEqual({
      id: '1',
      title: 'milk',
      done: 'f',
      tags: '{dairy,"cold food"}',
      price: '1.50',
      meta: '{"a": 1}',
      at: '2025-01-31 09:30:00+00',
      name: 'x',
    });
    expect('total' in (one.value ?? {})).toBe(false);
    const schema = JSON.parse(r.headers.get('electric-schema') as string);
    expect(schema.id).toEqual({ type: 'int8', not_null: true, pk_index: 0 });
    expect(schema.tags).toEqual({ type: 'text', dims: 1 });
    expect(schema.price).toEqual({ type: 'numeric', precision: 10, scale: 2 });
    expect(schema.name).toEqual({ type: 'varchar', max_length: 20 });
    expect(schema.done).toEqual({ type: 'bool', not_null: true });
    expect(r.headers.get('access-control-expose-headers')).toContain('electric-handle');
  });

  it('follows to up-to-date with global_last_seen_lsn and keeps answers deterministic (§8.3, 8.4, 8.32)', async () => {
    const s = await syncToUpToDate(h.url, { table: 'items' });
    const last = s.messages.at(-1) as Msg;
    expect(last.headers.control).toBe('up-to-date');
    expect(last.headers.global_last_seen_lsn).toMatch(/^\d+$/);
    expect(s.offset).toBe('0_inf');
    const second = s.responses[1];
    expect(second?.headers.get('electric-up-to-date')).toBe('');
    expect(second?.headers.get('electric-schema')).toBeTruthy();
    expect(second?.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    const [a, b] = await Promise.all([
      shapeGet(h.url, { table: 'items', offset: '-1' }),
      shapeGet(h.url, { table: 'items', offset: '-1' }),
    ]);
    expect(a.text).toBe(b.text);
    expect(a.headers.get('electric-handle')).toBe(s.handle);
  });

  it('keys composite/escaped PKs and addresses schemas and quoted tables (§8.10, 8.16)', async () => {
    const s = await syncToUpToDate(h.url, { table: 'crm.deals' });
    const keys = rows(s.messages).map((m) => m.key);
    expect(keys).toContain('"crm"."deals"/"acme"/"d//1"');
    const w = await syncToUpToDate(h.url, { table: '"Weird"', columns: '"Id","Status-Check"' });
    expect(rows(w.messages)[0]?.value).toEqual({ Id: '1', 'Status-Check': 'ok' });
    const bad = await shapeGet(h.url, { table: 'weird', offset: '-1' });
    expect(bad.status).toBe(400);
  });

  it('supports columns and where with params (§8.15, 8.17)', async () => {
    const s = await syncToUpToDate(h.url, {
      table: 'items',
      columns: '"id","title"',
      where: "done = $1 AND id IN (1, 2, $2) AND title <> 'x'",
      'params[1]': 'false',
      'params[2]': '3',
    });
    expect(rows(s.messages).map((m) => m.value)).toEqual(
      expect.arrayContaining([
        { id: '1', title: 'milk' },
        { id: '3', title: 'bread' },
      ]),
    );
    expect(rows(s.messages)).toHaveLength(2);
    const nulls = await syncToUpToDate(h.url, { table: 'items', where: 'tags IS NULL OR NOT (price > 2)' });
    expect(
      rows(nulls.messages)
        .map((m) => m.value?.id)
        .sort(),
    ).toEqual(['1', '2']);
    const ts = await syncToUpToDate(h.url, { table: 'items', where: "at >= '2025-02-01'" });
    expect(rows(ts.messages).map((m) => m.value?.id)).toEqual(['3']);
  });

  it('answers offset=now immediately with the tail and schema (§8.34)', async () => {
    const r = await shapeGet(h.url, { table: 'items', offset: 'now' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { headers: { control: 'up-to-date', global_last_seen_lsn: expect.stringMatching(/^\d+$/) } },
    ]);
    expect(r.headers.get('electric-schema')).toBeTruthy();
    expect(r.headers.get('electric-offset')).toBe('0_inf');
  });

  it('ignores unknown params and handles OPTIONS (§8.7, 8.14)', async () => {
    const r = await shapeGet(h.url, {
      table: 'items',
      offset: '-1',
      'cache-buster': 'x',
      expired_handle: 'y',
      experimental_live_sse: 'false',
      custom: '1',
    });
    expect(r.status).toBe(200);
    const o = await fetch(h.url, {
      method: 'OPTIONS',
      headers: { 'access-control-request-headers': 'if-none-match, x-foo' },
    });
    expect(o.status).toBe(204);
    expect(o.headers.get('access-control-allow-headers')).toBe('if-none-match');
    const head = await fetch(`${h.url}?table=items&offset=-1`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('electric-handle')).toBeTruthy();
  });
});

describe('validation (§1.5, §8.12, 8.13)', () => {
  const cases: Array<[Record<string, string>, string, string | RegExp]> = [
    [{ table: 'items' }, 'offset', "can't be blank"],
    [{ table: 'items', offset: '12' }, 'offset', 'has invalid format'],
    [{ table: 'items', offset: '1_2_3' }, 'offset', 'has invalid format'],
    [{ table: 'items', offset: '0_inf' }, 'handle', "can't be blank when offset != -1"],
    [{ table: 'items', offset: '-1', live: 'true' }, 'live', "can't be true when offset == -1"],
    [{ table: 'items', offset: 'now', live: 'true' }, 'live', "can't be true when offset is 'now'"],
    [{ table: 'items', offset: '-1', live_sse: 'true' }, 'live_sse', "can't be true unless live is also true"],
    [{ offset: '-1' }, 'table', "can't be blank"],
    [{ table: 'nope', offset: '-1' }, 'table', /does not exist/],
    [{ table: 'a.b.c', offset: '-1' }, 'table', /too many/],
    [{ table: 'items', offset: '-1', replica: 'half' }, 'replica', 'is invalid'],
    [{ table: 'items', offset: '-1', log: 'some' }, 'log', 'is invalid'],
    [{ table: 'items', offset: '-1', where: 'id = ' }, 'where', /end/],
    [{ table: 'items', offset: '-1', where: 'nope = 1' }, 'where', /unknown column/],
    [{ table: 'items', offset: '-1', where: 'id' }, 'where', /boolean/],
    [{ table: 'items', offset: '-1', where: 'lower(title) = 1' }, 'where', /function/],
    [{ table: 'items', offset: '-1', where: 'id = 1; drop table items' }, 'where', /unexpected/],
    [{ table: 'items', offset: '-1', where: "id = 'abc'" }, 'where', /invalid input/],
    [{ table: 'items', offset: '-1', where: 'id = $1' }, 'where', /\$1/],
    [{ table: 'items', offset: '-1', where: 'id IN (SELECT 1)' }, 'where', /./],
    [{ table: 'items', offset: '-1', where: 'id = $1', 'params[2]': '1' }, 'params', /sequentially/],
    [{ table: 'items', offset: '-1', where: 'id = $1', 'params[a]': '1' }, 'params', /numbers/],
    [{ table: 'items', offset: '-1', columns: 'title' }, 'columns', /missing: id/],
    [{ table: 'items', offset: '-1', columns: 'id,nope' }, 'columns', /could not be found/],
    [{ table: 'items', offset: '-1', columns: 'id,total' }, 'columns', /generated/],
    [{ table: 'items', offset: '-1', columns: '' }, 'columns', /zero-length/],
  ];
  it.each(cases)('%j → 400 %s', async (params, field, msg) => {
    const r = await shapeGet(h.url, params);
    expect(r.status).toBe(400);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const body = r.body as { message: string; errors: Record<string, string[]> };
    expect(body.message).toBe('Invalid request');
    expect(Object.keys(body.errors)).toEqual([field]);
    if (typeof msg === 'string') expect(body.errors[field]?.[0]).toBe(msg);
    else expect(body.errors[field]?.[0]).toMatch(msg);
  });

  it('rejects an unknown handle with 409 and the current handle (§8.29, 8.30)', async () => {
    const cur = await shapeGet(h.url, { table: 'items', offset: '-1', handle: 'whatever' });
    expect(cur.status).toBe(200);
    const r = await shapeGet(h.url, { table: 'items', offset: '0_0', handle: 'bogus-1' });
    expect(r.status).toBe(409);
    expect(r.body).toEqual([{ headers: { control: 'must-refetch' } }]);
    expect(r.headers.get('electric-handle')).toBe(cur.headers.get('electric-handle'));
    expect(r.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
  });
});

describe('live', () => {
  it('holds a live request, times out with one up-to-date, cursor changes (§8.18, 8.20, 8.35)', async () => {
    const s = await syncToUpToDate(h.url, { table: 'crm.deals' });
    const t0 = Date.now();
    const r = await shapeGet(h.url, {
      table: 'crm.deals',
      offset: s.offset,
      handle: s.handle,
      live: 'true',
      cursor: '',
    });
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(r.status).toBe(200);
    expect(r.body).toEqual([{ headers: { control: 'up-to-date', global_last_seen_lsn: expect.any(String) } }]);
    expect(r.headers.get('electric-offset')).toBe(s.offset);
    expect(r.headers.get('electric-schema')).toBeNull();
    expect(r.headers.get('electric-has-data')).toBe('false');
    expect(r.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=5');
    const cursor = r.headers.get('electric-cursor') as string;
    expect(cursor).toMatch(/^\d+$/);
    const r2 = await shapeGet(h.url, { table: 'crm.deals', offset: s.offset, handle: s.handle, live: 'true', cursor });
    expect(r2.headers.get('electric-cursor')).not.toBe(cursor);
    expect(r.headers.get('etag')).not.toBe(r2.headers.get('etag'));
  });

  it('delivers a multi-statement transaction together with txids, lsn, op positions, last (§8.19, 8.21–8.24, 8.27)', async () => {
    await db.pool.query(`CREATE TABLE t1 (id int PRIMARY KEY, v text, n int)`);
    await db.pool.query(`INSERT INTO t1 VALUES (1, 'a', 1), (2, 'b', 2)`);
    const s = await syncToUpToDate(h.url, { table: 't1' });
    const other = await syncToUpToDate(h.url, { table: 'crm.deals' });
    const pending = shapeGet(h.url, { table: 't1', offset: s.offset, handle: s.handle, live: 'true', cursor: '' });
    await new Promise((r) => setTimeout(r, 100));
    const client = await db.pool.connect();
    let xid: number;
    const t0 = Date.now();
    try {
      await client.query('BEGIN');
      xid = Number((await client.query('SELECT pg_current_xact_id()::xid::text AS x')).rows[0].x);
      await client.query(`INSERT INTO t1 VALUES (3, 'c', 3)`);
      await client.query(`UPDATE t1 SET v = 'bb' WHERE id = 2`);
      await client.query(`DELETE FROM t1 WHERE id = 1`);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const r = await pending;
    const latency = Date.now() - t0;
    expect(latency).toBeLessThan(1000);
    const body = r.body as Msg[];
    expect(body.map((m) => m.headers.operation ?? m.headers.control)).toEqual([
      'insert',
      'update',
      'delete',
      'up-to-date',
    ]);
    const lsn = body[0]?.headers.lsn as string;
    for (const m of body.slice(0, 3)) {
      expect(m.headers.lsn).toBe(lsn);
      expect(m.headers.txids).toEqual([xid]);
    }
    expect(body.slice(0, 3).map((m) => m.headers.op_position)).toEqual([0, 2, 4]);
    expect(body.slice(0, 3).map((m) => m.headers.last)).toEqual([undefined, undefined, true]);
    expect(body[0]?.value).toEqual({ id: '3', v: 'c', n: '3' });
    expect(body[1]?.value).toEqual({ id: '2', v: 'bb' });
    expect(body[2]?.value).toEqual({ id: '1' });
    expect(r.headers.get('electric-offset')).toBe(`${lsn}_4`);
    expect(BigInt(body[3]?.headers.global_last_seen_lsn as string)).toBeGreaterThanOrEqual(BigInt(lsn));
    // §8.27: a non-live request on another shape reports global progress ≥ that commit.
    const o = await shapeGet(h.url, { table: 'crm.deals', offset: other.offset, handle: other.handle });
    const u = (o.body as Msg[]).at(-1) as Msg;
    expect(BigInt(u.headers.global_last_seen_lsn as string)).toBeGreaterThanOrEqual(BigInt(lsn));
    // Resume from an older offset replays exactly the same answer (§8.32).
    const again = await shapeGet(h.url, { table: 't1', offset: s.offset, handle: s.handle });
    expect((again.body as Msg[]).slice(0, 3)).toEqual(body.slice(0, 3));
    // Out of bounds.
    const oob = await shapeGet(h.url, { table: 't1', offset: `${BigInt(lsn) * 2n}_0`, handle: s.handle });
    expect(oob.status).toBe(400);
  });

  it('replica=full, move-in/move-out, PK change (§8.24, 8.25)', async () => {
    await db.pool.query(`CREATE TABLE t2 (id int PRIMARY KEY, status text, n int)`);
    await db.pool.query(`INSERT INTO t2 VALUES (1, 'open', 1), (2, 'closed', 2)`);
    const p = { table: 't2', where: "status = 'open'", replica: 'full' };
    const s = await syncToUpToDate(h.url, p);
    expect(rows(s.messages).map((m) => m.value?.id)).toEqual(['1']);
    await db.pool.query(`UPDATE t2 SET n = 10 WHERE id = 1`);
    await db.pool.query(`UPDATE t2 SET status = 'open' WHERE id = 2`);
    await db.pool.query(`UPDATE t2 SET status = 'closed' WHERE id = 1`);
    await db.pool.query(`UPDATE t2 SET id = 20 WHERE id = 2`);
    await db.pool.query(`DELETE FROM t2 WHERE id = 20`);
    await new Promise((r) => setTimeout(r, 300));
    const r = await shapeGet(h.url, { ...p, offset: s.offset, handle: s.handle });
    const msgs = rows(r.body as Msg[]);
    expect(msgs.map((m) => [m.headers.operation, m.value, m.old_value])).toEqual([
      ['update', { id: '1', status: 'open', n: '10' }, { n: '1' }],
      ['insert', { id: '2', status: 'open', n: '2' }, undefined],
      ['delete', { id: '1', status: 'open', n: '10' }, undefined],
      ['delete', { id: '2', status: 'open', n: '2' }, undefined],
      ['insert', { id: '20', status: 'open', n: '2' }, undefined],
      ['delete', { id: '20', status: 'open', n: '2' }, undefined],
    ]);
    expect(msgs[3]?.headers.key_change_to).toBe('"public"."t2"/"20"');
    expect(msgs[4]?.headers.key_change_from).toBe('"public"."t2"/"2"');
    expect(msgs[3]?.headers.last).toBeUndefined();
    expect(msgs[4]?.headers.last).toBe(true);
    const offsets = [msgs[3], msgs[4]].map((m) => m?.headers.op_position);
    expect(offsets[1]).toBe((offsets[0] as number) + 1);
    // Lsns strictly increase between transactions (§8.22).
    const lsns = [...new Set(msgs.map((m) => BigInt(m.headers.lsn as string)))];
    expect([...lsns].sort((a, b) => (a < b ? -1 : 1))).toEqual(lsns);
    expect(lsns).toHaveLength(5);
  });

  it('TRUNCATE invalidates the shape, including parked long-polls (§8.31)', async () => {
    await db.pool.query(`CREATE TABLE t3 (id int PRIMARY KEY)`);
    await db.pool.query(`INSERT INTO t3 VALUES (1)`);
    const s = await syncToUpToDate(h.url, { table: 't3' });
    const parked = shapeGet(h.url, { table: 't3', offset: s.offset, handle: s.handle, live: 'true', cursor: '' });
    await new Promise((r) => setTimeout(r, 100));
    await db.pool.query('TRUNCATE t3');
    const r = await parked;
    expect(r.status).toBe(409);
    const newHandle = r.headers.get('electric-handle');
    expect(newHandle).toBeTruthy();
    expect(newHandle).not.toBe(s.handle);
    const again = await syncToUpToDate(h.url, { table: 't3' });
    expect(again.handle).toBe(newHandle);
    expect(rows(again.messages)).toHaveLength(0);
  });

  it('schema change invalidates the shape', async () => {
    await db.pool.query(`CREATE TABLE t4 (id int PRIMARY KEY, a text)`);
    const s = await syncToUpToDate(h.url, { table: 't4' });
    await db.pool.query(`ALTER TABLE t4 ADD COLUMN b text`);
    await db.pool.query(`INSERT INTO t4 VALUES (1, 'x', 'y')`);
    await new Promise((r) => setTimeout(r, 300));
    const r = await shapeGet(h.url, { table: 't4', offset: s.offset, handle: s.handle });
    expect(r.status).toBe(409);
    const again = await syncToUpToDate(h.url, { table: 't4' });
    expect(rows(again.messages)[0]?.value).toEqual({ id: '1', a: 'x', b: 'y' });
  });

  it('reports stats and evicts nothing that is in use', () => {
    const st = h.service.stats();
    expect(st.shapes).toBeGreaterThan(3);
    expect(st.approxBytes).toBeGreaterThan(0);
    expect(st.connected).toBe(true);
  });
});
