/**
 * The named shapes a client may sync, per role scope. A shape is named after its table; the server
 * pins its `where` (always the caller's biz, narrowed further for technicians and customers), so no
 * client-supplied filter can ever widen what is returned.
 */
import type { ShapeScope } from './permissions';

/** Tables a front desk / manager / owner device holds for its biz. */
export const BIZ_SHAPES = [
  'bizes',
  'locations',
  'resources',
  'host_users',
  'resource_capability_templates',
  'resource_capability_assignments',
  'services',
  'offers',
  'offer_versions',
  'offer_components',
  'offer_component_selectors',
  'calendars',
  'calendar_bindings',
  'calendar_overlays',
  'availability_rules',
  // Capacity pools: the device's engine offers only what the server's commit-time count accepts.
  'capacity_pools',
  'capacity_pool_members',
  'booking_orders',
  'booking_order_lines',
  'fulfillment_units',
  'fulfillment_assignments',
  'fulfillment_checkpoints',
  'booking_holds',
  'payment_intents',
  'payment_intent_tenders',
  'membership_plans',
  'entitlement_wallets',
  'entitlement_ledger_entries',
  'entitlement_grants',
  'queues',
  'queue_tickets',
  'queue_events',
  'service_time_observations',
  'wait_time_predictions',
  'notes',
  // Job photos as metadata only (SHAPE_OMITTED_COLUMNS): the dashboard counts them.
  'fulfillment_photos',
  // Managers: resolved conflicts for the dashboard (pinned to `conflicts.resolve`; empty for the desk).
  'audit_events',
] as const;

/** A technician's device: the catalog it needs plus only the jobs assigned to them. */
export const ASSIGNED_SHAPES = [
  'bizes',
  'locations',
  'resources',
  'services',
  'offers',
  'offer_versions',
  'fulfillment_assignments',
  'fulfillment_units',
  'fulfillment_checkpoints',
  'booking_orders',
  'notes',
] as const;

/** Columns a shape never carries to devices: a job photo's image stays on the server (up to 10 MB each). */
export const SHAPE_OMITTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  fulfillment_photos: ['data'],
};

export type ShapeName = (typeof BIZ_SHAPES)[number];

export function shapesFor(scope: ShapeScope): readonly string[] {
  if (scope === 'assigned') return ASSIGNED_SHAPES;
  if (scope === 'biz') return BIZ_SHAPES;
  return [];
}
