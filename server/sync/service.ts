/**
 * The embedded shape service: resolves shape definitions to handles, materialises each shape
 * (snapshot joined with the replication stream, §5.3), and answers protocol requests with
 * `{status, headers, body}`. Transport-agnostic; `http.ts` mounts it on Fastify.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { compareOffsets, formatOffset, type LogOffset, parseOffset } from './offsets';
import {
  baseHeaders,
  CACHE,
  invalid,
  json,
  mustRefetch,
  nextCursor,
  type ShapeResponse,
  unavailable,
  upToDate,
} from './protocol';
import { type Change, type RelationInfo, ReplicationStream, type Transaction } from './replication';
import { type LogEntry, ShapeLog } from './shape-log';
import {
  type ColumnInfo,
  keyPrefix,
  loadTable,
  parseIdentifierList,
  qualifiedName,
  quoteIdent,
  type Row,
  rowKey,
  schemaHeader,
  type TableInfo,
  TEXT_SETTINGS,
} from './values';
import { checkParamKeys, compileWhere, type Expr, matches, referencedColumns, renderSql, WhereError } from './where';

export interface ShapeServiceOptions {
  /** Postgres URL (wal_level=logical) of the database whose tables are served. */
  databaseUrl: string;
  /** How long a live request is held when nothing changes (default 20 000 ms). */
  longPollTimeoutMs?: number;
  /** Shapes unused for this long and without waiters are dropped (default 10 min; 0 disables). */
  evictAfterMs?: number;
  /** Snapshot rows per chunk (default 5 000). */
  snapshotChunkRows?: number;
  /** Approximate JSON bytes per snapshot or log chunk (default 4 MiB). */
  chunkBytes?: number;
  /** Publication to use/create FOR ALL TABLES (default `bizing_shapes`). */
  publicationName?: string;
  /** Set REPLICA IDENTITY FULL on tables when a shape is created (default true; needed for move-in/out and replica=full). */
  setReplicaIdentityFull?: boolean;
  /** Max connections for snapshot/catalog queries (default 5). */
  poolSize?: number;
  log?: (msg: string, err?: unknown) => void;
}

export interface ShapeRequest {
  /** Parsed query string. `params[1]` may arrive as a flat key or as `params: {1: …}`. */
  query: Record<string, unknown>;
  headers?: Record<string, string | string[] | undefined>;
  method?: string;
  /** Aborted when the HTTP client goes away (ends a parked long-poll). */
  signal?: AbortSignal;
}

export interface ShapeStats {
  shapes: number;
  approxBytes: number;
  waiters: number;
  globalLsn: string;
  connected: boolean;
}

export interface ShapeService {
  handle(req: ShapeRequest): Promise<ShapeResponse>;
  /** Resolves when the replication stream is streaming (requests get 503 before). */
  ready(): Promise<void>;
  stats(): ShapeStats;
  close(): Promise<void>;
}

interface Definition {
  schema: string;
  name: string;
  where: string | null;
  params: Record<string, string>;
  columns: string | null;
  replica: 'default' | 'full';
  mode: 'full' | 'changes_only';
}

interface BufferedTx {
  xid: number;
  entries: LogEntry[];
  truncated: boolean;
}

interface Shape {
  readonly handle: string;
  readonly defKey: string;
  readonly def: Definition;
  readonly table: TableInfo;
  readonly columns: readonly ColumnInfo[];
  readonly valueKeyColumns: readonly string[];
  readonly where: Expr | null;
  readonly schemaJson: string;
  readonly relationJson: string;
  readonly keyPrefix: string;
  readonly log: ShapeLog;
  state: 'snapshotting' | 'ready' | 'invalid';
  buffer: BufferedTx[] | null;
  /**
   * The snapshot's visibility while replication may still deliver transactions it already
   * contains (replication lagging behind the snapshot): those are skipped, never appended twice.
   * Cleared at the first replicated transaction the snapshot did not see (commit order: all later
   * ones are unseen too).
   */
  seenBySnapshot: Snapshot | null;
  snapshot: Promise<void>;
  snapshotError: unknown;
  lastUsed: number;
}

class ValidationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const identityTypes = { getTypeParser: () => (v: string) => v };

function first(v: unknown): string | undefined {
  if (Array.isArray(v)) return first(v[0]);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function pick(row: Row, cols: Iterable<string>): Row {
  const out: Row = {};
  for (const c of cols) out[c] = row[c] ?? null;
  return out;
}

interface Snapshot {
  xmin: bigint;
  xmax: bigint;
  xip: Set<bigint>;
}

/** Widens a 32-bit xid to 64 bits relative to the snapshot's xmax and tests visibility. */
function xidVisible(xid: number, snap: Snapshot): boolean {
  let full = (snap.xmax & ~0xffffffffn) | BigInt(xid >>> 0);
  if (full > snap.xmax + 0x80000000n) full -= 0x100000000n;
  else if (full < snap.xmax - 0x80000000n) full += 0x100000000n;
  if (full < snap.xmin) return true;
  return full < snap.xmax && !snap.xip.has(full);
}

export function createShapeService(opts: ShapeServiceOptions): ShapeService {
  const longPollMs = opts.longPollTimeoutMs ?? 20_000;
  const evictAfterMs = opts.evictAfterMs ?? 10 * 60_000;
  const chunkRows = opts.snapshotChunkRows ?? 5_000;
  const chunkBytes = opts.chunkBytes ?? 4 * 1024 * 1024;
  const log = opts.log ?? (() => {});
  const epoch = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let seq = 0;

  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 5, application_name: 'shapes' });
  pool.on('error', () => {});

  const byHandle = new Map<string, Shape>();
  const byDef = new Map<string, Shape>();
  const pending = new Map<string, Promise<Shape>>();
  const byTable = new Map<number, Set<Shape>>();
  let globalLsn = 0n;
  let closed = false;
  let started = false;

  const replication = new ReplicationStream(
    {
      connectionString: opts.databaseUrl,
      pool,
      slotName: `shapes_${epoch}_${randomBytes(4).toString('hex')}`.toLowerCase(),
      publicationName: opts.publicationName ?? 'bizing_shapes',
    },
    {
      onTransaction: applyTransaction,
      onRelation,
      onContinuityLost: () => {
        for (const s of [...byHandle.values()]) invalidate(s);
      },
      log,
    },
  );
  const startPromise = replication.start().then(
    () => {
      started = true;
      globalLsn = replication.lastCommitLsn;
    },
    (err) => {
      log('shape service failed to start replication', err);
      throw err;
    },
  );
  startPromise.catch(() => {});

  const evictTimer =
    evictAfterMs > 0
      ? setInterval(
          () => {
            const now = Date.now();
            for (const s of [...byHandle.values()]) {
              if (s.state === 'ready' && now - s.lastUsed > evictAfterMs && s.log.waiterCount === 0) invalidate(s);
            }
          },
          Math.min(60_000, Math.max(100, evictAfterMs / 4)),
        )
      : null;
  evictTimer?.unref();

  function newHandle(defKey: string): string {
    const h = createHash('sha1').update(defKey).digest('hex').slice(0, 8);
    return `${parseInt(h, 16)}-${epoch}${(seq++).toString(36)}`;
  }

  function register(shape: Shape): void {
    byHandle.set(shape.handle, shape);
    byDef.set(shape.defKey, shape);
    let set = byTable.get(shape.table.oid);
    if (!set) {
      set = new Set();
      byTable.set(shape.table.oid, set);
    }
    set.add(shape);
  }

  function invalidate(shape: Shape): void {
    if (shape.state === 'invalid') return;
    shape.state = 'invalid';
    shape.buffer = null;
    byHandle.delete(shape.handle);
    if (byDef.get(shape.defKey) === shape) byDef.delete(shape.defKey);
    byTable.get(shape.table.oid)?.delete(shape);
    if (byTable.get(shape.table.oid)?.size === 0) byTable.delete(shape.table.oid);
    shape.log.wake();
  }

  function onRelation(rel: RelationInfo): void {
    const shapes = byTable.get(rel.oid);
    if (!shapes) return;
    for (const s of [...shapes]) {
      const cols = s.table.columns.filter((c) => !c.generated);
      const same =
        rel.schema === s.table.schema &&
        rel.name === s.table.name &&
        rel.columns.length === cols.length &&
        rel.columns.every((c, i) => c.name === cols[i]?.name && c.typeOid === cols[i]?.typeOid);
      if (!same) invalidate(s);
    }
  }

  // ---- replicated transactions → shape logs ----

  function changeMessages(
    s: Shape,
    ch: Exclude<Change, { kind: 'truncate' }>,
    base: { lsn: string; txids: number[] },
    op: number,
  ): Array<{ op: number; msg: Record<string, unknown> }> {
    const relation = [s.table.schema, s.table.name];
    const headers = (operation: string, position: number, extra: Record<string, unknown> = {}) => ({
      operation,
      relation,
      lsn: base.lsn,
      op_position: position,
      txids: base.txids,
      ...extra,
    });
    const key = (row: Row) => rowKey(s.keyPrefix, s.table.keyColumns, row);
    const insert = (row: Row, position: number, extra?: Record<string, unknown>) => ({
      op: position,
      msg: {
        key: key(row),
        value: pick(
          row,
          s.columns.map((c) => c.name),
        ),
        headers: headers('insert', position, extra),
      },
    });
    const del = (row: Row, position: number, extra?: Record<string, unknown>) => ({
      op: position,
      msg: {
        key: key(row),
        value: pick(row, s.def.replica === 'full' ? s.columns.map((c) => c.name) : s.valueKeyColumns),
        headers: headers('delete', position, extra),
      },
    });
    switch (ch.kind) {
      case 'insert':
        return matches(s.where, ch.new) ? [insert(ch.new, op)] : [];
      case 'delete': {
        const old = ch.old ?? ch.key ?? {};
        return ch.old === null || matches(s.where, old) ? [del(old, op)] : [];
      }
      case 'update': {
        const old = ch.old ?? { ...ch.new, ...(ch.key ?? {}) };
        const oldIn = matches(s.where, old);
        const newIn = matches(s.where, ch.new);
        if (oldIn && newIn) {
          const oldKey = key(old);
          const newKey = key(ch.new);
          if (oldKey !== newKey) {
            return [del(old, op, { key_change_to: newKey }), insert(ch.new, op + 1, { key_change_from: oldKey })];
          }
          // Without an old tuple (replica identity not yet FULL) every column counts as changed.
          const changed = s.columns
            .map((c) => c.name)
            .filter((c) => ch.old === null || (old[c] ?? null) !== (ch.new[c] ?? null));
          if (ch.old === null) log(`update without old tuple on ${s.table.name}`);
          if (changed.length === 0) return [];
          const msg: Record<string, unknown> = { key: newKey };
          if (s.def.replica === 'full') {
            msg.value = pick(
              ch.new,
              s.columns.map((c) => c.name),
            );
            msg.old_value = pick(old, changed);
          } else {
            msg.value = pick(ch.new, new Set([...s.valueKeyColumns, ...changed]));
          }
          msg.headers = headers('update', op);
          return [{ op, msg }];
        }
        if (oldIn) return [del(old, op)];
        if (newIn) return [insert(ch.new, op)];
        return [];
      }
    }
  }

  function applyTransaction(tx: Transaction): void {
    const per = new Map<Shape, { entries: Array<{ op: number; msg: Record<string, unknown> }>; truncated: boolean }>();
    const base = { lsn: tx.lsn.toString(), txids: [tx.xid] };
    const slot = (s: Shape) => {
      let p = per.get(s);
      if (!p) {
        p = { entries: [], truncated: false };
        per.set(s, p);
      }
      return p;
    };
    tx.changes.forEach((ch, i) => {
      if (ch.kind === 'truncate') {
        for (const rel of ch.relations) {
          for (const s of [...(byTable.get(rel.oid) ?? [])]) {
            if (s.state === 'ready') invalidate(s);
            else if (s.state === 'snapshotting') slot(s).truncated = true;
          }
        }
        return;
      }
      const shapes = byTable.get(ch.relation.oid);
      if (!shapes) return;
      for (const s of shapes) {
        if (s.state === 'invalid') continue;
        const msgs = changeMessages(s, ch, base, i * 2);
        if (msgs.length > 0) slot(s).entries.push(...msgs);
      }
    });
    for (const [s, p] of per) {
      if (s.state === 'invalid') continue;
      const n = p.entries.length;
      const entries: LogEntry[] = p.entries.map((e, i) => {
        if (i === n - 1) (e.msg.headers as Record<string, unknown>).last = true;
        return { offset: { tx: tx.lsn, op: e.op }, json: JSON.stringify(e.msg), last: i === n - 1 };
      });
      if (s.state === 'snapshotting') s.buffer?.push({ xid: tx.xid, entries, truncated: p.truncated });
      else if (s.seenBySnapshot && xidVisible(tx.xid, s.seenBySnapshot)) continue;
      else {
        s.seenBySnapshot = null;
        s.log.appendTransaction(entries);
      }
    }
    if (tx.lsn > globalLsn) globalLsn = tx.lsn;
  }

  // ---- shape creation and snapshots ----

  async function compile(def: Definition, defKey: string): Promise<Shape> {
    const table = await loadTable(pool, def.schema, def.name);
    if (!table) {
      throw new ValidationError(
        'table',
        `Table ${qualifiedName(def)} does not exist. If the table name contains capitals or special characters you must quote it.`,
      );
    }
    let columns: ColumnInfo[];
    if (def.columns !== null) {
      const names = parseIdentifierList(def.columns, ',');
      if (!Array.isArray(names)) throw new ValidationError('columns', names.error);
      const missing = names.filter((n) => !table.byName.has(n));
      if (missing.length > 0)
        throw new ValidationError('columns', `The following columns could not be found: ${missing.join(', ')}`);
      columns = [...new Set(names)].map((n) => table.byName.get(n) as ColumnInfo);
      const gen = columns.filter((c) => c.generated);
      if (gen.length > 0)
        throw new ValidationError(
          'columns',
          `The following columns are generated and cannot be included in the shape: ${gen.map((c) => c.name).join(', ')}`,
        );
      if (table.hasPrimaryKey) {
        const missingPk = table.keyColumns.filter((k) => !names.includes(k));
        if (missingPk.length > 0)
          throw new ValidationError(
            'columns',
            `The list of columns must include all primary key columns, missing: ${missingPk.join(', ')}`,
          );
      }
    } else {
      columns = table.columns.filter((c) => !c.generated);
    }
    let where: Expr | null = null;
    if (def.where !== null && def.where.trim() !== '') {
      try {
        where = await compileWhere(def.where, table, def.params, pool);
      } catch (err) {
        if (err instanceof WhereError) throw new ValidationError('where', err.message);
        throw err;
      }
      const gen = [...referencedColumns(where)].filter((c) => table.byName.get(c)?.generated);
      if (gen.length > 0) throw new ValidationError('where', `generated columns cannot be used: ${gen.join(', ')}`);
    }
    if (opts.setReplicaIdentityFull !== false && !table.replicaIdentityFull) {
      await pool.query(`ALTER TABLE ${qualifiedName(table)} REPLICA IDENTITY FULL`);
    }
    return {
      handle: newHandle(defKey),
      defKey,
      def,
      table,
      columns,
      valueKeyColumns: table.hasPrimaryKey ? table.keyColumns : columns.map((c) => c.name),
      where,
      schemaJson: schemaHeader(columns),
      relationJson: JSON.stringify([table.schema, table.name]),
      keyPrefix: keyPrefix(table),
      log: new ShapeLog(chunkBytes),
      state: 'snapshotting',
      buffer: [],
      seenBySnapshot: null,
      snapshot: Promise.resolve(),
      snapshotError: undefined,
      lastUsed: Date.now(),
    };
  }

  async function runSnapshot(s: Shape): Promise<void> {
    const client = await pool.connect();
    let snap: { xmin: bigint; xmax: bigint; xip: Set<bigint>; text: string[] };
    const chunks: string[][] = [];
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(
        `SELECT ${TEXT_SETTINGS.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
        TEXT_SETTINGS.flat(),
      );
      const { rows } = await client.query<{ s: string }>('SELECT pg_current_snapshot()::text AS s');
      const [xmin, xmax, xip] = (rows[0] as { s: string }).s.split(':') as [string, string, string];
      const xipList = xip ? xip.split(',') : [];
      snap = {
        xmin: BigInt(xmin),
        xmax: BigInt(xmax),
        xip: new Set(xipList.map(BigInt)),
        text: [xmin, xmax, ...xipList],
      };
      if (s.def.mode === 'full') {
        const select = [...new Set([...s.columns.map((c) => c.name), ...s.table.keyColumns])];
        const binds: unknown[] = [];
        const where = s.where ? ` WHERE ${renderSql(s.where, binds)}` : '';
        await client.query(
          `DECLARE shape_snapshot NO SCROLL CURSOR FOR SELECT ${select.map(quoteIdent).join(', ')} FROM ${qualifiedName(s.table)}${where}`,
          binds,
        );
        const names = s.columns.map((c) => c.name);
        const prefix = `,"headers":{"operation":"insert","relation":${s.relationJson}}}`;
        let chunk: string[] = [];
        let bytes = 0;
        for (;;) {
          const res = await client.query({
            text: `FETCH ${Math.max(1, Math.min(chunkRows, 10_000))} FROM shape_snapshot`,
            rowMode: 'array',
            types: identityTypes,
          });
          for (const r of res.rows as Array<Array<string | null>>) {
            const row: Row = {};
            select.forEach((c, i) => {
              row[c] = r[i] ?? null;
            });
            const line = `{"key":${JSON.stringify(rowKey(s.keyPrefix, s.table.keyColumns, row))},"value":${JSON.stringify(pick(row, names))}${prefix}`;
            chunk.push(line);
            bytes += line.length;
            if (chunk.length >= chunkRows || bytes >= chunkBytes) {
              chunks.push(chunk);
              chunk = [];
              bytes = 0;
            }
          }
          if (res.rows.length === 0) break;
        }
        chunks.push(chunk);
        const [xminT, xmaxT, ...xipT] = snap.text;
        chunks[chunks.length - 1]?.push(
          JSON.stringify({ headers: { control: 'snapshot-end', xmin: xminT, xmax: xmaxT, xip_list: xipT } }),
        );
      } else {
        chunks.push([]);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
    if (s.state === 'invalid') return;
    s.log.setSnapshot(chunks);
    s.seenBySnapshot = snap;
    for (const tx of s.buffer ?? []) {
      if (xidVisible(tx.xid, snap)) continue;
      s.seenBySnapshot = null;
      if (tx.truncated) {
        invalidate(s);
        return;
      }
      s.log.appendTransaction(tx.entries);
    }
    s.buffer = null;
    s.state = 'ready';
  }

  async function resolveShape(def: Definition): Promise<Shape> {
    const defKey = JSON.stringify(def);
    const existing = byDef.get(defKey);
    if (existing) return existing;
    const inFlight = pending.get(defKey);
    if (inFlight) return inFlight;
    const p = (async () => {
      const shape = await compile(def, defKey);
      if (closed) throw new Error('shape service closed');
      register(shape);
      shape.snapshot = runSnapshot(shape).catch((err) => {
        shape.snapshotError = err;
        log('shape snapshot failed', err);
        invalidate(shape);
      });
      return shape;
    })();
    pending.set(defKey, p);
    try {
      return await p;
    } finally {
      pending.delete(defKey);
    }
  }

  // ---- request handling ----

  function parseDefinition(q: Record<string, unknown>): Definition | ValidationError {
    const tableParam = first(q.table);
    if (tableParam === undefined || tableParam === '') return new ValidationError('table', "can't be blank");
    const parts = parseIdentifierList(tableParam, '.');
    if (!Array.isArray(parts)) return new ValidationError('table', parts.error);
    if (parts.length > 2) return new ValidationError('table', 'Invalid table name: too many parts');
    const [schema, name] = parts.length === 2 ? (parts as [string, string]) : ['public', parts[0] as string];
    const replica = first(q.replica) ?? 'default';
    if (replica !== 'default' && replica !== 'full') return new ValidationError('replica', 'is invalid');
    const mode = first(q.log) ?? 'full';
    if (mode !== 'full' && mode !== 'changes_only') return new ValidationError('log', 'is invalid');
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(q)) {
      const m = /^params\[(.*)\]$/.exec(k);
      if (m) params[m[1] as string] = first(v) ?? '';
    }
    if (q.params && typeof q.params === 'object' && !Array.isArray(q.params)) {
      for (const [k, v] of Object.entries(q.params as Record<string, unknown>)) params[k] = first(v) ?? '';
    } else if (typeof q.params === 'string' && q.params !== '') {
      return new ValidationError('params', 'Parameters must be numbered sequentially, starting from 1');
    }
    const paramError = checkParamKeys(Object.keys(params));
    if (paramError) return new ValidationError('params', paramError);
    const sortedParams: Record<string, string> = {};
    for (const k of Object.keys(params).sort((a, b) => Number(a) - Number(b))) sortedParams[k] = params[k] as string;
    const columns = first(q.columns);
    if (columns !== undefined && columns.trim() === '')
      return new ValidationError('columns', 'Invalid zero-length delimited identifier');
    return {
      schema,
      name,
      where: first(q.where) ?? null,
      params: sortedParams,
      columns: columns ?? null,
      replica,
      mode,
    };
  }

  async function handle(req: ShapeRequest): Promise<ShapeResponse> {
    const origin = first(req.headers?.origin);
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') {
      const headers: Record<string, string> = { ...baseHeaders(origin), 'access-control-max-age': '86400' };
      const requested = first(req.headers?.['access-control-request-headers']);
      if (requested) {
        const allowed = requested
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter((h) => h === 'if-none-match' || h === 'traceparent');
        if (allowed.length > 0) headers['access-control-allow-headers'] = allowed.join(', ');
      }
      return { status: 204, headers, body: '' };
    }
    if (method !== 'GET' && method !== 'HEAD') return json(405, { message: `${method} not allowed` }, origin);
    const q = req.query;
    const offsetParam = first(q.offset);
    if (offsetParam === undefined || offsetParam === '') return invalid('offset', "can't be blank", origin);
    const offset = parseOffset(offsetParam);
    if (!offset) return invalid('offset', 'has invalid format', origin);
    const handleParam = first(q.handle);
    if (offset.kind === 'at' && !handleParam) return invalid('handle', "can't be blank when offset != -1", origin);
    const liveParam = first(q.live);
    const live = liveParam !== undefined && liveParam !== 'false';
    if (live && offset.kind === 'before-all') return invalid('live', "can't be true when offset == -1", origin);
    if (live && offset.kind === 'now') return invalid('live', "can't be true when offset is 'now'", origin);
    const sseParam = first(q.live_sse) ?? first(q.experimental_live_sse);
    if (sseParam !== undefined && sseParam !== 'false' && !live)
      return invalid('live_sse', "can't be true unless live is also true", origin);
    const def = parseDefinition(q);
    if (def instanceof ValidationError) return invalid(def.field, def.message, origin);
    if (closed) return unavailable('The shape service is shutting down', 1, origin);
    if (!started) return unavailable('The shape service is starting', 1, origin);

    let shape: Shape;
    try {
      shape = await resolveShape(def);
    } catch (err) {
      if (err instanceof ValidationError) return invalid(err.field, err.message, origin);
      log('shape creation failed', err);
      return unavailable('Shape creation failed', 1, origin);
    }
    if (offset.kind === 'at' && handleParam !== shape.handle) return mustRefetch(shape.handle, origin);
    shape.lastUsed = Date.now();
    await shape.snapshot;
    if (shape.snapshotError !== undefined) return unavailable('Snapshot failed; retry shortly', 1, origin);
    if (shape.state === 'invalid') return refetch(def, origin);

    const cursor = live ? nextCursor(first(q.cursor), Math.max(1, Math.round(longPollMs / 1000))) : undefined;
    const respond = (items: string[], end: LogOffset, withUpToDate: boolean, cache: string, noData: boolean) => {
      const headers: Record<string, string> = {
        ...baseHeaders(origin),
        'content-type': 'application/json; charset=utf-8',
        'cache-control': cache,
        'electric-handle': shape.handle,
        'electric-offset': formatOffset(end),
        'electric-has-data': items.length > 0 ? 'true' : 'false',
      };
      if (!live) headers['electric-schema'] = shape.schemaJson;
      if (cursor !== undefined) headers['electric-cursor'] = cursor;
      if (withUpToDate) headers['electric-up-to-date'] = '';
      let etag = `"${shape.handle}:${offsetParam}:${formatOffset(end)}`;
      if (noData) etag += `:${Date.now()}${seq++}`;
      headers.etag = `${etag}"`;
      const body = withUpToDate ? [...items, upToDate(reportedLsn(shape))] : items;
      const inm = first(req.headers?.['if-none-match']);
      if (inm !== undefined && inm === headers.etag) return { status: 304, headers, body: '' };
      return { status: 200, headers, body: `[${body.join(',')}]` };
    };

    if (offset.kind === 'before-all') {
      const r = shape.log.snapshotChunk(0);
      return respond(r.items, r.offset, false, CACHE.initial, false);
    }
    if (offset.kind === 'now') return respond([], shape.log.tail, true, CACHE.catchUp, true);
    const at = offset.offset;
    if (shape.log.isInsideSnapshot(at)) {
      const r = shape.log.snapshotChunk(at.op + 1);
      return respond(r.items, r.offset, false, CACHE.catchUp, false);
    }
    const tail = shape.log.tail;
    if (compareOffsets(at, tail) > 0 && at.tx > globalLsn)
      return invalid('offset', 'out of bounds for this shape', origin);
    let r = shape.log.readAfter(at);
    if (r.items.length === 0 && live) {
      await shape.log.wait(longPollMs, req.signal);
      if ((shape.state as Shape['state']) === 'invalid' || closed)
        return closed ? unavailable('closing', 1, origin) : refetch(def, origin);
      r = shape.log.readAfter(at);
    }
    return respond(r.items, r.offset, r.reachedTail, live ? CACHE.live : CACHE.catchUp, r.items.length === 0);
  }

  /** Global progress for up-to-date messages: never below the shape's own tail. */
  function reportedLsn(shape: Shape): bigint {
    const t = shape.log.tail.tx;
    return t > globalLsn ? t : globalLsn;
  }

  async function refetch(def: Definition, origin: string | undefined): Promise<ShapeResponse> {
    try {
      const next = await resolveShape(def);
      return mustRefetch(next.handle, origin);
    } catch {
      return mustRefetch(undefined, origin);
    }
  }

  return {
    handle: async (req) => {
      try {
        return await handle(req);
      } catch (err) {
        log('shape request failed', err);
        return unavailable('Temporarily unavailable', 1, first(req.headers?.origin));
      }
    },
    ready: () => startPromise,
    stats: () => {
      let bytes = 0;
      let waiters = 0;
      for (const s of byHandle.values()) {
        bytes += s.log.approxBytes + 1024 + s.schemaJson.length * 2;
        waiters += s.log.waiterCount;
      }
      return {
        shapes: byHandle.size,
        approxBytes: bytes,
        waiters,
        globalLsn: globalLsn.toString(),
        connected: replication.isConnected,
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      if (evictTimer) clearInterval(evictTimer);
      for (const s of [...byHandle.values()]) s.log.wake();
      await startPromise.catch(() => {});
      let t = Date.now();
      await replication.close(true);
      log(`replication closed in ${Date.now() - t} ms`);
      t = Date.now();
      await pool.end();
      log(`pool ended in ${Date.now() - t} ms`);
    },
  };
}
