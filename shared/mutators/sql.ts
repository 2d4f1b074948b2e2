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

/** Rows of the actor's biz by id (one query), keyed by id; `not_found` when any is missing or foreign. */
export async function getOwnedMany<R extends Record<string, unknown> & { id: string }>(
  tx: SqlTx,
  table: string,
  bizId: string,
  ids: readonly string[],
  what: string,
  columns = '*',
): Promise<Map<string, R>> {
  const { rows } = await tx.query<R>(`SELECT ${columns} FROM ${table} WHERE id = ANY($1) AND biz_id = $2`, [
    [...new Set(ids)],
    bizId,
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (ids.some((id) => !byId.has(id))) throw notFound(what);
  return byId;
}

const bindable = (v: unknown) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v);

/** Insert one row from a column → value object; values are bound, jsonb values stringified. */
export async function insertRow(tx: SqlTx, table: string, row: Record<string, unknown>): Promise<void> {
  await insertRows(tx, table, [row]);
}

/** Insert rows sharing one set of columns (the first row's) in one statement. */
export async function insertRows(tx: SqlTx, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!).filter((k) => rows[0]![k] !== undefined);
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const start = params.length;
    for (const c of cols) params.push(bindable(row[c] ?? null));
    return `(${cols.map((_, i) => `$${start + i + 1}`).join(', ')})`;
  });
  await tx.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${tuples.join(', ')}`, params);
}

export function invalidState(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('invalid_state', message, details);
}

export const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).toISOString();
