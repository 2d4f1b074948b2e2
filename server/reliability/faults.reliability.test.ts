/**
 * Faults the product must survive: a server killed mid-batch, connections cut mid-response or
 * refused, contention on scarce slots, and hostile input. Run with `npm run test:reliability`.
 */
import { Shape, ShapeStream } from '@electric-sql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { faultProxy, type ServerProcess, Session, startServer } from './harness';

let db: TestDatabase;
let server: ServerProcess;
let fx: { version: string; room: string; bizA: string; bizB: string };

beforeAll(async () => {
  db = await createTestDatabase({ demo: true });
  server = await startServer(db.url);
  const one = async (sql: string) => (await db.pool.query(sql)).rows[0].id as string;
  fx = {
    version: await one(
      "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session'",
    ),
    room: await one("SELECT id FROM resources WHERE name = 'Private Room'"),
    bizA: await one("SELECT id FROM bizes WHERE slug = 'lumen-yoga'"),
    bizB: await one("SELECT id FROM bizes WHERE slug = 'brightline-hvac'"),
  };
});
afterAll(async () => {
  await server?.kill();
  await db?.drop();
});

async function device(base = server.url, email = 'desk@lumen.test') {
  const s = new Session(base, `http://localhost:${server.port}`);
  await s.signIn(email);
  const clientId = newId('devices');
  await s.request('POST', '/api/devices', { clientId });
  return { s, clientId };
}

let hour = 0;
/** Non-overlapping private-room bookings, three hours apart, far in the future. */
function booking(startsAt?: string) {
  const start = startsAt ?? new Date(Date.UTC(2045, 0, 1) + (hour++ * 3 + 1) * 3_600_000).toISOString();
  return {
    id: newId('booking_orders'),
    bookingCode: `R-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    offerVersionId: fx.version,
    startsAt: start,
    lineId: newId('booking_order_lines'),
    unitId: newId('fulfillment_units'),
    resources: [{ resourceId: fx.room, role: 'room', assignmentId: newId('fulfillment_assignments') }],
    customerName: 'Reliable Rita',
  };
}

async function countBookings(ids: string[]) {
  return (await db.pool.query('SELECT count(*)::int AS n FROM booking_orders WHERE id = ANY($1)', [ids])).rows[0]
    .n as number;
}

describe('server killed with SIGKILL during a commit batch', () => {
  it('loses no acknowledged write and applies nothing twice when the device retries', async () => {
    const { s, clientId } = await device();
    const mutations = Array.from({ length: 200 }, (_, i) => ({ id: i + 1, name: 'bookings.create', args: booking() }));
    const applied = async () =>
      (
        await db.pool.query(
          "SELECT count(*)::int AS n FROM client_mutations WHERE client_id = $1 AND status = 'applied'",
          [clientId],
        )
      ).rows[0].n as number;
    const inFlight = s.request('POST', '/api/commits', { clientId, mutations }).catch(() => null);
    // Killed as soon as the batch's first transaction has committed, while the rest is still running
    // (the whole batch takes a few hundred milliseconds; a fixed delay would race it).
    while ((await applied()) === 0) await new Promise((r) => setTimeout(r, 2));
    await server.kill('SIGKILL');
    expect(await inFlight).toBeNull();
    const appliedBeforeRestart = await applied();
    expect(appliedBeforeRestart).toBeGreaterThan(0);
    expect(appliedBeforeRestart).toBeLessThan(200);

    server = await startServer(db.url, server.port);
    const retry = await s.request('POST', '/api/commits', { clientId, mutations });
    expect(retry.status).toBe(200);
    expect(retry.json.results.filter((r: { status: string }) => r.status === 'applied')).toHaveLength(200);
    const ids = mutations.map((m) => m.args.id);
    expect(await countBookings(ids)).toBe(200);
    const recorded = await db.pool.query(
      'SELECT count(*)::int AS n, count(DISTINCT mutation_id)::int AS d FROM client_mutations WHERE client_id = $1',
      [clientId],
    );
    expect(recorded.rows[0]).toEqual({ n: 200, d: 200 });
    const audit = await db.pool.query('SELECT count(*)::int AS n FROM audit_events WHERE device_id = $1', [clientId]);
    expect(audit.rows[0].n).toBe(200);
  });
});

describe('network faults through a TCP proxy', () => {
  it('commits: a response cut mid-way or a refused connection is retried without duplicates', async () => {
    const proxy = await faultProxy(server.port);
    try {
      const { s, clientId } = await device(`http://127.0.0.1:${proxy.port}`);
      const mutations = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, name: 'bookings.create', args: booking() }));
      proxy.mode = 'cut';
      proxy.cutAfterBytes = 120;
      await expect(s.request('POST', '/api/commits', { clientId, mutations })).rejects.toThrow();
      proxy.mode = 'drop';
      await expect(s.request('POST', '/api/commits', { clientId, mutations })).rejects.toThrow();
      proxy.mode = 'pass';
      proxy.delayMs = 50;
      const ok = await s.request('POST', '/api/commits', { clientId, mutations });
      expect(ok.json.results.map((r: { status: string }) => r.status)).toEqual(Array(20).fill('applied'));
      expect(await countBookings(mutations.map((m) => m.args.id))).toBe(20);
    } finally {
      await proxy.close();
    }
  });

  it('shapes: a stream whose connections are cut and delayed converges to the server’s rows', async () => {
    const proxy = await faultProxy(server.port);
    const { s, clientId } = await device();
    const viaProxy = `http://127.0.0.1:${proxy.port}`;
    const stream = new ShapeStream({
      url: `${viaProxy}/api/shapes/booking_orders`,
      params: { client_id: clientId } as never,
      fetchClient: (input, init) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: s.cookie } }),
      backoffOptions: { initialDelay: 50, maxDelay: 500, multiplier: 2 },
    });
    const shape = new Shape(stream);
    try {
      await shape.rows;
      const writer = await device();
      for (let round = 0; round < 5; round++) {
        proxy.mode = round % 2 ? 'cut' : 'pass';
        proxy.cutAfterBytes = 300;
        proxy.delayMs = round * 20;
        const mutations = Array.from({ length: 5 }, (_, i) => ({
          id: round * 5 + i + 1,
          name: 'bookings.create',
          args: booking(),
        }));
        await writer.s.request('POST', '/api/commits', { clientId: writer.clientId, mutations });
        await new Promise((r) => setTimeout(r, 400));
      }
      proxy.mode = 'pass';
      proxy.delayMs = 0;
      const expected = async () =>
        (await db.pool.query('SELECT id FROM booking_orders WHERE biz_id = $1 ORDER BY id', [fx.bizA])).rows.map(
          (r) => r.id,
        );
      await expect
        .poll(
          async () => JSON.stringify(shape.currentRows.map((r) => r.id).sort()) === JSON.stringify(await expected()),
          {
            timeout: 60_000,
            interval: 500,
          },
        )
        .toBe(true);
    } finally {
      stream.unsubscribeAll();
      await proxy.close();
    }
  });
});

describe('contention on scarce slots', () => {
  it('many devices racing for three slots: zero double bookings, every loser told why', async () => {
    const devices = await Promise.all(Array.from({ length: 30 }, () => device()));
    const slots = ['2046-03-01T15:00:00Z', '2046-03-01T18:00:00Z', '2046-03-01T21:00:00Z'];
    const results = await Promise.all(
      devices.map(({ s, clientId }, i) =>
        s.request('POST', '/api/commits', {
          clientId,
          mutations: [{ id: 1, name: 'bookings.create', args: booking(slots[i % 3]) }],
        }),
      ),
    );
    const statuses = results.map((r) => r.json.results[0]);
    expect(statuses.filter((r) => r.status === 'applied')).toHaveLength(3);
    expect(statuses.filter((r) => r.status === 'rejected' && r.error.code === 'slot_unavailable')).toHaveLength(27);
    const overlaps = await db.pool.query(
      `SELECT count(*)::int AS n FROM fulfillment_assignments a JOIN fulfillment_assignments b
         ON a.resource_id = b.resource_id AND a.id < b.id
        AND tstzrange(coalesce(a.occupied_start_at, a.starts_at), coalesce(a.occupied_end_at, a.ends_at))
         && tstzrange(coalesce(b.occupied_start_at, b.starts_at), coalesce(b.occupied_end_at, b.ends_at))
       WHERE a.conflict_policy = 'enforce_no_overlap' AND b.conflict_policy = 'enforce_no_overlap'
         AND a.status IN ('reserved', 'confirmed', 'in_progress') AND b.status IN ('reserved', 'confirmed', 'in_progress')
         AND a.deleted_at IS NULL AND b.deleted_at IS NULL`,
    );
    expect(overlaps.rows[0].n).toBe(0);
  });
});

describe('tenant isolation fuzz', () => {
  it('nothing of biz B comes back or changes, whatever a biz-A device sends', async () => {
    const { s, clientId } = await device();
    const bIds = (
      await db.pool.query(
        `SELECT id FROM booking_orders WHERE biz_id = $1 UNION ALL SELECT id FROM resources WHERE biz_id = $1
         UNION ALL SELECT id FROM offer_versions WHERE biz_id = $1 LIMIT 60`,
        [fx.bizB],
      )
    ).rows.map((r) => r.id as string);
    const before = (
      await db.pool.query('SELECT count(*)::int AS n, max(updated_at) AS u FROM booking_orders WHERE biz_id = $1', [
        fx.bizB,
      ])
    ).rows[0];
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const names = [
      'booking_orders',
      'resources',
      'users',
      'sessions',
      'accounts',
      'bizes',
      '../bizes',
      'booking_orders;',
      'x',
    ];
    const wheres = ['true', `biz_id = '${fx.bizB}'`, `id = '${bIds[0]}'`, '1=1 OR 1=1', "biz_id <> ''"];
    const leaks: string[] = [];
    for (let i = 0; i < 150; i++) {
      const q = new URLSearchParams({ offset: '-1', client_id: clientId });
      if (Math.random() < 0.6) q.set('where', pick(wheres));
      if (Math.random() < 0.5) q.set('params[1]', fx.bizB);
      if (Math.random() < 0.3) q.set('table', pick(names));
      const res = await s.request('GET', `/api/shapes/${encodeURIComponent(pick(names))}?${q}`);
      if (res.text.includes(fx.bizB) || bIds.some((id) => res.text.includes(id))) leaks.push(q.toString());
      const args = booking();
      const forged = {
        ...args,
        offerVersionId: pick(bIds),
        resources: [{ ...args.resources[0]!, resourceId: pick(bIds) }],
      };
      const c = await s.request('POST', '/api/commits', {
        clientId,
        mutations: [{ id: 10_000 + i, name: 'bookings.create', args: forged }],
      });
      if (c.json?.results?.[0]?.status === 'applied') leaks.push(`commit ${i}`);
    }
    expect(leaks).toEqual([]);
    const after = (
      await db.pool.query('SELECT count(*)::int AS n, max(updated_at) AS u FROM booking_orders WHERE biz_id = $1', [
        fx.bizB,
      ])
    ).rows[0];
    expect(after).toEqual(before);
  });
});
