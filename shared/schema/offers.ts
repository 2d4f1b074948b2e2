/**
 * Offers: the publishable, versioned commercial definition of what a biz sells. An offer is the
 * stable catalog shell; each offer version is a frozen recipe (duration, price, seat capacity,
 * required resources) that bookings point at, so later edits never change what was sold.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgEnum, pgTable, text, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  auditColumns,
  bizIdCol,
  bizIdUnique,
  checkNamed,
  compositeFk,
  currencyCheck,
  currencyCol,
  idPk,
  idx,
  metadataCol,
  sameBiz,
  shapeCheck,
  ts,
} from './_common';
import { resources, resourceType } from './core/resources';
import { durationMode, requirementMode, resourceSelectorType, selectorMatchMode } from './core/service_products';
import { subjects } from './core/subjects';
import { locations } from './core/tenancy';
import { resourceCapabilityTemplates } from './supply';

/** How an offer is admitted: a bookable time slot, a queue, a request, an auction, ... */
export const offerExecutionMode = pgEnum('offer_execution_mode', [
  'slot',
  'queue',
  'request',
  'auction',
  'async',
  'route_trip',
  'open_access',
  'itinerary',
]);
export const offerStatus = pgEnum('offer_status', ['draft', 'active', 'inactive', 'archived']);
export const offerVersionStatus = pgEnum('offer_version_status', ['draft', 'published', 'retired']);
export const offerSeatPricingMode = pgEnum('offer_seat_pricing_mode', ['included', 'surcharge', 'multiplier']);

/** The stable catalog shell of something sellable; its rules and prices live in its versions. */
export const offers = pgTable(
  'offers',
  {
    id: idPk('offers'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    description: text('description'),
    executionMode: offerExecutionMode('execution_mode').notNull(),
    status: offerStatus('status').notNull().default('draft'),
    /** Listed in the customer-facing catalog (independent of the lifecycle status). */
    isPublished: boolean('is_published').notNull().default(false),
    timezone: varchar('timezone', { length: 50 }).notNull().default('UTC'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('offers', t),
    uniqueIndex('offers_biz_slug_uq').on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('offers', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    idx('offers', 'biz_status').on(t.bizId, t.status),
    idx('offers', 'biz_execution_mode').on(t.bizId, t.executionMode),
  ],
);

/** An immutable recipe of an offer (duration, price, capacity, policies) that bookings freeze at purchase. */
export const offerVersions = pgTable(
  'offer_versions',
  {
    id: idPk('offer_versions'),
    bizId: bizIdCol(),
    offerId: text('offer_id').notNull(),
    /** 1, 2, 3, ... per offer. */
    version: integer('version').notNull(),
    status: offerVersionStatus('status').notNull().default('draft'),
    publishAt: ts('publish_at'),
    retireAt: ts('retire_at'),
    durationMode: durationMode('duration_mode').notNull().default('fixed'),
    /** Default (for fixed: the) length of one booking in minutes. */
    durationMin: integer('duration_min').notNull().default(60),
    minDurationMin: integer('min_duration_min'),
    maxDurationMin: integer('max_duration_min'),
    durationStepMin: integer('duration_step_min').notNull().default(15),
    /** Seats per session for classes; NULL = one customer per slot. */
    capacity: integer('capacity'),
    basePriceMinor: integer('base_price_minor').notNull().default(0),
    currency: currencyCol(),
    pricingModel: jsonb('pricing_model').$type<Record<string, unknown>>().notNull().default({}),
    policyModel: jsonb('policy_model').$type<Record<string, unknown>>().notNull().default({}),
    capacityModel: jsonb('capacity_model').$type<Record<string, unknown>>().notNull().default({}),
    /** Hash of the published recipe, to detect accidental edits of a published version. */
    revisionHash: varchar('revision_hash', { length: 128 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('offer_versions', t),
    /** Target of `(biz_id, offer_id, offer_version_id)` FKs: the version belongs to that offer. */
    unique('offer_versions_biz_offer_id_uq').on(t.bizId, t.offerId, t.id),
    unique('offer_versions_offer_version_uq').on(t.offerId, t.version),
    /** At most one published version per offer. */
    uniqueIndex('offer_versions_one_published_uq')
      .on(t.offerId)
      .where(sql`${t.status} = 'published' AND ${t.deletedAt} IS NULL`),
    sameBiz('offer_versions', t, t.offerId, offers, { onDelete: 'cascade' }),
    checkNamed('offer_versions', 'version_positive', sql`${t.version} >= 1`),
    checkNamed(
      'offer_versions',
      'window',
      sql`${t.retireAt} IS NULL OR ${t.publishAt} IS NULL OR ${t.retireAt} > ${t.publishAt}`,
    ),
    checkNamed('offer_versions', 'duration_positive', sql`${t.durationMin} > 0 AND ${t.durationStepMin} > 0`),
    checkNamed(
      'offer_versions',
      'duration_bounds',
      sql`(${t.minDurationMin} IS NULL OR ${t.minDurationMin} > 0) AND (${t.maxDurationMin} IS NULL OR ${t.maxDurationMin} > 0) AND (${t.minDurationMin} IS NULL OR ${t.maxDurationMin} IS NULL OR ${t.maxDurationMin} >= ${t.minDurationMin})`,
    ),
    checkNamed(
      'offer_versions',
      'duration_mode_shape',
      sql`(${t.durationMode} = 'fixed') OR (${t.durationMode} = 'flexible' AND ${t.minDurationMin} IS NOT NULL AND ${t.maxDurationMin} IS NOT NULL) OR (${t.durationMode} = 'multi_day' AND ${t.durationMin} >= 1440)`,
    ),
    checkNamed('offer_versions', 'capacity_positive', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
    checkNamed('offer_versions', 'base_price_nonneg', sql`${t.basePriceMinor} >= 0`),
    currencyCheck('offer_versions', t.currency),
    idx('offer_versions', 'biz_offer_status').on(t.bizId, t.offerId, t.status),
  ],
);

/** A requirement bucket of a version: "needs 1 host and 1 venue", with quantity bounds. */
export const offerComponents = pgTable(
  'offer_components',
  {
    id: idPk('offer_components'),
    bizId: bizIdCol(),
    offerVersionId: text('offer_version_id').notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    targetType: resourceType('target_type').notNull(),
    mode: requirementMode('mode').notNull().default('required'),
    selectorMatchMode: selectorMatchMode('selector_match_mode').notNull().default('any'),
    minQuantity: integer('min_quantity').notNull().default(1),
    maxQuantity: integer('max_quantity'),
    allowSubstitution: boolean('allow_substitution').notNull().default(true),
    description: text('description'),
    sortOrder: integer('sort_order').notNull().default(100),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('offer_components', t),
    /** Target of `(biz_id, offer_version_id, component_id)` FKs: the component belongs to that version. */
    unique('offer_components_biz_version_id_uq').on(t.bizId, t.offerVersionId, t.id),
    uniqueIndex('offer_components_version_slug_uq').on(t.offerVersionId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('offer_components', t, t.offerVersionId, offerVersions, { onDelete: 'cascade' }),
    checkNamed(
      'offer_components',
      'quantity_bounds',
      sql`${t.minQuantity} >= 0 AND (${t.maxQuantity} IS NULL OR ${t.maxQuantity} >= ${t.minQuantity})`,
    ),
    checkNamed('offer_components', 'required_needs_quantity', sql`${t.mode} = 'optional' OR ${t.minQuantity} > 0`),
    idx('offer_components', 'biz_version').on(t.bizId, t.offerVersionId, t.sortOrder),
  ],
);

/** One way a component can be satisfied: a specific resource, a resource type, a capability, a location, ... */
export const offerComponentSelectors = pgTable(
  'offer_component_selectors',
  {
    id: idPk('offer_component_selectors'),
    bizId: bizIdCol(),
    componentId: text('component_id').notNull(),
    selectorType: resourceSelectorType('selector_type').notNull(),
    resourceId: text('resource_id'),
    resourceType: resourceType('resource_type'),
    capabilityTemplateId: text('capability_template_id'),
    locationId: text('location_id'),
    /** Registry row for the custom_subject escape hatch. */
    subjectId: text('subject_id'),
    /** Higher = preferred when several candidates match. */
    weight: integer('weight').notNull().default(100),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('offer_component_selectors', t),
    sameBiz('offer_component_selectors', t, t.componentId, offerComponents, { onDelete: 'cascade' }),
    sameBiz('offer_component_selectors', t, t.resourceId, resources, { onDelete: 'cascade' }),
    sameBiz('offer_component_selectors', t, t.capabilityTemplateId, resourceCapabilityTemplates, {
      onDelete: 'cascade',
    }),
    sameBiz('offer_component_selectors', t, t.locationId, locations, { onDelete: 'cascade' }),
    sameBiz('offer_component_selectors', t, t.subjectId, subjects, { onDelete: 'cascade' }),
    shapeCheck('offer_component_selectors', 'selector_shape', t.selectorType, {
      any: [],
      resource: [t.resourceId],
      resource_type: [t.resourceType],
      capability_template: [t.capabilityTemplateId],
      location: [t.locationId],
      custom_subject: [t.subjectId],
    }),
    idx('offer_component_selectors', 'biz_component').on(t.bizId, t.componentId),
    idx('offer_component_selectors', 'biz_resource').on(t.bizId, t.resourceId).where(sql`${t.resourceId} IS NOT NULL`),
  ],
);

/** A commercial seat class of a version (or of one component): bounds and price rule per seat. */
export const offerComponentSeatTypes = pgTable(
  'offer_component_seat_types',
  {
    id: idPk('offer_component_seat_types'),
    bizId: bizIdCol(),
    offerVersionId: text('offer_version_id').notNull(),
    /** NULL = applies to the whole version. */
    componentId: text('component_id'),
    code: varchar('code', { length: 100 }).notNull(),
    name: varchar('name', { length: 150 }).notNull(),
    description: text('description'),
    minSeats: integer('min_seats').notNull().default(0),
    maxSeats: integer('max_seats'),
    defaultSeats: integer('default_seats').notNull().default(0),
    pricingMode: offerSeatPricingMode('pricing_mode').notNull().default('included'),
    /** Per-seat surcharge in the version's currency (minor units). */
    priceDeltaMinor: integer('price_delta_minor'),
    /** Per-seat multiplier in basis points (12500 = 1.25x). */
    priceMultiplierBps: integer('price_multiplier_bps'),
    sortOrder: integer('sort_order').notNull().default(100),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('offer_component_seat_types', t),
    uniqueIndex('offer_component_seat_types_code_uq')
      .on(t.offerVersionId, sql`coalesce(${t.componentId}, '')`, t.code)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('offer_component_seat_types', t, t.offerVersionId, offerVersions, { onDelete: 'cascade' }),
    compositeFk(
      'offer_component_seat_types',
      'component',
      [t.bizId, t.offerVersionId, t.componentId],
      [offerComponents.bizId, offerComponents.offerVersionId, offerComponents.id],
    ).onDelete('cascade'),
    checkNamed(
      'offer_component_seat_types',
      'seat_bounds',
      sql`${t.minSeats} >= 0 AND ${t.defaultSeats} >= ${t.minSeats} AND (${t.maxSeats} IS NULL OR (${t.maxSeats} >= ${t.minSeats} AND ${t.defaultSeats} <= ${t.maxSeats}))`,
    ),
    checkNamed(
      'offer_component_seat_types',
      'pricing_shape',
      sql`(${t.pricingMode} = 'included' AND ${t.priceDeltaMinor} IS NULL AND ${t.priceMultiplierBps} IS NULL) OR (${t.pricingMode} = 'surcharge' AND ${t.priceDeltaMinor} IS NOT NULL AND ${t.priceMultiplierBps} IS NULL) OR (${t.pricingMode} = 'multiplier' AND ${t.priceMultiplierBps} IS NOT NULL AND ${t.priceDeltaMinor} IS NULL)`,
    ),
    checkNamed(
      'offer_component_seat_types',
      'multiplier_positive',
      sql`${t.priceMultiplierBps} IS NULL OR ${t.priceMultiplierBps} > 0`,
    ),
    idx('offer_component_seat_types', 'biz_version').on(t.bizId, t.offerVersionId, t.sortOrder),
  ],
);
