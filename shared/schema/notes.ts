/**
 * Notes and annotations on bookings, jobs, resources, customers and other subjects, with visibility
 * classes, a revision history (edits made offline and at the office both survive) and per-user access overrides.
 * Notes are often written offline on a technician's device: ids, device_time and revision come from the client.
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
import { subjects } from './core/subjects';
import { users } from './core/tenancy';
import { bookingOrders, fulfillmentUnits } from './fulfillment';
import { offers, offerVersions } from './offers';
import { queueEntries } from './queue';
import { transportTrips } from './transportation';

export const noteSubjectType = pgEnum('note_subject_type', [
  'booking_order',
  'fulfillment_unit',
  'resource',
  'customer_user',
  'offer',
  'offer_version',
  'queue_entry',
  'trip',
  'custom_subject',
]);
/** public: customer-facing · internal: all staff · private: author + overrides · ai / system: machine-written. */
export const noteVisibility = pgEnum('note_visibility', ['public', 'internal', 'private', 'ai', 'system']);
export const noteStatus = pgEnum('note_status', ['active', 'archived']);
export const noteSourceType = pgEnum('note_source_type', ['user', 'ai', 'system', 'integration']);

/** A note attached to exactly one subject (booking, job, resource, customer, ...), with its current body. */
export const notes = pgTable(
  'notes',
  {
    id: idPk('notes'),
    bizId: bizIdCol(),
    subjectType: noteSubjectType('subject_type').notNull(),
    bookingOrderId: text('booking_order_id'),
    fulfillmentUnitId: text('fulfillment_unit_id'),
    resourceId: text('resource_id'),
    customerUserId: userRef('customer_user_id'),
    offerId: text('offer_id'),
    offerVersionId: text('offer_version_id'),
    queueEntryId: text('queue_entry_id'),
    tripId: text('trip_id'),
    customSubjectId: text('custom_subject_id'),
    title: varchar('title', { length: 200 }),
    body: text('body').notNull(),
    visibility: noteVisibility('visibility').notNull().default('private'),
    status: noteStatus('status').notNull().default('active'),
    sourceType: noteSourceType('source_type').notNull().default('user'),
    sourceRef: varchar('source_ref', { length: 200 }),
    authorUserId: userRef('author_user_id'),
    /** The author's device clock when the note was written (offline notes arrive later). */
    deviceTime: ts('device_time'),
    pinned: boolean('pinned').notNull().default(false),
    locked: boolean('locked').notNull().default(false),
    /** Current revision number; every edit adds a note_revisions row and bumps it. */
    revision: integer('revision').notNull().default(1),
    editedByUserId: userRef('edited_by_user_id'),
    editedAt: ts('edited_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('notes', t),
    sameBiz('notes', t, t.bookingOrderId, bookingOrders, { onDelete: 'cascade' }),
    sameBiz('notes', t, t.fulfillmentUnitId, fulfillmentUnits, { onDelete: 'cascade' }),
    sameBiz('notes', t, t.resourceId, resources, { onDelete: 'cascade' }),
    sameBiz('notes', t, t.offerId, offers, { onDelete: 'cascade' }),
    sameBiz('notes', t, t.offerVersionId, offerVersions, { onDelete: 'cascade' }),
    sameBiz('notes', t, t.queueEntryId, queueEntries, { onDelete: 'cascade' }),
    sameBiz('notes', t, t.tripId, transportTrips, { onDelete: 'cascade' }),
    sameBiz('notes', t, t.customSubjectId, subjects, { onDelete: 'cascade' }),
    shapeCheck('notes', 'subject_shape', t.subjectType, {
      booking_order: [t.bookingOrderId],
      fulfillment_unit: [t.fulfillmentUnitId],
      resource: [t.resourceId],
      customer_user: [t.customerUserId],
      offer: [t.offerId],
      offer_version: [t.offerVersionId],
      queue_entry: [t.queueEntryId],
      trip: [t.tripId],
      custom_subject: [t.customSubjectId],
    }),
    checkNamed('notes', 'revision_positive', sql`${t.revision} >= 1`),
    idx('notes', 'booking_order').on(t.bizId, t.bookingOrderId).where(sql`${t.bookingOrderId} IS NOT NULL`),
    idx('notes', 'fulfillment_unit').on(t.bizId, t.fulfillmentUnitId).where(sql`${t.fulfillmentUnitId} IS NOT NULL`),
    idx('notes', 'resource').on(t.bizId, t.resourceId).where(sql`${t.resourceId} IS NOT NULL`),
    idx('notes', 'customer_user').on(t.bizId, t.customerUserId).where(sql`${t.customerUserId} IS NOT NULL`),
    idx('notes', 'offer').on(t.bizId, t.offerId).where(sql`${t.offerId} IS NOT NULL`),
    idx('notes', 'offer_version').on(t.bizId, t.offerVersionId).where(sql`${t.offerVersionId} IS NOT NULL`),
    idx('notes', 'queue_entry').on(t.bizId, t.queueEntryId).where(sql`${t.queueEntryId} IS NOT NULL`),
    idx('notes', 'trip').on(t.bizId, t.tripId).where(sql`${t.tripId} IS NOT NULL`),
    idx('notes', 'custom_subject').on(t.bizId, t.customSubjectId).where(sql`${t.customSubjectId} IS NOT NULL`),
    idx('notes', 'biz_author').on(t.bizId, t.authorUserId),
    idx('notes', 'biz_visibility').on(t.bizId, t.visibility),
  ],
);

/** One version of a note's body; an offline edit and a concurrent office edit each get their own row. */
export const noteRevisions = pgTable(
  'note_revisions',
  {
    id: idPk('note_revisions'),
    bizId: bizIdCol(),
    noteId: text('note_id').notNull(),
    revision: integer('revision').notNull(),
    /** The revision the editor saw when editing; lower than revision - 1 means the edit was concurrent. */
    baseRevision: integer('base_revision'),
    title: varchar('title', { length: 200 }),
    body: text('body').notNull(),
    diff: jsonb('diff').$type<Record<string, unknown>>(),
    editedByUserId: userRef('edited_by_user_id'),
    deviceTime: ts('device_time'),
    editedAt: ts('edited_at').notNull().defaultNow(),
    reason: varchar('reason', { length: 500 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('note_revisions', t),
    unique('note_revisions_note_revision_uq').on(t.noteId, t.revision),
    sameBiz('note_revisions', t, t.noteId, notes, { onDelete: 'cascade' }),
    checkNamed('note_revisions', 'revision_positive', sql`${t.revision} >= 1`),
    checkNamed(
      'note_revisions',
      'base_revision_order',
      sql`${t.baseRevision} IS NULL OR (${t.baseRevision} >= 1 AND ${t.baseRevision} < ${t.revision})`,
    ),
    idx('note_revisions', 'biz_note').on(t.bizId, t.noteId, t.revision),
  ],
);

/** A per-user exception to a note's visibility: grants read (and optionally edit) until expires_at. */
export const noteAccessOverrides = pgTable(
  'note_access_overrides',
  {
    id: idPk('note_access_overrides'),
    bizId: bizIdCol(),
    noteId: text('note_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    canRead: boolean('can_read').notNull().default(true),
    canEdit: boolean('can_edit').notNull().default(false),
    expiresAt: ts('expires_at'),
    reason: varchar('reason', { length: 500 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('note_access_overrides', t),
    uniqueIndex('note_access_overrides_note_user_uq').on(t.noteId, t.userId).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('note_access_overrides', t, t.noteId, notes, { onDelete: 'cascade' }),
    checkNamed('note_access_overrides', 'edit_implies_read', sql`NOT ${t.canEdit} OR ${t.canRead}`),
    checkNamed(
      'note_access_overrides',
      'expires_after_created',
      sql`${t.expiresAt} IS NULL OR ${t.expiresAt} > ${t.createdAt}`,
    ),
    idx('note_access_overrides', 'biz_user').on(t.bizId, t.userId),
  ],
);
