/**
 * better-auth over our own tables: users/sessions/accounts/verifications, and its organization
 * plugin mapped onto bizes/members/invitations so an organization IS a biz (one id space).
 * Ids are our tagged ULIDs; roles are the permission matrix's roles.
 */

import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { organization } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { and, eq } from 'drizzle-orm';
import { type IdTable, newId } from '../../shared/ids';
import { invitableRoles, isRole, type ROLES } from '../../shared/permissions';
import { accounts, invitations, members, sessions, verifications } from '../../shared/schema/core/auth';
import { bizes, users } from '../../shared/schema/core/tenancy';
import type { Config } from '../config';
import type { Db } from '../db/pool';

const MODEL_TABLES: Record<string, IdTable> = {
  user: 'users',
  session: 'sessions',
  account: 'accounts',
  verification: 'verifications',
  organization: 'bizes',
  member: 'members',
  invitation: 'invitations',
};

// better-auth's own organization statements; our matrix (shared/permissions.ts) governs the app,
// this only decides who may manage the organization itself through better-auth's endpoints.
const ac = createAccessControl({
  organization: ['update', 'delete'],
  member: ['create', 'update', 'delete'],
  invitation: ['create', 'cancel'],
} as const);
const orgRoles = {
  owner: ac.newRole({
    organization: ['update', 'delete'],
    member: ['create', 'update', 'delete'],
    invitation: ['create', 'cancel'],
  }),
  manager: ac.newRole({ member: ['create', 'update'], invitation: ['create', 'cancel'] }),
  front_desk: ac.newRole({}),
  technician: ac.newRole({}),
  customer: ac.newRole({}),
} satisfies Record<(typeof ROLES)[number], unknown>;

export interface AuthHooks {
  /** Where password-reset links go; without a mail transport they are logged. */
  sendResetPassword(email: string, url: string): Promise<void> | void;
  sendInvitation(email: string, bizName: string, invitationId: string, role: string): Promise<void> | void;
}

export function createAuth(config: Config, db: Db, hooks: AuthHooks) {
  return betterAuth({
    appName: 'Bizing',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: [...config.trustedOrigins],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        organization: bizes,
        member: members,
        invitation: invitations,
      },
    }),
    user: { fields: { image: 'avatarUrl' } },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      autoSignIn: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await hooks.sendResetPassword(user.email, url);
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 60,
      max: 300,
      // Per client address: enough for a busy front desk behind one NAT, too few to guess passwords.
      customRules: { '/sign-in/email': { window: 60, max: 30 }, '/request-password-reset': { window: 60, max: 5 } },
    },
    advanced: {
      database: {
        generateId: ({ model }) => {
          const table = MODEL_TABLES[model];
          return table ? newId(table) : false;
        },
      },
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    plugins: [
      organization({
        ac,
        roles: orgRoles,
        creatorRole: 'owner',
        allowUserToCreateOrganization: true,
        invitationExpiresIn: 60 * 60 * 24 * 7,
        schema: {
          organization: { fields: { logo: 'logoUrl' } },
          member: { fields: { organizationId: 'bizId' } },
          invitation: { fields: { organizationId: 'bizId' } },
          session: { fields: { activeOrganizationId: 'activeBizId' } },
        },
        cancelPendingInvitationsOnReInvite: true,
        // The invitation id travels only in the mail to that address: holding it proves the address.
        requireEmailVerificationOnInvitation: false,
        organizationHooks: {
          // An inviter hands out only roles below their own (shared/permissions.ts).
          beforeCreateInvitation: async ({ invitation }) => {
            const [inviter] = await db
              .select({ role: members.role })
              .from(members)
              .where(and(eq(members.bizId, invitation.organizationId), eq(members.userId, invitation.inviterId)))
              .limit(1);
            const allowed = inviter && isRole(inviter.role) ? invitableRoles(inviter.role) : [];
            if (!isRole(invitation.role) || !allowed.includes(invitation.role)) {
              throw new APIError('FORBIDDEN', { message: 'Your role cannot invite with this role.' });
            }
          },
        },
        sendInvitationEmail: async (data) => {
          await hooks.sendInvitation(data.email, data.organization.name, data.id, data.role);
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
