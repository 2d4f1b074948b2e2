/**
 * The only door to sync: `GET /api/shapes/<table>?offset=…` (Electric protocol params only).
 * Resolves session, device and role, pins the definition (shapes/pinning.ts) and forwards to the
 * embedded shape service, or to a real Electric when ELECTRIC_URL is set.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../../shared/errors';
import type { Db } from '../db/pool';
import type { Actor } from '../plugins/auth';
import { assertDevice } from '../routes/devices';
import { parse } from '../routes/validate';
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

  /** One pinned shape request → the upstream answer, made private to this caller. */
  async function serveShape(
    actor: Actor,
    name: string,
    q: Record<string, unknown>,
    request: FastifyRequest,
    signal: AbortSignal,
  ): Promise<Upstream> {
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
    if (pinned.columns) query.columns = pinned.columns.map((c) => `"${c}"`).join(',');
    const res = await forward(query, request, signal);
    const headers = { ...res.headers };
    // Rows are per biz and role: never let a shared cache hand them to someone else.
    if (headers['cache-control']) headers['cache-control'] = headers['cache-control'].replace('public', 'private');
    headers.vary = 'cookie';
    return { status: res.status, headers, body: res.body };
  }

  function abortOnClose(reply: FastifyReply): AbortController {
    const controller = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    return controller;
  }

  app.get(
    '/api/shapes/:name',
    { config: { tenancy: 'session' } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const actor = await request.actor();
      const q = (request.query ?? {}) as Record<string, unknown>;
      await assertDevice(opts.db, actor, q.client_id);
      const { name } = request.params as { name: string };
      const res = await serveShape(actor, name, q, request, abortOnClose(reply).signal);
      return reply.code(res.status).headers(res.headers).send(res.body);
    },
  );

  /**
   * Many shapes over one connection. Browsers allow ~6 connections per origin over HTTP/1.1, so a
   * device syncing dozens of live shapes multiplexes their requests here: every request runs; the
   * answer goes back once all non-live ones are done, or, for a batch of live ones only, once one
   * answered (or the long-poll ended); live requests still parked are then answered with a
   * catch-up at their offset. See client/src/db/multiplex.ts.
   */
  app.post(
    '/api/shapes/batch',
    { config: { tenancy: 'session' } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const actor = await request.actor();
      const body = parse(BatchBody, request.body);
      await assertDevice(opts.db, actor, body.clientId);
      const closed = abortOnClose(reply);
      const controllers = body.requests.map(() => new AbortController());
      closed.signal.addEventListener('abort', () => {
        for (const c of controllers) c.abort();
      });
      const done: (BatchAnswer | undefined)[] = body.requests.map(() => undefined);
      const runs = body.requests.map((r, i) =>
        serveShape(actor, r.name, r.query, request, controllers[i]!.signal).then(
          (res) => {
            done[i] = { i, ...res };
          },
          (err: unknown) => {
            if (controllers[i]!.signal.aborted) return;
            const e = err instanceof AppError ? err : new AppError('internal');
            done[i] = {
              i,
              status: e.status,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(e.toJSON()),
            };
          },
        ),
      );
      const isLive = (i: number) =>
        body.requests[i]!.query.live !== undefined && body.requests[i]!.query.live !== 'false';
      const catchUps = runs.filter((_, i) => !isLive(i));
      await Promise.all(catchUps);
      const live = runs.filter((_, i) => isLive(i));
      // Catch-up answers (initial sync, a stream resuming after a reconnect) go back at once, never
      // held behind a quiet long-poll; only an all-live batch waits for a change.
      if (catchUps.length === 0 && live.length && done.every((d) => d === undefined)) await Promise.race(live);
      // Let answers caused by the same commit land together.
      await new Promise((r) => setTimeout(r, 25));
      // Live requests still parked are answered now with a catch-up at their offset (what the
      // Electric client's own forceDisconnectAndRefresh asks for): it carries the global LSN, so a
      // multi-shape client can apply the transaction at once instead of after every long-poll ends.
      const cursor =
        done.find((d) => d?.headers['electric-cursor'])?.headers['electric-cursor'] ??
        String(Math.ceil(Date.now() / 1000));
      await Promise.all(
        controllers.map(async (c, i) => {
          if (done[i]) return;
          c.abort();
          const { live: _live, ...query } = body.requests[i]!.query;
          if (closed.signal.aborted) return;
          try {
            const res = await serveShape(actor, body.requests[i]!.name, query, request, closed.signal);
            done[i] = { i, ...res, headers: { ...res.headers, 'electric-cursor': cursor } };
          } catch {
            // Unanswered: the client asks again in its next batch.
          }
        }),
      );
      return reply.send({ responses: done.filter((d): d is BatchAnswer => d !== undefined) });
    },
  );
}

interface BatchAnswer extends Upstream {
  i: number;
}

const BatchBody = z.strictObject({
  clientId: z.string().max(40),
  requests: z
    .array(z.strictObject({ name: z.string().max(80), query: z.record(z.string(), z.string().max(2000)) }))
    .min(1)
    .max(64),
});

declare module 'fastify' {
  interface FastifyInstance {
    shapeService(): ShapeService | undefined;
  }
}
