/**
 * Education and programs: a program runs as cohorts of scheduled sessions; learners enroll in a cohort,
 * their attendance is recorded per session, and completing the criteria earns a certification.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgEnum, pgTable, text, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
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
} from './_common';
import { resources } from './core/resources';
import { lifecycleStatus, locations, users } from './core/tenancy';
import { bookingOrders, fulfillmentUnits } from './fulfillment';
import { offerVersions } from './offers';
import { calendarBindings } from './time_availability';

export const programCohortStatus = pgEnum('program_cohort_status', [
  'planned',
  'enrolling',
  'in_progress',
  'completed',
  'cancelled',
]);
export const programSessionStatus = pgEnum('program_session_status', [
  'planned',
  'scheduled',
  'in_progress',
  'completed',
  'cancelled',
]);
export const cohortEnrollmentStatus = pgEnum('cohort_enrollment_status', [
  'enrolled',
  'waitlisted',
  'dropped',
  'completed',
  'failed',
]);
export const sessionAttendanceStatus = pgEnum('session_attendance_status', [
  'present',
  'late',
  'absent',
  'excused',
  'no_show',
  'makeup',
]);
export const certificationAwardStatus = pgEnum('certification_award_status', ['awarded', 'revoked', 'expired']);

/** A course or curriculum a biz runs repeatedly as cohorts (sold through an offer version). */
export const programs = pgTable(
  'programs',
  {
    id: idPk('programs'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 220 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    status: lifecycleStatus('status').notNull().default('draft'),
    offerVersionId: text('offer_version_id'),
    calendarBindingId: text('calendar_binding_id'),
    expectedDurationDays: integer('expected_duration_days'),
    /** Share of sessions a learner must attend to complete (basis points). */
    requiredAttendanceBps: integer('required_attendance_bps').notNull().default(8000),
    curriculum: jsonb('curriculum').$type<Record<string, unknown>>().notNull().default({}),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('programs', t),
    uniqueIndex('programs_biz_slug_uq').on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('programs', t, t.offerVersionId, offerVersions),
    sameBiz('programs', t, t.calendarBindingId, calendarBindings),
    checkNamed(
      'programs',
      'duration_positive',
      sql`${t.expectedDurationDays} IS NULL OR ${t.expectedDurationDays} > 0`,
    ),
    checkNamed('programs', 'attendance_bps_range', sql`${t.requiredAttendanceBps} BETWEEN 0 AND 10000`),
    idx('programs', 'biz_status').on(t.bizId, t.status),
  ],
);

/** One run of a program: a group of learners going through the sessions together between two dates. */
export const programCohorts = pgTable(
  'program_cohorts',
  {
    id: idPk('program_cohorts'),
    bizId: bizIdCol(),
    programId: text('program_id').notNull(),
    name: varchar('name', { length: 220 }).notNull(),
    code: varchar('code', { length: 120 }).notNull(),
    status: programCohortStatus('status').notNull().default('planned'),
    enrollmentOpensAt: ts('enrollment_opens_at'),
    enrollmentClosesAt: ts('enrollment_closes_at'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    locationId: text('location_id'),
    leadResourceId: text('lead_resource_id'),
    capacity: integer('capacity'),
    minEnrollment: integer('min_enrollment'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('program_cohorts', t),
    uniqueIndex('program_cohorts_program_code_uq').on(t.programId, t.code).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('program_cohorts', t, t.programId, programs, { onDelete: 'cascade' }),
    sameBiz('program_cohorts', t, t.locationId, locations),
    sameBiz('program_cohorts', t, t.leadResourceId, resources),
    checkNamed(
      'program_cohorts',
      'enrollment_window',
      sql`${t.enrollmentOpensAt} IS NULL OR ${t.enrollmentClosesAt} IS NULL OR ${t.enrollmentClosesAt} >= ${t.enrollmentOpensAt}`,
    ),
    checkNamed('program_cohorts', 'window_order', sql`${t.endsAt} > ${t.startsAt}`),
    checkNamed('program_cohorts', 'capacity_positive', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
    checkNamed(
      'program_cohorts',
      'min_enrollment_range',
      sql`${t.minEnrollment} IS NULL OR (${t.minEnrollment} >= 0 AND (${t.capacity} IS NULL OR ${t.minEnrollment} <= ${t.capacity}))`,
    ),
    idx('program_cohorts', 'program_starts').on(t.bizId, t.programId, t.startsAt),
    idx('program_cohorts', 'biz_status').on(t.bizId, t.status),
  ],
);

/** One scheduled class meeting of a cohort (optionally realized as a fulfillment unit). */
export const programCohortSessions = pgTable(
  'program_cohort_sessions',
  {
    id: idPk('program_cohort_sessions'),
    bizId: bizIdCol(),
    cohortId: text('cohort_id').notNull(),
    sequence: integer('sequence').notNull(),
    name: varchar('name', { length: 220 }).notNull(),
    status: programSessionStatus('status').notNull().default('planned'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    locationId: text('location_id'),
    instructorResourceId: text('instructor_resource_id'),
    fulfillmentUnitId: text('fulfillment_unit_id'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('program_cohort_sessions', t),
    /** Target of attendance's (biz, cohort, session) FK: the session belongs to the enrollment's cohort. */
    unique('program_cohort_sessions_biz_cohort_id_uq').on(t.bizId, t.cohortId, t.id),
    uniqueIndex('program_cohort_sessions_cohort_sequence_uq')
      .on(t.cohortId, t.sequence)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('program_cohort_sessions', t, t.cohortId, programCohorts, { onDelete: 'cascade' }),
    sameBiz('program_cohort_sessions', t, t.locationId, locations),
    sameBiz('program_cohort_sessions', t, t.instructorResourceId, resources),
    sameBiz('program_cohort_sessions', t, t.fulfillmentUnitId, fulfillmentUnits),
    checkNamed('program_cohort_sessions', 'sequence_positive', sql`${t.sequence} >= 1`),
    checkNamed('program_cohort_sessions', 'window_order', sql`${t.endsAt} > ${t.startsAt}`),
    idx('program_cohort_sessions', 'biz_starts').on(t.bizId, t.startsAt),
    idx('program_cohort_sessions', 'instructor').on(t.bizId, t.instructorResourceId, t.startsAt),
  ],
);

/** A learner's place in a cohort (enrolled, waitlisted, dropped, completed, failed). */
export const cohortEnrollments = pgTable(
  'cohort_enrollments',
  {
    id: idPk('cohort_enrollments'),
    bizId: bizIdCol(),
    cohortId: text('cohort_id').notNull(),
    learnerUserId: text('learner_user_id')
      .notNull()
      .references(() => users.id),
    bookingOrderId: text('booking_order_id'),
    status: cohortEnrollmentStatus('status').notNull().default('enrolled'),
    enrolledAt: ts('enrolled_at').notNull().defaultNow(),
    completedAt: ts('completed_at'),
    droppedAt: ts('dropped_at'),
    finalScore: integer('final_score'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('cohort_enrollments', t),
    unique('cohort_enrollments_cohort_learner_uq').on(t.cohortId, t.learnerUserId),
    /** Targets of composite FKs: attendance (same cohort) and awards (same learner). */
    unique('cohort_enrollments_biz_cohort_id_uq').on(t.bizId, t.cohortId, t.id),
    unique('cohort_enrollments_biz_id_learner_uq').on(t.bizId, t.id, t.learnerUserId),
    sameBiz('cohort_enrollments', t, t.cohortId, programCohorts, { onDelete: 'cascade' }),
    sameBiz('cohort_enrollments', t, t.bookingOrderId, bookingOrders),
    checkNamed(
      'cohort_enrollments',
      'completed_after_enrolled',
      sql`${t.completedAt} IS NULL OR ${t.completedAt} >= ${t.enrolledAt}`,
    ),
    checkNamed(
      'cohort_enrollments',
      'dropped_after_enrolled',
      sql`${t.droppedAt} IS NULL OR ${t.droppedAt} >= ${t.enrolledAt}`,
    ),
    idx('cohort_enrollments', 'learner').on(t.bizId, t.learnerUserId),
    idx('cohort_enrollments', 'cohort_status').on(t.bizId, t.cohortId, t.status),
  ],
);

/** Whether one enrolled learner attended one session of their cohort, with check-in/out times. */
export const sessionAttendanceRecords = pgTable(
  'session_attendance_records',
  {
    id: idPk('session_attendance_records'),
    bizId: bizIdCol(),
    /** The cohort of both the session and the enrollment (enforced by the composite FKs). */
    cohortId: text('cohort_id').notNull(),
    sessionId: text('session_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    status: sessionAttendanceStatus('status').notNull().default('present'),
    checkedInAt: ts('checked_in_at'),
    checkedOutAt: ts('checked_out_at'),
    attendedMinutes: integer('attended_minutes'),
    notes: varchar('notes', { length: 800 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('session_attendance_records', t),
    unique('session_attendance_records_session_enrollment_uq').on(t.sessionId, t.enrollmentId),
    sameBiz('session_attendance_records', t, t.cohortId, programCohorts, { onDelete: 'cascade' }),
    compositeFk(
      'session_attendance_records',
      'session',
      [t.bizId, t.cohortId, t.sessionId],
      [programCohortSessions.bizId, programCohortSessions.cohortId, programCohortSessions.id],
    ).onDelete('cascade'),
    compositeFk(
      'session_attendance_records',
      'enrollment',
      [t.bizId, t.cohortId, t.enrollmentId],
      [cohortEnrollments.bizId, cohortEnrollments.cohortId, cohortEnrollments.id],
    ).onDelete('cascade'),
    checkNamed(
      'session_attendance_records',
      'checkout_after_checkin',
      sql`${t.checkedOutAt} IS NULL OR ${t.checkedInAt} IS NULL OR ${t.checkedOutAt} >= ${t.checkedInAt}`,
    ),
    checkNamed(
      'session_attendance_records',
      'attended_minutes_nonneg',
      sql`${t.attendedMinutes} IS NULL OR ${t.attendedMinutes} >= 0`,
    ),
    idx('session_attendance_records', 'enrollment').on(t.bizId, t.enrollmentId),
  ],
);

/** What a program certifies and the criteria for earning it. */
export const certificationTemplates = pgTable(
  'certification_templates',
  {
    id: idPk('certification_templates'),
    bizId: bizIdCol(),
    programId: text('program_id').notNull(),
    name: varchar('name', { length: 220 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull().default({}),
    validForDays: integer('valid_for_days'),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('certification_templates', t),
    uniqueIndex('certification_templates_program_slug_uq').on(t.programId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('certification_templates', t, t.programId, programs, { onDelete: 'cascade' }),
    checkNamed(
      'certification_templates',
      'valid_days_positive',
      sql`${t.validForDays} IS NULL OR ${t.validForDays} > 0`,
    ),
  ],
);

/** A certification earned by a learner through one enrollment (may expire or be revoked). */
export const certificationAwards = pgTable(
  'certification_awards',
  {
    id: idPk('certification_awards'),
    bizId: bizIdCol(),
    certificationTemplateId: text('certification_template_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    /** The enrollment's learner (enforced by the composite FK). */
    learnerUserId: text('learner_user_id')
      .notNull()
      .references(() => users.id),
    status: certificationAwardStatus('status').notNull().default('awarded'),
    awardedAt: ts('awarded_at').notNull().defaultNow(),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    evidence: jsonb('evidence').$type<Record<string, unknown>>(),
    certificateCode: varchar('certificate_code', { length: 120 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('certification_awards', t),
    unique('certification_awards_template_enrollment_uq').on(t.certificationTemplateId, t.enrollmentId),
    uniqueIndex('certification_awards_code_uq')
      .on(t.bizId, t.certificateCode)
      .where(sql`${t.certificateCode} IS NOT NULL`),
    sameBiz('certification_awards', t, t.certificationTemplateId, certificationTemplates),
    compositeFk(
      'certification_awards',
      'enrollment_learner',
      [t.bizId, t.enrollmentId, t.learnerUserId],
      [cohortEnrollments.bizId, cohortEnrollments.id, cohortEnrollments.learnerUserId],
    ),
    checkNamed(
      'certification_awards',
      'expires_after_award',
      sql`${t.expiresAt} IS NULL OR ${t.expiresAt} >= ${t.awardedAt}`,
    ),
    checkNamed(
      'certification_awards',
      'revoked_after_award',
      sql`${t.revokedAt} IS NULL OR ${t.revokedAt} >= ${t.awardedAt}`,
    ),
    checkNamed('certification_awards', 'revoked_shape', sql`(${t.status} = 'revoked') = (${t.revokedAt} IS NOT NULL)`),
    idx('certification_awards', 'learner').on(t.bizId, t.learnerUserId),
  ],
);
