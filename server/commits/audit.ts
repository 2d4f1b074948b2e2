/**
 * Hash-chained audit trail. One stream per device (plus `server` for server-originated events), so
 * the chain serializes only one device's own commits, which the device lock already serializes.
 * Each event stores the previous event's hash; `verifyStream` recomputes the chain.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { newId } from '../../shared/ids';

export interface AuditInput {
  bizId: string;
  streamKey: string;
  actorUserId: string | null;
  actorRole: string | null;
  deviceId: string | null;
  mutationName: string | null;
  mutationId: string | null;
  outcome: 'applied' | 'rejected' | 'system';
  offline: boolean;
  deviceTime: Date | null;
  serverTime: Date;
  args: unknown;
  errorCode: string | null;
}

type Hashed = Omit<AuditInput, 'bizId' | 'streamKey'> & { streamId: string; sequence: number; prevHash: string | null };

/** JSON with object keys sorted, so a value hashes the same after a jsonb round trip. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function eventHash(e: Hashed): string {
  const payload = JSON.stringify([
    e.prevHash,
    e.streamId,
    e.sequence,
    e.actorUserId,
    e.actorRole,
    e.deviceId,
    e.mutationName,
    e.mutationId,
    e.outcome,
    e.offline,
    e.deviceTime?.toISOString() ?? null,
    e.serverTime.toISOString(),
    canonical(e.args ?? null),
    e.errorCode,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

/** A stream's head, read while holding its row lock. */
export interface StreamHead {
  id: string;
  lastSequence: number;
  lastHash: string | null;
}

/** A stream's identity: its biz and key (`device:<client id>`, or `server`). */
export interface StreamRef {
  bizId: string;
  streamKey: string;
}

export const streamRefKey = (s: StreamRef) => `${s.bizId}/${s.streamKey}`;

/**
 * Creates the streams if needed and locks their rows until the transaction ends, always in the same
 * order (so two transactions locking overlapping sets cannot deadlock), returning their heads. The
 * lock is also what serializes one device's commits. Existing streams are locked with FOR UPDATE
 * (an upsert would write a new row version per stream and commit); a stream another transaction
 * created while this statement waited is not in its snapshot, so it is missing from the answer and
 * the caller runs the statement again. Callers select from the `stream` CTE, which has the columns
 * id, biz_id, stream_key, last_sequence and last_hash (see the runner). Parameters $1–$3.
 */
export const LOCK_STREAMS_CTE = `wanted AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS w(id, biz_id, stream_key)
), created AS (
  INSERT INTO audit_streams (id, biz_id, stream_key)
  SELECT * FROM wanted ORDER BY biz_id, stream_key
  ON CONFLICT (biz_id, stream_key) DO NOTHING
  RETURNING id, biz_id, stream_key, last_sequence, last_hash
), existing AS (
  SELECT s.id, s.biz_id, s.stream_key, s.last_sequence, s.last_hash
  FROM audit_streams s JOIN wanted w ON w.biz_id = s.biz_id AND w.stream_key = s.stream_key
  ORDER BY s.biz_id, s.stream_key
  FOR UPDATE OF s
), stream AS (
  SELECT * FROM created UNION ALL SELECT * FROM existing
)`;

export function lockStreamsParams(streams: readonly StreamRef[]): unknown[] {
  const unique = [...new Map(streams.map((s) => [streamRefKey(s), s])).values()];
  return [unique.map(() => newId('audit_streams')), unique.map((s) => s.bizId), unique.map((s) => s.streamKey)];
}

/**
 * Appends events as a data-modifying CTE (`event AS (INSERT …)`) plus the update moving each stream's
 * head to its last event, to run as one statement with other writes. The text is the same whatever the
 * number of events (one array per column), so it is prepared once. Parameters are numbered from
 * `offset + 1`, in the order `appendEventsParams` gives them.
 */
export function appendEventsSql(offset: number): { cte: string; headUpdate: string } {
  const types = [
    'text',
    'text',
    'text',
    'bigint',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'boolean',
    'timestamptz',
    'timestamptz',
    'text',
    'text',
  ];
  const arrays = types.map((t, i) => `$${offset + i + 1}::${t}[]`).join(', ');
  return {
    cte: `event AS (
      INSERT INTO audit_events (id, biz_id, stream_id, sequence, prev_hash, event_hash, actor_user_id, actor_role,
        device_id, mutation_name, mutation_id, outcome, offline, device_time, server_time, after, error_code, action)
      SELECT id, biz_id, stream_id, sequence, prev_hash, event_hash, actor_user_id, actor_role, device_id,
        mutation_name, mutation_id, outcome::audit_event_outcome, offline, device_time, server_time, after::jsonb,
        error_code, 'mutation'
      FROM unnest(${arrays}) AS e(id, biz_id, stream_id, sequence, prev_hash, event_hash, actor_user_id, actor_role,
        device_id, mutation_name, mutation_id, outcome, offline, device_time, server_time, after, error_code)
      RETURNING stream_id, sequence, event_hash, server_time)`,
    // Each head moves to its stream's last event: its sequence, hash and server time.
    headUpdate: `UPDATE audit_streams s SET last_sequence = h.sequence, last_hash = h.event_hash,
      last_event_at = h.server_time, updated_at = now()
      FROM (SELECT DISTINCT ON (stream_id) * FROM event ORDER BY stream_id, sequence DESC) AS h
      WHERE s.id = h.stream_id`,
  };
}

/**
 * Parameters for `appendEventsSql` (one array per column): each event chained on from its stream's
 * head, hashing the one before it in that stream. Advances `heads` (keyed by `streamRefKey`).
 */
export function appendEventsParams(heads: Map<string, StreamHead>, inputs: readonly AuditInput[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 17 }, () => []);
  for (const input of inputs) {
    const key = streamRefKey(input);
    const head = heads.get(key);
    if (!head) throw new Error(`audit stream ${key} is not locked`);
    const sequence = head.lastSequence + 1;
    const prevHash = head.lastHash;
    const hash = eventHash({ ...input, streamId: head.id, sequence, prevHash });
    const row = [
      newId('audit_events'),
      input.bizId,
      head.id,
      sequence,
      prevHash,
      hash,
      input.actorUserId,
      input.actorRole,
      input.deviceId,
      input.mutationName,
      input.mutationId,
      input.outcome,
      input.offline,
      input.deviceTime,
      input.serverTime,
      JSON.stringify({ args: input.args ?? null }),
      input.errorCode,
    ];
    for (const [i, v] of row.entries()) columns[i]!.push(v);
    heads.set(key, { id: head.id, lastSequence: sequence, lastHash: hash });
  }
  return columns;
}

/** Recomputes a stream's chain; returns the first broken sequence, or null when intact. */
export async function verifyStream(
  pool: pg.Pool,
  streamId: string,
): Promise<{ checked: number; brokenAt: number | null }> {
  const { rows } = await pool.query(
    `SELECT sequence, prev_hash, event_hash, actor_user_id, actor_role, device_id, mutation_name, mutation_id, outcome,
            offline, device_time, server_time, after, error_code
     FROM audit_events WHERE stream_id = $1 ORDER BY sequence`,
    [streamId],
  );
  let prev: string | null = null;
  for (const r of rows) {
    const expected = eventHash({
      streamId,
      sequence: Number(r.sequence),
      prevHash: prev,
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      deviceId: r.device_id,
      mutationName: r.mutation_name,
      mutationId: r.mutation_id,
      outcome: r.outcome,
      offline: r.offline,
      deviceTime: r.device_time,
      serverTime: r.server_time,
      args: r.after?.args ?? null,
      errorCode: r.error_code,
    });
    if (r.prev_hash !== prev || r.event_hash !== expected)
      return { checked: rows.length, brokenAt: Number(r.sequence) };
    prev = r.event_hash;
  }
  return { checked: rows.length, brokenAt: null };
}
