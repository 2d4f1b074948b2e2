/**
 * Workflows: human review queues and their items, workflow instances with ordered steps and recorded decisions,
 * and async deliverables (documents, analyses, responses) produced later than the request that asked for them.
 */
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgEnum, pgTable, text, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  auditColumns,
  bizIdCol,
  bizIdUnique,
  checkNamed,
  compositeFk,
  idPk,
  idx,
  metadataCol,
  pgName,
  sameBiz,
  ts,
  userRef,
} from './_common';
import { bookingOrders, fulfillmentUnits } from './fulfillment';

export const reviewQueueType = pgEnum('review_queue_type', [
  'fraud',
  'manual_approval',
  'compliance',
  'moderation',
  'risk',
]);
export const reviewQueueStatus = pgEnum('review_queue_status', ['active', 'paused', 'archived']);
export const reviewQueueItemStatus = pgEnum('review_queue_item_status', [
  'pending',
  'claimed',
  'approved',
  'rejected',
  'escalated',
  'timed_out',
  'cancelled',
]);
export const workflowTriggerType = pgEnum('workflow_trigger_type', [
  'manual',
  'policy',
  'webhook',
  'schedule',
  'system_event',
]);
export const workflowInstanceStatus = pgEnum('workflow_instance_status', [
  'pending',
  'running',
  'waiting_input',
  'completed',
  'failed',
  'cancelled',
]);
export const workflowStepStatus = pgEnum('workflow_step_status', [
  'pending',
  'running',
  'blocked',
  'completed',
  'failed',
  'skipped',
]);
export const workflowDecisionOutcome = pgEnum('workflow_decision_outcome', [
  'approve',
  'reject',
  'request_changes',
  'escalate',
  'defer',
]);
export const asyncDeliverableType = pgEnum('async_deliverable_type', [
  'document',
  'media_bundle',
  'analysis_result',
  'message_response',
  'custom',
]);
export const asyncDeliverableStatus = pgEnum('async_deliverable_status', [
  'queued',
  'processing',
  'ready',
  'delivered',
  'expired',
  'failed',
  'cancelled',
]);

/** A queue of things waiting for a human decision (fraud check, manual approval, moderation, ...). */
export const reviewQueues = pgTable(
  'review_queues',
  {
    id: idPk('review_queues'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    type: reviewQueueType('type').notNull(),
    status: reviewQueueStatus('status').notNull().default('active'),
    /** SLA, auto-escalation and assignment rules. */
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('review_queues', t),
    uniqueIndex(pgName('review_queues_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('review_queues', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    idx('review_queues', 'biz_type_status').on(t.bizId, t.type, t.status),
  ],
);

/**
 * One thing under review in a queue. The reviewed record is the generic (item_type, item_ref_id) pair; when it
 * is a booking order or fulfillment unit the typed FK column must be set to the same id.
 */
export const reviewQueueItems = pgTable(
  'review_queue_items',
  {
    id: idPk('review_queue_items'),
    bizId: bizIdCol(),
    reviewQueueId: text('review_queue_id').notNull(),
    status: reviewQueueItemStatus('status').notNull().default('pending'),
    itemType: varchar('item_type', { length: 100 }).notNull(),
    itemRefId: varchar('item_ref_id', { length: 140 }).notNull(),
    bookingOrderId: text('booking_order_id'),
    fulfillmentUnitId: text('fulfillment_unit_id'),
    /** Lower is more urgent. */
    priority: integer('priority').notNull().default(100),
    riskScore: integer('risk_score'),
    assignedToUserId: userRef('assigned_to_user_id'),
    dueAt: ts('due_at'),
    resolvedAt: ts('resolved_at'),
    resolutionPayload: jsonb('resolution_payload').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('review_queue_items', t),
    sameBiz('review_queue_items', t, t.reviewQueueId, reviewQueues, { onDelete: 'cascade' }),
    sameBiz('review_queue_items', t, t.bookingOrderId, bookingOrders),
    sameBiz('review_queue_items', t, t.fulfillmentUnitId, fulfillmentUnits),
    uniqueIndex(pgName('review_queue_items_one_open_uq'))
      .on(t.reviewQueueId, t.itemType, t.itemRefId)
      .where(sql`${t.status} IN ('pending', 'claimed', 'escalated') AND ${t.deletedAt} IS NULL`),
    checkNamed('review_queue_items', 'item_nonempty', sql`length(${t.itemType}) > 0 AND length(${t.itemRefId}) > 0`),
    checkNamed(
      'review_queue_items',
      'typed_ref_shape',
      sql`(${t.itemType} <> 'booking_order' OR (${t.bookingOrderId} IS NOT NULL AND ${t.bookingOrderId} = ${t.itemRefId})) AND (${t.itemType} <> 'fulfillment_unit' OR (${t.fulfillmentUnitId} IS NOT NULL AND ${t.fulfillmentUnitId} = ${t.itemRefId}))`,
    ),
    checkNamed('review_queue_items', 'priority_nonneg', sql`${t.priority} >= 0`),
    checkNamed(
      'review_queue_items',
      'risk_score_range',
      sql`${t.riskScore} IS NULL OR ${t.riskScore} BETWEEN 0 AND 100`,
    ),
    checkNamed(
      'review_queue_items',
      'claimed_shape',
      sql`${t.status} <> 'claimed' OR ${t.assignedToUserId} IS NOT NULL`,
    ),
    checkNamed(
      'review_queue_items',
      'resolved_shape',
      sql`(${t.status} IN ('approved', 'rejected', 'timed_out', 'cancelled')) = (${t.resolvedAt} IS NOT NULL)`,
    ),
    checkNamed(
      'review_queue_items',
      'resolution_order',
      sql`${t.resolvedAt} IS NULL OR ${t.resolvedAt} >= ${t.createdAt}`,
    ),
    idx('review_queue_items', 'queue_status_priority').on(t.bizId, t.reviewQueueId, t.status, t.priority, t.dueAt),
    idx('review_queue_items', 'assignee_status').on(t.assignedToUserId, t.status),
    idx('review_queue_items', 'item').on(t.bizId, t.itemType, t.itemRefId),
  ],
);

/**
 * One run of a named workflow over a target record. The target is the generic (target_type, target_ref_id)
 * pair; when it is a booking order, fulfillment unit or review item the typed FK must carry the same id.
 */
export const workflowInstances = pgTable(
  'workflow_instances',
  {
    id: idPk('workflow_instances'),
    bizId: bizIdCol(),
    /** Which workflow definition (code-side key, e.g. `booking.manual_approval`). */
    workflowKey: varchar('workflow_key', { length: 140 }).notNull(),
    triggerType: workflowTriggerType('trigger_type').notNull(),
    status: workflowInstanceStatus('status').notNull().default('pending'),
    targetType: varchar('target_type', { length: 100 }).notNull(),
    targetRefId: varchar('target_ref_id', { length: 140 }).notNull(),
    bookingOrderId: text('booking_order_id'),
    fulfillmentUnitId: text('fulfillment_unit_id'),
    reviewQueueItemId: text('review_queue_item_id'),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    currentStepKey: varchar('current_step_key', { length: 140 }),
    errorCode: varchar('error_code', { length: 120 }),
    inputPayload: jsonb('input_payload').$type<Record<string, unknown>>().notNull().default({}),
    outputPayload: jsonb('output_payload').$type<Record<string, unknown>>().notNull().default({}),
    /** Idempotency key of the trigger (webhook delivery id, schedule tick, ...). */
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('workflow_instances', t),
    sameBiz('workflow_instances', t, t.bookingOrderId, bookingOrders),
    sameBiz('workflow_instances', t, t.fulfillmentUnitId, fulfillmentUnits),
    sameBiz('workflow_instances', t, t.reviewQueueItemId, reviewQueueItems),
    uniqueIndex(pgName('workflow_instances_request_key_uq'))
      .on(t.bizId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
    checkNamed(
      'workflow_instances',
      'keys_nonempty',
      sql`length(${t.workflowKey}) > 0 AND length(${t.targetType}) > 0 AND length(${t.targetRefId}) > 0`,
    ),
    checkNamed(
      'workflow_instances',
      'typed_ref_shape',
      sql`(${t.targetType} <> 'booking_order' OR (${t.bookingOrderId} IS NOT NULL AND ${t.bookingOrderId} = ${t.targetRefId})) AND (${t.targetType} <> 'fulfillment_unit' OR (${t.fulfillmentUnitId} IS NOT NULL AND ${t.fulfillmentUnitId} = ${t.targetRefId})) AND (${t.targetType} <> 'review_queue_item' OR (${t.reviewQueueItemId} IS NOT NULL AND ${t.reviewQueueItemId} = ${t.targetRefId}))`,
    ),
    checkNamed(
      'workflow_instances',
      'started_shape',
      sql`${t.status} NOT IN ('running', 'waiting_input', 'completed') OR ${t.startedAt} IS NOT NULL`,
    ),
    checkNamed(
      'workflow_instances',
      'completed_shape',
      sql`${t.status} <> 'completed' OR ${t.completedAt} IS NOT NULL`,
    ),
    checkNamed('workflow_instances', 'failed_shape', sql`${t.status} <> 'failed' OR ${t.errorCode} IS NOT NULL`),
    checkNamed(
      'workflow_instances',
      'completion_order',
      sql`${t.completedAt} IS NULL OR ${t.startedAt} IS NULL OR ${t.completedAt} >= ${t.startedAt}`,
    ),
    idx('workflow_instances', 'biz_status').on(t.bizId, t.status, t.createdAt),
    idx('workflow_instances', 'biz_key_status').on(t.bizId, t.workflowKey, t.status),
    idx('workflow_instances', 'target').on(t.bizId, t.targetType, t.targetRefId),
    idx('workflow_instances', 'booking_order').on(t.bizId, t.bookingOrderId),
  ],
);

/** One ordered step of a workflow instance, with its assignee, timing and input/output. */
export const workflowSteps = pgTable(
  'workflow_steps',
  {
    id: idPk('workflow_steps'),
    bizId: bizIdCol(),
    workflowInstanceId: text('workflow_instance_id').notNull(),
    stepKey: varchar('step_key', { length: 140 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    sequence: integer('sequence').notNull(),
    status: workflowStepStatus('status').notNull().default('pending'),
    assignedToUserId: userRef('assigned_to_user_id'),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    dueAt: ts('due_at'),
    inputPayload: jsonb('input_payload').$type<Record<string, unknown>>().notNull().default({}),
    outputPayload: jsonb('output_payload').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('workflow_steps', t),
    /** Target of workflow_decisions' (biz, instance, step) FK: a decision's step is of the decision's instance. */
    unique(pgName('workflow_steps_biz_instance_id_uq')).on(t.bizId, t.workflowInstanceId, t.id),
    sameBiz('workflow_steps', t, t.workflowInstanceId, workflowInstances, { onDelete: 'cascade' }),
    uniqueIndex(pgName('workflow_steps_instance_key_uq'))
      .on(t.workflowInstanceId, t.stepKey)
      .where(sql`${t.deletedAt} IS NULL`),
    checkNamed('workflow_steps', 'step_key_nonempty', sql`length(${t.stepKey}) > 0`),
    checkNamed('workflow_steps', 'sequence_nonneg', sql`${t.sequence} >= 0`),
    checkNamed(
      'workflow_steps',
      'started_shape',
      sql`${t.status} NOT IN ('running', 'completed') OR ${t.startedAt} IS NOT NULL`,
    ),
    checkNamed('workflow_steps', 'completed_shape', sql`${t.status} <> 'completed' OR ${t.completedAt} IS NOT NULL`),
    checkNamed(
      'workflow_steps',
      'completion_order',
      sql`${t.completedAt} IS NULL OR ${t.startedAt} IS NULL OR ${t.completedAt} >= ${t.startedAt}`,
    ),
    idx('workflow_steps', 'instance_sequence').on(t.bizId, t.workflowInstanceId, t.sequence),
    idx('workflow_steps', 'assignee_status').on(t.assignedToUserId, t.status),
  ],
);

/** A recorded decision (approve, reject, escalate, ...) on a workflow instance or one of its steps. */
export const workflowDecisions = pgTable(
  'workflow_decisions',
  {
    id: idPk('workflow_decisions'),
    bizId: bizIdCol(),
    workflowInstanceId: text('workflow_instance_id').notNull(),
    workflowStepId: text('workflow_step_id'),
    outcome: workflowDecisionOutcome('outcome').notNull(),
    deciderUserId: userRef('decider_user_id'),
    decidedAt: ts('decided_at').notNull().defaultNow(),
    reason: text('reason'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('workflow_decisions', t),
    sameBiz('workflow_decisions', t, t.workflowInstanceId, workflowInstances, { onDelete: 'cascade' }),
    compositeFk(
      'workflow_decisions',
      'workflow_step',
      [t.bizId, t.workflowInstanceId, t.workflowStepId],
      [workflowSteps.bizId, workflowSteps.workflowInstanceId, workflowSteps.id],
    ).onDelete('cascade'),
    idx('workflow_decisions', 'instance_decided').on(t.bizId, t.workflowInstanceId, t.decidedAt),
    idx('workflow_decisions', 'step').on(t.bizId, t.workflowStepId),
    idx('workflow_decisions', 'decider').on(t.deciderUserId),
  ],
);

/** Something produced asynchronously for a customer or staff (document, analysis, response) and its delivery. */
export const asyncDeliverables = pgTable(
  'async_deliverables',
  {
    id: idPk('async_deliverables'),
    bizId: bizIdCol(),
    workflowInstanceId: text('workflow_instance_id'),
    bookingOrderId: text('booking_order_id'),
    fulfillmentUnitId: text('fulfillment_unit_id'),
    deliverableType: asyncDeliverableType('deliverable_type').notNull(),
    status: asyncDeliverableStatus('status').notNull().default('queued'),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    processingStartedAt: ts('processing_started_at'),
    readyAt: ts('ready_at'),
    deliveredAt: ts('delivered_at'),
    expiresAt: ts('expires_at'),
    /** How it reaches the recipient (email, portal, sms, webhook, ...). */
    deliveryChannel: varchar('delivery_channel', { length: 80 }),
    resultPayload: jsonb('result_payload').$type<Record<string, unknown>>().notNull().default({}),
    failureReason: text('failure_reason'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('async_deliverables', t),
    sameBiz('async_deliverables', t, t.workflowInstanceId, workflowInstances),
    sameBiz('async_deliverables', t, t.bookingOrderId, bookingOrders),
    sameBiz('async_deliverables', t, t.fulfillmentUnitId, fulfillmentUnits),
    checkNamed(
      'async_deliverables',
      'processing_order',
      sql`${t.processingStartedAt} IS NULL OR ${t.processingStartedAt} >= ${t.requestedAt}`,
    ),
    checkNamed(
      'async_deliverables',
      'ready_order',
      sql`${t.readyAt} IS NULL OR (${t.readyAt} >= ${t.requestedAt} AND (${t.processingStartedAt} IS NULL OR ${t.readyAt} >= ${t.processingStartedAt}))`,
    ),
    checkNamed(
      'async_deliverables',
      'delivered_order',
      sql`${t.deliveredAt} IS NULL OR ${t.readyAt} IS NULL OR ${t.deliveredAt} >= ${t.readyAt}`,
    ),
    checkNamed(
      'async_deliverables',
      'expiry_order',
      sql`${t.expiresAt} IS NULL OR ${t.readyAt} IS NULL OR ${t.expiresAt} >= ${t.readyAt}`,
    ),
    checkNamed(
      'async_deliverables',
      'processing_shape',
      sql`${t.status} <> 'processing' OR ${t.processingStartedAt} IS NOT NULL`,
    ),
    checkNamed(
      'async_deliverables',
      'ready_shape',
      sql`${t.status} NOT IN ('ready', 'delivered') OR ${t.readyAt} IS NOT NULL`,
    ),
    checkNamed(
      'async_deliverables',
      'delivered_shape',
      sql`${t.status} <> 'delivered' OR ${t.deliveredAt} IS NOT NULL`,
    ),
    checkNamed('async_deliverables', 'failed_shape', sql`${t.status} <> 'failed' OR ${t.failureReason} IS NOT NULL`),
    idx('async_deliverables', 'biz_status_requested').on(t.bizId, t.status, t.requestedAt),
    idx('async_deliverables', 'workflow_instance').on(t.bizId, t.workflowInstanceId),
    idx('async_deliverables', 'booking_order').on(t.bizId, t.bookingOrderId),
  ],
);
