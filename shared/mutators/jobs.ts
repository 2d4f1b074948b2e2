/**
 * Field work: technicians record checkpoints and notes offline, often for days. The server accepts
 * them only while the job is still theirs and not cancelled, so late syncs never land on the
 * wrong job.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { idOf, instant, text } from './args';
import { getOwned, insertRow, invalidState, iso } from './sql';
import { defineMutator, type MutatorContext } from './types';

/** Server: the unit must still be live and (for technicians) assigned to the actor. */
async function assertWorkable(ctx: MutatorContext, unitId: string) {
  const unit = await getOwned<{ status: string }>(
    ctx.tx,
    'fulfillment_units',
    ctx.actor.bizId,
    unitId,
    'Job',
    'status',
  );
  if (ctx.env !== 'server') return;
  if (unit.status === 'cancelled') throw new AppError('job_cancelled');
  if (ctx.actor.role !== 'technician') return;
  const { rows } = await ctx.tx.query(
    `SELECT 1 FROM fulfillment_assignments a JOIN resources r ON r.id = a.resource_id AND r.biz_id = a.biz_id
     WHERE a.biz_id = $1 AND a.fulfillment_unit_id = $2 AND r.host_user_id = $3
       AND a.status NOT IN ('cancelled', 'released') AND a.deleted_at IS NULL`,
    [ctx.actor.bizId, unitId, ctx.actor.userId],
  );
  if (rows.length === 0) throw new AppError('assignment_changed');
}

/**
 * A job's status follows its checklist (the rows without `data.entry`): the first step done starts
 * it; the completion step done, or the last open step recorded with every step done or skipped,
 * completes it at that step's device time. Completing stops a running clock at the same time, and
 * the booking follows once none of its units is still open. Recorded steps never reopen a job.
 */
async function advanceJob(ctx: MutatorContext, unitId: string, step: { kind: string; status: string }, at: Date) {
  const { bizId, userId } = ctx.actor;
  const { rows } = await ctx.tx.query<{ status: string; booking_order_id: string; open: number; failed: number }>(
    `SELECT u.status::text AS status, u.booking_order_id,
            count(c.id) FILTER (WHERE c.status::text = 'pending')::int AS open,
            count(c.id) FILTER (WHERE c.status::text = 'failed')::int AS failed
     FROM fulfillment_units u
     LEFT JOIN fulfillment_checkpoints c ON c.biz_id = u.biz_id AND c.fulfillment_unit_id = u.id
       AND c.deleted_at IS NULL AND c.data->>'entry' IS NULL
     WHERE u.biz_id = $1 AND u.id = $2
     GROUP BY u.status, u.booking_order_id`,
    [bizId, unitId],
  );
  const unit = rows[0];
  if (!unit || !['planned', 'scheduled', 'in_progress'].includes(unit.status)) return;
  const completes = (step.kind === 'completion' && step.status === 'done') || (unit.open === 0 && unit.failed === 0);
  const when = iso(at);
  if (!completes) {
    if (step.status !== 'done' || unit.status === 'in_progress') return;
    await ctx.tx.query(
      `UPDATE fulfillment_units SET status = 'in_progress', actual_start_at = coalesce(actual_start_at, $3::timestamptz),
         updated_at = now(), updated_by = $4 WHERE biz_id = $1 AND id = $2`,
      [bizId, unitId, when, userId],
    );
    await ctx.tx.query(
      `UPDATE booking_orders SET status = 'in_progress', updated_at = now(), updated_by = $3
       WHERE biz_id = $1 AND id = $2 AND status::text IN ('confirmed', 'checked_in')`,
      [bizId, unit.booking_order_id, userId],
    );
    return;
  }
  // A device clock behind the recorded start must not make the job end before it began.
  await ctx.tx.query(
    `UPDATE fulfillment_units SET status = 'completed',
       actual_start_at = least(coalesce(actual_start_at, $3::timestamptz), $3::timestamptz),
       actual_end_at = $3::timestamptz, updated_at = now(), updated_by = $4
     WHERE biz_id = $1 AND id = $2`,
    [bizId, unitId, when, userId],
  );
  const clocks = await ctx.tx.query<{ id: string; data: { startedAt?: string } }>(
    `SELECT id, data FROM fulfillment_checkpoints WHERE biz_id = $1 AND fulfillment_unit_id = $2
       AND data->>'entry' = 'time' AND status::text = 'pending' AND deleted_at IS NULL`,
    [bizId, unitId],
  );
  for (const clock of clocks.rows) {
    const started = Date.parse(clock.data?.startedAt ?? '');
    const ended = iso(new Date(Math.max(at.getTime(), Number.isNaN(started) ? 0 : started)));
    await ctx.tx.query(
      `UPDATE fulfillment_checkpoints SET status = 'done', completed_at = $3::timestamptz, completed_by = $4,
         data = data || jsonb_build_object('endedAt', $5::text), updated_at = now(), updated_by = $4
       WHERE biz_id = $1 AND id = $2`,
      [bizId, clock.id, ended, userId, ended],
    );
  }
  await ctx.tx.query(
    `UPDATE booking_orders SET status = 'completed', updated_at = now(), updated_by = $3
     WHERE biz_id = $1 AND id = $2 AND status::text IN ('confirmed', 'checked_in', 'in_progress')
       AND NOT EXISTS (SELECT 1 FROM fulfillment_units u WHERE u.biz_id = $1 AND u.booking_order_id = $2
                         AND u.deleted_at IS NULL AND u.status::text NOT IN ('completed', 'cancelled', 'no_show'))`,
    [bizId, unit.booking_order_id, userId],
  );
}

/**
 * Server: one writer per job at a time, so two devices' entries never take the same sequence and two
 * last steps recorded at once still see each other (one of them completes the job).
 */
async function lockJob(ctx: MutatorContext, unitId: string) {
  if (ctx.env !== 'server') return;
  await ctx.tx.query('SELECT 1 FROM fulfillment_units WHERE biz_id = $1 AND id = $2 FOR UPDATE', [
    ctx.actor.bizId,
    unitId,
  ]);
}

export const recordCheckpoint = defineMutator({
  name: 'jobs.checkpoint',
  action: 'job.checkpoint',
  args: z.strictObject({
    checkpointId: idOf('fulfillment_checkpoints'),
    status: z.enum(['done', 'skipped', 'failed']),
    notes: z.string().trim().max(2000).optional(),
    deviceTime: instant,
  }),
  async run(ctx, a) {
    const cp = await getOwned<{ fulfillment_unit_id: string; status: string; kind: string; entry: string | null }>(
      ctx.tx,
      'fulfillment_checkpoints',
      ctx.actor.bizId,
      a.checkpointId,
      'Checkpoint',
      "fulfillment_unit_id, status, kind::text AS kind, data->>'entry' AS entry",
    );
    await assertWorkable(ctx, cp.fulfillment_unit_id);
    await lockJob(ctx, cp.fulfillment_unit_id);
    await ctx.tx.query(
      `UPDATE fulfillment_checkpoints SET status = $3, notes = coalesce($4, notes), completed_at = $5::timestamptz,
         completed_by = $6, device_time = $5::timestamptz, updated_at = now() WHERE biz_id = $1 AND id = $2`,
      [ctx.actor.bizId, a.checkpointId, a.status, a.notes ?? null, iso(a.deviceTime), ctx.actor.userId],
    );
    if (cp.entry === null)
      await advanceJob(ctx, cp.fulfillment_unit_id, { kind: cp.kind, status: a.status }, a.deviceTime);
    return null;
  },
});

export const addNote = defineMutator({
  name: 'notes.add',
  action: 'note.write',
  args: z.strictObject({
    id: idOf('notes'),
    subject: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('fulfillment_unit'), id: idOf('fulfillment_units') }),
      z.strictObject({ type: z.literal('booking_order'), id: idOf('booking_orders') }),
    ]),
    body: text(10_000),
    deviceTime: instant,
  }),
  async run(ctx, a) {
    if (a.subject.type === 'fulfillment_unit') await assertWorkable(ctx, a.subject.id);
    else await getOwned(ctx.tx, 'booking_orders', ctx.actor.bizId, a.subject.id, 'Booking', 'id');
    await insertRow(ctx.tx, 'notes', {
      id: a.id,
      biz_id: ctx.actor.bizId,
      subject_type: a.subject.type,
      fulfillment_unit_id: a.subject.type === 'fulfillment_unit' ? a.subject.id : null,
      booking_order_id: a.subject.type === 'booking_order' ? a.subject.id : null,
      body: a.body,
      author_user_id: ctx.actor.userId,
      device_time: iso(a.deviceTime),
      created_by: ctx.actor.userId,
    });
    return null;
  },
});

/**
 * Parts used and time on the job are work-log rows of the job's checkpoints (kind `custom`, after the
 * ordered checklist), told apart by `data.entry` ('part' | 'time'): no extra table, and they sync,
 * stay offline for days and are kept by the same rules as the checklist.
 */
async function nextSequence(ctx: MutatorContext, unitId: string): Promise<number> {
  await lockJob(ctx, unitId);
  const { rows } = await ctx.tx.query<{ next: number }>(
    `SELECT coalesce(max(sequence), 0)::int + 1 AS next FROM fulfillment_checkpoints
     WHERE biz_id = $1 AND fulfillment_unit_id = $2`,
    [ctx.actor.bizId, unitId],
  );
  return rows[0]?.next ?? 1;
}

export const addPart = defineMutator({
  name: 'jobs.addPart',
  action: 'job.checkpoint',
  args: z.strictObject({
    entryId: idOf('fulfillment_checkpoints'),
    unitId: idOf('fulfillment_units'),
    part: text(200),
    quantity: z.number().positive().max(10_000),
    deviceTime: instant,
  }),
  async run(ctx, a) {
    await assertWorkable(ctx, a.unitId);
    await insertRow(ctx.tx, 'fulfillment_checkpoints', {
      id: a.entryId,
      biz_id: ctx.actor.bizId,
      fulfillment_unit_id: a.unitId,
      sequence: await nextSequence(ctx, a.unitId),
      name: `Part: ${a.part}`,
      kind: 'custom',
      status: 'done',
      completed_at: iso(a.deviceTime),
      completed_by: ctx.actor.userId,
      device_time: iso(a.deviceTime),
      data: { entry: 'part', part: a.part, quantity: a.quantity },
      created_by: ctx.actor.userId,
    });
    return null;
  },
});

/** Start or stop the job's clock; a job has at most one running clock. */
export const clockJob = defineMutator({
  name: 'jobs.clock',
  action: 'job.checkpoint',
  args: z.discriminatedUnion('action', [
    z.strictObject({
      action: z.literal('start'),
      entryId: idOf('fulfillment_checkpoints'),
      unitId: idOf('fulfillment_units'),
      deviceTime: instant,
    }),
    z.strictObject({ action: z.literal('stop'), entryId: idOf('fulfillment_checkpoints'), deviceTime: instant }),
  ]),
  async run(ctx, a) {
    if (a.action === 'start') {
      await assertWorkable(ctx, a.unitId);
      const sequence = await nextSequence(ctx, a.unitId);
      const { rows } = await ctx.tx.query(
        `SELECT 1 FROM fulfillment_checkpoints WHERE biz_id = $1 AND fulfillment_unit_id = $2
           AND data->>'entry' = 'time' AND status = 'pending' AND deleted_at IS NULL`,
        [ctx.actor.bizId, a.unitId],
      );
      if (rows.length > 0) throw invalidState('The clock is already running on this job.');
      await insertRow(ctx.tx, 'fulfillment_checkpoints', {
        id: a.entryId,
        biz_id: ctx.actor.bizId,
        fulfillment_unit_id: a.unitId,
        sequence,
        name: 'Time on job',
        kind: 'custom',
        status: 'pending',
        device_time: iso(a.deviceTime),
        data: { entry: 'time', startedAt: iso(a.deviceTime) },
        created_by: ctx.actor.userId,
      });
      return null;
    }
    const entry = await getOwned<{
      fulfillment_unit_id: string;
      status: string;
      data: { entry?: string; startedAt?: string };
    }>(
      ctx.tx,
      'fulfillment_checkpoints',
      ctx.actor.bizId,
      a.entryId,
      'Time entry',
      'fulfillment_unit_id, status, data',
    );
    if (entry.data?.entry !== 'time') throw invalidState('That checkpoint is not a time entry.');
    if (entry.status !== 'pending') throw invalidState('The clock is already stopped.');
    await assertWorkable(ctx, entry.fulfillment_unit_id);
    const startedAt = entry.data.startedAt ? Date.parse(entry.data.startedAt) : Number.NaN;
    // A device clock that went backwards must not record negative time: the entry ends where it began.
    const endedAt = iso(new Date(Math.max(a.deviceTime.getTime(), Number.isNaN(startedAt) ? 0 : startedAt)));
    await ctx.tx.query(
      `UPDATE fulfillment_checkpoints SET status = 'done', completed_at = $3::timestamptz, completed_by = $4,
         data = data || jsonb_build_object('endedAt', $5::text), updated_at = now(), updated_by = $4
       WHERE biz_id = $1 AND id = $2`,
      [ctx.actor.bizId, a.entryId, endedAt, ctx.actor.userId, endedAt],
    );
    return null;
  },
});
