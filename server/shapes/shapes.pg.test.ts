/** The shape proxy with the stock Electric client: pinned to the caller's biz and role, nothing wider. */
import { Shape, ShapeStream } from '@electric-sql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { Client, createTestApp, type TestApp } from '../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true, shapeLongPollMs: 500 });
});
afterAll(async () => {
  await t?.close();
});

async function device(email: string) {
  const c = new Client(t.app);
  const bizId = await c.signInTo(email);
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  return { c, clientId, bizId };
}

async function syncOnce(c: Client, clientId: string, table: string, extra: Record<string, string> = {}) {
  const stream = new ShapeStream({
    url: `http://localhost/api/shapes/${table}`,
    params: { client_id: clientId, ...extra } as never,
    fetchClient: c.fetch,
    subscribe: false,
  });
  const shape = new Shape(stream);
  const rows = await shape.rows;
  stream.unsubscribeAll();
  return rows as Record<string, unknown>[];
}

describe('GET /api/shapes/:table', () => {
  it('serves the caller’s biz rows only, whatever where/table the client sends', async () => {
    const { c, clientId, bizId } = await device('desk@lumen.test');
    const expected = (await t.db.pool.query('SELECT count(*)::int AS n FROM booking_orders WHERE biz_id = $1', [bizId]))
      .rows[0].n;
    const rows = await syncOnce(c, clientId, 'booking_orders');
    expect(rows.length).toBe(expected);
    expect(new Set(rows.map((r) => r.biz_id))).toEqual(new Set([bizId]));
    const forged = await syncOnce(c, clientId, 'booking_orders', { where: 'true', table: 'users', 'params[1]': 'x' });
    expect(forged.length).toBe(expected);
  });

  it('gives a technician only their own assigned jobs', async () => {
    const { c, clientId, bizId } = await device('tech@brightline.test');
    const units = await syncOnce(c, clientId, 'fulfillment_units');
    const mine = await t.db.pool.query(
      `SELECT DISTINCT u.id FROM fulfillment_units u JOIN fulfillment_assignments a ON a.fulfillment_unit_id = u.id
       JOIN resources r ON r.id = a.resource_id JOIN users usr ON usr.id = r.host_user_id
       WHERE u.biz_id = $1 AND usr.email = 'tech@brightline.test' AND a.status NOT IN ('cancelled', 'released')
         AND u.ends_at > now() - interval '14 days' AND u.starts_at < now() + interval '60 days'`,
      [bizId],
    );
    expect(units.length).toBeGreaterThan(0);
    expect(units.map((u) => u.id).sort()).toEqual(mine.rows.map((r) => r.id).sort());
  });

  it('serves job photos as metadata only: the image never leaves the server', async () => {
    const owner = await device('owner@brightline.test');
    const unit = (await t.db.pool.query('SELECT id FROM fulfillment_units WHERE biz_id = $1 LIMIT 1', [owner.bizId]))
      .rows[0].id;
    const photo = newId('fulfillment_photos');
    await t.db.pool.query(
      `INSERT INTO fulfillment_photos (id, biz_id, fulfillment_unit_id, content_type, byte_size, sha256, data, taken_at)
       VALUES ($1, $2, $3, 'image/png', 3, 'x', '\\x010203', now())`,
      [photo, owner.bizId, unit],
    );
    const rows = await syncOnce(owner.c, owner.clientId, 'fulfillment_photos', { columns: 'data' });
    expect(rows.map((r) => r.id)).toEqual([photo]);
    expect(rows[0]).toMatchObject({ fulfillment_unit_id: unit, byte_size: 3 });
    expect(rows[0]).not.toHaveProperty('data');
  });

  it('answers unknown shapes, shapes outside the role and foreign devices as not_found', async () => {
    const tech = await device('tech@brightline.test');
    for (const name of ['payment_intents', 'users', 'sessions', 'nope']) {
      const res = await tech.c.get(`/api/shapes/${name}?offset=-1&client_id=${tech.clientId}`);
      expect([name, res.statusCode, res.json().code]).toEqual([name, 404, 'not_found']);
    }
    const desk = await device('desk@lumen.test');
    const foreign = await desk.c.get(`/api/shapes/booking_orders?offset=-1&client_id=${tech.clientId}`);
    expect(foreign.statusCode).toBe(404);
    const none = await desk.c.get('/api/shapes/booking_orders?offset=-1');
    expect(none.statusCode).toBe(400);
  });

  it('delivers a committed booking live to another device of the biz', async () => {
    const a = await device('desk@lumen.test');
    const b = await device('manager@lumen.test');
    const stream = new ShapeStream({
      url: 'http://localhost/api/shapes/booking_orders',
      params: { client_id: b.clientId } as never,
      fetchClient: b.c.fetch,
    });
    const shape = new Shape(stream);
    await shape.rows;
    const version = (
      await t.db.pool.query(
        "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session'",
      )
    ).rows[0].id;
    const room = (await t.db.pool.query("SELECT id FROM resources WHERE name = 'Private Room'")).rows[0].id;
    const id = newId('booking_orders');
    const res = await a.c.post('/api/commits', {
      clientId: a.clientId,
      mutations: [
        {
          id: 1,
          name: 'bookings.create',
          args: {
            id,
            bookingCode: 'LIVE-0001',
            offerVersionId: version,
            startsAt: '2032-03-03T15:00:00Z',
            lineId: newId('booking_order_lines'),
            unitId: newId('fulfillment_units'),
            resources: [{ resourceId: room, role: 'room', assignmentId: newId('fulfillment_assignments') }],
            customerName: 'Live Customer',
          },
        },
      ],
    });
    expect(res.json().results[0].status).toBe('applied');
    await expect.poll(() => shape.currentRows.some((r) => r.id === id), { timeout: 10_000 }).toBe(true);
    stream.unsubscribeAll();
  });

  it('refuses a revoked device', async () => {
    const desk = await device('desk@lumen.test');
    const manager = await device('manager@lumen.test');
    await manager.c.post(`/api/devices/${desk.clientId}/revoke`);
    const res = await desk.c.get(`/api/shapes/booking_orders?offset=-1&client_id=${desk.clientId}`);
    expect([res.statusCode, res.json().code]).toEqual([401, 'device_revoked']);
  });
});
