/**
 * Column DDL derived from the Drizzle tables, for the client's PGlite copy: the same columns and
 * types as the server (enums become text: a synced row is checked by the server, not the device),
 * the same defaults, the primary key — and no foreign keys, checks or uniques, because shapes
 * arrive independently and integrity is the server's job.
 */
import { is, SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, PgDialect, type PgTable } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();

export interface ColumnDdl {
  name: string;
  /** SQL type as PGlite should declare it. */
  type: string;
  notNull: boolean;
  /** SQL default expression, if the server declares one. */
  defaultSql: string | undefined;
  primary: boolean;
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function defaultSql(col: PgColumn): string | undefined {
  if (!col.hasDefault || col.default === undefined) return undefined;
  const value: unknown = col.default;
  if (is(value, SQL)) return dialect.sqlToQuery(value).sql;
  if (typeof value === 'string') return quoteLiteral(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  return `${quoteLiteral(JSON.stringify(value))}::jsonb`;
}

export function columnsOf(table: PgTable, omit: readonly string[] = []): ColumnDdl[] {
  return getTableConfig(table)
    .columns.filter((col) => !omit.includes(col.name))
    .map((col) => ({
      name: col.name,
      type: col.columnType === 'PgEnumColumn' ? 'text' : col.getSQLType(),
      notNull: col.notNull,
      defaultSql: defaultSql(col),
      primary: col.primary,
    }));
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * `CREATE TABLE IF NOT EXISTS` for a client copy of `table`, optionally renamed, with extra columns and
 * without the columns its shape leaves out (`omit`).
 */
export function clientTableDdl(
  table: PgTable,
  opts: { name?: string; extraColumns?: string[]; keepNotNull?: boolean; omit?: readonly string[] } = {},
) {
  const cfg = getTableConfig(table);
  const cols = columnsOf(table, opts.omit).map((c) => {
    const parts = [quoteIdent(c.name), c.type];
    if (c.notNull && opts.keepNotNull !== false) parts.push('NOT NULL');
    if (c.defaultSql !== undefined) parts.push(`DEFAULT ${c.defaultSql}`);
    return parts.join(' ');
  });
  const pk = columnsOf(table)
    .filter((c) => c.primary)
    .map((c) => quoteIdent(c.name));
  const composite = cfg.primaryKeys[0]?.columns.map((c) => quoteIdent(c.name)) ?? [];
  const keys = pk.length ? pk : composite;
  const body = [...cols, ...(opts.extraColumns ?? []), ...(keys.length ? [`PRIMARY KEY (${keys.join(', ')})`] : [])];
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(opts.name ?? cfg.name)} (\n  ${body.join(',\n  ')}\n)`;
}
