/**
 * Devices: each browser install registers itself (its `client_id`) in the active biz; managers list
 * and revoke them. A revoked device's pushes and shape requests are refused with `device_revoked`.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../../shared/errors';
import { isIdOf } from '../../shared/ids';
import { users } from '../../shared/schema/core/tenancy';
import { devices } from '../../shared/schema/sync';
import type { Db } from '../db/pool';
import { type Actor, assertCan } from '../plugins/auth';
import './tenancy-probe';
import { parse } from './validate';

const RegisterBody = z.strictObject({
  clientId: z.string().refine((v) => isIdOf('devices', v), 'must be a device id (dev_…)'),
  label: z.string().trim().max(200).default(''),
});

/** The active device of `actor` with this id, or a 401/404. Used by sync and commits. */
export async function assertDevice(db: Db, actor: Actor, clientId: unknown) {
  if (!isIdOf('devices', clientId)) throw new AppError('validation_failed', 'A valid clientId is required.');
  const [device] = await db
    .select()
    .from(devices)
    .where(and(eq(devices.id, clientId), eq(devices.bizId, actor.bizId), eq(devices.userId, actor.userId)))
    .limit(1);
  if (!device) throw notFound('Device');
  if (device.status === 'revoked') throw new AppError('device_revoked');
  return device;
}

export async function deviceRoutes(app: FastifyInstance, opts: { db: Db }) {
  const { db } = opts;

  app.post(
    '/api/devices',
    { config: { tenancy: { table: 'devices', body: 'clientId', creates: true } } },
    async (request, reply) => {
      const actor = await request.actor();
      const body = parse(RegisterBody, request.body);
      const [existing] = await db.select().from(devices).where(eq(devices.id, body.clientId)).limit(1);
      if (existing) {
        // A client id is bound to one user in one biz for life; anything else looks like a stranger's id.
        if (existing.bizId !== actor.bizId || existing.userId !== actor.userId) throw notFound('Device');
        if (existing.status === 'revoked') throw new AppError('device_revoked');
        await db
          .update(devices)
          .set({ lastSeenAt: new Date(), updatedAt: new Date() })
          .where(eq(devices.id, existing.id));
        return reply.status(200).send({ device: existing });
      }
      const [device] = await db
        .insert(devices)
        .values({
          id: body.clientId,
          bizId: actor.bizId,
          userId: actor.userId,
          memberId: actor.memberId,
          label: body.label,
          userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
          lastSeenAt: new Date(),
        })
        .returning();
      return reply.status(201).send({ device });
    },
  );

  app.get('/api/devices', { config: { tenancy: 'session' } }, async (request) => {
    const actor = await request.actor();
    assertCan(actor, 'devices.manage');
    const rows = await db
      .select({
        id: devices.id,
        label: devices.label,
        status: devices.status,
        userId: devices.userId,
        userEmail: users.email,
        lastSeenAt: devices.lastSeenAt,
        revokedAt: devices.revokedAt,
        createdAt: devices.createdAt,
      })
      .from(devices)
      .innerJoin(users, eq(users.id, devices.userId))
      .where(eq(devices.bizId, actor.bizId))
      .orderBy(desc(devices.createdAt));
    return { devices: rows };
  });

  app.post('/api/devices/:id/revoke', { config: { tenancy: { table: 'devices', param: 'id' } } }, async (request) => {
    const actor = await request.actor();
    assertCan(actor, 'devices.manage');
    const { id } = request.params as { id: string };
    const [device] = await db
      .update(devices)
      .set({ status: 'revoked', revokedAt: new Date(), revokedBy: actor.userId, updatedAt: new Date() })
      .where(and(eq(devices.id, id), eq(devices.bizId, actor.bizId), eq(devices.status, 'active')))
      .returning();
    if (!device) {
      const [other] = await db
        .select({ status: devices.status })
        .from(devices)
        .where(and(eq(devices.id, id), eq(devices.bizId, actor.bizId)));
      if (!other) throw notFound('Device');
      return { device: { id, status: other.status } };
    }
    return { device };
  });
}
