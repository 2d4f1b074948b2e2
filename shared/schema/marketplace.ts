/**
 * Marketplace and cross-biz commerce: public listings, auctions with bids, contracts and orders between two
 * bizes (owned by one of them, naming the other), revenue-share rules, and referral programs with their
 * events and reward grants.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  integer,
  jsonb,
  type PgTableExtraConfigValue,
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
  compositeFk,
  currencyCheck,
  currencyCol,
  idPk,
  idx,
  metadataCol,
  pgName,
  sameBiz,
  shapeCheck,
  ts,
  userRef,
} from './_common';
import { resources } from './core/resources';
import { subjects } from './core/subjects';
import { bizes } from './core/tenancy';
import { bookingOrders } from './fulfillment';
import { offerVersions } from './offers';

export const marketplaceListingType = pgEnum('marketplace_listing_type', ['offer_version', 'resource', 'package']);
export const marketplaceListingStatus = pgEnum('marketplace_listing_status', [
  'draft',
  'active',
  'paused',
  'closed',
  'archived',
]);
export const auctionTargetType = pgEnum('auction_target_type', ['marketplace_listing', 'custom_subject']);
export const auctionStatus = pgEnum('auction_status', ['scheduled', 'live', 'closed', 'cancelled', 'settled']);
export const bidStatus = pgEnum('bid_status', [
  'pending',
  'winning',
  'outbid',
  'accepted',
  'rejected',
  'withdrawn',
  'expired',
]);
export const crossBizContractStatus = pgEnum('cross_biz_contract_status', [
  'draft',
  'active',
  'suspended',
  'terminated',
  'expired',
]);
export const crossBizOrderStatus = pgEnum('cross_biz_order_status', [
  'draft',
  'pending',
  'confirmed',
  'fulfilled',
  'settled',
  'cancelled',
  'disputed',
]);
export const revenueShareRuleType = pgEnum('revenue_share_rule_type', ['fixed_percent', 'fixed_amount', 'tiered']);
export const referralEventType = pgEnum('referral_event_type', [
  'referral_created',
  'qualified_purchase',
  'converted',
  'reward_granted',
  'expired',
  'reversed',
]);
export const referralRewardStatus = pgEnum('referral_reward_status', [
  'pending',
  'approved',
  'granted',
  'reversed',
  'expired',
]);
export const referralRewardType = pgEnum('referral_reward_type', ['credit', 'cash', 'voucher', 'points']);

/** One tier of a tiered revenue share: from `fromMinor` of volume on, `percentBps` applies. */
export interface RevenueShareTier {
  fromMinor: number;
  percentBps: number;
}

/** Something a biz publishes on the marketplace: an offer version, or a resource (alone or as a package). */
export const marketplaceListings = pgTable(
  'marketplace_listings',
  {
    id: idPk('marketplace_listings'),
    bizId: bizIdCol(),
    listingType: marketplaceListingType('listing_type').notNull(),
    offerVersionId: text('offer_version_id'),
    resourceId: text('resource_id'),
    title: varchar('title', { length: 240 }).notNull(),
    summary: varchar('summary', { length: 1000 }),
    status: marketplaceListingStatus('status').notNull().default('draft'),
    currency: currencyCol(),
    basePriceMinor: integer('base_price_minor').notNull().default(0),
    visibilityPolicy: jsonb('visibility_policy').$type<Record<string, unknown>>().notNull().default({}),
    publishedAt: ts('published_at'),
    expiresAt: ts('expires_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('marketplace_listings', t),
    sameBiz('marketplace_listings', t, t.offerVersionId, offerVersions),
    sameBiz('marketplace_listings', t, t.resourceId, resources),
    shapeCheck('marketplace_listings', 'target_shape', t.listingType, {
      offer_version: [t.offerVersionId],
      resource: [t.resourceId],
      package: [t.resourceId],
    }),
    currencyCheck('marketplace_listings', t.currency),
    checkNamed('marketplace_listings', 'base_price_nonneg', sql`${t.basePriceMinor} >= 0`),
    checkNamed(
      'marketplace_listings',
      'active_published',
      sql`${t.status} <> 'active' OR ${t.publishedAt} IS NOT NULL`,
    ),
    checkNamed(
      'marketplace_listings',
      'window_order',
      sql`${t.expiresAt} IS NULL OR ${t.publishedAt} IS NULL OR ${t.expiresAt} > ${t.publishedAt}`,
    ),
    idx('marketplace_listings', 'biz_status').on(t.bizId, t.status, t.publishedAt),
    idx('marketplace_listings', 'offer_version').on(t.bizId, t.offerVersionId),
    idx('marketplace_listings', 'resource').on(t.bizId, t.resourceId),
  ],
);

/** A timed auction over a listing or a custom subject, with reserve/buy-now prices and its winning bid. */
export const auctions = pgTable(
  'auctions',
  {
    id: idPk('auctions'),
    bizId: bizIdCol(),
    targetType: auctionTargetType('target_type').notNull().default('marketplace_listing'),
    marketplaceListingId: text('marketplace_listing_id'),
    targetSubjectType: varchar('target_subject_type', { length: 80 }),
    targetSubjectId: varchar('target_subject_id', { length: 140 }),
    title: varchar('title', { length: 220 }),
    status: auctionStatus('status').notNull().default('scheduled'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    currency: currencyCol(),
    reservePriceMinor: integer('reserve_price_minor'),
    buyNowPriceMinor: integer('buy_now_price_minor'),
    minIncrementMinor: integer('min_increment_minor').notNull().default(1),
    /** The bid that currently leads / won; must be a bid of this auction. */
    winningBidId: text('winning_bid_id'),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  // Annotated: auctions and bids reference each other, which would otherwise make their types circular.
  (t): PgTableExtraConfigValue[] => [
    bizIdUnique('auctions', t),
    /** Target of bids' (biz, auction, currency) FK: a bid is in its auction's currency. */
    unique(pgName('auctions_biz_id_currency_uq')).on(t.bizId, t.id, t.currency),
    sameBiz('auctions', t, t.marketplaceListingId, marketplaceListings),
    compositeFk(
      'auctions',
      'target_subject',
      [t.bizId, t.targetSubjectType, t.targetSubjectId],
      [subjects.bizId, subjects.subjectType, subjects.subjectId],
    ),
    compositeFk('auctions', 'winning_bid', [t.bizId, t.id, t.winningBidId], [bids.bizId, bids.auctionId, bids.id]),
    shapeCheck('auctions', 'target_shape', t.targetType, {
      marketplace_listing: [t.marketplaceListingId],
      custom_subject: [t.targetSubjectType, t.targetSubjectId],
    }),
    currencyCheck('auctions', t.currency),
    checkNamed('auctions', 'window_order', sql`${t.endsAt} > ${t.startsAt}`),
    checkNamed('auctions', 'reserve_nonneg', sql`${t.reservePriceMinor} IS NULL OR ${t.reservePriceMinor} >= 0`),
    checkNamed('auctions', 'buy_now_nonneg', sql`${t.buyNowPriceMinor} IS NULL OR ${t.buyNowPriceMinor} >= 0`),
    checkNamed(
      'auctions',
      'buy_now_above_reserve',
      sql`${t.buyNowPriceMinor} IS NULL OR ${t.reservePriceMinor} IS NULL OR ${t.buyNowPriceMinor} >= ${t.reservePriceMinor}`,
    ),
    checkNamed('auctions', 'min_increment_pos', sql`${t.minIncrementMinor} > 0`),
    idx('auctions', 'biz_status_ends').on(t.bizId, t.status, t.endsAt),
    idx('auctions', 'listing').on(t.bizId, t.marketplaceListingId),
  ],
);

/** A bid on an auction by another biz and/or a user; stored in the auction owner's biz. */
export const bids = pgTable(
  'bids',
  {
    id: idPk('bids'),
    /** The auction owner's biz. */
    bizId: bizIdCol(),
    auctionId: text('auction_id').notNull(),
    bidderBizId: text('bidder_biz_id').references(() => bizes.id),
    bidderUserId: userRef('bidder_user_id'),
    amountMinor: integer('amount_minor').notNull(),
    currency: currencyCol(),
    status: bidStatus('status').notNull().default('pending'),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    expiresAt: ts('expires_at'),
    /** Idempotency key of the bid submission. */
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('bids', t),
    /** Target of auctions.winning_bid_id: the winning bid belongs to that auction. */
    unique(pgName('bids_biz_auction_id_uq')).on(t.bizId, t.auctionId, t.id),
    compositeFk(
      'bids',
      'auction',
      [t.bizId, t.auctionId, t.currency],
      [auctions.bizId, auctions.id, auctions.currency],
    ).onDelete('cascade'),
    uniqueIndex(pgName('bids_request_key_uq')).on(t.bizId, t.requestKey).where(sql`${t.requestKey} IS NOT NULL`),
    uniqueIndex(pgName('bids_one_winning_uq'))
      .on(t.auctionId)
      .where(sql`${t.status} = 'winning' AND ${t.deletedAt} IS NULL`),
    idx('bids', 'auction_amount').on(t.bizId, t.auctionId, t.amountMinor),
    idx('bids', 'bidder_user').on(t.bidderUserId),
    idx('bids', 'bidder_biz').on(t.bidderBizId),
    currencyCheck('bids', t.currency),
    checkNamed('bids', 'amount_pos', sql`${t.amountMinor} > 0`),
    checkNamed('bids', 'bidder_present', sql`${t.bidderBizId} IS NOT NULL OR ${t.bidderUserId} IS NOT NULL`),
    checkNamed('bids', 'expiry_order', sql`${t.expiresAt} IS NULL OR ${t.expiresAt} > ${t.submittedAt}`),
  ],
);

/** A contract between the owning biz and a counterparty biz (terms, validity, governance policy). */
export const crossBizContracts = pgTable(
  'cross_biz_contracts',
  {
    id: idPk('cross_biz_contracts'),
    bizId: bizIdCol(),
    counterpartyBizId: text('counterparty_biz_id')
      .notNull()
      .references(() => bizes.id),
    name: varchar('name', { length: 220 }).notNull(),
    status: crossBizContractStatus('status').notNull().default('draft'),
    effectiveAt: ts('effective_at'),
    expiresAt: ts('expires_at'),
    terms: jsonb('terms').$type<Record<string, unknown>>().notNull().default({}),
    governancePolicy: jsonb('governance_policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('cross_biz_contracts', t),
    checkNamed('cross_biz_contracts', 'counterparty_other', sql`${t.counterpartyBizId} <> ${t.bizId}`),
    checkNamed(
      'cross_biz_contracts',
      'window_order',
      sql`${t.expiresAt} IS NULL OR ${t.effectiveAt} IS NULL OR ${t.expiresAt} > ${t.effectiveAt}`,
    ),
    idx('cross_biz_contracts', 'biz_counterparty_status').on(t.bizId, t.counterpartyBizId, t.status),
    idx('cross_biz_contracts', 'counterparty').on(t.counterpartyBizId),
  ],
);

/**
 * An order between a buyer biz and a seller biz, owned by one of the two (biz_id); the alternative commercial
 * target of payments and settlements when a biz buys from another.
 */
export const crossBizOrders = pgTable(
  'cross_biz_orders',
  {
    id: idPk('cross_biz_orders'),
    bizId: bizIdCol(),
    buyerBizId: text('buyer_biz_id')
      .notNull()
      .references(() => bizes.id),
    sellerBizId: text('seller_biz_id')
      .notNull()
      .references(() => bizes.id),
    contractId: text('contract_id'),
    /** The seller's offer version / booking order: only set when the owning biz is the seller. */
    offerVersionId: text('offer_version_id'),
    bookingOrderId: text('booking_order_id'),
    status: crossBizOrderStatus('status').notNull().default('draft'),
    currency: currencyCol(),
    totalMinor: integer('total_minor').notNull().default(0),
    settlementDueAt: ts('settlement_due_at'),
    settledAt: ts('settled_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('cross_biz_orders', t),
    sameBiz('cross_biz_orders', t, t.contractId, crossBizContracts),
    sameBiz('cross_biz_orders', t, t.offerVersionId, offerVersions),
    sameBiz('cross_biz_orders', t, t.bookingOrderId, bookingOrders),
    currencyCheck('cross_biz_orders', t.currency),
    checkNamed('cross_biz_orders', 'parties_differ', sql`${t.buyerBizId} <> ${t.sellerBizId}`),
    checkNamed('cross_biz_orders', 'owner_is_party', sql`${t.bizId} IN (${t.buyerBizId}, ${t.sellerBizId})`),
    checkNamed(
      'cross_biz_orders',
      'seller_refs_shape',
      sql`(${t.offerVersionId} IS NULL AND ${t.bookingOrderId} IS NULL) OR ${t.bizId} = ${t.sellerBizId}`,
    ),
    checkNamed('cross_biz_orders', 'total_nonneg', sql`${t.totalMinor} >= 0`),
    checkNamed(
      'cross_biz_orders',
      'settlement_order',
      sql`${t.settledAt} IS NULL OR ${t.settlementDueAt} IS NULL OR ${t.settledAt} >= ${t.settlementDueAt}`,
    ),
    checkNamed('cross_biz_orders', 'settled_shape', sql`${t.status} <> 'settled' OR ${t.settledAt} IS NOT NULL`),
    idx('cross_biz_orders', 'biz_status').on(t.bizId, t.status),
    idx('cross_biz_orders', 'contract').on(t.bizId, t.contractId),
    idx('cross_biz_orders', 'buyer').on(t.buyerBizId),
    idx('cross_biz_orders', 'seller').on(t.sellerBizId),
  ],
);

/** How revenue of a contract or listing is shared with a counterparty: a percent, a fixed amount, or tiers. */
export const revenueShareRules = pgTable(
  'revenue_share_rules',
  {
    id: idPk('revenue_share_rules'),
    bizId: bizIdCol(),
    contractId: text('contract_id'),
    marketplaceListingId: text('marketplace_listing_id'),
    /** The biz receiving the share; NULL means the contract's counterparty. */
    counterpartyBizId: text('counterparty_biz_id').references(() => bizes.id),
    ruleType: revenueShareRuleType('rule_type').notNull(),
    percentBps: integer('percent_bps'),
    amountMinor: integer('amount_minor'),
    currency: currencyCol(),
    tierModel: jsonb('tier_model').$type<RevenueShareTier[]>(),
    isActive: boolean('is_active').notNull().default(true),
    /** Lower runs first when several rules match. */
    priority: integer('priority').notNull().default(100),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('revenue_share_rules', t),
    sameBiz('revenue_share_rules', t, t.contractId, crossBizContracts, { onDelete: 'cascade' }),
    sameBiz('revenue_share_rules', t, t.marketplaceListingId, marketplaceListings, { onDelete: 'cascade' }),
    shapeCheck('revenue_share_rules', 'amount_shape', t.ruleType, {
      fixed_percent: [t.percentBps],
      fixed_amount: [t.amountMinor],
      tiered: [t.tierModel],
    }),
    currencyCheck('revenue_share_rules', t.currency),
    checkNamed(
      'revenue_share_rules',
      'anchor_present',
      sql`${t.contractId} IS NOT NULL OR ${t.marketplaceListingId} IS NOT NULL`,
    ),
    checkNamed(
      'revenue_share_rules',
      'counterparty_other',
      sql`${t.counterpartyBizId} IS NULL OR ${t.counterpartyBizId} <> ${t.bizId}`,
    ),
    checkNamed(
      'revenue_share_rules',
      'percent_range',
      sql`${t.percentBps} IS NULL OR ${t.percentBps} BETWEEN 0 AND 10000`,
    ),
    checkNamed('revenue_share_rules', 'amount_nonneg', sql`${t.amountMinor} IS NULL OR ${t.amountMinor} >= 0`),
    checkNamed(
      'revenue_share_rules',
      'tier_model_array',
      sql`${t.tierModel} IS NULL OR jsonb_typeof(${t.tierModel}) = 'array'`,
    ),
    checkNamed('revenue_share_rules', 'priority_nonneg', sql`${t.priority} >= 0`),
    idx('revenue_share_rules', 'contract').on(t.bizId, t.contractId, t.priority),
    idx('revenue_share_rules', 'listing').on(t.bizId, t.marketplaceListingId, t.priority),
  ],
);

/** A referral program of a biz (who may refer, what qualifies, what reward) with its validity window. */
export const referralPrograms = pgTable(
  'referral_programs',
  {
    id: idPk('referral_programs'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 220 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    isActive: boolean('is_active').notNull().default(true),
    startsAt: ts('starts_at'),
    endsAt: ts('ends_at'),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('referral_programs', t),
    uniqueIndex(pgName('referral_programs_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('referral_programs', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    checkNamed(
      'referral_programs',
      'window_order',
      sql`${t.endsAt} IS NULL OR ${t.startsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`,
    ),
  ],
);

/** A step in a referral's life (created, qualified purchase, converted, rewarded, reversed, ...). */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: idPk('referral_events'),
    bizId: bizIdCol(),
    referralProgramId: text('referral_program_id').notNull(),
    eventType: referralEventType('event_type').notNull(),
    referrerUserId: userRef('referrer_user_id'),
    referredUserId: userRef('referred_user_id'),
    bookingOrderId: text('booking_order_id'),
    crossBizOrderId: text('cross_biz_order_id'),
    eventAt: ts('event_at').notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** Idempotency key of the producer (e.g. the purchase that qualified). */
    requestKey: varchar('request_key', { length: 140 }),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('referral_events', t),
    /** Target of reward_grants' (biz, program, event) FK: a grant's event is of the grant's program. */
    unique(pgName('referral_events_biz_program_id_uq')).on(t.bizId, t.referralProgramId, t.id),
    sameBiz('referral_events', t, t.referralProgramId, referralPrograms),
    sameBiz('referral_events', t, t.bookingOrderId, bookingOrders),
    sameBiz('referral_events', t, t.crossBizOrderId, crossBizOrders),
    uniqueIndex(pgName('referral_events_request_key_uq'))
      .on(t.bizId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
    checkNamed(
      'referral_events',
      'not_self_referral',
      sql`${t.referrerUserId} IS NULL OR ${t.referredUserId} IS NULL OR ${t.referrerUserId} <> ${t.referredUserId}`,
    ),
    idx('referral_events', 'program_event_at').on(t.bizId, t.referralProgramId, t.eventAt),
    idx('referral_events', 'referrer').on(t.referrerUserId),
    idx('referral_events', 'referred').on(t.referredUserId),
  ],
);

/** A reward owed to a user for a referral event (credit, cash, voucher, points) and its payout progress. */
export const rewardGrants = pgTable(
  'reward_grants',
  {
    id: idPk('reward_grants'),
    bizId: bizIdCol(),
    referralProgramId: text('referral_program_id').notNull(),
    referralEventId: text('referral_event_id').notNull(),
    recipientUserId: userRef('recipient_user_id').notNull(),
    status: referralRewardStatus('status').notNull().default('pending'),
    rewardType: referralRewardType('reward_type').notNull(),
    amountMinor: integer('amount_minor').notNull().default(0),
    currency: currencyCol(),
    grantedAt: ts('granted_at'),
    reversedAt: ts('reversed_at'),
    payoutReference: varchar('payout_reference', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('reward_grants', t),
    sameBiz('reward_grants', t, t.referralProgramId, referralPrograms),
    compositeFk(
      'reward_grants',
      'referral_event',
      [t.bizId, t.referralProgramId, t.referralEventId],
      [referralEvents.bizId, referralEvents.referralProgramId, referralEvents.id],
    ),
    uniqueIndex(pgName('reward_grants_event_recipient_uq'))
      .on(t.referralEventId, t.recipientUserId)
      .where(sql`${t.deletedAt} IS NULL`),
    currencyCheck('reward_grants', t.currency),
    checkNamed('reward_grants', 'amount_nonneg', sql`${t.amountMinor} >= 0`),
    checkNamed('reward_grants', 'granted_shape', sql`${t.status} <> 'granted' OR ${t.grantedAt} IS NOT NULL`),
    checkNamed('reward_grants', 'reversed_shape', sql`${t.status} <> 'reversed' OR ${t.reversedAt} IS NOT NULL`),
    checkNamed(
      'reward_grants',
      'reversal_order',
      sql`${t.reversedAt} IS NULL OR ${t.grantedAt} IS NULL OR ${t.reversedAt} >= ${t.grantedAt}`,
    ),
    idx('reward_grants', 'recipient_status').on(t.recipientUserId, t.status),
    idx('reward_grants', 'program_status').on(t.bizId, t.referralProgramId, t.status),
  ],
);
