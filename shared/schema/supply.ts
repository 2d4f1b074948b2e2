/**
 * Supply operations: what resources can do (capability dictionary and assignments, used by offer
 * selectors), how much they have been used, and their maintenance lifecycle and condition evidence.
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
  ts,
  userRef,
} from './_common';
import { resources } from './core/resources';
import { locations } from './core/tenancy';
import { fulfillmentUnits } from './fulfillment';
import { calendars } from './time_availability';

/** Which kind of resource a capability or maintenance policy applies to (mirrors the resource types). */
export const resourceCapabilityScope = pgEnum('resource_capability_scope', ['host', 'company_host', 'asset', 'venue']);
export const resourceMaintenanceTriggerType = pgEnum('resource_maintenance_trigger_type', [
  'usage_hours',
  'usage_count',
  'elapsed_days',
  'calendar_date',
  'manual',
]);
export const resourceMaintenanceActionType = pgEnum('resource_maintenance_action_type', [
  'create_work_order',
  'block_resource',
  'warn_only',
  'notify_only',
]);
export const resourceMaintenanceWorkOrderStatus = pgEnum('resource_maintenance_work_order_status', [
  'open',
  'scheduled',
  'in_progress',
  'completed',
  'cancelled',
  'deferred',
]);
export const resourceConditionReportType = pgEnum('resource_condition_report_type', [
  'pre_use',
  'post_use',
  'inspection',
  'incident',
  'return_check',
]);

/** Per-biz capability dictionary ("certified colorist", "wheelchair accessible"), optionally per location. */
export const resourceCapabilityTemplates = pgTable(
  'resource_capability_templates',
  {
    id: idPk('resource_capability_templates'),
    bizId: bizIdCol(),
    /** NULL = biz-wide. */
    locationId: text('location_id'),
    scope: resourceCapabilityScope('scope').notNull(),
    name: varchar('name', { length: 180 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    description: text('description'),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('resource_capability_templates', t),
    uniqueIndex('resource_capability_templates_slug_uq')
      .on(t.bizId, sql`coalesce(${t.locationId}, '')`, t.scope, t.slug)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('resource_capability_templates', t, t.locationId, locations, { onDelete: 'cascade' }),
    checkNamed('resource_capability_templates', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    idx('resource_capability_templates', 'biz_scope_active').on(t.bizId, t.scope, t.isActive),
  ],
);

/** A resource has a capability (with optional proficiency and validity window, e.g. a certification). */
export const resourceCapabilityAssignments = pgTable(
  'resource_capability_assignments',
  {
    id: idPk('resource_capability_assignments'),
    bizId: bizIdCol(),
    resourceId: text('resource_id').notNull(),
    capabilityTemplateId: text('capability_template_id').notNull(),
    /** 0..100. */
    proficiencyScore: integer('proficiency_score'),
    isPrimary: boolean('is_primary').notNull().default(false),
    validFrom: ts('valid_from'),
    validTo: ts('valid_to'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('resource_capability_assignments', t),
    uniqueIndex('resource_capability_assignments_uq')
      .on(t.resourceId, t.capabilityTemplateId)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('resource_capability_assignments', t, t.resourceId, resources, { onDelete: 'cascade' }),
    sameBiz('resource_capability_assignments', t, t.capabilityTemplateId, resourceCapabilityTemplates, {
      onDelete: 'cascade',
    }),
    checkNamed(
      'resource_capability_assignments',
      'proficiency_range',
      sql`${t.proficiencyScore} IS NULL OR ${t.proficiencyScore} BETWEEN 0 AND 100`,
    ),
    checkNamed(
      'resource_capability_assignments',
      'validity_window',
      sql`${t.validFrom} IS NULL OR ${t.validTo} IS NULL OR ${t.validTo} > ${t.validFrom}`,
    ),
    idx('resource_capability_assignments', 'biz_template').on(t.bizId, t.capabilityTemplateId),
  ],
);

/** A running usage meter of a resource (hours, cycles, rides), read by maintenance policies. */
export const resourceUsageCounters = pgTable(
  'resource_usage_counters',
  {
    id: idPk('resource_usage_counters'),
    bizId: bizIdCol(),
    resourceId: text('resource_id').notNull(),
    counterKey: varchar('counter_key', { length: 120 }).notNull(),
    /** e.g. `hours`, `cycles`, `km`. */
    unit: varchar('unit', { length: 40 }).notNull(),
    currentValue: integer('current_value').notNull().default(0),
    lastIncrementAt: ts('last_increment_at'),
    lastResetAt: ts('last_reset_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('resource_usage_counters', t),
    unique('resource_usage_counters_resource_key_uq').on(t.resourceId, t.counterKey),
    sameBiz('resource_usage_counters', t, t.resourceId, resources, { onDelete: 'cascade' }),
    checkNamed('resource_usage_counters', 'value_nonneg', sql`${t.currentValue} >= 0`),
  ],
);

/** When a resource (or every resource with a capability / of a type) needs maintenance, and what happens then. */
export const resourceMaintenancePolicies = pgTable(
  'resource_maintenance_policies',
  {
    id: idPk('resource_maintenance_policies'),
    bizId: bizIdCol(),
    resourceId: text('resource_id'),
    capabilityTemplateId: text('capability_template_id'),
    scopeResourceType: resourceCapabilityScope('scope_resource_type'),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    triggerType: resourceMaintenanceTriggerType('trigger_type').notNull(),
    thresholdValue: integer('threshold_value'),
    /** For calendar_date triggers, e.g. an RRULE or a cron-like expression. */
    triggerExpression: varchar('trigger_expression', { length: 300 }),
    actionType: resourceMaintenanceActionType('action_type').notNull(),
    autoCreateWorkOrder: boolean('auto_create_work_order').notNull().default(true),
    blockUntilCompleted: boolean('block_until_completed').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    notes: text('notes'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('resource_maintenance_policies', t),
    uniqueIndex('resource_maintenance_policies_slug_uq').on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('resource_maintenance_policies', t, t.resourceId, resources, { onDelete: 'cascade' }),
    sameBiz('resource_maintenance_policies', t, t.capabilityTemplateId, resourceCapabilityTemplates, {
      onDelete: 'cascade',
    }),
    checkNamed(
      'resource_maintenance_policies',
      'has_scope',
      sql`${t.resourceId} IS NOT NULL OR ${t.capabilityTemplateId} IS NOT NULL OR ${t.scopeResourceType} IS NOT NULL`,
    ),
    checkNamed(
      'resource_maintenance_policies',
      'trigger_shape',
      sql`(${t.triggerType} IN ('usage_hours', 'usage_count', 'elapsed_days') AND ${t.thresholdValue} IS NOT NULL) OR (${t.triggerType} = 'calendar_date' AND ${t.triggerExpression} IS NOT NULL) OR ${t.triggerType} = 'manual'`,
    ),
    checkNamed(
      'resource_maintenance_policies',
      'threshold_positive',
      sql`${t.thresholdValue} IS NULL OR ${t.thresholdValue} > 0`,
    ),
    idx('resource_maintenance_policies', 'biz_resource').on(t.bizId, t.resourceId),
    idx('resource_maintenance_policies', 'biz_active').on(t.bizId, t.isActive),
  ],
);

/** A maintenance job on a resource; while open and blocking, the resource is not offered. */
export const resourceMaintenanceWorkOrders = pgTable(
  'resource_maintenance_work_orders',
  {
    id: idPk('resource_maintenance_work_orders'),
    bizId: bizIdCol(),
    resourceId: text('resource_id').notNull(),
    policyId: text('policy_id'),
    /** Calendar whose availability the work order blocks (usually the resource's primary calendar). */
    calendarId: text('calendar_id'),
    title: varchar('title', { length: 220 }).notNull(),
    description: text('description'),
    status: resourceMaintenanceWorkOrderStatus('status').notNull().default('open'),
    priority: integer('priority').notNull().default(100),
    openedAt: ts('opened_at').notNull().defaultNow(),
    scheduledStartAt: ts('scheduled_start_at'),
    scheduledEndAt: ts('scheduled_end_at'),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    cancelledAt: ts('cancelled_at'),
    blocksAvailability: boolean('blocks_availability').notNull().default(true),
    resolutionNotes: text('resolution_notes'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('resource_maintenance_work_orders', t),
    sameBiz('resource_maintenance_work_orders', t, t.resourceId, resources),
    sameBiz('resource_maintenance_work_orders', t, t.policyId, resourceMaintenancePolicies),
    sameBiz('resource_maintenance_work_orders', t, t.calendarId, calendars),
    checkNamed(
      'resource_maintenance_work_orders',
      'schedule_window',
      sql`${t.scheduledStartAt} IS NULL OR ${t.scheduledEndAt} IS NULL OR ${t.scheduledEndAt} > ${t.scheduledStartAt}`,
    ),
    checkNamed(
      'resource_maintenance_work_orders',
      'completed_after_start',
      sql`${t.completedAt} IS NULL OR ${t.startedAt} IS NULL OR ${t.completedAt} >= ${t.startedAt}`,
    ),
    checkNamed(
      'resource_maintenance_work_orders',
      'cancelled_after_start',
      sql`${t.cancelledAt} IS NULL OR ${t.startedAt} IS NULL OR ${t.cancelledAt} >= ${t.startedAt}`,
    ),
    checkNamed(
      'resource_maintenance_work_orders',
      'status_timestamps',
      sql`(${t.status} <> 'completed' OR ${t.completedAt} IS NOT NULL) AND (${t.status} <> 'cancelled' OR ${t.cancelledAt} IS NOT NULL)`,
    ),
    idx('resource_maintenance_work_orders', 'biz_resource_status').on(t.bizId, t.resourceId, t.status),
    idx('resource_maintenance_work_orders', 'biz_status_scheduled').on(t.bizId, t.status, t.scheduledStartAt),
  ],
);

/** Evidence of a resource's condition (pre/post use, inspection, incident), with checklist and photos. */
export const resourceConditionReports = pgTable(
  'resource_condition_reports',
  {
    id: idPk('resource_condition_reports'),
    bizId: bizIdCol(),
    resourceId: text('resource_id').notNull(),
    /** The job or rental the report was taken for, if any. */
    fulfillmentUnitId: text('fulfillment_unit_id'),
    reportType: resourceConditionReportType('report_type').notNull(),
    reporterUserId: userRef('reporter_user_id'),
    reportedAt: ts('reported_at').notNull().defaultNow(),
    /** The reporter's device clock (reports are often filed offline). */
    deviceTime: ts('device_time'),
    /** 1 (cosmetic) .. 5 (unusable). */
    severity: integer('severity').notNull().default(1),
    summary: varchar('summary', { length: 280 }).notNull(),
    notes: text('notes'),
    checklist: jsonb('checklist').$type<Record<string, unknown>>().notNull().default({}),
    mediaEvidence: jsonb('media_evidence').$type<unknown[]>().notNull().default([]),
    resolvedAt: ts('resolved_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('resource_condition_reports', t),
    sameBiz('resource_condition_reports', t, t.resourceId, resources),
    sameBiz('resource_condition_reports', t, t.fulfillmentUnitId, fulfillmentUnits),
    checkNamed('resource_condition_reports', 'severity_range', sql`${t.severity} BETWEEN 1 AND 5`),
    checkNamed(
      'resource_condition_reports',
      'resolved_after_report',
      sql`${t.resolvedAt} IS NULL OR ${t.resolvedAt} >= ${t.reportedAt}`,
    ),
    idx('resource_condition_reports', 'biz_resource_reported').on(t.bizId, t.resourceId, t.reportedAt),
    idx('resource_condition_reports', 'biz_unit')
      .on(t.bizId, t.fulfillmentUnitId)
      .where(sql`${t.fulfillmentUnitId} IS NOT NULL`),
  ],
);
