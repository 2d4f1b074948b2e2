/** Small SQL helpers shared by mutators, so each query reads as one sentence. */
import { AppError, notFound } from '../errors';
import type { SqlTx } from './types';

/** One row of the actor's biz by id, or `not_found` (another biz's row looks exactly like a missing one). */
export async function getOwned<R extends Record<string, unknown>>(
  tx: SqlTx,
  table: string,
  bizId: string,
  id: string,
  what: string,
  columns = '*',
): Promise<R> {
  const { rows } = await tx.query<R>(`SELECT ${columns} FROM ${table} WHERE id = $1 AND biz_id = $2`, [id, bizId]);
  const row = rows[0];
  if (!row) throw notFound(what);
  return row;
}

const columnsOf = (rows: readonly Record<string, unknown>[]) =>
  Object.keys(rows[0]!).filter((k) => rows[0]![k] !== undefined);

/**
 * `INSERT INTO table (…) SELECT … FROM json_populate_recordset(…)`: the rows as one JSON parameter, so
 * the text is the same whatever their number (prepared once, one cached plan), for rows of scalars.
 */
function insertJsonSql(table: string, rows: readonly Record<string, unknown>[], params: unknown[]): string {
  const cols = columnsOf(rows);
  params.push(JSON.stringify(rows.map((row) => Object.fromEntries(cols.map((c) => [c, row[c] ?? null])))));
  const list = cols.join(', ');
  return `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $${params.length}::json)`;
}

const bindable = (v: unknown) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v);

/** Insert one row from a column → value object; values are bound, jsonb values stringified. */
export async function insertRow(tx: SqlTx, table: string, row: Record<string, unknown>): Promise<void> {
  await insertRows(tx, table, [row]);
}

/** Insert rows sharing one set of columns (the first row's) in one statement. */
export async function insertRows(tx: SqlTx, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  await insertTogether(tx, [[table, rows]]);
}

/** `INSERT INTO table (…) VALUES (…), …` for rows sharing the first row's columns, binding into `params`. */
function insertSql(table: string, rows: readonly Record<string, unknown>[], params: unknown[]): string {
  const cols = columnsOf(rows);
  const tuples = rows.map((row) => {
    const start = params.length;
    for (const c of cols) params.push(bindable(row[c] ?? null));
    return `(${cols.map((_, i) => `$${start + i + 1}`).join(', ')})`;
  });
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${tuples.join(', ')}`;
}

/**
 * Inserts into several tables in one statement (one round trip), as data-modifying CTEs. Foreign keys
 * between them hold, since they are checked once the whole statement has run; a table whose row
 * triggers read the others' new rows must go in a statement of its own. `then` is a query to answer
 * in the same round trip, given the number of parameters before its own; it runs on the snapshot the
 * statement started with, so it does not see these rows.
 */
export async function insertTogether<R = Record<string, unknown>>(
  tx: SqlTx,
  inserts: readonly (readonly [table: string, rows: readonly Record<string, unknown>[]])[],
  then?: (offset: number) => { sql: string; params: unknown[] },
  /** Bind each table's rows as one JSON value (rows of scalars only): one text for any number of rows. */
  opts: { asJson?: boolean } = {},
): Promise<R[]> {
  const params: unknown[] = [];
  const toSql = opts.asJson ? insertJsonSql : insertSql;
  const statements = inserts.filter(([, rows]) => rows.length > 0).map(([t, rows]) => toSql(t, rows, params));
  const query = then?.(params.length);
  const main = query?.sql ?? statements.pop();
  if (!main) return [];
  params.push(...(query?.params ?? []));
  const ctes = statements.map((s, i) => `i${i} AS (${s})`);
  const { rows } = await tx.query<R>(ctes.length ? `WITH ${ctes.join(', ')} ${main}` : main, params);
  return rows;
}

export function invalidState(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('invalid_state', message, details);
}

export const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).toISOString();
