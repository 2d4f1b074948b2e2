/**
 * Subjects: a registry of generic `(type, id)` references, so polymorphic "custom subject" pointers
 * elsewhere can still be same-biz foreign keys; and where each subject is rolled out.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
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
} from '../_common';
import { lifecycleStatus, locations } from './tenancy';

/** One referencable thing of any type (a service, an offer version, a plugin's object). */
export const subjects = pgTable(
  'subjects',
  {
    id: idPk('subjects'),
    bizId: bizIdCol(),
    subjectType: varchar('subject_type', { length: 80 }).notNull(),
    subjectId: varchar('subject_id', { length: 140 }).notNull(),
    displayName: varchar('display_name', { length: 240 }),
    category: varchar('category', { length: 80 }),
    status: lifecycleStatus('status').notNull().default('active'),
    isLinkable: boolean('is_linkable').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('subjects', t),
    unique('subjects_biz_type_id_uq').on(t.bizId, t.subjectType, t.subjectId),
    checkNamed('subjects', 'keys_nonempty', sql`length(${t.subjectType}) > 0 AND length(${t.subjectId}) > 0`),
    idx('subjects', 'type_status').on(t.bizId, t.subjectType, t.status),
  ],
);

/** Which locations a subject (service, offer version…) is active at, with one primary location. */
export const subjectLocationBindings = pgTable(
  'subject_location_bindings',
  {
    id: idPk('subject_location_bindings'),
    bizId: bizIdCol(),
    subjectType: varchar('subject_type', { length: 80 }).notNull(),
    subjectId: varchar('subject_id', { length: 140 }).notNull(),
    locationId: text('location_id').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    isPrimary: boolean('is_primary').notNull().default(false),
    priority: integer('priority').notNull().default(100),
    effectiveFrom: ts('effective_from'),
    effectiveTo: ts('effective_to'),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('subject_location_bindings', t),
    uniqueIndex(pgName('subject_location_bindings_uq'))
      .on(t.bizId, t.subjectType, t.subjectId, t.locationId)
      .where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('subject_location_bindings_one_primary_uq'))
      .on(t.bizId, t.subjectType, t.subjectId)
      .where(sql`${t.isPrimary} AND ${t.isActive} AND ${t.deletedAt} IS NULL`),
    compositeFk(
      'subject_location_bindings',
      'subject',
      [t.bizId, t.subjectType, t.subjectId],
      [subjects.bizId, subjects.subjectType, subjects.subjectId],
    ),
    sameBiz('subject_location_bindings', t, t.locationId, locations, { onDelete: 'cascade' }),
    checkNamed('subject_location_bindings', 'priority', sql`${t.priority} >= 0`),
    checkNamed(
      'subject_location_bindings',
      'window',
      sql`${t.effectiveTo} IS NULL OR ${t.effectiveFrom} IS NULL OR ${t.effectiveTo} > ${t.effectiveFrom}`,
    ),
    idx('subject_location_bindings', 'location').on(t.bizId, t.locationId),
  ],
);
