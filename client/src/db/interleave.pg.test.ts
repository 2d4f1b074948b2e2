/**
 * Property: whatever two offline devices queue and in whatever order they reconnect, the server
 * ends in a state that satisfies every invariant (no double booking, every mutation answered once)
 * and each device's view, after sync, equals the server's rows.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../server/test/app';
import { newId } from '../../../shared/ids';
import type { LocalStore } from './store';
import { syncedDevice } from './test-device';

const SHAPES = [
  'offer_versions',
  'resources',
  'booking_orders',
  'booking_order_lines',
  'fulfillment_units',
  'fulfillment_assignments',
  'fulfillment_checkpoints',
  'payment_intents',
];

let t: TestApp;
let fx: { version: string; room: string; bizId: string };
beforeAll(async () => {
  t = await createTestApp({ demo: true, shapeLongPollMs: 200 });
  const one = async (sql: string) => (await t.db.pool.query(sql)).rows[0].id as string;
  fx = {
    version: await one(
      "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session'",
    ),
    room: await one("SELECT id FROM resources WHERE name = 'Private Room'"),
    bizId: await one("SELECT id FROM bizes WHERE slug = 'lumen-yoga'"),
  };
});
afterAll(async () => {
  await t?.close();
});

type Op = { kind: 'book'; slot: number } | { kind: 'cancelLast' } | { kind: 'checkInLast' };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('book' as const), slot: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancelLast' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'checkInLast' as const }) },
);

let run = 0;
async function apply(store: LocalStore, ops: Op[], day: number) {
  const mine: string[] = [];
  for (const op of ops) {
    try {
      if (op.kind === 'book') {
        const id = newId('booking_orders');
        await store.mutate('bookings.create', {
          id,
          bookingCode: `P-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
          offerVersionId: fx.version,
          startsAt: new Date(Date.UTC(2050, 0, 1 + day, 12 + op.slot * 2)).toISOString(),
          lineId: newId('booking_order_lines'),
          unitId: newId('fulfillment_units'),
          resources: [{ resourceId: fx.room, role: 'room', assignmentId: newId('fulfillment_assignments') }],
          customerName: 'Prop',
        });
        mine.push(id);
      } else if (mine.length) {
        const id = mine.at(-1)!;
        if (op.kind === 'cancelLast') await store.mutate('bookings.cancel', { id, reason: 'changed mind' });
        else await store.mutate('bookings.checkIn', { id, checkpointId: newId('fulfillment_checkpoints') });
      }
    } catch {
      // Refused locally (e.g. checking in a cancelled booking): nothing queued, as the UI would show.
    }
  }
}

async function view(store: LocalStore, day: number) {
  const from = new Date(Date.UTC(2050, 0, 1 + day)).toISOString();
  const to = new Date(Date.UTC(2050, 0, 2 + day)).toISOString();
  const { rows } = await store.pg.query<{ id: string; status: string }>(
    'SELECT id, status FROM booking_orders WHERE confirmed_start_at >= $1 AND confirmed_start_at < $2 ORDER BY id',
    [from, to],
  );
  return rows;
}

describe('two offline devices, random interleavings', () => {
  it('end in a valid server state that both devices see exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 6 }),
        fc.array(opArb, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (opsA, opsB, aFirst) => {
          const day = run++;
          const a = await syncedDevice(t, 'desk@lumen.test', { shapes: SHAPES, confirmAfterMs: 60_000 });
          const b = await syncedDevice(t, 'desk@lumen.test', { shapes: SHAPES, confirmAfterMs: 60_000 });
          try {
            a.net.up = false;
            b.net.up = false;
            a.store.setOnline(false);
            b.store.setOnline(false);
            await apply(a.store, opsA, day);
            await apply(b.store, opsB, day);
            for (const d of aFirst ? [a, b] : [b, a]) {
              d.net.up = true;
              d.store.setOnline(true);
              await d.store.push();
            }
            // Every queued mutation was answered exactly once.
            for (const d of [a, b]) {
              const { rows } = await d.store.pg.query<{ n: number }>(
                "SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'",
              );
              expect(rows[0]!.n).toBe(0);
            }
            // No two live exclusive assignments of the room overlap.
            const overlaps = await t.db.pool.query(
              `SELECT count(*)::int AS n FROM fulfillment_assignments x JOIN fulfillment_assignments y
                 ON x.resource_id = y.resource_id AND x.id < y.id
                AND tstzrange(coalesce(x.occupied_start_at, x.starts_at), coalesce(x.occupied_end_at, x.ends_at))
                 && tstzrange(coalesce(y.occupied_start_at, y.starts_at), coalesce(y.occupied_end_at, y.ends_at))
               WHERE x.conflict_policy = 'enforce_no_overlap' AND y.conflict_policy = 'enforce_no_overlap'
                 AND x.status IN ('reserved', 'confirmed', 'in_progress') AND y.status IN ('reserved', 'confirmed', 'in_progress')`,
            );
            expect(overlaps.rows[0].n).toBe(0);
            const from = new Date(Date.UTC(2050, 0, 1 + day)).toISOString();
            const to = new Date(Date.UTC(2050, 0, 2 + day)).toISOString();
            const server = (
              await t.db.pool.query(
                'SELECT id, status::text FROM booking_orders WHERE confirmed_start_at >= $1 AND confirmed_start_at < $2 ORDER BY id',
                [from, to],
              )
            ).rows;
            for (const d of [a, b]) {
              await expect
                .poll(async () => JSON.stringify(await view(d.store, day)), { timeout: 20_000, interval: 200 })
                .toBe(JSON.stringify(server));
            }
          } finally {
            a.store.stop();
            b.store.stop();
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});
