/**
 * `GET /api/availability/explain?offerVersionId=&at=[&persist=1]` → `{explanation, runId}`: why a
 * start of an offer is (not) bookable, from the same engine the device runs (shared/availability).
 * With `persist=1` the answer is stored as an `availability_resolution_runs` row (runId; null when no
 * calendar governs the offer, since a run belongs to a calendar).
 *
 * Tenancy: the offer version comes in the query string, which the generic probe cannot name, so the
 * route is declared `session` and its cross-tenant behaviour (another biz's version answers exactly
 * like a missing one) is tested in availability.pg.test.ts.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { explain } from '../../shared/availability';
import { loadAvailability } from '../../shared/availability/load';
import { notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { idOf, instant } from '../../shared/mutators/args';
import { assertCan } from '../plugins/auth';
import './tenancy-probe';
import { parse } from './validate';

const DAY = 86_400_000;

const Query = z.strictObject({
  offerVersionId: idOf('offer_versions'),
  at: instant,
  persist: z.enum(['0', '1', 'true', 'false']).optional(),
});

export async function availabilityRoutes(app: FastifyInstance, opts: { pool: pg.Pool }) {
  app.get('/api/availability/explain', { config: { tenancy: 'session' } }, async (request) => {
    const actor = await request.actor();
    assertCan(actor, 'availability.explain');
    const q = parse(Query, request.query);
    const persist = q.persist === '1' || q.persist === 'true';
    const started = performance.now();
    const client = await opts.pool.connect();
    try {
      const data = await loadAvailability(client, actor.bizId, q.offerVersionId, {
        start: new Date(q.at.getTime() - 2 * DAY),
        end: new Date(q.at.getTime() + 2 * DAY),
      });
      if (!data) throw notFound('Offer');
      const explanation = explain({ ...data, now: new Date() }, q.at);
      let runId: string | null = null;
      if (persist && explanation.resolution.calendarId) {
        const r = explanation.resolution;
        runId = newId('availability_resolution_runs');
        await client.query(
          `INSERT INTO availability_resolution_runs (id, biz_id, calendar_id, request_key, window_start_at,
             window_end_at, status, request_snapshot, decision_trace, resolved_output, runtime_ms, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12)`,
          [
            runId,
            actor.bizId,
            r.calendarId,
            `explain:${q.offerVersionId}:${q.at.toISOString()}`.slice(0, 140),
            r.windowStartAt,
            r.windowEndAt,
            r.status,
            JSON.stringify(r.requestSnapshot),
            JSON.stringify(r.decisionTrace),
            JSON.stringify(r.resolvedOutput),
            Math.max(0, Math.round(performance.now() - started)),
            actor.userId,
          ],
        );
      }
      return { explanation, runId };
    } finally {
      client.release();
    }
  });
}
