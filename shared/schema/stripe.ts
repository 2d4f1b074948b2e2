/**
 * Stripe mirrors: local copies of the Stripe objects a biz uses (Connect account, customers,
 * payment methods, setup intents, checkout sessions, invoices, payouts, transfers) and the raw
 * webhook intake. Stripe ids (`acct_…`, `cus_…`, ...) are stored verbatim; status columns keep
 * Stripe's own vocabulary as text. Our own money truth lives in payments.ts.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
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
  sameBiz,
  ts,
  userRef,
} from './_common';
import { groupAccounts } from './core/org_scope';
import { bizes } from './core/tenancy';
import { bookingOrders } from './fulfillment';
import { crossBizOrders } from './marketplace';
import { paymentIntents, paymentMethods, paymentTransactions, payouts } from './payments';

export const stripeWebhookEventStatus = pgEnum('stripe_webhook_event_status', [
  'received',
  'processed',
  'failed',
  'ignored',
]);

/** A biz's Stripe Connect account (`acct_…`) with its capability flags and onboarding requirements. */
export const stripeAccounts = pgTable(
  'stripe_accounts',
  {
    id: idPk('stripe_accounts'),
    bizId: bizIdCol(),
    stripeAccountId: varchar('stripe_account_id', { length: 255 }).notNull(),
    accountType: varchar('account_type', { length: 30 }).notNull().default('express'),
    country: varchar('country', { length: 2 }),
    defaultCurrency: varchar('default_currency', { length: 3 }).notNull().default('USD'),
    chargesEnabled: boolean('charges_enabled').notNull().default(false),
    payoutsEnabled: boolean('payouts_enabled').notNull().default(false),
    detailsSubmitted: boolean('details_submitted').notNull().default(false),
    isDefaultForCharges: boolean('is_default_for_charges').notNull().default(false),
    isDefaultForPayouts: boolean('is_default_for_payouts').notNull().default(false),
    requirementsCurrentDeadline: ts('requirements_current_deadline'),
    requirements: jsonb('requirements').$type<Record<string, unknown>>().notNull().default({}),
    capabilities: jsonb('capabilities').$type<Record<string, unknown>>().notNull().default({}),
    businessProfile: jsonb('business_profile').$type<Record<string, unknown>>().notNull().default({}),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    livemode: boolean('livemode').notNull().default(false),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('stripe_accounts', t),
    uniqueIndex('stripe_accounts_biz_account_uq').on(t.bizId, t.stripeAccountId).where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex('stripe_accounts_default_charges_uq')
      .on(t.bizId)
      .where(sql`${t.isDefaultForCharges} AND ${t.deletedAt} IS NULL`),
    uniqueIndex('stripe_accounts_default_payouts_uq')
      .on(t.bizId)
      .where(sql`${t.isDefaultForPayouts} AND ${t.deletedAt} IS NULL`),
    idx('stripe_accounts', 'stripe_account').on(t.stripeAccountId),
    currencyCheck('stripe_accounts', t.defaultCurrency),
    checkNamed('stripe_accounts', 'account_type', sql`${t.accountType} IN ('standard', 'express', 'custom')`),
    checkNamed('stripe_accounts', 'country_shape', sql`${t.country} IS NULL OR ${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/** A Stripe customer (`cus_…`) standing for one of our users or group accounts. */
export const stripeCustomers = pgTable(
  'stripe_customers',
  {
    id: idPk('stripe_customers'),
    bizId: bizIdCol(),
    /** The Connect account the customer lives on; NULL = the platform account. */
    stripeAccountRefId: text('stripe_account_ref_id'),
    userId: userRef('user_id'),
    groupAccountId: text('group_account_id'),
    stripeCustomerId: varchar('stripe_customer_id', { length: 255 }).notNull(),
    email: varchar('email', { length: 255 }),
    name: varchar('name', { length: 255 }),
    phone: varchar('phone', { length: 50 }),
    defaultPaymentMethodStripeId: varchar('default_payment_method_stripe_id', { length: 255 }),
    livemode: boolean('livemode').notNull().default(false),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('stripe_customers', t),
    sameBiz('stripe_customers', t, t.stripeAccountRefId, stripeAccounts),
    sameBiz('stripe_customers', t, t.groupAccountId, groupAccounts),
    uniqueIndex('stripe_customers_stripe_id_uq').on(t.stripeCustomerId),
    uniqueIndex('stripe_customers_user_uq')
      .on(t.bizId, sql`coalesce(${t.stripeAccountRefId}, '')`, t.userId)
      .where(sql`${t.userId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    uniqueIndex('stripe_customers_group_account_uq')
      .on(t.bizId, sql`coalesce(${t.stripeAccountRefId}, '')`, t.groupAccountId)
      .where(sql`${t.groupAccountId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    idx('stripe_customers', 'user').on(t.bizId, t.userId),
  ],
);

/** A Stripe payment method (`pm_…`) with its display details; optionally linked to our payment_methods row. */
export const stripePaymentMethods = pgTable(
  'stripe_payment_methods',
  {
    id: idPk('stripe_payment_methods'),
    bizId: bizIdCol(),
    stripeCustomerRefId: text('stripe_customer_ref_id'),
    paymentMethodId: text('payment_method_id'),
    stripePaymentMethodId: varchar('stripe_payment_method_id', { length: 255 }).notNull(),
    type: varchar('type', { length: 50 }),
    brand: varchar('brand', { length: 50 }),
    last4: varchar('last4', { length: 4 }),
    expMonth: integer('exp_month'),
    expYear: integer('exp_year'),
    fingerprint: varchar('fingerprint', { length: 255 }),
    country: varchar('country', { length: 2 }),
    funding: varchar('funding', { length: 20 }),
    isDefault: boolean('is_default').notNull().default(false),
    livemode: boolean('livemode').notNull().default(false),
    billingDetails: jsonb('billing_details').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('stripe_payment_methods', t),
    sameBiz('stripe_payment_methods', t, t.stripeCustomerRefId, stripeCustomers),
    sameBiz('stripe_payment_methods', t, t.paymentMethodId, paymentMethods),
    uniqueIndex('stripe_payment_methods_stripe_id_uq').on(t.stripePaymentMethodId),
    idx('stripe_payment_methods', 'customer').on(t.bizId, t.stripeCustomerRefId),
    idx('stripe_payment_methods', 'fingerprint').on(t.bizId, t.fingerprint),
    checkNamed(
      'stripe_payment_methods',
      'exp_month_range',
      sql`${t.expMonth} IS NULL OR ${t.expMonth} BETWEEN 1 AND 12`,
    ),
  ],
);

/** A Stripe setup intent (`seti_…`): saving a payment method for later off-session charges. */
export const stripeSetupIntents = pgTable(
  'stripe_setup_intents',
  {
    id: idPk('stripe_setup_intents'),
    bizId: bizIdCol(),
    userId: userRef('user_id'),
    groupAccountId: text('group_account_id'),
    stripeCustomerRefId: text('stripe_customer_ref_id'),
    stripeSetupIntentId: varchar('stripe_setup_intent_id', { length: 255 }).notNull(),
    status: varchar('status', { length: 50 }).notNull(),
    usage: varchar('usage', { length: 50 }),
    stripePaymentMethodId: varchar('stripe_payment_method_id', { length: 255 }),
    lastSetupError: jsonb('last_setup_error').$type<Record<string, unknown>>().notNull().default({}),
    livemode: boolean('livemode').notNull().default(false),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('stripe_setup_intents', t),
    sameBiz('stripe_setup_intents', t, t.groupAccountId, groupAccounts),
    sameBiz('stripe_setup_intents', t, t.stripeCustomerRefId, stripeCustomers),
    uniqueIndex('stripe_setup_intents_stripe_id_uq').on(t.stripeSetupIntentId),
    idx('stripe_setup_intents', 'biz_status').on(t.bizId, t.status),
  ],
);

/** A Stripe Checkout session (`cs_…`) opened to pay an order or save a method. */
export const stripeCheckoutSessions = pgTable(
  'stripe_checkout_sessions',
  {
    id: idPk('stripe_checkout_sessions'),
    bizId: bizIdCol(),
    bookingOrderId: text('booking_order_id'),
    crossBizOrderId: text('cross_biz_order_id'),
    paymentIntentId: text('payment_intent_id'),
    stripeCustomerRefId: text('stripe_customer_ref_id'),
    stripeAccountRefId: text('stripe_account_ref_id'),
    stripeCheckoutSessionId: varchar('stripe_checkout_session_id', { length: 255 }).notNull(),
    mode: varchar('mode', { length: 30 }).notNull().default('payment'),
    status: varchar('status', { length: 30 }),
    paymentStatus: varchar('payment_status', { length: 30 }),
    url: varchar('url', { length: 1000 }),
    expiresAt: ts('expires_at'),
    completedAt: ts('completed_at'),
    livemode: boolean('livemode').notNull().default(false),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('stripe_checkout_sessions', t),
    sameBiz('stripe_checkout_sessions', t, t.bookingOrderId, bookingOrders),
    sameBiz('stripe_checkout_sessions', t, t.crossBizOrderId, crossBizOrders),
    sameBiz('stripe_checkout_sessions', t, t.paymentIntentId, paymentIntents),
    sameBiz('stripe_checkout_sessions', t, t.stripeCustomerRefId, stripeCustomers),
    sameBiz('stripe_checkout_sessions', t, t.stripeAccountRefId, stripeAccounts),
    uniqueIndex('stripe_checkout_sessions_stripe_id_uq').on(t.stripeCheckoutSessionId),
    idx('stripe_checkout_sessions', 'biz_status').on(t.bizId, t.status, t.paymentStatus),
    idx('stripe_checkout_sessions', 'payment_intent').on(t.bizId, t.paymentIntentId),
    checkNamed('stripe_checkout_sessions', 'mode', sql`${t.mode} IN ('payment', 'setup', 'subscription')`),
  ],
);

/** A Stripe invoice (`in_…`) billed for an order, with its due/paid/remaining amounts. */
export const stripeInvoices = pgTable(
  'stripe_invoices',
  {
    id: idPk('stripe_invoices'),
    bizId: bizIdCol(),
    bookingOrderId: text('booking_order_id'),
    crossBizOrderId: text('cross_biz_order_id'),
    stripeCustomerRefId: text('stripe_customer_ref_id'),
    stripeAccountRefId: text('stripe_account_ref_id'),
    stripeInvoiceId: varchar('stripe_invoice_id', { length: 255 }).notNull(),
    status: varchar('status', { length: 30 }),
    billingReason: varchar('billing_reason', { length: 50 }),
    amountDueMinor: integer('amount_due_minor').notNull().default(0),
    amountPaidMinor: integer('amount_paid_minor').notNull().default(0),
    amountRemainingMinor: integer('amount_remaining_minor').notNull().default(0),
    currency: currencyCol(),
    hostedInvoiceUrl: varchar('hosted_invoice_url', { length: 1000 }),
    invoicePdfUrl: varchar('invoice_pdf_url', { length: 1000 }),
    dueAt: ts('due_at'),
    paidAt: ts('paid_at'),
    livemode: boolean('livemode').notNull().default(false),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('stripe_invoices', t),
    sameBiz('stripe_invoices', t, t.bookingOrderId, bookingOrders),
    sameBiz('stripe_invoices', t, t.crossBizOrderId, crossBizOrders),
    sameBiz('stripe_invoices', t, t.stripeCustomerRefId, stripeCustomers),
    sameBiz('stripe_invoices', t, t.stripeAccountRefId, stripeAccounts),
    uniqueIndex('stripe_invoices_stripe_id_uq').on(t.stripeInvoiceId),
    idx('stripe_invoices', 'biz_status').on(t.bizId, t.status),
    idx('stripe_invoices', 'booking_order').on(t.bizId, t.bookingOrderId),
    currencyCheck('stripe_invoices', t.currency),
    checkNamed(
      'stripe_invoices',
      'amounts_nonneg',
      sql`${t.amountDueMinor} >= 0 AND ${t.amountPaidMinor} >= 0 AND ${t.amountRemainingMinor} >= 0`,
    ),
  ],
);

/**
 * Raw Stripe webhook intake, one row per event id (the idempotency key: a redelivered event finds
 * its row and has no second effect). `biz_id` is NULL until the event is matched to a biz.
 */
export const stripeWebhookEvents = pgTable(
  'stripe_webhook_events',
  {
    id: idPk('stripe_webhook_events'),
    bizId: text('biz_id').references((): AnyPgColumn => bizes.id),
    /** Stripe `evt_…`; globally unique (Stripe ids are not per biz). */
    stripeEventId: varchar('stripe_event_id', { length: 255 }).notNull(),
    /** Connect account the event came from (`acct_…`), if any. */
    stripeAccountId: varchar('stripe_account_id', { length: 255 }),
    stripeAccountRefId: text('stripe_account_ref_id'),
    type: varchar('type', { length: 120 }).notNull(),
    apiVersion: varchar('api_version', { length: 50 }),
    livemode: boolean('livemode').notNull().default(false),
    /** Stripe's `created` of the event: orders out-of-order deliveries. */
    eventCreatedAt: ts('event_created_at'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    signatureVerified: boolean('signature_verified').notNull().default(false),
    status: stripeWebhookEventStatus('status').notNull().default('received'),
    attempts: integer('attempts').notNull().default(0),
    receivedAt: ts('received_at').notNull().defaultNow(),
    processedAt: ts('processed_at'),
    error: text('error'),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('stripe_webhook_events', t),
    sameBiz('stripe_webhook_events', t, t.stripeAccountRefId, stripeAccounts),
    uniqueIndex('stripe_webhook_events_stripe_event_uq').on(t.stripeEventId),
    idx('stripe_webhook_events', 'status_received').on(t.status, t.receivedAt),
    idx('stripe_webhook_events', 'type').on(t.type),
    idx('stripe_webhook_events', 'biz_status').on(t.bizId, t.status),
    checkNamed('stripe_webhook_events', 'attempts_nonneg', sql`${t.attempts} >= 0`),
    checkNamed(
      'stripe_webhook_events',
      'processed_shape',
      sql`${t.status} <> 'processed' OR ${t.processedAt} IS NOT NULL`,
    ),
  ],
);

/** A Stripe payout (`po_…`) of a connected account, optionally matched to our payouts row. */
export const stripePayouts = pgTable(
  'stripe_payouts',
  {
    id: idPk('stripe_payouts'),
    bizId: bizIdCol(),
    stripeAccountRefId: text('stripe_account_ref_id'),
    payoutId: text('payout_id'),
    stripePayoutId: varchar('stripe_payout_id', { length: 255 }).notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: currencyCol(),
    status: varchar('status', { length: 30 }).notNull(),
    arrivalAt: ts('arrival_at'),
    failureCode: varchar('failure_code', { length: 120 }),
    failureMessage: varchar('failure_message', { length: 2000 }),
    method: varchar('method', { length: 50 }),
    statementDescriptor: varchar('statement_descriptor', { length: 255 }),
    livemode: boolean('livemode').notNull().default(false),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('stripe_payouts', t),
    sameBiz('stripe_payouts', t, t.stripeAccountRefId, stripeAccounts),
    sameBiz('stripe_payouts', t, t.payoutId, payouts),
    uniqueIndex('stripe_payouts_stripe_id_uq').on(t.stripePayoutId),
    idx('stripe_payouts', 'biz_status').on(t.bizId, t.status),
    currencyCheck('stripe_payouts', t.currency),
  ],
);

/** A Stripe transfer (`tr_…`) moving funds to a connected account (destination charges, cross-biz splits). */
export const stripeTransfers = pgTable(
  'stripe_transfers',
  {
    id: idPk('stripe_transfers'),
    bizId: bizIdCol(),
    bookingOrderId: text('booking_order_id'),
    crossBizOrderId: text('cross_biz_order_id'),
    paymentIntentId: text('payment_intent_id'),
    paymentTransactionId: text('payment_transaction_id'),
    destinationAccountRefId: text('destination_account_ref_id').notNull(),
    stripeTransferId: varchar('stripe_transfer_id', { length: 255 }).notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: currencyCol(),
    transferGroup: varchar('transfer_group', { length: 255 }),
    sourceTransactionId: varchar('source_transaction_id', { length: 255 }),
    status: varchar('status', { length: 30 }).notNull().default('pending'),
    livemode: boolean('livemode').notNull().default(false),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('stripe_transfers', t),
    sameBiz('stripe_transfers', t, t.bookingOrderId, bookingOrders),
    sameBiz('stripe_transfers', t, t.crossBizOrderId, crossBizOrders),
    sameBiz('stripe_transfers', t, t.paymentIntentId, paymentIntents),
    sameBiz('stripe_transfers', t, t.paymentTransactionId, paymentTransactions),
    sameBiz('stripe_transfers', t, t.destinationAccountRefId, stripeAccounts),
    uniqueIndex('stripe_transfers_stripe_id_uq').on(t.stripeTransferId),
    idx('stripe_transfers', 'destination').on(t.bizId, t.destinationAccountRefId),
    idx('stripe_transfers', 'payment_intent').on(t.bizId, t.paymentIntentId),
    currencyCheck('stripe_transfers', t.currency),
    checkNamed('stripe_transfers', 'amount_nonneg', sql`${t.amountMinor} >= 0`),
  ],
);
