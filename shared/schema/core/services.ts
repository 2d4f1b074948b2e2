/**
 * Services: what a biz does (a class, an appointment type, a repair), independent of price or schedule.
 * Sellable, schedule-aware packaging lives in service_products; who can perform a service lives in
 * resource_service_capabilities.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, bizIdCol, bizIdUnique, checkNamed, idPk, idx, metadataCol, pgName, sameBiz } from '../_common';
import { lifecycleStatus } from './tenancy';

export const serviceType = pgEnum('service_type', ['appointment', 'class', 'rental', 'multi_day', 'call']);
export const serviceVisibility = pgEnum('service_visibility', ['public', 'private', 'internal']);

/** A named group of services (yoga classes, heating jobs) for catalog browsing. */
export const serviceGroups = pgTable(
  'service_groups',
  {
    id: idPk('service_groups'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull(),
    description: text('description'),
    status: lifecycleStatus('status').notNull().default('active'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('service_groups', t),
    uniqueIndex(pgName('service_groups_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('service_groups', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);

type Policy = Record<string, unknown>;

/** A service template: its kind, visibility, default duration and booking policies (NULL = inherit). */
export const services = pgTable(
  'services',
  {
    id: idPk('services'),
    bizId: bizIdCol(),
    serviceGroupId: text('service_group_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    description: text('description'),
    type: serviceType('type').notNull().default('appointment'),
    visibility: serviceVisibility('visibility').notNull().default('public'),
    defaultDurationMin: integer('default_duration_min').notNull().default(60),
    minAdvanceBookingHours: integer('min_advance_booking_hours'),
    maxAdvanceBookingDays: integer('max_advance_booking_days'),
    bookingCutoffMinutes: integer('booking_cutoff_minutes'),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    allowWaitlist: boolean('allow_waitlist').notNull().default(true),
    allowOverbooking: boolean('allow_overbooking').notNull().default(false),
    minCancellationNoticeHours: integer('min_cancellation_notice_hours'),
    minRescheduleNoticeHours: integer('min_reschedule_notice_hours'),
    bookingPolicy: jsonb('booking_policy').$type<Policy>().notNull().default({}),
    cancellationPolicy: jsonb('cancellation_policy').$type<Policy>().notNull().default({}),
    depositPolicy: jsonb('deposit_policy').$type<Policy>().notNull().default({}),
    eligibilityPolicy: jsonb('eligibility_policy').$type<Policy>().notNull().default({}),
    isSelfBookable: boolean('is_self_bookable').notNull().default(true),
    status: lifecycleStatus('status').notNull().default('active'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('services', t),
    uniqueIndex(pgName('services_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('services', t, t.serviceGroupId, serviceGroups),
    checkNamed('services', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    checkNamed('services', 'duration_positive', sql`${t.defaultDurationMin} > 0`),
    checkNamed(
      'services',
      'notice_non_negative',
      sql`coalesce(${t.minAdvanceBookingHours}, 0) >= 0 AND coalesce(${t.maxAdvanceBookingDays}, 0) >= 0
        AND coalesce(${t.bookingCutoffMinutes}, 0) >= 0 AND coalesce(${t.minCancellationNoticeHours}, 0) >= 0
        AND coalesce(${t.minRescheduleNoticeHours}, 0) >= 0`,
    ),
    checkNamed(
      'services',
      'horizon_after_lead',
      sql`${t.maxAdvanceBookingDays} IS NULL OR ${t.minAdvanceBookingHours} IS NULL OR ${t.maxAdvanceBookingDays} * 24 >= ${t.minAdvanceBookingHours}`,
    ),
    idx('services', 'group').on(t.bizId, t.serviceGroupId),
    idx('services', 'status').on(t.bizId, t.status),
  ],
);
