/**
 * Applies a device's batch of mutations in order: lock the device → answer repeats from
 * `client_mutations` → check dependencies, role and args → run the shared mutator → record the outcome
 * and the audit event → commit → run side effects. Consecutive mutations share one transaction while
 * they all apply (a reconnecting device's queue commits in groups); a refused one rolls its group
 * back, the ones before it commit as a smaller group, and the refusal is recorded on its own. A
 * group whose new mutations share a mutator that can apply several at once (`Mutator.runMany`, e.g.
 * private bookings) is first given to it whole; if it cannot, the group runs one mutation at a time.
 * A rejection is recorded like a success (so retries get the same answer) and never stops the
 * mutations behind it; only an unexpected failure (database down) stops the batch, unrecorded,
 * so the device retries the rest later.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { AppError, notFound, type WireError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { MUTATORS } from '../../shared/mutators';
import type { Mutator, MutatorActor } from '../../shared/mutators/types';
import { can } from '../../shared/permissions';
import { preparedQuery, preparedTx } from '../db/prepared';
import {
  appendEventsParams,
  appendEventsSql,
  LOCK_STREAMS_CTE,
  lockStreamsParams,
  type StreamHead,
  type StreamRef,
  streamRefKey,
} from './audit';

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

/**
 * Mutations that share a transaction when all of them apply: one lock statement, one record statement
 * and one commit (fsync) for the lot. A device reconnecting with a long queue, or many devices pushing
 * at once (commit-queue.ts), pay the per-transaction cost once per group instead of once per mutation.
 */
export const GROUP_SIZE = 25;

/** One mutation and who made it; a run of items may come from several devices. */
export interface Item {
  actor: MutatorActor;
  m: IncomingMutation;
}

export interface BatchResult {
  results: MutationResult[];
  incomplete: boolean;
}

export function applyBatch(opts: RunnerOptions, actor: MutatorActor, mutations: IncomingMutation[]) {
  return applyItems(
    opts,
    mutations.map((m) => ({ actor, m })),
  );
}

/**
 * Applies items in order; `results[i]` answers `items[i]`. One device's items must keep their order
 * (they do: a run holds each device's mutations as one consecutive, ordered stretch).
 */
export async function applyItems(opts: RunnerOptions, items: readonly Item[]): Promise<BatchResult> {
  const results: MutationResult[] = [];
  let i = 0;
  let size = GROUP_SIZE;
  let after = GROUP_SIZE;
  let allAtOnce = true;
  while (i < items.length) {
    const group = items.slice(i, i + size);
    try {
      if (group.length > 1) {
        const out = await applyGroup(opts, group, allAtOnce);
        if (out.ok) {
          results.push(...out.results);
          i += group.length;
          size = after;
          after = GROUP_SIZE;
          continue;
        }
        // The mutator could not apply the group all at once: the same group again, one by one, and
        // so the rest of these items (what collided is likely to collide again).
        if (out.stoppedAt === TOGETHER_REFUSED) {
          allAtOnce = false;
          continue;
        }
        // Something in the group was refused (or raced a retry): the ones before it go again as a
        // smaller group, then the refused one on its own, where its rejection is recorded.
        if (out.stoppedAt > 0) {
          size = out.stoppedAt;
          after = 1;
          continue;
        }
      }
      results.push(await applyOne(opts, group[0]!));
      i += 1;
      size = GROUP_SIZE;
      after = GROUP_SIZE;
    } catch (err) {
      if (err instanceof DeviceRefused) throw err;
      opts.log?.error({ err, mutation: group[0]?.m.id }, 'commit batch interrupted');
      return { results, incomplete: true };
    }
  }
  return { results, incomplete: false };
}

/** A pushing device is not its actor's or is revoked: its request is refused, nothing recorded. */
export class DeviceRefused extends Error {
  constructor(
    readonly deviceId: string,
    readonly error: AppError,
  ) {
    super(error.message);
  }
}

type Seen = { status: 'applied' | 'rejected'; txid: string | null; error: WireError | null; argsHash: string };

interface Locked {
  txid: string;
  /** Heads of the locked device streams, by `streamRefKey`. */
  heads: Map<string, StreamHead>;
  /** Earlier outcomes of the asked mutations, by `seenKey`. */
  seen: Map<string, Seen>;
}

const streamOf = (actor: MutatorActor): StreamRef => ({ bizId: actor.bizId, streamKey: `device:${actor.deviceId}` });
const seenKey = (deviceId: string, mutationId: number) => `${deviceId}:${mutationId}`;

/**
 * Locks the items' device streams (the per-device lock), reads their heads and this transaction's id,
 * checks each device is its actor's and active, and looks up earlier outcomes of the mutations, in one
 * round trip. A duplicate that commits while this statement waits for a lock is not seen here; the
 * final insert then trips the unique key.
 */
async function lockDevices(client: pg.PoolClient, items: readonly Item[]): Promise<Locked> {
  const actors = [...new Map(items.map(({ actor }) => [actor.deviceId, actor])).values()];
  const lock = () =>
    preparedQuery(
      client,
      `WITH ${LOCK_STREAMS_CTE}
     SELECT stream.id, stream.biz_id, stream.stream_key, stream.last_sequence, stream.last_hash,
            pg_current_xact_id()::xid::text AS txid,
            (SELECT json_agg(json_build_object('id', d.id, 'status', x.status))
               FROM unnest($4::text[], $5::text[], $6::text[]) AS d(id, biz_id, user_id)
               LEFT JOIN devices x ON x.id = d.id AND x.biz_id = d.biz_id AND x.user_id = d.user_id) AS devices,
            (SELECT json_agg(json_build_object('client', cm.client_id, 'id', cm.mutation_id, 'status', cm.status,
                      'txid', cm.txid, 'error', cm.error, 'argsHash', cm.args_hash))
               FROM unnest($7::text[], $8::bigint[]) AS q(client_id, mutation_id)
               JOIN client_mutations cm ON cm.client_id = q.client_id AND cm.mutation_id = q.mutation_id) AS seen
     FROM stream`,
      [
        ...lockStreamsParams(actors.map(streamOf)),
        actors.map((a) => a.deviceId),
        actors.map((a) => a.bizId),
        actors.map((a) => a.userId),
        items.map(({ actor }) => actor.deviceId),
        items.map(({ m }) => m.id),
      ],
    );
  let { rows } = await lock();
  // A stream another transaction created while this statement waited on it is not in this
  // statement's snapshot; the next statement's has it.
  for (let attempt = 1; rows.length < actors.length && attempt < 3; attempt++) ({ rows } = await lock());
  const first = rows[0];
  if (!first || rows.length < actors.length) throw new Error('locking the device streams missed a stream');
  // The devices are checked here, under their locks, rather than in a round trip of their own before.
  for (const d of first.devices as { id: string; status: string | null }[]) {
    if (!d.status) throw new DeviceRefused(d.id, notFound('Device'));
    if (d.status === 'revoked') throw new DeviceRefused(d.id, new AppError('device_revoked'));
  }
  const heads = new Map<string, StreamHead>();
  for (const r of rows) {
    heads.set(streamRefKey({ bizId: r.biz_id, streamKey: r.stream_key }), {
      id: r.id,
      lastSequence: Number(r.last_sequence),
      lastHash: r.last_hash,
    });
  }
  const seen = new Map<string, Seen>();
  for (const o of (first.seen ?? []) as (Seen & { client: string; id: number })[]) {
    seen.set(seenKey(o.client, Number(o.id)), { status: o.status, txid: o.txid, error: o.error, argsHash: o.argsHash });
  }
  return { txid: first.txid, heads, seen };
}

async function storedOutcome(client: pg.PoolClient, { actor, m }: Item, hash: string) {
  const { rows } = await client.query(
    'SELECT status, txid, error, args_hash FROM client_mutations WHERE client_id = $1 AND mutation_id = $2',
    [actor.deviceId, m.id],
  );
  const r = rows[0];
  if (!r) throw new Error(`client mutation ${m.id} vanished after a unique violation`);
  return answer(m.id, hash, { status: r.status, txid: r.txid, error: r.error, argsHash: r.args_hash });
}

function answer(id: number, hash: string, seen: Seen): MutationResult {
  if (seen.argsHash !== hash) return { id, status: 'rejected', error: new AppError('idempotency_conflict').toJSON() };
  return seen.status === 'applied'
    ? { id, status: 'applied', txid: seen.txid ?? undefined }
    : { id, status: 'rejected', error: seen.error ?? undefined };
}

const isDuplicate = (err: unknown) =>
  (err as pg.DatabaseError)?.code === '23505' &&
  (err as pg.DatabaseError).constraint === 'client_mutations_client_mutation_uq';

/** Two groups waited on each other (Postgres broke the deadlock): worth retrying one by one. */
const isDeadlock = (err: unknown) => (err as pg.DatabaseError)?.code === '40P01';

interface Outcome {
  item: Item;
  hash: string;
  error: AppError | undefined;
}

const CM_COLUMNS = 12;

/**
 * Records outcomes (client_mutations) and their audit events, and advances the stream heads, in one
 * statement whose text does not depend on how many outcomes there are (one array per column).
 */
const RECORD_SQL = (() => {
  const audit = appendEventsSql(CM_COLUMNS);
  return `WITH cm AS (
     INSERT INTO client_mutations (id, biz_id, client_id, mutation_id, name, args, args_hash, status, txid, error,
       actor_user_id, device_time)
     SELECT id, biz_id, client_id, mutation_id, name, args::jsonb, args_hash, status::client_mutation_status, txid,
       error::jsonb, actor_user_id, device_time
     FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::timestamptz[])
       AS r(id, biz_id, client_id, mutation_id, name, args, args_hash, status, txid, error, actor_user_id, device_time)
   ), ${audit.cte}
   ${audit.headUpdate}`;
})();

async function record(client: pg.PoolClient, locked: Locked, now: Date, outcomes: Outcome[]) {
  const rows = outcomes.map(({ item: { actor, m }, hash, error }) => [
    newId('client_mutations'),
    actor.bizId,
    actor.deviceId,
    m.id,
    m.name.slice(0, 120),
    JSON.stringify(m.args ?? null),
    hash,
    error ? 'rejected' : 'applied',
    error ? null : locked.txid,
    error ? JSON.stringify(error.toJSON()) : null,
    actor.userId,
    m.deviceTime ?? null,
  ]);
  const events = appendEventsParams(
    locked.heads,
    outcomes.map(({ item: { actor, m }, error }) => ({
      ...streamOf(actor),
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
    })),
  );
  await preparedQuery(client, RECORD_SQL, [
    ...Array.from({ length: CM_COLUMNS }, (_, c) => rows.map((r) => r[c])),
    ...events,
  ]);
}

/**
 * Two statements already sent, answered in order: waits for `first`; when it fails, lets `second`
 * settle (no stray rejection) before throwing; otherwise answers with `second`.
 */
async function inOrder<T>(first: Promise<unknown>, second: Promise<T>): Promise<T> {
  try {
    await first;
  } catch (err) {
    await second.catch(() => undefined);
    throw err;
  }
  return second;
}

/**
 * Opens a commit transaction. Sequential scans are off inside it: every commit statement is a point
 * lookup or an index scan, and a generic plan (server/db/pool.ts) cached while a table was still small
 * (a new deployment's client_mutations) would otherwise keep reading it whole as it grows; measured at
 * 50 devices, the statements planned that way cost about a tenth of the throughput.
 */
const BEGIN = 'BEGIN; SET LOCAL enable_seqscan = off';

/**
 * BEGIN, then `first` (which must send its statement before its first await). The pool's connections
 * pipeline (server/db/pool.ts), so both go out in one round trip.
 */
const begin = <T>(client: pg.PoolClient, first: () => Promise<T>): Promise<T> => inOrder(client.query(BEGIN), first());

/**
 * COMMIT sent right behind `last` (a statement already sent), in the same round trip. When `last`
 * fails, Postgres ends the aborted transaction at that COMMIT by rolling it back, and the failure is
 * what is thrown.
 */
async function commit(client: pg.PoolClient, last: Promise<unknown> | undefined): Promise<void> {
  await inOrder(last ?? Promise.resolve(), client.query('COMMIT'));
}

/** A mutator's failure as a rejection to record, or undefined when it is not the mutation's fault. */
function asRejection(err: unknown): AppError | undefined {
  if (isDuplicate(err)) return undefined;
  return err instanceof AppError ? err : fromPostgres(err);
}

/** `stoppedAt` of a group whose mutator could not apply it all at once (`Mutator.runMany`). */
const TOGETHER_REFUSED = -1;

/**
 * The group's new mutations as one `runMany` call, when they are all of one mutator that has it and
 * each passes the checks `runMutator` makes before running (known name, role, args; no dependencies).
 */
function together(group: readonly Item[]) {
  const runMany = MUTATORS.get(group[0]?.m.name ?? '')?.runMany;
  if (group.length < 2 || !runMany) return undefined;
  const items: { actor: MutatorActor; args: unknown }[] = [];
  for (const { actor, m } of group) {
    if (m.name !== group[0]!.m.name || m.dependsOn?.length) return undefined;
    try {
      items.push({ actor, args: parseArgs(mutatorFor(actor, m), m) });
    } catch {
      return undefined;
    }
  }
  return { runMany, items };
}

/**
 * Several mutations in one transaction, all or nothing: when one is refused the whole group rolls back
 * and reports where it stopped, so the caller records that rejection on its own (nothing is recorded
 * here but applied mutations). With `allAtOnce`, new mutations of one mutator that can apply them
 * together (`Mutator.runMany`) are given to it in one call; when it cannot, the group reports
 * TOGETHER_REFUSED and the caller runs it again one mutation at a time.
 */
async function applyGroup(
  opts: RunnerOptions,
  group: readonly Item[],
  allAtOnce: boolean,
): Promise<{ ok: true; results: MutationResult[] } | { ok: false; stoppedAt: number }> {
  const client = await opts.pool.connect();
  const rollback = () => client.query('ROLLBACK').catch(() => undefined);
  try {
    const locked = await begin(client, () => lockDevices(client, group));
    const now = new Date();
    const effects: (() => Promise<void>)[] = [];
    const results: MutationResult[] = [];
    const applied: Outcome[] = [];
    const fresh = group.filter(({ actor, m }) => !locked.seen.has(seenKey(actor.deviceId, m.id)));
    const many = allAtOnce ? together(fresh) : undefined;
    if (many) {
      let ok: boolean;
      try {
        ok = await many.runMany(serverContext(client, now, effects), many.items);
      } catch (err) {
        if (!asRejection(err)) throw err;
        ok = false;
      }
      if (!ok) {
        await rollback();
        return { ok: false, stoppedAt: TOGETHER_REFUSED };
      }
    }
    for (const [k, item] of group.entries()) {
      const { actor, m } = item;
      const hash = argsHash(m.args);
      const seen = locked.seen.get(seenKey(actor.deviceId, m.id));
      if (seen) {
        results.push(answer(m.id, hash, seen));
        continue;
      }
      if (!many) {
        try {
          await runMutator(client, actor, m, now, effects);
        } catch (err) {
          if (!asRejection(err)) throw err;
          await rollback();
          return { ok: false, stoppedAt: k };
        }
      }
      results.push({ id: m.id, status: 'applied', txid: locked.txid });
      applied.push({ item, hash, error: undefined });
    }
    await commit(client, applied.length ? record(client, locked, now, applied) : undefined);
    for (const effect of effects) {
      await effect().catch((err) => opts.log?.error({ err, group: group[0]?.m.id }, 'after-commit effect failed'));
    }
    return { ok: true, results };
  } catch (err) {
    await rollback();
    // A retry committed some of these meanwhile, or another group waited on this one: go one by one
    // (answering from what the retry recorded).
    if (isDuplicate(err) || isDeadlock(err)) return { ok: false, stoppedAt: 0 };
    throw err;
  } finally {
    client.release();
  }
}

/**
 * One mutation: BEGIN → lock + head + earlier outcome → mutator → record → COMMIT. A rejection rolls
 * the mutator's writes back and records itself in a fresh transaction (no savepoint on the happy path).
 */
async function applyOne(opts: RunnerOptions, item: Item): Promise<MutationResult> {
  const { actor, m } = item;
  const client = await opts.pool.connect();
  const hash = argsHash(m.args);
  const rollback = () => client.query('ROLLBACK').catch(() => undefined);
  const key = seenKey(actor.deviceId, m.id);
  try {
    let locked = await begin(client, () => lockDevices(client, [item]));
    let seen = locked.seen.get(key);
    if (seen) {
      await rollback();
      return answer(m.id, hash, seen);
    }
    const now = new Date();
    const effects: (() => Promise<void>)[] = [];
    let error: AppError | undefined;
    try {
      await runMutator(client, actor, m, now, effects);
    } catch (err) {
      error = asRejection(err);
      if (!error) throw err;
    }
    if (error) {
      effects.length = 0;
      await client.query('ROLLBACK');
      locked = await begin(client, () => lockDevices(client, [item]));
      seen = locked.seen.get(key);
      if (seen) {
        await rollback();
        return answer(m.id, hash, seen);
      }
      const extra = await opts.enrichRejection?.(client, actor, m, error).catch(() => undefined);
      if (extra) error = new AppError(error.code, error.message, { ...error.details, ...extra });
    }
    await commit(client, record(client, locked, now, [{ item, hash, error }]));
    for (const effect of effects) {
      await effect().catch((err) => opts.log?.error({ err, mutation: m.id }, 'after-commit effect failed'));
    }
    return error
      ? { id: m.id, status: 'rejected', error: error.toJSON() }
      : { id: m.id, status: 'applied', txid: locked.txid };
  } catch (err) {
    await rollback();
    // A retry of this mutation committed while this one ran: answer with what it recorded.
    if (isDuplicate(err)) return storedOutcome(client, item, hash);
    throw err;
  } finally {
    client.release();
  }
}

/** The mutator `m` names, when the actor's role may run it (`unknown_mutation` or `forbidden` otherwise). */
function mutatorFor(actor: MutatorActor, m: IncomingMutation): Mutator {
  const mutator = MUTATORS.get(m.name);
  if (!mutator) throw new AppError('unknown_mutation', `No mutation is called "${m.name.slice(0, 120)}".`);
  if (!can(actor.role, mutator.action)) throw new AppError('forbidden');
  return mutator;
}

/** The mutation's args as its mutator's schema gives them, or `validation_failed` with the issues. */
function parseArgs(mutator: Mutator, m: IncomingMutation): unknown {
  const parsed = mutator.args.safeParse(m.args);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', undefined, {
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

/** What a mutator runs against on the server, but its actor: this transaction, its time, its after-commit list. */
function serverContext(client: pg.PoolClient, now: Date, effects: (() => Promise<void>)[]) {
  return {
    tx: preparedTx(client),
    env: 'server' as const,
    now,
    afterCommit: (effect: () => Promise<void>) => void effects.push(effect),
  };
}

async function runMutator(
  client: pg.PoolClient,
  actor: MutatorActor,
  m: IncomingMutation,
  now: Date,
  effects: (() => Promise<void>)[],
) {
  const mutator = mutatorFor(actor, m);
  if (m.dependsOn?.length) {
    const { rows } = await preparedQuery<{ mutation_id: number }>(
      client,
      `SELECT mutation_id FROM client_mutations WHERE client_id = $1 AND mutation_id = ANY($2::bigint[]) AND status = 'rejected'`,
      [actor.deviceId, m.dependsOn],
    );
    if (rows[0]) {
      throw new AppError('depends_on_rejected', undefined, { dependsOn: Number(rows[0].mutation_id) });
    }
  }
  await mutator.run({ ...serverContext(client, now, effects), actor }, parseArgs(mutator, m));
}
