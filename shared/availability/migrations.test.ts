/**
 * The migrations (drizzle's SQL plus the hand-written 0001 and 0003) apply to PGlite as well as to
 * Postgres, and migration 0003's occupancy-key trigger and the no-double-booking exclusion constraint
 * behave the same there.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classKey } from './pools';

const DIR = resolve(import.meta.dirname, '../../migrations');
let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create({ extensions: { btree_gist } });
  const journal = JSON.parse(readFileSync(resolve(DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  for (const { tag } of journal.entries) {
    for (const statement of readFileSync(resolve(DIR, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) await db.exec(statement);
    }
  }
  await db.exec(`
    INSERT INTO bizes (id, name, slug) VALUES ('biz_1', 'Studio', 'studio');
    INSERT INTO locations (id, biz_id, name, slug) VALUES ('loc_1', 'biz_1', 'Main', 'main');
    INSERT INTO venues (id, biz_id, location_id, name, slug) VALUES ('ven_1', 'biz_1', 'loc_1', 'Room', 'room');
    INSERT INTO resources (id, biz_id, location_id, type, venue_id, name, slug)
      VALUES ('res_1', 'biz_1', 'loc_1', 'venue', 'ven_1', 'Room', 'room');
    INSERT INTO offers (id, biz_id, name, slug, execution_mode) VALUES ('off_1', 'biz_1', 'Class', 'class', 'slot');
    INSERT INTO offer_versions (id, biz_id, offer_id, version, capacity) VALUES ('ov_class', 'biz_1', 'off_1', 1, 10);
    INSERT INTO offer_versions (id, biz_id, offer_id, version) VALUES ('ov_private', 'biz_1', 'off_1', 2);
  `);
});
afterAll(async () => {
  await db?.close();
});

async function book(id: string, version: string, start: string, end: string, policy: string) {
  await db.exec(`
    INSERT INTO booking_orders (id, biz_id, booking_code, offer_id, offer_version_id)
      VALUES ('bo_${id}', 'biz_1', '${id.toUpperCase()}', 'off_1', '${version}');
    INSERT INTO fulfillment_units (id, biz_id, booking_order_id) VALUES ('fu_${id}', 'biz_1', 'bo_${id}');
    INSERT INTO fulfillment_assignments (id, biz_id, fulfillment_unit_id, resource_id, starts_at, ends_at,
        conflict_policy, status)
      VALUES ('fa_${id}', 'biz_1', 'fu_${id}', 'res_1', '${start}', '${end}', '${policy}', 'confirmed');
  `);
  const { rows } = await db.query<{ key: string }>(
    `SELECT occupancy_key AS key FROM fulfillment_assignments WHERE id = 'fa_${id}'`,
  );
  return rows[0]!.key;
}

describe('migrations on PGlite', () => {
  it('fill occupancy keys: a class seat gets its session key, anything else its booking', async () => {
    const start = '2026-03-02T10:00:00.000Z';
    expect(await book('a', 'ov_class', start, '2026-03-02T11:00:00Z', 'allow_overlap')).toBe(
      classKey('ov_class', Date.parse(start)),
    );
    expect(await book('b', 'ov_private', '2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z', 'enforce_no_overlap')).toBe(
      'assignment:bo_b',
    );
    // A shared-resource booking of a one-customer offer is its own occupancy, even when overlap is allowed.
    expect(await book('c', 'ov_private', '2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z', 'allow_overlap')).toBe(
      'assignment:bo_c',
    );
    // Moving a seat re-keys it to the new session.
    await db.exec("UPDATE fulfillment_assignments SET starts_at = '2026-03-02T09:30:00Z' WHERE id = 'fa_a'");
    const { rows } = await db.query<{ key: string }>(
      "SELECT occupancy_key AS key FROM fulfillment_assignments WHERE id = 'fa_a'",
    );
    expect(rows[0]!.key).toBe(classKey('ov_class', Date.parse('2026-03-02T09:30:00Z')));
  });

  it('refuse overlapping exclusive assignments (fulfillment_assignments_no_overlap_excl)', async () => {
    await expect(
      book('d', 'ov_private', '2026-03-02T12:30:00Z', '2026-03-02T13:30:00Z', 'enforce_no_overlap'),
    ).rejects.toThrow(/fulfillment_assignments_no_overlap_excl/);
  });
});
