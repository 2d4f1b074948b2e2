/**
 * Channel integrations (Google Reserve, ClassPass, Instagram, ...): connected accounts, per-object sync cursors,
 * links between local rows and external objects, sync jobs with their items, and deduplicated inbound webhooks.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgEnum, pgTable, text, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  auditColumns,
  bizIdCol,
  bizIdUnique,
  checkNamed,
  idPk,
  idx,
  metadataCol,
  sameBiz,
  shapeCheck,
  ts,
  userRef,
} from './_common';
import { resources } from './core/resources';
import { bookingOrders } from './fulfillment';
import { offerVersions } from './offers';

export const channelProvider = pgEnum('channel_provider', [
  'google_reserve',
  'classpass',
  'instagram',
  'facebook',
  'meta_messenger',
  'custom',
]);
export const channelConnectionStatus = pgEnum('channel_connection_status', ['active', 'inactive', 'error', 'revoked']);
export const channelObjectType = pgEnum('channel_object_type', [
  'offer_version',
  'availability',
  'booking_order',
  'customer',
  'resource',
  'class_session',
  'custom',
]);
export const channelSyncDirection = pgEnum('channel_sync_direction', ['inbound', 'outbound', 'bidirectional']);
export const channelSyncJobStatus = pgEnum('channel_sync_job_status', [
  'queued',
  'running',
  'succeeded',
  'partial',
  'failed',
  'cancelled',
]);
export const channelSyncItemStatus = pgEnum('channel_sync_item_status', ['pending', 'succeeded', 'failed', 'skipped']);
export const channelWebhookStatus = pgEnum('channel_webhook_status', ['received', 'processed', 'failed', 'ignored']);

/** A biz's connection to one external channel account, with its auth config and health. */
export const channelAccounts = pgTable(
  'channel_accounts',
  {
    id: idPk('channel_accounts'),
    bizId: bizIdCol(),
    provider: channelProvider('provider').notNull(),
    name: varchar('name', { length: 180 }).notNull(),
    status: channelConnectionStatus('status').notNull().default('active'),
    providerAccountRef: varchar('provider_account_ref', { length: 200 }),
    scopes: jsonb('scopes').$type<string[]>().notNull().default([]),
    authConfig: jsonb('auth_config').$type<Record<string, unknown>>().notNull().default({}),
    lastSyncedAt: ts('last_synced_at'),
    lastError: varchar('last_error', { length: 600 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('channel_accounts', t),
    uniqueIndex('channel_accounts_provider_ref_uq')
      .on(t.bizId, t.provider, t.providerAccountRef)
      .where(sql`${t.providerAccountRef} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    idx('channel_accounts', 'biz_status').on(t.bizId, t.status),
  ],
);

/** Sync cursors of one account for one object type and direction. */
export const channelSyncStates = pgTable(
  'channel_sync_states',
  {
    id: idPk('channel_sync_states'),
    bizId: bizIdCol(),
    channelAccountId: text('channel_account_id').notNull(),
    objectType: channelObjectType('object_type').notNull(),
    direction: channelSyncDirection('direction').notNull(),
    inboundCursor: varchar('inbound_cursor', { length: 500 }),
    outboundCursor: varchar('outbound_cursor', { length: 500 }),
    lastAttemptAt: ts('last_attempt_at'),
    lastSuccessAt: ts('last_success_at'),
    lastFailure: varchar('last_failure', { length: 600 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('channel_sync_states', t),
    unique('channel_sync_states_account_object_direction_uq').on(t.channelAccountId, t.objectType, t.direction),
    sameBiz('channel_sync_states', t, t.channelAccountId, channelAccounts, { onDelete: 'cascade' }),
  ],
);

/** The mapping of one local row (or local key) to one external object on a channel. */
export const channelEntityLinks = pgTable(
  'channel_entity_links',
  {
    id: idPk('channel_entity_links'),
    bizId: bizIdCol(),
    channelAccountId: text('channel_account_id').notNull(),
    objectType: channelObjectType('object_type').notNull(),
    offerVersionId: text('offer_version_id'),
    bookingOrderId: text('booking_order_id'),
    resourceId: text('resource_id'),
    customerUserId: userRef('customer_user_id'),
    /** Local key for objects without a table of their own (availability windows, class sessions, custom). */
    localReferenceKey: varchar('local_reference_key', { length: 200 }),
    externalObjectId: varchar('external_object_id', { length: 200 }).notNull(),
    externalParentId: varchar('external_parent_id', { length: 200 }),
    /** Hash of the last payload exchanged, to skip no-op syncs. */
    syncHash: varchar('sync_hash', { length: 140 }),
    isActive: boolean('is_active').notNull().default(true),
    lastSyncedAt: ts('last_synced_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('channel_entity_links', t),
    uniqueIndex('channel_entity_links_external_uq')
      .on(t.channelAccountId, t.externalObjectId)
      .where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex('channel_entity_links_offer_version_uq')
      .on(t.channelAccountId, t.offerVersionId)
      .where(sql`${t.offerVersionId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    uniqueIndex('channel_entity_links_booking_order_uq')
      .on(t.channelAccountId, t.bookingOrderId)
      .where(sql`${t.bookingOrderId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    uniqueIndex('channel_entity_links_resource_uq')
      .on(t.channelAccountId, t.resourceId)
      .where(sql`${t.resourceId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    uniqueIndex('channel_entity_links_customer_uq')
      .on(t.channelAccountId, t.customerUserId)
      .where(sql`${t.customerUserId} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    uniqueIndex('channel_entity_links_local_key_uq')
      .on(t.channelAccountId, t.objectType, t.localReferenceKey)
      .where(sql`${t.localReferenceKey} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    sameBiz('channel_entity_links', t, t.channelAccountId, channelAccounts, { onDelete: 'cascade' }),
    sameBiz('channel_entity_links', t, t.offerVersionId, offerVersions, { onDelete: 'cascade' }),
    sameBiz('channel_entity_links', t, t.bookingOrderId, bookingOrders, { onDelete: 'cascade' }),
    sameBiz('channel_entity_links', t, t.resourceId, resources, { onDelete: 'cascade' }),
    shapeCheck('channel_entity_links', 'object_shape', t.objectType, {
      offer_version: [t.offerVersionId],
      booking_order: [t.bookingOrderId],
      resource: [t.resourceId],
      customer: [t.customerUserId],
      availability: [t.localReferenceKey],
      class_session: [t.localReferenceKey],
      custom: [t.localReferenceKey],
    }),
  ],
);

/** One run of syncing an object type with a channel, in one direction. */
export const channelSyncJobs = pgTable(
  'channel_sync_jobs',
  {
    id: idPk('channel_sync_jobs'),
    bizId: bizIdCol(),
    channelAccountId: text('channel_account_id').notNull(),
    direction: channelSyncDirection('direction').notNull(),
    objectType: channelObjectType('object_type').notNull(),
    status: channelSyncJobStatus('status').notNull().default('queued'),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    cursorSnapshot: jsonb('cursor_snapshot').$type<Record<string, unknown>>(),
    processedCount: integer('processed_count').notNull().default(0),
    failedCount: integer('failed_count').notNull().default(0),
    summary: varchar('summary', { length: 800 }),
    errorPayload: jsonb('error_payload').$type<Record<string, unknown>>(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('channel_sync_jobs', t),
    sameBiz('channel_sync_jobs', t, t.channelAccountId, channelAccounts, { onDelete: 'cascade' }),
    checkNamed(
      'channel_sync_jobs',
      'completed_after_start',
      sql`${t.completedAt} IS NULL OR ${t.startedAt} IS NULL OR ${t.completedAt} >= ${t.startedAt}`,
    ),
    checkNamed('channel_sync_jobs', 'counts_nonneg', sql`${t.processedCount} >= 0 AND ${t.failedCount} >= 0`),
    idx('channel_sync_jobs', 'account_status').on(t.bizId, t.channelAccountId, t.status, t.requestedAt),
  ],
);

/** One object handled by a sync job, with its outcome. */
export const channelSyncItems = pgTable(
  'channel_sync_items',
  {
    id: idPk('channel_sync_items'),
    bizId: bizIdCol(),
    channelSyncJobId: text('channel_sync_job_id').notNull(),
    channelEntityLinkId: text('channel_entity_link_id'),
    objectType: channelObjectType('object_type').notNull(),
    localReferenceKey: varchar('local_reference_key', { length: 200 }),
    externalObjectId: varchar('external_object_id', { length: 200 }),
    status: channelSyncItemStatus('status').notNull().default('pending'),
    errorMessage: varchar('error_message', { length: 600 }),
    processedAt: ts('processed_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('channel_sync_items', t),
    sameBiz('channel_sync_items', t, t.channelSyncJobId, channelSyncJobs, { onDelete: 'cascade' }),
    sameBiz('channel_sync_items', t, t.channelEntityLinkId, channelEntityLinks),
    idx('channel_sync_items', 'job_status').on(t.bizId, t.channelSyncJobId, t.status),
    idx('channel_sync_items', 'link').on(t.bizId, t.channelEntityLinkId),
  ],
);

/** An inbound webhook from a channel, deduplicated by the provider's event id. */
export const channelWebhookEvents = pgTable(
  'channel_webhook_events',
  {
    id: idPk('channel_webhook_events'),
    bizId: bizIdCol(),
    channelAccountId: text('channel_account_id').notNull(),
    status: channelWebhookStatus('status').notNull().default('received'),
    eventType: varchar('event_type', { length: 140 }).notNull(),
    externalEventId: varchar('external_event_id', { length: 200 }).notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
    processedAt: ts('processed_at'),
    retryCount: integer('retry_count').notNull().default(0),
    errorMessage: varchar('error_message', { length: 600 }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('channel_webhook_events', t),
    unique('channel_webhook_events_account_external_uq').on(t.channelAccountId, t.externalEventId),
    sameBiz('channel_webhook_events', t, t.channelAccountId, channelAccounts, { onDelete: 'cascade' }),
    checkNamed('channel_webhook_events', 'retry_count_nonneg', sql`${t.retryCount} >= 0`),
    idx('channel_webhook_events', 'account_status').on(t.bizId, t.channelAccountId, t.status, t.receivedAt),
  ],
);
