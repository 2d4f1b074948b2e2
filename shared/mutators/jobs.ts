/**
 * Field work: technicians record checkpoints and notes offline, often for days. The server accepts
 * them only while the job is still theirs and not cancelled, so late syncs never land on the
 * wrong job.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { idOf, instant, text } from './args';
import { getOwned, insertRow, iso } from './sql';
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
    const cp = await getOwned<{ fulfillment_unit_id: string; status: string }>(
      ctx.tx,
      'fulfillment_checkpoints',
      ctx.actor.bizId,
      a.checkpointId,
      'Checkpoint',
      'fulfillment_unit_id, status',
    );
    await assertWorkable(ctx, cp.fulfillment_unit_id);
    await ctx.tx.query(
      `UPDATE fulfillment_checkpoints SET status = $3, notes = coalesce($4, notes), completed_at = $5::timestamptz,
         completed_by = $6, device_time = $5::timestamptz, updated_at = now() WHERE biz_id = $1 AND id = $2`,
      [ctx.actor.bizId, a.checkpointId, a.status, a.notes ?? null, iso(a.deviceTime), ctx.actor.userId],
    );
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
