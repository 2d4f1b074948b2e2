/**
 * Capacity pools and simultaneous occupancy: pure rules shared by the engine (device and server) and
 * the server's commit-time checks (availability/enforce.ts), so both count the same way.
 *
 * Pools. A booking belongs to a pool when any active member matches it: its offer version, one of its
 * resources, or its location (the booking's, or a resource's home location). It consumes
 * `max(matching members' capacity_weight) × seats` units (counted once per pool however many members
 * match) over its service span `[start, end)`. At every instant the units in use must stay within
 * `total_capacity + overbook_capacity`, less the still-unused `reserved_capacity` of members the new
 * booking does not match (a booking's units count against the reserve of its heaviest member).
 *
 * Occupancy keys. Assignments with the same key are one occupancy of a resource: the seats of one class
 * session (`class:<offer version>:<start ms>`) share the room and the instructor; every other booking is
 * its own occupancy. An exclusive resource holds one occupancy at a time; a resource that allows
 * simultaneous bookings holds up to `max_simultaneous_bookings` at once (no limit when NULL).
 */
import { toMs } from './time';
import type { BusyInterval, CapacityPoolInput, CapacityPoolMemberInput, ResourceInput } from './types';

/** The occupancy key of a class session; the database trigger (migration 0003) builds the same string. */
export function classKey(offerVersionId: string, startMs: number): string {
  return `class:${offerVersionId}:${startMs}`;
}

/** The occupancy a busy row belongs to (see the module comment). */
export function occupancyKeyOf(b: BusyInterval): string {
  if (b.occupancyKey) return b.occupancyKey;
  if (b.conflictPolicy === 'allow_overlap' && b.offerVersionId) return classKey(b.offerVersionId, toMs(b.startsAt));
  return `${b.kind ?? 'assignment'}:${b.bookingId ?? b.id}`;
}

/** How many occupancies a resource holds at once: 1 (exclusive), a maximum, or Infinity. */
export function occupancyLimit(r: Pick<ResourceInput, 'allowSimultaneousBookings' | 'maxSimultaneousBookings'>) {
  if (!r.allowSimultaneousBookings) return 1;
  return r.maxSimultaneousBookings ?? Number.POSITIVE_INFINITY;
}

export interface Occupant {
  key: string;
  start: number;
  end: number;
}

/**
 * The most distinct occupancies at any instant of `[from, to)` once `key` joins them (it counts once,
 * also where it is already present). Rows need not be sorted.
 */
export function peakOccupancy(rows: readonly Occupant[], from: number, to: number, key: string): number {
  const inside = rows.filter((r) => r.start < to && r.end > from);
  if (inside.length === 0) return 1;
  const points = [from, ...inside.map((r) => r.start).filter((s) => s > from)];
  let peak = 1;
  for (const p of points) {
    const keys = new Set([key]);
    for (const r of inside) if (r.start <= p && p < r.end) keys.add(r.key);
    peak = Math.max(peak, keys.size);
  }
  return peak;
}

/** A booking (or hold group) as pools see it. */
export interface PoolBooking {
  key: string;
  start: number;
  end: number;
  offerVersionId: string | null;
  resourceIds: string[];
  locationIds: string[];
  seats: number;
}

/** Live busy rows grouped per booking (or hold group), service spans, for pool counting. */
export function poolBookingsFromBusy(
  busy: readonly BusyInterval[],
  locationOf: ReadonlyMap<string, string>,
): PoolBooking[] {
  const byKey = new Map<string, PoolBooking>();
  for (const b of busy) {
    const key = `${b.kind ?? 'assignment'}:${b.bookingId ?? b.id}`;
    let pb = byKey.get(key);
    if (!pb) {
      pb = {
        key,
        start: toMs(b.startsAt),
        end: toMs(b.endsAt),
        offerVersionId: b.offerVersionId ?? null,
        resourceIds: [],
        locationIds: [],
        seats: b.seats ?? 1,
      };
      byKey.set(key, pb);
    }
    pb.start = Math.min(pb.start, toMs(b.startsAt));
    pb.end = Math.max(pb.end, toMs(b.endsAt));
    pb.seats = Math.max(pb.seats, b.seats ?? 1);
    pb.offerVersionId ??= b.offerVersionId ?? null;
    if (b.resourceId && !pb.resourceIds.includes(b.resourceId)) {
      pb.resourceIds.push(b.resourceId);
      const loc = locationOf.get(b.resourceId);
      if (loc && !pb.locationIds.includes(loc)) pb.locationIds.push(loc);
    }
    if (b.locationId && !pb.locationIds.includes(b.locationId)) pb.locationIds.push(b.locationId);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : 1));
}

export interface PoolState {
  pool: CapacityPoolInput;
  members: CapacityPoolMemberInput[];
  capacity: number;
  /** Bookings that draw on the pool: their units and the member whose reserve they use. */
  bookings: { b: PoolBooking; units: number; primary: number }[];
}

function matches(m: CapacityPoolMemberInput, b: Omit<PoolBooking, 'key' | 'start' | 'end' | 'seats'>): boolean {
  switch (m.memberType) {
    case 'offer_version':
      return !!m.offerVersionId && m.offerVersionId === b.offerVersionId;
    case 'resource':
      return !!m.resourceId && b.resourceIds.includes(m.resourceId);
    case 'location':
      return !!m.locationId && b.locationIds.includes(m.locationId);
    default:
      // Custom subjects are not part of a booking's shape yet: they match nothing.
      return false;
  }
}

/** Indices of the members a booking matches and its units (0 when it matches none). */
export function poolUse(
  state: Pick<PoolState, 'members'>,
  b: Omit<PoolBooking, 'key' | 'start' | 'end'>,
): { matched: number[]; units: number; primary: number } {
  const matched: number[] = [];
  let primary = -1;
  let weight = 0;
  state.members.forEach((m, i) => {
    if (!matches(m, b)) return;
    matched.push(i);
    const w = m.capacityWeight ?? 1;
    if (w > weight) {
      weight = w;
      primary = i;
    }
  });
  return { matched, units: weight * b.seats, primary };
}

/** Active pools with their members and the bookings drawing on them. */
export function preparePools(
  pools: readonly CapacityPoolInput[],
  members: readonly CapacityPoolMemberInput[],
  bookings: readonly PoolBooking[],
): PoolState[] {
  const out: PoolState[] = [];
  for (const pool of [...pools].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if ((pool.status ?? 'active') !== 'active') continue;
    const ms = members.filter((m) => m.capacityPoolId === pool.id);
    if (ms.length === 0) continue;
    const state: PoolState = {
      pool,
      members: ms,
      capacity: pool.totalCapacity + (pool.overbookCapacity ?? 0),
      bookings: [],
    };
    for (const b of bookings) {
      const use = poolUse(state, b);
      if (use.units > 0) state.bookings.push({ b, units: use.units, primary: use.primary });
    }
    out.push(state);
  }
  return out;
}

export interface PoolVerdict {
  poolId: string;
  poolName: string;
  capacity: number;
  /** Units in use at the tightest instant (before the new booking). */
  used: number;
  /** Units the new booking would take. */
  units: number;
  /** Capacity the new booking may draw on at that instant (capacity less others' unused reserves). */
  available: number;
  fits: boolean;
}

/** Does a new booking fit in the pool over its span? null when it does not draw on the pool. */
export function checkPool(state: PoolState, c: Omit<PoolBooking, 'key'>): PoolVerdict | null {
  const use = poolUse(state, c);
  if (use.units === 0) return null;
  const inside = state.bookings.filter((x) => x.b.start < c.end && x.b.end > c.start);
  const points = [c.start, ...inside.map((x) => x.b.start).filter((s) => s > c.start)];
  let worst: PoolVerdict | null = null;
  for (const p of points) {
    let used = 0;
    const byMember = new Map<number, number>();
    for (const x of inside) {
      if (x.b.start <= p && p < x.b.end) {
        used += x.units;
        byMember.set(x.primary, (byMember.get(x.primary) ?? 0) + x.units);
      }
    }
    let reserved = 0;
    state.members.forEach((m, i) => {
      if (!use.matched.includes(i)) reserved += Math.max(0, (m.reservedCapacity ?? 0) - (byMember.get(i) ?? 0));
    });
    const available = state.capacity - reserved;
    const v: PoolVerdict = {
      poolId: state.pool.id,
      poolName: state.pool.name,
      capacity: state.capacity,
      used,
      units: use.units,
      available,
      fits: used + use.units <= available,
    };
    if (!worst || available - used < worst.available - worst.used) worst = v;
  }
  return worst;
}
