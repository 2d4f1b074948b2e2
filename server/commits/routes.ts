/**
 * `POST /api/commits` `{clientId, mutations: [{id, name, args, deviceTime?, offline?, dependsOn?}]}`
 * → `{results: [{id, status, txid?, error?}], incomplete}`. Results come back in order; when the
 * batch stops early (`incomplete`), the missing mutations were not recorded and must be retried.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { isIdOf } from '../../shared/ids';
import '../routes/tenancy-probe';
import { parse } from '../routes/validate';
import { CommitQueue } from './commit-queue';
import type { RunnerOptions } from './runner';

const Body = z.strictObject({
  clientId: z.string().max(40),
  mutations: z
    .array(
      z.strictObject({
        id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
        name: z.string().min(1).max(120),
        args: z.unknown(),
        deviceTime: z.iso
          .datetime({ offset: true })
          .transform((v) => new Date(v))
          .optional(),
        offline: z.boolean().optional(),
        dependsOn: z.array(z.number().int().positive()).max(100).optional(),
      }),
    )
    .min(1)
    .max(200),
});

export async function commitRoutes(
  app: FastifyInstance,
  opts: {
    pool: pg.Pool;
    enrichRejection?: RunnerOptions['enrichRejection'];
    /** Commit transactions in flight at once (Config.commitConcurrency). */
    concurrency: number;
  },
) {
  const queue = new CommitQueue(
    { pool: opts.pool, enrichRejection: opts.enrichRejection, log: app.log },
    opts.concurrency,
  );
  app.post('/api/commits', { config: { tenancy: 'session' } }, async (request) => {
    const actor = await request.actor();
    const body = parse(Body, request.body);
    // Whether the device is the actor's and active is checked under its lock, in the first transaction.
    if (!isIdOf('devices', body.clientId)) throw new AppError('validation_failed', 'A valid clientId is required.');
    const ids = body.mutations.map((m) => m.id);
    if (new Set(ids).size !== ids.length) {
      return parse(z.never(), 'duplicate mutation ids in one batch');
    }
    return queue.push(
      { userId: actor.userId, bizId: actor.bizId, memberId: actor.memberId, role: actor.role, deviceId: body.clientId },
      body.mutations,
    );
  });
}
