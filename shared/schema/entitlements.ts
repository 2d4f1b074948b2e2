/**
 * Entitlements: membership plans and memberships, wallets holding credits / minutes / sessions /
 * stored value, grants into them, transfers between them, and the append-only ledger whose sum is
 * a wallet's balance. Rollover runs move or expire unused quantities at period end, once per period.
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
  appendOnlyColumns,
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
  ts,
  userRef,
} from './_common';
import { groupAccounts } from './core/org_scope';
import { lifecycleStatus } from './core/tenancy';
import { bookingOrders, fulfillmentUnits } from './fulfillment';
import { paymentIntents, paymentIntentTenders } from './payments';

export const membershipBillingIntervalUnit = pgEnum('membership_billing_interval_unit', [
  'day',
  'week',
  'month',
  'year',
  'custom',
]);
export const membershipStatus = pgEnum('membership_status', [
  'trialing',
  'active',
  'paused',
  'past_due',
  'cancelled',
  'expired',
]);
export const entitlementGrantType = pgEnum('entitlement_grant_type', [
  'pass',
  'credit',
  'time_allowance',
  'seat_pack',
  'gift_card',
  'custom',
]);
/** What one unit of a wallet's balance is. */
export const entitlementUnit = pgEnum('entitlement_unit', ['credit', 'minute', 'session', 'currency_minor']);
export const entitlementTransferStatus = pgEnum('entitlement_transfer_status', [
  'requested',
  'approved',
  'rejected',
  'completed',
  'cancelled',
  'expired',
]);
export const entitlementLedgerEntryType = pgEnum('entitlement_ledger_entry_type', [
  'grant',
  'debit',
  'refund',
  'transfer_in',
  'transfer_out',
  'expiry',
  'rollover',
  'adjustment',
]);
export const rolloverRunStatus = pgEnum('rollover_run_status', [
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
]);

/** A sellable membership: price per billing cycle and the entitlements granted each cycle. */
export const membershipPlans = pgTable(
  'membership_plans',
  {
    id: idPk('membership_plans'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    description: text('description'),
    status: lifecycleStatus('status').notNull().default('draft'),
    billingIntervalCount: integer('billing_interval_count').notNull().default(1),
    billingIntervalUnit: membershipBillingIntervalUnit('billing_interval_unit').notNull().default('month'),
    priceMinor: integer('price_minor').notNull().default(0),
    currency: currencyCol(),
    entitlementType: entitlementGrantType('entitlement_type').notNull().default('credit'),
    entitlementUnit: entitlementUnit('entitlement_unit').notNull().default('credit'),
    entitlementQuantityPerCycle: integer('entitlement_quantity_per_cycle').notNull().default(0),
    /** Member discount on anything beyond the included entitlements, in basis points. */
    memberDiscountBps: integer('member_discount_bps').notNull().default(0),
    allowRollover: boolean('allow_rollover').notNull().default(false),
    rolloverCapQuantity: integer('rollover_cap_quantity'),
    allowTransfers: boolean('allow_transfers').notNull().default(false),
    transferFeeMinor: integer('transfer_fee_minor').notNull().default(0),
    entitlementPolicy: jsonb('entitlement_policy').$type<Record<string, unknown>>().notNull().default({}),
    membershipPolicy: jsonb('membership_policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('membership_plans', t),
    uniqueIndex('membership_plans_biz_slug_uq').on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    idx('membership_plans', 'biz_status').on(t.bizId, t.status),
    currencyCheck('membership_plans', t.currency),
    checkNamed('membership_plans', 'interval_positive', sql`${t.billingIntervalCount} > 0`),
    checkNamed(
      'membership_plans',
      'amounts_nonneg',
      sql`${t.priceMinor} >= 0 AND ${t.entitlementQuantityPerCycle} >= 0 AND ${t.transferFeeMinor} >= 0 AND (${t.rolloverCapQuantity} IS NULL OR ${t.rolloverCapQuantity} >= 0)`,
    ),
    checkNamed('membership_plans', 'discount_bps_range', sql`${t.memberDiscountBps} BETWEEN 0 AND 10000`),
  ],
);

/** A customer's (user's or group account's) subscription to a plan, with its current billing period. */
export const memberships = pgTable(
  'memberships',
  {
    id: idPk('memberships'),
    bizId: bizIdCol(),
    membershipPlanId: text('membership_plan_id').notNull(),
    ownerUserId: userRef('owner_user_id'),
    ownerGroupAccountId: text('owner_group_account_id'),
    status: membershipStatus('status').notNull().default('trialing'),
    startsAt: ts('starts_at').notNull(),
    currentPeriodStartAt: ts('current_period_start_at').notNull(),
    currentPeriodEndAt: ts('current_period_end_at').notNull(),
    pausedAt: ts('paused_at'),
    cancelledAt: ts('cancelled_at'),
    endedAt: ts('ended_at'),
    autoRenew: boolean('auto_renew').notNull().default(true),
    /** Processor subscription id (e.g. Stripe `sub_…`). */
    providerSubscriptionRef: varchar('provider_subscription_ref', { length: 200 }),
    statusReason: varchar('status_reason', { length: 400 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('memberships', t),
    sameBiz('memberships', t, t.membershipPlanId, membershipPlans),
    sameBiz('memberships', t, t.ownerGroupAccountId, groupAccounts),
    uniqueIndex('memberships_one_live_per_user_uq')
      .on(t.bizId, t.membershipPlanId, t.ownerUserId)
      .where(
        sql`${t.ownerUserId} IS NOT NULL AND ${t.status} IN ('trialing', 'active', 'paused', 'past_due') AND ${t.deletedAt} IS NULL`,
      ),
    idx('memberships', 'plan').on(t.bizId, t.membershipPlanId, t.status),
    idx('memberships', 'owner_user').on(t.bizId, t.ownerUserId),
    idx('memberships', 'owner_group').on(t.bizId, t.ownerGroupAccountId),
    idx('memberships', 'period_end').on(t.bizId, t.status, t.currentPeriodEndAt),
    checkNamed('memberships', 'one_owner', sql`num_nonnulls(${t.ownerUserId}, ${t.ownerGroupAccountId}) = 1`),
    checkNamed(
      'memberships',
      'period_order',
      sql`${t.currentPeriodEndAt} > ${t.currentPeriodStartAt} AND ${t.currentPeriodStartAt} >= ${t.startsAt}`,
    ),
    checkNamed('memberships', 'ended_after_start', sql`${t.endedAt} IS NULL OR ${t.endedAt} >= ${t.startsAt}`),
  ],
);

/**
 * A balance container (credits, minutes, sessions or stored value such as a gift card) of a user or
 * group account; its balance always equals the sum of its ledger rows.
 */
export const entitlementWallets = pgTable(
  'entitlement_wallets',
  {
    id: idPk('entitlement_wallets'),
    bizId: bizIdCol(),
    membershipId: text('membership_id'),
    ownerUserId: userRef('owner_user_id'),
    groupAccountId: text('group_account_id'),
    name: varchar('name', { length: 180 }).notNull().default(''),
    entitlementType: entitlementGrantType('entitlement_type').notNull().default('credit'),
    unit: entitlementUnit('unit').notNull().default('credit'),
    /** Required for `currency_minor` wallets (stored value); NULL otherwise. */
    currency: varchar('currency', { length: 3 }),
    balance: integer('balance').notNull().default(0),
    allowOverdraft: boolean('allow_overdraft').notNull().default(false),
    overdraftLimit: integer('overdraft_limit').notNull().default(0),
    expiresAt: ts('expires_at'),
    /** Redemption code of a bearer wallet (gift card); unique per biz. */
    code: varchar('code', { length: 40 }),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('entitlement_wallets', t),
    sameBiz('entitlement_wallets', t, t.membershipId, memberships),
    sameBiz('entitlement_wallets', t, t.groupAccountId, groupAccounts),
    uniqueIndex('entitlement_wallets_code_uq')
      .on(t.bizId, t.code)
      .where(sql`${t.code} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    idx('entitlement_wallets', 'owner_user').on(t.bizId, t.ownerUserId),
    idx('entitlement_wallets', 'group_account').on(t.bizId, t.groupAccountId),
    idx('entitlement_wallets', 'membership').on(t.bizId, t.membershipId),
    currencyCheck('entitlement_wallets', t.currency),
    checkNamed(
      'entitlement_wallets',
      'currency_shape',
      sql`(${t.unit} = 'currency_minor') = (${t.currency} IS NOT NULL)`,
    ),
    checkNamed(
      'entitlement_wallets',
      'at_most_one_owner',
      sql`num_nonnulls(${t.ownerUserId}, ${t.groupAccountId}) <= 1`,
    ),
    checkNamed('entitlement_wallets', 'overdraft_limit_nonneg', sql`${t.overdraftLimit} >= 0`),
    checkNamed(
      'entitlement_wallets',
      'balance_floor',
      sql`(${t.allowOverdraft} AND ${t.balance} >= -${t.overdraftLimit}) OR (NOT ${t.allowOverdraft} AND ${t.balance} >= 0)`,
    ),
  ],
);

/** Quantity put into a wallet (membership cycle, purchased pack, gift card, goodwill), with its validity window. */
export const entitlementGrants = pgTable(
  'entitlement_grants',
  {
    id: idPk('entitlement_grants'),
    bizId: bizIdCol(),
    walletId: text('wallet_id').notNull(),
    membershipId: text('membership_id'),
    bookingOrderId: text('booking_order_id'),
    grantType: entitlementGrantType('grant_type').notNull(),
    quantity: integer('quantity').notNull(),
    validFromAt: ts('valid_from_at').notNull().defaultNow(),
    validUntilAt: ts('valid_until_at'),
    rolloverEligible: boolean('rollover_eligible').notNull().default(false),
    transferable: boolean('transferable').notNull().default(false),
    reason: varchar('reason', { length: 400 }),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('entitlement_grants', t),
    sameBiz('entitlement_grants', t, t.walletId, entitlementWallets),
    sameBiz('entitlement_grants', t, t.membershipId, memberships),
    sameBiz('entitlement_grants', t, t.bookingOrderId, bookingOrders),
    uniqueIndex('entitlement_grants_request_key_uq').on(t.bizId, t.requestKey).where(sql`${t.requestKey} IS NOT NULL`),
    idx('entitlement_grants', 'wallet').on(t.bizId, t.walletId, t.validUntilAt),
    idx('entitlement_grants', 'membership').on(t.bizId, t.membershipId),
    checkNamed('entitlement_grants', 'quantity_positive', sql`${t.quantity} > 0`),
    checkNamed(
      'entitlement_grants',
      'window_order',
      sql`${t.validUntilAt} IS NULL OR ${t.validUntilAt} > ${t.validFromAt}`,
    ),
  ],
);

/** A request to move quantity from one wallet to another (optionally for a fee), and its review outcome. */
export const entitlementTransfers = pgTable(
  'entitlement_transfers',
  {
    id: idPk('entitlement_transfers'),
    bizId: bizIdCol(),
    fromWalletId: text('from_wallet_id').notNull(),
    toWalletId: text('to_wallet_id').notNull(),
    status: entitlementTransferStatus('status').notNull().default('requested'),
    quantity: integer('quantity').notNull(),
    feeMinor: integer('fee_minor').notNull().default(0),
    currency: currencyCol(),
    /** The payment collecting the transfer fee, if any. */
    paymentIntentId: text('payment_intent_id'),
    requestedByUserId: userRef('requested_by_user_id'),
    reviewedByUserId: userRef('reviewed_by_user_id'),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    reviewedAt: ts('reviewed_at'),
    completedAt: ts('completed_at'),
    expiresAt: ts('expires_at'),
    reason: varchar('reason', { length: 500 }),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('entitlement_transfers', t),
    sameBiz('entitlement_transfers', t, t.fromWalletId, entitlementWallets),
    sameBiz('entitlement_transfers', t, t.toWalletId, entitlementWallets),
    sameBiz('entitlement_transfers', t, t.paymentIntentId, paymentIntents),
    uniqueIndex('entitlement_transfers_request_key_uq')
      .on(t.bizId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
    idx('entitlement_transfers', 'from_wallet').on(t.bizId, t.fromWalletId),
    idx('entitlement_transfers', 'to_wallet').on(t.bizId, t.toWalletId),
    idx('entitlement_transfers', 'biz_status').on(t.bizId, t.status),
    currencyCheck('entitlement_transfers', t.currency),
    checkNamed('entitlement_transfers', 'distinct_wallets', sql`${t.fromWalletId} <> ${t.toWalletId}`),
    checkNamed('entitlement_transfers', 'amounts_valid', sql`${t.quantity} > 0 AND ${t.feeMinor} >= 0`),
    checkNamed(
      'entitlement_transfers',
      'time_order',
      sql`(${t.reviewedAt} IS NULL OR ${t.reviewedAt} >= ${t.requestedAt}) AND (${t.completedAt} IS NULL OR ${t.completedAt} >= ${t.requestedAt}) AND (${t.expiresAt} IS NULL OR ${t.expiresAt} > ${t.requestedAt})`,
    ),
  ],
);

/** Start of the rollover/expiry pass over one plan (or one wallet) for one period; runs once per period. */
export const rolloverRuns = pgTable(
  'rollover_runs',
  {
    id: idPk('rollover_runs'),
    bizId: bizIdCol(),
    membershipPlanId: text('membership_plan_id'),
    walletId: text('wallet_id'),
    status: rolloverRunStatus('status').notNull().default('pending'),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    runAt: ts('run_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    rolledOverQuantity: integer('rolled_over_quantity').notNull().default(0),
    expiredQuantity: integer('expired_quantity').notNull().default(0),
    error: text('error'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('rollover_runs', t),
    sameBiz('rollover_runs', t, t.membershipPlanId, membershipPlans),
    sameBiz('rollover_runs', t, t.walletId, entitlementWallets),
    unique('rollover_runs_plan_period_uq').on(t.bizId, t.membershipPlanId, t.periodStart),
    unique('rollover_runs_wallet_period_uq').on(t.bizId, t.walletId, t.periodStart),
    idx('rollover_runs', 'biz_status').on(t.bizId, t.status, t.runAt),
    checkNamed('rollover_runs', 'one_scope', sql`num_nonnulls(${t.membershipPlanId}, ${t.walletId}) = 1`),
    checkNamed('rollover_runs', 'period_order', sql`${t.periodEnd} > ${t.periodStart}`),
    checkNamed(
      'rollover_runs',
      'completed_after_started',
      sql`${t.completedAt} IS NULL OR ${t.startedAt} IS NULL OR ${t.completedAt} >= ${t.startedAt}`,
    ),
    checkNamed('rollover_runs', 'quantities_nonneg', sql`${t.rolledOverQuantity} >= 0 AND ${t.expiredQuantity} >= 0`),
  ],
);

/** One immutable movement of a wallet's balance (signed quantity) and the balance right after it. */
export const entitlementLedgerEntries = pgTable(
  'entitlement_ledger_entries',
  {
    id: idPk('entitlement_ledger_entries'),
    bizId: bizIdCol(),
    walletId: text('wallet_id').notNull(),
    entryType: entitlementLedgerEntryType('entry_type').notNull(),
    /** Signed: + credits the wallet, − debits it. Never 0. */
    quantity: integer('quantity').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    bookingOrderId: text('booking_order_id'),
    fulfillmentUnitId: text('fulfillment_unit_id'),
    grantId: text('grant_id'),
    transferId: text('transfer_id'),
    rolloverRunId: text('rollover_run_id'),
    /** The payment leg this debit/refund paid (wallet credit or gift card as a tender). */
    paymentIntentTenderId: text('payment_intent_tender_id'),
    /** Expiry of the quantity moved (a refund keeps the original expiry). */
    expiresAt: ts('expires_at'),
    reasonCode: varchar('reason_code', { length: 120 }),
    /** When it happened (device time, corrected): decides expiry and offline grace. */
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...appendOnlyColumns(),
  },
  (t) => [
    bizIdUnique('entitlement_ledger_entries', t),
    sameBiz('entitlement_ledger_entries', t, t.walletId, entitlementWallets),
    sameBiz('entitlement_ledger_entries', t, t.bookingOrderId, bookingOrders),
    sameBiz('entitlement_ledger_entries', t, t.fulfillmentUnitId, fulfillmentUnits),
    sameBiz('entitlement_ledger_entries', t, t.grantId, entitlementGrants),
    sameBiz('entitlement_ledger_entries', t, t.transferId, entitlementTransfers),
    sameBiz('entitlement_ledger_entries', t, t.rolloverRunId, rolloverRuns),
    sameBiz('entitlement_ledger_entries', t, t.paymentIntentTenderId, paymentIntentTenders),
    uniqueIndex('entitlement_ledger_entries_request_key_uq')
      .on(t.bizId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
    idx('entitlement_ledger_entries', 'wallet').on(t.bizId, t.walletId, t.occurredAt),
    idx('entitlement_ledger_entries', 'booking_order').on(t.bizId, t.bookingOrderId),
    idx('entitlement_ledger_entries', 'grant').on(t.bizId, t.grantId),
    checkNamed('entitlement_ledger_entries', 'quantity_nonzero', sql`${t.quantity} <> 0`),
    checkNamed(
      'entitlement_ledger_entries',
      'quantity_sign',
      sql`(${t.entryType} NOT IN ('grant', 'refund', 'transfer_in') OR ${t.quantity} > 0) AND (${t.entryType} NOT IN ('debit', 'transfer_out', 'expiry') OR ${t.quantity} < 0)`,
    ),
    checkNamed(
      'entitlement_ledger_entries',
      'link_shape',
      sql`(${t.entryType} NOT IN ('transfer_in', 'transfer_out') OR ${t.transferId} IS NOT NULL) AND (${t.entryType} <> 'grant' OR ${t.grantId} IS NOT NULL) AND (${t.entryType} <> 'rollover' OR ${t.rolloverRunId} IS NOT NULL)`,
    ),
  ],
);
