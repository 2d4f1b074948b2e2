/**
 * Integrity rules of the whole schema, read from the Postgres catalog rather than hand-listed, so
 * a table added later is checked without anyone remembering to add it here.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_ONLY_TABLES } from '../../shared/schema/_common';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { runMigrations } from './migrate';

/** Global rows: identities and sessions belong to no single biz. */
const GLOBAL_TABLES = new Set(['bizes', 'users', 'sessions', 'accounts', 'verifications']);
/** Tenant tables whose biz_id may be unknown on arrival (a webhook before we match its account). */
const NULLABLE_BIZ = new Set(['stripe_webhook_events']);

let db: TestDatabase;
let q: <T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

interface Fk {
  table: string;
  name: string;
  target: string;
  cols: string[];
  targetCols: string[];
}

let tables: string[];
let fks: Fk[];

beforeAll(async () => {
  db = await createTestDatabase({ demo: true });
  q = async (text, values) => (await db.pool.query(text, values)).rows;
  tables = (
    await q<{ t: string }>(
      `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
    )
  ).map((r) => r.t);
  fks = await q<Fk>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.confrelid::regclass::text AS target,
            array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
            array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS "targetCols"
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
});
afterAll(async () => {
  await db?.drop();
});

describe('schema integrity (from the catalog)', () => {
  it('creates the whole data model', () => {
    expect(tables.length).toBeGreaterThanOrEqual(154);
  });

  it('every tenant table has a non-null biz_id and a unique (biz_id, id)', async () => {
    const cols = await q<{ table_name: string; is_nullable: string }>(
      `SELECT table_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'biz_id'`,
    );
    const bizCol = new Map(cols.map((c) => [c.table_name, c.is_nullable === 'NO']));
    const uniques = await q<{ t: string; cols: string[] }>(
      `SELECT c.conrelid::regclass::text AS t,
              array(SELECT a.attname::text FROM unnest(c.conkey) k(n) JOIN pg_attribute a
                    ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols
       FROM pg_constraint c WHERE c.contype IN ('u', 'p') AND c.connamespace = 'public'::regnamespace`,
    );
    const problems: string[] = [];
    for (const t of tables) {
      if (GLOBAL_TABLES.has(t) || t.startsWith('__')) continue;
      if (!bizCol.has(t)) problems.push(`${t}: no biz_id`);
      else if (!bizCol.get(t) && !NULLABLE_BIZ.has(t)) problems.push(`${t}: biz_id is nullable`);
      const hasPair = uniques.some(
        (u) => u.t === t && u.cols.length === 2 && u.cols.includes('biz_id') && u.cols.includes('id'),
      );
      if (!hasPair) problems.push(`${t}: no unique (biz_id, id)`);
    }
    expect(problems).toEqual([]);
  });

  it('every tenant-to-tenant foreign key includes biz_id on both sides', () => {
    const tenantFks = fks.filter((f) => !GLOBAL_TABLES.has(f.table) && !GLOBAL_TABLES.has(f.target));
    expect(tenantFks.length).toBeGreaterThan(150);
    const bad = tenantFks
      .filter((f) => f.cols[0] !== 'biz_id' || f.targetCols[0] !== 'biz_id' || f.cols.length < 2)
      .map((f) => `${f.table}.${f.name} (${f.cols}) -> ${f.target} (${f.targetCols})`);
    expect(bad).toEqual([]);
  });

  it('refuses a cross-biz reference through every same-biz foreign key that has demo rows to try', async () => {
    const bizes = (await q<{ id: string }>('SELECT id FROM bizes ORDER BY id')).map((r) => r.id);
    expect(bizes.length).toBeGreaterThanOrEqual(2);
    const appendOnly = new Set<string>(APPEND_ONLY_TABLES);
    const client = await db.pool.connect();
    let tried = 0;
    const accepted: string[] = [];
    try {
      for (const fk of fks) {
        if (fk.cols.length !== 2 || fk.cols[0] !== 'biz_id' || appendOnly.has(fk.table)) continue;
        const col = fk.cols[1]!;
        const [row] = (await client.query(`SELECT id, biz_id FROM ${fk.table} WHERE ${col} IS NOT NULL LIMIT 1`))
          .rows as { id: string; biz_id: string }[];
        if (!row) continue;
        const [foreign] = (await client.query(`SELECT id FROM ${fk.target} WHERE biz_id <> $1 LIMIT 1`, [row.biz_id]))
          .rows as { id: string }[];
        if (!foreign) continue;
        tried++;
        await client.query('BEGIN');
        try {
          await client.query(`UPDATE ${fk.table} SET ${col} = $1 WHERE id = $2`, [foreign.id, row.id]);
          accepted.push(`${fk.table}.${col}`);
        } catch (err) {
          // 23503 foreign_key_violation is the point; a check or exclusion firing first is also a refusal.
          expect(['23503', '23514', '23P01', '23505']).toContain((err as pg.DatabaseError).code);
        } finally {
          await client.query('ROLLBACK');
        }
      }
    } finally {
      client.release();
    }
    expect(accepted).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(25);
  });

  it('refuses inserting an assignment of one biz onto another biz’s resource', async () => {
    const [unit] = await q<{ id: string; biz_id: string }>('SELECT id, biz_id FROM fulfillment_units LIMIT 1');
    const [resource] = await q<{ id: string }>('SELECT id FROM resources WHERE biz_id <> $1 LIMIT 1', [unit!.biz_id]);
    await expect(
      q(
        `INSERT INTO fulfillment_assignments (id, biz_id, fulfillment_unit_id, resource_id, starts_at, ends_at)
         VALUES ('fas_01JTESTCROSSBIZ000000000000', $1, $2, $3, now(), now() + interval '1 hour')`,
        [unit!.biz_id, unit!.id, resource!.id],
      ),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it('guards exactly the append-only tables, rejecting UPDATE, DELETE and TRUNCATE', async () => {
    const guarded = await q<{ t: string }>(
      `SELECT DISTINCT tgrelid::regclass::text AS t FROM pg_trigger
       WHERE NOT tgisinternal AND tgfoid = 'bizing_reject_mutation'::regproc ORDER BY 1`,
    );
    expect(guarded.map((r) => r.t)).toEqual([...APPEND_ONLY_TABLES].sort());
    for (const t of APPEND_ONLY_TABLES) {
      await expect(q(`UPDATE ${t} SET created_at = created_at`), `${t} update`).rejects.toMatchObject({
        code: '23001',
      });
      await expect(q(`DELETE FROM ${t}`), `${t} delete`).rejects.toMatchObject({ code: '23001' });
      await expect(q(`TRUNCATE ${t} CASCADE`), `${t} truncate`).rejects.toMatchObject({ code: '23001' });
    }
  });

  it('polymorphic shape checks reject a row whose targets do not match its kind', async () => {
    const checks = await q<{ t: string; name: string; cols: string[] }>(
      `SELECT c.conrelid::regclass::text AS t, c.conname AS name,
              array(SELECT a.attname::text FROM unnest(c.conkey) k(n) JOIN pg_attribute a
                    ON a.attrelid = c.conrelid AND a.attnum = k.n AND NOT a.attnotnull) AS cols
       FROM pg_constraint c WHERE c.contype = 'c' AND c.connamespace = 'public'::regnamespace
         AND pg_get_constraintdef(c.oid) LIKE '%IS NOT NULL%' AND pg_get_constraintdef(c.oid) LIKE '% OR %'`,
    );
    expect(checks.length).toBeGreaterThanOrEqual(20);
    const client = await db.pool.connect();
    const rejectedBy = new Set<string>();
    try {
      for (const check of checks) {
        if (!check.cols.length) continue;
        const [row] = (await client.query(`SELECT id FROM ${check.t} LIMIT 1`)).rows as { id: string }[];
        if (!row) continue;
        await client.query('BEGIN');
        try {
          // Clearing every nullable target leaves no kind satisfied.
          await client.query(`UPDATE ${check.t} SET ${check.cols.map((c) => `${c} = NULL`).join(', ')} WHERE id = $1`, [
            row.id,
          ]);
        } catch (err) {
          if ((err as pg.DatabaseError).code === '23514') rejectedBy.add(check.t);
        } finally {
          await client.query('ROLLBACK');
        }
      }
    } finally {
      client.release();
    }
    // The core polymorphic tables always carry demo rows.
    for (const t of ['resources', 'calendar_bindings']) expect(rejectedBy, t).toContain(t);
    expect(rejectedBy.size).toBeGreaterThanOrEqual(4);
  });

  it('money columns carry an ISO currency check', async () => {
    const currencyCols = await q<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'currency'`,
    );
    const checked = await q<{ t: string }>(
      `SELECT DISTINCT conrelid::regclass::text AS t FROM pg_constraint
       WHERE contype = 'c' AND connamespace = 'public'::regnamespace AND pg_get_constraintdef(oid) LIKE '%currency%A-Z%'`,
    );
    const set = new Set(checked.map((r) => r.t));
    expect(currencyCols.filter((c) => !set.has(c.table_name)).map((c) => c.table_name)).toEqual([]);
  });

  it('re-running migrations is a no-op', async () => {
    const before = await q<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    await runMigrations(db.url);
    const after = await q<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(before[0]!.n).toBeGreaterThanOrEqual(2);
  });
});
