/**
 * Fulfillment: the commercial contract (booking orders and their money lines) kept apart from its
 * execution graph (units of work, dependencies between them, resource assignments over time,
 * checkpoints), plus short-lived holds on slots/seats and the check-in codes handed to attendees.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
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
  auditColumns,
  bizIdCol,
  bizIdUnique,
  bothOrNeither,
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
import { resources } from './core/resources';
import { locations } from './core/tenancy';
import { offerComponentSeatTypes, offerComponents, offers, offerVersions } from './offers';
import { devices } from './sync';
import { calendarBindings } from './time_availability';

export const bookingOrderStatus = pgEnum('booking_order_status', [
  'draft',
  'held',
  'confirmed',
  'checked_in',
  'in_progress',
  'completed',
  'cancelled',
  'no_show',
]);
/** The channel a booking was created through. */
export const bookingOrderSource = pgEnum('booking_order_source', [
  'web',
  'mobile',
  'admin',
  'phone',
  'api',
  'import',
  'marketplace',
  'kiosk',
  'walk_in',
]);
export const bookingOrderPaymentStatus = pgEnum('booking_order_payment_status', [
  'unpaid',
  'pending',
  'partial',
  'paid',
  'refunded',
  'disputed',
  'voided',
]);
export const bookingOrderLineType = pgEnum('booking_order_line_type', [
  'offer_base',
  'seat',
  'addon',
  'fee',
  'tip',
  'tax',
  'discount',
  'refund_adjustment',
]);
export const fulfillmentUnitKind = pgEnum('fulfillment_unit_kind', [
  'service_task',
  'rental_segment',
  'transport_leg',
  'queue_service',
  'async_review',
]);
export const fulfillmentUnitStatus = pgEnum('fulfillment_unit_status', [
  'planned',
  'scheduled',
  'in_progress',
  'completed',
  'cancelled',
  'no_show',
]);
export const fulfillmentDependencyType = pgEnum('fulfillment_dependency_type', [
  'must_follow',
  'same_day',
  'min_gap',
  'max_gap',
  'hard_block_if_missing',
]);
export const fulfillmentAssignmentStatus = pgEnum('fulfillment_assignment_status', [
  'proposed',
  'reserved',
  'confirmed',
  'in_progress',
  'completed',
  'cancelled',
  'released',
]);
/** enforce_no_overlap rows take part in the no-double-booking exclusion constraint (server/db/sql/integrity.sql). */
export const fulfillmentConflictPolicy = pgEnum('fulfillment_conflict_policy', ['enforce_no_overlap', 'allow_overlap']);
export const fulfillmentCheckpointKind = pgEnum('fulfillment_checkpoint_kind', [
  'en_route',
  'arrival',
  'check_in',
  'start',
  'pause',
  'resume',
  'pickup',
  'dropoff',
  'completion',
  'no_access',
  'checklist_item',
  'custom',
]);
export const fulfillmentCheckpointStatus = pgEnum('fulfillment_checkpoint_status', [
  'pending',
  'done',
  'skipped',
  'failed',
]);
/** converted: turned into a booking · released: let go early · expired: its timer ran out. */
export const bookingHoldStatus = pgEnum('booking_hold_status', ['active', 'converted', 'released', 'expired']);
export const checkInCodeStatus = pgEnum('check_in_code_status', ['active', 'used', 'revoked']);

/** The commercial contract of one booking: who, what (frozen offer version), when, how much, and its lifecycle. */
export const bookingOrders = pgTable(
  'booking_orders',
  {
    id: idPk('booking_orders'),
    bizId: bizIdCol(),
    /** Short human code shown to customers and staff (e.g. `K7Q-4MZ2`). */
    bookingCode: varchar('booking_code', { length: 16 }).notNull(),
    source: bookingOrderSource('source').notNull().default('web'),
    status: bookingOrderStatus('status').notNull().default('draft'),
    paymentStatus: bookingOrderPaymentStatus('payment_status').notNull().default('unpaid'),
    locationId: text('location_id'),
    offerId: text('offer_id').notNull(),
    /** The frozen recipe: duration, price and capacity rules as sold. */
    offerVersionId: text('offer_version_id').notNull(),
    customerUserId: userRef('customer_user_id'),
    customerGroupAccountId: text('customer_group_account_id'),
    /** Contact details for customers without an account (walk-ins, phone bookings). */
    customerName: varchar('customer_name', { length: 200 }),
    customerEmail: varchar('customer_email', { length: 255 }),
    customerPhone: varchar('customer_phone', { length: 50 }),
    /** Seats taken in the session (counts against offer_versions.capacity). */
    seats: integer('seats').notNull().default(1),
    requestedStartAt: ts('requested_start_at'),
    requestedEndAt: ts('requested_end_at'),
    confirmedStartAt: ts('confirmed_start_at'),
    confirmedEndAt: ts('confirmed_end_at'),
    currency: currencyCol(),
    subtotalMinor: integer('subtotal_minor').notNull().default(0),
    taxMinor: integer('tax_minor').notNull().default(0),
    feeMinor: integer('fee_minor').notNull().default(0),
    discountMinor: integer('discount_minor').notNull().default(0),
    totalMinor: integer('total_minor').notNull().default(0),
    pricingSnapshot: jsonb('pricing_snapshot').$type<Record<string, unknown>>().notNull().default({}),
    policySnapshot: jsonb('policy_snapshot').$type<Record<string, unknown>>().notNull().default({}),
    cancelledAt: ts('cancelled_at'),
    cancelReason: varchar('cancel_reason', { length: 500 }),
    checkedInAt: ts('checked_in_at'),
    checkedInBy: userRef('checked_in_by'),
    noShowAt: ts('no_show_at'),
    /** Hidden from other customers (e.g. not listed on a class roster). */
    isPrivate: boolean('is_private').notNull().default(false),
    notes: text('notes'),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('booking_orders', t),
    unique('booking_orders_biz_code_uq').on(t.bizId, t.bookingCode),
    uniqueIndex('booking_orders_request_key_uq').on(t.bizId, t.requestKey).where(sql`${t.requestKey} IS NOT NULL`),
    sameBiz('booking_orders', t, t.locationId, locations),
    sameBiz('booking_orders', t, t.offerId, offers),
    sameBiz('booking_orders', t, t.offerVersionId, offerVersions),
    compositeFk(
      'booking_orders',
      'offer_version_of_offer',
      [t.bizId, t.offerId, t.offerVersionId],
      [offerVersions.bizId, offerVersions.offerId, offerVersions.id],
    ),
    sameBiz('booking_orders', t, t.customerGroupAccountId, groupAccounts),
    checkNamed('booking_orders', 'code_nonempty', sql`length(${t.bookingCode}) > 0`),
    checkNamed('booking_orders', 'seats_positive', sql`${t.seats} > 0`),
    checkNamed(
      'booking_orders',
      'requested_window',
      sql`${t.requestedStartAt} IS NULL OR ${t.requestedEndAt} IS NULL OR ${t.requestedEndAt} > ${t.requestedStartAt}`,
    ),
    checkNamed(
      'booking_orders',
      'confirmed_window',
      sql`${t.confirmedStartAt} IS NULL OR ${t.confirmedEndAt} IS NULL OR ${t.confirmedEndAt} > ${t.confirmedStartAt}`,
    ),
    checkNamed(
      'booking_orders',
      'amounts_nonneg',
      sql`${t.subtotalMinor} >= 0 AND ${t.taxMinor} >= 0 AND ${t.feeMinor} >= 0 AND ${t.discountMinor} >= 0`,
    ),
    checkNamed(
      'booking_orders',
      'discount_bounded',
      sql`${t.discountMinor} <= ${t.subtotalMinor} + ${t.taxMinor} + ${t.feeMinor}`,
    ),
    checkNamed(
      'booking_orders',
      'total_formula',
      sql`${t.totalMinor} = ${t.subtotalMinor} + ${t.taxMinor} + ${t.feeMinor} - ${t.discountMinor}`,
    ),
    currencyCheck('booking_orders', t.currency),
    checkNamed(
      'booking_orders',
      'status_timestamps',
      sql`(${t.status} <> 'cancelled' OR ${t.cancelledAt} IS NOT NULL) AND (${t.status} <> 'checked_in' OR ${t.checkedInAt} IS NOT NULL) AND (${t.status} <> 'no_show' OR ${t.noShowAt} IS NOT NULL)`,
    ),
    idx('booking_orders', 'biz_status_start').on(t.bizId, t.status, t.confirmedStartAt),
    // Partial where a column is often empty (walk-ins without an account, bookings without a location):
    // those rows are never looked up by it, and every booking skips writing the entry.
    idx('booking_orders', 'biz_customer_start')
      .on(t.bizId, t.customerUserId, t.confirmedStartAt)
      .where(sql`${t.customerUserId} IS NOT NULL`),
    idx('booking_orders', 'biz_version_start').on(t.bizId, t.offerVersionId, t.confirmedStartAt),
    idx('booking_orders', 'biz_location_start')
      .on(t.bizId, t.locationId, t.confirmedStartAt)
      .where(sql`${t.locationId} IS NOT NULL`),
    idx('booking_orders', 'biz_group_account')
      .on(t.bizId, t.customerGroupAccountId)
      .where(sql`${t.customerGroupAccountId} IS NOT NULL`),
  ],
);

/** An itemized money row of an order (base price, seat, add-on, fee, tip, tax, discount, refund adjustment). */
export const bookingOrderLines = pgTable(
  'booking_order_lines',
  {
    id: idPk('booking_order_lines'),
    bizId: bizIdCol(),
    bookingOrderId: text('booking_order_id').notNull(),
    lineType: bookingOrderLineType('line_type').notNull(),
    label: varchar('label', { length: 240 }).notNull(),
    description: text('description'),
    offerComponentId: text('offer_component_id'),
    seatTypeId: text('seat_type_id'),
    quantity: integer('quantity').notNull().default(1),
    /** In the order's currency (minor units); negative for discount and refund_adjustment. */
    unitAmountMinor: integer('unit_amount_minor').notNull(),
    lineTotalMinor: integer('line_total_minor').notNull(),
    pricingDetail: jsonb('pricing_detail').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('booking_order_lines', t),
    /** Target of `(biz_id, booking_order_id, line_id)` FKs: the line belongs to that order. */
    unique('booking_order_lines_biz_order_id_uq').on(t.bizId, t.bookingOrderId, t.id),
    sameBiz('booking_order_lines', t, t.bookingOrderId, bookingOrders, { onDelete: 'cascade' }),
    sameBiz('booking_order_lines', t, t.offerComponentId, offerComponents),
    sameBiz('booking_order_lines', t, t.seatTypeId, offerComponentSeatTypes),
    checkNamed('booking_order_lines', 'quantity_positive', sql`${t.quantity} > 0`),
    checkNamed('booking_order_lines', 'total_formula', sql`${t.lineTotalMinor} = ${t.quantity} * ${t.unitAmountMinor}`),
    checkNamed(
      'booking_order_lines',
      'sign_by_type',
      sql`(${t.lineType} IN ('offer_base', 'seat', 'addon', 'fee', 'tip', 'tax') AND ${t.unitAmountMinor} >= 0 AND ${t.lineTotalMinor} >= 0) OR (${t.lineType} IN ('discount', 'refund_adjustment') AND ${t.unitAmountMinor} <= 0 AND ${t.lineTotalMinor} <= 0)`,
    ),
  ],
);

/** One executable step of an order (a session, a job visit, a rental segment, a leg), scheduled and tracked. */
export const fulfillmentUnits = pgTable(
  'fulfillment_units',
  {
    id: idPk('fulfillment_units'),
    bizId: bizIdCol(),
    bookingOrderId: text('booking_order_id').notNull(),
    bookingOrderLineId: text('booking_order_line_id'),
    offerComponentId: text('offer_component_id'),
    kind: fulfillmentUnitKind('kind').notNull().default('service_task'),
    status: fulfillmentUnitStatus('status').notNull().default('planned'),
    code: varchar('code', { length: 140 }),
    /** Order of the unit inside its booking (1-based). */
    sequence: integer('sequence').notNull().default(1),
    startsAt: ts('starts_at'),
    endsAt: ts('ends_at'),
    actualStartAt: ts('actual_start_at'),
    actualEndAt: ts('actual_end_at'),
    locationId: text('location_id'),
    /** Where a field job happens (customer site), when not at a location of the biz. */
    siteAddress: text('site_address'),
    siteLat: doublePrecision('site_lat'),
    siteLng: doublePrecision('site_lng'),
    /** The calendar binding that governed the slot choice. */
    calendarBindingId: text('calendar_binding_id'),
    /** Soft pointers (no FK) to queue / transport rows that execute this unit. */
    queueEntryId: varchar('queue_entry_id', { length: 64 }),
    transportTripId: varchar('transport_trip_id', { length: 64 }),
    assignmentPolicy: jsonb('assignment_policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('fulfillment_units', t),
    /** Target of `(biz_id, booking_order_id, fulfillment_unit_id)` FKs: the unit belongs to that order. */
    unique('fulfillment_units_biz_order_id_uq').on(t.bizId, t.bookingOrderId, t.id),
    sameBiz('fulfillment_units', t, t.bookingOrderId, bookingOrders, { onDelete: 'cascade' }),
    compositeFk(
      'fulfillment_units',
      'order_line',
      [t.bizId, t.bookingOrderId, t.bookingOrderLineId],
      [bookingOrderLines.bizId, bookingOrderLines.bookingOrderId, bookingOrderLines.id],
    ),
    sameBiz('fulfillment_units', t, t.offerComponentId, offerComponents),
    sameBiz('fulfillment_units', t, t.locationId, locations),
    sameBiz('fulfillment_units', t, t.calendarBindingId, calendarBindings),
    checkNamed('fulfillment_units', 'sequence_positive', sql`${t.sequence} >= 1`),
    checkNamed(
      'fulfillment_units',
      'planned_window',
      sql`${t.startsAt} IS NULL OR ${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`,
    ),
    checkNamed(
      'fulfillment_units',
      'actual_window',
      sql`${t.actualStartAt} IS NULL OR ${t.actualEndAt} IS NULL OR ${t.actualEndAt} >= ${t.actualStartAt}`,
    ),
    checkNamed(
      'fulfillment_units',
      'site_coordinates',
      sql`${bothOrNeither(t.siteLat, t.siteLng)} AND (${t.siteLat} IS NULL OR (${t.siteLat} BETWEEN -90 AND 90 AND ${t.siteLng} BETWEEN -180 AND 180))`,
    ),
    idx('fulfillment_units', 'biz_status_start').on(t.bizId, t.status, t.startsAt),
    idx('fulfillment_units', 'biz_location_start')
      .on(t.bizId, t.locationId, t.startsAt)
      .where(sql`${t.locationId} IS NOT NULL`),
  ],
);

/** A DAG edge between two units: the successor must follow / share a day / keep a gap with the predecessor. */
export const fulfillmentDependencies = pgTable(
  'fulfillment_dependencies',
  {
    id: idPk('fulfillment_dependencies'),
    bizId: bizIdCol(),
    predecessorUnitId: text('predecessor_unit_id').notNull(),
    successorUnitId: text('successor_unit_id').notNull(),
    dependencyType: fulfillmentDependencyType('dependency_type').notNull(),
    minGapMin: integer('min_gap_min'),
    maxGapMin: integer('max_gap_min'),
    hardBlock: boolean('hard_block').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('fulfillment_dependencies', t),
    unique('fulfillment_dependencies_edge_uq').on(t.predecessorUnitId, t.successorUnitId, t.dependencyType),
    sameBiz('fulfillment_dependencies', t, t.predecessorUnitId, fulfillmentUnits, { onDelete: 'cascade' }),
    sameBiz('fulfillment_dependencies', t, t.successorUnitId, fulfillmentUnits, { onDelete: 'cascade' }),
    checkNamed('fulfillment_dependencies', 'no_self_loop', sql`${t.predecessorUnitId} <> ${t.successorUnitId}`),
    checkNamed(
      'fulfillment_dependencies',
      'gaps',
      sql`(${t.minGapMin} IS NULL OR ${t.minGapMin} >= 0) AND (${t.maxGapMin} IS NULL OR ${t.maxGapMin} >= 0) AND (${t.minGapMin} IS NULL OR ${t.maxGapMin} IS NULL OR ${t.maxGapMin} >= ${t.minGapMin})`,
    ),
    idx('fulfillment_dependencies', 'biz_successor').on(t.bizId, t.successorUnitId),
  ],
);

/**
 * A resource working a unit over a time range. Live enforce_no_overlap rows of one resource may not
 * overlap on `[coalesce(occupied_start_at, starts_at), coalesce(occupied_end_at, ends_at))`.
 */
export const fulfillmentAssignments = pgTable(
  'fulfillment_assignments',
  {
    id: idPk('fulfillment_assignments'),
    bizId: bizIdCol(),
    fulfillmentUnitId: text('fulfillment_unit_id').notNull(),
    resourceId: text('resource_id').notNull(),
    /** e.g. `lead`, `assistant`, `room`. */
    role: varchar('role', { length: 120 }),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    /** The range the resource is blocked, including buffers before/after; NULL = starts_at/ends_at. */
    occupiedStartAt: ts('occupied_start_at'),
    occupiedEndAt: ts('occupied_end_at'),
    conflictPolicy: fulfillmentConflictPolicy('conflict_policy').notNull().default('enforce_no_overlap'),
    /**
     * Rows with the same key are one occupancy of the resource (the seats of one class session:
     * `class:<offer version>:<start ms>`); NULL = the row alone. Filled by the database (migration 0003).
     */
    occupancyKey: varchar('occupancy_key', { length: 200 }),
    status: fulfillmentAssignmentStatus('status').notNull().default('proposed'),
    isPrimary: boolean('is_primary').notNull().default(false),
    /** Share of the unit's compensation, in basis points. */
    compensationSplitBps: integer('compensation_split_bps'),
    assignedByUserId: userRef('assigned_by_user_id'),
    assignedAt: ts('assigned_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('fulfillment_assignments', t),
    sameBiz('fulfillment_assignments', t, t.fulfillmentUnitId, fulfillmentUnits, { onDelete: 'cascade' }),
    sameBiz('fulfillment_assignments', t, t.resourceId, resources),
    checkNamed('fulfillment_assignments', 'window', sql`${t.endsAt} > ${t.startsAt}`),
    checkNamed(
      'fulfillment_assignments',
      'occupied_window',
      sql`(${t.occupiedStartAt} IS NULL OR ${t.occupiedStartAt} <= ${t.startsAt}) AND (${t.occupiedEndAt} IS NULL OR ${t.occupiedEndAt} >= ${t.endsAt})`,
    ),
    checkNamed(
      'fulfillment_assignments',
      'compensation_bps_range',
      sql`${t.compensationSplitBps} IS NULL OR ${t.compensationSplitBps} BETWEEN 0 AND 10000`,
    ),
    idx('fulfillment_assignments', 'biz_unit_status').on(t.bizId, t.fulfillmentUnitId, t.status),
    idx('fulfillment_assignments', 'biz_resource_start').on(t.bizId, t.resourceId, t.startsAt),
    idx('fulfillment_assignments', 'biz_status_start').on(t.bizId, t.status, t.startsAt),
    // What occupies resources in a window (availability and commit-time counting): a range search
    // instead of walking every row of a resource's history.
    idx('fulfillment_assignments', 'occupied_range')
      .using(
        'gist',
        sql`tstzrange(coalesce(${t.occupiedStartAt}, ${t.startsAt}), coalesce(${t.occupiedEndAt}, ${t.endsAt}))`,
      )
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

/** A milestone of a unit (on my way, arrived, started, checklist item, completed), recorded with device time. */
export const fulfillmentCheckpoints = pgTable(
  'fulfillment_checkpoints',
  {
    id: idPk('fulfillment_checkpoints'),
    bizId: bizIdCol(),
    fulfillmentUnitId: text('fulfillment_unit_id').notNull(),
    sequence: integer('sequence').notNull().default(1),
    name: varchar('name', { length: 200 }).notNull(),
    kind: fulfillmentCheckpointKind('kind').notNull().default('custom'),
    status: fulfillmentCheckpointStatus('status').notNull().default('pending'),
    expectedAt: ts('expected_at'),
    completedAt: ts('completed_at'),
    completedBy: userRef('completed_by'),
    /** The recording device's clock when it happened (may be offline; server time is created_at). */
    deviceTime: ts('device_time'),
    notes: text('notes'),
    /** Evidence: pass/fail, photo ids, signature, readings. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('fulfillment_checkpoints', t),
    uniqueIndex('fulfillment_checkpoints_unit_kind_seq_uq')
      .on(t.fulfillmentUnitId, t.kind, t.sequence)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('fulfillment_checkpoints', t, t.fulfillmentUnitId, fulfillmentUnits, { onDelete: 'cascade' }),
    checkNamed('fulfillment_checkpoints', 'sequence_positive', sql`${t.sequence} >= 1`),
    checkNamed('fulfillment_checkpoints', 'done_has_time', sql`${t.status} <> 'done' OR ${t.completedAt} IS NOT NULL`),
    idx('fulfillment_checkpoints', 'biz_unit_sequence').on(t.bizId, t.fulfillmentUnitId, t.sequence),
  ],
);

/** A short-lived reservation of a slot or seats while a customer decides or pays; expires on its own. */
export const bookingHolds = pgTable(
  'booking_holds',
  {
    id: idPk('booking_holds'),
    bizId: bizIdCol(),
    /** The order the hold became (converted) or is for (checkout in progress). */
    bookingOrderId: text('booking_order_id'),
    offerVersionId: text('offer_version_id'),
    resourceId: text('resource_id'),
    locationId: text('location_id'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    seats: integer('seats').notNull().default(1),
    status: bookingHoldStatus('status').notNull().default('active'),
    /** Made on a device without network: it never blocked others on the server. */
    isOffline: boolean('is_offline').notNull().default(false),
    deviceId: text('device_id'),
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('booking_holds', t),
    uniqueIndex('booking_holds_request_key_uq').on(t.bizId, t.requestKey).where(sql`${t.requestKey} IS NOT NULL`),
    sameBiz('booking_holds', t, t.bookingOrderId, bookingOrders, { onDelete: 'cascade' }),
    sameBiz('booking_holds', t, t.offerVersionId, offerVersions),
    sameBiz('booking_holds', t, t.resourceId, resources),
    sameBiz('booking_holds', t, t.locationId, locations),
    sameBiz('booking_holds', t, t.deviceId, devices),
    checkNamed('booking_holds', 'window', sql`${t.endsAt} > ${t.startsAt}`),
    checkNamed('booking_holds', 'seats_positive', sql`${t.seats} > 0`),
    checkNamed('booking_holds', 'has_target', sql`${t.offerVersionId} IS NOT NULL OR ${t.resourceId} IS NOT NULL`),
    checkNamed('booking_holds', 'offline_has_device', sql`NOT ${t.isOffline} OR ${t.deviceId} IS NOT NULL`),
    checkNamed(
      'booking_holds',
      'converted_has_order',
      sql`${t.status} <> 'converted' OR ${t.bookingOrderId} IS NOT NULL`,
    ),
    idx('booking_holds', 'biz_status_expires').on(t.bizId, t.status, t.expiresAt),
    idx('booking_holds', 'biz_version_start')
      .on(t.bizId, t.offerVersionId, t.startsAt)
      .where(sql`${t.status} = 'active'`),
    idx('booking_holds', 'biz_resource_start').on(t.bizId, t.resourceId, t.startsAt).where(sql`${t.status} = 'active'`),
  ],
);

/** A code (QR payload or short code) that admits the holder of a booking, usable once. */
export const checkInCodes = pgTable(
  'check_in_codes',
  {
    id: idPk('check_in_codes'),
    bizId: bizIdCol(),
    bookingOrderId: text('booking_order_id').notNull(),
    /** The session/unit the code admits to; NULL = the whole booking. */
    fulfillmentUnitId: text('fulfillment_unit_id'),
    code: varchar('code', { length: 64 }).notNull(),
    status: checkInCodeStatus('status').notNull().default('active'),
    issuedAt: ts('issued_at').notNull().defaultNow(),
    expiresAt: ts('expires_at'),
    usedAt: ts('used_at'),
    usedBy: userRef('used_by'),
    usedDeviceId: text('used_device_id'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('check_in_codes', t),
    unique('check_in_codes_biz_code_uq').on(t.bizId, t.code),
    sameBiz('check_in_codes', t, t.bookingOrderId, bookingOrders, { onDelete: 'cascade' }),
    compositeFk(
      'check_in_codes',
      'unit_of_order',
      [t.bizId, t.bookingOrderId, t.fulfillmentUnitId],
      [fulfillmentUnits.bizId, fulfillmentUnits.bookingOrderId, fulfillmentUnits.id],
    ).onDelete('cascade'),
    sameBiz('check_in_codes', t, t.usedDeviceId, devices),
    checkNamed('check_in_codes', 'expiry_after_issue', sql`${t.expiresAt} IS NULL OR ${t.expiresAt} > ${t.issuedAt}`),
    checkNamed('check_in_codes', 'used_shape', sql`(${t.status} = 'used') = (${t.usedAt} IS NOT NULL)`),
    idx('check_in_codes', 'biz_order').on(t.bizId, t.bookingOrderId),
  ],
);
