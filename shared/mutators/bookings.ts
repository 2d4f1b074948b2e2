/**
 * Bookings: create (order + line + unit + assignments), cancel, check in, no-show. Seats of a class
 * share the room and instructor (overlap allowed, capacity counted under a lock); a private booking
 * holds its resources exclusively and the database's exclusion constraint refuses any overlap. On the
 * server, capacity pools and resources that take several bookings at once are counted under locks
 * before anything is written (availability/enforce.ts).
 */
import { z } from 'zod';
import {
  enforceOccupancy,
  lockOccupancy,
  lockResourcesSql,
  type OccupancyResource,
  type ResourceLockMode,
} from '../availability/enforce';
import { busyQuery } from '../availability/load';
import { classKey } from '../availability/pools';
import type { BusyInterval } from '../availability/types';
import { AppError, notFound } from '../errors';
import { idOf, instant, text } from './args';
import { getOwned, insertRow, insertTogether, invalidState, iso } from './sql';
import { defineMutator, type MutatorActor, type SqlTx } from './types';

const BOOKING_SOURCES = ['walk_in', 'phone', 'admin', 'web', 'mobile', 'kiosk'] as const;

interface OfferVersionRow extends Record<string, unknown> {
  id: string;
  offer_id: string;
  status: string;
  capacity: number | null;
  duration_min: number | null;
  base_price_minor: number;
  currency: string;
}

interface ResourceRow extends Record<string, unknown> {
  name: string;
  buffer_before_min: number;
  buffer_after_min: number;
  is_active: boolean;
  allow_simultaneous_bookings: boolean;
}
const RESOURCE_COLUMNS = 'name, buffer_before_min, buffer_after_min, is_active, allow_simultaneous_bookings';

/** The span an assignment keeps its resource busy: the service time widened by the resource's buffers. */
function occupiedSpan(r: ResourceRow, startsAt: Date, endsAt: Date) {
  return {
    occupiedStartAt: new Date(startsAt.getTime() - r.buffer_before_min * 60_000),
    occupiedEndAt: new Date(endsAt.getTime() + r.buffer_after_min * 60_000),
  };
}

/**
 * Class seats share their resources, and so do bookings of a resource that takes several at once: both
 * are counted at commit (enforce.ts). Anything else holds its resource exclusively, which the database's
 * exclusion constraint guarantees.
 */
function conflictPolicy(isClass: boolean, r: Pick<ResourceRow, 'allow_simultaneous_bookings'>) {
  return isClass || r.allow_simultaneous_bookings ? 'allow_overlap' : 'enforce_no_overlap';
}

/** A confirmed fulfillment_assignments row putting resource `r` on `unitId` for the booking's time. */
function assignmentRow(
  b: {
    userId: string;
    bizId: string;
    unitId: string;
    startsAt: Date;
    endsAt: Date;
    isClass: boolean;
    occupancyKey: string;
  },
  r: Pick<ResourceRow, 'allow_simultaneous_bookings'> & {
    assignmentId: string;
    resourceId: string;
    role: string;
    occupiedStartAt: Date;
    occupiedEndAt: Date;
  },
) {
  return {
    id: r.assignmentId,
    biz_id: b.bizId,
    fulfillment_unit_id: b.unitId,
    resource_id: r.resourceId,
    role: r.role,
    starts_at: iso(b.startsAt),
    ends_at: iso(b.endsAt),
    occupied_start_at: iso(r.occupiedStartAt),
    occupied_end_at: iso(r.occupiedEndAt),
    conflict_policy: conflictPolicy(b.isClass, r),
    occupancy_key: b.occupancyKey,
    status: 'confirmed',
    assigned_by_user_id: b.userId,
  };
}

/** What a booking needs read first: its offer version(s), resources and, on the server, the lock state. */
interface BookingInputs {
  versions: Map<string, OfferVersionRow>;
  owned: Map<string, ResourceRow & OccupancyResource>;
  pools?: boolean;
  locked?: ResourceLockMode;
}

/**
 * The offer versions and the resources bookings name, in one round trip. On the server the same
 * statement also finds whether the biz has any active capacity pool and, when it has none, takes the
 * resource locks enforcement needs (enforce.ts: exclusive when a booking counts occupancies, a class
 * or a resource taking several at once).
 */
async function readBookingInputs(
  tx: SqlTx,
  bizId: string,
  versionIds: string[],
  resourceIds: string[],
  server: boolean,
): Promise<BookingInputs> {
  const { rows } = await tx.query<{
    versions: OfferVersionRow[] | null;
    resources: (ResourceRow & OccupancyResource)[] | null;
    pools?: boolean;
    locked?: ResourceLockMode;
  }>(
    `WITH v AS (SELECT id, offer_id, status, capacity, duration_min, base_price_minor, currency
                FROM offer_versions WHERE id = ANY($1) AND biz_id = $2),
          r AS (SELECT id, ${RESOURCE_COLUMNS}, location_id, max_simultaneous_bookings
                FROM resources WHERE id = ANY($3) AND biz_id = $2)
          ${
            server
              ? `, p AS (SELECT EXISTS (SELECT 1 FROM capacity_pools
                          WHERE biz_id = $2 AND deleted_at IS NULL AND status = 'active') AS pools),
                 mode AS (SELECT CASE
                   WHEN (SELECT pools FROM p) THEN 'none'
                   WHEN EXISTS (SELECT 1 FROM v WHERE capacity IS NOT NULL)
                     OR EXISTS (SELECT 1 FROM r WHERE allow_simultaneous_bookings AND max_simultaneous_bookings IS NOT NULL)
                   THEN 'exclusive' ELSE 'shared' END AS m),
                 locks AS (${lockResourcesSql('$3', '(SELECT m FROM mode)')})`
              : ''
          }
     SELECT (SELECT json_agg(v) FROM v) AS versions, (SELECT json_agg(r ORDER BY r.id) FROM r) AS resources
            ${server ? ', (SELECT pools FROM p) AS pools, (SELECT m FROM mode WHERE EXISTS (SELECT FROM locks)) AS locked' : ''}`,
    [versionIds, bizId, resourceIds],
  );
  const row = rows[0];
  return {
    versions: new Map((row?.versions ?? []).map((v) => [v.id, { ...v, base_price_minor: Number(v.base_price_minor) }])),
    owned: new Map((row?.resources ?? []).map((r) => [r.id, r])),
    pools: row?.pools,
    locked: row?.locked,
  };
}

/** The resources a booking is given, each with its role and the id of its new assignment. */
const ASSIGNED_RESOURCES = z
  .array(
    z.strictObject({
      resourceId: idOf('resources'),
      role: text(60),
      assignmentId: idOf('fulfillment_assignments'),
    }),
  )
  .min(1)
  .max(8);

const CREATE_ARGS = z.strictObject({
  id: idOf('booking_orders'),
  bookingCode: z.string().regex(/^[A-Z0-9-]{4,16}$/),
  offerVersionId: idOf('offer_versions'),
  startsAt: instant,
  endsAt: instant.optional(),
  locationId: idOf('locations').optional(),
  seats: z.number().int().min(1).max(50).default(1),
  lineId: idOf('booking_order_lines'),
  unitId: idOf('fulfillment_units'),
  /** The payment intent to open for the booking (the desk takes payment against it). */
  intentId: idOf('payment_intents').optional(),
  resources: ASSIGNED_RESOURCES,
  customerName: text(200),
  customerEmail: z.email().max(255).optional(),
  customerPhone: z.string().trim().max(50).optional(),
  source: z.enum(BOOKING_SOURCES).default('walk_in'),
  notes: z.string().trim().max(2000).optional(),
});
type CreateArgs = z.output<typeof CREATE_ARGS>;

const resourceIdsOf = (a: Pick<CreateArgs, 'resources'>) => [...new Set(a.resources.map((r) => r.resourceId))];

/** A booking checked against what was read (`not_found`, not bookable, resource out of service), with its times. */
function planBooking(a: CreateArgs, inputs: BookingInputs) {
  const version = inputs.versions.get(a.offerVersionId);
  if (!version) throw notFound('Offer');
  if (resourceIdsOf(a).some((id) => !inputs.owned.has(id))) throw notFound('Resource');
  if (version.status !== 'published') throw invalidState('This offer is not bookable.');
  const endsAt = a.endsAt ?? new Date(a.startsAt.getTime() + (version.duration_min ?? 60) * 60_000);
  if (endsAt <= a.startsAt) throw new AppError('validation_failed', 'The booking must end after it starts.');
  const isClass = version.capacity !== null;
  const resources = a.resources.map((r) => {
    const row = inputs.owned.get(r.resourceId)!;
    if (!row.is_active) throw new AppError('slot_unavailable', 'That resource is not in service.');
    return { ...r, ...row, ...occupiedSpan(row, a.startsAt, endsAt) };
  });
  const occupancyKey = isClass ? classKey(version.id, a.startsAt.getTime()) : `assignment:${a.id}`;
  return { version, endsAt, isClass, resources, occupancyKey };
}
type PlannedBooking = ReturnType<typeof planBooking>;

/** Server: the locks and busy-time lookup enforcement needs (availability/enforce.ts). */
function lockBooking(tx: SqlTx, bizId: string, a: CreateArgs, b: PlannedBooking, inputs: BookingInputs) {
  return lockOccupancy(tx, bizId, {
    bookingId: a.id,
    offerVersionId: b.version.id,
    locationId: a.locationId ?? null,
    startsAt: a.startsAt,
    endsAt: b.endsAt,
    seats: a.seats,
    occupancyKey: b.occupancyKey,
    resources: b.resources.map((r) => ({
      resourceId: r.resourceId,
      occupiedStartAt: r.occupiedStartAt,
      occupiedEndAt: r.occupiedEndAt,
    })),
    known: { resources: [...inputs.owned.values()], pools: inputs.pools ?? true, locked: inputs.locked },
  });
}

/** The rows a booking writes: order, line, unit, one assignment per resource, and its payment intent if asked. */
function bookingRows(actor: MutatorActor, a: CreateArgs, b: PlannedBooking) {
  const { version, endsAt, isClass, occupancyKey } = b;
  const total = version.base_price_minor * a.seats;
  const order = {
    id: a.id,
    biz_id: actor.bizId,
    booking_code: a.bookingCode,
    source: a.source,
    status: 'confirmed',
    payment_status: 'unpaid',
    location_id: a.locationId ?? null,
    offer_id: version.offer_id,
    offer_version_id: version.id,
    customer_name: a.customerName,
    customer_email: a.customerEmail ?? null,
    customer_phone: a.customerPhone ?? null,
    seats: a.seats,
    requested_start_at: iso(a.startsAt),
    requested_end_at: iso(endsAt),
    confirmed_start_at: iso(a.startsAt),
    confirmed_end_at: iso(endsAt),
    currency: version.currency,
    subtotal_minor: total,
    total_minor: total,
    is_private: !isClass,
    notes: a.notes ?? null,
    created_by: actor.userId,
  };
  const line = {
    id: a.lineId,
    biz_id: actor.bizId,
    booking_order_id: a.id,
    line_type: 'offer_base',
    label: isClass ? 'Class seat' : 'Booking',
    quantity: a.seats,
    unit_amount_minor: version.base_price_minor,
    line_total_minor: total,
  };
  const unit = {
    id: a.unitId,
    biz_id: actor.bizId,
    booking_order_id: a.id,
    booking_order_line_id: a.lineId,
    status: 'scheduled',
    starts_at: iso(a.startsAt),
    ends_at: iso(endsAt),
    location_id: a.locationId ?? null,
  };
  const assignments = b.resources.map((r) =>
    assignmentRow({ ...actor, unitId: a.unitId, startsAt: a.startsAt, endsAt, isClass, occupancyKey }, r),
  );
  const intent = a.intentId
    ? {
        id: a.intentId,
        biz_id: actor.bizId,
        booking_order_id: a.id,
        status: 'requires_payment',
        currency: version.currency,
        amount_minor: total,
        amount_paid_minor: 0,
        request_key: a.intentId,
      }
    : undefined;
  return { order, line, unit, assignments, intent };
}

/**
 * Inserts bookings' rows in one statement (FKs between them are checked once it has run), with the
 * busy-time lookup riding along; then their payment intents, if any. The occupancy keys given here are
 * checked against the unit and order when the transaction commits (migration 0005).
 */
async function insertBookings(
  tx: SqlTx,
  rows: ReturnType<typeof bookingRows>[],
  busyQuery?: (offset: number) => { sql: string; params: unknown[] },
  check?: (busy: BusyInterval[]) => Promise<void>,
): Promise<void> {
  const busy = await insertTogether<BusyInterval>(
    tx,
    [
      ['booking_orders', rows.map((r) => r.order)],
      ['booking_order_lines', rows.map((r) => r.line)],
      ['fulfillment_units', rows.map((r) => r.unit)],
      ['fulfillment_assignments', rows.flatMap((r) => r.assignments)],
    ],
    busyQuery,
    // Many bookings: one text for any number of them (a VALUES list per count would be prepared and
    // cached per count, on every connection).
    { asJson: rows.length > 1 },
  );
  await check?.(busy);
  const intents = rows.flatMap((r) => (r.intent ? [r.intent] : []));
  if (intents.length)
    await insertTogether(tx, [['payment_intents', intents]], undefined, { asJson: intents.length > 1 });
}

/** The longest stretch of time a group of bookings may span to share one busy-time lookup. */
const MANY_SPAN_MS = 31 * 86_400_000;

export const createBooking = defineMutator({
  name: 'bookings.create',
  action: 'booking.create',
  args: CREATE_ARGS,
  async run({ tx, actor, env }, a) {
    const server = env === 'server';
    const inputs = await readBookingInputs(tx, actor.bizId, [a.offerVersionId], resourceIdsOf(a), server);
    const b = planBooking(a, inputs);

    // Server: pools, simultaneous-booking limits and live holds, counted under locks
    // (availability/enforce.ts) from a busy-time lookup that rides along with the inserts below.
    const occupancy = server ? await lockBooking(tx, actor.bizId, a, b, inputs) : undefined;

    if (b.isClass && server) {
      // Serialize seat counting per class version: the first commit to arrive gets the last seat.
      await tx.query('SELECT id FROM offer_versions WHERE id = $1 FOR UPDATE', [b.version.id]);
      const { rows } = await tx.query<{ booked: number }>(
        `SELECT coalesce(sum(seats), 0)::int AS booked FROM booking_orders
         WHERE biz_id = $1 AND offer_version_id = $2 AND confirmed_start_at = $3::timestamptz
           AND status NOT IN ('cancelled', 'no_show')`,
        [actor.bizId, b.version.id, iso(a.startsAt)],
      );
      const booked = rows[0]?.booked ?? 0;
      if (booked + a.seats > (b.version.capacity ?? 0)) {
        throw new AppError('capacity_full', undefined, { capacity: b.version.capacity, booked });
      }
    }
    await insertBookings(tx, [bookingRows(actor, a, b)], occupancy?.busyQuery, occupancy?.check);
    return { bookingId: a.id };
  },
  /**
   * Several private bookings of one biz in two statements: one read (which takes the shared resource
   * locks), one insert of all their rows with one busy-time lookup. Only bookings whose overlaps the
   * exclusion constraint alone refuses are taken this way (no class seats, no capacity pools, no
   * resource taking several bookings at once): two of them on the same time fail the insert, and
   * anything else `run` would refuse is found before or right after it; the runner then runs them
   * one by one, so each answer is the one `run` gives.
   */
  async runMany({ tx, env }, items) {
    const bizId = items[0]?.actor.bizId;
    if (env !== 'server' || !bizId || items.some((i) => i.actor.bizId !== bizId)) return false;
    const inputs = await readBookingInputs(
      tx,
      bizId,
      [...new Set(items.map((i) => i.args.offerVersionId))],
      [...new Set(items.flatMap((i) => resourceIdsOf(i.args)))],
      true,
    );
    if (inputs.pools !== false || inputs.locked !== 'shared') return false;
    const planned = items.map((i) => ({ ...i, b: planBooking(i.args, inputs) }));
    // With the locks already taken and no pools, this reads nothing: it only prepares each check.
    const checks: Awaited<ReturnType<typeof lockBooking>>[] = [];
    for (const p of planned) checks.push(await lockBooking(tx, bizId, p.args, p.b, inputs));
    const spans = planned.flatMap((p) =>
      p.b.resources.map((r) => [r.occupiedStartAt.getTime(), r.occupiedEndAt.getTime()]),
    );
    const from = Math.min(...spans.map(([s]) => s!));
    const to = Math.max(...spans.map(([, e]) => e!));
    if (to - from > MANY_SPAN_MS) return false;
    await insertBookings(
      tx,
      planned.map((p) => bookingRows(p.actor, p.args, p.b)),
      (offset) => busyQuery(bizId, { start: new Date(from), end: new Date(to) }, [...inputs.owned.keys()], offset),
      async (busy) => {
        for (const c of checks) await c.check(busy);
      },
    );
    return true;
  },
});

interface BookingRow extends Record<string, unknown> {
  id: string;
  status: string;
}

async function setAssignments(
  tx: Parameters<typeof getOwned>[0],
  bizId: string,
  bookingId: string,
  unitStatus: string,
  assignmentStatus: string,
) {
  await tx.query(
    `UPDATE fulfillment_units SET status = $3, updated_at = now() WHERE biz_id = $1 AND booking_order_id = $2`,
    [bizId, bookingId, unitStatus],
  );
  await tx.query(
    `UPDATE fulfillment_assignments SET status = $3, updated_at = now()
     WHERE biz_id = $1 AND fulfillment_unit_id IN (SELECT id FROM fulfillment_units WHERE biz_id = $1 AND booking_order_id = $2)`,
    [bizId, bookingId, assignmentStatus],
  );
}

export const cancelBooking = defineMutator({
  name: 'bookings.cancel',
  action: 'booking.cancel',
  args: z.strictObject({ id: idOf('booking_orders'), reason: text(500) }),
  async run({ tx, actor, now }, a) {
    const booking = await getOwned<BookingRow>(tx, 'booking_orders', actor.bizId, a.id, 'Booking', 'id, status');
    if (booking.status === 'cancelled') throw new AppError('booking_cancelled');
    if (!['confirmed', 'held', 'draft'].includes(booking.status)) {
      throw invalidState(`A ${booking.status.replace('_', ' ')} booking cannot be cancelled.`);
    }
    await tx.query(
      `UPDATE booking_orders SET status = 'cancelled', cancelled_at = $3::timestamptz, cancel_reason = $4,
         updated_at = now(), updated_by = $5 WHERE biz_id = $1 AND id = $2`,
      [actor.bizId, a.id, iso(now), a.reason, actor.userId],
    );
    await setAssignments(tx, actor.bizId, a.id, 'cancelled', 'cancelled');
    return null;
  },
});

export const checkInBooking = defineMutator({
  name: 'bookings.checkIn',
  action: 'booking.check_in',
  args: z.strictObject({
    id: idOf('booking_orders'),
    checkpointId: idOf('fulfillment_checkpoints'),
    method: z.enum(['button', 'code', 'qr']).default('button'),
  }),
  async run({ tx, actor, now }, a) {
    const booking = await getOwned<BookingRow>(tx, 'booking_orders', actor.bizId, a.id, 'Booking', 'id, status');
    if (booking.status === 'cancelled') throw new AppError('booking_cancelled');
    if (booking.status === 'checked_in') throw new AppError('already_checked_in');
    if (booking.status !== 'confirmed')
      throw invalidState(`A ${booking.status.replace('_', ' ')} booking cannot be checked in.`);
    await tx.query(
      `UPDATE booking_orders SET status = 'checked_in', checked_in_at = $3::timestamptz, checked_in_by = $4,
         updated_at = now(), updated_by = $4 WHERE biz_id = $1 AND id = $2`,
      [actor.bizId, a.id, iso(now), actor.userId],
    );
    const { rows } = await tx.query<{ id: string }>(
      'SELECT id FROM fulfillment_units WHERE biz_id = $1 AND booking_order_id = $2 ORDER BY sequence LIMIT 1',
      [actor.bizId, a.id],
    );
    if (rows[0]) {
      await insertRow(tx, 'fulfillment_checkpoints', {
        id: a.checkpointId,
        biz_id: actor.bizId,
        fulfillment_unit_id: rows[0].id,
        sequence: 1,
        name: `Checked in (${a.method})`,
        kind: 'check_in',
        status: 'done',
        completed_at: iso(now),
        completed_by: actor.userId,
        device_time: iso(now),
      });
    }
    return null;
  },
});

export const markNoShow = defineMutator({
  name: 'bookings.noShow',
  action: 'booking.no_show',
  args: z.strictObject({ id: idOf('booking_orders') }),
  async run({ tx, actor, now }, a) {
    const booking = await getOwned<BookingRow>(tx, 'booking_orders', actor.bizId, a.id, 'Booking', 'id, status');
    if (booking.status !== 'confirmed')
      throw invalidState(`A ${booking.status.replace('_', ' ')} booking cannot be a no-show.`);
    await tx.query(
      `UPDATE booking_orders SET status = 'no_show', no_show_at = $3::timestamptz, updated_at = now(), updated_by = $4
       WHERE biz_id = $1 AND id = $2`,
      [actor.bizId, a.id, iso(now), actor.userId],
    );
    await setAssignments(tx, actor.bizId, a.id, 'no_show', 'released');
    return null;
  },
});

/**
 * A manager gives a contested slot to the booking that lost it: the winner is cancelled (its desk
 * sees it in its inbox with alternatives) and the new booking is made, in one transaction.
 */
export const takeOverSlot = defineMutator({
  name: 'bookings.takeOver',
  action: 'booking.take_over',
  args: z.strictObject({ winnerBookingId: idOf('booking_orders'), reason: text(400), booking: z.unknown() }),
  async run(ctx, a) {
    const booking = createBooking.args.safeParse(a.booking);
    if (!booking.success) throw new AppError('validation_failed', 'The replacement booking is not valid.');
    const winner = await getOwned<BookingRow>(
      ctx.tx,
      'booking_orders',
      ctx.actor.bizId,
      a.winnerBookingId,
      'Booking',
      'id, status',
    );
    if (winner.status !== 'confirmed') throw invalidState('Only a confirmed booking can be taken over.');
    await ctx.tx.query(
      `UPDATE booking_orders SET status = 'cancelled', cancelled_at = $3::timestamptz, cancel_reason = $4,
         updated_at = now(), updated_by = $5 WHERE biz_id = $1 AND id = $2`,
      [ctx.actor.bizId, winner.id, iso(ctx.now), `Taken over: ${a.reason}`, ctx.actor.userId],
    );
    await setAssignments(ctx.tx, ctx.actor.bizId, winner.id, 'cancelled', 'cancelled');
    return createBooking.run(ctx, booking.data);
  },
});

/**
 * Moves a confirmed booking (its unit and resource assignments) to another time, optionally onto other
 * resources. The exclusion constraint still refuses any overlap (`slot_unavailable`, with alternatives);
 * a class seat is moved only while the target start has seats left.
 */
export const rescheduleBooking = defineMutator({
  name: 'bookings.reschedule',
  action: 'booking.reschedule',
  args: z.strictObject({
    id: idOf('booking_orders'),
    startsAt: instant,
    endsAt: instant.optional(),
    /** New resources (replacing all current assignments); omitted = keep the resources, move the times. */
    resources: ASSIGNED_RESOURCES.optional(),
  }),
  async run({ tx, actor, env }, a) {
    const booking = await getOwned<
      BookingRow & {
        offer_version_id: string | null;
        seats: number;
        confirmed_start_at: Date | string | null;
        confirmed_end_at: Date | string | null;
        location_id: string | null;
      }
    >(
      tx,
      'booking_orders',
      actor.bizId,
      a.id,
      'Booking',
      'id, status, offer_version_id, seats, confirmed_start_at, confirmed_end_at, location_id',
    );
    if (booking.status === 'cancelled') throw new AppError('booking_cancelled');
    if (booking.status !== 'confirmed')
      throw invalidState(`A ${booking.status.replace('_', ' ')} booking cannot be rescheduled.`);
    const oldStart = booking.confirmed_start_at ? new Date(booking.confirmed_start_at).getTime() : null;
    const oldEnd = booking.confirmed_end_at ? new Date(booking.confirmed_end_at).getTime() : null;
    const durationMs = oldStart !== null && oldEnd !== null ? oldEnd - oldStart : 60 * 60_000;
    const endsAt = a.endsAt ?? new Date(a.startsAt.getTime() + durationMs);
    if (endsAt <= a.startsAt) throw new AppError('validation_failed', 'The booking must end after it starts.');

    const version = booking.offer_version_id
      ? await getOwned<{ capacity: number | null }>(
          tx,
          'offer_versions',
          actor.bizId,
          booking.offer_version_id,
          'Offer',
          'capacity',
        )
      : { capacity: null };
    const isClass = version.capacity !== null;
    const { rows: units } = await tx.query<{ id: string }>(
      'SELECT id FROM fulfillment_units WHERE biz_id = $1 AND booking_order_id = $2 ORDER BY sequence, id',
      [actor.bizId, a.id],
    );
    const unitIds = units.map((u) => u.id);
    const { rows: current } = await tx.query<{ id: string; resource_id: string }>(
      `SELECT id, resource_id FROM fulfillment_assignments
       WHERE biz_id = $1 AND fulfillment_unit_id = ANY($2) AND status IN ('proposed', 'reserved', 'confirmed')
         AND deleted_at IS NULL ORDER BY id`,
      [actor.bizId, unitIds],
    );
    // Where the booking will be: the new resources, or the ones it holds now, at the new times.
    const moved = a.resources ?? current.map((c) => ({ resourceId: c.resource_id, role: '', assignmentId: c.id }));
    const targets = [];
    for (const r of moved) {
      const row = await getOwned<ResourceRow>(tx, 'resources', actor.bizId, r.resourceId, 'Resource', RESOURCE_COLUMNS);
      if (a.resources && !row.is_active) throw new AppError('slot_unavailable', 'That resource is not in service.');
      targets.push({ ...r, ...row, ...occupiedSpan(row, a.startsAt, endsAt) });
    }
    const occupancyKey =
      isClass && booking.offer_version_id
        ? classKey(booking.offer_version_id, a.startsAt.getTime())
        : `assignment:${a.id}`;

    if (env === 'server') {
      await enforceOccupancy(tx, actor.bizId, {
        bookingId: a.id,
        offerVersionId: booking.offer_version_id,
        locationId: booking.location_id,
        startsAt: a.startsAt,
        endsAt,
        seats: booking.seats,
        occupancyKey,
        resources: targets.map((r) => ({
          resourceId: r.resourceId,
          occupiedStartAt: r.occupiedStartAt,
          occupiedEndAt: r.occupiedEndAt,
        })),
      });
    }
    if (isClass && env === 'server' && booking.offer_version_id) {
      await tx.query('SELECT id FROM offer_versions WHERE id = $1 FOR UPDATE', [booking.offer_version_id]);
      const { rows } = await tx.query<{ booked: number }>(
        `SELECT coalesce(sum(seats), 0)::int AS booked FROM booking_orders
         WHERE biz_id = $1 AND offer_version_id = $2 AND confirmed_start_at = $3::timestamptz AND id <> $4
           AND status NOT IN ('cancelled', 'no_show')`,
        [actor.bizId, booking.offer_version_id, iso(a.startsAt), a.id],
      );
      const booked = rows[0]?.booked ?? 0;
      if (booked + booking.seats > (version.capacity ?? 0)) {
        throw new AppError('capacity_full', undefined, { capacity: version.capacity, booked });
      }
    }

    await tx.query(
      `UPDATE booking_orders SET requested_start_at = $3::timestamptz, requested_end_at = $4::timestamptz,
         confirmed_start_at = $3::timestamptz, confirmed_end_at = $4::timestamptz, updated_at = now(), updated_by = $5
       WHERE biz_id = $1 AND id = $2`,
      [actor.bizId, a.id, iso(a.startsAt), iso(endsAt), actor.userId],
    );
    await tx.query(
      `UPDATE fulfillment_units SET starts_at = $3::timestamptz, ends_at = $4::timestamptz, updated_at = now()
       WHERE biz_id = $1 AND booking_order_id = $2`,
      [actor.bizId, a.id, iso(a.startsAt), iso(endsAt)],
    );
    if (a.resources) {
      const unitId = unitIds[0];
      if (!unitId) throw invalidState('This booking has nothing to reschedule.');
      // Release the old assignments first so the booking never collides with itself.
      await tx.query(
        `UPDATE fulfillment_assignments SET status = 'released', updated_at = now()
         WHERE biz_id = $1 AND fulfillment_unit_id = ANY($2) AND status IN ('proposed', 'reserved', 'confirmed')`,
        [actor.bizId, unitIds],
      );
      for (const r of targets) {
        await insertRow(
          tx,
          'fulfillment_assignments',
          assignmentRow({ ...actor, unitId, startsAt: a.startsAt, endsAt, isClass, occupancyKey }, r),
        );
      }
    } else {
      for (const r of targets) {
        await tx.query(
          `UPDATE fulfillment_assignments SET starts_at = $3::timestamptz, ends_at = $4::timestamptz,
             occupied_start_at = $5::timestamptz, occupied_end_at = $6::timestamptz, occupancy_key = $7,
             updated_at = now()
           WHERE biz_id = $1 AND id = $2`,
          [
            actor.bizId,
            r.assignmentId,
            iso(a.startsAt),
            iso(endsAt),
            iso(r.occupiedStartAt),
            iso(r.occupiedEndAt),
            occupancyKey,
          ],
        );
      }
    }
    return { bookingId: a.id };
  },
});
