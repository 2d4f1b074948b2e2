/**
 * Tenancy roots: bizes (tenants, also better-auth organizations), users (global identities)
 * and locations (a biz's sites). Everything else hangs off these.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, jsonb, pgEnum, pgTable, text, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
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
  ts,
} from '../_common';

export const lifecycleStatus = pgEnum('lifecycle_status', ['draft', 'active', 'inactive', 'archived']);
export const bizType = pgEnum('biz_type', ['individual', 'small_business', 'enterprise']);
export const orgMembershipRole = pgEnum('org_membership_role', [
  'owner',
  'admin',
  'manager',
  'staff',
  'host',
  'customer',
]);
export const locationType = pgEnum('location_type', ['physical', 'virtual', 'mobile', 'hybrid']);

/** A tenant: one business (studio, clinic, shop). Also the better-auth "organization". */
export const bizes = pgTable(
  'bizes',
  {
    id: idPk('bizes'),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    type: bizType('type').notNull().default('small_business'),
    logoUrl: varchar('logo_url', { length: 500 }),
    timezone: varchar('timezone', { length: 50 }).notNull().default('UTC'),
    currency: currencyCol(),
    status: lifecycleStatus('status').notNull().default('active'),
    /** Public key (base64url, Ed25519) that devices use to verify check-in codes offline. */
    checkInPublicKey: text('check_in_public_key'),
    metadata: metadataCol(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
    // Actor ids without FKs: bizes are created before any of their users exist.
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    deletedBy: text('deleted_by'),
  },
  (t) => [
    uniqueIndex('bizes_slug_uq').on(t.slug),
    currencyCheck('bizes', t.currency),
    idx('bizes', 'status').on(t.status),
  ],
);

/** A person who can sign in; global across bizes (their per-biz role lives in members). */
export const users = pgTable(
  'users',
  {
    id: idPk('users'),
    email: varchar('email', { length: 255 }).notNull(),
    name: varchar('name', { length: 255 }).notNull().default(''),
    firstName: varchar('first_name', { length: 100 }),
    lastName: varchar('last_name', { length: 100 }),
    phone: varchar('phone', { length: 50 }),
    /** Coarse global default; the per-biz role is on members / org_memberships. */
    role: orgMembershipRole('role').notNull().default('staff'),
    status: lifecycleStatus('status').notNull().default('active'),
    avatarUrl: varchar('avatar_url', { length: 500 }),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    preferences: jsonb('preferences').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    emailVerified: boolean('email_verified').notNull().default(false),
    emailVerifiedAt: ts('email_verified_at'),
    banned: boolean('banned').notNull().default(false),
    banReason: varchar('ban_reason', { length: 500 }),
    banExpires: ts('ban_expires'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [uniqueIndex('users_email_uq').on(sql`lower(${t.email})`)],
);

/** A site of a biz (branch, clinic, virtual room, mobile service area). */
export const locations = pgTable(
  'locations',
  {
    id: idPk('locations'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull(),
    type: locationType('type').notNull().default('physical'),
    timezone: varchar('timezone', { length: 50 }).notNull().default('UTC'),
    address: jsonb('address').$type<Record<string, unknown>>().notNull().default({}),
    operatingHours: jsonb('operating_hours').$type<Record<string, unknown>>().notNull().default({}),
    configOverride: jsonb('config_override').$type<Record<string, unknown>>().notNull().default({}),
    serviceArea: jsonb('service_area').$type<Record<string, unknown>>().notNull().default({}),
    status: lifecycleStatus('status').notNull().default('active'),
    isDefault: boolean('is_default').notNull().default(false),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('locations', t),
    unique('locations_biz_slug_uq').on(t.bizId, t.slug),
    uniqueIndex('locations_one_default_uq').on(t.bizId).where(sql`${t.isDefault} AND ${t.deletedAt} IS NULL`),
    checkNamed('locations', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);
