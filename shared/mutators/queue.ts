/**
 * Walk-in queues: numbered tickets per queue and service day, moving waiting → called → serving →
 * done (or → left). Every transition appends a `queue_events` row; completing records the observed
 * service time. Desks work offline: a device proposes the next number from what it holds, and the
 * server, which serializes issuing per queue and day, keeps it when free or re-numbers to max+1
 * (the ticket id never changes). Two desks calling the same ticket offline: the first commit wins,
 * the second is rejected `invalid_state` and told which ticket is next instead.
 */
import { z } from 'zod';
import { freeNow } from '../availability';
import { loadAvailability } from '../availability/load';
import { AppError } from '../errors';
import { predictWait, type WaitEstimate } from '../queue-prediction';
import { idOf, instant, text } from './args';
import { getOwned, insertRow, invalidState, iso } from './sql';
import { defineMutator, type MutatorContext, type SqlTx } from './types';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'left';

interface TicketRow extends Record<string, unknown> {
  id: string;
  queue_id: string;
  queue_entry_id: string | null;
  service_date: string;
  ticket_number: number;
  status: TicketStatus;
  service_id: string | null;
  issued_at: string | Date;
  serving_started_at: string | Date | null;
  assigned_resource_id: string | null;
}

const TICKET_COLUMNS =
  'id, queue_id, queue_entry_id, service_date::text AS service_date, ticket_number, status, service_id, issued_at, serving_started_at, assigned_resource_id';
const QUEUE_ORDER = 'issued_at, ticket_number, id';

const serviceDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD day');

/**
 * When it happened: the device's clock (the queue is ordered by when people arrived and were
 * served, not by when a desk came back online), unless it is implausible — then the commit time.
 */
function happenedAt(ctx: MutatorContext, deviceTime: Date | undefined): Date {
  if (!deviceTime) return ctx.now;
  const drift = deviceTime.getTime() - ctx.now.getTime();
  return drift > 5 * 60_000 || drift < -2 * 86_400_000 ? ctx.now : deviceTime;
}

async function loadTicket(ctx: MutatorContext, ticketId: string): Promise<TicketRow> {
  const lock = ctx.env === 'server' ? ' FOR UPDATE' : '';
  const { rows } = await ctx.tx.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE id = $1 AND biz_id = $2 AND deleted_at IS NULL${lock}`,
    [ticketId, ctx.actor.bizId],
  );
  if (!rows[0]) throw new AppError('not_found', 'Ticket not found.');
  return { ...rows[0], ticket_number: Number(rows[0].ticket_number) };
}

/** The oldest waiting ticket of the queue's day, other than `except`. */
async function nextWaiting(tx: SqlTx, bizId: string, queueId: string, day: string, except?: string) {
  const { rows } = await tx.query<{ id: string; ticket_number: number; customer_name: string | null }>(
    `SELECT id, ticket_number, customer_name FROM queue_tickets
     WHERE biz_id = $1 AND queue_id = $2 AND service_date = $3::date AND status = 'waiting' AND deleted_at IS NULL
       AND id <> coalesce($4::text, '')
     ORDER BY ${QUEUE_ORDER} LIMIT 1`,
    [bizId, queueId, day, except ?? null],
  );
  const r = rows[0];
  return r ? { ticketId: r.id, ticketNumber: Number(r.ticket_number), customerName: r.customer_name } : null;
}

async function appendEvent(
  ctx: MutatorContext,
  t: TicketRow,
  e: { id: string; type: string; to: TicketStatus; at: Date; resourceId?: string | null; payload?: object },
) {
  await insertRow(ctx.tx, 'queue_events', {
    id: e.id,
    biz_id: ctx.actor.bizId,
    queue_id: t.queue_id,
    ticket_id: t.id,
    queue_entry_id: t.queue_entry_id ?? undefined,
    event_type: e.type,
    from_status: e.type === 'issued' ? undefined : t.status,
    to_status: e.to,
    occurred_at: iso(e.at),
    device_id: ctx.env === 'server' ? ctx.actor.deviceId : undefined,
    resource_id: e.resourceId ?? undefined,
    payload: e.payload ?? {},
    created_by: ctx.actor.userId,
  });
}

const COLUMN_OF: Partial<Record<TicketStatus, string>> = {
  called: 'called_at',
  serving: 'serving_started_at',
  done: 'done_at',
  left: 'left_at',
};

async function setStatus(ctx: MutatorContext, t: TicketRow, to: TicketStatus, at: Date, resourceId?: string | null) {
  const col = COLUMN_OF[to]!;
  await ctx.tx.query(
    `UPDATE queue_tickets SET status = $3, ${col} = $4::timestamptz,
       assigned_resource_id = coalesce($5::text, assigned_resource_id), updated_at = now(), updated_by = $6
     WHERE biz_id = $1 AND id = $2`,
    [ctx.actor.bizId, t.id, to, iso(at), resourceId ?? null, ctx.actor.userId],
  );
}

/** `invalid_state` for a ticket that is no longer where the desk thought, offering who is next instead. */
async function moved(ctx: MutatorContext, t: TicketRow, wanted: string) {
  const next = await nextWaiting(ctx.tx, ctx.actor.bizId, t.queue_id, t.service_date, t.id);
  return invalidState(
    `Ticket ${t.ticket_number} is already ${t.status}; it cannot be ${wanted}.${next ? ` Next is ${next.ticketNumber}.` : ''}`,
    { ticketId: t.id, ticketNumber: t.ticket_number, status: t.status, next },
  );
}

async function ownedResource(tx: SqlTx, bizId: string, resourceId: string) {
  const r = await getOwned<{ is_active: boolean }>(tx, 'resources', bizId, resourceId, 'Resource', 'is_active');
  if (!r.is_active) throw invalidState('That resource is not in service.');
}

export const issueTicket = defineMutator({
  name: 'queue.issueTicket',
  action: 'queue.manage',
  args: z.strictObject({
    id: idOf('queue_tickets'),
    queueId: idOf('queues'),
    eventId: idOf('queue_events'),
    serviceDate,
    /** The number the desk showed (its own max+1); the server keeps it only if still free. */
    ticketNumber: z.number().int().positive().max(1_000_000).optional(),
    customerName: text(200).optional(),
    serviceId: idOf('services').optional(),
    deviceTime: instant.optional(),
  }),
  async run(ctx, a) {
    const { tx, actor } = ctx;
    const queue = await getOwned<{ status: string; service_id: string | null }>(
      tx,
      'queues',
      actor.bizId,
      a.queueId,
      'Queue',
      'status, service_id',
    );
    if (queue.status !== 'active') throw invalidState('This queue is not taking tickets.');
    if (a.serviceId) await getOwned(tx, 'services', actor.bizId, a.serviceId, 'Service', 'id');
    if (ctx.env === 'server') {
      // One issuer per queue and day at a time: numbers are decided here, in commit order.
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `queue:${actor.bizId}:${a.queueId}:${a.serviceDate}`,
      ]);
    }
    const { rows } = await tx.query<{ max: number; taken: boolean }>(
      `SELECT coalesce(max(ticket_number), 0)::int AS max, coalesce(bool_or(ticket_number = $4), false) AS taken
       FROM queue_tickets WHERE biz_id = $1 AND queue_id = $2 AND service_date = $3::date`,
      [actor.bizId, a.queueId, a.serviceDate, a.ticketNumber ?? 0],
    );
    const max = Number(rows[0]?.max ?? 0);
    const number = a.ticketNumber && !rows[0]?.taken ? a.ticketNumber : max + 1;
    const at = happenedAt(ctx, a.deviceTime);
    await insertRow(tx, 'queue_tickets', {
      id: a.id,
      biz_id: actor.bizId,
      queue_id: a.queueId,
      service_date: a.serviceDate,
      ticket_number: number,
      customer_name: a.customerName ?? null,
      service_id: a.serviceId ?? queue.service_id ?? null,
      status: 'waiting',
      issued_at: iso(at),
      issued_by_device_id: ctx.env === 'server' ? actor.deviceId : undefined,
      metadata: a.ticketNumber && a.ticketNumber !== number ? { proposedNumber: a.ticketNumber } : {},
      created_by: actor.userId,
    });
    const ticket: TicketRow = {
      id: a.id,
      queue_id: a.queueId,
      queue_entry_id: null,
      service_date: a.serviceDate,
      ticket_number: number,
      status: 'waiting',
      service_id: null,
      issued_at: at,
      serving_started_at: null,
      assigned_resource_id: null,
    };
    await appendEvent(ctx, ticket, {
      id: a.eventId,
      type: 'issued',
      to: 'waiting',
      at,
      payload: { ticketNumber: number, ...(a.ticketNumber ? { proposedNumber: a.ticketNumber } : {}) },
    });
    return { ticketId: a.id, ticketNumber: number, renumbered: Boolean(a.ticketNumber && a.ticketNumber !== number) };
  },
});

const transitionArgs = z.strictObject({
  ticketId: idOf('queue_tickets'),
  eventId: idOf('queue_events'),
  resourceId: idOf('resources').optional(),
  deviceTime: instant.optional(),
});

export const callTicket = defineMutator({
  name: 'queue.call',
  action: 'queue.manage',
  args: transitionArgs,
  async run(ctx, a) {
    const t = await loadTicket(ctx, a.ticketId);
    if (t.status !== 'waiting' && t.status !== 'called') throw await moved(ctx, t, 'called');
    if (a.resourceId) await ownedResource(ctx.tx, ctx.actor.bizId, a.resourceId);
    const at = happenedAt(ctx, a.deviceTime);
    await setStatus(ctx, t, 'called', at, a.resourceId);
    await appendEvent(ctx, t, {
      id: a.eventId,
      type: t.status === 'called' ? 'recalled' : 'called',
      to: 'called',
      at,
      resourceId: a.resourceId ?? t.assigned_resource_id,
    });
    return { ticketId: t.id, ticketNumber: t.ticket_number };
  },
});

export const startServing = defineMutator({
  name: 'queue.startServing',
  action: 'queue.manage',
  args: transitionArgs,
  async run(ctx, a) {
    const t = await loadTicket(ctx, a.ticketId);
    if (t.status !== 'waiting' && t.status !== 'called') throw await moved(ctx, t, 'served');
    if (a.resourceId) await ownedResource(ctx.tx, ctx.actor.bizId, a.resourceId);
    const at = happenedAt(ctx, a.deviceTime);
    await setStatus(ctx, t, 'serving', at, a.resourceId);
    await appendEvent(ctx, t, {
      id: a.eventId,
      type: 'started',
      to: 'serving',
      at,
      resourceId: a.resourceId ?? t.assigned_resource_id,
    });
    return null;
  },
});

export const completeTicket = defineMutator({
  name: 'queue.complete',
  action: 'queue.manage',
  args: z.strictObject({
    ticketId: idOf('queue_tickets'),
    eventId: idOf('queue_events'),
    observationId: idOf('service_time_observations'),
    deviceTime: instant.optional(),
  }),
  async run(ctx, a) {
    const t = await loadTicket(ctx, a.ticketId);
    if (t.status !== 'serving') throw await moved(ctx, t, 'completed');
    let at = happenedAt(ctx, a.deviceTime);
    const started = t.serving_started_at ? new Date(t.serving_started_at) : at;
    if (at.getTime() <= started.getTime()) at = new Date(started.getTime() + 1000);
    const durationSec = Math.max(1, Math.round((at.getTime() - started.getTime()) / 1000));
    await setStatus(ctx, t, 'done', at);
    await appendEvent(ctx, t, {
      id: a.eventId,
      type: 'completed',
      to: 'done',
      at,
      resourceId: t.assigned_resource_id,
      payload: { durationSec },
    });
    await insertRow(ctx.tx, 'service_time_observations', {
      id: a.observationId,
      biz_id: ctx.actor.bizId,
      queue_id: t.queue_id,
      ticket_id: t.id,
      resource_id: t.assigned_resource_id ?? undefined,
      service_id: t.service_id ?? undefined,
      source: 'actual',
      started_at: iso(started),
      ended_at: iso(at),
      duration_sec: durationSec,
      observed_at: iso(at),
      created_by: ctx.actor.userId,
    });
    return { durationSec };
  },
});

export const leaveQueue = defineMutator({
  name: 'queue.leave',
  action: 'queue.manage',
  args: z.strictObject({
    ticketId: idOf('queue_tickets'),
    eventId: idOf('queue_events'),
    deviceTime: instant.optional(),
  }),
  async run(ctx, a) {
    const t = await loadTicket(ctx, a.ticketId);
    if (t.status !== 'waiting' && t.status !== 'called') throw await moved(ctx, t, 'marked as left');
    const at = happenedAt(ctx, a.deviceTime);
    await setStatus(ctx, t, 'left', at);
    await appendEvent(ctx, t, { id: a.eventId, type: 'left', to: 'left', at });
    return null;
  },
});

/** Resources busy with a called or serving ticket right now. */
async function busyResources(tx: SqlTx, bizId: string): Promise<Set<string>> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT DISTINCT assigned_resource_id AS id FROM queue_tickets
     WHERE biz_id = $1 AND status IN ('called', 'serving') AND assigned_resource_id IS NOT NULL AND deleted_at IS NULL`,
    [bizId],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * The first resource free right now and qualified for the offer (the availability engine's
 * `freeNow`, on the rows this side holds), not already busy with another ticket.
 */
export async function firstFreeResource(
  tx: SqlTx,
  bizId: string,
  offerVersionId: string,
  now: Date,
): Promise<string | null> {
  const data = await loadAvailability(tx, bizId, offerVersionId, {
    start: new Date(now.getTime() - 86_400_000),
    end: new Date(now.getTime() + 86_400_000),
  });
  if (!data) throw new AppError('not_found', 'Offer not found.');
  const busy = await busyResources(tx, bizId);
  const free = freeNow({ ...data, now }, now, 0, { durationMin: 1 });
  return (
    free.find((r) => r.componentIds.length > 0 && r.freeFromMs <= now.getTime() && !busy.has(r.resourceId))
      ?.resourceId ?? null
  );
}

export const callNext = defineMutator({
  name: 'queue.callNext',
  action: 'queue.manage',
  args: z.strictObject({
    queueId: idOf('queues'),
    serviceDate,
    /** The ticket the desk saw at the head of the queue; without it, the oldest waiting one. */
    ticketId: idOf('queue_tickets').optional(),
    eventId: idOf('queue_events'),
    /** Who serves; without it, the first free qualified resource for `offerVersionId`. */
    resourceId: idOf('resources').optional(),
    offerVersionId: idOf('offer_versions').optional(),
    deviceTime: instant.optional(),
  }),
  async run(ctx, a) {
    const { tx, actor } = ctx;
    await getOwned(tx, 'queues', actor.bizId, a.queueId, 'Queue', 'id');
    let ticketId = a.ticketId;
    if (!ticketId) {
      const next = await nextWaiting(tx, actor.bizId, a.queueId, a.serviceDate);
      if (!next) throw invalidState('No one is waiting.', { next: null });
      ticketId = next.ticketId;
    }
    const t = await loadTicket(ctx, ticketId);
    if (t.queue_id !== a.queueId) throw new AppError('not_found', 'Ticket not found.');
    // Called by another desk first (or gone): this desk is told, and offered who is next now.
    if (t.status !== 'waiting') throw await moved(ctx, t, 'called again');
    let resourceId = a.resourceId ?? null;
    if (resourceId) await ownedResource(tx, actor.bizId, resourceId);
    else if (a.offerVersionId) resourceId = await firstFreeResource(tx, actor.bizId, a.offerVersionId, ctx.now);
    const at = happenedAt(ctx, a.deviceTime);
    await setStatus(ctx, t, 'called', at, resourceId);
    await appendEvent(ctx, t, { id: a.eventId, type: 'called', to: 'called', at, resourceId });
    return { ticketId: t.id, ticketNumber: t.ticket_number, resourceId };
  },
});

export interface QueueSnapshot {
  avgServiceMin: number | null;
  observationsSec: number[];
  /** Waiting tickets in queue order. */
  waiting: { id: string; ticket_number: number }[];
  staffOnShift: number;
}

/** What a wait estimate for the queue's day is made from, on either side. */
export async function queueSnapshot(tx: SqlTx, bizId: string, queueId: string, day: string): Promise<QueueSnapshot> {
  const q = await getOwned<{ avg_service_min: number | null }>(
    tx,
    'queues',
    bizId,
    queueId,
    'Queue',
    'avg_service_min',
  );
  const obs = await tx.query<{ d: number }>(
    `SELECT duration_sec AS d FROM service_time_observations WHERE biz_id = $1 AND queue_id = $2
     ORDER BY observed_at DESC LIMIT 20`,
    [bizId, queueId],
  );
  const waiting = await tx.query<{ id: string; ticket_number: number }>(
    `SELECT id, ticket_number FROM queue_tickets WHERE biz_id = $1 AND queue_id = $2 AND service_date = $3::date
       AND status = 'waiting' AND deleted_at IS NULL ORDER BY ${QUEUE_ORDER}`,
    [bizId, queueId, day],
  );
  const staff = await tx.query<{ n: number }>(
    `SELECT count(DISTINCT assigned_resource_id)::int AS n FROM queue_tickets
     WHERE biz_id = $1 AND queue_id = $2 AND service_date = $3::date AND status IN ('called', 'serving', 'done')`,
    [bizId, queueId, day],
  );
  return {
    avgServiceMin: q.avg_service_min === null ? null : Number(q.avg_service_min),
    observationsSec: obs.rows.map((r) => Number(r.d)),
    waiting: waiting.rows.map((r) => ({ id: r.id, ticket_number: Number(r.ticket_number) })),
    staffOnShift: Math.max(1, Number(staff.rows[0]?.n ?? 0)),
  };
}

/** Records the current wait estimate for the queue (or for one waiting ticket) in `wait_time_predictions`. */
export const predictQueueWait = defineMutator({
  name: 'queue.predict',
  action: 'queue.manage',
  args: z.strictObject({
    predictionId: idOf('wait_time_predictions'),
    queueId: idOf('queues'),
    serviceDate,
    ticketId: idOf('queue_tickets').optional(),
    staffOnShift: z.number().int().min(1).max(200).optional(),
  }),
  async run(ctx, a): Promise<WaitEstimate> {
    const snap = await queueSnapshot(ctx.tx, ctx.actor.bizId, a.queueId, a.serviceDate);
    let position = snap.waiting.length;
    if (a.ticketId) {
      const t = await loadTicket(ctx, a.ticketId);
      if (t.queue_id !== a.queueId) throw new AppError('not_found', 'Ticket not found.');
      const idx = snap.waiting.findIndex((w) => w.id === a.ticketId);
      if (idx < 0) throw invalidState(`Ticket ${t.ticket_number} is not waiting.`);
      position = idx;
    }
    const staffOnShift = a.staffOnShift ?? snap.staffOnShift;
    const est = predictWait({
      observationsSec: snap.observationsSec,
      position,
      staffOnShift,
      fallbackServiceMin: snap.avgServiceMin,
    });
    await insertRow(ctx.tx, 'wait_time_predictions', {
      id: a.predictionId,
      biz_id: ctx.actor.bizId,
      queue_id: a.queueId,
      ticket_id: a.ticketId,
      predicted_wait_min: est.minutes,
      predicted_wait_low_min: est.lowMin,
      predicted_wait_high_min: est.highMin,
      people_ahead: position,
      method: est.method,
      inputs: {
        medianServiceMin: est.medianServiceMin,
        observations: est.observations,
        staffOnShift,
        explanation: est.explanation,
      },
      predicted_at: iso(ctx.now),
      created_by: ctx.actor.userId,
    });
    return est;
  },
});
