import { describe, expect, it } from 'vitest';
import { explain, findSlots, freeNow } from './index';
import { checkPool, classKey, peakOccupancy, poolBookingsFromBusy, preparePools } from './pools';
import { anyOf, basicInput, busy, component, resource } from './testing';
import type { CapacityPoolInput, CapacityPoolMemberInput, FindSlotsInput } from './types';

const starts = (input: FindSlotsInput) => findSlots(input).map((s) => s.start.slice(11, 16));
const DAY_HOURS = ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00'];

/** Three rooms; a pool over two of them (or the offer) limits concurrent bookings. */
function threeRooms(over: Partial<FindSlotsInput> = {}): FindSlotsInput {
  return basicInput({ resources: [resource('r1'), resource('r2'), resource('r3')], ...over });
}

const pool = (over: Partial<CapacityPoolInput> = {}): CapacityPoolInput => ({
  id: 'pool',
  name: 'Wet rooms',
  totalCapacity: 1,
  ...over,
});

describe('capacity pools', () => {
  it('an offer-version pool of 2 closes a start once two bookings overlap it, and explain names the pool', () => {
    const input = threeRooms({
      capacityPools: [pool({ totalCapacity: 2 })],
      capacityPoolMembers: [{ capacityPoolId: 'pool', memberType: 'offer_version', offerVersionId: 'ov' }],
      busy: [
        busy('a', 'r1', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', { offerVersionId: 'ov' }),
        busy('b', 'r2', '2026-03-02T10:30:00Z', '2026-03-02T11:30:00Z', { offerVersionId: 'ov' }),
        // Another offer in r3 does not draw on the pool.
        busy('c', 'r3', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z', { offerVersionId: 'other' }),
      ],
    });
    // 10:00–11:00 meets both pool bookings at 10:30 (r3 is free, the pool is not); 11:00 meets only b.
    expect(starts(input)).toEqual(DAY_HOURS.filter((h) => h !== '10:00'));
    const why = explain(input, '2026-03-02T10:00:00Z');
    expect(why.available).toBe(false);
    expect(why.sentence).toBe('10:00 am is full: Wet rooms is full (2 of 2 in use)');
    expect(why.reasons.find((r) => r.code === 'pool_full')).toMatchObject({ poolId: 'pool', booked: 2, capacity: 2 });
    // Overbooking headroom reopens it.
    expect(starts({ ...input, capacityPools: [pool({ totalCapacity: 2, overbookCapacity: 1 })] })).toEqual(DAY_HOURS);
    // An inactive pool limits nothing.
    expect(starts({ ...input, capacityPools: [pool({ totalCapacity: 2, status: 'inactive' })] })).toEqual(DAY_HOURS);
  });

  it('a resource pool removes full members from the candidates; other resources still serve', () => {
    const members: CapacityPoolMemberInput[] = ['r1', 'r2'].map((r) => ({
      capacityPoolId: 'pool',
      memberType: 'resource',
      resourceId: r,
    }));
    const input = threeRooms({
      capacityPools: [pool()],
      capacityPoolMembers: members,
      busy: [busy('a', 'r1', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z')],
    });
    const ten = findSlots(input).find((s) => s.start.startsWith('2026-03-02T10'))!;
    expect(ten.components[0]!.candidates).toEqual(['r3']);
    const why = explain({ ...input, resourceIds: ['r1', 'r2'] }, '2026-03-02T10:00:00Z');
    expect(why.available).toBe(false);
    // r1 is booked and would overflow the pool; r2 is free but the pool is not.
    expect(why.reasons.filter((r) => r.code === 'pool_full').map((r) => r.resourceId)).toEqual(['r1', 'r2']);
    expect(why.sentence).toContain('Wet rooms is full (1 of 1 in use)');
  });

  it('weights, seats and a location member count in units; reserves hold units for their member', () => {
    const members: CapacityPoolMemberInput[] = [
      { capacityPoolId: 'pool', memberType: 'location', locationId: 'loc', capacityWeight: 2 },
      { capacityPoolId: 'pool', memberType: 'offer_version', offerVersionId: 'vip', reservedCapacity: 2 },
    ];
    const input = threeRooms({
      capacityPools: [pool({ totalCapacity: 6 })],
      capacityPoolMembers: members,
      busy: [busy('a', 'r1', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', { seats: 1 })],
    });
    // 2 used + 2 reserved for vip: a 1-seat booking (2 units) fits, a 2-seat one (4 units) does not.
    expect(starts(input)).toContain('10:00');
    expect(starts({ ...input, seats: 2 })).not.toContain('10:00');
    // A vip booking may use its reserve: 2 used, nothing held back for it, 2 seats × weight 2 = 4 fit.
    expect(starts({ ...input, seats: 2, offerVersion: { id: 'vip', durationMin: 60, capacity: null } })).toContain(
      '10:00',
    );
  });

  it('checkPool finds the tightest instant (bookings that do not overlap each other)', () => {
    const bookings = poolBookingsFromBusy(
      [
        busy('a', 'r1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'),
        busy('b', 'r2', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z'),
      ],
      new Map([
        ['r1', 'loc'],
        ['r2', 'loc'],
      ]),
    );
    const [state] = preparePools(
      [pool({ totalCapacity: 2 })],
      [{ capacityPoolId: 'pool', memberType: 'location', locationId: 'loc' }],
      bookings,
    );
    const at = (s: string, e: string) =>
      checkPool(state!, {
        start: Date.parse(s),
        end: Date.parse(e),
        offerVersionId: null,
        resourceIds: [],
        locationIds: ['loc'],
        seats: 1,
      });
    // 09:30–10:30 meets one booking at a time: fits with capacity 2.
    expect(at('2026-03-02T09:30:00Z', '2026-03-02T10:30:00Z')).toMatchObject({ fits: true, used: 1 });
    expect(
      checkPool(state!, {
        start: 0,
        end: 1,
        offerVersionId: null,
        resourceIds: [],
        locationIds: ['elsewhere'],
        seats: 1,
      }),
    ).toBeNull();
  });
});

describe('simultaneous bookings on a resource', () => {
  const group = (max: number | null, over: Partial<FindSlotsInput> = {}) =>
    basicInput({
      resources: [resource('pool', 'venue', { allowSimultaneousBookings: true, maxSimultaneousBookings: max })],
      components: [component('lane', 'venue')],
      selectors: [anyOf('lane')],
      ...over,
    });
  const lanes = (n: number, start = '2026-03-02T10:00:00Z', end = '2026-03-02T11:00:00Z') =>
    Array.from({ length: n }, (_, i) => busy(`l${i}`, 'pool', start, end));

  it('takes up to max concurrent bookings, then closes; no max = no limit', () => {
    expect(starts(group(3, { busy: lanes(2) }))).toEqual(DAY_HOURS);
    expect(starts(group(3, { busy: lanes(3) }))).toEqual(DAY_HOURS.filter((h) => h !== '10:00'));
    expect(starts(group(null, { busy: lanes(40) }))).toEqual(DAY_HOURS);
    // Overlapping but never all at once: 09:30–10:30 and 10:30–11:30 with max 2 leave 10:00 open.
    const staggered = [
      busy('x', 'pool', '2026-03-02T09:30:00Z', '2026-03-02T10:30:00Z'),
      busy('y', 'pool', '2026-03-02T10:30:00Z', '2026-03-02T11:30:00Z'),
    ];
    expect(starts(group(2, { busy: staggered }))).toContain('10:00');
    expect(starts(group(1, { busy: staggered }))).not.toContain('10:00');
  });

  it('explains a full shared resource with every overlapping booking; walk-ins see it busy', () => {
    const input = group(2, { busy: lanes(2) });
    const why = explain(input, '2026-03-02T10:00:00Z');
    expect(why.available).toBe(false);
    expect(why.reasons.filter((r) => r.code === 'busy').map((r) => r.busyId)).toEqual(['l0', 'l1']);
    expect(why.reasons.find((r) => r.code === 'busy')!.message).toContain('takes 2 at once');
    const free = freeNow(input, '2026-03-02T10:00:00Z', 60, { durationMin: 30 });
    expect(free[0]).toMatchObject({ resourceId: 'pool', freeFrom: '2026-03-02T11:00:00.000Z' });
  });

  it('class seats of one session count as one occupancy; on an exclusive room they share, others block', () => {
    const seats = (n: number, ov: string, start = '2026-03-02T10:00:00Z') =>
      Array.from({ length: n }, (_, i) =>
        busy(`${ov}${i}`, 'pool', start, '2026-03-02T11:00:00Z', {
          offerVersionId: ov,
          occupancyKey: classKey(ov, Date.parse(start)),
          bookingId: `bo_${ov}${i}`,
        }),
      );
    const cls = { offerVersion: { id: 'ov', durationMin: 60, capacity: 10 } };
    // Max 2: a 5-seat session of another class plus 4 seats of ours = 2 occupancies, still room for ours.
    expect(starts(group(2, { ...cls, busy: [...seats(5, 'yoga'), ...seats(4, 'ov')] }))).toContain('10:00');
    // But a private booking (its own occupancy) does not fit next to both.
    expect(starts(group(2, { busy: [...seats(5, 'yoga'), ...seats(4, 'ov')] }))).not.toContain('10:00');
    // Exclusive room: the same class session shares; another session blocks.
    const room = (b: FindSlotsInput['busy']) =>
      basicInput({ ...cls, resources: [resource('pool')], components: [component('lane', 'venue')], busy: b });
    expect(starts(room(seats(4, 'ov')))).toContain('10:00');
    expect(starts(room(seats(1, 'yoga')))).not.toContain('10:00');
  });

  it('peakOccupancy counts the new key once, also where it is already present', () => {
    const rows = [
      { key: 'a', start: 0, end: 10 },
      { key: 'b', start: 5, end: 15 },
      { key: 'k', start: 0, end: 20 },
    ];
    expect(peakOccupancy(rows, 0, 20, 'k')).toBe(3);
    expect(peakOccupancy(rows, 10, 20, 'k')).toBe(2);
    expect(peakOccupancy(rows, 0, 20, 'new')).toBe(4);
    expect(peakOccupancy([], 0, 1, 'new')).toBe(1);
  });
});
