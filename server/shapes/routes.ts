/**
 * The only door to sync: `GET /api/shapes/<table>?offset=…` (Electric protocol params only).
 * Resolves session, device and role, pins the definition (shapes/pinning.ts) and forwards to the
 * embedded shape service, or to a real Electric when ELECTRIC_URL is set.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { notFound } from '../../shared/errors';
import type { Db } from '../db/pool';
import { assertDevice } from '../routes/devices';
import '../routes/tenancy-probe';
import { createShapeService, type ShapeService } from '../sync';
import { pinShape } from './pinning';

/** Query parameters a client may set: the protocol's own; everything defining the shape is pinned. */
const PROTOCOL_PARAMS = [
  'offset',
  'handle',
  'live',
  'cursor',
  'log',
  'live_sse',
  'experimental_live_sse',
  'expired_handle',
  'cache-buster',
  'replica',
] as const;

export interface ShapeProxyOptions {
  db: Db;
  pool: pg.Pool;
  databaseUrl: string;
  electricUrl?: string;
  /** Shorter long-polls for tests. */
  longPollTimeoutMs?: number;
}

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export async function shapeRoutes(app: FastifyInstance, opts: ShapeProxyOptions) {
  let service: ShapeService | undefined;
  const embedded = () => {
    service ??= createShapeService({
      databaseUrl: opts.databaseUrl,
      longPollTimeoutMs: opts.longPollTimeoutMs,
      log: (msg, err) => (err ? app.log.warn({ err }, msg) : app.log.debug(msg)),
    });
    return service;
  };
  app.addHook('onClose', async () => {
    await service?.close();
  });
  app.decorate('shapeService', () => service);

  async function forward(
    query: Record<string, string>,
    request: FastifyRequest,
    signal: AbortSignal,
  ): Promise<Upstream> {
    if (!opts.electricUrl) {
      return embedded().handle({ query, headers: request.headers, method: 'GET', signal });
    }
    const url = new URL('/v1/shape', opts.electricUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const res = await fetch(url, { signal });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (k !== 'content-encoding' && k !== 'content-length' && k !== 'transfer-encoding') headers[k] = v;
    });
    return { status: res.status, headers, body: await res.text() };
  }

  app.get(
    '/api/shapes/:name',
    { config: { tenancy: 'session' } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const actor = await request.actor();
      const q = (request.query ?? {}) as Record<string, unknown>;
      await assertDevice(opts.db, actor, q.client_id);
      const { name } = request.params as { name: string };
      const pinned = await pinShape(opts.pool, actor, name);
      if (!pinned) throw notFound('Shape');

      const query: Record<string, string> = {};
      for (const key of PROTOCOL_PARAMS) {
        const v = q[key];
        if (typeof v === 'string') query[key] = v;
      }
      query.table = pinned.table;
      query.where = pinned.where;
      pinned.params.forEach((p, i) => {
        query[`params[${i + 1}]`] = p;
      });

      const controller = new AbortController();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      const res = await forward(query, request, controller.signal);
      const headers = { ...res.headers };
      // Rows are per biz and role: never let a shared cache hand them to someone else.
      if (headers['cache-control']) headers['cache-control'] = headers['cache-control'].replace('public', 'private');
      headers.vary = 'cookie';
      return reply.code(res.status).headers(headers).send(res.body);
    },
  );
}

declare module 'fastify' {
  interface FastifyInstance {
    shapeService(): ShapeService | undefined;
  }
}
