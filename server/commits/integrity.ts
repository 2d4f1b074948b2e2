/**
 * Audit integrity runs: recompute every hash chain of a biz and record the verdict per stream in
 * `audit_integrity_runs` (valid, or broken at the first altered sequence).
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { newId } from '../../shared/ids';
import { assertCan } from '../plugins/auth';
import '../routes/tenancy-probe';
import { verifyStream } from './audit';

export interface IntegrityResult {
  streamId: string;
  streamKey: string;
  status: 'valid' | 'broken';
  eventsChecked: number;
  brokenAtSequence: number | null;
}

export async function runIntegrityCheck(pool: pg.Pool, bizId: string): Promise<IntegrityResult[]> {
  const { rows: streams } = await pool.query<{ id: string; stream_key: string }>(
    'SELECT id, stream_key FROM audit_streams WHERE biz_id = $1 ORDER BY stream_key',
    [bizId],
  );
  const results: IntegrityResult[] = [];
  for (const stream of streams) {
    const started = new Date();
    const { checked, brokenAt } = await verifyStream(pool, stream.id);
    const status = brokenAt === null ? 'valid' : 'broken';
    await pool.query(
      `INSERT INTO audit_integrity_runs (id, biz_id, stream_id, status, checked_from_sequence, checked_to_sequence,
         events_checked, broken_at_sequence, summary, started_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [
        newId('audit_integrity_runs'),
        bizId,
        stream.id,
        status,
        checked ? 1 : null,
        checked || null,
        checked,
        brokenAt,
        brokenAt === null ? `${checked} events verified` : `chain broken at sequence ${brokenAt}`,
        started,
      ],
    );
    results.push({
      streamId: stream.id,
      streamKey: stream.stream_key,
      status,
      eventsChecked: checked,
      brokenAtSequence: brokenAt,
    });
  }
  return results;
}

export async function integrityRoutes(app: FastifyInstance, opts: { pool: pg.Pool }) {
  app.post('/api/audit/verify', { config: { tenancy: 'session' } }, async (request) => {
    const actor = await request.actor();
    assertCan(actor, 'reports.reconcile');
    return { streams: await runIntegrityCheck(opts.pool, actor.bizId) };
  });
}
