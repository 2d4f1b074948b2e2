/**
 * Table metadata from the catalog, identifier parsing, row keys (§3.2) and the
 * `electric-schema` header (§2.3). Values themselves stay Postgres text output (§3.3) end to end.
 */
import type pg from 'pg';

/** Session settings under which snapshot and replication produce identical text (§3.3). */
export const TEXT_SETTINGS: ReadonlyArray<readonly [string, string]> = [
  ['bytea_output', 'hex'],
  ['DateStyle', 'ISO, DMY'],
  ['TimeZone', 'UTC'],
  ['IntervalStyle', 'iso_8601'],
  ['extra_float_digits', '1'],
];

/** libpq `options` string applying TEXT_SETTINGS at connection start (used for the walsender). */
export function textSettingsOptions(): string {
  return TEXT_SETTINGS.map(([k, v]) => `-c ${k}=${v.replace(/ /g, '\\ ')}`).join(' ');
}

export type Row = Record<string, string | null>;

export interface ColumnInfo {
  readonly name: string;
  readonly attnum: number;
  /** pg_type.typname of the column (for arrays: of the array type, e.g. `_int4`). */
  readonly typname: string;
  /** Element typname for arrays, else the typname. */
  readonly baseType: string;
  readonly typeOid: number;
  readonly typmod: number;
  readonly dims: number;
  readonly notNull: boolean;
  readonly generated: boolean;
  /** 0-based position in the primary key, or -1. */
  readonly pkIndex: number;
  readonly category: string;
  /** `format_type(atttypid, NULL)`: a re-parseable SQL type name from the catalog (used for casts). */
  readonly sqlType: string;
}

export interface TableInfo {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ColumnInfo[];
  readonly byName: ReadonlyMap<string, ColumnInfo>;
  /** Key columns: the primary key in order, or all columns by name when there is none. */
  readonly keyColumns: readonly string[];
  readonly hasPrimaryKey: boolean;
  readonly replicaIdentityFull: boolean;
}

/** Splits a comma- or dot-separated identifier list honouring double quotes; unquoted parts lower-cased. */
export function parseIdentifierList(text: string, sep: ',' | '.'): string[] | { error: string } {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    while (i < n && text[i] === ' ') i++;
    let ident = '';
    if (text[i] === '"') {
      i++;
      let closed = false;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            ident += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        ident += text[i];
        i++;
      }
      if (!closed) return { error: 'Unterminated quoted identifier' };
      if (ident === '') return { error: 'Invalid zero-length delimited identifier' };
    } else {
      const start = i;
      while (i < n && text[i] !== sep) i++;
      ident = text.slice(start, i).trim().toLowerCase();
      if (ident === '') return { error: 'Invalid zero-length identifier' };
      if (!/^[\p{L}_][\p{L}\p{N}_$]*$/u.test(ident)) return { error: `Invalid identifier: ${ident}` };
    }
    while (i < n && text[i] === ' ') i++;
    out.push(ident);
    if (i >= n) break;
    if (text[i] !== sep) return { error: `Unexpected character ${text[i]}` };
    i++;
    if (i >= n) return { error: 'Invalid zero-length identifier' };
  }
  return out;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualifiedName(t: { schema: string; name: string }): string {
  return `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;
}

/** Loads a table's columns and key from the catalog; null when no such ordinary/partitioned table. */
export async function loadTable(db: pg.Pool | pg.PoolClient, schema: string, name: string): Promise<TableInfo | null> {
  const rel = await db.query<{ oid: number; relreplident: string; indkey: string | null }>(
    `SELECT c.oid::int AS oid, c.relreplident::text AS relreplident,
            (SELECT i.indkey::text FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) AS indkey
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')`,
    [schema, name],
  );
  const r = rel.rows[0];
  if (!r) return null;
  const pkAttnums = r.indkey ? r.indkey.split(' ').map(Number) : [];
  const cols = await db.query<{
    attnum: number;
    attname: string;
    attnotnull: boolean;
    attgenerated: string;
    atttypid: number;
    atttypmod: number;
    attndims: number;
    typname: string;
    typcategory: string;
    elemname: string | null;
    sqltype: string;
  }>(
    `SELECT a.attnum::int AS attnum, a.attname, a.attnotnull, a.attgenerated::text AS attgenerated,
            a.atttypid::int AS atttypid, a.atttypmod, a.attndims::int AS attndims, t.typname,
            t.typcategory::text AS typcategory, format_type(a.atttypid, NULL) AS sqltype,
            CASE WHEN t.typcategory = 'A' THEN et.typname END AS elemname
       FROM pg_attribute a
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = t.typelem
      WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [r.oid],
  );
  const columns: ColumnInfo[] = cols.rows.map((c) => {
    const isArray = c.typcategory === 'A' && c.elemname !== null;
    return {
      name: c.attname,
      attnum: c.attnum,
      typname: c.typname,
      baseType: isArray ? (c.elemname as string) : c.typname,
      typeOid: c.atttypid,
      typmod: c.atttypmod,
      dims: isArray ? Math.max(1, c.attndims) : 0,
      notNull: c.attnotnull,
      generated: c.attgenerated !== '',
      pkIndex: pkAttnums.indexOf(c.attnum),
      category: isArray ? 'A' : c.typcategory,
      sqlType: c.sqltype,
    };
  });
  const byName = new Map(columns.map((c) => [c.name, c]));
  const pk = pkAttnums.map((n) => columns.find((c) => c.attnum === n)?.name).filter((x): x is string => !!x);
  const keyColumns = pk.length > 0 ? pk : columns.map((c) => c.name).sort();
  return {
    oid: r.oid,
    schema,
    name,
    columns,
    byName,
    keyColumns,
    hasPrimaryKey: pk.length > 0,
    replicaIdentityFull: r.relreplident === 'f',
  };
}

/** `"schema"."table"/"pk1"/…` with `/` doubled inside values and `_` for NULL (§3.2). */
export function rowKey(prefix: string, keyColumns: readonly string[], row: Row): string {
  let key = prefix;
  for (const col of keyColumns) {
    const v = row[col];
    key += v === null || v === undefined ? '/_' : `/"${v.replace(/\//g, '//')}"`;
  }
  return key;
}

export function keyPrefix(t: { schema: string; name: string }): string {
  return `"${t.schema}"."${t.name}"`;
}

/** The `electric-schema` header value for the shape's columns (§2.3). */
export function schemaHeader(columns: readonly ColumnInfo[]): string {
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of columns) {
    const e: Record<string, unknown> = { type: c.baseType };
    if (c.dims > 0) e.dims = c.dims;
    if (c.notNull) e.not_null = true;
    if (c.pkIndex >= 0) e.pk_index = c.pkIndex;
    const mod = c.typmod;
    if (mod >= 0) {
      switch (c.baseType) {
        case 'varchar':
          e.max_length = mod - 4;
          break;
        case 'bpchar':
          e.length = mod - 4;
          break;
        case 'bit':
        case 'varbit':
          e.length = mod;
          break;
        case 'numeric':
          e.precision = ((mod - 4) >> 16) & 0xffff;
          e.scale = (mod - 4) & 0xffff;
          break;
        case 'time':
        case 'timetz':
        case 'timestamp':
        case 'timestamptz':
          e.precision = mod;
          break;
        case 'interval':
          e.precision = mod & 0xffff;
          break;
      }
    }
    out[c.name] = e;
  }
  return JSON.stringify(out);
}
