/**
 * Fastify plugin mounting a shape service at `GET/HEAD/OPTIONS <path>` (default `/v1/shape`).
 * The app keeps this internal: a proxy in front pins shape definitions and forwards protocol params.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ShapeService } from './service';

export interface ShapeHttpOptions {
  service: ShapeService;
  /** Route path (default `/v1/shape`); combine with Fastify's `prefix` if desired. */
  path?: string;
}

export async function shapeHttpPlugin(app: FastifyInstance, opts: ShapeHttpOptions): Promise<void> {
  const path = opts.path ?? '/v1/shape';
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const controller = new AbortController();
    const onClose = () => {
      if (!reply.raw.writableFinished) controller.abort();
    };
    reply.raw.once('close', onClose);
    const res = await opts.service.handle({
      query: (request.query ?? {}) as Record<string, unknown>,
      headers: request.headers,
      method: request.method,
      signal: controller.signal,
    });
    reply.code(res.status).headers(res.headers);
    if (request.method === 'HEAD' || res.status === 204 || res.status === 304) return reply.send();
    return reply.send(res.body);
  };
  app.route({ method: ['GET', 'HEAD', 'OPTIONS'], url: path, exposeHeadRoute: false, handler });
}
