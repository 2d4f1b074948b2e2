/**
 * Time and availability: calendars say how time behaves (zone, slots, buffers, lead time, horizon),
 * bindings attach them to resources/services/offers/locations, overlays and rules open or close time,
 * capacity pools share inventory across owners, and resolution runs explain each decision.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  time,
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  auditColumns,
  bizIdCol,
  bizIdUnique,
  bothOrNeither,
  checkNamed,
  compositeFk,
  idPk,
  idx,
  metadataCol,
  sameBiz,
  shapeCheck,
  ts,
} from './_common';
import { resources } from './core/resources';
import { serviceProducts } from './core/service_products';
import { services } from './core/services';
import { subjects } from './core/subjects';
import { locations } from './core/tenancy';
import { offers, offerVersions } from './offers';

export const calendarStatus = pgEnum('calendar_status', ['active', 'inactive']);
/** open: time is available unless a rule closes it · closed: unavailable unless a rule opens it. */
export const calendarDefaultMode = pgEnum('calendar_default_mode', ['open', 'closed']);
export const calendarRuleEvaluationOrder = pgEnum('calendar_rule_evaluation_order', [
  'priority_asc',
  'priority_desc',
  'specificity_then_priority',
]);
/** How two matching rules with opposite outcomes are reconciled. */
export const calendarConflictMode = pgEnum('calendar_conflict_mode', [
  'priority_wins',
  'unavailable_wins',
  'available_wins',
  'most_restrictive_wins',
]);
export const calendarBindingOwnerType = pgEnum('calendar_binding_owner_type', [
  'resource',
  'service',
  'service_product',
  'offer',
  'offer_version',
  'location',
  'custom_subject',
]);
export const calendarOverlayKind = pgEnum('calendar_overlay_kind', [
  'base',
  'blackout',
  'seasonal',
  'maintenance',
  'emergency',
  'promo',
]);
/** weekly_recurring: a weekday + times · date_range: local dates (+ times) · timestamp_range: exact instants (exceptions). */
export const availabilityRuleKind = pgEnum('availability_rule_kind', [
  'weekly_recurring',
  'date_range',
  'timestamp_range',
]);
export const availabilityRuleAction = pgEnum('availability_rule_action', [
  'available',
  'unavailable',
  'override_hours',
  'special_pricing',
  'capacity_adjustment',
]);
export const capacityPoolStatus = pgEnum('capacity_pool_status', ['active', 'inactive', 'archived']);
export const capacityPoolMemberType = pgEnum('capacity_pool_member_type', [
  'resource',
  'offer_version',
  'location',
  'custom_subject',
]);
export const availabilityResolutionStatus = pgEnum('availability_resolution_status', [
  'available',
  'unavailable',
  'mixed',
  'error',
]);

/** How time behaves for whatever is bound to it: zone, slot grid, buffers, lead time, horizon, rule semantics. */
export const calendars = pgTable(
  'calendars',
  {
    id: idPk('calendars'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 200 }).notNull(),
    /** IANA zone; rules' local dates and times are read in it. */
    timezone: varchar('timezone', { length: 50 }).notNull().default('UTC'),
    slotDurationMin: integer('slot_duration_min').notNull().default(30),
    slotIntervalMin: integer('slot_interval_min').notNull().default(15),
    bufferBeforeMin: integer('buffer_before_min').notNull().default(0),
    bufferAfterMin: integer('buffer_after_min').notNull().default(0),
    /** A slot must start at least this long after "now". */
    minLeadTimeMin: integer('min_lead_time_min').notNull().default(0),
    /** A slot must start within this many days of "now". */
    maxHorizonDays: integer('max_horizon_days').notNull().default(365),
    defaultMode: calendarDefaultMode('default_mode').notNull().default('open'),
    ruleEvaluationOrder: calendarRuleEvaluationOrder('rule_evaluation_order')
      .notNull()
      .default('specificity_then_priority'),
    conflictMode: calendarConflictMode('conflict_mode').notNull().default('unavailable_wins'),
    status: calendarStatus('status').notNull().default('active'),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('calendars', t),
    checkNamed('calendars', 'slot_positive', sql`${t.slotDurationMin} > 0 AND ${t.slotIntervalMin} > 0`),
    checkNamed('calendars', 'buffers_nonneg', sql`${t.bufferBeforeMin} >= 0 AND ${t.bufferAfterMin} >= 0`),
    checkNamed(
      'calendars',
      'horizon',
      sql`${t.minLeadTimeMin} >= 0 AND ${t.maxHorizonDays} >= 0 AND ${t.maxHorizonDays} * 1440 >= ${t.minLeadTimeMin}`,
    ),
    idx('calendars', 'biz_status').on(t.bizId, t.status),
  ],
);

/** Attaches a calendar to exactly one owner (resource, service, offer, location, ...); one calendar can be shared. */
export const calendarBindings = pgTable(
  'calendar_bindings',
  {
    id: idPk('calendar_bindings'),
    bizId: bizIdCol(),
    calendarId: text('calendar_id').notNull(),
    ownerType: calendarBindingOwnerType('owner_type').notNull(),
    resourceId: text('resource_id'),
    serviceId: text('service_id'),
    serviceProductId: text('service_product_id'),
    offerId: text('offer_id'),
    offerVersionId: text('offer_version_id'),
    locationId: text('location_id'),
    /** Registry row for the custom_subject escape hatch. */
    subjectId: text('subject_id'),
    /** The owner's governing calendar (at most one active primary per owner). */
    isPrimary: boolean('is_primary').notNull().default(true),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('calendar_bindings', t),
    sameBiz('calendar_bindings', t, t.calendarId, calendars, { onDelete: 'cascade' }),
    sameBiz('calendar_bindings', t, t.resourceId, resources, { onDelete: 'cascade' }),
    sameBiz('calendar_bindings', t, t.serviceId, services, { onDelete: 'cascade' }),
    sameBiz('calendar_bindings', t, t.serviceProductId, serviceProducts, { onDelete: 'cascade' }),
    sameBiz('calendar_bindings', t, t.offerId, offers, { onDelete: 'cascade' }),
    sameBiz('calendar_bindings', t, t.offerVersionId, offerVersions, { onDelete: 'cascade' }),
    sameBiz('calendar_bindings', t, t.locationId, locations, { onDelete: 'cascade' }),
    sameBiz('calendar_bindings', t, t.subjectId, subjects, { onDelete: 'cascade' }),
    shapeCheck('calendar_bindings', 'owner_shape', t.ownerType, {
      resource: [t.resourceId],
      service: [t.serviceId],
      service_product: [t.serviceProductId],
      offer: [t.offerId],
      offer_version: [t.offerVersionId],
      location: [t.locationId],
      custom_subject: [t.subjectId],
    }),
    ...(
      [
        ['resource', t.resourceId],
        ['service', t.serviceId],
        ['service_product', t.serviceProductId],
        ['offer', t.offerId],
        ['offer_version', t.offerVersionId],
        ['location', t.locationId],
        ['custom_subject', t.subjectId],
      ] as const
    ).map(([kind, col]) =>
      uniqueIndex(`calendar_bindings_primary_${kind}_uq`)
        .on(t.bizId, col)
        .where(
          sql`${t.ownerType} = ${sql.raw(`'${kind}'`)} AND ${t.isPrimary} AND ${t.isActive} AND ${t.deletedAt} IS NULL`,
        ),
    ),
    idx('calendar_bindings', 'biz_calendar').on(t.bizId, t.calendarId),
    idx('calendar_bindings', 'biz_resource').on(t.bizId, t.resourceId).where(sql`${t.resourceId} IS NOT NULL`),
    idx('calendar_bindings', 'biz_offer_version')
      .on(t.bizId, t.offerVersionId)
      .where(sql`${t.offerVersionId} IS NOT NULL`),
    idx('calendar_bindings', 'biz_location').on(t.bizId, t.locationId).where(sql`${t.locationId} IS NOT NULL`),
  ],
);

/** A named layer of rules on a calendar (holidays, a season, an emergency closure), active in a window. */
export const calendarOverlays = pgTable(
  'calendar_overlays',
  {
    id: idPk('calendar_overlays'),
    bizId: bizIdCol(),
    calendarId: text('calendar_id').notNull(),
    kind: calendarOverlayKind('kind').notNull(),
    name: varchar('name', { length: 180 }).notNull(),
    description: varchar('description', { length: 600 }),
    /** Higher overrides lower. */
    priority: integer('priority').notNull().default(100),
    effectiveStartAt: ts('effective_start_at'),
    effectiveEndAt: ts('effective_end_at'),
    isActive: boolean('is_active').notNull().default(true),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('calendar_overlays', t),
    /** Target of the rules' `(biz_id, calendar_id, overlay_id)` FK: a rule's overlay is on the rule's calendar. */
    unique('calendar_overlays_biz_calendar_id_uq').on(t.bizId, t.calendarId, t.id),
    sameBiz('calendar_overlays', t, t.calendarId, calendars, { onDelete: 'cascade' }),
    checkNamed(
      'calendar_overlays',
      'window',
      sql`${t.effectiveStartAt} IS NULL OR ${t.effectiveEndAt} IS NULL OR ${t.effectiveEndAt} > ${t.effectiveStartAt}`,
    ),
    idx('calendar_overlays', 'biz_calendar_active').on(t.bizId, t.calendarId, t.isActive, t.priority),
    idx('calendar_overlays', 'biz_calendar_window').on(t.bizId, t.calendarId, t.effectiveStartAt, t.effectiveEndAt),
  ],
);

/** "If time matches this pattern, apply this action": weekly hours, closed dates, exceptions, surges, capacity. */
export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: idPk('availability_rules'),
    bizId: bizIdCol(),
    calendarId: text('calendar_id').notNull(),
    overlayId: text('overlay_id'),
    name: varchar('name', { length: 200 }).notNull(),
    kind: availabilityRuleKind('kind').notNull(),
    action: availabilityRuleAction('action').notNull(),
    /** 0 = Sunday .. 6 = Saturday (weekly_recurring). */
    dayOfWeek: integer('day_of_week'),
    /** Local dates in the calendar's zone: the range of date_range, optional validity of weekly_recurring. */
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    /** Local wall-clock times in the calendar's zone; NULL both = the whole day. */
    startTime: time('start_time'),
    endTime: time('end_time'),
    /** Exact instants (timestamp_range). */
    startsAt: ts('starts_at'),
    endsAt: ts('ends_at'),
    /** Seats added (or removed, negative) by capacity_adjustment. */
    capacityDelta: integer('capacity_delta'),
    pricingAdjustment: jsonb('pricing_adjustment').$type<Record<string, unknown>>(),
    /** Lower is evaluated earlier under priority_asc. */
    priority: integer('priority').notNull().default(100),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('availability_rules', t),
    sameBiz('availability_rules', t, t.calendarId, calendars, { onDelete: 'cascade' }),
    compositeFk(
      'availability_rules',
      'overlay',
      [t.bizId, t.calendarId, t.overlayId],
      [calendarOverlays.bizId, calendarOverlays.calendarId, calendarOverlays.id],
    ).onDelete('cascade'),
    checkNamed(
      'availability_rules',
      'day_of_week_range',
      sql`${t.dayOfWeek} IS NULL OR ${t.dayOfWeek} BETWEEN 0 AND 6`,
    ),
    checkNamed(
      'availability_rules',
      'date_order',
      sql`${t.startDate} IS NULL OR ${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`,
    ),
    checkNamed(
      'availability_rules',
      'time_order',
      sql`${bothOrNeither(t.startTime, t.endTime)} AND (${t.startTime} IS NULL OR ${t.endTime} > ${t.startTime})`,
    ),
    checkNamed('availability_rules', 'instant_order', sql`${t.startsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`),
    checkNamed(
      'availability_rules',
      'kind_shape',
      sql`(${t.kind} = 'weekly_recurring' AND ${t.dayOfWeek} IS NOT NULL AND ${t.startsAt} IS NULL AND ${t.endsAt} IS NULL)
        OR (${t.kind} = 'date_range' AND ${t.startDate} IS NOT NULL AND ${t.endDate} IS NOT NULL AND ${t.dayOfWeek} IS NULL AND ${t.startsAt} IS NULL AND ${t.endsAt} IS NULL)
        OR (${t.kind} = 'timestamp_range' AND ${t.startsAt} IS NOT NULL AND ${t.endsAt} IS NOT NULL AND ${t.dayOfWeek} IS NULL AND ${t.startDate} IS NULL AND ${t.endDate} IS NULL AND ${t.startTime} IS NULL AND ${t.endTime} IS NULL)`,
    ),
    checkNamed(
      'availability_rules',
      'action_shape',
      sql`(${t.action} IN ('available', 'unavailable') AND ${t.capacityDelta} IS NULL AND ${t.pricingAdjustment} IS NULL)
        OR (${t.action} = 'override_hours' AND ${t.capacityDelta} IS NULL AND ${t.pricingAdjustment} IS NULL AND (${t.startTime} IS NOT NULL OR ${t.startsAt} IS NOT NULL))
        OR (${t.action} = 'special_pricing' AND ${t.pricingAdjustment} IS NOT NULL AND ${t.capacityDelta} IS NULL)
        OR (${t.action} = 'capacity_adjustment' AND ${t.capacityDelta} IS NOT NULL AND ${t.pricingAdjustment} IS NULL)`,
    ),
    idx('availability_rules', 'biz_calendar_priority').on(t.bizId, t.calendarId, t.isActive, t.priority),
    idx('availability_rules', 'biz_calendar_weekly').on(t.bizId, t.calendarId, t.kind, t.dayOfWeek, t.startTime),
    idx('availability_rules', 'biz_calendar_dates').on(t.bizId, t.calendarId, t.startDate, t.endDate),
    idx('availability_rules', 'biz_calendar_instants').on(t.bizId, t.calendarId, t.startsAt, t.endsAt),
    idx('availability_rules', 'biz_overlay').on(t.bizId, t.overlayId).where(sql`${t.overlayId} IS NOT NULL`),
  ],
);

/** Shared inventory across several owners (e.g. 12 bikes for two class offers at one studio). */
export const capacityPools = pgTable(
  'capacity_pools',
  {
    id: idPk('capacity_pools'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    status: capacityPoolStatus('status').notNull().default('active'),
    totalCapacity: integer('total_capacity').notNull(),
    /** Extra units that may be sold beyond total_capacity. */
    overbookCapacity: integer('overbook_capacity').notNull().default(0),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('capacity_pools', t),
    uniqueIndex('capacity_pools_biz_slug_uq').on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('capacity_pools', 'capacity_positive', sql`${t.totalCapacity} > 0 AND ${t.overbookCapacity} >= 0`),
  ],
);

/** One owner drawing on a capacity pool (resource, offer version, location or custom subject), with its weight. */
export const capacityPoolMembers = pgTable(
  'capacity_pool_members',
  {
    id: idPk('capacity_pool_members'),
    bizId: bizIdCol(),
    capacityPoolId: text('capacity_pool_id').notNull(),
    memberType: capacityPoolMemberType('member_type').notNull(),
    resourceId: text('resource_id'),
    offerVersionId: text('offer_version_id'),
    locationId: text('location_id'),
    subjectId: text('subject_id'),
    /** Units of pool capacity one booking of this member consumes. */
    capacityWeight: integer('capacity_weight').notNull().default(1),
    /** Units of the pool set aside for this member only. */
    reservedCapacity: integer('reserved_capacity').notNull().default(0),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('capacity_pool_members', t),
    sameBiz('capacity_pool_members', t, t.capacityPoolId, capacityPools, { onDelete: 'cascade' }),
    sameBiz('capacity_pool_members', t, t.resourceId, resources, { onDelete: 'cascade' }),
    sameBiz('capacity_pool_members', t, t.offerVersionId, offerVersions, { onDelete: 'cascade' }),
    sameBiz('capacity_pool_members', t, t.locationId, locations, { onDelete: 'cascade' }),
    sameBiz('capacity_pool_members', t, t.subjectId, subjects, { onDelete: 'cascade' }),
    shapeCheck('capacity_pool_members', 'member_shape', t.memberType, {
      resource: [t.resourceId],
      offer_version: [t.offerVersionId],
      location: [t.locationId],
      custom_subject: [t.subjectId],
    }),
    checkNamed('capacity_pool_members', 'capacity_values', sql`${t.capacityWeight} > 0 AND ${t.reservedCapacity} >= 0`),
    ...(
      [
        ['resource', t.resourceId],
        ['offer_version', t.offerVersionId],
        ['location', t.locationId],
        ['custom_subject', t.subjectId],
      ] as const
    ).map(([kind, col]) =>
      uniqueIndex(`capacity_pool_members_${kind}_uq`)
        .on(t.capacityPoolId, col)
        .where(sql`${t.memberType} = ${sql.raw(`'${kind}'`)} AND ${t.deletedAt} IS NULL`),
    ),
    idx('capacity_pool_members', 'biz_pool').on(t.bizId, t.capacityPoolId),
    idx('capacity_pool_members', 'biz_offer_version')
      .on(t.bizId, t.offerVersionId)
      .where(sql`${t.offerVersionId} IS NOT NULL`),
    idx('capacity_pool_members', 'biz_resource').on(t.bizId, t.resourceId).where(sql`${t.resourceId} IS NOT NULL`),
  ],
);

/** An explainable availability decision for one calendar and window: the inputs, the rule trace and the slots. */
export const availabilityResolutionRuns = pgTable(
  'availability_resolution_runs',
  {
    id: idPk('availability_resolution_runs'),
    bizId: bizIdCol(),
    calendarId: text('calendar_id').notNull(),
    /** Identifies the question asked; the same question may be resolved again, so not unique. */
    requestKey: varchar('request_key', { length: 140 }),
    windowStartAt: ts('window_start_at').notNull(),
    windowEndAt: ts('window_end_at').notNull(),
    status: availabilityResolutionStatus('status').notNull(),
    requestSnapshot: jsonb('request_snapshot').$type<Record<string, unknown>>().notNull().default({}),
    /** Which rule opened or closed each interval, in evaluation order. */
    decisionTrace: jsonb('decision_trace').$type<unknown[]>().notNull().default([]),
    resolvedOutput: jsonb('resolved_output').$type<Record<string, unknown>>().notNull().default({}),
    runtimeMs: integer('runtime_ms'),
    resolvedAt: ts('resolved_at').notNull().defaultNow(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('availability_resolution_runs', t),
    sameBiz('availability_resolution_runs', t, t.calendarId, calendars, { onDelete: 'cascade' }),
    checkNamed('availability_resolution_runs', 'window', sql`${t.windowEndAt} > ${t.windowStartAt}`),
    checkNamed('availability_resolution_runs', 'runtime_nonneg', sql`${t.runtimeMs} IS NULL OR ${t.runtimeMs} >= 0`),
    idx('availability_resolution_runs', 'biz_calendar_resolved').on(t.bizId, t.calendarId, t.resolvedAt),
    idx('availability_resolution_runs', 'biz_calendar_window').on(
      t.bizId,
      t.calendarId,
      t.windowStartAt,
      t.windowEndAt,
      t.status,
    ),
    idx('availability_resolution_runs', 'biz_request_key')
      .on(t.bizId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
  ],
);
