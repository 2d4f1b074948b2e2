/** `GET /api/health`: liveness plus which database and sync backend this server runs on. */
import type { FastifyInstance } from 'fastify';
import type { DbKind } from '../db/database';
import type { Database } from '../db/pool';

export interface HealthDeps {
  database: Database;
  dbKind: DbKind;
  syncKind: 'embedded' | 'electric';
  version: string;
}

export async function healthRoutes(app: FastifyInstance, deps: HealthDeps) {
  app.get('/api/health', { config: { tenancy: 'public' } }, async (_req, reply) => {
    let dbOk = true;
    try {
      await deps.database.pool.query('SELECT 1');
    } catch {
      dbOk = false;
    }
    return reply.status(dbOk ? 200 : 503).send({
      ok: dbOk,
      db: deps.dbKind,
      sync: deps.syncKind,
      version: deps.version,
      time: new Date().toISOString(),
    });
  });
}
