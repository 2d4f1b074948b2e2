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

export async function bookingAlternatives(
  client: pg.PoolClient,
  actor: MutatorActor,
  m: IncomingMutation,
  error: AppError,
): Promise<Record<string, unknown> | undefined> {
  if (m.name !== 'bookings.create' || !['slot_unavailable', 'capacity_full'].includes(error.code)) return undefined;
  const args = m.args as { offerVersionId?: unknown; startsAt?: unknown };
  if (typeof args.offerVersionId !== 'string' || typeof args.startsAt !== 'string') return undefined;
  const wanted = new Date(args.startsAt);
  if (Number.isNaN(wanted.getTime())) return undefined;
  const data = await loadAvailability(client, actor.bizId, args.offerVersionId, {
    start: new Date(wanted.getTime() - 60 * DAY),
    end: new Date(wanted.getTime() + 60 * DAY),
  });
  if (!data) return undefined;
  const alt = alternatives({ ...data, now: new Date() }, wanted, 3);
  // Who holds the slot: a manager may take it over (bookings.takeOver).
  const resources = (m.args as { resources?: { resourceId?: unknown }[] }).resources ?? [];
  const resourceIds = resources.map((r) => r.resourceId).filter((id): id is string => typeof id === 'string');
  const ends = (m.args as { endsAt?: unknown }).endsAt;
  const end = typeof ends === 'string' ? new Date(ends) : new Date(wanted.getTime() + 60 * 60_000);
  const holders = await client.query<{ booking_id: string }>(
    `SELECT DISTINCT u.booking_order_id AS booking_id FROM fulfillment_assignments a
     JOIN fulfillment_units u ON u.id = a.fulfillment_unit_id
     WHERE a.biz_id = $1 AND a.resource_id = ANY($2) AND a.status IN ('reserved', 'confirmed', 'in_progress')
       AND a.deleted_at IS NULL AND coalesce(a.occupied_start_at, a.starts_at) < $4 AND coalesce(a.occupied_end_at, a.ends_at) > $3`,
    [actor.bizId, resourceIds, wanted, end],
  );
  return {
    conflictingBookingIds: holders.rows.map((r) => r.booking_id),
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
