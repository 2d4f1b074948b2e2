/**
 * `GET /api/reports/dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD[&locationId=]` → the manager dashboard's
 * figures, computed by the same SQL and assembly the device runs over its synced copy
 * (shared/reports/dashboard.ts), so the two are equal.
 *
 * Tenancy: acts on the caller's active biz only; the venue id comes in the query string, which the
 * generic probe cannot name, so the route is `session` and another biz's venue answers exactly like
 * a missing one (`not_found`, tested in reports.pg.test.ts).
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { notFound } from '../../shared/errors';
import { DashboardQuery, dashboardParams, runDashboard } from '../../shared/reports/dashboard';
import { assertCan } from '../plugins/auth';
import './tenancy-probe';
import { parse } from './validate';

export async function reportRoutes(app: FastifyInstance, opts: { pool: pg.Pool }) {
  app.get('/api/reports/dashboard', { config: { tenancy: 'session' } }, async (request) => {
    const actor = await request.actor();
    assertCan(actor, 'reports.view');
    const q = parse(DashboardQuery, request.query);
    const client = await opts.pool.connect();
    try {
      // One snapshot for every figure, so totals and breakdowns agree with each other.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await client.query<{ timezone: string }>('SELECT timezone FROM bizes WHERE id = $1', [
        actor.bizId,
      ]);
      const timeZone = rows[0]?.timezone ?? 'UTC';
      if (q.locationId) {
        const venue = await client.query('SELECT 1 FROM locations WHERE biz_id = $1 AND id = $2', [
          actor.bizId,
          q.locationId,
        ]);
        if (venue.rows.length === 0) throw notFound('Venue');
      }
      return await runDashboard(client, dashboardParams(actor.bizId, timeZone, q));
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  });
}
