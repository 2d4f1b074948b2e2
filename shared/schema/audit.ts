/**
 * Immutable audit trail: every applied (or rejected) mutation appends one hash-chained event to a
 * stream (`biz` or `device:<id>`); integrity runs recompute the chain and report the first broken link.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgEnum, pgTable, text, unique, varchar } from 'drizzle-orm/pg-core';
import {
  appendOnlyColumns,
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
import { devices } from './sync';

export const auditEventOutcome = pgEnum('audit_event_outcome', ['applied', 'rejected', 'system']);
export const auditIntegrityRunStatus = pgEnum('audit_integrity_run_status', ['running', 'valid', 'broken', 'failed']);

/** One hash chain of a biz (`biz`, `device:<id>`, ...): its head sequence and hash, bumped on every append. */
export const auditStreams = pgTable(
  'audit_streams',
  {
    id: idPk('audit_streams'),
    bizId: bizIdCol(),
    streamKey: varchar('stream_key', { length: 200 }).notNull(),
    description: varchar('description', { length: 600 }),
    /** Sequence of the newest event in the stream; 0 while the stream is empty. */
    lastSequence: bigint('last_sequence', { mode: 'number' }).notNull().default(0),
    /** event_hash of the newest event; NULL while the stream is empty. */
    lastHash: varchar('last_hash', { length: 64 }),
    lastEventAt: ts('last_event_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('audit_streams', t),
    unique('audit_streams_biz_stream_key_uq').on(t.bizId, t.streamKey),
    checkNamed('audit_streams', 'stream_key_nonempty', sql`length(${t.streamKey}) > 0`),
    checkNamed('audit_streams', 'last_sequence_nonneg', sql`${t.lastSequence} >= 0`),
    checkNamed('audit_streams', 'head_shape', sql`(${t.lastSequence} = 0) = (${t.lastHash} IS NULL)`),
  ],
);

/** An immutable, hash-chained record of one action (mutation outcome, denial, system event) in a stream. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: idPk('audit_events'),
    bizId: bizIdCol(),
    streamId: text('stream_id').notNull(),
    /** 1, 2, 3, ... per stream, without gaps. */
    sequence: bigint('sequence', { mode: 'number' }).notNull(),
    /** event_hash of the previous event in the stream; NULL for sequence 1. */
    prevHash: varchar('prev_hash', { length: 64 }),
    /** sha-256 (hex) over the canonical event fields and prev_hash. */
    eventHash: varchar('event_hash', { length: 64 }).notNull(),
    actorUserId: userRef('actor_user_id'),
    /** The actor's role in the biz when the action was made (owner, front_desk, technician, ...). */
    actorRole: varchar('actor_role', { length: 40 }),
    deviceId: text('device_id'),
    mutationName: varchar('mutation_name', { length: 120 }),
    mutationId: varchar('mutation_id', { length: 100 }),
    outcome: auditEventOutcome('outcome').notNull(),
    /** The action was made while the device was offline and pushed later. */
    offline: boolean('offline').notNull().default(false),
    deviceTime: ts('device_time'),
    /** device_time corrected by the device's measured clock offset. */
    correctedTime: ts('corrected_time'),
    serverTime: ts('server_time').notNull().defaultNow(),
    subjectTable: varchar('subject_table', { length: 80 }),
    subjectId: text('subject_id'),
    action: varchar('action', { length: 80 }),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
    errorCode: varchar('error_code', { length: 80 }),
    /** Reason the actor gave (overrides, waivers, manual fixes), when one was required. */
    reason: varchar('reason', { length: 500 }),
    metadata: metadataCol(),
    ...appendOnlyColumns(),
  },
  (t) => [
    bizIdUnique('audit_events', t),
    unique('audit_events_stream_sequence_uq').on(t.streamId, t.sequence),
    sameBiz('audit_events', t, t.streamId, auditStreams),
    sameBiz('audit_events', t, t.deviceId, devices),
    checkNamed('audit_events', 'sequence_positive', sql`${t.sequence} >= 1`),
    checkNamed('audit_events', 'chain_start', sql`(${t.sequence} = 1) = (${t.prevHash} IS NULL)`),
    checkNamed('audit_events', 'event_hash_hex', sql`${t.eventHash} ~ '^[0-9a-f]{64}$'`),
    checkNamed('audit_events', 'prev_hash_hex', sql`${t.prevHash} IS NULL OR ${t.prevHash} ~ '^[0-9a-f]{64}$'`),
    checkNamed('audit_events', 'rejected_has_error', sql`${t.outcome} <> 'rejected' OR ${t.errorCode} IS NOT NULL`),
    checkNamed('audit_events', 'offline_has_device_time', sql`NOT ${t.offline} OR ${t.deviceTime} IS NOT NULL`),
    idx('audit_events', 'biz_server_time').on(t.bizId, t.serverTime),
    // Mutation events name no subject; only events about a row are looked up by it.
    idx('audit_events', 'biz_subject')
      .on(t.bizId, t.subjectTable, t.subjectId, t.serverTime)
      .where(sql`${t.subjectId} IS NOT NULL`),
    idx('audit_events', 'biz_actor').on(t.bizId, t.actorUserId, t.serverTime),
    idx('audit_events', 'biz_device').on(t.bizId, t.deviceId, t.serverTime),
    idx('audit_events', 'biz_mutation').on(t.bizId, t.mutationName, t.serverTime),
  ],
);

/** One recomputation of a stream's (or, with no stream, the whole biz's) hash chain and its verdict. */
export const auditIntegrityRuns = pgTable(
  'audit_integrity_runs',
  {
    id: idPk('audit_integrity_runs'),
    bizId: bizIdCol(),
    /** NULL = every stream of the biz. */
    streamId: text('stream_id'),
    status: auditIntegrityRunStatus('status').notNull().default('running'),
    checkedFromSequence: bigint('checked_from_sequence', { mode: 'number' }),
    checkedToSequence: bigint('checked_to_sequence', { mode: 'number' }),
    eventsChecked: integer('events_checked').notNull().default(0),
    /** Sequence of the first event whose hash or link does not verify. */
    brokenAtSequence: bigint('broken_at_sequence', { mode: 'number' }),
    brokenEventId: text('broken_event_id'),
    summary: varchar('summary', { length: 800 }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('audit_integrity_runs', t),
    sameBiz('audit_integrity_runs', t, t.streamId, auditStreams),
    sameBiz('audit_integrity_runs', t, t.brokenEventId, auditEvents),
    checkNamed('audit_integrity_runs', 'events_checked_nonneg', sql`${t.eventsChecked} >= 0`),
    checkNamed(
      'audit_integrity_runs',
      'range_order',
      sql`${t.checkedFromSequence} IS NULL OR ${t.checkedToSequence} IS NULL OR ${t.checkedToSequence} >= ${t.checkedFromSequence}`,
    ),
    checkNamed(
      'audit_integrity_runs',
      'broken_shape',
      sql`(${t.brokenAtSequence} IS NULL AND ${t.brokenEventId} IS NULL) OR ${t.status} = 'broken'`,
    ),
    checkNamed('audit_integrity_runs', 'finished_shape', sql`(${t.status} = 'running') = (${t.finishedAt} IS NULL)`),
    checkNamed(
      'audit_integrity_runs',
      'finished_after_start',
      sql`${t.finishedAt} IS NULL OR ${t.finishedAt} >= ${t.startedAt}`,
    ),
    idx('audit_integrity_runs', 'biz_stream_started').on(t.bizId, t.streamId, t.startedAt),
    idx('audit_integrity_runs', 'biz_status').on(t.bizId, t.status),
  ],
);
