/**
 * When a booking loses its slot or seat, the rejection carries what the desk can offer instead:
 * the nearest free slots and the other qualified resources at the wanted time, from the same
 * availability engine the device runs.
 */
import type pg from 'pg';
import { alternatives } from '../../shared/availability';
import { loadAvailability } from '../../shared/availability/load';
import type { AppError } from '../../shared/errors';
import type { MutatorActor } from '../../shared/mutators/types';
import type { IncomingMutation } from './runner';

const DAY = 86_400_000;
const WITH_ALTERNATIVES = new Set(['bookings.create', 'bookings.reschedule', 'holds.convert', 'holds.place']);

export async function bookingAlternatives(
  client: pg.PoolClient,
  actor: MutatorActor,
  m: IncomingMutation,
  error: AppError,
): Promise<Record<string, unknown> | undefined> {
  if (!WITH_ALTERNATIVES.has(m.name) || !['slot_unavailable', 'capacity_full'].includes(error.code)) return undefined;
  const args = (m.name === 'holds.convert' ? (m.args as { booking?: unknown }).booking : m.args) as {
    id?: unknown;
    offerVersionId?: unknown;
    startsAt?: unknown;
    endsAt?: unknown;
    resources?: { resourceId?: unknown }[];
  } | null;
  if (!args || typeof args.startsAt !== 'string') return undefined;
  const wanted = new Date(args.startsAt);
  if (Number.isNaN(wanted.getTime())) return undefined;
  // A reschedule names only the booking: its offer and (unless moved) its resources come from it.
  let movingId: string | null = null;
  let offerVersionId = args.offerVersionId;
  let resourceIds = (args.resources ?? [])
    .map((r) => r.resourceId)
    .filter((id): id is string => typeof id === 'string');
  let durationMs = 60 * 60_000;
  if (m.name === 'bookings.reschedule') {
    if (typeof args.id !== 'string') return undefined;
    movingId = args.id;
    const { rows } = await client.query<{ offer_version_id: string | null; start: Date | null; end: Date | null }>(
      `SELECT offer_version_id, confirmed_start_at AS start, confirmed_end_at AS end FROM booking_orders
       WHERE biz_id = $1 AND id = $2`,
      [actor.bizId, movingId],
    );
    if (!rows[0]?.offer_version_id) return undefined;
    offerVersionId = rows[0].offer_version_id;
    if (rows[0].start && rows[0].end) durationMs = rows[0].end.getTime() - rows[0].start.getTime();
    if (!resourceIds.length) {
      const current = await client.query<{ resource_id: string }>(
        `SELECT a.resource_id FROM fulfillment_assignments a JOIN fulfillment_units u ON u.id = a.fulfillment_unit_id
         WHERE a.biz_id = $1 AND u.booking_order_id = $2 AND a.status IN ('reserved', 'confirmed', 'in_progress')`,
        [actor.bizId, movingId],
      );
      resourceIds = current.rows.map((r) => r.resource_id);
    }
  }
  if (typeof offerVersionId !== 'string') return undefined;
  const data = await loadAvailability(client, actor.bizId, offerVersionId, {
    start: new Date(wanted.getTime() - 60 * DAY),
    end: new Date(wanted.getTime() + 60 * DAY),
  });
  if (!data) return undefined;
  // The booking being moved does not stand in its own way.
  if (movingId) data.busy = data.busy.filter((b) => b.bookingId !== movingId);
  const alt = alternatives({ ...data, now: new Date() }, wanted, 3);
  // Who holds the slot: a manager may take it over (bookings.takeOver).
  const ends = args.endsAt;
  const end = typeof ends === 'string' ? new Date(ends) : new Date(wanted.getTime() + durationMs);
  const holders = await client.query<{ booking_id: string }>(
    `SELECT DISTINCT u.booking_order_id AS booking_id FROM fulfillment_assignments a
     JOIN fulfillment_units u ON u.id = a.fulfillment_unit_id
     WHERE a.biz_id = $1 AND a.resource_id = ANY($2) AND a.status IN ('reserved', 'confirmed', 'in_progress')
       AND a.deleted_at IS NULL AND coalesce(a.occupied_start_at, a.starts_at) < $4 AND coalesce(a.occupied_end_at, a.ends_at) > $3`,
    [actor.bizId, resourceIds, wanted, end],
  );
  return {
    conflictingBookingIds: holders.rows.map((r) => r.booking_id).filter((id) => id !== movingId),
    alternatives: {
      slots: alt.slots.map((s) => ({
        start: s.start,
        end: s.end,
        resources: s.components.map((c) => ({ componentId: c.componentId, name: c.name, resourceIds: c.assigned })),
      })),
      resourcesAtWanted: alt.resourcesAtWanted,
    },
  };
}
