/**
 * Staffing intelligence: resource ranking (favorability scores and the events that move them), overtime
 * policies and forecasts, and staff substitution — pools of resources that can cover for each other, requests
 * to cover an assignment, offers to candidates (accept/decline) and per-resource fairness counters.
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
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  auditColumns,
  bizIdCol,
  bizIdUnique,
  checkNamed,
  currencyCheck,
  currencyCol,
  idPk,
  idx,
  metadataCol,
  sameBiz,
  shapeCheck,
  ts,
  userRef,
} from './_common';
import { resources, resourceType } from './core/resources';
import { services } from './core/services';
import { lifecycleStatus, locations } from './core/tenancy';
import { fulfillmentAssignments } from './fulfillment';

export const rankingEventType = pgEnum('ranking_event_type', [
  'booking_completed',
  'cancelled_by_host',
  'cancelled_by_customer',
  'no_show',
  'rating_received',
  'substitution_accepted',
  'substitution_declined',
  'manual_adjustment',
]);
export const overtimePolicyScope = pgEnum('overtime_policy_scope', ['biz', 'location', 'resource_type', 'resource']);
export const overtimePolicyStatus = pgEnum('overtime_policy_status', ['active', 'inactive', 'archived']);
export const overtimeForecastStatus = pgEnum('overtime_forecast_status', [
  'projected',
  'confirmed',
  'mitigated',
  'ignored',
]);
/** broadcast: offer every candidate at once, first accept wins · sequential: one candidate at a time, by rank. */
export const substitutionOfferStrategy = pgEnum('substitution_offer_strategy', ['broadcast', 'sequential']);
export const substitutionRequestStatus = pgEnum('substitution_request_status', [
  'open',
  'offered',
  'filled',
  'expired',
  'cancelled',
]);
export const substitutionReason = pgEnum('substitution_reason', ['sick', 'leave', 'no_show', 'conflict', 'other']);
export const substitutionOfferStatus = pgEnum('substitution_offer_status', [
  'pending',
  'accepted',
  'declined',
  'expired',
  'withdrawn',
]);
export const substitutionFairnessWindowUnit = pgEnum('substitution_fairness_window_unit', ['day', 'week', 'month']);

/** A named weighting of signals used to rank resources (optionally per location or service); one default per biz. */
export const rankingProfiles = pgTable(
  'ranking_profiles',
  {
    id: idPk('ranking_profiles'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    status: lifecycleStatus('status').notNull().default('draft'),
    locationId: text('location_id'),
    serviceId: text('service_id'),
    weights: jsonb('weights').$type<Record<string, number>>().notNull().default({}),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    isDefault: boolean('is_default').notNull().default(false),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('ranking_profiles', t),
    uniqueIndex('ranking_profiles_biz_slug_uq').on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex('ranking_profiles_one_default_uq').on(t.bizId).where(sql`${t.isDefault} AND ${t.deletedAt} IS NULL`),
    sameBiz('ranking_profiles', t, t.locationId, locations),
    sameBiz('ranking_profiles', t, t.serviceId, services),
  ],
);

/** The current score (0..10000) of one resource under one ranking profile. */
export const rankingScores = pgTable(
  'ranking_scores',
  {
    id: idPk('ranking_scores'),
    bizId: bizIdCol(),
    rankingProfileId: text('ranking_profile_id').notNull(),
    resourceId: text('resource_id').notNull(),
    score: integer('score').notNull().default(0),
    percentile: integer('percentile'),
    isManualOverride: boolean('is_manual_override').notNull().default(false),
    computedAt: ts('computed_at').notNull().defaultNow(),
    componentBreakdown: jsonb('component_breakdown').$type<Record<string, number>>(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('ranking_scores', t),
    unique('ranking_scores_profile_resource_uq').on(t.rankingProfileId, t.resourceId),
    sameBiz('ranking_scores', t, t.rankingProfileId, rankingProfiles, { onDelete: 'cascade' }),
    sameBiz('ranking_scores', t, t.resourceId, resources, { onDelete: 'cascade' }),
    checkNamed('ranking_scores', 'score_range', sql`${t.score} BETWEEN 0 AND 10000`),
    checkNamed(
      'ranking_scores',
      'percentile_range',
      sql`${t.percentile} IS NULL OR ${t.percentile} BETWEEN 0 AND 10000`,
    ),
    idx('ranking_scores', 'profile_score').on(t.bizId, t.rankingProfileId, t.score),
  ],
);

/** A signal that moved a resource's score under a profile (completion, no-show, rating, manual tweak). */
export const rankingEvents = pgTable(
  'ranking_events',
  {
    id: idPk('ranking_events'),
    bizId: bizIdCol(),
    rankingProfileId: text('ranking_profile_id').notNull(),
    resourceId: text('resource_id').notNull(),
    eventType: rankingEventType('event_type').notNull(),
    /** Signed change applied to the score. */
    scoreDelta: integer('score_delta').notNull(),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    sourceRef: varchar('source_ref', { length: 200 }),
    details: jsonb('details').$type<Record<string, unknown>>(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('ranking_events', t),
    sameBiz('ranking_events', t, t.rankingProfileId, rankingProfiles, { onDelete: 'cascade' }),
    sameBiz('ranking_events', t, t.resourceId, resources, { onDelete: 'cascade' }),
    idx('ranking_events', 'resource_time').on(t.bizId, t.resourceId, t.occurredAt),
    idx('ranking_events', 'profile_time').on(t.bizId, t.rankingProfileId, t.occurredAt),
  ],
);

/** Daily/weekly overtime thresholds and rate, scoped to the biz, a location, a resource type or one resource. */
export const overtimePolicies = pgTable(
  'overtime_policies',
  {
    id: idPk('overtime_policies'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 200 }).notNull(),
    scope: overtimePolicyScope('scope').notNull(),
    locationId: text('location_id'),
    resourceType: resourceType('resource_type'),
    resourceId: text('resource_id'),
    status: overtimePolicyStatus('status').notNull().default('active'),
    dailyThresholdMin: integer('daily_threshold_min').notNull().default(480),
    weeklyThresholdMin: integer('weekly_threshold_min').notNull().default(2400),
    /** Pay multiplier in basis points (15000 = time and a half). */
    overtimeRateBps: integer('overtime_rate_bps').notNull().default(15000),
    mitigationPolicy: jsonb('mitigation_policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('overtime_policies', t),
    sameBiz('overtime_policies', t, t.locationId, locations),
    sameBiz('overtime_policies', t, t.resourceId, resources, { onDelete: 'cascade' }),
    shapeCheck('overtime_policies', 'scope_shape', t.scope, {
      biz: [],
      location: [t.locationId],
      resource_type: [t.resourceType],
      resource: [t.resourceId],
    }),
    checkNamed(
      'overtime_policies',
      'thresholds_positive',
      sql`${t.dailyThresholdMin} > 0 AND ${t.weeklyThresholdMin} > 0`,
    ),
    checkNamed('overtime_policies', 'rate_min', sql`${t.overtimeRateBps} >= 10000`),
    idx('overtime_policies', 'biz_scope').on(t.bizId, t.scope, t.status),
  ],
);

/** Projected overtime (minutes and cost) of one resource on one day under one policy. */
export const overtimeForecasts = pgTable(
  'overtime_forecasts',
  {
    id: idPk('overtime_forecasts'),
    bizId: bizIdCol(),
    overtimePolicyId: text('overtime_policy_id').notNull(),
    resourceId: text('resource_id').notNull(),
    forecastDate: date('forecast_date', { mode: 'string' }).notNull(),
    status: overtimeForecastStatus('status').notNull().default('projected'),
    scheduledMinutes: integer('scheduled_minutes').notNull().default(0),
    projectedOvertimeMinutes: integer('projected_overtime_minutes').notNull().default(0),
    projectedOvertimeCostMinor: integer('projected_overtime_cost_minor').notNull().default(0),
    currency: currencyCol(),
    mitigationSuggestion: varchar('mitigation_suggestion', { length: 600 }),
    featureSnapshot: jsonb('feature_snapshot').$type<Record<string, unknown>>(),
    generatedAt: ts('generated_at').notNull().defaultNow(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('overtime_forecasts', t),
    unique('overtime_forecasts_policy_resource_date_uq').on(t.overtimePolicyId, t.resourceId, t.forecastDate),
    sameBiz('overtime_forecasts', t, t.overtimePolicyId, overtimePolicies, { onDelete: 'cascade' }),
    sameBiz('overtime_forecasts', t, t.resourceId, resources, { onDelete: 'cascade' }),
    currencyCheck('overtime_forecasts', t.currency),
    checkNamed(
      'overtime_forecasts',
      'amounts_nonneg',
      sql`${t.scheduledMinutes} >= 0 AND ${t.projectedOvertimeMinutes} >= 0 AND ${t.projectedOvertimeCostMinor} >= 0`,
    ),
    idx('overtime_forecasts', 'biz_date').on(t.bizId, t.forecastDate, t.status),
  ],
);

/** A group of resources that can cover for each other (optionally for one location or service). */
export const substitutionPools = pgTable(
  'substitution_pools',
  {
    id: idPk('substitution_pools'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    status: lifecycleStatus('status').notNull().default('active'),
    locationId: text('location_id'),
    serviceId: text('service_id'),
    offerStrategy: substitutionOfferStrategy('offer_strategy').notNull().default('broadcast'),
    /** How long a candidate has to answer an offer. */
    offerTtlMinutes: integer('offer_ttl_minutes').notNull().default(30),
    /** Ranking used to order candidates (with fairness counters); NULL = the biz default. */
    rankingProfileId: text('ranking_profile_id'),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('substitution_pools', t),
    uniqueIndex('substitution_pools_biz_slug_uq').on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('substitution_pools', t, t.locationId, locations),
    sameBiz('substitution_pools', t, t.serviceId, services),
    sameBiz('substitution_pools', t, t.rankingProfileId, rankingProfiles),
    checkNamed('substitution_pools', 'offer_ttl_positive', sql`${t.offerTtlMinutes} > 0`),
  ],
);

/** A resource that belongs to a substitution pool, with its priority (lower first). */
export const substitutionPoolMembers = pgTable(
  'substitution_pool_members',
  {
    id: idPk('substitution_pool_members'),
    bizId: bizIdCol(),
    poolId: text('pool_id').notNull(),
    resourceId: text('resource_id').notNull(),
    priority: integer('priority').notNull().default(100),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('substitution_pool_members', t),
    uniqueIndex('substitution_pool_members_pool_resource_uq')
      .on(t.poolId, t.resourceId)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('substitution_pool_members', t, t.poolId, substitutionPools, { onDelete: 'cascade' }),
    sameBiz('substitution_pool_members', t, t.resourceId, resources, { onDelete: 'cascade' }),
    checkNamed('substitution_pool_members', 'priority_nonneg', sql`${t.priority} >= 0`),
    idx('substitution_pool_members', 'resource').on(t.bizId, t.resourceId),
  ],
);

/** A request to find someone from a pool to cover one fulfillment assignment of an unavailable resource. */
export const substitutionRequests = pgTable(
  'substitution_requests',
  {
    id: idPk('substitution_requests'),
    bizId: bizIdCol(),
    poolId: text('pool_id').notNull(),
    fulfillmentAssignmentId: text('fulfillment_assignment_id').notNull(),
    /** The resource that cannot do the assignment. */
    originalResourceId: text('original_resource_id').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    status: substitutionRequestStatus('status').notNull().default('open'),
    reason: substitutionReason('reason').notNull().default('other'),
    reasonNote: varchar('reason_note', { length: 500 }),
    requestedByUserId: userRef('requested_by_user_id'),
    expiresAt: ts('expires_at'),
    replacementResourceId: text('replacement_resource_id'),
    /** The assignment created for the replacement when the request was filled. */
    replacementAssignmentId: text('replacement_assignment_id'),
    filledAt: ts('filled_at'),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('substitution_requests', t),
    uniqueIndex('substitution_requests_request_key_uq')
      .on(t.bizId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
    uniqueIndex('substitution_requests_one_live_uq')
      .on(t.fulfillmentAssignmentId)
      .where(sql`${t.status} IN ('open', 'offered') AND ${t.deletedAt} IS NULL`),
    sameBiz('substitution_requests', t, t.poolId, substitutionPools),
    sameBiz('substitution_requests', t, t.fulfillmentAssignmentId, fulfillmentAssignments, { onDelete: 'cascade' }),
    sameBiz('substitution_requests', t, t.originalResourceId, resources),
    sameBiz('substitution_requests', t, t.replacementResourceId, resources),
    sameBiz('substitution_requests', t, t.replacementAssignmentId, fulfillmentAssignments),
    checkNamed('substitution_requests', 'window_order', sql`${t.endsAt} > ${t.startsAt}`),
    checkNamed(
      'substitution_requests',
      'filled_shape',
      sql`(${t.status} = 'filled') = (${t.replacementResourceId} IS NOT NULL AND ${t.filledAt} IS NOT NULL)`,
    ),
    checkNamed(
      'substitution_requests',
      'replacement_differs',
      sql`${t.replacementResourceId} IS NULL OR ${t.replacementResourceId} <> ${t.originalResourceId}`,
    ),
    idx('substitution_requests', 'pool_status').on(t.bizId, t.poolId, t.status, t.startsAt),
    idx('substitution_requests', 'original_resource').on(t.bizId, t.originalResourceId, t.startsAt),
  ],
);

/** An offer of a substitution request to one candidate resource, and the candidate's answer. */
export const substitutionOffers = pgTable(
  'substitution_offers',
  {
    id: idPk('substitution_offers'),
    bizId: bizIdCol(),
    requestId: text('request_id').notNull(),
    candidateResourceId: text('candidate_resource_id').notNull(),
    /** Position in the candidate ordering (1 = offered first). */
    rank: integer('rank').notNull().default(1),
    status: substitutionOfferStatus('status').notNull().default('pending'),
    offeredAt: ts('offered_at').notNull().defaultNow(),
    expiresAt: ts('expires_at'),
    respondedAt: ts('responded_at'),
    respondedByUserId: userRef('responded_by_user_id'),
    /** The candidate's device clock when answering (answers may be given offline). */
    deviceTime: ts('device_time'),
    declineReason: varchar('decline_reason', { length: 500 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('substitution_offers', t),
    unique('substitution_offers_request_candidate_uq').on(t.requestId, t.candidateResourceId),
    uniqueIndex('substitution_offers_one_accepted_uq').on(t.requestId).where(sql`${t.status} = 'accepted'`),
    sameBiz('substitution_offers', t, t.requestId, substitutionRequests, { onDelete: 'cascade' }),
    sameBiz('substitution_offers', t, t.candidateResourceId, resources, { onDelete: 'cascade' }),
    checkNamed('substitution_offers', 'rank_positive', sql`${t.rank} >= 1`),
    checkNamed(
      'substitution_offers',
      'responded_shape',
      sql`(${t.status} IN ('accepted', 'declined')) = (${t.respondedAt} IS NOT NULL)`,
    ),
    checkNamed(
      'substitution_offers',
      'expires_after_offer',
      sql`${t.expiresAt} IS NULL OR ${t.expiresAt} > ${t.offeredAt}`,
    ),
    idx('substitution_offers', 'candidate_status').on(t.bizId, t.candidateResourceId, t.status),
    idx('substitution_offers', 'request_status').on(t.bizId, t.requestId, t.status),
  ],
);

/** How often a pool member was offered, accepted and declined cover in one window: input to fair ordering. */
export const substitutionFairnessCounters = pgTable(
  'substitution_fairness_counters',
  {
    id: idPk('substitution_fairness_counters'),
    bizId: bizIdCol(),
    poolId: text('pool_id').notNull(),
    resourceId: text('resource_id').notNull(),
    windowUnit: substitutionFairnessWindowUnit('window_unit').notNull().default('month'),
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    offersCount: integer('offers_count').notNull().default(0),
    acceptsCount: integer('accepts_count').notNull().default(0),
    declinesCount: integer('declines_count').notNull().default(0),
    expiredCount: integer('expired_count').notNull().default(0),
    coveredMinutes: integer('covered_minutes').notNull().default(0),
    lastOfferedAt: ts('last_offered_at'),
    lastAcceptedAt: ts('last_accepted_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('substitution_fairness_counters', t),
    unique('substitution_fairness_counters_window_uq').on(t.poolId, t.resourceId, t.windowUnit, t.windowStart),
    sameBiz('substitution_fairness_counters', t, t.poolId, substitutionPools, { onDelete: 'cascade' }),
    sameBiz('substitution_fairness_counters', t, t.resourceId, resources, { onDelete: 'cascade' }),
    checkNamed(
      'substitution_fairness_counters',
      'counts_nonneg',
      sql`${t.offersCount} >= 0 AND ${t.acceptsCount} >= 0 AND ${t.declinesCount} >= 0 AND ${t.expiredCount} >= 0 AND ${t.coveredMinutes} >= 0`,
    ),
    checkNamed(
      'substitution_fairness_counters',
      'answers_le_offers',
      sql`${t.acceptsCount} + ${t.declinesCount} + ${t.expiredCount} <= ${t.offersCount}`,
    ),
    idx('substitution_fairness_counters', 'pool_window').on(t.bizId, t.poolId, t.windowUnit, t.windowStart),
  ],
);
