/**
 * Column and constraint helpers shared by every domain file, so that ids, tenancy,
 * audit columns, money and composite same-biz foreign keys are spelled one way.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  foreignKey,
  index,
  jsonb,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import { type IdTable, newId } from '../ids';
import { bizes, users } from './core/tenancy';

/** Postgres truncates identifiers at 63 bytes; long generated names get a stable hash suffix. */
export function pgName(name: string): string {
  if (name.length <= 63) return name;
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(31, h) + name.charCodeAt(i)) | 0;
  return `${name.slice(0, 54)}_${(h >>> 0).toString(36).padStart(7, '0').slice(0, 8)}`;
}

/** `timestamptz` in UTC, surfaced as a JS Date. */
export function ts(name: string) {
  return timestamp(name, { withTimezone: true, mode: 'date' });
}
/** Primary key: a tagged ULID minted by the application (see shared/ids.ts). */
export function idPk(table: IdTable) {
  return text('id')
    .primaryKey()
    .$defaultFn(() => newId(table));
}
/** The tenant column. Every tenant table has it, not null. */
export function bizIdCol() {
  return text('biz_id')
    .notNull()
    .references((): AnyPgColumn => bizes.id);
}
/** A nullable or required pointer to a global user (users are not tenant rows). */
export function userRef(name: string) {
  return text(name).references((): AnyPgColumn => users.id);
}
/** created/updated/deleted at + by: the standard lifecycle columns of a mutable table. */
export function auditColumns() {
  return {
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
    createdBy: userRef('created_by'),
    updatedBy: userRef('updated_by'),
    deletedBy: userRef('deleted_by'),
  };
}
/** Lifecycle columns of an append-only ledger or event log: rows are only ever inserted. */
export function appendOnlyColumns() {
  return {
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: userRef('created_by'),
  };
}
export function metadataCol() {
  return jsonb('metadata').$type<Record<string, unknown>>().notNull().default({});
}

export function jsonCol<T = Record<string, unknown>>(name: string) {
  return jsonb(name).$type<T>();
}

/** ISO-4217 currency code column (checked by `currencyCheck`). */
export function currencyCol(name = 'currency') {
  return varchar(name, { length: 3 }).notNull().default('USD');
}
export function currencyCheck(table: string, col: AnyPgColumn) {
  return check(pgName(`${table}_${col.name}_iso`), sql`${col} ~ '^[A-Z]{3}$'`);
}
/** `unique (biz_id, id)`: the target every same-biz composite foreign key points at. */
export function bizIdUnique(table: string, t: { bizId: AnyPgColumn; id: AnyPgColumn }) {
  return unique(pgName(`${table}_biz_id_id_uq`)).on(t.bizId, t.id);
}
/**
 * Same-biz foreign key: `(biz_id, col) -> parent(biz_id, id)`. With MATCH SIMPLE a NULL
 * `col` skips the check, so optional references stay optional.
 */
export function sameBiz(
  table: string,
  t: { bizId: AnyPgColumn },
  col: AnyPgColumn,
  parent: { bizId: AnyPgColumn; id: AnyPgColumn },
  opts: { onDelete?: 'cascade' | 'restrict' | 'set null' | 'no action' } = {},
) {
  const fk = foreignKey({
    name: pgName(`${table}_${col.name}_fk`),
    columns: [t.bizId, col],
    foreignColumns: [parent.bizId, parent.id],
  });
  if (opts.onDelete) fk.onDelete(opts.onDelete);
  return fk;
}

/** Composite foreign key over explicit column lists (for targets wider than `(biz_id, id)`). */
export function compositeFk(
  table: string,
  name: string,
  columns: [AnyPgColumn, ...AnyPgColumn[]],
  foreignColumns: [AnyPgColumn, ...AnyPgColumn[]],
) {
  return foreignKey({ name: pgName(`${table}_${name}_fk`), columns, foreignColumns });
}

/** A named CHECK constraint. */
export function checkNamed(table: string, name: string, expr: SQL) {
  return check(pgName(`${table}_${name}`), expr);
}
/** A named index. */
export function idx(table: string, name: string) {
  return index(pgName(`${table}_${name}_idx`));
}
/** `(a IS NULL) = (b IS NULL)`: two columns are set together or not at all. */
export function bothOrNeither(a: AnyPgColumn, b: AnyPgColumn) {
  return sql`((${a} IS NULL) = (${b} IS NULL))`;
}
/** Exactly the `set` columns are non-null and every column of `others` is null. */
export function onlySet(set: AnyPgColumn[], others: AnyPgColumn[]): SQL {
  const parts = [...set.map((c) => sql`${c} IS NOT NULL`), ...others.map((c) => sql`${c} IS NULL`)];
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

/**
 * Polymorphic shape check: for each discriminator value, exactly its columns are set and every
 * other payload column is null. `shapes` maps a discriminator value to its columns.
 */
export function shapeCheck(
  table: string,
  name: string,
  discriminator: AnyPgColumn,
  shapes: Record<string, AnyPgColumn[]>,
): ReturnType<typeof check> {
  const all = [...new Set(Object.values(shapes).flat())];
  const branches = Object.entries(shapes).map(([value, cols]) => {
    const others = all.filter((c) => !cols.includes(c));
    return sql`(${discriminator} = ${sql.raw(`'${value.replace(/'/g, "''")}'`)} AND ${onlySet(cols, others)})`;
  });
  return check(pgName(`${table}_${name}`), sql`(${sql.join(branches, sql` OR `)})`);
}

/**
 * Tables whose rows are facts: UPDATE and DELETE are rejected by a trigger
 * (migrations/ hand-written SQL; `integrity.pg.test.ts` proves it for each).
 */
export const APPEND_ONLY_TABLES = [
  'payment_transactions',
  'settlement_entries',
  'payout_ledger_entries',
  'entitlement_ledger_entries',
  'audit_events',
  'queue_events',
  'eta_events',
] as const;
