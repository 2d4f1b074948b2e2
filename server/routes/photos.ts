/**
 * Job photos: `PUT /api/jobs/:unitId/photos/:photoId` with the image as the body (uploaded by the
 * device once online; the device-minted id makes retries no-ops) and `GET /api/jobs/:unitId/photos`
 * (metadata). Technicians may only add photos to jobs assigned to them.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { AppError, notFound } from '../../shared/errors';
import { isIdOf } from '../../shared/ids';
import { assertCan } from '../plugins/auth';
import './tenancy-probe';

const MAX_BYTES = 10 * 1024 * 1024;

async function assertJob(pool: pg.Pool, request: FastifyRequest, unitId: string, write: boolean) {
  const actor = await request.actor();
  assertCan(actor, write ? 'job.update' : 'note.write');
  if (!isIdOf('fulfillment_units', unitId)) throw notFound('Job');
  const { rows } = await pool.query('SELECT status FROM fulfillment_units WHERE biz_id = $1 AND id = $2', [
    actor.bizId,
    unitId,
  ]);
  if (!rows[0]) throw notFound('Job');
  if (actor.role === 'technician') {
    const mine = await pool.query(
      `SELECT 1 FROM fulfillment_assignments a JOIN resources r ON r.id = a.resource_id AND r.biz_id = a.biz_id
       WHERE a.biz_id = $1 AND a.fulfillment_unit_id = $2 AND r.host_user_id = $3 AND a.status NOT IN ('cancelled', 'released')`,
      [actor.bizId, unitId, actor.userId],
    );
    if (mine.rows.length === 0) throw new AppError('assignment_changed');
  }
  return actor;
}

export async function photoRoutes(app: FastifyInstance, opts: { pool: pg.Pool }) {
  await app.register(async (scoped) => {
    // Raw image bodies for this route only.
    scoped.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    scoped.put(
      '/api/jobs/:unitId/photos/:photoId',
      { config: { tenancy: { table: 'fulfillment_units', param: 'unitId' } }, bodyLimit: MAX_BYTES },
      async (request, reply) => {
        const { unitId, photoId } = request.params as { unitId: string; photoId: string };
        const actor = await assertJob(opts.pool, request, unitId, true);
        if (!isIdOf('fulfillment_photos', photoId))
          throw new AppError('validation_failed', 'A photo id (fph_…) is required.');
        const body = request.body;
        const type = String(request.headers['content-type'] ?? '');
        if (!Buffer.isBuffer(body) || body.length === 0 || !type.startsWith('image/')) {
          throw new AppError('validation_failed', 'Send the image itself with an image/* content type.');
        }
        const q = request.query as { takenAt?: string; caption?: string };
        const takenAt = q.takenAt && !Number.isNaN(Date.parse(q.takenAt)) ? new Date(q.takenAt) : new Date();
        const { rowCount } = await opts.pool.query(
          `INSERT INTO fulfillment_photos (id, biz_id, fulfillment_unit_id, content_type, byte_size, sha256, data, caption,
             taken_at, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
          [
            photoId,
            actor.bizId,
            unitId,
            type.slice(0, 100),
            body.length,
            createHash('sha256').update(body).digest('hex'),
            body,
            q.caption?.slice(0, 500) ?? null,
            takenAt,
            actor.userId,
          ],
        );
        if (rowCount === 0) {
          // A retry of an upload that landed, or someone else's id: only the former answers 200.
          const { rows } = await opts.pool.query('SELECT 1 FROM fulfillment_photos WHERE id = $1 AND biz_id = $2', [
            photoId,
            actor.bizId,
          ]);
          if (!rows[0]) throw notFound('Photo');
        }
        return reply.status(rowCount ? 201 : 200).send({ id: photoId });
      },
    );
  });

  app.get(
    '/api/jobs/:unitId/photos',
    { config: { tenancy: { table: 'fulfillment_units', param: 'unitId' } } },
    async (request) => {
      const { unitId } = request.params as { unitId: string };
      const actor = await assertJob(opts.pool, request, unitId, false);
      const { rows } = await opts.pool.query(
        `SELECT id, content_type AS "contentType", byte_size AS "byteSize", sha256, caption, taken_at AS "takenAt"
         FROM fulfillment_photos WHERE biz_id = $1 AND fulfillment_unit_id = $2 AND deleted_at IS NULL ORDER BY taken_at`,
        [actor.bizId, unitId],
      );
      return { photos: rows };
    },
  );
}
