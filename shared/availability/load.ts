/**
 * Reads the engine's inputs for one offer version of a biz over a time range, with plain SQL that
 * runs the same on the server (Postgres) and on the device (PGlite, through its overlay views), so
 * both answer "is this free?" from the same rows.
 */
import type { SqlTx } from '../mutators/types';
import type { AvailabilityData, OfferQuery } from './types';

const BUSY_STATUSES = "('reserved', 'confirmed', 'in_progress')";

export interface LoadRange {
  start: Date;
  end: Date;
}

/** Everything `findSlots` needs for `offerVersionId`; null when the version is not the biz's. */
export async function loadAvailability(
  tx: SqlTx,
  bizId: string,
  offerVersionId: string,
  range: LoadRange,
): Promise<(AvailabilityData & OfferQuery) | null> {
  const version = (
    await tx.query<{ id: string; offerId: string; durationMin: number | null; capacity: number | null }>(
      `SELECT id, offer_id AS "offerId", duration_min AS "durationMin", capacity
       FROM offer_versions WHERE biz_id = $1 AND id = $2`,
      [bizId, offerVersionId],
    )
  ).rows[0];
  if (!version) return null;
  // One connection runs one query at a time (pg warns otherwise): ask in sequence.
  const queries: [string, unknown[]][] = [
    [
      `SELECT id, name, target_type AS "targetType", mode, selector_match_mode AS "selectorMatchMode",
                min_quantity AS "minQuantity", sort_order AS "sortOrder"
         FROM offer_components WHERE biz_id = $1 AND offer_version_id = $2 AND deleted_at IS NULL`,
      [bizId, offerVersionId],
    ],
    [
      `SELECT s.component_id AS "componentId", s.selector_type AS "selectorType", s.resource_id AS "resourceId",
                s.resource_type AS "resourceType", s.capability_template_id AS "capabilityTemplateId",
                s.location_id AS "locationId", s.weight
         FROM offer_component_selectors s JOIN offer_components c ON c.id = s.component_id
         WHERE s.biz_id = $1 AND c.offer_version_id = $2 AND s.deleted_at IS NULL`,
      [bizId, offerVersionId],
    ],
    [
      `SELECT id, name, timezone, slot_duration_min AS "slotDurationMin", slot_interval_min AS "slotIntervalMin",
                buffer_before_min AS "bufferBeforeMin", buffer_after_min AS "bufferAfterMin",
                min_lead_time_min AS "minLeadTimeMin", max_horizon_days AS "maxHorizonDays",
                default_mode AS "defaultMode", rule_evaluation_order AS "ruleEvaluationOrder",
                conflict_mode AS "conflictMode", status
         FROM calendars WHERE biz_id = $1 AND deleted_at IS NULL`,
      [bizId],
    ],
    [
      `SELECT calendar_id AS "calendarId", owner_type AS "ownerType", resource_id AS "resourceId",
                offer_id AS "offerId", offer_version_id AS "offerVersionId", location_id AS "locationId",
                is_primary AS "isPrimary", is_active AS "isActive"
         FROM calendar_bindings WHERE biz_id = $1 AND deleted_at IS NULL`,
      [bizId],
    ],
    [
      `SELECT id, calendar_id AS "calendarId", kind, name, priority, effective_start_at AS "effectiveStartAt",
                effective_end_at AS "effectiveEndAt", is_active AS "isActive"
         FROM calendar_overlays WHERE biz_id = $1 AND deleted_at IS NULL`,
      [bizId],
    ],
    [
      `SELECT id, calendar_id AS "calendarId", overlay_id AS "overlayId", name, kind, action,
                day_of_week AS "dayOfWeek", start_date::text AS "startDate", end_date::text AS "endDate",
                start_time::text AS "startTime", end_time::text AS "endTime", starts_at AS "startsAt",
                ends_at AS "endsAt", capacity_delta AS "capacityDelta", priority, is_active AS "isActive"
         FROM availability_rules WHERE biz_id = $1 AND deleted_at IS NULL`,
      [bizId],
    ],
    [
      `SELECT id, name, type, location_id AS "locationId", buffer_before_min AS "bufferBeforeMin",
                buffer_after_min AS "bufferAfterMin", is_active AS "isActive",
                allow_simultaneous_bookings AS "allowSimultaneousBookings",
                max_simultaneous_bookings AS "maxSimultaneousBookings"
         FROM resources WHERE biz_id = $1 AND deleted_at IS NULL`,
      [bizId],
    ],
    [
      `SELECT resource_id AS "resourceId", capability_template_id AS "capabilityTemplateId",
                proficiency_score AS "proficiencyScore", valid_from AS "validFrom", valid_to AS "validTo"
         FROM resource_capability_assignments WHERE biz_id = $1 AND deleted_at IS NULL`,
      [bizId],
    ],
    ...busyQueries(bizId, range),
  ];
  const results: Record<string, unknown>[][] = [];
  for (const [sql, params] of queries) results.push((await tx.query(sql, params)).rows);
  const [
    components = [],
    selectors = [],
    calendars = [],
    bindings = [],
    overlays = [],
    rules = [],
    resources = [],
    capabilities = [],
    busy = [],
    holds = [],
  ] = results;
  const { capacityPools, capacityPoolMembers } = await loadPools(tx, bizId);
  return {
    offerVersion: version,
    components: components as unknown as OfferQuery['components'],
    selectors: selectors as unknown as OfferQuery['selectors'],
    calendars: calendars as unknown as AvailabilityData['calendars'],
    calendarBindings: bindings as unknown as AvailabilityData['calendarBindings'],
    overlays: overlays as unknown as AvailabilityData['overlays'],
    rules: (rules as unknown as AvailabilityData['rules']).map((r) => ({
      ...r,
      startTime: r.startTime ? r.startTime.slice(0, 5) : r.startTime,
      endTime: r.endTime ? r.endTime.slice(0, 5) : r.endTime,
    })),
    resources: resources as unknown as AvailabilityData['resources'],
    capabilityAssignments: capabilities as unknown as AvailabilityData['capabilityAssignments'],
    busy: [...busy, ...holds] as unknown as AvailabilityData['busy'],
    capacityPools,
    capacityPoolMembers,
  };
}

/**
 * Live assignments and live holds whose occupied span meets `range` (the engine's `busy`). Parameters
 * are numbered from `offset + 1`, for a caller appending these to a statement of its own.
 */
function busyQueries(
  bizId: string,
  range: LoadRange,
  resourceIds?: string[],
  offset = 0,
): [assignments: [string, unknown[]], holds: [string, unknown[]]] {
  const params: unknown[] = [bizId, range.start.toISOString(), range.end.toISOString()];
  if (resourceIds) params.push(resourceIds);
  const [$1, $2, $3, $4] = [1, 2, 3, 4].map((i) => `$${offset + i}`);
  return [
    [
      `SELECT a.id, 'assignment' AS kind, u.booking_order_id AS "bookingId", a.resource_id AS "resourceId",
                a.starts_at AS "startsAt", a.ends_at AS "endsAt", a.occupied_start_at AS "occupiedStartAt",
                a.occupied_end_at AS "occupiedEndAt", a.conflict_policy::text AS "conflictPolicy",
                a.occupancy_key AS "occupancyKey", coalesce(b.location_id, u.location_id) AS "locationId",
                b.offer_version_id AS "offerVersionId", b.seats, a.status::text AS status,
                NULL::timestamptz AS "expiresAt", b.booking_code AS label
         FROM fulfillment_assignments a
         JOIN fulfillment_units u ON u.id = a.fulfillment_unit_id
         LEFT JOIN booking_orders b ON b.id = u.booking_order_id
         WHERE a.biz_id = ${$1} AND a.deleted_at IS NULL AND a.status IN ${BUSY_STATUSES}
           -- The expression of fulfillment_assignments_occupied_range_idx (migration 0004).
           AND tstzrange(coalesce(a.occupied_start_at, a.starts_at), coalesce(a.occupied_end_at, a.ends_at))
               && tstzrange(${$2}::timestamptz, ${$3}::timestamptz)
           ${resourceIds ? `AND a.resource_id = ANY(${$4})` : ''}
         ORDER BY a.id`,
      params,
    ],
    [
      // Live holds (active, unexpired) are busy time for everyone else; a group of holds (one row per
      // held resource) counts its seats once, under the group's id.
      `SELECT h.id, 'hold' AS kind, coalesce(h.booking_order_id, h.metadata->>'group', h.id) AS "bookingId",
                h.resource_id AS "resourceId", h.starts_at AS "startsAt", h.ends_at AS "endsAt",
                h.starts_at - make_interval(mins => coalesce(r.buffer_before_min, 0)) AS "occupiedStartAt",
                h.ends_at + make_interval(mins => coalesce(r.buffer_after_min, 0)) AS "occupiedEndAt",
                CASE WHEN v.capacity IS NOT NULL THEN 'allow_overlap' ELSE 'enforce_no_overlap' END AS "conflictPolicy",
                CASE WHEN v.capacity IS NOT NULL
                  THEN 'class:' || h.offer_version_id || ':' || (extract(epoch FROM h.starts_at) * 1000)::bigint
                END AS "occupancyKey", h.location_id AS "locationId",
                h.offer_version_id AS "offerVersionId", h.seats, h.status::text AS status,
                h.expires_at AS "expiresAt", 'hold' AS label
         FROM booking_holds h
         LEFT JOIN resources r ON r.id = h.resource_id
         LEFT JOIN offer_versions v ON v.id = h.offer_version_id
         WHERE h.biz_id = ${$1} AND h.deleted_at IS NULL AND h.status = 'active' AND h.expires_at > now()
           AND h.ends_at > ${$2}::timestamptz AND h.starts_at < ${$3}::timestamptz
           ${resourceIds ? `AND h.resource_id = ANY(${$4})` : ''}
         ORDER BY h.id`,
      params,
    ],
  ];
}

const POOL_QUERIES = [
  `SELECT id, name, status::text AS status, total_capacity AS "totalCapacity", overbook_capacity AS "overbookCapacity"
   FROM capacity_pools WHERE biz_id = $1 AND deleted_at IS NULL AND status = 'active' ORDER BY id`,
  `SELECT m.capacity_pool_id AS "capacityPoolId", m.member_type::text AS "memberType", m.resource_id AS "resourceId",
          m.offer_version_id AS "offerVersionId", m.location_id AS "locationId",
          m.capacity_weight AS "capacityWeight", m.reserved_capacity AS "reservedCapacity"
   FROM capacity_pool_members m JOIN capacity_pools p ON p.id = m.capacity_pool_id
   WHERE m.biz_id = $1 AND m.deleted_at IS NULL AND p.deleted_at IS NULL AND p.status = 'active'
   ORDER BY m.capacity_pool_id, m.id`,
];

/**
 * What occupies resources and pools over `range`, for the server's commit-time checks (enforce.ts);
 * only what occupies `resourceIds` when given. One query (assignments and holds share their columns
 * and parameters), parameters numbered from `offset + 1` so a caller can run it in a statement of its own.
 */
export function busyQuery(
  bizId: string,
  range: LoadRange,
  resourceIds?: string[],
  offset = 0,
): { sql: string; params: unknown[] } {
  const [[assignments, params], [holds]] = busyQueries(bizId, range, resourceIds, offset);
  return { sql: `(${assignments}) UNION ALL (${holds})`, params };
}

/**
 * Active capacity pools and their members. A device that does not sync the pool tables sees no pools
 * (the server still enforces them at commit).
 */
export async function loadPools(
  tx: SqlTx,
  bizId: string,
): Promise<Required<Pick<AvailabilityData, 'capacityPools' | 'capacityPoolMembers'>>> {
  const { rows: present } = await tx.query<{ ok: boolean }>(
    "SELECT to_regclass('capacity_pools') IS NOT NULL AND to_regclass('capacity_pool_members') IS NOT NULL AS ok",
  );
  if (!present[0]?.ok) return { capacityPools: [], capacityPoolMembers: [] };
  const pools = (await tx.query(POOL_QUERIES[0]!, [bizId])).rows;
  // Most bizes have no pools: one query then.
  const members = pools.length ? (await tx.query(POOL_QUERIES[1]!, [bizId])).rows : [];
  return {
    capacityPools: pools as unknown as NonNullable<AvailabilityData['capacityPools']>,
    capacityPoolMembers: members as unknown as NonNullable<AvailabilityData['capacityPoolMembers']>,
  };
}
