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

/** Appends one event to its stream inside the caller's transaction. */
export async function appendAudit(client: pg.PoolClient, input: AuditInput): Promise<void> {
  await client.query(
    `INSERT INTO audit_streams (id, biz_id, stream_key) VALUES ($1, $2, $3)
     ON CONFLICT (biz_id, stream_key) DO NOTHING`,
    [newId('audit_streams'), input.bizId, input.streamKey],
  );
  const { rows } = await client.query<{ id: string; last_sequence: number; last_hash: string | null }>(
    'SELECT id, last_sequence, last_hash FROM audit_streams WHERE biz_id = $1 AND stream_key = $2 FOR UPDATE',
    [input.bizId, input.streamKey],
  );
  const stream = rows[0]!;
  const sequence = Number(stream.last_sequence) + 1;
  const hashed: Hashed = { ...input, streamId: stream.id, sequence, prevHash: stream.last_hash };
  const hash = eventHash(hashed);
  await client.query(
    `INSERT INTO audit_events (id, biz_id, stream_id, sequence, prev_hash, event_hash, actor_user_id, actor_role,
       device_id, mutation_name, mutation_id, outcome, offline, device_time, server_time, action, after, error_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'mutation', $16::jsonb, $17)`,
    [
      newId('audit_events'),
      input.bizId,
      stream.id,
      sequence,
      stream.last_hash,
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
    ],
  );
  await client.query(
    'UPDATE audit_streams SET last_sequence = $2, last_hash = $3, last_event_at = $4, updated_at = now() WHERE id = $1',
    [stream.id, sequence, hash, input.serverTime],
  );
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
