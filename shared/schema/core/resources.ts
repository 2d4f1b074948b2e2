/**
 * The supply graph: every schedulable thing (a person, a company/team, an asset, a space) is wrapped
 * by one `resources` row, so availability, capabilities and assignments treat them uniformly.
 * `resources.type` decides which single target column is set: host → host_user_id (users),
 * company_host → host_group_id (host_groups), asset → asset_id (assets), venue → venue_id (venues).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
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
  idPk,
  idx,
  metadataCol,
  pgName,
  sameBiz,
  shapeCheck,
  userRef,
} from '../_common';
import { assets } from './assets';
import { members } from './auth';
import { groupAccounts } from './org_scope';
import { services } from './services';
import { lifecycleStatus, locations } from './tenancy';
import { venues } from './venues';

export const resourceType = pgEnum('resource_type', ['host', 'company_host', 'asset', 'venue']);

/** Per-biz (optionally per-location) status dictionary for resources; `is_bookable = false` takes one out of scheduling. */
export const resourceStatusDefinitions = pgTable(
  'resource_status_definitions',
  {
    id: idPk('resource_status_definitions'),
    bizId: bizIdCol(),
    /** NULL = biz-wide. */
    locationId: text('location_id'),
    name: varchar('name', { length: 100 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    description: varchar('description', { length: 600 }),
    /** false ⇒ the scheduler treats resources in this status as unavailable. */
    isBookable: boolean('is_bookable').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(100),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('resource_status_definitions', t),
    uniqueIndex(pgName('resource_status_definitions_slug_uq'))
      .on(t.bizId, sql`coalesce(${t.locationId}, '')`, t.slug)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('resource_status_definitions', t, t.locationId, locations, { onDelete: 'cascade' }),
    checkNamed('resource_status_definitions', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    idx('resource_status_definitions', 'bookable').on(t.bizId, t.isBookable),
  ],
);

/** A company or team that supplies work as one host (a cleaning crew, a subcontractor), wrapped by a company_host resource. */
export const hostGroups = pgTable(
  'host_groups',
  {
    id: idPk('host_groups'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 255 }).notNull(),
    /** The company's shared account, when it is also a customer/billing account of the biz. */
    groupAccountId: text('group_account_id'),
    email: varchar('email', { length: 255 }),
    phone: varchar('phone', { length: 50 }),
    website: varchar('website', { length: 500 }),
    /** How jobs reach the team: manual, round_robin, lead_assigns, … (free text, app-interpreted). */
    dispatchMethod: varchar('dispatch_method', { length: 50 }).notNull().default('manual'),
    serviceRadiusMiles: integer('service_radius_miles'),
    businessHours: jsonb('business_hours').$type<Record<string, unknown>>().notNull().default({}),
    status: lifecycleStatus('status').notNull().default('active'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('host_groups', t),
    sameBiz('host_groups', t, t.groupAccountId, groupAccounts),
    checkNamed('host_groups', 'radius', sql`${t.serviceRadiusMiles} IS NULL OR ${t.serviceRadiusMiles} >= 0`),
    idx('host_groups', 'group_account').on(t.bizId, t.groupAccountId),
  ],
);

/** The polymorphic supply wrapper: exactly one target (host user, host group, asset or venue) per type. */
export const resources = pgTable(
  'resources',
  {
    id: idPk('resources'),
    bizId: bizIdCol(),
    /** Home location. */
    locationId: text('location_id').notNull(),
    type: resourceType('type').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull(),
    description: varchar('description', { length: 1000 }),
    timezone: varchar('timezone', { length: 50 }).notNull().default('UTC'),
    /** Current status (dictionary); NULL = plain active. */
    statusDefinitionId: text('status_definition_id'),
    hostUserId: userRef('host_user_id'),
    hostGroupId: text('host_group_id'),
    assetId: text('asset_id'),
    venueId: text('venue_id'),
    /** Seats or parallel customers the resource can hold (a room of 20, an instructor of 1). */
    capacity: integer('capacity').notNull().default(1),
    allowSimultaneousBookings: boolean('allow_simultaneous_bookings').notNull().default(false),
    maxSimultaneousBookings: integer('max_simultaneous_bookings'),
    bufferBeforeMin: integer('buffer_before_min').notNull().default(0),
    bufferAfterMin: integer('buffer_after_min').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('resources', t),
    /** Target of host_users' (biz, resource, user) FK: a host profile belongs to the resource's own user. */
    unique(pgName('resources_biz_id_host_user_uq')).on(t.bizId, t.id, t.hostUserId),
    uniqueIndex(pgName('resources_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    // One live wrapper per target.
    uniqueIndex(pgName('resources_one_host_user_uq'))
      .on(t.bizId, t.hostUserId)
      .where(sql`${t.type} = 'host' AND ${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('resources_one_host_group_uq'))
      .on(t.hostGroupId)
      .where(sql`${t.type} = 'company_host' AND ${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('resources_one_asset_uq'))
      .on(t.assetId)
      .where(sql`${t.type} = 'asset' AND ${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('resources_one_venue_uq'))
      .on(t.venueId)
      .where(sql`${t.type} = 'venue' AND ${t.deletedAt} IS NULL`),
    sameBiz('resources', t, t.locationId, locations),
    sameBiz('resources', t, t.statusDefinitionId, resourceStatusDefinitions),
    sameBiz('resources', t, t.hostGroupId, hostGroups),
    sameBiz('resources', t, t.assetId, assets),
    sameBiz('resources', t, t.venueId, venues),
    shapeCheck('resources', 'type_shape', t.type, {
      host: [t.hostUserId],
      company_host: [t.hostGroupId],
      asset: [t.assetId],
      venue: [t.venueId],
    }),
    checkNamed('resources', 'capacity_positive', sql`${t.capacity} > 0`),
    checkNamed(
      'resources',
      'simultaneous',
      sql`${t.maxSimultaneousBookings} IS NULL OR (${t.maxSimultaneousBookings} > 0 AND (${t.allowSimultaneousBookings} OR ${t.maxSimultaneousBookings} <= 1))`,
    ),
    checkNamed('resources', 'buffers', sql`${t.bufferBeforeMin} >= 0 AND ${t.bufferAfterMin} >= 0`),
    checkNamed('resources', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    idx('resources', 'location_type').on(t.bizId, t.locationId, t.type),
    idx('resources', 'status').on(t.bizId, t.statusDefinitionId),
    idx('resources', 'host_user').on(t.hostUserId),
  ],
);

/** Host profile of a `resources(type=host)` row: the person (user, optionally their biz membership) and working limits. */
export const hostUsers = pgTable(
  'host_users',
  {
    id: idPk('host_users'),
    bizId: bizIdCol(),
    resourceId: text('resource_id').notNull(),
    /** Must equal the resource's host_user_id (composite FK). */
    userId: userRef('user_id').notNull(),
    /** The host's membership of the biz, when they sign in to it (staff); NULL for outside hosts. */
    memberId: text('member_id'),
    email: varchar('email', { length: 255 }),
    phone: varchar('phone', { length: 50 }),
    bio: varchar('bio', { length: 1500 }),
    languages: jsonb('languages').$type<string[]>().notNull().default([]),
    travelRadiusMiles: integer('travel_radius_miles'),
    maxDailyBookings: integer('max_daily_bookings'),
    minRestBetweenBookingsMin: integer('min_rest_between_bookings_min').notNull().default(0),
    paymentProfile: jsonb('payment_profile').$type<Record<string, unknown>>().notNull().default({}),
    /** Average rating ×100 (e.g. 475 = 4.75 stars). */
    rating: integer('rating'),
    reviewCount: integer('review_count').notNull().default(0),
    status: lifecycleStatus('status').notNull().default('active'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('host_users', t),
    unique('host_users_resource_uq').on(t.resourceId),
    sameBiz('host_users', t, t.resourceId, resources, { onDelete: 'cascade' }),
    foreignKey({
      name: pgName('host_users_resource_user_fk'),
      columns: [t.bizId, t.resourceId, t.userId],
      foreignColumns: [resources.bizId, resources.id, resources.hostUserId],
    }).onDelete('cascade'),
    sameBiz('host_users', t, t.memberId, members),
    checkNamed(
      'host_users',
      'limits',
      sql`${t.minRestBetweenBookingsMin} >= 0 AND ${t.reviewCount} >= 0
        AND (${t.maxDailyBookings} IS NULL OR ${t.maxDailyBookings} > 0)
        AND (${t.travelRadiusMiles} IS NULL OR ${t.travelRadiusMiles} >= 0)
        AND (${t.rating} IS NULL OR ${t.rating} BETWEEN 0 AND 500)`,
    ),
    idx('host_users', 'user').on(t.bizId, t.userId),
    idx('host_users', 'member').on(t.bizId, t.memberId),
  ],
);

/** A person who works within a host group (member, dispatcher, lead, contractor). */
export const hostGroupMembers = pgTable(
  'host_group_members',
  {
    id: idPk('host_group_members'),
    bizId: bizIdCol(),
    hostGroupId: text('host_group_id').notNull(),
    userId: userRef('user_id').notNull(),
    /** member / dispatcher / lead / contractor (free text). */
    role: varchar('role', { length: 50 }).notNull().default('member'),
    isAssignable: boolean('is_assignable').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('host_group_members', t),
    uniqueIndex(pgName('host_group_members_uq')).on(t.hostGroupId, t.userId).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('host_group_members', t, t.hostGroupId, hostGroups, { onDelete: 'cascade' }),
    idx('host_group_members', 'user').on(t.userId),
  ],
);

/** Which resource may perform which service, optionally only at one location, with a preference order. */
export const resourceServiceCapabilities = pgTable(
  'resource_service_capabilities',
  {
    id: idPk('resource_service_capabilities'),
    bizId: bizIdCol(),
    resourceId: text('resource_id').notNull(),
    serviceId: text('service_id').notNull(),
    /** NULL = at every location. */
    locationId: text('location_id'),
    isEnabled: boolean('is_enabled').notNull().default(true),
    /** Lower = preferred when several resources can do the service. */
    priority: integer('priority').notNull().default(100),
    description: varchar('description', { length: 600 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('resource_service_capabilities', t),
    uniqueIndex(pgName('resource_service_capabilities_uq'))
      .on(t.resourceId, t.serviceId, sql`coalesce(${t.locationId}, '')`)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('resource_service_capabilities', t, t.resourceId, resources, { onDelete: 'cascade' }),
    sameBiz('resource_service_capabilities', t, t.serviceId, services, { onDelete: 'cascade' }),
    sameBiz('resource_service_capabilities', t, t.locationId, locations, { onDelete: 'cascade' }),
    checkNamed('resource_service_capabilities', 'priority', sql`${t.priority} >= 0`),
    idx('resource_service_capabilities', 'service').on(t.bizId, t.serviceId, t.isEnabled),
  ],
);
