/**
 * better-auth's tables (sessions, accounts, verifications, members, invitations), mapped onto
 * our naming: organizations are bizes, so members/invitations carry `biz_id` like any tenant row.
 */
import { sql } from 'drizzle-orm';
import { pgEnum, pgTable, text, unique, varchar } from 'drizzle-orm/pg-core';
import { bizIdCol, bizIdUnique, checkNamed, idPk, idx, ts } from '../_common';
import { users } from './tenancy';

/** Roles a member holds in one biz; the permission matrix lives in shared/permissions.ts. */
export const memberRole = pgEnum('member_role', ['owner', 'manager', 'front_desk', 'technician', 'customer']);
export const invitationStatus = pgEnum('invitation_status', ['pending', 'accepted', 'rejected', 'canceled']);

/** A signed-in browser session (cookie token); `active_biz_id` is the biz the user is working in. */
export const sessions = pgTable(
  'sessions',
  {
    id: idPk('sessions'),
    expiresAt: ts('expires_at').notNull(),
    token: text('token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    activeBizId: text('active_biz_id'),
    impersonatedBy: text('impersonated_by'),
  },
  (t) => [unique('sessions_token_uq').on(t.token), idx('sessions', 'user').on(t.userId)],
);

/** A credential or linked identity provider of a user (email+password hash lives here). */
export const accounts = pgTable(
  'accounts',
  {
    id: idPk('accounts'),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: ts('access_token_expires_at'),
    refreshTokenExpiresAt: ts('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [idx('accounts', 'user').on(t.userId), unique('accounts_provider_account_uq').on(t.providerId, t.accountId)],
);

/** Short-lived secrets: password-reset and email-verification tokens. */
export const verifications = pgTable(
  'verifications',
  {
    id: idPk('verifications'),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [idx('verifications', 'identifier').on(t.identifier)],
);

/** A user's membership of one biz, with the role that decides what they may do there. */
export const members = pgTable(
  'members',
  {
    id: idPk('members'),
    bizId: bizIdCol(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    bizIdUnique('members', t),
    unique('members_biz_user_uq').on(t.bizId, t.userId),
    idx('members', 'user').on(t.userId),
  ],
);

/** An invitation by email to join a biz with a role; accepting creates a member. */
export const invitations = pgTable(
  'invitations',
  {
    id: idPk('invitations'),
    bizId: bizIdCol(),
    email: varchar('email', { length: 255 }).notNull(),
    role: memberRole('role').notNull(),
    status: invitationStatus('status').notNull().default('pending'),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    inviterId: text('inviter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    bizIdUnique('invitations', t),
    idx('invitations', 'email').on(t.email),
    checkNamed('invitations', 'email_shape', sql`position('@' in ${t.email}) > 1`),
  ],
);
