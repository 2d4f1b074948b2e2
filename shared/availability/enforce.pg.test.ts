/**
 * Commit-time capacity on real Postgres, through POST /api/commits: capacity pools and resources that
 * take several bookings at once are never overfilled by concurrent devices; class sessions and
 * private bookings do not share an exclusive room; the database fills occupancy keys (migration 0003).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/app';
import { privateBooking, registeredDevice } from '../../server/test/bookings';
import { newId } from '../ids';
import { classKey } from './pools';

let t: TestApp;
let bizId: string;
let privateVersion: string;
let classVersion: string;
let room: string;
let studio: string;
let instructor: string;

const one = async (sql: string, params: unknown[] = []) => (await t.db.pool.query(sql, params)).rows[0].id as string;

beforeAll(async () => {
  t = await createTestApp();
  privateVersion = await one(
    "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session'",
  );
  classVersion = await one(
    "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Yin Yoga drop-in'",
  );
  room = await one("SELECT id FROM resources WHERE name = 'Private Room'");
  studio = await one("SELECT id FROM resources WHERE name = 'Studio B'");
  instructor = await one("SELECT id FROM resources WHERE name = 'Sam Carter'");
  bizId = await one('SELECT biz_id AS id FROM resources WHERE id = $1', [room]);
});
afterAll(async () => {
  await t?.close();
});

const devices = (n: number) => Promise.all(Array.from({ length: n }, () => registeredDevice(t, 'desk@lumen.test')));

/** Far-future days the demo never books. */
const at = (day: number, hour: number, min = 0) => new Date(Date.UTC(2032, 2, 1 + day, hour, min)).toISOString();

const booking = (startsAt: string, version: string, resources: string[]) =>
  privateBooking({ privateVersion, room, instructor }, startsAt, {
    version,
    resources,
    code: `E-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    customerName: 'Capacity Test',
  });

type Result = { status: string; error?: { code: string; message: string; details?: Record<string, unknown> } };

async function commitAll(argsList: unknown[], name = 'bookings.create'): Promise<Result[]> {
  const ds = await devices(argsList.length);
  const responses = await Promise.all(
    ds.map(({ c, clientId }, i) =>
      c.post('/api/commits', { clientId, mutations: [{ id: 1, name, args: argsList[i] }] }),
    ),
  );
  return responses.map((r) => r.json().results[0]);
}

async function commit(args: unknown, name = 'bookings.create'): Promise<Result> {
  return (await commitAll([args], name))[0]!;
}

/** A private booking of `resources` committed at `startsAt`, and the unit its assignments belong to. */
async function bookedUnit(startsAt: string, resources: string[]) {
  const ok = booking(startsAt, privateVersion, resources);
  expect((await commit(ok)).status).toBe('applied');
  const unit = (
    await t.db.pool.query<{ unit: string }>(
      'SELECT fulfillment_unit_id AS unit FROM fulfillment_assignments WHERE id = $1',
      [ok.resources[0]!.assignmentId],
    )
  ).rows[0]!.unit;
  return { ok, unit };
}

const occupancyKeyOf = async (assignmentId: string) =>
  (await t.db.pool.query('SELECT occupancy_key FROM fulfillment_assignments WHERE id = $1', [assignmentId])).rows[0]
    .occupancy_key as string | null;

async function addPool(total: number, member: Record<string, string>) {
  const id = newId('capacity_pools');
  await t.db.pool.query(
    `INSERT INTO capacity_pools (id, biz_id, name, slug, total_capacity) VALUES ($1, $2, 'Reformer beds', $3, $4)`,
    [id, bizId, `beds-${id.slice(-6).toLowerCase()}`, total],
  );
  await t.db.pool.query(
    `INSERT INTO capacity_pool_members (id, biz_id, capacity_pool_id, member_type, resource_id, offer_version_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [newId('capacity_pool_members'), bizId, id, member.type, member.resourceId ?? null, member.offerVersionId ?? null],
  );
  return id;
}

async function setShared(resourceId: string, max: number | null) {
  await t.db.pool.query(
    'UPDATE resources SET allow_simultaneous_bookings = true, max_simultaneous_bookings = $2 WHERE id = $1',
    [resourceId, max],
  );
}

describe('capacity pools and simultaneous bookings under concurrency', () => {
  it('50 devices at a capacity-3 pool: exactly 3 bookings, the rest capacity_full naming the pool', async () => {
    await setShared(room, null);
    const pool = await addPool(3, { type: 'resource', resourceId: room });
    const start = at(0, 15);
    const results = await commitAll(Array.from({ length: 50 }, () => booking(start, privateVersion, [room])));
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(3);
    const refused = results.filter((r) => r.error?.code === 'capacity_full');
    expect(refused).toHaveLength(47);
    expect(refused[0]!.error!.details).toMatchObject({ poolId: pool, capacity: 3, booked: 3 });
    expect(refused[0]!.error!.message).toBe('Reformer beds is full (3 of 3 in use).');
    const { rows } = await t.db.pool.query(
      `SELECT count(DISTINCT occupancy_key)::int AS n, bool_and(conflict_policy = 'allow_overlap') AS shared
       FROM fulfillment_assignments WHERE resource_id = $1 AND starts_at = $2 AND status = 'confirmed'`,
      [room, start],
    );
    expect(rows[0]).toEqual({ n: 3, shared: true });
    // A booking that ends when the others start does not meet them.
    expect((await commit(booking(at(0, 14), privateVersion, [room]))).status).toBe('applied');
    await t.db.pool.query("UPDATE capacity_pools SET status = 'archived' WHERE id = $1", [pool]);
  });

  it('50 devices at a resource taking 4 at once: exactly 4 bookings, the rest slot_unavailable', async () => {
    await setShared(room, 4);
    const start = at(1, 15);
    const results = await commitAll(Array.from({ length: 50 }, () => booking(start, privateVersion, [room])));
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(4);
    const refused = results.filter((r) => r.error?.code === 'slot_unavailable');
    expect(refused).toHaveLength(46);
    expect(refused[0]!.error!.message).toBe('Private Room already has 4 bookings at that time.');
    // The room's 10-minute buffer after counts: 16:05 meets all four, 16:10 none.
    expect((await commit(booking(at(1, 16, 5), privateVersion, [room]))).error?.code).toBe('slot_unavailable');
    expect((await commit(booking(at(1, 16, 10), privateVersion, [room]))).status).toBe('applied');
  });

  it('an offer-version pool limits reschedules too', async () => {
    await setShared(room, null);
    const pool = await addPool(1, { type: 'offer_version', offerVersionId: privateVersion });
    const first = booking(at(2, 15), privateVersion, [room]);
    const second = booking(at(2, 17), privateVersion, [room]);
    expect((await commit(first)).status).toBe('applied');
    expect((await commit(second)).status).toBe('applied');
    const moved = await commit({ id: second.id, startsAt: at(2, 15, 30) }, 'bookings.reschedule');
    expect(moved.error?.code).toBe('capacity_full');
    expect(moved.error?.details).toMatchObject({ poolId: pool });
    // Moving a booking within its own time does not count it twice.
    expect((await commit({ id: first.id, startsAt: at(2, 15, 30) }, 'bookings.reschedule')).status).toBe('applied');
    await t.db.pool.query("UPDATE capacity_pools SET status = 'archived' WHERE id = $1", [pool]);
  });
});

describe('holds draw on pools like bookings', () => {
  it('a live hold fills a pool of 1: a booking and a second hold are refused, its own conversion is not', async () => {
    await setShared(room, null);
    const pool = await addPool(1, { type: 'resource', resourceId: room });
    const hold = {
      id: newId('booking_holds'),
      offerVersionId: privateVersion,
      startsAt: at(5, 15),
      endsAt: at(5, 16),
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
      resources: [{ resourceId: room }],
    };
    expect((await commit(hold, 'holds.place')).status).toBe('applied');
    const refused = await commit(booking(at(5, 15, 30), privateVersion, [room]));
    expect(refused.error).toMatchObject({ code: 'capacity_full', details: { poolId: pool } });
    const second = await commit({ ...hold, id: newId('booking_holds') }, 'holds.place');
    expect(second.error?.code).toBe('capacity_full');
    const converted = await commit(
      { id: hold.id, booking: booking(at(5, 15), privateVersion, [room]) },
      'holds.convert',
    );
    expect(converted.status).toBe('applied');
    await t.db.pool.query("UPDATE capacity_pools SET status = 'archived' WHERE id = $1", [pool]);
  });
});

describe('class sessions on exclusive resources', () => {
  it('seats of one session share the room; another session or a private booking there is refused', async () => {
    await t.db.pool.query('UPDATE offer_versions SET capacity = 10 WHERE id = $1', [classVersion]);
    const start = at(3, 17);
    const seats = await commitAll(Array.from({ length: 3 }, () => booking(start, classVersion, [studio, instructor])));
    expect(seats.map((s) => s.status)).toEqual(['applied', 'applied', 'applied']);
    const { rows } = await t.db.pool.query(
      'SELECT DISTINCT occupancy_key AS key FROM fulfillment_assignments WHERE resource_id = $1 AND starts_at = $2',
      [studio, start],
    );
    expect(rows).toEqual([{ key: classKey(classVersion, Date.parse(start)) }]);

    // A session starting half an hour later is another occupancy of the same room and instructor.
    const later = await commit(booking(at(3, 17, 30), classVersion, [studio, instructor]));
    expect(later.error?.code).toBe('slot_unavailable');
    // A private booking with the instructor during the class: the exclusion constraint alone would not see it.
    const priv = await commit(booking(at(3, 17, 15), privateVersion, [room, instructor]));
    expect(priv.error?.code).toBe('slot_unavailable');
    expect(priv.error?.message).toBe('That time is no longer available: Sam Carter is already booked then.');
  });

  it('the exclusion constraint still refuses overlapping exclusive assignments written directly', async () => {
    const { ok, unit } = await bookedUnit(at(4, 15), [instructor]);
    await expect(
      t.db.pool.query(
        `INSERT INTO fulfillment_assignments (id, biz_id, fulfillment_unit_id, resource_id, role, starts_at, ends_at,
           conflict_policy, status)
         VALUES ($1, $2, $3, $4, 'x', $5, $6, 'enforce_no_overlap', 'confirmed')`,
        [newId('fulfillment_assignments'), bizId, unit, instructor, at(4, 15, 30), at(4, 16, 30)],
      ),
    ).rejects.toMatchObject({ code: '23P01', constraint: 'fulfillment_assignments_no_overlap_excl' });
    expect(await occupancyKeyOf(ok.resources[0]!.assignmentId)).toBe(`assignment:${ok.id}`);
  });

  it('fills an occupancy key written empty, and refuses a wrong one when the transaction commits', async () => {
    const { ok, unit } = await bookedUnit(at(5, 15), [instructor]);
    const write = (id: string, key: string | null) =>
      t.db.pool.query(
        `INSERT INTO fulfillment_assignments (id, biz_id, fulfillment_unit_id, resource_id, role, starts_at, ends_at,
           conflict_policy, status, occupancy_key)
         VALUES ($1, $2, $3, $4, 'room', $5, $6, 'enforce_no_overlap', 'confirmed', $7)`,
        [id, bizId, unit, room, at(5, 15), at(5, 16), key],
      );
    await expect(write(newId('fulfillment_assignments'), 'assignment:someone-else')).rejects.toMatchObject({
      code: '23514',
      constraint: 'fulfillment_assignments_occupancy_key_check',
    });
    const filled = newId('fulfillment_assignments');
    await write(filled, null);
    expect(await occupancyKeyOf(filled)).toBe(`assignment:${ok.id}`);
  });
});
