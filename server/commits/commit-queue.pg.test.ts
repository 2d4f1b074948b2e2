/**
 * Group commit across devices on real Postgres: pushes that wait are applied together, and each
 * device is answered, recorded and audited exactly as if it had pushed alone.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { createBooking } from '../../shared/mutators/bookings';
import type { MutatorActor } from '../../shared/mutators/types';
import { openDatabase } from '../db/pool';
import { Client, createTestApp, type TestApp } from '../test/app';
import { type PrivateSession, privateBooking, privateSession, registeredDevice } from '../test/bookings';
import { LOCK_STREAMS_CTE, lockStreamsParams, verifyStream } from './audit';
import { CommitQueue } from './commit-queue';
import { applyBatch, type IncomingMutation } from './runner';

let t: TestApp;
let fx: PrivateSession;

beforeAll(async () => {
  t = await createTestApp();
  fx = await privateSession(t.db.pool);
});
afterAll(async () => {
  await t?.close();
});

/** A registered device of the desk user, as the actor the commit route would build. */
async function deviceActor(): Promise<MutatorActor> {
  const { clientId } = await registeredDevice(t, 'desk@lumen.test');
  const { rows } = await t.db.pool.query(
    `SELECT m.id, m.role, m.user_id, m.biz_id FROM devices d JOIN members m ON m.id = d.member_id WHERE d.id = $1`,
    [clientId],
  );
  const m = rows[0];
  return { userId: m.user_id, bizId: m.biz_id, memberId: m.id, role: m.role, deviceId: clientId };
}

let slot = 0;
/** A far-future 3-hour step per booking, so no two bookings of this file touch. */
const nextSlot = () => new Date(Date.UTC(2033, 0, 1) + slot++ * 3 * 3_600_000).toISOString();

function booking(id: number, startsAt = nextSlot()): IncomingMutation {
  return { id, name: 'bookings.create', args: privateBooking(fx, startsAt, { customerName: 'Queue Customer' }) };
}

async function streamOf(deviceId: string) {
  const { rows } = await t.db.pool.query('SELECT id FROM audit_streams WHERE stream_key = $1', [`device:${deviceId}`]);
  return verifyStream(t.db.pool, rows[0].id);
}

/**
 * One transaction at a time: the first push runs alone at once, everything pushed meanwhile waits and
 * is grouped when it finishes.
 */
const queue = () => new CommitQueue({ pool: t.db.pool }, 1);

describe('CommitQueue', () => {
  it('applies waiting pushes of several devices together, each answered and audited as if alone', async () => {
    const q = queue();
    const devices = await Promise.all(Array.from({ length: 8 }, deviceActor));
    const pushes = devices.map(() => [booking(1), booking(2)]);
    const answers = await Promise.all(devices.map((d, i) => q.push(d, pushes[i]!)));

    for (const [i, a] of answers.entries()) {
      expect(a.incomplete).toBe(false);
      expect(a.results.map((r) => [r.id, r.status])).toEqual([
        [1, 'applied'],
        [2, 'applied'],
      ]);
      expect(await streamOf(devices[i]!.deviceId)).toEqual({ checked: 2, brokenAt: null });
    }
    // The first push ran alone; the seven that waited behind it (14 mutations) shared one transaction.
    const txids = new Set(answers.flatMap((a) => a.results.map((r) => r.txid)));
    expect(txids.size).toBe(2);
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM client_mutations WHERE client_id = ANY($1)',
      [devices.map((d) => d.deviceId)],
    );
    expect(rows[0].n).toBe(16);

    // Retried as a group again, every push gets its stored outcome and nothing is applied twice.
    const again = await Promise.all(devices.map((d, i) => q.push(d, pushes[i]!)));
    expect(again).toEqual(answers);
    const booked = await t.db.pool.query('SELECT count(*)::int AS n FROM booking_orders WHERE id = ANY($1)', [
      pushes.flat().map((m) => (m.args as { id: string }).id),
    ]);
    expect(booked.rows[0].n).toBe(16);
  });

  it('rejects only the refused mutation of a grouped run; the ones after it, of every device, apply', async () => {
    const q = queue();
    const devices = await Promise.all(Array.from({ length: 5 }, deviceActor));
    const taken = nextSlot();
    const first = await q.push(devices[0]!, [booking(1, taken)]);
    expect(first.results[0]?.status).toBe('applied');

    const blocker = q.push(devices[0]!, [booking(2)]);
    // Device 2 asks for the taken slot in the middle of its push; all four wait behind the blocker.
    const later = devices
      .slice(1)
      .map((d, i) => q.push(d, i === 1 ? [booking(1), booking(2, taken), booking(3)] : [booking(1)]));
    expect((await blocker).results[0]?.status).toBe('applied');
    const answers = await Promise.all(later);

    expect(answers.map((a) => a.results.map((r) => r.status))).toEqual([
      ['applied'],
      ['applied', 'rejected', 'applied'],
      ['applied'],
      ['applied'],
    ]);
    expect(answers[1]!.results[1]?.error?.code).toBe('slot_unavailable');
    for (const d of devices.slice(1)) expect((await streamOf(d.deviceId)).brokenAt).toBeNull();
    expect(await streamOf(devices[2]!.deviceId)).toEqual({ checked: 3, brokenAt: null });
  });

  it('refuses a revoked device’s push alone; the devices grouped with it still commit', async () => {
    const q = queue();
    const [manager, ...devices] = await Promise.all(Array.from({ length: 4 }, deviceActor));
    const revoker = new Client(t.app);
    await revoker.signInTo('manager@lumen.test');
    await revoker.post(`/api/devices/${devices[1]!.deviceId}/revoke`);

    const blocker = q.push(manager!, [booking(1)]);
    const pushes = devices.map((d) => q.push(d, [booking(1)]).catch((err: unknown) => err));
    await blocker;
    const [a, refused, c] = await Promise.all(pushes);

    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('device_revoked');
    expect([a, c].map((x) => (x as { results: { status: string }[] }).results[0]?.status)).toEqual([
      'applied',
      'applied',
    ]);
    const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM client_mutations WHERE client_id = $1', [
      devices[1]!.deviceId,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('turns pushes away with `unavailable` while too much already waits, and applies what it took', async () => {
    const q = new CommitQueue({ pool: t.db.pool }, 1, 3);
    const devices = await Promise.all(Array.from({ length: 4 }, deviceActor));
    const blocker = q.push(devices[0]!, [booking(1)]);
    const taken = [q.push(devices[1]!, [booking(1), booking(2)]), q.push(devices[2]!, [booking(1)])];
    const refused = await q.push(devices[3]!, [booking(1)]).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect([(refused as AppError).code, (refused as AppError).status]).toEqual(['unavailable', 503]);
    for (const a of [await blocker, ...(await Promise.all(taken))]) {
      expect(a.results.every((r) => r.status === 'applied')).toBe(true);
    }
    // Once the queue has drained, the refused device's retry goes through.
    expect((await q.push(devices[3]!, [booking(1)])).results[0]?.status).toBe('applied');
  });
  it('finds earlier outcomes and stream heads by index, whatever plan a new connection caches', async () => {
    // A connection of its own, set up like the server's, plans the commit statements now, once and for
    // good (generic plans), while these tables are still small.
    const own = openDatabase(t.db.url, { max: 1 });
    try {
      const d = await deviceActor();
      for (let i = 1; i <= 6; i += 2) {
        const answer = await applyBatch({ pool: own.pool }, d, [booking(i), booking(i + 1)]);
        expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      }
      const c = await own.pool.connect();
      try {
        const { rows } = await c.query<{ name: string; n: number }>(
          `SELECT name, cardinality(parameter_types) AS n FROM pg_prepared_statements
           WHERE statement LIKE '%JOIN client_mutations cm%'`,
        );
        expect(rows).toHaveLength(1);
        const plan = await c.query(`EXPLAIN EXECUTE "${rows[0]!.name}"(${Array(rows[0]!.n).fill('NULL').join(', ')})`);
        const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(text).toMatch(/client_mutations_client_mutation_uq/);
        expect(text).not.toMatch(/Seq Scan on (client_mutations|audit_streams|devices)/);
      } finally {
        c.release();
      }
    } finally {
      await own.close();
    }
  });

  it('a device stream created by another transaction while the push waited on it is found and chained', async () => {
    const device = await deviceActor();
    // Another transaction creates the device's stream first and keeps it until it commits.
    const other = await t.db.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `WITH ${LOCK_STREAMS_CTE} SELECT id FROM stream`,
        lockStreamsParams([{ bizId: device.bizId, streamKey: `device:${device.deviceId}` }]),
      );
      const push = applyBatch({ pool: t.db.pool }, device, [booking(1)]);
      await new Promise((r) => setTimeout(r, 200)); // the push is now waiting on that new row
      await other.query('COMMIT');
      const answer = await push;
      expect(answer.results.map((r) => r.status)).toEqual(['applied']);
    } finally {
      other.release();
    }
    expect(await streamOf(device.deviceId)).toEqual({ checked: 1, brokenAt: null });
  });
});

describe('bookings of a group applied all at once (createBooking.runMany)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The columns of a booking's rows that do not name the booking itself, for comparing two bookings. */
  async function shapeOf(bookingId: string) {
    const { rows } = await t.db.pool.query(
      `SELECT b.source, b.status, b.payment_status, b.offer_id, b.offer_version_id, b.seats, b.currency,
              b.subtotal_minor, b.total_minor, b.is_private, b.created_by,
              b.confirmed_end_at - b.confirmed_start_at AS length,
              l.line_type, l.label, l.quantity, l.unit_amount_minor, l.line_total_minor,
              u.status AS unit_status, u.ends_at - u.starts_at AS unit_length,
              (SELECT json_agg(json_build_object('resource', a.resource_id, 'role', a.role, 'policy', a.conflict_policy,
                        'status', a.status, 'key', a.occupancy_key = 'assignment:' || b.id,
                        'before', extract(epoch FROM a.starts_at - a.occupied_start_at),
                        'after', extract(epoch FROM a.occupied_end_at - a.ends_at)) ORDER BY a.role)
                 FROM fulfillment_assignments a WHERE a.fulfillment_unit_id = u.id) AS assignments
       FROM booking_orders b JOIN booking_order_lines l ON l.booking_order_id = b.id
       JOIN fulfillment_units u ON u.booking_order_id = b.id WHERE b.id = $1`,
      [bookingId],
    );
    return rows;
  }

  it('writes new bookings of several devices together, row for row as one by one, each audited', async () => {
    const runMany = vi.spyOn(createBooking, 'runMany');
    const q = queue();
    const alone = booking(1);
    const [first, ...devices] = await Promise.all(Array.from({ length: 6 }, deviceActor));
    const blocker = q.push(first!, [alone]);
    const pushes = devices.map(() => [booking(1)]);
    const answers = await Promise.all(devices.map((d, i) => q.push(d, pushes[i]!)));
    await blocker;

    expect(runMany).toHaveBeenCalledTimes(1);
    expect(runMany.mock.calls[0]![1]).toHaveLength(5);
    await expect(runMany.mock.results[0]!.value).resolves.toBe(true);
    expect(answers.map((a) => a.results[0]?.status)).toEqual(Array(5).fill('applied'));
    expect(new Set(answers.map((a) => a.results[0]?.txid)).size).toBe(1);
    // Every booking written together has the rows the one written alone has.
    const expected = await shapeOf((alone.args as { id: string }).id);
    expect(expected).toHaveLength(1);
    for (const [m] of pushes) expect(await shapeOf((m!.args as { id: string }).id)).toEqual(expected);
    for (const d of devices) expect(await streamOf(d.deviceId)).toEqual({ checked: 1, brokenAt: null });
  });

  it('two bookings of a group on the same time: the group runs again one by one, the first to arrive wins', async () => {
    const runMany = vi.spyOn(createBooking, 'runMany');
    const q = queue();
    const devices = await Promise.all(Array.from({ length: 4 }, deviceActor));
    const contested = nextSlot();
    const blocker = q.push(devices[0]!, [booking(1)]);
    const later = devices.slice(1).map((d, i) => q.push(d, [booking(1, i < 2 ? contested : undefined)]));
    await blocker;
    const answers = await Promise.all(later);

    // The exclusion constraint refused the insert of all three, so runMany gave up, and nothing of it
    // stayed; the rest of the push runs one by one.
    expect(runMany).toHaveBeenCalledTimes(1);
    await expect(runMany.mock.results[0]!.value).rejects.toMatchObject({ code: '23P01' });
    expect(answers.map((a) => a.results[0]?.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(answers[1]!.results[0]?.error?.code).toBe('slot_unavailable');
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM fulfillment_assignments
       WHERE starts_at = $1::timestamptz AND deleted_at IS NULL`,
      [contested],
    );
    expect(rows[0].n).toBe(2); // one booking: its room and its instructor
  });

  it('a live hold on one booking’s time sends the group one by one; only that booking is refused', async () => {
    const q = queue();
    const [holder, ...devices] = await Promise.all(Array.from({ length: 4 }, deviceActor));
    const day = new Date();
    day.setUTCDate(day.getUTCDate() + 9);
    day.setUTCHours(19, 0, 0, 0);
    const held = day.toISOString();
    const placed = await q.push(holder!, [
      {
        id: 1,
        name: 'holds.place',
        args: {
          id: newId('booking_holds'),
          offerVersionId: fx.privateVersion,
          startsAt: held,
          endsAt: new Date(day.getTime() + 3_600_000).toISOString(),
          expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
          offline: false,
          resources: [{ resourceId: fx.room }, { resourceId: fx.instructor, holdId: newId('booking_holds') }],
        },
      },
    ]);
    expect(placed.results[0]?.status).toBe('applied');

    const runMany = vi.spyOn(createBooking, 'runMany');
    // All near the held time, so that they fit one busy-time lookup (the blocker may join them).
    const near = (h: number) => new Date(day.getTime() + h * 3_600_000).toISOString();
    const blocker = q.push(holder!, [booking(2, near(13))]);
    const later = devices.map((d, i) => q.push(d, [booking(1, [near(7), held, near(9)][i])]));
    await blocker;
    const answers = await Promise.all(later);

    expect(runMany).toHaveBeenCalledTimes(1);
    await expect(runMany.mock.results[0]!.value).rejects.toMatchObject({ code: 'slot_unavailable' });
    expect(answers.map((a) => a.results[0]?.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(answers[1]!.results[0]?.error?.message).toBe('That time is held for another customer.');
  });

  it('property: whatever the group, every device gets the answer and rows it gets one by one', async () => {
    const devices = await Promise.all(Array.from({ length: 8 }, deviceActor));
    const next = new Map(devices.map((d) => [d.deviceId, 1]));
    const resourceSets = [[fx.room, fx.instructor], [fx.room], [fx.instructor]];
    let region = 0;
    let together = 0;
    type Case = { hold: { slot: number; resources: number } | null; group: { slot: number; resources: number }[] };
    /** A hold (maybe), then the group's bookings from devices 1…n queued behind device 0's blocker, so they run as one. */
    async function run({ hold, group }: Case) {
      const base = Date.UTC(2036, 0, 1) + region++ * 2 * 86_400_000;
      const at = (hours: number) => new Date(base + hours * 3_600_000).toISOString();
      const q = queue();
      const push = (d: MutatorActor, name: string, args: unknown) => {
        const id = next.get(d.deviceId)!;
        next.set(d.deviceId, id + 1);
        return q.push(d, [{ id, name, args }]);
      };
      // Every other booking opens a payment intent with it, as the desk's does.
      const book = (d: MutatorActor, slot: number, resources: number) =>
        push(d, 'bookings.create', {
          ...privateBooking(fx, at(slot * 2), { resources: resourceSets[resources] }),
          ...(slot % 2 ? { intentId: newId('payment_intents') } : {}),
        });
      if (hold) {
        const placed = await push(devices[0]!, 'holds.place', {
          id: newId('booking_holds'),
          startsAt: at(hold.slot * 2),
          endsAt: at(hold.slot * 2 + 1),
          expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
          resources: resourceSets[hold.resources]!.map((resourceId) => ({
            resourceId,
            holdId: newId('booking_holds'),
          })),
        });
        expect(placed.results[0]).toMatchObject({ status: 'applied' });
        await new Promise((r) => setTimeout(r, 0)); // the queue is idle again
      }
      const blocker = book(devices[0]!, 12, 0);
      const pushes = group.map((b, i) => book(devices[i + 1]!, b.slot, b.resources));
      expect((await blocker).results[0]?.status).toBe('applied');
      const answers = await Promise.all(pushes);
      const { rows } = await t.db.pool.query<{ starts_at: Date; n: number; intents: number }>(
        `SELECT a.starts_at, count(*)::int AS n, count(DISTINCT i.id)::int AS intents
         FROM fulfillment_assignments a JOIN fulfillment_units u ON u.id = a.fulfillment_unit_id
         LEFT JOIN payment_intents i ON i.booking_order_id = u.booking_order_id AND i.amount_minor > 0
         WHERE a.starts_at >= $1::timestamptz AND a.starts_at < $2::timestamptz GROUP BY 1 ORDER BY 1`,
        [at(0), at(24)],
      );
      return {
        answers: answers.map((a) => [a.results[0]?.status, a.results[0]?.error?.code]),
        rows: rows.map((r) => [r.starts_at.getTime() - base, r.n, r.intents]),
      };
    }
    const runMany = createBooking.runMany!.bind(createBooking);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          hold: fc.option(
            fc.record({ slot: fc.integer({ min: 0, max: 9 }), resources: fc.integer({ min: 0, max: 2 }) }),
          ),
          group: fc.array(
            fc.record({ slot: fc.integer({ min: 0, max: 9 }), resources: fc.integer({ min: 0, max: 2 }) }),
            { minLength: 2, maxLength: 7 },
          ),
        }),
        async (c) => {
          const spy = vi.spyOn(createBooking, 'runMany').mockImplementation(async (ctx, items) => {
            const ok = await runMany(ctx, items);
            if (ok) together++;
            return ok;
          });
          const allAtOnce = await run(c);
          spy.mockResolvedValue(false); // the reference: the same group, one mutation at a time
          const reference = await run(c);
          spy.mockRestore();
          expect(allAtOnce).toEqual(reference);
        },
      ),
      { numRuns: 30 },
    );
    expect(together).toBeGreaterThan(5); // the property did exercise groups written all at once
  });
});
