/**
 * The device's database layout (PGlite). For every synced table `t`:
 *   t_synced  the server's rows, written only by pglite-sync;
 *   t_local   the pending overlay: rows written by not-yet-confirmed mutations (`__deleted` marks a
 *             pending delete);
 *   t         a view = overlay ⊕ synced, which the UI reads and the mutators write; INSTEAD OF
 *             triggers route writes into t_local.
 * Plus `outbox` (every mutation made on this device, in order, with its outcome) and `sync_txids`
 * (server transaction ids seen in the shape streams, with their LSN).
 */
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { clientTableDdl, columnsOf, quoteIdent } from '../../../shared/schema/ddl';
import { SHAPE_OMITTED_COLUMNS } from '../../../shared/shapes';

export const LOCAL_SCHEMA_VERSION = 1;

const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;

/**
 * A device that created its tables under an older schema keeps them (CREATE TABLE IF NOT EXISTS):
 * add the columns the schema gained since (nullable: existing rows have no value; the engine and the
 * UI treat NULL as "not known yet"), and drop the view so it is rebuilt with them in schema order.
 * One catalog lookup per table when nothing changed.
 */
function addedColumnsDdl(table: PgTable, tables: string[], view: string, omit: readonly string[]): string {
  const cols = columnsOf(table, omit).map(
    (c) =>
      `(${literal(c.name)}, ${literal(c.defaultSql === undefined ? c.type : `${c.type} DEFAULT ${c.defaultSql}`)})`,
  );
  return `DO $do$
   DECLARE t text; c record; added boolean := false;
   BEGIN
     FOREACH t IN ARRAY ARRAY[${tables.map(literal).join(', ')}] LOOP
       FOR c IN SELECT v.name, v.decl FROM (VALUES ${cols.join(', ')}) v(name, decl)
                 WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = quote_ident(t)::regclass
                                     AND a.attname = v.name AND NOT a.attisdropped) LOOP
         EXECUTE format('ALTER TABLE %I ADD COLUMN %I %s', t, c.name, c.decl);
         added := true;
       END LOOP;
     END LOOP;
     IF added THEN EXECUTE format('DROP VIEW IF EXISTS %I', ${literal(view)}); END IF;
   END
   $do$`;
}

function overlayDdl(table: PgTable): string[] {
  const name = getTableConfig(table).name;
  // Columns the shape leaves out (a photo's image) are not on the device at all.
  const omit = SHAPE_OMITTED_COLUMNS[name] ?? [];
  const cols = columnsOf(table, omit).map((c) => quoteIdent(c.name));
  const list = cols.join(', ');
  const newVals = cols.map((c) => `NEW.${c}`).join(', ');
  const oldVals = cols.map((c) => `OLD.${c}`).join(', ');
  const setAll = cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const synced = quoteIdent(`${name}_synced`);
  const local = quoteIdent(`${name}_local`);
  const view = quoteIdent(name);
  const fn = quoteIdent(`${name}_overlay_write`);
  return [
    clientTableDdl(table, { name: `${name}_synced`, omit }),
    clientTableDdl(table, {
      name: `${name}_local`,
      omit,
      keepNotNull: false,
      extraColumns: ['"__deleted" boolean NOT NULL DEFAULT false'],
    }),
    addedColumnsDdl(table, [`${name}_synced`, `${name}_local`], `${name}`, omit),
    `CREATE OR REPLACE VIEW ${view} AS
       SELECT ${list} FROM ${local} WHERE NOT "__deleted"
       UNION ALL
       SELECT ${list} FROM ${synced} s WHERE NOT EXISTS (SELECT 1 FROM ${local} l WHERE l."id" = s."id")`,
    `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'DELETE' THEN
         INSERT INTO ${local} (${list}, "__deleted") VALUES (${oldVals}, true)
           ON CONFLICT ("id") DO UPDATE SET "__deleted" = true;
         RETURN OLD;
       END IF;
       INSERT INTO ${local} (${list}, "__deleted") VALUES (${newVals}, false)
         ON CONFLICT ("id") DO UPDATE SET ${setAll}, "__deleted" = false;
       RETURN NEW;
     END;
     $$`,
    // A view has no column defaults of its own; give it the table's, so optimistic rows look like the server's.
    ...columnsOf(table, omit)
      .filter((c) => c.defaultSql !== undefined)
      .map((c) => `ALTER VIEW ${view} ALTER COLUMN ${quoteIdent(c.name)} SET DEFAULT ${c.defaultSql}`),
    `DROP TRIGGER IF EXISTS ${quoteIdent(`${name}_overlay`)} ON ${view}`,
    `CREATE TRIGGER ${quoteIdent(`${name}_overlay`)} INSTEAD OF INSERT OR UPDATE OR DELETE ON ${view}
       FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
}

export const OUTBOX_DDL = [
  `CREATE TABLE IF NOT EXISTS outbox (
     mutation_id bigint PRIMARY KEY,
     name text NOT NULL,
     args jsonb NOT NULL,
     depends_on jsonb NOT NULL DEFAULT '[]',
     created_at timestamptz NOT NULL DEFAULT now(),
     device_time timestamptz NOT NULL,
     offline boolean NOT NULL DEFAULT false,
     status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'confirmed', 'rejected', 'resolved')),
     txid text,
     acked_at timestamptz,
     error jsonb,
     local_error jsonb,
     resolution jsonb
   )`,
  'CREATE INDEX IF NOT EXISTS outbox_status_idx ON outbox (status, mutation_id)',
  `CREATE TABLE IF NOT EXISTS sync_txids (
     txid text PRIMARY KEY,
     lsn numeric NOT NULL,
     seen_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS local_meta (key text PRIMARY KEY, value jsonb NOT NULL)`,
  // Job photos wait here until they are uploaded (PUT /api/jobs/:unit/photos/:id, idempotent).
  `CREATE TABLE IF NOT EXISTS job_photos (
     id text PRIMARY KEY,
     fulfillment_unit_id text NOT NULL,
     content_type text NOT NULL,
     data bytea NOT NULL,
     caption text,
     taken_at timestamptz NOT NULL,
     uploaded_at timestamptz,
     error text
   )`,
];

/** Every statement that creates (idempotently) the device schema for `tables`. */
export function localSchemaStatements(tables: readonly PgTable[]): string[] {
  return [...tables.flatMap(overlayDdl), ...OUTBOX_DDL];
}
