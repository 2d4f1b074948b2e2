/**
 * Devices and their mutation log: the write path's memory. Each browser install is a device
 * (`client_id`); every mutation it pushes is answered once and remembered here, so a retried
 * push gets the stored outcome instead of a second effect.
 */
import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgEnum, pgTable, text, unique, varchar } from 'drizzle-orm/pg-core';
import { bizIdCol, bizIdUnique, checkNamed, idPk, idx, sameBiz, ts, userRef } from './_common';
import { members } from './core/auth';
import { users } from './core/tenancy';

export const deviceStatus = pgEnum('device_status', ['active', 'revoked']);
export const clientMutationStatus = pgEnum('client_mutation_status', ['applied', 'rejected']);

/** A registered browser install of one user in one biz; revoking it refuses its pushes and shapes. */
export const devices = pgTable(
  'devices',
  {
    id: idPk('devices'),
    bizId: bizIdCol(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    memberId: text('member_id').notNull(),
    label: varchar('label', { length: 200 }).notNull().default(''),
    userAgent: varchar('user_agent', { length: 500 }),
    status: deviceStatus('status').notNull().default('active'),
    /** Last measured server-minus-device clock offset, for the "device clock is off" warning. */
    clockOffsetMs: integer('clock_offset_ms'),
    lastSeenAt: ts('last_seen_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: userRef('revoked_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    bizIdUnique('devices', t),
    sameBiz('devices', t, t.memberId, members, { onDelete: 'cascade' }),
    idx('devices', 'biz_user').on(t.bizId, t.userId),
    checkNamed('devices', 'revoked_shape', sql`(${t.status} = 'revoked') = (${t.revokedAt} IS NOT NULL)`),
  ],
);

/** The stored outcome of each pushed mutation, keyed by (client_id, mutation_id): the idempotency record. */
export const clientMutations = pgTable(
  'client_mutations',
  {
    id: idPk('client_mutations'),
    bizId: bizIdCol(),
    clientId: text('client_id').notNull(),
    /** Monotonic per device; the order the device made its changes in. */
    mutationId: bigint('mutation_id', { mode: 'number' }).notNull(),
    name: varchar('name', { length: 120 }).notNull(),
    args: jsonb('args').$type<unknown>().notNull(),
    /** sha-256 of the canonical args: the same key with other args is `idempotency_conflict`. */
    argsHash: varchar('args_hash', { length: 64 }).notNull(),
    status: clientMutationStatus('status').notNull(),
    /** Postgres transaction id (xid8 as text) of the commit that applied it. */
    txid: varchar('txid', { length: 32 }),
    error: jsonb('error').$type<{ code: string; message: string; details?: unknown } | null>(),
    result: jsonb('result').$type<unknown>(),
    actorUserId: userRef('actor_user_id'),
    deviceTime: ts('device_time'),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    bizIdUnique('client_mutations', t),
    unique('client_mutations_client_mutation_uq').on(t.clientId, t.mutationId),
    sameBiz('client_mutations', t, t.clientId, devices),
    checkNamed(
      'client_mutations',
      'outcome_shape',
      sql`(${t.status} = 'applied' AND ${t.txid} IS NOT NULL AND ${t.error} IS NULL) OR (${t.status} = 'rejected' AND ${t.error} IS NOT NULL)`,
    ),
    idx('client_mutations', 'biz_received').on(t.bizId, t.receivedAt),
  ],
);
