import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { clientTableDdl } from './ddl';
import { TABLES, tableByName } from './registry';

let pglite: PGlite;
beforeAll(async () => {
  pglite = await PGlite.create();
});
afterAll(async () => {
  await pglite?.close();
});

describe('client table DDL in PGlite', () => {
  it('creates every table of the schema in PGlite', async () => {
    for (const { table } of TABLES) await pglite.exec(clientTableDdl(table));
    const { rows } = await pglite.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(rows[0]!.n).toBe(TABLES.length);
  });

  it('keeps the server’s column types and defaults, without cross-table foreign keys', async () => {
    const id = newId('queues');
    const queues = tableByName('queues')!;
    await pglite.exec(clientTableDdl(queues));
    const { rows: fks } = await pglite.query(
      "SELECT 1 FROM information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY'",
    );
    expect(fks).toEqual([]);
    const { rows } = await pglite.query<{ data_type: string }>(
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'booking_orders' AND column_name = 'confirmed_start_at'",
    );
    expect(rows[0]?.data_type).toBe('timestamp with time zone');
    await pglite.query("INSERT INTO bizes (id, name, slug) VALUES ('biz_x', 'X', 'x')");
    const { rows: biz } = await pglite.query<{ currency: string; metadata: unknown }>(
      "SELECT currency, metadata FROM bizes WHERE id = 'biz_x'",
    );
    expect(biz[0]).toEqual({ currency: 'USD', metadata: {} });
    expect(id).toMatch(/^que_/);
  });
});
