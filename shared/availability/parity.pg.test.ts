/**
 * Browser and server answer alike: for random bookings, cancellations, shared resources and capacity
 * pools written into Postgres, the engine's slots over inputs loaded by `loadAvailability` from
 * Postgres (the server) equal those over the same rows copied into PGlite client tables and loaded by
 * the same function (the device, as the pglite bench does).
 */
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../server/test/db';
import { newId } from '../ids';
import { cancelBooking, createBooking } from '../mutators/bookings';
import type { MutatorContext } from '../mutators/types';
import { clientTableDdl } from '../schema/ddl';
import { tableByName } from '../schema/registry';
import { findSlots } from './index';
import { loadAvailability } from './load';

/** What loadAvailability reads (the bench's list plus capacity pools). */
const TABLES = [
  'offer_versions',
  'offer_components',
  'offer_component_selectors',
  'calendars',
  'calendar_bindings',
  'calendar_overlays',
  'availability_rules',
  'resources',
  'resource_capability_assignments',
  'booking_orders',
  'fulfillment_units',
  'fulfillment_assignments',
  'booking_holds',
  'capacity_pools',
  'capacity_pool_members',
];

// Monday 3 March 2031, New York (EST): three days, far from the demo's own bookings.
const DAY0 = Date.parse('2031-03-03T05:00:00Z');
const NOW = new Date('2031-03-02T12:00:00Z');
const RANGE = { start: DAY0, end: DAY0 + 3 * 86_400_000 };

let db: TestDatabase;
let device: PGlite;
let fx: {
  bizId: string;
  userId: string;
  privateVersion: string;
  classVersion: string;
  room: string;
  studio: string;
  location: string;
  hosts: string[];
};

beforeAll(async () => {
  db = await createTestDatabase({ demo: true });
  const one = async (sql: string) => (await db.pool.query(sql)).rows[0].id as string;
  const room = await one("SELECT id FROM resources WHERE name = 'Private Room'");
  const { rows } = await db.pool.query(
    `SELECT r.biz_id, r.location_id, (SELECT id FROM users WHERE email = 'desk@lumen.test') AS user_id,
            array(SELECT id FROM resources h WHERE h.biz_id = r.biz_id AND h.type = 'host' ORDER BY id LIMIT 2) AS hosts
     FROM resources r WHERE r.id = $1`,
    [room],
  );
  fx = {
    bizId: rows[0].biz_id,
    userId: rows[0].user_id,
    location: rows[0].location_id,
    hosts: rows[0].hosts,
    room,
    studio: await one("SELECT id FROM resources WHERE name = 'Studio B'"),
    privateVersion: await one(
      "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Private session'",
    ),
    classVersion: await one(
      "SELECT v.id FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.name = 'Yin Yoga drop-in'",
    ),
  };
  device = await PGlite.create();
  for (const name of TABLES) await device.exec(clientTableDdl(tableByName(name)!, { keepNotNull: false }));
});
afterAll(async () => {
  await device?.close();
  await db?.drop();
});

const MEMBERS = ['room', 'studio', 'host', 'private', 'class', 'location'] as const;

const arbScenario = fc.record({
  room: fc.constantFrom<'exclusive' | 1 | 2 | 'unlimited'>('exclusive', 1, 2, 'unlimited'),
  pools: fc.array(
    fc.record({
      total: fc.integer({ min: 1, max: 3 }),
      overbook: fc.integer({ min: 0, max: 1 }),
      members: fc.uniqueArray(
        fc.record({
          kind: fc.constantFrom(...MEMBERS),
          weight: fc.integer({ min: 1, max: 2 }),
          reserve: fc.integer({ min: 0, max: 1 }),
        }),
        { minLength: 1, maxLength: 2, selector: (m) => m.kind },
      ),
    }),
    { maxLength: 2 },
  ),
  bookings: fc.array(
    fc.record({
      isClass: fc.boolean(),
      day: fc.integer({ min: 0, max: 2 }),
      // Half hours from 07:00 to 20:30 New York time.
      slot: fc.integer({ min: 0, max: 27 }),
      seats: fc.integer({ min: 1, max: 3 }),
      host: fc.integer({ min: 0, max: 1 }),
      cancel: fc.boolean(),
    }),
    { maxLength: 12 },
  ),
});
type Scenario = typeof arbScenario extends fc.Arbitrary<infer T> ? T : never;

async function write(client: pg.PoolClient, s: Scenario) {
  await client.query(
    'UPDATE resources SET allow_simultaneous_bookings = $2, max_simultaneous_bookings = $3 WHERE id = $1',
    [fx.room, s.room !== 'exclusive', typeof s.room === 'number' ? s.room : null],
  );
  for (const [i, p] of s.pools.entries()) {
    const poolId = newId('capacity_pools');
    await client.query(
      `INSERT INTO capacity_pools (id, biz_id, name, slug, total_capacity, overbook_capacity)
       VALUES ($1, $2, $3, $3, $4, $5)`,
      [poolId, fx.bizId, `pool-${i}`, p.total, p.overbook],
    );
    for (const m of p.members) {
      const target = {
        room: ['resource', 'resource_id', fx.room],
        studio: ['resource', 'resource_id', fx.studio],
        host: ['resource', 'resource_id', fx.hosts[0]],
        private: ['offer_version', 'offer_version_id', fx.privateVersion],
        class: ['offer_version', 'offer_version_id', fx.classVersion],
        location: ['location', 'location_id', fx.location],
      }[m.kind];
      await client.query(
        `INSERT INTO capacity_pool_members (id, biz_id, capacity_pool_id, member_type, ${target[1]}, capacity_weight,
           reserved_capacity) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [newId('capacity_pool_members'), fx.bizId, poolId, target[0], target[2], m.weight, m.reserve],
      );
    }
  }
  const ctx: MutatorContext = {
    tx: client,
    // As a device writes them: no commit-time refusal, so the data may hold anything sync can deliver.
    env: 'client',
    actor: { userId: fx.userId, bizId: fx.bizId, memberId: 'm', role: 'front_desk', deviceId: 'dev_parity' },
    now: NOW,
    afterCommit: () => undefined,
  };
  for (const b of s.bookings) {
    const id = newId('booking_orders');
    const args = createBooking.args.parse({
      id,
      bookingCode: `P-${id.slice(-6).toUpperCase()}`,
      offerVersionId: b.isClass ? fx.classVersion : fx.privateVersion,
      startsAt: new Date(DAY0 + b.day * 86_400_000 + (7 * 60 + b.slot * 30) * 60_000).toISOString(),
      seats: b.isClass ? b.seats : 1,
      lineId: newId('booking_order_lines'),
      unitId: newId('fulfillment_units'),
      resources: [b.isClass ? fx.studio : fx.room, fx.hosts[b.host]!].map((resourceId, i) => ({
        resourceId,
        role: i === 0 ? 'room' : 'instructor',
        assignmentId: newId('fulfillment_assignments'),
      })),
      customerName: 'Parity',
    });
    await client.query('SAVEPOINT b');
    try {
      await createBooking.run(ctx, args);
      if (b.cancel) await cancelBooking.run(ctx, { id, reason: 'changed plans' });
      await client.query('RELEASE SAVEPOINT b');
    } catch {
      // An exclusive overlap the database refuses: that booking simply does not exist.
      await client.query('ROLLBACK TO SAVEPOINT b');
    }
  }
}

/** Copies the biz's rows into the device's tables the way sync delivers them: as text, by column name. */
async function syncToDevice(client: pg.PoolClient) {
  for (const name of TABLES) {
    const { rows } = await client.query(
      `SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM ${name} t WHERE biz_id = $1`,
      [fx.bizId],
    );
    await device.exec(`TRUNCATE ${name}`);
    await device.query(`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, $1::json)`, [
      JSON.stringify(rows[0].rows),
    ]);
  }
}

describe('browser and server availability parity', () => {
  it('the same data gives the same slots on Postgres and on PGlite', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(arbScenario, async (s) => {
        const client = await db.pool.connect();
        try {
          await client.query('BEGIN');
          await write(client, s);
          await syncToDevice(client);
          const range = { start: new Date(RANGE.start - 86_400_000), end: new Date(RANGE.end + 86_400_000) };
          for (const version of [fx.privateVersion, fx.classVersion]) {
            const server = await loadAvailability(client, fx.bizId, version, range);
            const browser = await loadAvailability(device, fx.bizId, version, range);
            expect(server && browser).toBeTruthy();
            expect(browser!.busy.length).toBe(server!.busy.length);
            expect(browser!.capacityPools).toHaveLength(s.pools.length);
            const a = findSlots({ ...server!, now: NOW, range: RANGE });
            const b = findSlots({ ...browser!, now: NOW, range: RANGE });
            expect(b).toEqual(a);
            if (a.length && server!.busy.length) compared++;
          }
        } finally {
          await client.query('ROLLBACK');
          client.release();
        }
      }),
      { numRuns: 25 },
    );
    // Not vacuous: searches over existing bookings found slots to compare.
    expect(compared).toBeGreaterThan(10);
  });
});
