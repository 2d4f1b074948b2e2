/**
 * One error handler and one not-found handler for the whole API: AppError → its status and
 * `{code, message, details}`; validation problems → 400 `validation_failed`; anything else → a
 * generic 500 that leaks nothing (the details go to the log).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ERRORS } from '../../shared/errors';

function fromFastify(err: FastifyError): AppError | undefined {
  if (err.validation) {
    return new AppError('validation_failed', undefined, {
      issues: err.validation.map((v) => ({ path: v.instancePath || v.params?.missingProperty, message: v.message })),
    });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', err.message);
    case 'FST_ERR_RATE_LIMIT':
      return new AppError('rate_limited');
  }
  if (err.statusCode === 429) return new AppError('rate_limited');
  if (err.statusCode === 400 || err instanceof SyntaxError)
    return new AppError('bad_request', 'The body is not valid JSON.');
  return undefined;
}

export interface ErrorsOptions {
  /** Answer unknown non-API GETs with the client's app shell (client-side routes). */
  spaShell?: boolean;
}

export const errorsPlugin = fp(
  async (app: FastifyInstance, opts: ErrorsOptions) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const appError = error instanceof AppError ? error : fromFastify(error);
      if (appError) {
        if (appError.status >= 500) request.log.error({ err: error }, appError.message);
        return reply.status(appError.status).send(appError.toJSON());
      }
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send({ code: 'internal', message: ERRORS.internal.message });
    });
    app.setNotFoundHandler((request, reply) => {
      const isApi = request.url.startsWith('/api/') || request.url.startsWith('/v1/');
      if (opts.spaShell && request.method === 'GET' && !isApi) return reply.sendFile('index.html');
      return reply.status(404).send(new AppError('not_found').toJSON());
    });
  },
  { name: 'errors' },
);
