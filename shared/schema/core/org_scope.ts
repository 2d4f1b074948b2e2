/**
 * Organization scope: which locations a membership covers, and shared customer accounts
 * (family, company, group) that book and pay together.
 */

import { date, jsonb, pgEnum, pgTable, text, unique, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, bizIdCol, bizIdUnique, idPk, idx, metadataCol, sameBiz, ts, userRef } from '../_common';
import { members } from './auth';
import { lifecycleStatus, locations, orgMembershipRole, users } from './tenancy';

export const sharedAccountType = pgEnum('shared_account_type', ['family', 'company', 'group']);
export const sharedAccountMemberRole = pgEnum('shared_account_member_role', [
  'primary',
  'adult',
  'minor',
  'dependent',
  'employee',
]);

/** Per-biz profile of a membership: location scope and fine-grained permissions beyond the role. */
export const orgMemberships = pgTable(
  'org_memberships',
  {
    id: idPk('org_memberships'),
    bizId: bizIdCol(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    memberId: text('member_id'),
    role: orgMembershipRole('role').notNull().default('staff'),
    status: lifecycleStatus('status').notNull().default('active'),
    /** Allow-list of location ids; empty means every location of the biz. */
    locationScope: jsonb('location_scope').$type<string[]>().notNull().default([]),
    permissions: jsonb('permissions').$type<Record<string, unknown>>().notNull().default({}),
    invitedByUserId: userRef('invited_by_user_id'),
    joinedAt: ts('joined_at').notNull().defaultNow(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('org_memberships', t),
    unique('org_memberships_biz_user_uq').on(t.bizId, t.userId),
    unique('org_memberships_biz_member_uq').on(t.bizId, t.memberId),
    sameBiz('org_memberships', t, t.memberId, members, { onDelete: 'cascade' }),
    idx('org_memberships', 'biz_role').on(t.bizId, t.role),
  ],
);

/** Normalized location scope of a membership (one row per covered location). */
export const orgMembershipLocations = pgTable(
  'org_membership_locations',
  {
    id: idPk('org_membership_locations'),
    bizId: bizIdCol(),
    membershipId: text('membership_id').notNull(),
    locationId: text('location_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    bizIdUnique('org_membership_locations', t),
    unique('org_membership_locations_uq').on(t.membershipId, t.locationId),
    sameBiz('org_membership_locations', t, t.membershipId, orgMemberships, { onDelete: 'cascade' }),
    sameBiz('org_membership_locations', t, t.locationId, locations),
  ],
);

/** A shared customer account (family, company, group) that books and pays as one. */
export const groupAccounts = pgTable(
  'group_accounts',
  {
    id: idPk('group_accounts'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 255 }).notNull(),
    type: sharedAccountType('type').notNull().default('family'),
    primaryContactUserId: userRef('primary_contact_user_id'),
    profile: jsonb('profile').$type<Record<string, unknown>>().notNull().default({}),
    status: lifecycleStatus('status').notNull().default('active'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [bizIdUnique('group_accounts', t), idx('group_accounts', 'biz_name').on(t.bizId, t.name)],
);

/** A person inside a group account, with their role (primary, minor, employee, ...). */
export const groupAccountMembers = pgTable(
  'group_account_members',
  {
    id: idPk('group_account_members'),
    bizId: bizIdCol(),
    groupAccountId: text('group_account_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: sharedAccountMemberRole('role').notNull().default('adult'),
    relationship: varchar('relationship', { length: 50 }),
    permissions: jsonb('permissions').$type<Record<string, unknown>>().notNull().default({}),
    managedBy: jsonb('managed_by').$type<string[]>().notNull().default([]),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    status: lifecycleStatus('status').notNull().default('active'),
    joinedAt: ts('joined_at').notNull().defaultNow(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('group_account_members', t),
    unique('group_account_members_uq').on(t.bizId, t.groupAccountId, t.userId),
    sameBiz('group_account_members', t, t.groupAccountId, groupAccounts, { onDelete: 'cascade' }),
    idx('group_account_members', 'user').on(t.userId),
  ],
);
