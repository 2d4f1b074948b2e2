/**
 * `POST /api/entitlements/rollover {planId, periodStart}`: a manager closes a plan's period —
 * unused credits above the plan's cap expire, the new period's credits are granted. Idempotent per
 * (plan, period): running it twice changes nothing the second time.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { notFound } from '../../shared/errors';
import { isIdOf } from '../../shared/ids';
import { runRollover } from '../../shared/mutators/entitlements';
import { assertCan } from '../plugins/auth';
import './tenancy-probe';
import { parse } from './validate';

const Body = z.strictObject({
  planId: z.string().refine((v) => isIdOf('membership_plans', v), 'must be a plan id'),
  periodStart: z.iso.date(),
});

export async function entitlementRoutes(app: FastifyInstance, opts: { pool: pg.Pool }) {
  app.post(
    '/api/entitlements/rollover',
    { config: { tenancy: { table: 'membership_plans', body: 'planId' } } },
    async (request) => {
      const actor = await request.actor();
      assertCan(actor, 'entitlement.adjust');
      const raw = (request.body ?? {}) as { planId?: unknown };
      if (typeof raw.planId === 'string') {
        const { rows } = await opts.pool.query('SELECT 1 FROM membership_plans WHERE biz_id = $1 AND id = $2', [
          actor.bizId,
          raw.planId,
        ]);
        if (!rows[0]) throw notFound('Plan');
      }
      const body = parse(Body, request.body);
      return runRollover(opts.pool, actor.bizId, body.planId, body.periodStart);
    },
  );
}
