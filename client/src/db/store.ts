/**
 * The device's local-first store: PGlite holding the biz's synced shapes, a pending overlay for
 * optimistic writes, and the outbox that carries every mutation to the server in order.
 *
 * Lifecycle of a mutation: `mutate()` runs the shared mutator against the overlay and appends it to
 * the outbox (pending) in one local transaction → `push()` sends pending mutations in order →
 * applied (with the server's txid) or rejected (kept, with its error, for the conflict inbox) →
 * `reconcile()` marks an applied mutation confirmed once its txid has arrived through sync and
 * been applied locally → `rebase()` rebuilds the overlay by replaying what is still unconfirmed on
 * top of the synced rows. Nothing is dropped silently; rejected mutations stay until resolved.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { AppError, type WireError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { MUTATORS } from '../../../shared/mutators';
import type { MutatorActor, MutatorContext, SqlTx } from '../../../shared/mutators/types';
import { can } from '../../../shared/permissions';
import { TABLES_BY_NAME } from '../../../shared/schema/registry';
import { localSchemaStatements } from './local-schema';
import { createMultiplexFetch, type MultiplexFetch } from './multiplex';

interface SyncHandle {
  unsubscribe(): void;
  readonly isUpToDate: boolean;
  /** The Electric stream of each shape (pglite-sync exposes them; used to cut a backoff short). */
  readonly streams?: Record<string, { forceDisconnectAndRefresh(): Promise<void> }>;
}

interface SyncApi {
  syncShapesToTables(opts: {
    key: string | null;
    shapes: Record<string, { shape: Record<string, unknown>; table: string; primaryKey: string[] }>;
    onInitialSync?: () => void;
    onError?: (error: Error) => void;
  }): Promise<SyncHandle>;
}
export type SyncedPGlite = PGlite & { sync: SyncApi };

export type OutboxStatus = 'pending' | 'applied' | 'confirmed' | 'rejected' | 'resolved';

export interface OutboxRow {
  mutation_id: number;
  name: string;
  args: Record<string, unknown>;
  depends_on: number[];
  device_time: Date;
  offline: boolean;
  status: OutboxStatus;
  txid: string | null;
  acked_at: Date | null;
  error: WireError | null;
  local_error: WireError | null;
}

export interface StoreState {
  online: boolean;
  initialSyncDone: boolean;
  pending: number;
  rejected: number;
  lastSyncedAt: Date | null;
  lastPushError: string | null;
  /** Server clock minus device clock, when measured (a large value is shown as a warning). */
  clockSkewMs: number | null;
  /** Initial sync progress: shapes up to date / all shapes, and rows received so far. */
  tablesSynced: number;
  tablesTotal: number;
  rowsReceived: number;
}

export interface LocalStoreOptions {
  pg: SyncedPGlite;
  actor: MutatorActor;
  /** Origin of the API, e.g. `location.origin`. */
  baseUrl: string;
  fetch?: typeof fetch;
  shapes: readonly string[];
  /** Carry all shape requests over one batched connection (browsers: see multiplex.ts). */
  multiplex?: boolean;
  /** Applied mutations whose txid never shows up in this device's shapes are confirmed after this. */
  confirmAfterMs?: number;
  onState?(state: StoreState): void;
  /** The server revoked this device: the app must wipe local data. */
  onRevoked?(): void;
  /** The session expired: ask for sign-in; queued work is kept. */
  onSignedOut?(): void;
}

const PUSH_BATCH = 50;

/**
 * Shape retries while the link is down: bounded, so a stream is never asleep for long when the
 * network returns (Electric's default grows to 32 s). The multiplexed transport paces the device
 * as a whole (multiplex.ts), and reconnect() cuts any remaining wait short.
 */
const SHAPE_BACKOFF = { initialDelay: 250, maxDelay: 2_000, multiplier: 2 };

/** Replication lag allowed between a commit's answer and the shape service knowing its LSN. */
const REPLICATION_ALLOWANCE_MS = 1_000;

/** Ids a mutation creates: its `id`-like string arguments (top level and one level down). */
function mentionedIds(args: unknown): Set<string> {
  const ids = new Set<string>();
  const visit = (v: unknown, depth: number) => {
    if (typeof v === 'string' && /^[a-z]{2,5}_[0-9A-HJKMNP-TV-Z]{26}$/.test(v)) ids.add(v);
    else if (v && typeof v === 'object' && depth < 3) for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(args, 0);
  return ids;
}

export class LocalStore {
  private readonly opts: Required<Pick<LocalStoreOptions, 'confirmAfterMs'>> & LocalStoreOptions;
  private readonly fetchFn: typeof fetch;
  private readonly shapeTransport: typeof fetch | MultiplexFetch;
  private syncHandle: SyncHandle | undefined;
  /**
   * Recent up-to-date answers: when the request was sent and the server's LSN it reported. Once
   * sync has applied an LSN reported by a request sent after a commit's answer, everything that
   * commit wrote to this device's shapes is on the device.
   */
  private syncMarks: { sentAt: number; lsn: bigint }[] = [];
  private pushing: Promise<void> | undefined;
  private pushTimer: ReturnType<typeof setTimeout> | undefined;
  private confirmTimer: ReturnType<typeof setInterval> | undefined;
  private backoffMs = 0;
  private reconnectedAt = 0;
  private stopped = false;
  state: StoreState = {
    online: true,
    initialSyncDone: false,
    pending: 0,
    rejected: 0,
    lastSyncedAt: null,
    lastPushError: null,
    clockSkewMs: null,
    tablesSynced: 0,
    tablesTotal: 0,
    rowsReceived: 0,
  };
  private readonly upToDate = new Set<string>();

  constructor(opts: LocalStoreOptions) {
    this.opts = { confirmAfterMs: 15_000, ...opts };
    this.state.tablesTotal = opts.shapes.length;
    this.fetchFn = opts.fetch ?? globalThis.fetch.bind(globalThis);
    this.shapeTransport = opts.multiplex
      ? createMultiplexFetch({
          batchUrl: `${opts.baseUrl}/api/shapes/batch`,
          clientId: opts.actor.deviceId,
          fetch: this.fetchFn,
        })
      : this.fetchFn;
  }

  get pg(): SyncedPGlite {
    return this.opts.pg;
  }

  get bizId(): string {
    return this.opts.actor.bizId;
  }

  private get subscriptionKey(): string {
    return `bizing:${this.opts.actor.bizId}:${this.opts.actor.userId}`;
  }

  /** Creates the local schema (idempotent). */
  async init(): Promise<void> {
    const tables = this.opts.shapes.map((name) => {
      const table = TABLES_BY_NAME.get(name);
      if (!table) throw new Error(`unknown shape table ${name}`);
      return table;
    });
    await this.pg.transaction(async (tx) => {
      for (const statement of localSchemaStatements(tables)) await tx.exec(statement);
    });
    await this.refreshCounts();
  }

  /** Starts syncing every shape; resumes from stored offsets after a reload. */
  async startSync(): Promise<void> {
    const shapes: Record<string, { shape: Record<string, unknown>; table: string; primaryKey: string[] }> = {};
    for (const name of this.opts.shapes) {
      shapes[name] = {
        shape: {
          url: `${this.opts.baseUrl}/api/shapes/${name}`,
          params: { client_id: this.opts.actor.deviceId },
          fetchClient: this.shapeFetch,
          backoffOptions: SHAPE_BACKOFF,
        },
        table: `${name}_synced`,
        primaryKey: ['id'],
      };
    }
    this.syncHandle = await this.pg.sync.syncShapesToTables({
      key: this.subscriptionKey,
      shapes,
      onInitialSync: () => {
        // "Synced" is only claimed once the data is durably on the device (IndexedDB flushed).
        this.quietly(
          this.flush().then(() => {
            this.state.initialSyncDone = true;
            this.state.lastSyncedAt = new Date();
            this.emit();
            // PGlite never autovacuums: without statistics the dashboard's joins (same SQL as the server's) plan badly.
            return this.reconcile().then(() => this.pg.exec('ANALYZE'));
          }),
        );
      },
      onError: (err) => this.noteNetworkError(err),
    });
  }

  /** Shape requests go through here: note txids (to confirm our own writes) and connectivity. */
  private readonly shapeFetch: typeof fetch = async (input, init) => {
    // After stop() the stream is being torn down: wait for its abort instead of failing loudly.
    if (this.stopped) return new Promise<Response>(() => undefined);
    const sentAt = Date.now();
    let res: Response;
    try {
      res = await this.shapeTransport(input, init);
    } catch (err) {
      // A stream cancelling its own request is not the network going away.
      if (!(err instanceof DOMException && err.name === 'AbortError')) this.noteNetworkError(err as Error);
      throw err;
    }
    this.setOnline(true);
    if (res.status === 401) this.handleUnauthorized(await res.clone().text());
    if (res.ok) {
      const text = await res.clone().text();
      this.quietly(this.noteTxids(text));
      if (!this.state.initialSyncDone) this.state.rowsReceived += text.split('"key":').length - 1;
      if (res.headers.has('electric-up-to-date')) {
        const reported = /"global_last_seen_lsn":"(\d+)"/.exec(text)?.[1];
        if (reported) this.noteSyncMark(sentAt, BigInt(reported));
        const table = new URL(String(input instanceof Request ? input.url : input)).pathname.split('/').pop() ?? '';
        this.upToDate.add(table);
        this.state.tablesSynced = this.upToDate.size;
        this.state.lastSyncedAt = new Date();
        setTimeout(() => this.quietly(this.reconcile()), 50);
      }
    }
    return res;
  };

  private noteSyncMark(sentAt: number, lsn: bigint) {
    this.syncMarks.push({ sentAt, lsn });
    if (this.syncMarks.length > 256) this.syncMarks.splice(0, this.syncMarks.length - 256);
  }

  /** The lowest LSN the server reported to a request sent at or after `time` (none yet: undefined). */
  private reportedSince(time: number): bigint | undefined {
    let low: bigint | undefined;
    for (const m of this.syncMarks) if (m.sentAt >= time && (low === undefined || m.lsn < low)) low = m.lsn;
    return low;
  }

  private async noteTxids(body: string) {
    if (this.stopped || !body.includes('"txids"')) return;
    try {
      const messages = JSON.parse(body) as { headers?: { txids?: number[]; lsn?: string } }[];
      const seen = new Map<string, string>();
      for (const m of messages) {
        const lsn = m.headers?.lsn;
        for (const txid of m.headers?.txids ?? []) if (lsn) seen.set(String(txid), lsn);
      }
      for (const [txid, lsn] of seen) {
        await this.pg.query('INSERT INTO sync_txids (txid, lsn) VALUES ($1, $2) ON CONFLICT (txid) DO NOTHING', [
          txid,
          lsn,
        ]);
      }
    } catch {
      // A body we cannot read is the sync layer's business; confirmation falls back to the timeout.
    }
  }

  /**
   * Runs a mutation locally (optimistic) and queues it. Throws the mutator's error when it cannot
   * apply even locally (e.g. checking in a booking that is already checked in on this device).
   */
  async mutate(name: string, rawArgs: unknown): Promise<{ mutationId: number }> {
    const mutator = MUTATORS.get(name);
    if (!mutator) throw new AppError('unknown_mutation');
    if (!can(this.opts.actor.role, mutator.action)) throw new AppError('forbidden');
    const parsed = mutator.args.safeParse(rawArgs);
    if (!parsed.success) {
      throw new AppError('validation_failed', undefined, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const args = JSON.parse(JSON.stringify(rawArgs)) as Record<string, unknown>;
    const deviceTime = new Date();
    if (globalThis.navigator?.onLine === false) this.setOnline(false);
    const result = await this.pg.transaction(async (tx) => {
      await mutator.run(this.context(tx, deviceTime), parsed.data);
      const { rows } = await tx.query<{ next: number }>('SELECT coalesce(max(mutation_id), 0) + 1 AS next FROM outbox');
      const mutationId = Number(rows[0]!.next);
      const dependsOn = await this.dependencies(tx, args);
      await tx.query(
        `INSERT INTO outbox (mutation_id, name, args, depends_on, device_time, offline)
         VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6)`,
        [mutationId, name, JSON.stringify(args), JSON.stringify(dependsOn), deviceTime, !this.state.online],
      );
      return { mutationId };
    });
    // The change must survive the tab closing right now: wait until it is on disk.
    await this.flush();
    await this.refreshCounts();
    this.schedulePush(0);
    return result;
  }

  /** Earlier unconfirmed mutations that created a row this one refers to. */
  private async dependencies(tx: Transaction, args: Record<string, unknown>): Promise<number[]> {
    const refs = mentionedIds(args);
    const { rows } = await tx.query<{ mutation_id: number; args: Record<string, unknown> }>(
      "SELECT mutation_id, args FROM outbox WHERE status IN ('pending', 'applied', 'rejected') ORDER BY mutation_id",
    );
    return rows
      .filter((r) => typeof r.args.id === 'string' && refs.has(r.args.id as string))
      .map((r) => Number(r.mutation_id));
  }

  private context(tx: Transaction, now: Date): MutatorContext {
    return {
      tx: tx as unknown as SqlTx,
      env: 'client',
      actor: this.opts.actor,
      now,
      afterCommit: () => undefined,
    };
  }

  /**
   * Waits until everything written so far is persisted (IndexedDB in browsers). PGlite's own
   * `syncToFs()` returns at once when a relaxed background sync is already scheduled, so this asks
   * the filesystem itself, which resolves only when the data is stored.
   */
  async flush(): Promise<void> {
    const pg = this.pg as unknown as {
      fs?: { syncToFs(relaxed?: boolean): Promise<void> };
      syncToFs?(relaxed?: boolean): Promise<void>;
    };
    if (pg.fs?.syncToFs) await pg.fs.syncToFs(false);
    else await pg.syncToFs?.(false);
  }

  /** Keeps a photo of a job on the device (durably) and uploads it when there is a connection. */
  async addPhoto(unitId: string, contentType: string, data: Uint8Array, caption?: string): Promise<string> {
    const id = newId('fulfillment_photos');
    await this.pg.query(
      'INSERT INTO job_photos (id, fulfillment_unit_id, content_type, data, caption, taken_at) VALUES ($1, $2, $3, $4, $5, now())',
      [id, unitId, contentType, data, caption ?? null],
    );
    await this.flush();
    await this.refreshCounts();
    this.schedulePush(0);
    return id;
  }

  /** Photos of one job on this device, uploaded or not (no image data). */
  async photos(unitId: string) {
    const { rows } = await this.pg.query<{ id: string; caption: string | null; uploaded_at: Date | null }>(
      'SELECT id, caption, uploaded_at FROM job_photos WHERE fulfillment_unit_id = $1 ORDER BY taken_at',
      [unitId],
    );
    return rows;
  }

  private async uploadPhotos() {
    const { rows } = await this.pg.query<{
      id: string;
      fulfillment_unit_id: string;
      content_type: string;
      data: Uint8Array;
      caption: string | null;
      taken_at: Date;
    }>('SELECT * FROM job_photos WHERE uploaded_at IS NULL ORDER BY taken_at LIMIT 5');
    for (const p of rows) {
      const q = new URLSearchParams({
        takenAt: new Date(p.taken_at).toISOString(),
        ...(p.caption ? { caption: p.caption } : {}),
      });
      const res = await this.fetchFn(`${this.opts.baseUrl}/api/jobs/${p.fulfillment_unit_id}/photos/${p.id}?${q}`, {
        method: 'PUT',
        headers: { 'content-type': p.content_type },
        credentials: 'same-origin',
        body: p.data as unknown as BodyInit,
      });
      if (res.ok) await this.pg.query('UPDATE job_photos SET uploaded_at = now(), error = NULL WHERE id = $1', [p.id]);
      else
        await this.pg.query('UPDATE job_photos SET error = $2 WHERE id = $1', [
          p.id,
          `${res.status} ${await res.text()}`,
        ]);
    }
    if (rows.length) await this.refreshCounts();
  }

  /** Sends pending mutations in order; safe to call often (one push at a time). */
  push(): Promise<void> {
    this.pushing ??= this.pushOnce().finally(() => {
      this.pushing = undefined;
    });
    return this.pushing;
  }

  private async pushOnce(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const { rows } = await this.pg.query<OutboxRow>(
        "SELECT * FROM outbox WHERE status = 'pending' ORDER BY mutation_id LIMIT $1",
        [PUSH_BATCH],
      );
      if (rows.length === 0) {
        // Mutations first (a photo's job may have been created offline), then waiting photos.
        await this.uploadPhotos().catch((err) => this.noteNetworkError(err as Error));
        return;
      }
      let res: Response;
      try {
        res = await this.fetchFn(`${this.opts.baseUrl}/api/commits`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({
            clientId: this.opts.actor.deviceId,
            mutations: rows.map((r) => ({
              id: Number(r.mutation_id),
              name: r.name,
              args: r.args,
              deviceTime: new Date(r.device_time).toISOString(),
              offline: r.offline,
              ...(r.depends_on.length ? { dependsOn: r.depends_on } : {}),
            })),
          }),
        });
      } catch (err) {
        this.noteNetworkError(err as Error);
        // Work that could not reach the server was made offline, whatever the device believed.
        await this.pg.query("UPDATE outbox SET offline = true WHERE status = 'pending' AND NOT offline");
        this.schedulePush(this.nextBackoff());
        return;
      }
      this.setOnline(true);
      const serverDate = res.headers.get('date');
      if (serverDate) this.state.clockSkewMs = new Date(serverDate).getTime() - Date.now();
      if (res.status === 401) {
        this.handleUnauthorized(await res.text());
        return;
      }
      if (!res.ok) {
        this.state.lastPushError = `The server answered ${res.status}; retrying.`;
        this.emit();
        this.schedulePush(this.nextBackoff());
        return;
      }
      const body = (await res.json()) as {
        results: { id: number; status: 'applied' | 'rejected'; txid?: string; error?: WireError }[];
        incomplete: boolean;
      };
      await this.pg.transaction(async (tx) => {
        for (const r of body.results) {
          await tx.query(
            'UPDATE outbox SET status = $2, txid = $3, error = $4::jsonb, acked_at = now() WHERE mutation_id = $1',
            [r.id, r.status, r.txid ?? null, r.error ? JSON.stringify(r.error) : null],
          );
        }
      });
      this.backoffMs = 0;
      this.state.lastPushError = null;
      if (body.results.some((r) => r.status === 'rejected')) await this.rebase();
      await this.refreshCounts();
      await this.reconcile();
      this.watchConfirmations();
      if (body.incomplete) {
        this.schedulePush(this.nextBackoff());
        return;
      }
    }
  }

  private nextBackoff(): number {
    this.backoffMs = Math.min(30_000, this.backoffMs ? this.backoffMs * 2 : 1000);
    return this.backoffMs / 2 + Math.random() * (this.backoffMs / 2);
  }

  schedulePush(delayMs: number) {
    if (this.stopped) return;
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      this.quietly(this.push());
    }, delayMs);
  }

  /**
   * Confirms applied mutations whose txid has been applied locally by sync, then rebuilds the
   * overlay when anything changed. A mutation whose txid never shows up (it touched none of this
   * device's shapes) is confirmed after `confirmAfterMs`, but only once sync has applied what the
   * server had seen after the commit: while the shapes lag (a flaky link, pushes getting through)
   * the overlay stays, so the screen never falls back to the figures from before the mutation.
   */
  async reconcile(): Promise<void> {
    if (this.stopped) return;
    const lastLsn = await this.appliedLsn();
    const { rows } = await this.pg.query<{ mutation_id: number }>(
      `UPDATE outbox o SET status = 'confirmed'
       WHERE o.status = 'applied' AND EXISTS (SELECT 1 FROM sync_txids s WHERE s.txid = o.txid AND s.lsn <= $1)
       RETURNING mutation_id`,
      [lastLsn],
    );
    const late = await this.pg.query<{ mutation_id: number; acked_ms: number }>(
      `SELECT mutation_id, (extract(epoch FROM acked_at) * 1000)::float8 AS acked_ms FROM outbox
       WHERE status = 'applied' AND acked_at < now() - ($1 || ' milliseconds')::interval`,
      [String(this.opts.confirmAfterMs)],
    );
    const due = late.rows
      .filter((r) => {
        const reported = this.reportedSince(Number(r.acked_ms) + REPLICATION_ALLOWANCE_MS);
        return reported !== undefined && reported <= BigInt(lastLsn);
      })
      .map((r) => Number(r.mutation_id));
    if (due.length > 0) {
      await this.pg.query(
        "UPDATE outbox SET status = 'confirmed' WHERE status = 'applied' AND mutation_id = ANY($1::bigint[])",
        [due],
      );
    }
    if (rows.length + due.length > 0) await this.rebase();
  }

  /** LSN up to which pglite-sync has applied every shape of this store (0 before the first batch). */
  private async appliedLsn(): Promise<string> {
    try {
      const { rows } = await this.pg.query<{ lsn: string | null }>(
        'SELECT max(last_lsn::numeric)::text AS lsn FROM electric.subscriptions_metadata WHERE key = $1',
        [this.subscriptionKey],
      );
      return rows[0]?.lsn ?? '0';
    } catch {
      return '0';
    }
  }

  /**
   * While applied mutations wait for their txid to come back through sync, check often: the data
   * may already be applied locally before the commit's answer arrived.
   */
  private watchConfirmations() {
    if (this.confirmTimer || this.stopped) return;
    this.confirmTimer = setInterval(() => {
      this.quietly(
        (async () => {
          await this.reconcile();
          const { rows } = await this.pg.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM outbox WHERE status = 'applied'",
          );
          if ((rows[0]?.n ?? 0) === 0 && this.confirmTimer) {
            clearInterval(this.confirmTimer);
            this.confirmTimer = undefined;
          }
        })(),
      );
    }, 300);
  }

  /** Clears the overlay and replays every unconfirmed, unrejected mutation in order. */
  async rebase(): Promise<void> {
    await this.pg.transaction(async (tx) => {
      for (const name of this.opts.shapes) await tx.exec(`DELETE FROM "${name}_local"`);
      const { rows } = await tx.query<OutboxRow>(
        "SELECT * FROM outbox WHERE status IN ('pending', 'applied') ORDER BY mutation_id",
      );
      for (const row of rows) {
        const mutator = MUTATORS.get(row.name);
        const parsed = mutator?.args.safeParse(row.args);
        if (!mutator || !parsed?.success) continue;
        await tx.exec('SAVEPOINT replay');
        try {
          await mutator.run(this.context(tx, new Date(row.device_time)), parsed.data);
          await tx.exec('RELEASE SAVEPOINT replay');
          if (row.local_error)
            await tx.query('UPDATE outbox SET local_error = NULL WHERE mutation_id = $1', [row.mutation_id]);
        } catch (err) {
          // The server decides; locally it no longer applies on top of newer synced rows.
          await tx.exec('ROLLBACK TO SAVEPOINT replay');
          const wire = err instanceof AppError ? err.toJSON() : { code: 'internal', message: String(err) };
          await tx.query('UPDATE outbox SET local_error = $2::jsonb WHERE mutation_id = $1', [
            row.mutation_id,
            JSON.stringify(wire),
          ]);
        }
      }
    });
    await this.refreshCounts();
  }

  /** The conflict inbox: rejected mutations not yet resolved, oldest first. */
  async inbox(): Promise<OutboxRow[]> {
    const { rows } = await this.pg.query<OutboxRow>(
      "SELECT * FROM outbox WHERE status = 'rejected' ORDER BY mutation_id",
    );
    return rows;
  }

  /**
   * Bookings this device made that a manager later gave to someone else: they belong in this
   * desk's inbox until acknowledged, so the customer can be offered another time.
   */
  async takenOver(): Promise<(OutboxRow & { cancel_reason: string })[]> {
    const { rows } = await this.pg.query<OutboxRow & { cancel_reason: string }>(
      `SELECT o.*, b.cancel_reason FROM outbox o JOIN booking_orders b ON b.id = o.args->>'id'
       WHERE o.name = 'bookings.create' AND o.status = 'confirmed' AND o.resolution IS NULL
         AND b.status = 'cancelled' AND b.cancel_reason LIKE 'Taken over:%'
       ORDER BY o.mutation_id`,
    );
    return rows;
  }

  /** Records that the desk has dealt with a taken-over booking. */
  async acknowledge(mutationId: number, note: string) {
    await this.pg.query('UPDATE outbox SET resolution = $2::jsonb WHERE mutation_id = $1', [
      mutationId,
      JSON.stringify({ action: 'acknowledged', note, at: new Date().toISOString() }),
    ]);
    await this.refreshCounts();
  }

  /**
   * Marks a rejected mutation resolved (discarded with a reason, or superseded by a new mutation)
   * and queues the decision itself as a mutation, so it reaches the server's audit trail.
   */
  async resolve(
    mutationId: number,
    resolution: { action: 'discard' | 'retried' | 'alternative'; reason?: string; replacedBy?: number },
  ) {
    await this.pg.query(
      "UPDATE outbox SET status = 'resolved', resolution = $2::jsonb WHERE mutation_id = $1 AND status = 'rejected'",
      [mutationId, JSON.stringify({ ...resolution, at: new Date().toISOString() })],
    );
    await this.mutate('conflicts.resolve', { mutationId, ...resolution });
  }

  private async refreshCounts() {
    const { rows } = await this.pg.query<{ pending: number; rejected: number }>(
      `SELECT count(*) FILTER (WHERE status IN ('pending', 'applied'))::int
                + (SELECT count(*) FROM job_photos WHERE uploaded_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE status = 'rejected')::int AS rejected FROM outbox`,
    );
    const taken = await this.takenOver().catch(() => []);
    this.state.pending = rows[0]?.pending ?? 0;
    this.state.rejected = (rows[0]?.rejected ?? 0) + taken.length;
    this.emit();
  }

  private handleUnauthorized(body: string) {
    if (body.includes('device_revoked')) {
      this.stop();
      this.opts.onRevoked?.();
    } else {
      this.stop();
      this.opts.onSignedOut?.();
    }
  }

  private noteNetworkError(err: Error) {
    if (err?.name === 'AbortError') return;
    if (err instanceof TypeError || /fetch|network/i.test(err?.message ?? '')) this.setOnline(false);
  }

  setOnline(online: boolean) {
    if (this.state.online === online) return;
    this.state.online = online;
    this.emit();
    if (online) this.reconnect();
  }

  /**
   * The network is back (the browser's `online` event): retry now rather than when a backoff
   * ends, and drop a long-poll that may have died with the old link.
   */
  resume() {
    if (this.stopped) return;
    // The tab and the worker may both report the same event.
    if (this.state.online && Date.now() - this.reconnectedAt > 1_000) this.reconnect();
    else this.setOnline(true);
  }

  /** Pushes and resumes every shape at once (each stream re-asks from its offset, without long-polling). */
  private reconnect() {
    if (this.stopped) return;
    this.reconnectedAt = Date.now();
    (this.shapeTransport as Partial<MultiplexFetch>).wake?.();
    for (const stream of Object.values(this.syncHandle?.streams ?? {})) {
      stream.forceDisconnectAndRefresh().catch(() => undefined);
    }
    this.schedulePush(0);
  }

  /** Background work must never surface as an unhandled rejection (e.g. after stop()). */
  private quietly(work: Promise<unknown>) {
    work.catch((err) => {
      if (!this.stopped) this.state.lastPushError = String(err);
    });
  }

  private emit() {
    this.opts.onState?.({ ...this.state });
  }

  stop() {
    this.stopped = true;
    if (this.pushTimer) clearTimeout(this.pushTimer);
    if (this.confirmTimer) clearInterval(this.confirmTimer);
    this.syncHandle?.unsubscribe();
  }
}
