/**
 * Applies a device's batch of mutations in order, each in its own transaction:
 * lock the device → answer a repeat from `client_mutations` → check dependencies, role and args →
 * run the shared mutator → record the outcome and the audit event → commit → run side effects.
 * A rejection is recorded like a success (so retries get the same answer) and never stops the
 * mutations behind it; only an unexpected failure (database down) stops the batch, unrecorded,
 * so the device retries the rest later.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { AppError, type WireError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { MUTATORS } from '../../shared/mutators';
import type { MutatorActor, MutatorContext } from '../../shared/mutators/types';
import { can } from '../../shared/permissions';
import { appendEventParams, appendEventSql, LOCK_STREAM_CTE, lockStreamParams, type StreamHead } from './audit';

export interface IncomingMutation {
  id: number;
  name: string;
  args: unknown;
  deviceTime?: Date;
  offline?: boolean;
  dependsOn?: number[];
}

export interface MutationResult {
  id: number;
  status: 'applied' | 'rejected';
  txid?: string;
  error?: WireError;
}

/** Postgres errors a mutation can legitimately cause, as the catalogue's codes. */
function fromPostgres(err: unknown): AppError | undefined {
  const e = err as pg.DatabaseError;
  switch (e?.code) {
    case '23P01':
      return new AppError('slot_unavailable', undefined, { constraint: e.constraint });
    case '23505':
      return new AppError('conflict', 'A row with this identity already exists.', { constraint: e.constraint });
    case '23503':
      return new AppError('not_found', 'Something this change refers to was not found.');
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
      return new AppError('validation_failed', 'A value is not acceptable.', { constraint: e.constraint });
    default:
      return undefined;
  }
}

function argsHash(args: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(args ?? null))
    .digest('hex');
}

export interface RunnerOptions {
  pool: pg.Pool;
  /** Adds suggestions (other slots/resources) to a rejection, e.g. from the availability engine. */
  enrichRejection?(
    client: pg.PoolClient,
    actor: MutatorActor,
    m: IncomingMutation,
    error: AppError,
  ): Promise<Record<string, unknown> | undefined>;
  log?: { error(obj: unknown, msg: string): void };
}

export async function applyBatch(
  opts: RunnerOptions,
  actor: MutatorActor,
  mutations: IncomingMutation[],
): Promise<{ results: MutationResult[]; incomplete: boolean }> {
  const results: MutationResult[] = [];
  for (const m of mutations) {
    try {
      results.push(await applyOne(opts, actor, m));
    } catch (err) {
      opts.log?.error({ err, mutation: m.id }, 'commit batch interrupted');
      return { results, incomplete: true };
    }
  }
  return { results, incomplete: false };
}

interface Head extends StreamHead {
  txid: string;
  seen: { status: 'applied' | 'rejected'; txid: string | null; error: WireError | null; argsHash: string } | null;
}

/**
 * Locks the device's audit stream (the per-device lock), reads its head and this transaction's id,
 * and looks up an earlier outcome of the mutation, in one round trip. A duplicate that commits while
 * this statement waits for the lock is not seen here; the final insert then trips the unique key.
 */
async function lockDevice(client: pg.PoolClient, actor: MutatorActor, mutationId: number): Promise<Head> {
  const { rows } = await client.query(
    `WITH ${LOCK_STREAM_CTE}
     SELECT stream.id, stream.last_sequence, stream.last_hash, pg_current_xact_id()::xid::text AS txid,
            cm.status, cm.txid AS seen_txid, cm.error, cm.args_hash
     FROM stream LEFT JOIN client_mutations cm ON cm.client_id = $4 AND cm.mutation_id = $5`,
    [...lockStreamParams(actor.bizId, `device:${actor.deviceId}`), actor.deviceId, mutationId],
  );
  const r = rows[0];
  return {
    id: r.id,
    lastSequence: Number(r.last_sequence),
    lastHash: r.last_hash,
    txid: r.txid,
    seen: r.status ? { status: r.status, txid: r.seen_txid, error: r.error, argsHash: r.args_hash } : null,
  };
}

async function storedOutcome(client: pg.PoolClient, actor: MutatorActor, m: IncomingMutation, hash: string) {
  const { rows } = await client.query(
    'SELECT status, txid, error, args_hash FROM client_mutations WHERE client_id = $1 AND mutation_id = $2',
    [actor.deviceId, m.id],
  );
  const r = rows[0];
  if (!r) throw new Error(`client mutation ${m.id} vanished after a unique violation`);
  return answer(m.id, hash, { status: r.status, txid: r.txid, error: r.error, argsHash: r.args_hash });
}

function answer(id: number, hash: string, seen: NonNullable<Head['seen']>): MutationResult {
  if (seen.argsHash !== hash) return { id, status: 'rejected', error: new AppError('idempotency_conflict').toJSON() };
  return seen.status === 'applied'
    ? { id, status: 'applied', txid: seen.txid ?? undefined }
    : { id, status: 'rejected', error: seen.error ?? undefined };
}

const isDuplicate = (err: unknown) =>
  (err as pg.DatabaseError)?.code === '23505' &&
  (err as pg.DatabaseError).constraint === 'client_mutations_client_mutation_uq';

/**
 * Records the outcome (client_mutations) and its audit event, and advances the stream head, in one
 * statement.
 */
async function record(
  client: pg.PoolClient,
  actor: MutatorActor,
  m: IncomingMutation,
  head: Head,
  hash: string,
  now: Date,
  error: AppError | undefined,
) {
  const audit = appendEventSql(12);
  await client.query(
    `WITH cm AS (
       INSERT INTO client_mutations (id, biz_id, client_id, mutation_id, name, args, args_hash, status, txid, error,
         actor_user_id, device_time)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10::jsonb, $11, $12)
     ), ${audit.cte}
     ${audit.headUpdate}`,
    [
      newId('client_mutations'),
      actor.bizId,
      actor.deviceId,
      m.id,
      m.name.slice(0, 120),
      JSON.stringify(m.args ?? null),
      hash,
      error ? 'rejected' : 'applied',
      error ? null : head.txid,
      error ? JSON.stringify(error.toJSON()) : null,
      actor.userId,
      m.deviceTime ?? null,
      ...appendEventParams(head, {
        bizId: actor.bizId,
        streamKey: `device:${actor.deviceId}`,
        actorUserId: actor.userId,
        actorRole: actor.role,
        deviceId: actor.deviceId,
        mutationName: m.name.slice(0, 120),
        mutationId: String(m.id),
        outcome: error ? 'rejected' : 'applied',
        offline: Boolean(m.offline && m.deviceTime),
        deviceTime: m.deviceTime ?? null,
        serverTime: now,
        args: m.args ?? null,
        errorCode: error?.code ?? null,
      }),
    ],
  );
}

/**
 * One mutation: BEGIN → lock + head + earlier outcome → mutator → record → COMMIT. A rejection rolls
 * the mutator's writes back and records itself in a fresh transaction (no savepoint on the happy path).
 */
async function applyOne(opts: RunnerOptions, actor: MutatorActor, m: IncomingMutation): Promise<MutationResult> {
  const client = await opts.pool.connect();
  const hash = argsHash(m.args);
  const rollback = () => client.query('ROLLBACK').catch(() => undefined);
  try {
    await client.query('BEGIN');
    let head = await lockDevice(client, actor, m.id);
    if (head.seen) {
      await rollback();
      return answer(m.id, hash, head.seen);
    }
    const now = new Date();
    const effects: (() => Promise<void>)[] = [];
    let error: AppError | undefined;
    try {
      await runMutator(client, actor, m, now, effects);
    } catch (err) {
      error = err instanceof AppError ? err : fromPostgres(err);
      if (!error || isDuplicate(err)) throw err;
    }
    if (error) {
      effects.length = 0;
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      head = await lockDevice(client, actor, m.id);
      if (head.seen) {
        await rollback();
        return answer(m.id, hash, head.seen);
      }
      const extra = await opts.enrichRejection?.(client, actor, m, error).catch(() => undefined);
      if (extra) error = new AppError(error.code, error.message, { ...error.details, ...extra });
    }
    await record(client, actor, m, head, hash, now, error);
    await client.query('COMMIT');
    for (const effect of effects) {
      await effect().catch((err) => opts.log?.error({ err, mutation: m.id }, 'after-commit effect failed'));
    }
    return error
      ? { id: m.id, status: 'rejected', error: error.toJSON() }
      : { id: m.id, status: 'applied', txid: head.txid };
  } catch (err) {
    await rollback();
    // A retry of this mutation committed while this one ran: answer with what it recorded.
    if (isDuplicate(err)) return storedOutcome(client, actor, m, hash);
    throw err;
  } finally {
    client.release();
  }
}

async function runMutator(
  client: pg.PoolClient,
  actor: MutatorActor,
  m: IncomingMutation,
  now: Date,
  effects: (() => Promise<void>)[],
) {
  const mutator = MUTATORS.get(m.name);
  if (!mutator) throw new AppError('unknown_mutation', `No mutation is called "${m.name.slice(0, 120)}".`);
  if (!can(actor.role, mutator.action)) throw new AppError('forbidden');
  if (m.dependsOn?.length) {
    const { rows } = await client.query<{ mutation_id: number }>(
      `SELECT mutation_id FROM client_mutations WHERE client_id = $1 AND mutation_id = ANY($2::bigint[]) AND status = 'rejected'`,
      [actor.deviceId, m.dependsOn],
    );
    if (rows[0]) {
      throw new AppError('depends_on_rejected', undefined, { dependsOn: Number(rows[0].mutation_id) });
    }
  }
  const parsed = mutator.args.safeParse(m.args);
  if (!parsed.success) {
    throw new AppError('validation_failed', undefined, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const ctx: MutatorContext = {
    tx: client,
    env: 'server',
    actor,
    now,
    afterCommit: (effect) => void effects.push(effect),
  };
  await mutator.run(ctx, parsed.data);
}
