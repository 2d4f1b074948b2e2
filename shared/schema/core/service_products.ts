/**
 * Service products: schedule-aware sellables composed of resources ("a 60-minute massage needs one
 * therapist and one room"), with requirement groups, candidate selectors and seat types.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
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
  pgName,
  sameBiz,
  shapeCheck,
} from '../_common';
import { resourceCapabilityTemplates } from '../supply';
import { products } from './products';
import { resources, resourceType } from './resources';
import { serviceGroups, services } from './services';
import { subjects } from './subjects';
import { lifecycleStatus, locations } from './tenancy';

/** Shared with offers (offers.ts imports these enums); names follow the original's shared enums. */
export const serviceProductKind = pgEnum('service_product_kind', ['booking', 'rental', 'hybrid']);
export const durationMode = pgEnum('duration_mode', ['fixed', 'flexible', 'multi_day']);
export const requirementMode = pgEnum('requirement_mode', ['required', 'optional']);
export const selectorMatchMode = pgEnum('selector_match_mode', ['any', 'all']);
export const resourceSelectorType = pgEnum('resource_selector_type', [
  'any',
  'resource',
  'resource_type',
  'capability_template',
  'location',
  'custom_subject',
]);

/** A bookable product: duration rules, base price and the resources it needs. */
export const serviceProducts = pgTable(
  'service_products',
  {
    id: idPk('service_products'),
    bizId: bizIdCol(),
    productId: text('product_id'),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull(),
    description: text('description'),
    kind: serviceProductKind('kind').notNull().default('booking'),
    durationMode: durationMode('duration_mode').notNull().default('fixed'),
    defaultDurationMin: integer('default_duration_min').notNull().default(60),
    minDurationMin: integer('min_duration_min'),
    maxDurationMin: integer('max_duration_min'),
    durationStepMin: integer('duration_step_min').notNull().default(15),
    timezone: varchar('timezone', { length: 50 }).notNull().default('UTC'),
    /** Base price in minor units (cents); named `amount` as in the original, unlike products' `base_price_minor`. */
    basePriceAmount: integer('base_price_amount').notNull().default(0),
    currency: currencyCol(),
    pricingPolicy: jsonb('pricing_policy').$type<Record<string, unknown>>().notNull().default({}),
    availabilityPolicy: jsonb('availability_policy').$type<Record<string, unknown>>().notNull().default({}),
    isPublished: boolean('is_published').notNull().default(false),
    status: lifecycleStatus('status').notNull().default('draft'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('service_products', t),
    uniqueIndex(pgName('service_products_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('service_products_product_uq'))
      .on(t.productId)
      .where(sql`${t.productId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    checkNamed('service_products', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    idx('service_products', 'status').on(t.bizId, t.status, t.isPublished),
    sameBiz('service_products', t, t.productId, products),
    currencyCheck('service_products', t.currency),
    checkNamed(
      'service_products',
      'durations',
      sql`${t.defaultDurationMin} > 0 AND ${t.durationStepMin} > 0 AND ${t.basePriceAmount} >= 0
        AND (${t.minDurationMin} IS NULL OR ${t.minDurationMin} > 0)
        AND (${t.maxDurationMin} IS NULL OR (${t.maxDurationMin} > 0
          AND (${t.minDurationMin} IS NULL OR ${t.maxDurationMin} >= ${t.minDurationMin})))`,
    ),
  ],
);

/** "Need N of resource type X": one requirement of a service product. */
export const serviceProductRequirementGroups = pgTable(
  'service_product_requirement_groups',
  {
    id: idPk('service_product_requirement_groups'),
    bizId: bizIdCol(),
    serviceProductId: text('service_product_id').notNull(),
    name: varchar('name', { length: 160 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull(),
    targetResourceType: resourceType('target_resource_type').notNull(),
    requirementMode: requirementMode('requirement_mode').notNull().default('required'),
    minQuantity: integer('min_quantity').notNull().default(1),
    maxQuantity: integer('max_quantity'),
    selectorMatchMode: selectorMatchMode('selector_match_mode').notNull().default('any'),
    allowSubstitution: boolean('allow_substitution').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(100),
    description: text('description'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('service_product_requirement_groups', t),
    uniqueIndex(pgName('service_product_requirement_groups_slug_uq'))
      .on(t.serviceProductId, t.slug)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('service_product_requirement_groups', t, t.serviceProductId, serviceProducts, { onDelete: 'cascade' }),
    checkNamed(
      'service_product_requirement_groups',
      'quantities',
      sql`${t.minQuantity} >= 0 AND (${t.maxQuantity} IS NULL OR ${t.maxQuantity} >= ${t.minQuantity})`,
    ),
    idx('service_product_requirement_groups', 'product').on(t.bizId, t.serviceProductId),
  ],
);

/** Which services (or a whole service group) a service product represents. */
export const serviceProductServices = pgTable(
  'service_product_services',
  {
    id: idPk('service_product_services'),
    bizId: bizIdCol(),
    serviceProductId: text('service_product_id').notNull(),
    serviceId: text('service_id'),
    serviceGroupId: text('service_group_id'),
    requirementMode: requirementMode('requirement_mode').notNull().default('required'),
    minQuantity: integer('min_quantity').notNull().default(1),
    maxQuantity: integer('max_quantity'),
    sortOrder: integer('sort_order').notNull().default(100),
    description: text('description'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('service_product_services', t),
    uniqueIndex(pgName('service_product_services_service_uq'))
      .on(t.serviceProductId, t.serviceId)
      .where(sql`${t.serviceId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('service_product_services_group_uq'))
      .on(t.serviceProductId, t.serviceGroupId)
      .where(sql`${t.serviceGroupId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    sameBiz('service_product_services', t, t.serviceProductId, serviceProducts, { onDelete: 'cascade' }),
    sameBiz('service_product_services', t, t.serviceId, services),
    sameBiz('service_product_services', t, t.serviceGroupId, serviceGroups),
    idx('service_product_services', 'service').on(t.bizId, t.serviceId),
    checkNamed(
      'service_product_services',
      'one_target',
      sql`(${t.serviceId} IS NULL) <> (${t.serviceGroupId} IS NULL)`,
    ),
    checkNamed(
      'service_product_services',
      'quantities',
      sql`${t.minQuantity} >= 0 AND (${t.maxQuantity} IS NULL OR ${t.maxQuantity} >= ${t.minQuantity})`,
    ),
  ],
);

/** A candidate pool (or exclusion) for a requirement group: a resource, a type, a capability, a location… */
export const serviceProductRequirementSelectors = pgTable(
  'service_product_requirement_selectors',
  {
    id: idPk('service_product_requirement_selectors'),
    bizId: bizIdCol(),
    requirementGroupId: text('requirement_group_id').notNull(),
    selectorType: resourceSelectorType('selector_type').notNull(),
    isIncluded: boolean('is_included').notNull().default(true),
    resourceId: text('resource_id'),
    resourceType: resourceType('resource_type'),
    capabilityTemplateId: text('capability_template_id'),
    locationId: text('location_id'),
    subjectType: varchar('subject_type', { length: 80 }),
    subjectId: varchar('subject_id', { length: 140 }),
    sortOrder: integer('sort_order').notNull().default(100),
    description: text('description'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('service_product_requirement_selectors', t),
    sameBiz('service_product_requirement_selectors', t, t.requirementGroupId, serviceProductRequirementGroups, {
      onDelete: 'cascade',
    }),
    sameBiz('service_product_requirement_selectors', t, t.resourceId, resources),
    sameBiz('service_product_requirement_selectors', t, t.capabilityTemplateId, resourceCapabilityTemplates),
    sameBiz('service_product_requirement_selectors', t, t.locationId, locations),
    compositeFk(
      'service_product_requirement_selectors',
      'subject',
      [t.bizId, t.subjectType, t.subjectId],
      [subjects.bizId, subjects.subjectType, subjects.subjectId],
    ),
    shapeCheck('service_product_requirement_selectors', 'selector_shape', t.selectorType, {
      any: [],
      resource: [t.resourceId],
      resource_type: [t.resourceType],
      capability_template: [t.capabilityTemplateId],
      location: [t.locationId],
      custom_subject: [t.subjectType, t.subjectId],
    }),
    idx('service_product_requirement_selectors', 'group').on(t.bizId, t.requirementGroupId),
    idx('service_product_requirement_selectors', 'resource').on(t.bizId, t.resourceId),
  ],
);

/** A commercial seat class of a service product (standard, front row, guest). */
export const serviceProductSeatTypes = pgTable(
  'service_product_seat_types',
  {
    id: idPk('service_product_seat_types'),
    bizId: bizIdCol(),
    serviceProductId: text('service_product_id').notNull(),
    name: varchar('name', { length: 120 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull(),
    description: text('description'),
    isDefault: boolean('is_default').notNull().default(false),
    minSeats: integer('min_seats').notNull().default(0),
    maxSeats: integer('max_seats'),
    defaultQuantity: integer('default_quantity').notNull().default(1),
    basePriceAmount: integer('base_price_amount').notNull().default(0),
    currency: currencyCol(),
    status: lifecycleStatus('status').notNull().default('active'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('service_product_seat_types', t),
    uniqueIndex(pgName('service_product_seat_types_slug_uq'))
      .on(t.serviceProductId, t.slug)
      .where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('service_product_seat_types_one_default_uq'))
      .on(t.serviceProductId)
      .where(sql`${t.isDefault} AND ${t.deletedAt} IS NULL`),
    sameBiz('service_product_seat_types', t, t.serviceProductId, serviceProducts, { onDelete: 'cascade' }),
    currencyCheck('service_product_seat_types', t.currency),
    checkNamed(
      'service_product_seat_types',
      'seats',
      sql`${t.minSeats} >= 0 AND ${t.basePriceAmount} >= 0 AND ${t.defaultQuantity} >= ${t.minSeats}
        AND (${t.maxSeats} IS NULL OR (${t.maxSeats} >= ${t.minSeats} AND ${t.defaultQuantity} <= ${t.maxSeats}))`,
    ),
  ],
);

/** Per-seat-type overrides of a requirement group's quantities. */
export const serviceProductSeatTypeRequirements = pgTable(
  'service_product_seat_type_requirements',
  {
    id: idPk('service_product_seat_type_requirements'),
    bizId: bizIdCol(),
    seatTypeId: text('seat_type_id').notNull(),
    requirementGroupId: text('requirement_group_id').notNull(),
    minQuantityOverride: integer('min_quantity_override'),
    maxQuantityOverride: integer('max_quantity_override'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('service_product_seat_type_requirements', t),
    uniqueIndex(pgName('service_product_seat_type_requirements_uq'))
      .on(t.seatTypeId, t.requirementGroupId)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('service_product_seat_type_requirements', t, t.seatTypeId, serviceProductSeatTypes, {
      onDelete: 'cascade',
    }),
    sameBiz('service_product_seat_type_requirements', t, t.requirementGroupId, serviceProductRequirementGroups, {
      onDelete: 'cascade',
    }),
    idx('service_product_seat_type_requirements', 'group').on(t.bizId, t.requirementGroupId),
    checkNamed(
      'service_product_seat_type_requirements',
      'overrides',
      sql`coalesce(${t.minQuantityOverride}, 0) >= 0 AND (${t.maxQuantityOverride} IS NULL
        OR ${t.maxQuantityOverride} >= coalesce(${t.minQuantityOverride}, 0))`,
    ),
  ],
);
