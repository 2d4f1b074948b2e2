/**
 * Holds: a slot kept for a customer who is deciding. `holds.place` writes one `booking_holds` row per
 * held resource (or one seat hold on a class), grouped under the first row's id (`metadata.group`);
 * `holds.release` and `holds.convert` act on the whole group. A live (active, unexpired) hold is busy
 * time for everyone else in the availability engine (availability/load.ts). Holds made on a device
 * without network are flagged `is_offline` with the device: they never blocked anyone on the server
 * until they arrived, and one that arrives already expired is recorded as expired.
 */
import { z } from 'zod';
import { enforceOccupancy } from '../availability/enforce';
import { classKey } from '../availability/pools';
import { AppError } from '../errors';
import { idOf, instant } from './args';
import { createBooking } from './bookings';
import { getOwned, insertRow, invalidState, iso } from './sql';
import { defineMutator, type SqlTx } from './types';

const MAX_HOLD_MS = 24 * 3_600_000;

interface HoldRow extends Record<string, unknown> {
  id: string;
  status: string;
  offer_version_id: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  expires_at: Date | string;
  seats: number;
}

async function holdGroup(tx: SqlTx, bizId: string, id: string): Promise<HoldRow[]> {
  await getOwned(tx, 'booking_holds', bizId, id, 'Hold', 'id');
  const { rows } = await tx.query<HoldRow>(
    `SELECT id, status::text AS status, offer_version_id, starts_at, ends_at, expires_at, seats FROM booking_holds
     WHERE biz_id = $1 AND (id = $2 OR metadata->>'group' = $2) ORDER BY id`,
    [bizId, id],
  );
  return rows;
}

export const placeHold = defineMutator({
  name: 'holds.place',
  action: 'hold.manage',
  args: z
    .strictObject({
      id: idOf('booking_holds'),
      offerVersionId: idOf('offer_versions').optional(),
      startsAt: instant,
      endsAt: instant,
      expiresAt: instant,
      seats: z.number().int().min(1).max(50).default(1),
      locationId: idOf('locations').optional(),
      /** The device had no network when it placed the hold. */
      offline: z.boolean().default(false),
      /** Held resources; the first row takes `id`, the others their `holdId`. */
      resources: z
        .array(z.strictObject({ resourceId: idOf('resources'), holdId: idOf('booking_holds').optional() }))
        .max(8)
        .default([]),
    })
    .refine((a) => a.resources.every((r, i) => i === 0 || r.holdId), {
      message: 'every held resource after the first needs its holdId',
      path: ['resources'],
    })
    .refine((a) => a.offerVersionId || a.resources.length > 0, {
      message: 'a hold needs an offer version or a resource',
    }),
  async run({ tx, actor, env, now }, a) {
    if (a.endsAt <= a.startsAt) throw new AppError('validation_failed', 'The hold must end after it starts.');
    if (a.expiresAt.getTime() - now.getTime() > MAX_HOLD_MS) {
      throw new AppError('validation_failed', 'A hold lasts at most 24 hours.');
    }
    let capacity: number | null = null;
    if (a.offerVersionId) {
      const v = await getOwned<{ status: string; capacity: number | null }>(
        tx,
        'offer_versions',
        actor.bizId,
        a.offerVersionId,
        'Offer',
        'status, capacity',
      );
      if (v.status !== 'published') throw invalidState('This offer is not bookable.');
      capacity = v.capacity;
    }
    const resourceIds = a.resources.map((r) => r.resourceId);
    for (const rid of resourceIds) await getOwned(tx, 'resources', actor.bizId, rid, 'Resource', 'id');
    // An offline hold that reaches the server after its expiry is recorded, but as expired.
    const expired = a.expiresAt <= now;
    if (env === 'server' && !expired) {
      // Capacity pools and simultaneous-booking limits count holds like bookings (availability/enforce.ts).
      const { rows: buffers } = await tx.query<{ id: string; before: number; after: number }>(
        'SELECT id, buffer_before_min AS before, buffer_after_min AS after FROM resources WHERE biz_id = $1 AND id = ANY($2)',
        [actor.bizId, resourceIds],
      );
      await enforceOccupancy(tx, actor.bizId, {
        bookingId: a.id,
        offerVersionId: a.offerVersionId ?? null,
        locationId: a.locationId ?? null,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        seats: a.seats,
        occupancyKey:
          a.offerVersionId && capacity !== null ? classKey(a.offerVersionId, a.startsAt.getTime()) : `hold:${a.id}`,
        // This mutator locks the resources FOR UPDATE next: take that mode now (no lock upgrade).
        lockExclusively: true,
        resources: buffers.map((b) => ({
          resourceId: b.id,
          occupiedStartAt: new Date(a.startsAt.getTime() - b.before * 60_000),
          occupiedEndAt: new Date(a.endsAt.getTime() + b.after * 60_000),
        })),
      });
      // Serialize holds and bookings on the same resources / class while checking what is free.
      if (resourceIds.length) {
        await tx.query('SELECT id FROM resources WHERE biz_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE', [
          actor.bizId,
          resourceIds,
        ]);
      }
      if (a.offerVersionId && capacity !== null) {
        await tx.query('SELECT id FROM offer_versions WHERE id = $1 FOR UPDATE', [a.offerVersionId]);
      }
    }
    if (!expired && capacity === null && resourceIds.length) {
      const { rows } = await tx.query<{ n: number }>(
        `SELECT (
           (SELECT count(*) FROM fulfillment_assignments WHERE biz_id = $1 AND resource_id = ANY($2)
              AND deleted_at IS NULL AND conflict_policy = 'enforce_no_overlap'
              AND status IN ('reserved', 'confirmed', 'in_progress')
              AND coalesce(occupied_start_at, starts_at) < $4::timestamptz
              AND coalesce(occupied_end_at, ends_at) > $3::timestamptz)
         + (SELECT count(*) FROM booking_holds WHERE biz_id = $1 AND resource_id = ANY($2) AND status = 'active'
              AND deleted_at IS NULL AND expires_at > $5::timestamptz
              AND starts_at < $4::timestamptz AND ends_at > $3::timestamptz)
         )::int AS n`,
        [actor.bizId, resourceIds, iso(a.startsAt), iso(a.endsAt), iso(now)],
      );
      if ((rows[0]?.n ?? 0) > 0) throw new AppError('slot_unavailable');
    }
    if (!expired && capacity !== null) {
      const { rows } = await tx.query<{ taken: number }>(
        `SELECT (
           (SELECT coalesce(sum(seats), 0) FROM booking_orders WHERE biz_id = $1 AND offer_version_id = $2
              AND confirmed_start_at = $3::timestamptz AND status NOT IN ('cancelled', 'no_show'))
         + (SELECT coalesce(sum(seats), 0) FROM booking_holds WHERE biz_id = $1 AND offer_version_id = $2
              AND starts_at = $3::timestamptz AND status = 'active' AND deleted_at IS NULL
              AND expires_at > $4::timestamptz AND id = coalesce(metadata->>'group', id))
         )::int AS taken`,
        [actor.bizId, a.offerVersionId, iso(a.startsAt), iso(now)],
      );
      const taken = rows[0]?.taken ?? 0;
      if (taken + a.seats > capacity) throw new AppError('capacity_full', undefined, { capacity, booked: taken });
    }
    const rows = a.resources.length ? a.resources : [{ resourceId: undefined, holdId: undefined }];
    for (const [i, r] of rows.entries()) {
      await insertRow(tx, 'booking_holds', {
        id: i === 0 ? a.id : r.holdId,
        biz_id: actor.bizId,
        offer_version_id: a.offerVersionId ?? null,
        resource_id: r.resourceId ?? null,
        location_id: a.locationId ?? null,
        starts_at: iso(a.startsAt),
        ends_at: iso(a.endsAt),
        expires_at: iso(a.expiresAt),
        seats: a.seats,
        status: expired ? 'expired' : 'active',
        is_offline: a.offline,
        device_id: actor.deviceId,
        metadata: { group: a.id },
        created_by: actor.userId,
      });
    }
    return { holdId: a.id, status: expired ? 'expired' : 'active' };
  },
});

export const releaseHold = defineMutator({
  name: 'holds.release',
  action: 'hold.manage',
  args: z.strictObject({ id: idOf('booking_holds') }),
  async run({ tx, actor }, a) {
    const group = await holdGroup(tx, actor.bizId, a.id);
    if (group.some((h) => h.status === 'converted')) throw invalidState('This hold already became a booking.');
    await tx.query(
      `UPDATE booking_holds SET status = 'released', updated_at = now(), updated_by = $3
       WHERE biz_id = $1 AND (id = $2 OR metadata->>'group' = $2) AND status = 'active'`,
      [actor.bizId, a.id, actor.userId],
    );
    return null;
  },
});

export const convertHold = defineMutator({
  name: 'holds.convert',
  action: 'booking.create',
  args: z.strictObject({ id: idOf('booking_holds'), booking: createBooking.args }),
  async run(ctx, a) {
    const { tx, actor, now } = ctx;
    const group = await holdGroup(tx, actor.bizId, a.id);
    const first = group.find((h) => h.id === a.id) ?? group[0]!;
    if (first.status === 'converted') throw invalidState('This hold already became a booking.');
    if (first.status === 'expired' || (first.status === 'active' && new Date(first.expires_at) <= now)) {
      throw new AppError('hold_expired', undefined, { expiresAt: iso(first.expires_at) });
    }
    if (first.status !== 'active') throw invalidState(`A ${first.status} hold cannot be converted.`);
    if (first.offer_version_id && first.offer_version_id !== a.booking.offerVersionId) {
      throw new AppError('validation_failed', 'The booking is for another offer than the hold.');
    }
    if (new Date(first.starts_at).getTime() !== a.booking.startsAt.getTime()) {
      throw new AppError('validation_failed', 'The booking starts at another time than the hold.');
    }
    // The hold being converted must not block its own booking (see bookings.create).
    await tx.query("SELECT set_config('bizing.converting_hold', $1, true)", [a.id]);
    const result = await createBooking.run(ctx, a.booking);
    await tx.query("SELECT set_config('bizing.converting_hold', '', true)");
    await tx.query(
      `UPDATE booking_holds SET status = 'converted', booking_order_id = $3, updated_at = now(), updated_by = $4
       WHERE biz_id = $1 AND (id = $2 OR metadata->>'group' = $2) AND status = 'active'`,
      [actor.bizId, a.id, a.booking.id, actor.userId],
    );
    return result;
  },
});
