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

/**
 * Creates the stream if needed and locks its row until the transaction ends, returning its head.
 * The lock is also what serializes one device's commits. Callers may add columns and joins by
 * selecting from the `stream` CTE (see the runner).
 */
export const LOCK_STREAM_CTE = `stream AS (
  INSERT INTO audit_streams (id, biz_id, stream_key) VALUES ($1, $2, $3)
  ON CONFLICT (biz_id, stream_key) DO UPDATE SET updated_at = now()
  RETURNING id, last_sequence, last_hash)`;

export function lockStreamParams(bizId: string, streamKey: string): unknown[] {
  return [newId('audit_streams'), bizId, streamKey];
}

const EVENT_PARAMS = 17;

/**
 * The next `count` events of a stream as a data-modifying CTE (`event AS (INSERT …)`) plus the head
 * update, to run as one statement with other writes. Parameters are numbered from `offset + 1`, in
 * the order `appendEventsParams` gives them.
 */
export function appendEventsSql(offset: number, count: number): { cte: string; headUpdate: string } {
  const rows = Array.from({ length: count }, (_, r) => {
    const p = (i: number) => `$${offset + r * EVENT_PARAMS + i}`;
    const cols = Array.from({ length: 15 }, (_, i) => p(i + 1));
    return `(${cols.join(', ')}, ${p(16)}::jsonb, ${p(17)}, 'mutation')`;
  });
  // The head moves to the last event: its sequence, hash and server time.
  const last = (i: number) => `$${offset + (count - 1) * EVENT_PARAMS + i}`;
  return {
    cte: `event AS (
      INSERT INTO audit_events (id, biz_id, stream_id, sequence, prev_hash, event_hash, actor_user_id, actor_role,
        device_id, mutation_name, mutation_id, outcome, offline, device_time, server_time, after, error_code, action)
      VALUES ${rows.join(',\n        ')})`,
    headUpdate: `UPDATE audit_streams SET last_sequence = ${last(4)}, last_hash = ${last(6)}, last_event_at = ${last(15)},
      updated_at = now() WHERE id = ${last(3)}`,
  };
}

/** Parameters for `appendEventsSql`: the events chained on from the stream head, each hashing the one before. */
export function appendEventsParams(head: StreamHead, inputs: readonly AuditInput[]): unknown[] {
  const out: unknown[] = [];
  let prevHash = head.lastHash;
  let sequence = head.lastSequence;
  for (const input of inputs) {
    sequence += 1;
    const hash = eventHash({ ...input, streamId: head.id, sequence, prevHash });
    out.push(
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
    );
    prevHash = hash;
  }
  return out;
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
