/**
 * Queues and waitlists: walk-in / take-a-number queues with numbered tickets per day, waitlist
 * entries with offers, an append-only log of ticket transitions, observed service times and the
 * wait-time predictions computed from them.
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
  compositeFk,
  idPk,
  idx,
  metadataCol,
  sameBiz,
  ts,
  userRef,
} from './_common';
import { groupAccounts } from './core/org_scope';
import { resources } from './core/resources';
import { services } from './core/services';
import { locations } from './core/tenancy';
import { bookingOrders, fulfillmentUnits } from './fulfillment';
import { offerVersions } from './offers';
import { devices } from './sync';
import { calendarBindings } from './time_availability';

export const queueStrategy = pgEnum('queue_strategy', ['fifo', 'priority', 'weighted', 'fair_share']);
export const queueStatus = pgEnum('queue_status', ['active', 'paused', 'closed', 'archived']);
export const queueEntryStatus = pgEnum('queue_entry_status', [
  'waiting',
  'offered',
  'claimed',
  'expired',
  'removed',
  'served',
  'cancelled',
  'no_show',
]);
export const queueTicketStatus = pgEnum('queue_ticket_status', ['waiting', 'called', 'serving', 'done', 'left']);
export const queueEventType = pgEnum('queue_event_type', [
  'issued',
  'called',
  'recalled',
  'skipped',
  'transferred',
  'started',
  'completed',
  'left',
  'status_changed',
]);
export const serviceTimeObservationSource = pgEnum('service_time_observation_source', [
  'actual',
  'manual_adjustment',
  'imported',
]);

/** A queue at a location (barber walk-ins, pharmacy counter, class waitlist) with its ordering strategy. */
export const queues = pgTable(
  'queues',
  {
    id: idPk('queues'),
    bizId: bizIdCol(),
    locationId: text('location_id').notNull(),
    /** The service the queue serves by default (e.g. a haircut); NULL for mixed queues. */
    serviceId: text('service_id'),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 140 }),
    description: varchar('description', { length: 600 }),
    strategy: queueStrategy('strategy').notNull().default('fifo'),
    status: queueStatus('status').notNull().default('active'),
    /** Open hours of the queue. */
    calendarBindingId: text('calendar_binding_id'),
    /** Fallback service time when there are no observations yet. */
    avgServiceMin: integer('avg_service_min'),
    isSelfJoinEnabled: boolean('is_self_join_enabled').notNull().default(true),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('queues', t),
    sameBiz('queues', t, t.locationId, locations),
    sameBiz('queues', t, t.serviceId, services),
    sameBiz('queues', t, t.calendarBindingId, calendarBindings),
    uniqueIndex('queues_biz_slug_uq').on(t.bizId, t.slug).where(sql`${t.slug} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    idx('queues', 'location').on(t.bizId, t.locationId, t.status),
    checkNamed('queues', 'avg_service_positive', sql`${t.avgServiceMin} IS NULL OR ${t.avgServiceMin} > 0`),
  ],
);

/** A customer waiting in a queue or on a waitlist (priority, offer with deadline, outcome). */
export const queueEntries = pgTable(
  'queue_entries',
  {
    id: idPk('queue_entries'),
    bizId: bizIdCol(),
    queueId: text('queue_id').notNull(),
    customerUserId: userRef('customer_user_id'),
    customerGroupAccountId: text('customer_group_account_id'),
    /** Walk-in name when the customer has no account. */
    customerName: varchar('customer_name', { length: 200 }),
    serviceId: text('service_id'),
    requestedOfferVersionId: text('requested_offer_version_id'),
    /** The slot waited for (waitlist for a full session). */
    requestedStartAt: ts('requested_start_at'),
    bookingOrderId: text('booking_order_id'),
    fulfillmentUnitId: text('fulfillment_unit_id'),
    status: queueEntryStatus('status').notNull().default('waiting'),
    /** Higher is served sooner (e.g. members ahead of non-members). */
    priorityScore: integer('priority_score').notNull().default(0),
    displayCode: varchar('display_code', { length: 60 }),
    /** When the customer joined (device time, corrected): the queue order. */
    joinedAt: ts('joined_at').notNull().defaultNow(),
    estimatedStartAt: ts('estimated_start_at'),
    estimatedWaitMin: integer('estimated_wait_min'),
    offeredAt: ts('offered_at'),
    offerExpiresAt: ts('offer_expires_at'),
    servedAt: ts('served_at'),
    decisionState: jsonb('decision_state').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('queue_entries', t),
    /** Target of tickets' (biz, entry, queue) FK: a ticket's entry is in the ticket's queue. */
    unique('queue_entries_biz_id_queue_uq').on(t.bizId, t.id, t.queueId),
    sameBiz('queue_entries', t, t.queueId, queues, { onDelete: 'cascade' }),
    sameBiz('queue_entries', t, t.customerGroupAccountId, groupAccounts),
    sameBiz('queue_entries', t, t.serviceId, services),
    sameBiz('queue_entries', t, t.requestedOfferVersionId, offerVersions),
    sameBiz('queue_entries', t, t.bookingOrderId, bookingOrders),
    sameBiz('queue_entries', t, t.fulfillmentUnitId, fulfillmentUnits),
    uniqueIndex('queue_entries_one_open_per_user_uq')
      .on(t.bizId, t.queueId, t.customerUserId)
      .where(sql`${t.customerUserId} IS NOT NULL AND ${t.status} IN ('waiting', 'offered') AND ${t.deletedAt} IS NULL`),
    idx('queue_entries', 'queue_order').on(t.bizId, t.queueId, t.status, t.priorityScore, t.joinedAt),
    idx('queue_entries', 'customer').on(t.bizId, t.customerUserId),
    checkNamed(
      'queue_entries',
      'customer_present',
      sql`num_nonnulls(${t.customerUserId}, ${t.customerGroupAccountId}, ${t.customerName}) >= 1`,
    ),
    checkNamed('queue_entries', 'estimate_nonneg', sql`${t.estimatedWaitMin} IS NULL OR ${t.estimatedWaitMin} >= 0`),
    checkNamed(
      'queue_entries',
      'offer_window',
      sql`${t.offerExpiresAt} IS NULL OR (${t.offeredAt} IS NOT NULL AND ${t.offerExpiresAt} > ${t.offeredAt})`,
    ),
  ],
);

/** A numbered ticket (unique per queue per business day) shown on the "now serving" display. */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    id: idPk('queue_tickets'),
    bizId: bizIdCol(),
    queueId: text('queue_id').notNull(),
    queueEntryId: text('queue_entry_id'),
    /** Business-local day the number belongs to. */
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    ticketNumber: integer('ticket_number').notNull(),
    customerName: varchar('customer_name', { length: 200 }),
    customerUserId: userRef('customer_user_id'),
    serviceId: text('service_id'),
    status: queueTicketStatus('status').notNull().default('waiting'),
    /** When the ticket was taken (device time, corrected): the queue order. */
    issuedAt: ts('issued_at').notNull().defaultNow(),
    issuedByDeviceId: text('issued_by_device_id'),
    calledAt: ts('called_at'),
    servingStartedAt: ts('serving_started_at'),
    doneAt: ts('done_at'),
    leftAt: ts('left_at'),
    /** Counter / barber / window serving the ticket. */
    assignedResourceId: text('assigned_resource_id'),
    bookingOrderId: text('booking_order_id'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('queue_tickets', t),
    /** Target of queue_events' (biz, ticket, queue) FK. */
    unique('queue_tickets_biz_id_queue_uq').on(t.bizId, t.id, t.queueId),
    unique('queue_tickets_number_uq').on(t.bizId, t.queueId, t.serviceDate, t.ticketNumber),
    sameBiz('queue_tickets', t, t.queueId, queues, { onDelete: 'cascade' }),
    compositeFk(
      'queue_tickets',
      'entry',
      [t.bizId, t.queueEntryId, t.queueId],
      [queueEntries.bizId, queueEntries.id, queueEntries.queueId],
    ),
    sameBiz('queue_tickets', t, t.serviceId, services),
    sameBiz('queue_tickets', t, t.issuedByDeviceId, devices),
    sameBiz('queue_tickets', t, t.assignedResourceId, resources),
    sameBiz('queue_tickets', t, t.bookingOrderId, bookingOrders),
    idx('queue_tickets', 'queue_day').on(t.bizId, t.queueId, t.serviceDate, t.status, t.issuedAt),
    idx('queue_tickets', 'resource').on(t.bizId, t.assignedResourceId, t.status),
    idx('queue_tickets', 'entry').on(t.bizId, t.queueEntryId),
    checkNamed('queue_tickets', 'ticket_number_positive', sql`${t.ticketNumber} > 0`),
    checkNamed(
      'queue_tickets',
      'status_times',
      sql`(${t.status} <> 'called' OR ${t.calledAt} IS NOT NULL) AND (${t.status} <> 'serving' OR ${t.servingStartedAt} IS NOT NULL) AND (${t.status} <> 'done' OR ${t.doneAt} IS NOT NULL) AND (${t.status} <> 'left' OR ${t.leftAt} IS NOT NULL)`,
    ),
  ],
);

/** One immutable ticket transition (issue, call, recall, skip, transfer, start, complete, leave). */
export const queueEvents = pgTable(
  'queue_events',
  {
    id: idPk('queue_events'),
    bizId: bizIdCol(),
    queueId: text('queue_id').notNull(),
    ticketId: text('ticket_id').notNull(),
    queueEntryId: text('queue_entry_id'),
    eventType: queueEventType('event_type').notNull().default('status_changed'),
    fromStatus: queueTicketStatus('from_status'),
    toStatus: queueTicketStatus('to_status').notNull(),
    /** When it happened on the device (corrected): decides order and abandonment counts. */
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    deviceId: text('device_id'),
    resourceId: text('resource_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    ...appendOnlyColumns(),
  },
  (t) => [
    bizIdUnique('queue_events', t),
    sameBiz('queue_events', t, t.queueId, queues),
    compositeFk(
      'queue_events',
      'ticket',
      [t.bizId, t.ticketId, t.queueId],
      [queueTickets.bizId, queueTickets.id, queueTickets.queueId],
    ),
    sameBiz('queue_events', t, t.queueEntryId, queueEntries),
    sameBiz('queue_events', t, t.deviceId, devices),
    sameBiz('queue_events', t, t.resourceId, resources),
    idx('queue_events', 'ticket').on(t.bizId, t.ticketId, t.occurredAt),
    idx('queue_events', 'queue_time').on(t.bizId, t.queueId, t.occurredAt),
  ],
);

/** A measured service duration (who served what, how long), feeding wait estimates. */
export const serviceTimeObservations = pgTable(
  'service_time_observations',
  {
    id: idPk('service_time_observations'),
    bizId: bizIdCol(),
    queueId: text('queue_id').notNull(),
    ticketId: text('ticket_id'),
    resourceId: text('resource_id'),
    serviceId: text('service_id'),
    offerVersionId: text('offer_version_id'),
    fulfillmentUnitId: text('fulfillment_unit_id'),
    source: serviceTimeObservationSource('source').notNull().default('actual'),
    startedAt: ts('started_at'),
    endedAt: ts('ended_at'),
    durationSec: integer('duration_sec').notNull(),
    observedAt: ts('observed_at').notNull().defaultNow(),
    features: jsonb('features').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('service_time_observations', t),
    sameBiz('service_time_observations', t, t.queueId, queues, { onDelete: 'cascade' }),
    sameBiz('service_time_observations', t, t.ticketId, queueTickets),
    sameBiz('service_time_observations', t, t.resourceId, resources),
    sameBiz('service_time_observations', t, t.serviceId, services),
    sameBiz('service_time_observations', t, t.offerVersionId, offerVersions),
    sameBiz('service_time_observations', t, t.fulfillmentUnitId, fulfillmentUnits),
    idx('service_time_observations', 'resource_service').on(t.bizId, t.resourceId, t.serviceId, t.observedAt),
    idx('service_time_observations', 'queue_time').on(t.bizId, t.queueId, t.observedAt),
    checkNamed('service_time_observations', 'duration_positive', sql`${t.durationSec} > 0`),
    checkNamed(
      'service_time_observations',
      'window_order',
      sql`${t.startedAt} IS NULL OR ${t.endedAt} IS NULL OR ${t.endedAt} > ${t.startedAt}`,
    ),
  ],
);

/** A wait estimate shown for a queue or a ticket, with the method and inputs that produced it. */
export const waitTimePredictions = pgTable(
  'wait_time_predictions',
  {
    id: idPk('wait_time_predictions'),
    bizId: bizIdCol(),
    queueId: text('queue_id').notNull(),
    ticketId: text('ticket_id'),
    queueEntryId: text('queue_entry_id'),
    predictedWaitMin: integer('predicted_wait_min').notNull(),
    /** Range shown to the customer ("35–50 min"). */
    predictedWaitLowMin: integer('predicted_wait_low_min'),
    predictedWaitHighMin: integer('predicted_wait_high_min'),
    peopleAhead: integer('people_ahead'),
    /** heuristic, statistical, ml, manual, ... */
    method: varchar('method', { length: 40 }).notNull().default('heuristic'),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull().default({}),
    predictedAt: ts('predicted_at').notNull().defaultNow(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('wait_time_predictions', t),
    sameBiz('wait_time_predictions', t, t.queueId, queues, { onDelete: 'cascade' }),
    sameBiz('wait_time_predictions', t, t.ticketId, queueTickets, { onDelete: 'cascade' }),
    sameBiz('wait_time_predictions', t, t.queueEntryId, queueEntries, { onDelete: 'cascade' }),
    idx('wait_time_predictions', 'queue_time').on(t.bizId, t.queueId, t.predictedAt),
    idx('wait_time_predictions', 'ticket').on(t.bizId, t.ticketId, t.predictedAt),
    checkNamed(
      'wait_time_predictions',
      'values_nonneg',
      sql`${t.predictedWaitMin} >= 0 AND (${t.peopleAhead} IS NULL OR ${t.peopleAhead} >= 0)`,
    ),
    checkNamed(
      'wait_time_predictions',
      'range_order',
      sql`(${t.predictedWaitLowMin} IS NULL OR ${t.predictedWaitLowMin} >= 0) AND (${t.predictedWaitHighMin} IS NULL OR ${t.predictedWaitLowMin} IS NULL OR ${t.predictedWaitHighMin} >= ${t.predictedWaitLowMin})`,
    ),
  ],
);
