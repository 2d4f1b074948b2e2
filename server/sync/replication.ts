/**
 * One logical replication stream per service (pgoutput, text mode) over `pg-logical-replication`.
 * Creates the publication (FOR ALL TABLES) if missing and a slot per service instance (dropped on
 * close). Delivers whole committed transactions in commit order. Reconnects after connection loss;
 * if the slot survived, streaming resumes from the last acknowledged commit (continuity proven,
 * already-seen commits skipped); otherwise `onContinuityLost` fires and a new slot is created.
 */

import type pg from 'pg';
import { LogicalReplicationService, type Pgoutput, PgoutputPlugin } from 'pg-logical-replication';
import { bigIntToLsn, lsnToBigInt } from './offsets';
import { type Row, textSettingsOptions } from './values';

export interface RelationInfo {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  readonly columns: ReadonlyArray<{ name: string; typeOid: number }>;
}

export type Change =
  | { kind: 'insert'; relation: RelationInfo; new: Row }
  | { kind: 'update'; relation: RelationInfo; old: Row | null; key: Row | null; new: Row }
  | { kind: 'delete'; relation: RelationInfo; old: Row | null; key: Row | null }
  | { kind: 'truncate'; relations: RelationInfo[] };

export interface Transaction {
  /** 32-bit xid from the Begin message. */
  readonly xid: number;
  /** Commit LSN as an integer. */
  readonly lsn: bigint;
  readonly changes: Change[];
}

export interface ReplicationHandlers {
  onTransaction(tx: Transaction): void;
  onRelation(rel: RelationInfo): void;
  /** The stream cannot prove it saw every commit since the last one processed. */
  onContinuityLost(): void;
  onStateChange?(connected: boolean): void;
  log?(msg: string, err?: unknown): void;
}

export interface ReplicationOptions {
  connectionString: string;
  pool: pg.Pool;
  slotName: string;
  publicationName: string;
  reconnectDelayMs?: number;
}

const identity = (v: unknown) => v;

function toRelation(r: Pgoutput.MessageRelation): RelationInfo {
  return {
    oid: r.relationOid,
    schema: r.schema,
    name: r.name,
    columns: r.columns.map((c) => ({ name: c.name, typeOid: c.typeOid })),
  };
}

function toRow(t: Record<string, unknown> | null): Row | null {
  if (!t) return null;
  const out: Row = {};
  for (const [k, v] of Object.entries(t)) {
    if (v === undefined) continue;
    out[k] = v === null ? null : typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString() : String(v);
  }
  return out;
}

export class ReplicationStream {
  private service: LogicalReplicationService | null = null;
  private current: { xid: number; lsn: bigint; changes: Change[] } | null = null;
  private relations = new Map<number, RelationInfo>();
  /** Commit LSN of the last transaction handed to onTransaction (or the slot's start point). */
  lastCommitLsn = 0n;
  /** LSN acknowledged to Postgres (end of the last processed commit). */
  private ackLsn = 0n;
  private closed = false;
  private connected = false;
  private reconnecting = false;
  private generation = 0;
  private readyResolve: (() => void) | null = null;
  readonly ready: Promise<void>;

  constructor(
    private readonly opts: ReplicationOptions,
    private readonly handlers: ReplicationHandlers,
  ) {
    this.ready = new Promise((r) => {
      this.readyResolve = r;
    });
  }

  get isConnected(): boolean {
    return this.connected;
  }

  async start(): Promise<void> {
    await this.ensurePublication();
    await this.createSlot();
    await this.subscribe();
  }

  private async ensurePublication(): Promise<void> {
    const { rows } = await this.opts.pool.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [
      this.opts.publicationName,
    ]);
    if (rows.length > 0) return;
    try {
      await this.opts.pool.query(
        `CREATE PUBLICATION "${this.opts.publicationName.replace(/"/g, '""')}" FOR ALL TABLES`,
      );
    } catch (err) {
      // Another instance may have created it concurrently.
      if ((err as { code?: string }).code !== '42710') throw err;
    }
  }

  private async createSlot(): Promise<void> {
    // A service that was killed (kill -9, power loss) leaves its slot behind, pinning WAL forever.
    // Inactive shape-service slots of this database belong to no running service: drop them.
    await this.opts.pool
      .query(
        `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
         WHERE database = current_database() AND NOT active AND slot_name LIKE 'shapes\\_%' AND slot_name <> $1`,
        [this.opts.slotName],
      )
      .catch(() => undefined);
    const { rows } = await this.opts.pool.query<{ lsn: string }>(
      `SELECT lsn::text AS lsn FROM pg_create_logical_replication_slot($1, 'pgoutput')`,
      [this.opts.slotName],
    );
    const lsn = lsnToBigInt((rows[0] as { lsn: string }).lsn);
    if (lsn > this.lastCommitLsn) this.lastCommitLsn = lsn;
    this.ackLsn = lsn;
  }

  private async slotExists(): Promise<boolean> {
    const { rows } = await this.opts.pool.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [
      this.opts.slotName,
    ]);
    return rows.length > 0;
  }

  private async subscribe(): Promise<void> {
    const gen = ++this.generation;
    const service = new LogicalReplicationService(
      { connectionString: this.opts.connectionString, options: textSettingsOptions() },
      { acknowledge: { auto: false, timeoutSeconds: 0 } },
    );
    const plugin = new PgoutputPlugin({ protoVersion: 1, publicationNames: [this.opts.publicationName] });
    // Keep values as Postgres text output: replace each relation's per-column parsers.
    const parser = (plugin as unknown as { parser: { parse(buf: Buffer): Pgoutput.Message } }).parser;
    const parse = parser.parse.bind(parser);
    parser.parse = (buf: Buffer) => {
      const msg = parse(buf);
      if (msg.tag === 'relation') for (const c of msg.columns) c.parser = identity;
      return msg;
    };
    this.service = service;
    this.current = null;
    let ended = false;
    const onEnd = (err?: unknown) => {
      if (ended || gen !== this.generation) return;
      ended = true;
      this.setConnected(false);
      if (err) this.handlers.log?.('replication stream ended', err);
      void service.destroy().catch(() => {});
      if (!this.closed) void this.reconnect();
    };
    service.on('data', (_lsn: string, msg: Pgoutput.Message) => {
      try {
        this.onMessage(msg);
      } catch (err) {
        this.handlers.log?.('replication message failed', err);
      }
    });
    service.on('heartbeat', (lsn: string, _ts: number, shouldRespond: boolean) => {
      // Between transactions everything the walsender sent has been processed, so its position can
      // be confirmed (Postgres waits for this at shutdown, and it keeps the slot from pinning WAL).
      if (this.current === null) {
        const pos = lsnToBigInt(lsn);
        if (pos > this.ackLsn) this.ackLsn = pos;
      }
      if (shouldRespond) this.confirm(service);
    });
    service.on('error', (err: Error) => onEnd(err));
    service.on('start', () => {
      this.setConnected(true);
      this.readyResolve?.();
      this.readyResolve = null;
    });
    const started = service.subscribe(plugin, this.opts.slotName, bigIntToLsn(this.ackLsn));
    started.then(
      () => onEnd(),
      (err) => onEnd(err),
    );
    // Wait until streaming started (or the first attempt failed).
    await new Promise<void>((resolve, reject) => {
      service.once('start', () => resolve());
      started.catch(reject);
    });
  }

  private setConnected(c: boolean): void {
    if (this.connected === c) return;
    this.connected = c;
    this.handlers.onStateChange?.(c);
  }

  private async reconnect(): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    try {
      while (!this.closed) {
        await new Promise((r) => setTimeout(r, this.opts.reconnectDelayMs ?? 300));
        if (this.closed) return;
        try {
          if (!(await this.slotExists())) {
            this.handlers.log?.('replication slot lost; invalidating shapes');
            this.handlers.onContinuityLost();
            await this.createSlot();
          }
          await this.subscribe();
          return;
        } catch (err) {
          this.handlers.log?.('replication reconnect failed', err);
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }

  private onMessage(msg: Pgoutput.Message): void {
    switch (msg.tag) {
      case 'begin':
        this.current = { xid: msg.xid, lsn: lsnToBigInt(msg.commitLsn ?? '0/0'), changes: [] };
        return;
      case 'relation': {
        const rel = toRelation(msg);
        this.relations.set(rel.oid, rel);
        this.handlers.onRelation(rel);
        return;
      }
      case 'insert':
        this.current?.changes.push({ kind: 'insert', relation: this.rel(msg.relation), new: toRow(msg.new) as Row });
        return;
      case 'update':
        this.current?.changes.push({
          kind: 'update',
          relation: this.rel(msg.relation),
          old: toRow(msg.old),
          key: toRow(msg.key),
          new: toRow(msg.new) as Row,
        });
        return;
      case 'delete':
        this.current?.changes.push({
          kind: 'delete',
          relation: this.rel(msg.relation),
          old: toRow(msg.old),
          key: toRow(msg.key),
        });
        return;
      case 'truncate':
        this.current?.changes.push({ kind: 'truncate', relations: msg.relations.map((r) => this.rel(r)) });
        return;
      case 'commit': {
        const tx = this.current;
        this.current = null;
        if (!tx) return;
        const endLsn = lsnToBigInt(msg.commitEndLsn ?? '0/0');
        if (tx.lsn > this.lastCommitLsn) {
          this.handlers.onTransaction(tx);
          this.lastCommitLsn = tx.lsn;
        }
        if (endLsn > this.ackLsn) {
          this.ackLsn = endLsn;
          if (this.service) this.confirm(this.service);
        }
        return;
      }
      default:
        return;
    }
  }

  /**
   * Standby status update confirming `ackLsn` exactly (the library reports `lsn + 1`; Postgres'
   * shutdown waits for the confirmed position to equal what it sent).
   */
  private confirm(service: LogicalReplicationService): void {
    const at = this.ackLsn > 0n ? this.ackLsn - 1n : 0n;
    void service.acknowledge(bigIntToLsn(at)).catch(() => {});
  }

  private rel(r: Pgoutput.MessageRelation): RelationInfo {
    return this.relations.get(r.relationOid) ?? toRelation(r);
  }

  async close(dropSlot = true): Promise<void> {
    this.closed = true;
    this.generation++;
    const service = this.service;
    this.service = null;
    await service?.destroy().catch(() => {});
    this.setConnected(false);
    if (dropSlot) {
      // The walsender may take a moment to release the slot.
      for (let i = 0; i < 20; i++) {
        try {
          await this.opts.pool.query(
            'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1',
            [this.opts.slotName],
          );
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }
  }
}
