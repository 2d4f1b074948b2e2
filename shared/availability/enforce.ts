/**
 * Commit-time capacity enforcement (server only, inside the booking's transaction): what the engine
 * offers on a device, re-checked against committed rows under locks, so no interleaving of commits can
 * overfill a capacity pool or put more occupancies on a resource than it takes at once.
 *
 * Locks, always in this order (holds.place and class seat counting take theirs after these): the pools
 * the booking draws on (`FOR UPDATE`), then its resources, by id, as transaction advisory locks:
 * exclusive when occupancies are counted (class seats, resources with a simultaneous-booking limit),
 * shared for a plain exclusive booking, whose overlaps with its peers the exclusion constraint `fulfillment_assignments_no_overlap_excl`
 * refuses while it still waits for any class seat being counted there. Every counting booking therefore
 * sees what the one before it committed.
 */
import { AppError } from '../errors';
import type { SqlTx } from '../mutators/types';
import { busyQuery, loadPools } from './load';
import { checkPool, occupancyKeyOf, occupancyLimit, peakOccupancy, poolBookingsFromBusy, preparePools } from './pools';
import { toMs } from './time';
import type { BusyInterval } from './types';

export interface OccupancyClaim {
  /** The booking being made or moved: its own rows never stand in its way. */
  bookingId: string;
  offerVersionId: string | null;
  locationId: string | null;
  startsAt: Date;
  endsAt: Date;
  seats: number;
  /** Occupancy key of the new assignments (pools.ts): a class session's key, or the booking's own. */
  occupancyKey: string;
  resources: { resourceId: string; occupiedStartAt: Date; occupiedEndAt: Date }[];
  /** Take the resources' row locks exclusively even for an exclusive booking (a caller that locks them again). */
  lockExclusively?: boolean;
  /**
   * The claimed resources' rows and whether the biz has any active pool, when the caller already read
   * them, and the resource locks it already took with `lockResourcesSql` (only ever without pools).
   */
  known?: { resources: OccupancyResource[]; pools: boolean; locked?: ResourceLockMode };
}

/** How a booking holds its resources' advisory locks ('none': not taken yet). */
export type ResourceLockMode = 'shared' | 'exclusive' | 'none';

/**
 * A query taking the resource locks of `ids` (an SQL text[] expression) in id order, in `mode` (an SQL
 * expression giving a ResourceLockMode); for a caller folding the locks into a statement of its own.
 */
export function lockResourcesSql(ids: string, mode: string): string {
  return `SELECT count(*) FROM (
    SELECT CASE ${mode} WHEN 'exclusive' THEN pg_advisory_xact_lock(k) ELSE pg_advisory_xact_lock_shared(k) END
    FROM (SELECT hashtextextended('resource:' || id, 0) AS k FROM unnest(${ids}::text[]) AS id ORDER BY id) keys
    WHERE ${mode} <> 'none') taken`;
}

/** What enforcement needs of a resource. */
export interface OccupancyResource {
  id: string;
  name: string;
  location_id: string | null;
  allow_simultaneous_bookings: boolean;
  max_simultaneous_bookings: number | null;
}

/**
 * Throws `slot_unavailable` when a resource would hold more occupancies at once than it takes, and
 * `capacity_full` when a capacity pool would overflow; otherwise returns with the locks held.
 */
export async function enforceOccupancy(tx: SqlTx, bizId: string, claim: OccupancyClaim): Promise<void> {
  const occupancy = await lockOccupancy(tx, bizId, claim);
  const q = occupancy.busyQuery(0);
  const { rows } = await tx.query(q.sql, q.params);
  await occupancy.check(rows as unknown as BusyInterval[]);
}

/**
 * `enforceOccupancy` in two steps, for a caller that folds the busy-time lookup into a statement of
 * its own (run after this returns, so its snapshot sees every commit the locks waited for): takes the
 * locks, then gives the lookup (parameters numbered from `offset + 1`) and the check of its rows.
 */
export async function lockOccupancy(
  tx: SqlTx,
  bizId: string,
  claim: OccupancyClaim,
): Promise<{
  busyQuery(offset: number): { sql: string; params: unknown[] };
  check(busyRows: BusyInterval[]): Promise<void>;
}> {
  const resourceIds = [...new Set(claim.resources.map((r) => r.resourceId))].sort();
  const head = claim.known ?? (await readHead(tx, bizId, resourceIds));
  const resources = head.resources
    .filter((r) => resourceIds.includes(r.id))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const { capacityPools, capacityPoolMembers } = head.pools
    ? await loadPools(tx, bizId)
    : { capacityPools: [], capacityPoolMembers: [] };
  const locationIds = [...new Set([claim.locationId, ...resources.map((r) => r.location_id)])].filter(
    (l): l is string => !!l,
  );
  const wanted = {
    start: claim.startsAt.getTime(),
    end: claim.endsAt.getTime(),
    offerVersionId: claim.offerVersionId,
    resourceIds,
    locationIds,
    seats: claim.seats,
  };
  // Pools this booking draws on (counting needs the bookings, locking only the membership).
  const drawn = preparePools(capacityPools, capacityPoolMembers, []).filter((s) => checkPool(s, wanted) !== null);

  if (drawn.length) {
    await tx.query('SELECT id FROM capacity_pools WHERE biz_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE', [
      bizId,
      drawn.map((s) => s.pool.id),
    ]);
  }
  if (resourceIds.length) {
    // Exclusive bookings among themselves are the exclusion constraint's job, so they only share the
    // lock (and run side by side); anything that counts occupancies takes it exclusively. Advisory
    // locks: a shared one costs no tuple write (a row lock shared by many commits makes MultiXacts).
    const counts =
      claim.lockExclusively ||
      claim.occupancyKey.startsWith('class:') ||
      resources.some((r) => r.allow_simultaneous_bookings && r.max_simultaneous_bookings !== null);
    const mode: ResourceLockMode = counts ? 'exclusive' : 'shared';
    if (claim.known?.locked !== mode) await tx.query(lockResourcesSql('$1', `'${mode}'`), [resourceIds]);
  }

  const spanStart = Math.min(wanted.start, ...claim.resources.map((r) => r.occupiedStartAt.getTime()));
  const spanEnd = Math.max(wanted.end, ...claim.resources.map((r) => r.occupiedEndAt.getTime()));
  return {
    // Pools count every booking of the biz in the span; resource limits only what is on these resources.
    busyQuery: (offset) =>
      busyQuery(
        bizId,
        { start: new Date(spanStart), end: new Date(spanEnd) },
        drawn.length ? undefined : resourceIds,
        offset,
      ),
    check: (loaded) => checkOccupancy(tx, bizId, claim, { resources, drawn, capacityPoolMembers, wanted }, loaded),
  };
}

/** The counting half of `enforceOccupancy`, over the busy rows read after the locks were taken. */
async function checkOccupancy(
  tx: SqlTx,
  bizId: string,
  claim: OccupancyClaim,
  {
    resources,
    drawn,
    capacityPoolMembers,
    wanted,
  }: {
    resources: OccupancyResource[];
    drawn: ReturnType<typeof preparePools>;
    capacityPoolMembers: Awaited<ReturnType<typeof loadPools>>['capacityPoolMembers'];
    wanted: Parameters<typeof checkPool>[1];
  },
  loaded: BusyInterval[],
): Promise<void> {
  const converting = loaded.some((b) => b.kind === 'hold') ? await convertingHold(tx) : null;
  const busy = loaded.filter((b) => !isOwn(b, claim.bookingId, converting));

  for (const r of resources) {
    const limit = occupancyLimit({
      allowSimultaneousBookings: r.allow_simultaneous_bookings,
      maxSimultaneousBookings: r.max_simultaneous_bookings,
    });
    if (!Number.isFinite(limit)) continue;
    const mine = claim.resources.filter((c) => c.resourceId === r.id);
    const occupants = busy
      .filter((b) => b.resourceId === r.id)
      .map((b) => ({
        key: occupancyKeyOf(b),
        start: toMs(b.occupiedStartAt ?? b.startsAt),
        end: toMs(b.occupiedEndAt ?? b.endsAt),
        hold: b.kind === 'hold',
      }));
    for (const m of mine) {
      const from = m.occupiedStartAt.getTime();
      const to = m.occupiedEndAt.getTime();
      const peak = peakOccupancy(occupants, from, to, claim.occupancyKey);
      if (peak > limit) {
        // A live hold keeps the slot for the customer deciding; only its own conversion may use it.
        const held = occupants.some((o) => o.hold && o.key !== claim.occupancyKey && o.start < to && o.end > from);
        throw new AppError(
          'slot_unavailable',
          held
            ? 'That time is held for another customer.'
            : limit > 1
              ? `${r.name} already has ${limit} bookings at that time.`
              : `That time is no longer available: ${r.name} is already booked then.`,
          { resourceId: r.id, limit },
        );
      }
    }
  }

  if (drawn.length) {
    const locationOf = new Map<string, string>();
    const { rows } = await tx.query<{ id: string; location_id: string }>(
      'SELECT id, location_id FROM resources WHERE biz_id = $1 AND location_id IS NOT NULL',
      [bizId],
    );
    for (const row of rows) locationOf.set(row.id, row.location_id);
    const bookings = poolBookingsFromBusy(busy, locationOf);
    const pools = preparePools(
      drawn.map((s) => s.pool),
      capacityPoolMembers,
      bookings,
    );
    for (const state of pools) {
      const v = checkPool(state, wanted);
      if (v && !v.fits) {
        throw new AppError('capacity_full', `${v.poolName} is full (${v.used} of ${v.available} in use).`, {
          poolId: v.poolId,
          capacity: v.available,
          booked: v.used,
        });
      }
    }
  }
}

/** One round trip for the common case: the resources, and whether the biz has any pool at all. */
async function readHead(tx: SqlTx, bizId: string, resourceIds: string[]) {
  const { rows } = await tx.query<{ pools: boolean; resources: OccupancyResource[] }>(
    `SELECT EXISTS (SELECT 1 FROM capacity_pools WHERE biz_id = $1 AND deleted_at IS NULL AND status = 'active') AS pools,
            coalesce((SELECT json_agg(r ORDER BY r.id) FROM (
              SELECT id, name, location_id, allow_simultaneous_bookings, max_simultaneous_bookings
              FROM resources WHERE biz_id = $1 AND id = ANY($2)) r), '[]'::json) AS resources`,
    [bizId, resourceIds],
  );
  return { pools: rows[0]?.pools ?? false, resources: rows[0]?.resources ?? [] };
}

/** The hold being converted into this booking (holds.convert), if any. */
async function convertingHold(tx: SqlTx): Promise<string | null> {
  const { rows } = await tx.query<{ id: string | null }>(
    "SELECT nullif(current_setting('bizing.converting_hold', true), '') AS id",
  );
  return rows[0]?.id ?? null;
}

function isOwn(b: BusyInterval, bookingId: string, converting: string | null): boolean {
  if (b.kind === 'hold') return converting !== null && (b.id === converting || b.bookingId === converting);
  return b.bookingId === bookingId;
}
