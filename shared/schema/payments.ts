/**
 * Payments: money collected for an order (intent), split into tender legs (card, cash, wallet
 * credit, gift), recorded as append-only transactions, disputed, settled into batches and paid
 * out. Corrections are compensating rows, never edits of a transaction.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgEnum, pgTable, text, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  appendOnlyColumns,
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
  ts,
  userRef,
} from './_common';
import { groupAccounts } from './core/org_scope';
import { entitlementWallets } from './entitlements';
import { bookingOrders } from './fulfillment';
import { crossBizOrders } from './marketplace';

export const paymentMethodType = pgEnum('payment_method_type', [
  'card',
  'cash',
  'bank_transfer',
  'wallet',
  'gift_card',
  'external_channel_credit',
  'custom',
]);
export const paymentIntentStatus = pgEnum('payment_intent_status', [
  'requires_payment',
  'partially_paid',
  'paid',
  'partially_refunded',
  'refunded',
  'cancelled',
  'failed',
]);
export const paymentTenderType = pgEnum('payment_tender_type', [
  'card',
  'cash',
  'entitlement_credit',
  'gift',
  'pay_later',
  'other',
]);
export const paymentTenderStatus = pgEnum('payment_tender_status', [
  'pending',
  'authorized',
  'captured',
  'failed',
  'cancelled',
  'refunded',
  'partially_refunded',
]);
export const paymentTransactionType = pgEnum('payment_transaction_type', [
  'charge',
  'capture',
  'refund',
  'dispute_hold',
  'dispute_reversal',
  'chargeback',
  'adjustment',
  'void',
]);
/** Outcome of one money event, fixed at insert (a declined charge is a `failed` row). */
export const paymentTransactionStatus = pgEnum('payment_transaction_status', ['succeeded', 'failed']);
export const paymentDisputeStatus = pgEnum('payment_dispute_status', [
  'needs_response',
  'under_review',
  'won',
  'lost',
  'closed',
]);
export const settlementBatchStatus = pgEnum('settlement_batch_status', [
  'open',
  'calculating',
  'ready',
  'paid',
  'failed',
  'cancelled',
]);
export const settlementEntryType = pgEnum('settlement_entry_type', [
  'charge',
  'refund',
  'fee',
  'dispute_hold',
  'dispute_reversal',
  'chargeback',
  'adjustment',
]);
export const payoutStatus = pgEnum('payout_status', [
  'pending',
  'in_transit',
  'paid',
  'failed',
  'cancelled',
  'reversed',
]);
export const payoutLedgerEntryType = pgEnum('payout_ledger_entry_type', [
  'credit',
  'debit',
  'fee',
  'adjustment',
  'reversal',
]);

/** A tokenized, reusable way to pay (saved card, bank account, ...) of a customer; never raw card data. */
export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: idPk('payment_methods'),
    bizId: bizIdCol(),
    ownerUserId: userRef('owner_user_id'),
    ownerGroupAccountId: text('owner_group_account_id'),
    type: paymentMethodType('type').notNull(),
    /** `stripe`, `cash_drawer`, ...: who holds the token. */
    provider: varchar('provider', { length: 80 }).notNull(),
    /** Provider token, e.g. Stripe `pm_…`. */
    providerMethodRef: varchar('provider_method_ref', { length: 200 }).notNull(),
    label: varchar('label', { length: 120 }),
    cardBrand: varchar('card_brand', { length: 40 }),
    cardLast4: varchar('card_last4', { length: 4 }),
    cardExpMonth: integer('card_exp_month'),
    cardExpYear: integer('card_exp_year'),
    isDefault: boolean('is_default').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('payment_methods', t),
    sameBiz('payment_methods', t, t.ownerGroupAccountId, groupAccounts),
    uniqueIndex('payment_methods_provider_ref_uq')
      .on(t.bizId, t.provider, t.providerMethodRef)
      .where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex('payment_methods_one_default_per_user_uq')
      .on(t.bizId, t.ownerUserId)
      .where(sql`${t.isDefault} AND ${t.isActive} AND ${t.ownerUserId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    idx('payment_methods', 'owner_user').on(t.bizId, t.ownerUserId),
    checkNamed(
      'payment_methods',
      'card_exp_month_range',
      sql`${t.cardExpMonth} IS NULL OR ${t.cardExpMonth} BETWEEN 1 AND 12`,
    ),
    checkNamed('payment_methods', 'card_exp_year_range', sql`${t.cardExpYear} IS NULL OR ${t.cardExpYear} >= 2000`),
    checkNamed('payment_methods', 'card_last4_shape', sql`${t.cardLast4} IS NULL OR ${t.cardLast4} ~ '^[0-9]{4}$'`),
  ],
);

/** The money to collect for one booking order (or cross-biz order), with running paid/refunded totals. */
export const paymentIntents = pgTable(
  'payment_intents',
  {
    id: idPk('payment_intents'),
    bizId: bizIdCol(),
    bookingOrderId: text('booking_order_id'),
    crossBizOrderId: text('cross_biz_order_id'),
    status: paymentIntentStatus('status').notNull().default('requires_payment'),
    currency: currencyCol(),
    /** Amount due. */
    amountMinor: integer('amount_minor').notNull(),
    /** Sum of succeeded tender legs (kept in step with payment_transactions by the server). */
    amountPaidMinor: integer('amount_paid_minor').notNull().default(0),
    amountRefundedMinor: integer('amount_refunded_minor').notNull().default(0),
    /** Stripe `pi_…` when a card leg goes through Stripe. */
    stripePaymentIntentId: varchar('stripe_payment_intent_id', { length: 255 }),
    description: varchar('description', { length: 500 }),
    paidAt: ts('paid_at'),
    cancelledAt: ts('cancelled_at'),
    failedAt: ts('failed_at'),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('payment_intents', t),
    sameBiz('payment_intents', t, t.bookingOrderId, bookingOrders),
    sameBiz('payment_intents', t, t.crossBizOrderId, crossBizOrders),
    uniqueIndex('payment_intents_stripe_pi_uq')
      .on(t.stripePaymentIntentId)
      .where(sql`${t.stripePaymentIntentId} IS NOT NULL`),
    uniqueIndex('payment_intents_request_key_uq').on(t.bizId, t.requestKey).where(sql`${t.requestKey} IS NOT NULL`),
    idx('payment_intents', 'booking_order').on(t.bizId, t.bookingOrderId),
    idx('payment_intents', 'biz_status').on(t.bizId, t.status, t.createdAt),
    currencyCheck('payment_intents', t.currency),
    checkNamed(
      'payment_intents',
      'amounts_valid',
      sql`${t.amountMinor} >= 0 AND ${t.amountPaidMinor} >= 0 AND ${t.amountRefundedMinor} >= 0 AND ${t.amountRefundedMinor} <= ${t.amountPaidMinor}`,
    ),
    checkNamed('payment_intents', 'one_order', sql`num_nonnulls(${t.bookingOrderId}, ${t.crossBizOrderId}) <= 1`),
  ],
);

/** One leg of a split payment (card, cash, wallet credit, gift, pay later) against an intent. */
export const paymentIntentTenders = pgTable(
  'payment_intent_tenders',
  {
    id: idPk('payment_intent_tenders'),
    bizId: bizIdCol(),
    paymentIntentId: text('payment_intent_id').notNull(),
    tenderType: paymentTenderType('tender_type').notNull(),
    status: paymentTenderStatus('status').notNull().default('pending'),
    currency: currencyCol(),
    amountMinor: integer('amount_minor').notNull(),
    amountRefundedMinor: integer('amount_refunded_minor').notNull().default(0),
    paymentMethodId: text('payment_method_id'),
    /** The wallet drawn from for `entitlement_credit` (required) and stored-value `gift` legs. */
    entitlementWalletId: text('entitlement_wallet_id'),
    stripePaymentIntentId: varchar('stripe_payment_intent_id', { length: 255 }),
    /** Taken while the device was offline (cash, wallet credit); applied on sync. */
    receivedOffline: boolean('received_offline').notNull().default(false),
    /** Processor decline code of the last failure. */
    failureCode: varchar('failure_code', { length: 120 }),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('payment_intent_tenders', t),
    /** Target of transactions' (biz, intent, tender) FK: a transaction's tender belongs to its intent. */
    unique('payment_intent_tenders_biz_intent_id_uq').on(t.bizId, t.paymentIntentId, t.id),
    sameBiz('payment_intent_tenders', t, t.paymentIntentId, paymentIntents, { onDelete: 'cascade' }),
    sameBiz('payment_intent_tenders', t, t.paymentMethodId, paymentMethods),
    sameBiz('payment_intent_tenders', t, t.entitlementWalletId, entitlementWallets),
    uniqueIndex('payment_intent_tenders_request_key_uq')
      .on(t.bizId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
    idx('payment_intent_tenders', 'intent').on(t.bizId, t.paymentIntentId),
    idx('payment_intent_tenders', 'wallet').on(t.bizId, t.entitlementWalletId),
    idx('payment_intent_tenders', 'stripe_pi').on(t.stripePaymentIntentId),
    currencyCheck('payment_intent_tenders', t.currency),
    checkNamed(
      'payment_intent_tenders',
      'amounts_valid',
      sql`${t.amountMinor} > 0 AND ${t.amountRefundedMinor} >= 0 AND ${t.amountRefundedMinor} <= ${t.amountMinor}`,
    ),
    checkNamed(
      'payment_intent_tenders',
      'wallet_shape',
      sql`(${t.tenderType} <> 'entitlement_credit' OR ${t.entitlementWalletId} IS NOT NULL) AND (${t.entitlementWalletId} IS NULL OR ${t.tenderType} IN ('entitlement_credit', 'gift'))`,
    ),
    checkNamed(
      'payment_intent_tenders',
      'offline_not_card',
      sql`NOT (${t.receivedOffline} AND ${t.tenderType} = 'card')`,
    ),
  ],
);

/** An immutable money event (charge, capture, refund, dispute hold, chargeback, ...); corrections are new rows. */
export const paymentTransactions = pgTable(
  'payment_transactions',
  {
    id: idPk('payment_transactions'),
    bizId: bizIdCol(),
    paymentIntentId: text('payment_intent_id').notNull(),
    tenderId: text('tender_id'),
    type: paymentTransactionType('type').notNull(),
    status: paymentTransactionStatus('status').notNull().default('succeeded'),
    /** Always >= 0; the direction comes from `type` (refund, chargeback, dispute_hold take money out). */
    amountMinor: integer('amount_minor').notNull(),
    /** Processor fee charged on this event, reported separately from revenue. */
    feeMinor: integer('fee_minor').notNull().default(0),
    currency: currencyCol(),
    /** When the money moved (device time, corrected), deciding the business day. */
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    /** Stripe `ch_…`, `re_…`, `dp_…`, `pi_…` this row mirrors. */
    stripeObjectId: varchar('stripe_object_id', { length: 255 }),
    /** The earlier row this one reverses (refund of a charge, reversal of a dispute hold). */
    reversesTransactionId: text('reverses_transaction_id'),
    reason: text('reason'),
    /** Processor decline/failure code when `status = failed`. */
    failureCode: varchar('failure_code', { length: 120 }),
    providerPayload: jsonb('provider_payload').$type<Record<string, unknown>>().notNull().default({}),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...appendOnlyColumns(),
  },
  (t) => [
    bizIdUnique('payment_transactions', t),
    /** Target of disputes' (biz, intent, transaction) FK. */
    unique('payment_transactions_biz_intent_id_uq').on(t.bizId, t.paymentIntentId, t.id),
    sameBiz('payment_transactions', t, t.paymentIntentId, paymentIntents),
    compositeFk(
      'payment_transactions',
      'tender',
      [t.bizId, t.paymentIntentId, t.tenderId],
      [paymentIntentTenders.bizId, paymentIntentTenders.paymentIntentId, paymentIntentTenders.id],
    ),
    sameBiz('payment_transactions', t, t.reversesTransactionId, t),
    uniqueIndex('payment_transactions_request_key_uq')
      .on(t.bizId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
    idx('payment_transactions', 'intent').on(t.bizId, t.paymentIntentId, t.occurredAt),
    idx('payment_transactions', 'tender').on(t.bizId, t.tenderId),
    idx('payment_transactions', 'biz_occurred').on(t.bizId, t.occurredAt),
    idx('payment_transactions', 'stripe_object').on(t.stripeObjectId),
    currencyCheck('payment_transactions', t.currency),
    checkNamed('payment_transactions', 'amounts_nonneg', sql`${t.amountMinor} >= 0 AND ${t.feeMinor} >= 0`),
    checkNamed('payment_transactions', 'not_self_reversal', sql`${t.reversesTransactionId} IS DISTINCT FROM ${t.id}`),
  ],
);

/** A chargeback/inquiry opened by the customer's bank (mirrors a Stripe dispute), with its evidence and outcome. */
export const paymentDisputes = pgTable(
  'payment_disputes',
  {
    id: idPk('payment_disputes'),
    bizId: bizIdCol(),
    paymentIntentId: text('payment_intent_id').notNull(),
    paymentTransactionId: text('payment_transaction_id'),
    /** Stripe `dp_…`; globally unique, so a replayed webhook finds the same row. */
    stripeDisputeId: varchar('stripe_dispute_id', { length: 255 }).notNull(),
    status: paymentDisputeStatus('status').notNull().default('needs_response'),
    amountMinor: integer('amount_minor').notNull(),
    /** Dispute fee charged by the processor (shown held, separately from revenue). */
    feeMinor: integer('fee_minor').notNull().default(0),
    currency: currencyCol(),
    reason: text('reason'),
    openedAt: ts('opened_at').notNull().defaultNow(),
    evidenceDueAt: ts('evidence_due_at'),
    resolvedAt: ts('resolved_at'),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    outcome: jsonb('outcome').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('payment_disputes', t),
    sameBiz('payment_disputes', t, t.paymentIntentId, paymentIntents),
    compositeFk(
      'payment_disputes',
      'transaction',
      [t.bizId, t.paymentIntentId, t.paymentTransactionId],
      [paymentTransactions.bizId, paymentTransactions.paymentIntentId, paymentTransactions.id],
    ),
    uniqueIndex('payment_disputes_stripe_dispute_uq').on(t.stripeDisputeId),
    idx('payment_disputes', 'intent').on(t.bizId, t.paymentIntentId),
    idx('payment_disputes', 'biz_status_due').on(t.bizId, t.status, t.evidenceDueAt),
    currencyCheck('payment_disputes', t.currency),
    checkNamed('payment_disputes', 'amounts_valid', sql`${t.amountMinor} > 0 AND ${t.feeMinor} >= 0`),
    checkNamed(
      'payment_disputes',
      'resolved_after_opened',
      sql`${t.resolvedAt} IS NULL OR ${t.resolvedAt} >= ${t.openedAt}`,
    ),
  ],
);

/** A processor settlement period: gross, fees and net of the transactions it groups. */
export const settlementBatches = pgTable(
  'settlement_batches',
  {
    id: idPk('settlement_batches'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 220 }).notNull(),
    status: settlementBatchStatus('status').notNull().default('open'),
    currency: currencyCol(),
    periodStartAt: ts('period_start_at').notNull(),
    periodEndAt: ts('period_end_at').notNull(),
    grossMinor: integer('gross_minor').notNull().default(0),
    feesMinor: integer('fees_minor').notNull().default(0),
    netMinor: integer('net_minor').notNull().default(0),
    entryCount: integer('entry_count').notNull().default(0),
    payoutDueAt: ts('payout_due_at'),
    paidAt: ts('paid_at'),
    /** Stripe payout `po_…` that settled this batch, when it mirrors Stripe. */
    stripePayoutId: varchar('stripe_payout_id', { length: 255 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('settlement_batches', t),
    idx('settlement_batches', 'biz_period').on(t.bizId, t.periodStartAt),
    idx('settlement_batches', 'biz_status').on(t.bizId, t.status),
    currencyCheck('settlement_batches', t.currency),
    checkNamed('settlement_batches', 'period_order', sql`${t.periodEndAt} > ${t.periodStartAt}`),
    checkNamed(
      'settlement_batches',
      'amounts_valid',
      sql`${t.feesMinor} >= 0 AND ${t.entryCount} >= 0 AND ${t.netMinor} = ${t.grossMinor} - ${t.feesMinor}`,
    ),
  ],
);

/** One signed line of a settlement batch (a charge in, a refund or fee out); immutable. */
export const settlementEntries = pgTable(
  'settlement_entries',
  {
    id: idPk('settlement_entries'),
    bizId: bizIdCol(),
    settlementBatchId: text('settlement_batch_id').notNull(),
    paymentTransactionId: text('payment_transaction_id'),
    bookingOrderId: text('booking_order_id'),
    crossBizOrderId: text('cross_biz_order_id'),
    entryType: settlementEntryType('entry_type').notNull(),
    /** Signed: + money into the balance, − money out. Never 0. */
    amountMinor: integer('amount_minor').notNull(),
    currency: currencyCol(),
    /** Stripe balance transaction `txn_…` this line mirrors. */
    stripeBalanceTransactionId: varchar('stripe_balance_transaction_id', { length: 255 }),
    description: varchar('description', { length: 500 }),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...appendOnlyColumns(),
  },
  (t) => [
    bizIdUnique('settlement_entries', t),
    sameBiz('settlement_entries', t, t.settlementBatchId, settlementBatches),
    sameBiz('settlement_entries', t, t.paymentTransactionId, paymentTransactions),
    sameBiz('settlement_entries', t, t.bookingOrderId, bookingOrders),
    sameBiz('settlement_entries', t, t.crossBizOrderId, crossBizOrders),
    uniqueIndex('settlement_entries_request_key_uq').on(t.bizId, t.requestKey).where(sql`${t.requestKey} IS NOT NULL`),
    idx('settlement_entries', 'batch').on(t.bizId, t.settlementBatchId, t.occurredAt),
    idx('settlement_entries', 'transaction').on(t.bizId, t.paymentTransactionId),
    currencyCheck('settlement_entries', t.currency),
    checkNamed('settlement_entries', 'amount_nonzero', sql`${t.amountMinor} <> 0`),
    checkNamed(
      'settlement_entries',
      'source_shape',
      sql`${t.entryType} IN ('fee', 'adjustment') OR ${t.paymentTransactionId} IS NOT NULL`,
    ),
  ],
);

/** Money sent from the processor balance to the biz's bank account (mirrors a Stripe payout). */
export const payouts = pgTable(
  'payouts',
  {
    id: idPk('payouts'),
    bizId: bizIdCol(),
    settlementBatchId: text('settlement_batch_id'),
    status: payoutStatus('status').notNull().default('pending'),
    currency: currencyCol(),
    amountMinor: integer('amount_minor').notNull(),
    /** Destination bank account / card reference (e.g. Stripe `ba_…`). */
    destinationRef: varchar('destination_ref', { length: 200 }),
    stripePayoutId: varchar('stripe_payout_id', { length: 255 }),
    initiatedAt: ts('initiated_at').notNull().defaultNow(),
    expectedArrivalAt: ts('expected_arrival_at'),
    paidAt: ts('paid_at'),
    failedAt: ts('failed_at'),
    failureReason: varchar('failure_reason', { length: 400 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('payouts', t),
    sameBiz('payouts', t, t.settlementBatchId, settlementBatches),
    uniqueIndex('payouts_stripe_payout_uq').on(t.stripePayoutId).where(sql`${t.stripePayoutId} IS NOT NULL`),
    idx('payouts', 'biz_status').on(t.bizId, t.status, t.initiatedAt),
    idx('payouts', 'batch').on(t.bizId, t.settlementBatchId),
    currencyCheck('payouts', t.currency),
    checkNamed('payouts', 'amount_positive', sql`${t.amountMinor} > 0`),
    checkNamed('payouts', 'paid_after_initiated', sql`${t.paidAt} IS NULL OR ${t.paidAt} >= ${t.initiatedAt}`),
    checkNamed('payouts', 'failed_after_initiated', sql`${t.failedAt} IS NULL OR ${t.failedAt} >= ${t.initiatedAt}`),
  ],
);

/** One immutable line explaining a payout (credit, debit, fee, reversal); direction comes from the type. */
export const payoutLedgerEntries = pgTable(
  'payout_ledger_entries',
  {
    id: idPk('payout_ledger_entries'),
    bizId: bizIdCol(),
    payoutId: text('payout_id').notNull(),
    settlementEntryId: text('settlement_entry_id'),
    entryType: payoutLedgerEntryType('entry_type').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: currencyCol(),
    stripeBalanceTransactionId: varchar('stripe_balance_transaction_id', { length: 255 }),
    description: varchar('description', { length: 500 }),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...appendOnlyColumns(),
  },
  (t) => [
    bizIdUnique('payout_ledger_entries', t),
    sameBiz('payout_ledger_entries', t, t.payoutId, payouts),
    sameBiz('payout_ledger_entries', t, t.settlementEntryId, settlementEntries),
    uniqueIndex('payout_ledger_entries_request_key_uq')
      .on(t.bizId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
    idx('payout_ledger_entries', 'payout').on(t.bizId, t.payoutId, t.recordedAt),
    currencyCheck('payout_ledger_entries', t.currency),
    checkNamed('payout_ledger_entries', 'amount_nonneg', sql`${t.amountMinor} >= 0`),
  ],
);
