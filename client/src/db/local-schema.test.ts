import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientTableDdl } from '../../../shared/schema/ddl';
import { tableByName } from '../../../shared/schema/registry';
import { localSchemaStatements } from './local-schema';

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
});
afterAll(async () => {
  await pg?.close();
});

describe('device schema upgrade', () => {
  it('adds columns the schema gained to tables a device created earlier, keeping their rows', async () => {
    const table = tableByName('fulfillment_assignments')!;
    // The layout of a device set up before `occupancy_key` existed.
    const old = (ddl: string) => ddl.replace(/,\s*"occupancy_key" varchar\(200\)/, '');
    await pg.exec(old(clientTableDdl(table, { name: 'fulfillment_assignments_synced' })));
    await pg.exec(
      old(
        clientTableDdl(table, {
          name: 'fulfillment_assignments_local',
          keepNotNull: false,
          extraColumns: ['"__deleted" boolean NOT NULL DEFAULT false'],
        }),
      ),
    );
    await pg.exec(
      `CREATE VIEW fulfillment_assignments AS SELECT id, biz_id FROM fulfillment_assignments_synced
       UNION ALL SELECT id, biz_id FROM fulfillment_assignments_local`,
    );
    await pg.query(
      `INSERT INTO fulfillment_assignments_synced (id, biz_id, fulfillment_unit_id, resource_id, role, starts_at, ends_at)
       VALUES ('fa_old', 'biz_1', 'fu_1', 'res_1', 'room', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z')`,
    );

    const { rows: before } = await pg.query(
      "SELECT 1 FROM information_schema.columns WHERE column_name = 'occupancy_key'",
    );
    expect(before).toEqual([]);

    const statements = localSchemaStatements([table]);
    for (const s of statements) await pg.exec(s);
    // Idempotent: a second start changes nothing.
    for (const s of statements) await pg.exec(s);

    const { rows } = await pg.query<{ id: string; occupancy_key: string | null; conflict_policy: string }>(
      'SELECT id, occupancy_key, conflict_policy FROM fulfillment_assignments',
    );
    expect(rows).toEqual([{ id: 'fa_old', occupancy_key: null, conflict_policy: 'enforce_no_overlap' }]);
    // Writes through the rebuilt view carry the new column into the overlay.
    await pg.query(
      `INSERT INTO fulfillment_assignments (id, biz_id, fulfillment_unit_id, resource_id, role, starts_at, ends_at, occupancy_key)
       VALUES ('fa_new', 'biz_1', 'fu_2', 'res_1', 'room', '2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z', 'assignment:bo_2')`,
    );
    const { rows: local } = await pg.query('SELECT occupancy_key FROM fulfillment_assignments_local');
    expect(local).toEqual([{ occupancy_key: 'assignment:bo_2' }]);
  });
});
