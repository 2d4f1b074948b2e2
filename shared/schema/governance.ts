/**
 * Governance: a biz's compliance profiles (HIPAA, GDPR, ...), data-residency and retention policies, legal holds,
 * privacy identity modes, data-subject requests, and the redaction jobs that carry them out.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  auditColumns,
  bizIdCol,
  bizIdUnique,
  checkNamed,
  idPk,
  idx,
  metadataCol,
  pgName,
  sameBiz,
  shapeCheck,
  ts,
  userRef,
} from './_common';
import { auditStreams } from './audit';
import { bookingOrders } from './fulfillment';
import { offers } from './offers';
import { paymentIntents } from './payments';

export const complianceRegime = pgEnum('compliance_regime', [
  'hipaa',
  'gdpr',
  'ccpa',
  'ferpa',
  'pci_dss',
  'soc2',
  'custom',
]);
export const dataResidencyScope = pgEnum('data_residency_scope', ['global', 'region', 'country', 'tenant_custom']);
export const dataResidencyEnforcementMode = pgEnum('data_residency_enforcement_mode', [
  'hard_block',
  'soft_warn',
  'report_only',
]);
export const retentionIntervalUnit = pgEnum('retention_interval_unit', ['days', 'months', 'years', 'indefinite']);
export const retentionAction = pgEnum('retention_action', ['delete', 'anonymize', 'archive']);
export const legalHoldScope = pgEnum('legal_hold_scope', [
  'tenant',
  'offer',
  'booking_order',
  'payment',
  'audit_log',
  'custom',
]);
export const legalHoldStatus = pgEnum('legal_hold_status', ['active', 'released', 'expired']);
export const privacyIdentityMode = pgEnum('privacy_identity_mode', [
  'full_identity',
  'pseudonymous',
  'anonymous',
  'sealed',
]);
export const privacySensitivityLevel = pgEnum('privacy_sensitivity_level', ['low', 'moderate', 'high', 'restricted']);
export const dataSubjectRequestType = pgEnum('data_subject_request_type', [
  'access',
  'rectification',
  'deletion',
  'portability',
  'restriction',
  'objection',
]);
export const dataSubjectRequestStatus = pgEnum('data_subject_request_status', [
  'submitted',
  'verifying',
  'identity_verified',
  'processing',
  'fulfilled',
  'denied',
  'cancelled',
]);
export const dataSubjectRequestVerificationMethod = pgEnum('data_subject_request_verification_method', [
  'email_otp',
  'document',
  'manual',
  'account_login',
]);
export const redactionTargetType = pgEnum('redaction_target_type', [
  'user',
  'booking_order',
  'fulfillment_unit',
  'payment',
  'note',
  'attachment',
  'custom',
]);
export const redactionJobStatus = pgEnum('redaction_job_status', [
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
]);

/** A compliance regime the biz operates under, with its policy snapshot and evidence/incident requirements. */
export const tenantComplianceProfiles = pgTable(
  'tenant_compliance_profiles',
  {
    id: idPk('tenant_compliance_profiles'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 220 }).notNull(),
    regime: complianceRegime('regime').notNull(),
    description: text('description'),
    isDefault: boolean('is_default').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    policySnapshot: jsonb('policy_snapshot').$type<Record<string, unknown>>().notNull().default({}),
    evidenceRequirements: jsonb('evidence_requirements').$type<Record<string, unknown>>().notNull().default({}),
    incidentPolicy: jsonb('incident_policy').$type<Record<string, unknown>>().notNull().default({}),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('tenant_compliance_profiles', t),
    uniqueIndex(pgName('tenant_compliance_profiles_one_default_uq'))
      .on(t.bizId)
      .where(sql`${t.isDefault} AND ${t.deletedAt} IS NULL`),
    idx('tenant_compliance_profiles', 'biz_regime').on(t.bizId, t.regime),
  ],
);

/** Where the biz's data may live: allowed/denied regions and countries, and how strictly that is enforced. */
export const dataResidencyPolicies = pgTable(
  'data_residency_policies',
  {
    id: idPk('data_residency_policies'),
    bizId: bizIdCol(),
    complianceProfileId: text('compliance_profile_id'),
    name: varchar('name', { length: 220 }).notNull(),
    scope: dataResidencyScope('scope').notNull(),
    enforcementMode: dataResidencyEnforcementMode('enforcement_mode').notNull().default('hard_block'),
    allowedRegions: jsonb('allowed_regions').$type<string[]>().notNull().default([]),
    allowedCountries: jsonb('allowed_countries').$type<string[]>().notNull().default([]),
    deniedRegions: jsonb('denied_regions').$type<string[]>().notNull().default([]),
    deniedCountries: jsonb('denied_countries').$type<string[]>().notNull().default([]),
    /** Data classes / table names the policy covers; empty means everything. */
    appliesTo: jsonb('applies_to').$type<string[]>().notNull().default([]),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('data_residency_policies', t),
    sameBiz('data_residency_policies', t, t.complianceProfileId, tenantComplianceProfiles),
    checkNamed(
      'data_residency_policies',
      'lists_are_arrays',
      sql`jsonb_typeof(${t.allowedRegions}) = 'array' AND jsonb_typeof(${t.allowedCountries}) = 'array' AND jsonb_typeof(${t.deniedRegions}) = 'array' AND jsonb_typeof(${t.deniedCountries}) = 'array' AND jsonb_typeof(${t.appliesTo}) = 'array'`,
    ),
    idx('data_residency_policies', 'biz_active').on(t.bizId, t.isActive),
    idx('data_residency_policies', 'profile').on(t.bizId, t.complianceProfileId),
  ],
);

/** How long one class of data is kept and what happens after (delete, anonymize, archive). */
export const retentionPolicies = pgTable(
  'retention_policies',
  {
    id: idPk('retention_policies'),
    bizId: bizIdCol(),
    complianceProfileId: text('compliance_profile_id'),
    name: varchar('name', { length: 220 }).notNull(),
    dataClass: varchar('data_class', { length: 140 }).notNull(),
    intervalValue: integer('interval_value'),
    intervalUnit: retentionIntervalUnit('interval_unit').notNull(),
    action: retentionAction('action').notNull(),
    honorLegalHolds: boolean('honor_legal_holds').notNull().default(true),
    minimumRetainDays: integer('minimum_retain_days'),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('retention_policies', t),
    sameBiz('retention_policies', t, t.complianceProfileId, tenantComplianceProfiles),
    uniqueIndex(pgName('retention_policies_active_class_uq'))
      .on(t.bizId, t.dataClass)
      .where(sql`${t.isActive} AND ${t.deletedAt} IS NULL`),
    checkNamed('retention_policies', 'data_class_nonempty', sql`length(${t.dataClass}) > 0`),
    checkNamed(
      'retention_policies',
      'interval_shape',
      sql`(${t.intervalUnit} = 'indefinite' AND ${t.intervalValue} IS NULL) OR (${t.intervalUnit} <> 'indefinite' AND ${t.intervalValue} IS NOT NULL AND ${t.intervalValue} > 0)`,
    ),
    checkNamed(
      'retention_policies',
      'minimum_retain_nonneg',
      sql`${t.minimumRetainDays} IS NULL OR ${t.minimumRetainDays} >= 0`,
    ),
  ],
);

/**
 * A legal hold: records in its scope must not be deleted or redacted while it is active. Typed targets are
 * real FKs, so a held row also cannot be hard-deleted at the database level.
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: idPk('legal_holds'),
    bizId: bizIdCol(),
    scope: legalHoldScope('scope').notNull(),
    offerId: text('offer_id'),
    bookingOrderId: text('booking_order_id'),
    paymentIntentId: text('payment_intent_id'),
    auditStreamId: text('audit_stream_id'),
    /** For scope `custom`: the kind of record held (table or plugin namespace). */
    targetRefType: varchar('target_ref_type', { length: 80 }),
    /** For scope `custom`: the id of the record held. */
    targetRecordId: varchar('target_record_id', { length: 140 }),
    status: legalHoldStatus('status').notNull().default('active'),
    /** Case number, court order or counsel reference that justifies the hold. */
    sourceReference: varchar('source_reference', { length: 200 }),
    reason: text('reason').notNull(),
    startsAt: ts('starts_at').notNull().defaultNow(),
    endsAt: ts('ends_at'),
    issuedByUserId: userRef('issued_by_user_id'),
    releasedAt: ts('released_at'),
    releasedByUserId: userRef('released_by_user_id'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('legal_holds', t),
    sameBiz('legal_holds', t, t.offerId, offers),
    sameBiz('legal_holds', t, t.bookingOrderId, bookingOrders),
    sameBiz('legal_holds', t, t.paymentIntentId, paymentIntents),
    sameBiz('legal_holds', t, t.auditStreamId, auditStreams),
    shapeCheck('legal_holds', 'target_shape', t.scope, {
      tenant: [],
      offer: [t.offerId],
      booking_order: [t.bookingOrderId],
      payment: [t.paymentIntentId],
      audit_log: [t.auditStreamId],
      custom: [t.targetRefType, t.targetRecordId],
    }),
    checkNamed('legal_holds', 'reason_nonempty', sql`length(${t.reason}) > 0`),
    checkNamed('legal_holds', 'window_order', sql`${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`),
    checkNamed('legal_holds', 'released_shape', sql`(${t.status} = 'released') = (${t.releasedAt} IS NOT NULL)`),
    idx('legal_holds', 'biz_status_scope').on(t.bizId, t.status, t.scope),
    idx('legal_holds', 'booking_order').on(t.bizId, t.bookingOrderId),
    idx('legal_holds', 'payment_intent').on(t.bizId, t.paymentIntentId),
    idx('legal_holds', 'custom_target').on(t.bizId, t.targetRefType, t.targetRecordId),
  ],
);

/** A named privacy mode (full identity, pseudonymous, anonymous, sealed) with its masking and access policy. */
export const privacyIdentityModes = pgTable(
  'privacy_identity_modes',
  {
    id: idPk('privacy_identity_modes'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 180 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull(),
    mode: privacyIdentityMode('mode').notNull(),
    sensitivity: privacySensitivityLevel('sensitivity').notNull().default('moderate'),
    maskingPolicy: jsonb('masking_policy').$type<Record<string, unknown>>().notNull().default({}),
    accessPolicy: jsonb('access_policy').$type<Record<string, unknown>>().notNull().default({}),
    isDefault: boolean('is_default').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('privacy_identity_modes', t),
    uniqueIndex(pgName('privacy_identity_modes_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('privacy_identity_modes_one_default_uq'))
      .on(t.bizId)
      .where(sql`${t.isDefault} AND ${t.deletedAt} IS NULL`),
    checkNamed('privacy_identity_modes', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);

/** A data-subject request (GDPR/CCPA access, deletion, ...) from intake through verification to resolution. */
export const dataSubjectRequests = pgTable(
  'data_subject_requests',
  {
    id: idPk('data_subject_requests'),
    bizId: bizIdCol(),
    requestType: dataSubjectRequestType('request_type').notNull(),
    status: dataSubjectRequestStatus('status').notNull().default('submitted'),
    subjectUserId: userRef('subject_user_id'),
    /** Email, customer number or other identifier when the subject has no user account. */
    subjectExternalRef: varchar('subject_external_ref', { length: 200 }),
    submittedByUserId: userRef('submitted_by_user_id'),
    verificationMethod: dataSubjectRequestVerificationMethod('verification_method'),
    verifiedAt: ts('verified_at'),
    /** Statutory deadline for the answer. */
    dueAt: ts('due_at'),
    resolvedAt: ts('resolved_at'),
    resolutionSummary: text('resolution_summary'),
    requestPayload: jsonb('request_payload').$type<Record<string, unknown>>().notNull().default({}),
    fulfillmentEvidence: jsonb('fulfillment_evidence').$type<Record<string, unknown>>().notNull().default({}),
    /** Idempotency key of the intake (form submission, email id). */
    requestKey: varchar('request_key', { length: 140 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('data_subject_requests', t),
    uniqueIndex(pgName('data_subject_requests_request_key_uq'))
      .on(t.bizId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
    checkNamed(
      'data_subject_requests',
      'subject_present',
      sql`${t.subjectUserId} IS NOT NULL OR ${t.subjectExternalRef} IS NOT NULL`,
    ),
    checkNamed(
      'data_subject_requests',
      'verified_shape',
      sql`(${t.verifiedAt} IS NULL OR ${t.verificationMethod} IS NOT NULL) AND (${t.status} NOT IN ('identity_verified', 'processing', 'fulfilled') OR ${t.verifiedAt} IS NOT NULL)`,
    ),
    checkNamed(
      'data_subject_requests',
      'resolved_shape',
      sql`(${t.status} IN ('fulfilled', 'denied', 'cancelled')) = (${t.resolvedAt} IS NOT NULL)`,
    ),
    checkNamed(
      'data_subject_requests',
      'resolution_order',
      sql`${t.resolvedAt} IS NULL OR ${t.verifiedAt} IS NULL OR ${t.resolvedAt} >= ${t.verifiedAt}`,
    ),
    idx('data_subject_requests', 'biz_status_due').on(t.bizId, t.status, t.dueAt),
    idx('data_subject_requests', 'subject_user').on(t.subjectUserId),
  ],
);

/**
 * One redaction run over one record (for a data-subject request or a retention sweep). The target is a
 * generic (type, id) pair without FK on purpose: the job may delete its target and must outlive it as evidence.
 */
export const redactionJobs = pgTable(
  'redaction_jobs',
  {
    id: idPk('redaction_jobs'),
    bizId: bizIdCol(),
    dataSubjectRequestId: text('data_subject_request_id'),
    /** The hold that was checked (or that blocked the job). */
    legalHoldId: text('legal_hold_id'),
    targetType: redactionTargetType('target_type').notNull(),
    /** For target_type `custom`: the kind of record (table or plugin namespace). */
    customTargetType: varchar('custom_target_type', { length: 80 }),
    targetRecordId: varchar('target_record_id', { length: 200 }).notNull(),
    status: redactionJobStatus('status').notNull().default('queued'),
    queuedAt: ts('queued_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    failureReason: text('failure_reason'),
    executionLog: jsonb('execution_log').$type<Record<string, unknown>[]>().notNull().default([]),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('redaction_jobs', t),
    sameBiz('redaction_jobs', t, t.dataSubjectRequestId, dataSubjectRequests),
    sameBiz('redaction_jobs', t, t.legalHoldId, legalHolds),
    checkNamed(
      'redaction_jobs',
      'custom_type_shape',
      sql`(${t.targetType} = 'custom') = (${t.customTargetType} IS NOT NULL)`,
    ),
    checkNamed('redaction_jobs', 'target_nonempty', sql`length(${t.targetRecordId}) > 0`),
    checkNamed('redaction_jobs', 'started_shape', sql`${t.status} <> 'running' OR ${t.startedAt} IS NOT NULL`),
    checkNamed('redaction_jobs', 'completed_shape', sql`${t.status} <> 'completed' OR ${t.completedAt} IS NOT NULL`),
    checkNamed('redaction_jobs', 'failed_shape', sql`${t.status} <> 'failed' OR ${t.failureReason} IS NOT NULL`),
    checkNamed(
      'redaction_jobs',
      'completion_order',
      sql`${t.completedAt} IS NULL OR ${t.startedAt} IS NULL OR ${t.completedAt} >= ${t.startedAt}`,
    ),
    checkNamed('redaction_jobs', 'start_order', sql`${t.startedAt} IS NULL OR ${t.startedAt} >= ${t.queuedAt}`),
    idx('redaction_jobs', 'biz_status_queued').on(t.bizId, t.status, t.queuedAt),
    idx('redaction_jobs', 'target').on(t.bizId, t.targetType, t.targetRecordId),
    idx('redaction_jobs', 'dsr').on(t.bizId, t.dataSubjectRequestId),
  ],
);
