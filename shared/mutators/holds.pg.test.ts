/** Holds and reschedule through `/api/commits` on real Postgres. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../server/test/app';
import { type PrivateSession, privateBooking, privateSession, registeredDevice } from '../../server/test/bookings';
import { newId } from '../ids';

let t: TestApp;
let fx: PrivateSession;
let desk: { c: Client; clientId: string };
let other: { c: Client; clientId: string };
let seq = 0;

interface Details {
  alternatives?: { slots?: { start: string }[] };
  conflictingBookingIds?: string[];
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await privateSession(t.db.pool);
  desk = await registeredDevice(t, 'desk@lumen.test');
  other = await registeredDevice(t, 'manager@lumen.test');
});
afterAll(async () => {
  await t?.close();
});

async function commit(d: { c: Client; clientId: string }, name: string, args: unknown, extra: object = {}) {
  const res = (
    await d.c.post('/api/commits', { clientId: d.clientId, mutations: [{ id: ++seq, name, args, ...extra }] })
  ).json();
  return res.results[0] as { status: string; error?: { code: string; message: string; details?: Details } };
}

/** Inside the booking horizon, at 18:00 UTC (an hour the demo never books). */
function soon(days: number, hourUtc = 18) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
}
const plusHour = (iso: string, h = 1) => new Date(new Date(iso).getTime() + h * 3_600_000).toISOString();
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

const booking = (startsAt: string, resources = [fx.room, fx.instructor]) =>
  privateBooking(fx, startsAt, {
    resources,
    code: `H-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    customerName: 'Hold Test',
  });

function hold(startsAt: string, opts: { expiresAt?: string; offline?: boolean } = {}) {
  return {
    id: newId('booking_holds'),
    offerVersionId: fx.privateVersion,
    startsAt,
    endsAt: plusHour(startsAt),
    expiresAt: opts.expiresAt ?? inMinutes(15),
    offline: opts.offline ?? false,
    resources: [{ resourceId: fx.room }, { resourceId: fx.instructor, holdId: newId('booking_holds') }],
  };
}

async function explainAt(c: Client, at: string) {
  const res = await c.get(`/api/availability/explain?offerVersionId=${fx.privateVersion}&at=${encodeURIComponent(at)}`);
  expect(res.statusCode).toBe(200);
  return res.json().explanation as { available: boolean; reasons: { code: string; message: string }[] };
}

describe('holds', () => {
  it('a live hold blocks the slot for others (engine and server), release frees it', async () => {
    const start = soon(12);
    expect((await explainAt(desk.c, start)).available).toBe(true);
    const h = hold(start);
    expect(await commit(desk, 'holds.place', h)).toMatchObject({ status: 'applied' });
    const rows = await t.db.pool.query(
      'SELECT status, is_offline, device_id, resource_id FROM booking_holds WHERE id = ANY($1) ORDER BY resource_id',
      [[h.id, h.resources[1]!.holdId]],
    );
    expect(rows.rows).toHaveLength(2);
    expect(rows.rows.every((r) => r.status === 'active' && !r.is_offline && r.device_id === desk.clientId)).toBe(true);

    // The engine (load.ts) sees the hold as busy time.
    const why = await explainAt(other.c, start);
    expect(why.available).toBe(false);
    expect(why.reasons.some((r) => r.code === 'busy' || r.code === 'no_candidate')).toBe(true);
    // Nor book them directly while the hold lives.
    const direct = await commit(other, 'bookings.create', booking(start));
    expect(direct).toMatchObject({
      status: 'rejected',
      error: { code: 'slot_unavailable', message: 'That time is held for another customer.' },
    });
    // Another desk cannot hold the same resources at the same time.
    const second = await commit(other, 'holds.place', hold(start));
    expect(second).toMatchObject({ status: 'rejected', error: { code: 'slot_unavailable' } });
    expect(second.error?.details?.alternatives?.slots?.length).toBeGreaterThan(0);

    expect(await commit(desk, 'holds.release', { id: h.id })).toMatchObject({ status: 'applied' });
    const after = await t.db.pool.query('SELECT DISTINCT status FROM booking_holds WHERE metadata->>$2 = $1', [
      h.id,
      'group',
    ]);
    expect(after.rows).toEqual([{ status: 'released' }]);
    expect((await explainAt(other.c, start)).available).toBe(true);
  });

  it('converts a live hold into the booking, once', async () => {
    const start = soon(13);
    const h = hold(start);
    expect(await commit(desk, 'holds.place', h)).toMatchObject({ status: 'applied' });
    const b = booking(start);
    expect(await commit(desk, 'holds.convert', { id: h.id, booking: b })).toMatchObject({ status: 'applied' });
    const rows = await t.db.pool.query(
      "SELECT status, booking_order_id FROM booking_holds WHERE metadata->>'group' = $1",
      [h.id],
    );
    expect(rows.rows).toEqual([
      { status: 'converted', booking_order_id: b.id },
      { status: 'converted', booking_order_id: b.id },
    ]);
    const again = await commit(desk, 'holds.convert', { id: h.id, booking: booking(start) });
    expect(again.error?.code).toBe('invalid_state');
  });

  it('rejects converting an expired hold with hold_expired, and a mismatched booking', async () => {
    const start = soon(14);
    const h = hold(start);
    expect(await commit(desk, 'holds.place', h)).toMatchObject({ status: 'applied' });
    const wrongTime = await commit(desk, 'holds.convert', { id: h.id, booking: booking(plusHour(start)) });
    expect(wrongTime.error?.code).toBe('validation_failed');
    // Time passes: the hold lapses.
    await t.db.pool.query(
      "UPDATE booking_holds SET expires_at = now() - interval '1 minute' WHERE metadata->>'group' = $1",
      [h.id],
    );
    const late = await commit(desk, 'holds.convert', { id: h.id, booking: booking(start) });
    expect(late).toMatchObject({ status: 'rejected', error: { code: 'hold_expired' } });
    // An expired hold no longer blocks anyone.
    expect((await explainAt(other.c, start)).available).toBe(true);
    const count = await t.db.pool.query('SELECT count(*)::int AS n FROM booking_orders WHERE confirmed_start_at = $1', [
      start,
    ]);
    expect(count.rows[0].n).toBe(0);
  });

  it('flags offline holds with their device; one that arrives expired is recorded as expired', async () => {
    const start = soon(15);
    const live = hold(start, { offline: true });
    expect(
      await commit(desk, 'holds.place', live, { offline: true, deviceTime: new Date().toISOString() }),
    ).toMatchObject({
      status: 'applied',
    });
    const stale = hold(soon(15, 20), { offline: true, expiresAt: inMinutes(-5) });
    expect(await commit(desk, 'holds.place', stale, { offline: true })).toMatchObject({ status: 'applied' });
    const rows = await t.db.pool.query(
      'SELECT id, status, is_offline, device_id FROM booking_holds WHERE id = ANY($1) ORDER BY starts_at',
      [[live.id, stale.id]],
    );
    expect(rows.rows).toEqual([
      { id: live.id, status: 'active', is_offline: true, device_id: desk.clientId },
      { id: stale.id, status: 'expired', is_offline: true, device_id: desk.clientId },
    ]);
    const convert = await commit(desk, 'holds.convert', { id: stale.id, booking: booking(soon(15, 20)) });
    expect(convert.error?.code).toBe('hold_expired');
  });

  it('refuses holds longer than a day and holds without a target', async () => {
    const long = await commit(desk, 'holds.place', hold(soon(16), { expiresAt: inMinutes(60 * 48) }));
    expect(long.error?.code).toBe('validation_failed');
    const bare = await commit(desk, 'holds.place', { ...hold(soon(16)), offerVersionId: undefined, resources: [] });
    expect(bare.error?.code).toBe('validation_failed');
  });
});

describe('bookings.reschedule', () => {
  it('moves the unit and assignments; the old time becomes free', async () => {
    const from = soon(17);
    const to = soon(17, 20);
    const b = booking(from);
    expect(await commit(desk, 'bookings.create', b)).toMatchObject({ status: 'applied' });
    expect(await commit(desk, 'bookings.reschedule', { id: b.id, startsAt: to })).toMatchObject({ status: 'applied' });
    const order = await t.db.pool.query(
      'SELECT confirmed_start_at, confirmed_end_at FROM booking_orders WHERE id = $1',
      [b.id],
    );
    expect(order.rows[0].confirmed_start_at.toISOString()).toBe(to);
    expect(order.rows[0].confirmed_end_at.toISOString()).toBe(plusHour(to));
    const unit = await t.db.pool.query('SELECT starts_at FROM fulfillment_units WHERE id = $1', [b.unitId]);
    expect(unit.rows[0].starts_at.toISOString()).toBe(to);
    const asg = await t.db.pool.query(
      'SELECT starts_at, occupied_start_at, status FROM fulfillment_assignments WHERE fulfillment_unit_id = $1',
      [b.unitId],
    );
    expect(asg.rows).toHaveLength(2);
    for (const r of asg.rows) {
      expect(r.starts_at.toISOString()).toBe(to);
      expect(r.status).toBe('confirmed');
    }
    // The old slot is bookable again.
    expect(await commit(other, 'bookings.create', booking(from))).toMatchObject({ status: 'applied' });
  });

  it('is refused by the exclusion constraint when the new time is taken, with alternatives', async () => {
    const taken = soon(18);
    const a = booking(taken);
    const b = booking(soon(18, 20));
    expect(await commit(desk, 'bookings.create', a)).toMatchObject({ status: 'applied' });
    expect(await commit(desk, 'bookings.create', b)).toMatchObject({ status: 'applied' });
    const res = await commit(other, 'bookings.reschedule', { id: b.id, startsAt: taken });
    expect(res).toMatchObject({ status: 'rejected', error: { code: 'slot_unavailable' } });
    expect(res.error?.details?.conflictingBookingIds).toEqual([a.id]);
    const slots = res.error?.details?.alternatives?.slots ?? [];
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.start !== taken)).toBe(true);
    // Nothing moved.
    const unit = await t.db.pool.query('SELECT starts_at FROM fulfillment_units WHERE id = $1', [b.unitId]);
    expect(unit.rows[0].starts_at.toISOString()).toBe(soon(18, 20));
  });

  it('moves onto other resources, releasing the old assignments', async () => {
    const start = soon(19);
    const b = booking(start);
    expect(await commit(desk, 'bookings.create', b)).toMatchObject({ status: 'applied' });
    const assignmentId = newId('fulfillment_assignments');
    const res = await commit(desk, 'bookings.reschedule', {
      id: b.id,
      startsAt: soon(19, 20),
      resources: [{ resourceId: fx.room, role: 'room', assignmentId }],
    });
    expect(res).toMatchObject({ status: 'applied' });
    const rows = await t.db.pool.query(
      'SELECT id, status FROM fulfillment_assignments WHERE fulfillment_unit_id = $1 ORDER BY status',
      [b.unitId],
    );
    expect(rows.rows.map((r) => r.status).sort()).toEqual(['confirmed', 'released', 'released']);
    expect(rows.rows.find((r) => r.status === 'confirmed')?.id).toBe(assignmentId);
    const cancelled = booking(soon(19, 22));
    await commit(desk, 'bookings.create', cancelled);
    await commit(desk, 'bookings.cancel', { id: cancelled.id, reason: 'test' });
    const refused = await commit(desk, 'bookings.reschedule', { id: cancelled.id, startsAt: soon(19, 23) });
    expect(refused.error?.code).toBe('booking_cancelled');
  });
});
